"""All settings, driven by environment variables, with safe production defaults.

Django's own core lives here; security.py (login, staff, cookies, CSP) and services.py (back
offices, MijnZaken, notifications) hold the rest and are imported at the end, so
DJANGO_SETTINGS_MODULE stays this one module (dev.py and test.py only loosen it).
"""

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import BASE_DIR, env, env_bool, env_int, env_list

# --- Environment and core -----------------------------------------------------------------

# "production" makes AppConfig.ready() refuse unsafe settings (DEBUG, default secret, demo app).
MIJNOMGEVING_ENVIRONMENT = "production"

INSECURE_SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env("DJANGO_SECRET_KEY", INSECURE_SECRET_KEY)
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# The public address of the portal, for links in e-mails and the OIDC redirect.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Secret for pseudonyms: the user_id in outgoing ZGW JWTs (docs/standards.md Decision 1) and the
# hashed BSN/KVK lookup key on the user record. Falls back to SECRET_KEY.
PSEUDONYM_SECRET = env("MIJNOMGEVING_PSEUDONYM_SECRET", SECRET_KEY)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "solo",
    "simple_certmanager",
    "zgw_consumers",
    "django_setup_configuration",
    "mozilla_django_oidc",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "mijnomgeving",
    "mijnomgeving.accounts",
    "zaken",
    "notificaties",
    # >>> staff login, desk view and processing log (balie/)
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "maykin_2fa",
    "two_factor",
    "axes",
    "mijnomgeving.audit",
    "balie",
    # <<< balie/
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "mijnomgeving.accounts.middleware.IdleTimeoutMiddleware",
    # Logged-in pages: Cache-Control private, no-store (Back on a shared computer shows nothing).
    "mijnomgeving.accounts.middleware.NoStoreMiddleware",
    # >>> balie/: staff second factor (maykin-2fa's, repaired), lockout after failed logins
    "balie.middleware.OTPMiddleware",
    "axes.middleware.AxesMiddleware",
    # <<< balie/
]

ROOT_URLCONF = "mijnomgeving.urls"
WSGI_APPLICATION = "mijnomgeving.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "mijnomgeving.accounts.context_processors.session",
            ],
        },
    },
]

# --- Database, cache, sessions ------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's portal and task worker share one SQLite file: WAL lets readers and the
    # writer overlap, IMMEDIATE takes the write lock up front (no mid-transaction
    # "database is locked"), and the timeout waits for the lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Sessions end after 15 idle minutes (DigiD norm): activity renews the session's expiry
# (IdleTimeoutMiddleware writes it at most every 30 s; the cookie lasts the browser session).
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 15 * 60)
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Seconds before the end of the session at which the page warns the resident.
SESSION_WARNING_BEFORE = env_int("SESSION_WARNING_BEFORE", 2 * 60)

# --- Background tasks ---------------------------------------------------------------------

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Internationalisation -----------------------------------------------------------------

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files -------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_root"
STATICFILES_DIRS = [BASE_DIR / "static"]
# NL Design System CSS, the Voorbeeld theme and its fonts come from npm (package.json, `npm ci`).
# Only the files listed here are served, each under its own name in the given static folder.
NODE_MODULES_DIR = BASE_DIR / "node_modules"
NPM_STATIC_FILES = {
    "nlds": [
        "@utrecht/component-library-css/dist/index.css",
        "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css",
    ],
    "nlds/fonts": [
        f"@fontsource/{family}/files/{family}-{subset}-{variant}.woff2"
        for family, subset, variant in [
            ("noto-sans", "latin", "400-normal"),
            ("noto-sans", "latin", "400-italic"),
            ("noto-sans", "latin", "700-normal"),
            ("noto-sans", "latin", "700-italic"),
            ("noto-sans", "latin-ext", "400-normal"),
            ("noto-sans", "latin-ext", "700-normal"),
            ("noto-serif", "latin", "700-normal"),
            ("noto-serif", "latin-ext", "700-normal"),
            ("noto-sans-mono", "latin", "400-normal"),
        ]
    ],
}
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "mijnomgeving.staticfinders.NpmFilesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Logging ------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "mozilla_django_oidc": {"level": "WARNING"},
    },
}

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "UNAUTHENTICATED_USER": None,
}

# >>> setup_configuration (declarative configuration, demo/config/setup.yaml)
# `manage.py setup_configuration --yaml-file <file>` runs these steps; each is idempotent.
SETUP_CONFIGURATION_STEPS = [
    "zgw_consumers.contrib.setup_configuration.steps.ServiceConfigurationStep",
    # after the services: a relative catalogus_url is resolved on the Catalogi service
    "zaken.setup_configuration.steps.ZakenConfigurationStep",
    # the DigiD login's OIDC settings (namespace oidc_config), see demo/config/*.yaml
    "mijnomgeving.accounts.setup_configuration.OIDCConfigurationStep",
]
# <<< setup_configuration

from .security import *  # noqa: E402, F403
from .services import *  # noqa: E402, F403
