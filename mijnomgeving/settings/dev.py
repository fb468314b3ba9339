"""Development and `make demo`: loosens base.py for plain HTTP on localhost."""

from .base import *  # noqa: F403
from .base import env, env_bool

MIJNOMGEVING_ENVIRONMENT = "development"
DEBUG = env_bool("DJANGO_DEBUG", True)

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# The demo's OIDC provider (demo/stack.py) gives the client a secret of its choosing.
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", "mijnomgeving-demo-secret")

# balie/: no bypass of the second factor here either (base.py's empty list). The demo staff
# have a TOTP device on a fixed key (create_demo_staff); their codes are on /_demo/medewerkers/.

# >>> notificaties/: e-mails land as files in var/mailbox (EMAIL_FILE_PATH), the demo mailbox.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
# <<< notificaties/
