"""Who may come in and how: login (DigiD over OIDC, staff with two factors), lockout, the
processing log's keys, cookies, HTTPS and the Content Security Policy. Part of base.py."""

from datetime import timedelta

from csp.constants import NONE, SELF

from .env import env, env_bool, env_float, env_int, env_list

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
