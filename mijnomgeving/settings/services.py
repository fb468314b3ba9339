"""The back offices and what the portal does with them: the client layer, MijnZaken, the
Notificatieservice and its e-mail and SMS channels. Part of base.py."""

from .env import BASE_DIR, env, env_bool, env_float, env_int, env_list

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

# MijnZaken visibility (docs/standards.md §3.2, Decisions 2 and 3); per-type overrides live in the admin.
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
# At most one message per resident and zaak within this many seconds (docs/standards.md §4.5 step 6).
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
