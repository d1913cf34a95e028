"""Settings for a developer's machine: debug on, e-mail to the console."""

from .base import *  # noqa: F403
from .environment import env, env_bool

DEBUG = env_bool("DEBUG", True)
# Not a secret: only ever used on a developer's machine. Production refuses to start without its own.
SECRET_KEY = env("SECRET_KEY") or "development-only-key-not-for-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The account `make run` creates can sign in with its password alone; two-factor sign-in still
# works for anyone who sets it up, and production requires it (see README, "Admin security").
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
# Serve static files from the source folders, picking up edits without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
