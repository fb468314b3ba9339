"""All settings, driven by environment variables, with safe production defaults."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


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

# Secret for pseudonyms: the user_id in outgoing ZGW JWTs (STANDARDS Decision 1) and the
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

# --- Authentication -----------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out username/address before any backend runs.
    "axes.backends.AxesStandaloneBackend",
    "mijnomgeving.accounts.backends.DigiDBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "accounts:logged-out"

# OIDC (DigiD / eHerkenning through the municipality's broker), mozilla-django-oidc.
# These are the fallback: when the admin's "DigiD-inlogconfiguratie (OIDC)" is switched on
# (or loaded from YAML by setup_configuration), each of its filled-in fields wins over the
# setting here (mijnomgeving/accounts/oidc_settings.py).
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", "mijnomgeving")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT")
# RP-initiated logout: used when set (the provider's end_session_endpoint).
OIDC_OP_LOGOUT_ENDPOINT = env("OIDC_OP_LOGOUT_ENDPOINT")
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = True
OIDC_TIMEOUT = env_float("OIDC_TIMEOUT", 10.0)
# The claim that carries the BSN, and optionally the level of assurance.
OIDC_BSN_CLAIM = env("OIDC_BSN_CLAIM", "bsn")
OIDC_LOA_CLAIM = env("OIDC_LOA_CLAIM", "acr")
# Lowest accepted DigiD level: basis, midden, substantieel or hoog (or the SAML class URN, see
# mijnomgeving/accounts/loa.py); empty accepts any level.
OIDC_MIN_LOA = env("OIDC_MIN_LOA")
# When set, the ID token's "iss" must equal it (mozilla-django-oidc does not check it).
OIDC_OP_ISSUER = env("OIDC_OP_ISSUER")
# Match the signing key by the token's "kid"; off only for providers whose tokens carry none
# (oidc-provider-mock in the demo and tests).
OIDC_VERIFY_KID = env_bool("OIDC_VERIFY_KID", True)
# Our views around mozilla-django-oidc's: failures land on accounts:login-failed.
OIDC_AUTHENTICATE_CLASS = "mijnomgeving.accounts.oidc_views.DigiDAuthenticationRequestView"
OIDC_CALLBACK_CLASS = "mijnomgeving.accounts.oidc_views.DigiDCallbackView"
LOGIN_REDIRECT_URL_FAILURE = "accounts:login-failed"

# >>> balie/ (staff login: maykin-2fa on the admin login, django-axes lockout)
# Staff log in at /beheer/ with a password and a TOTP code (or a recovery code). No backend
# may skip the second factor here; dev.py and test.py name the ones they let through.
MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS: list[str] = []
TWO_FACTOR_PATCH_ADMIN = False  # maykin_2fa.monkeypatch_admin() in urls.py does it
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "MijnOmgeving")
# No administrator can read another staff member's TOTP key or QR code in the admin.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Lock a username from an address out after this many failed logins, for this many minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The address is the visitor's, not the proxy's: with TRUSTED_PROXY_COUNT proxies in front of
# the portal, it is taken from X-Forwarded-For as they set it (mijnomgeving/accounts/client_ip.py).
AXES_CLIENT_IP_CALLABLE = "mijnomgeving.accounts.client_ip.client_ip_address"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# maykin_2fa.E003 looks for its own middleware by name; balie.middleware.OTPMiddleware is that
# class, repaired for django-otp >= 1.6 (see its docstring).
SILENCED_SYSTEM_CHECKS = ["maykin_2fa.E003"]
AXES_LOCKOUT_TEMPLATE = "balie/locked_out.html"
# Fernet keys (comma-separated, newest first) that encrypt the BSN in the processing log;
# empty: one derived from DJANGO_SECRET_KEY (mijnomgeving/audit/crypto.py).
AUDIT_ENCRYPTION_KEYS = env_list("AUDIT_ENCRYPTION_KEYS")
# <<< balie/

# --- Back offices (clients/) --------------------------------------------------------------

# zgw_consumers Service slugs the client layer builds its clients from.
ZAKEN_SERVICE_SLUG = env("ZAKEN_SERVICE_SLUG", "zaken")
CATALOGI_SERVICE_SLUG = env("CATALOGI_SERVICE_SLUG", "catalogi")
DOCUMENTEN_SERVICE_SLUG = env("DOCUMENTEN_SERVICE_SLUG", "documenten")

UPSTREAM_CONNECT_TIMEOUT = env_float("UPSTREAM_CONNECT_TIMEOUT", 3.05)
UPSTREAM_READ_TIMEOUT = env_float("UPSTREAM_READ_TIMEOUT", 10.0)
# The bounded helper for independent calls: at most this many at once per page.
UPSTREAM_MAX_PARALLEL = env_int("UPSTREAM_MAX_PARALLEL", 10)
# Switches that exist for the benchmark's sequential baseline (issue 6): keep them on.
UPSTREAM_PARALLEL = env_bool("UPSTREAM_PARALLEL", True)
CATALOGI_CACHE_SECONDS = env_int("CATALOGI_CACHE_SECONDS", 60 * 60)
# >>> clients/ (client layer helper)
# Safety cap on `next` links followed for one list; beyond it the call fails rather than
# show part of a list as all of it (Open Zaak pages hold 100 items).
UPSTREAM_MAX_PAGES = env_int("UPSTREAM_MAX_PAGES", 50)
# <<< clients/

# MijnZaken visibility (STANDARDS §3.2, Decisions 2 and 3); per-type overrides live in the admin.
ZAAK_MAX_VERTROUWELIJKHEID = env("ZAAK_MAX_VERTROUWELIJKHEID", "zaakvertrouwelijk")
DOCUMENT_MAX_VERTROUWELIJKHEID = env("DOCUMENT_MAX_VERTROUWELIJKHEID", "beperkt_openbaar")
SHOW_ZAKEN_WITHOUT_STATUS = env_bool("SHOW_ZAKEN_WITHOUT_STATUS", False)
# >>> zaken/ (MijnZaken)
# Ask Open Zaak to embed zaaktype, status(type) and resultaat(type) in zaak responses
# (`expand`, Zaken 1.5+): one round trip for the overview. Off: fetched separately, in parallel.
ZAKEN_USE_EXPAND = env_bool("ZAKEN_USE_EXPAND", True)
# <<< zaken/
# >>> notificaties/ (Notificatieservice: webhook, outbox, e-mail and SMS)
NOTIFICATIES_SERVICE_SLUG = env("NOTIFICATIES_SERVICE_SLUG", "notificaties")
KLANTINTERACTIES_SERVICE_SLUG = env("KLANTINTERACTIES_SERVICE_SLUG", "klantinteracties")
# Filter of the zaken kanaal in the portal's abonnement (empty: every zaak the NRC carries).
NOTIFICATIES_ZAKEN_BRONORGANISATIE = env("NOTIFICATIES_ZAKEN_BRONORGANISATIE")
# Kanalen of the portal's abonnement; zaken gets the bronorganisatie filter above.
NOTIFICATIES_KANALEN = env_list("NOTIFICATIES_KANALEN", "zaken")
# At most one message per resident and zaak within this many seconds (STANDARDS §4.5 step 6).
NOTIFICATION_RATE_LIMIT_SECONDS = env_int("NOTIFICATION_RATE_LIMIT_SECONDS", 15 * 60)
# Retries of a failing notification or message: attempts in all, and the first delay (doubled
# after each failure) before it ends in the visible "failed" state.
NOTIFICATION_MAX_ATTEMPTS = env_int("NOTIFICATION_MAX_ATTEMPTS", 6)
NOTIFICATION_RETRY_BASE_SECONDS = env_int("NOTIFICATION_RETRY_BASE_SECONDS", 60)
# A message still "sending" this long after it started is treated as interrupted (a crash).
NOTIFICATION_SENDING_TIMEOUT_SECONDS = env_int("NOTIFICATION_SENDING_TIMEOUT_SECONDS", 15 * 60)
# A notification still "processing" this long is taken up again by the sweep.
NOTIFICATION_PROCESSING_TIMEOUT_SECONDS = env_int(
    "NOTIFICATION_PROCESSING_TIMEOUT_SECONDS", 10 * 60
)
# E-mail through Django's mail backend ("django") or NotifyNL ("notifynl"); SMS always NotifyNL.
NOTIFICATION_EMAIL_CHANNEL = env("NOTIFICATION_EMAIL_CHANNEL", "django")
NOTIFYNL_API_KEY = env("NOTIFYNL_API_KEY")
NOTIFYNL_BASE_URL = env("NOTIFYNL_BASE_URL", "https://api.notifynl.nl")
# NotifyNL templates with the personalisation fields ((onderwerp)) and ((bericht)).
NOTIFYNL_EMAIL_TEMPLATE_ID = env("NOTIFYNL_EMAIL_TEMPLATE_ID")
NOTIFYNL_SMS_TEMPLATE_ID = env("NOTIFYNL_SMS_TEMPLATE_ID")
# Django's mail backend: SMTP in production; dev.py writes files to var/mailbox (demo mailbox).
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mailbox"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "MijnOmgeving <noreply@example.nl>")
# <<< notificaties/

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

# --- Security -----------------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# A form sent with an old token (another tab logged in again) gets a Dutch page, not Django's.
CSRF_FAILURE_VIEW = "mijnomgeving.views.csrf_failure"
# Behind the municipality's TLS-terminating proxy; the secure flags below assume HTTPS.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the portal append to X-Forwarded-For; 0: REMOTE_ADDR is the
# visitor (no proxy, or one that does not set the header). Only where the portal cannot be
# reached around them: the header is the visitor's own text left of the proxies' entries.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF, *env_list("CSP_FORM_ACTION")],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
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
