"""Settings of the demo back office project: no database, no sessions, only the ZGW API stand-ins.

This is a separate Django project from the portal (`mijnomgeving.settings.*`); it serves
Zaken, Catalogi and Documenten APIs shaped like Open Zaak 1.30 from in-memory state.
"""

# Signs nothing: there are no sessions, messages or auth apps.
SECRET_KEY = "demo-backoffice-not-a-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]  # payload URLs are built from whatever Host the client used

INSTALLED_APPS: list[str] = []
MIDDLEWARE = ["demo.backoffice.middleware.ApiMiddleware"]
ROOT_URLCONF = "demo.urls"
WSGI_APPLICATION = "demo.wsgi.application"
DATABASES: dict[str, dict[str, str]] = {}

USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "nl"
USE_I18N = False
DEFAULT_CHARSET = "utf-8"

# The request log (GET /_demo/requests) is the access log; keep stderr for real errors.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.server": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        "demo": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}
