"""Settings shared by every environment; machine-specific values come from the environment."""

import tempfile
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .caches import cache_settings
from .database import database_settings
from .environment import code_digest, env, env_bool, env_list, env_networks
from .frontend_cache import frontend_cache_settings
from .media import media_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "sciencecity",
    "navigation",
    "edge",
    "uploads",
    "seeding",
    "editorial",
    "search",
    "partnerships",
    "districts",
    "workshops",
    "translations",
    "accounts",
    "privacy",
    "backups",
    "wagtail_localize",
    # Replaces wagtail.locales: its locale admin also syncs page trees.
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    # wagtail.users, with the groups list saying what each group may do.
    "editorial.admin_apps.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Country names in Danish and Swedish come from its translations.
    "django_countries",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The database and media dumps inside the backups app's archives.
    "dbbackup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # HTML compressed for visitors who reach gunicorn directly (the edge asks for it plain and
    # compresses it itself). Django's GZip pads each response with random bytes against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    # Outermost but for the HTTPS redirect: it sees the final response, cookies included.
    "edge.cache_headers.CacheHeadersMiddleware",
    "sciencecity.security.SecurityHeadersMiddleware",
    "sciencecity.security.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware has checked the host: the site and page from the shared cache.
    "navigation.routing.RoutingMiddleware",
    "sciencecity.security.PublicMethodsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    # Page and document passwords: a limited number of attempts per address and restriction.
    "privacy.throttling.PasswordThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A save that waited too long for the database is explained (503), not a 500.
    "sciencecity.database_busy.DatabaseBusyMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sciencecity.urls"

# Security headers. Public pages have no inline script or style at all, so
# their policy needs no 'unsafe-inline' and no nonce (which would make every
# cached copy of a page unique). JSON-LD data blocks are not scripts to run.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail 8's page editor and workflow views and wagtail-localize's translation
# editor use inline scripts and styles; they get only what they need beyond that.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), browsing-topics=()"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The admin reads its CSRF token from the page, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
WSGI_APPLICATION = "sciencecity.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the embedded default so the site runs with nothing else installed;
# production points DATABASE_URL at PostgreSQL.
DATABASES = {"default": database_settings(env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The release: part of every cache key, so a deploy never reads what the last release cached
# (sciencecity/cache.py), and recorded in backups. Set RELEASE to the deployed version (a tag or a
# commit); otherwise it is a digest of the code.
RELEASE = env("RELEASE") or code_digest(BASE_DIR)

# One cache, shared by every process (settings/caches.py): Redis where REDIS_URL is set, else a
# database table. An accelerator, never a dependency: an unreachable Redis is logged once a minute.
REDIS_URL = env("REDIS_URL")
CACHES = cache_settings(REDIS_URL)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "sciencecity.cache"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"once_a_minute": {"()": "sciencecity.cache.OncePerInterval", "seconds": 60}},
    "loggers": {"sciencecity.cache": {"filters": ["once_a_minute"]}},
}

# The one full-page cache is in front (deploy/nginx or a CDN): how long it may keep a page that
# nothing changes. Every change purges it (edge/purge.py).
EDGE_CACHE_SECONDS = 60 * 60

# Tasks (django-tasks, as Wagtail 8 uses): Wagtail's own (search and reference index) run at once;
# purging the frontend caches has its own backend, at once here and a queue with a worker in
# production (production.py), so an editor's save never waits on a CDN.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "purge": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The site's languages, in the language switcher's order: the one list every part of the site reads.
# The first is the default and the source that the others are translated from. Each entry names the
# language in itself, the Snowball stemmer that search uses for it (also PostgreSQL's text-search
# configuration of that name; a language without one is searched unstemmed) and its Open Graph locale.
# Adding a language here (and its translations in locale/) adds it to the site: URL prefix, switcher,
# hreflang, sitemap, search, roles, the translation report and the admin.
SITE_LANGUAGES = {
    "da": {"name": "Dansk", "stemmer": "danish", "og_locale": "da_DK"},
    "sv": {"name": "Svenska", "stemmer": "swedish", "og_locale": "sv_SE"},
    "en": {"name": "English", "stemmer": "english", "og_locale": "en_GB"},
}
LANGUAGES = [(code, language["name"]) for code, language in SITE_LANGUAGES.items()]
LANGUAGE_CODE = LANGUAGES[0][0]
# Languages that names and linked content may be in (for lang and hreflang), beyond the site's own.
OTHER_CONTENT_LANGUAGES = ["es", "it"]
# The GIID network's working language: district names are in it unless an editor says otherwise.
NETWORK_LANGUAGE = "en"
# Our own strings first; then our translations for Wagtail and wagtail-localize, which
# override the packages' own catalogues (see locale_upstream/README.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_upstream"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Copenhagen"
# The site's English is British (og:locale en_GB): "27 November 2026", not Django's American "Nov. 27, 2026".
FORMAT_MODULE_PATH = ["sciencecity.formats"]
# The organisation's page, and its English readers, say "USA".
COUNTRIES_OVERRIDE = {"US": _("USA")}

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "media")
# Uploads on the local disk, or in an S3-compatible bucket shared by every machine (settings/media.py).
_media_storage, MEDIA_ORIGIN = media_storage()
STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if MEDIA_ORIGIN:
    # Pages and the admin show images from the bucket (or its CDN): our own store, not a third party.
    for _policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):
        _policy["DIRECTIVES"]["img-src"].append(MEDIA_ORIGIN)
    # Documents go through Wagtail's view, which checks permissions and then redirects to the
    # storage's short-lived signed address (uploads/storage.py); never a direct link.
    WAGTAILDOCS_SERVE_METHOD = "redirect"

# The page editor posts one field per block; a long page can exceed Django's 1,000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Science City Lyngby"
DEFAULT_FROM_EMAIL = "Science City Lyngby <noreply@localhost>"
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Moderation e-mails go to the approvers of the task; superusers are not copied.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000"
# The dashboard would otherwise fetch Wagtail's release feed from the internet.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No requests to other sites from the admin either: revision and lock lists show users' avatars,
# which Wagtail fetches from gravatar.com unless this is None (it then draws a placeholder).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Per-language text search (the stemmers of SITE_LANGUAGES) on PostgreSQL; SQLite full-text search otherwise.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "sciencecity.upstream.multilingual_search"}}
# Private pages and documents ask for their password, and pages for signed-in users ask for an account,
# in the site's layout and the visitor's language (privacy/templates/privacy/).
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "privacy/password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "privacy/document_password_required.html"
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "privacy/login.html"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# No avatars from Gravatar: the admin makes no requests to other hosts (and its CSP would block them).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# The admin speaks the site's languages (Wagtail's own English among them).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES


# ---------------------------------------------------------------------------
# Admin hardening: login throttling, two-factor sign-in, safe uploads, sessions
# (the accounts app and uploads/forms.py).
# ---------------------------------------------------------------------------
# django-axes sees every login attempt through its backend, which must come first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
# Locked per username on one address (guessing one account), and per address
# (trying many usernames). Axes uses one limit for both, so five failures from
# one address within the cool-off period lock that address.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
# A successful login resets only that user's failures from that address, never the address's count.
AXES_HANDLER = "accounts.throttling.OwnAttemptsHandler"
# Each attempt during a lockout starts the cool-off again, as the lockout page says.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
# The client's address: REMOTE_ADDR, or behind REVERSE_PROXY_COUNT proxies the
# address the outermost of ours saw (X-Forwarded-For counted from the right,
# so a client cannot spoof it). django-ipware is not installed; this replaces
# the old AXES_BEHIND_REVERSE_PROXY and the AXES_IPWARE_* settings.
REVERSE_PROXY_COUNT = int(env("REVERSE_PROXY_COUNT") or 0)
# Whose X-Forwarded-For is read at all: the proxies' own addresses or networks, comma-separated ("*":
# any peer, only where nothing but the proxy can reach the app). The variable gunicorn reads for its
# forwarded headers too; by default the loopback address, an edge on the same machine.
TRUSTED_PROXIES = env_networks("FORWARDED_ALLOW_IPS", ["127.0.0.1", "::1"])
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"

# After the front-end login (/da/_util/login/, for pages private to signed-in visitors) without a
# next address, and after a page password with a bad return address: the site's front page, not
# Django's /accounts/profile/, which does not exist here. The admin's login goes to the admin.
LOGIN_REDIRECT_URL = "/"

# Two-factor sign-in (django-otp): the issuer names the account in authenticator apps.
# Approvers, administrators and superusers must enrol before using the admin (off only on a
# developer's machine, where dev.py turns it off unless TWO_FACTOR_REQUIRED=1).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = "Science City Lyngby"

# An idle admin session ends after four hours, and when the browser closes.
SESSION_COOKIE_AGE = 4 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Uploads: size, type and pixel limits; uploads/forms.py also checks the bytes.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "uploads.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "uploads.forms.DocumentForm"

# No version fingerprint on the admin's static URLs (Wagtail's ?v= hash of its
# version); production's hashed file names already bust caches.
WAGTAILADMIN_STATIC_FILE_VERSION_STRINGS = False


# Caches in front of the site (the nginx edge of deploy/nginx/, Cloudflare, CloudFront), purged after
# every change (edge/purge.py); configured by environment variables alone.
WAGTAILFRONTENDCACHE = frontend_cache_settings()


# Backups (backups/README.md): one archive of the database and the uploads, made with django-dbbackup.
BACKUP_DIR = Path(env("BACKUP_DIR") or BASE_DIR / "backups")
# Archives older than this many days are deleted after each backup; 0 keeps them all.
BACKUP_KEEP_DAYS = int(env("BACKUP_KEEP_DAYS") or 14)
# django-dbbackup's own storage is unused (the archive is assembled in BACKUP_DIR), but its default
# would be the media folder: keep anything it might write out of the site's uploads.
STORAGES["dbbackup"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": Path(tempfile.gettempdir()) / "sciencecity-dbbackup"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # pg_dump's custom format, restored by pg_restore; --no-owner so the archive restores onto another
    # machine whose database user has another name.
    DBBACKUP_CONNECTORS = {"default": {
        "CONNECTOR": "dbbackup.db.postgresql.PgDumpBinaryConnector",
        "PG_OPTIONS": ["--no-owner", "--no-privileges"],
    }}
else:
    # SQLite's online backup API: a consistent copy while the site runs, full-text index tables included.
    DBBACKUP_CONNECTORS = {"default": {"CONNECTOR": "dbbackup.db.sqlite.SqliteBackupConnector"}}
# The backup command reports its own failures (and the timer's log keeps them); no e-mail from dbbackup.
DBBACKUP_SEND_EMAIL = False
