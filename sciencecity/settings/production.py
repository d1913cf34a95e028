"""Settings for a public server: everything secret or machine-specific comes from the environment."""

from .base import *  # noqa: F403
from .environment import env, env_bool, env_list, env_required

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_required("SECRET_KEY", "a long random string, e.g. from `python -c 'import secrets; print(secrets.token_urlsafe(50))'`.")
# Earlier keys, after a change of key: sessions and backup archives signed with them stay valid.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    env_required("ALLOWED_HOSTS", "a comma-separated list of the host names the site answers to.")
WAGTAILADMIN_BASE_URL = env_required("WAGTAILADMIN_BASE_URL", "the public address of the site, e.g. https://sciencecity.dk.")

# Hashed, compressed (gzip and Brotli) static files, served by WhiteNoise with far-future cache headers.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Purging the caches in front runs in a worker (`manage.py db_worker --backend purge`),
# never in an editor's request; the queue is a database table (django-tasks-db).
TASKS = {**TASKS, "purge": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # noqa: F405

# E-mail (workflow notifications to approvers, password resets) through SMTP.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST") or "localhost"
EMAIL_PORT = int(env("EMAIL_PORT") or 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL") or "Science City Lyngby <noreply@localhost>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# HTTPS. Behind a proxy that terminates TLS, set SECURE_SSL_REDIRECT=0 and let the proxy redirect.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

LOGGING = {
    **LOGGING,  # noqa: F405 - the cache's failures, once a minute
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {**LOGGING["loggers"], "django": {"handlers": ["console"], "level": "INFO", "propagate": False}},  # noqa: F405
}

# The health check answers over plain HTTP too: a container's probe has no TLS (sciencecity/health.py).
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
