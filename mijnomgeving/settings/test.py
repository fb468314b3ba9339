"""The test suite: fast hashing, plain static storage, no HTTPS redirect."""

from .base import *  # noqa: F403

MIJNOMGEVING_ENVIRONMENT = "test"
DEBUG = False
SECRET_KEY = "test-secret-key-for-the-suite-only"  # noqa: S105
PSEUDONYM_SECRET = "test-pseudonym-secret"  # noqa: S105

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Serve static files from the finders: the suite does not need a collectstatic run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# >>> balie/: tests log staff in with force_login (ModelBackend) and skip the second factor;
# tests of the 2FA flow itself override this with an empty list.
MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
# <<< balie/
