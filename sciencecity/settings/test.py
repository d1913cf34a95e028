"""Settings for the test suite: fast hashing, in-memory e-mail, no network."""

from .base import *  # noqa: F403
from .environment import env

DEBUG = False
SECRET_KEY = "test-only-key-not-a-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
# Serve static files from the source folders: the suite does not run collectstatic first.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# A fixed release, unless a test runs the site as another release would.
RELEASE = env("RELEASE") or "test"
