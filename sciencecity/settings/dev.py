"""Settings for a developer's machine: debug on (but the site's own 404 page), e-mail to the console."""

from .base import *  # noqa: F403
from .environment import development_address, env, env_bool

DEBUG = env_bool("DEBUG", True)
# A wrong address shows the site's own 404 page, as in production; an error still shows Django's traceback.
# Innermost but for django-axes, which must stay last.
_axes = MIDDLEWARE.index("axes.middleware.AxesMiddleware")  # noqa: F405
MIDDLEWARE = [*MIDDLEWARE[:_axes], "sciencecity.development.SiteNotFoundPageMiddleware", *MIDDLEWARE[_axes:]]  # noqa: F405
# Not a secret: only ever used on a developer's machine. Production refuses to start without its own.
SECRET_KEY = env("SECRET_KEY") or "development-only-key-not-for-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Links in e-mails lead where `make run` serves the site (its HOST and PORT), unless told otherwise.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL") or development_address()
# The account `make run` creates can sign in with its password alone; two-factor sign-in still
# works for anyone who sets it up, and production requires it (see README, "Admin security").
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
# Serve static files from the source folders, picking up edits without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
