"""Production settings for the benchmark's portals on loopback (plain HTTP, no TLS proxy).

Everything is mijnomgeving.settings.base, as in production (DEBUG off, the production check
runs, no demo apps). Only the HTTPS-only parts are loosened, because the benchmark talks
plain HTTP to 127.0.0.1; the secrets come from the environment (bench generates them).
"""

from mijnomgeving.settings.base import *  # noqa: F403

MIJNOMGEVING_ENVIRONMENT = "production"

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# Pages only: request logging per call would measure the console, not the portal.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
