"""Durable state of the Notificatieservice: subscription, inbox, outbox, preferences, texts.

No BSN is stored: residents are keyed by `identifier_hash` (mijnomgeving.accounts.identity),
the outbox and the rate limit with the kind of number it is a hash of (a BSN, a KVK number).
What a message is about is its subject (mijnomgeving/subjects.py): service, kind and URL.
"""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mijnomgeving.accounts.identity import IdentifierKind
from mijnomgeving.subjects import Service, SubjectKind


def new_secret() -> str:
    return secrets.token_urlsafe(48)


def new_client_id() -> str:
    return f"mijnomgeving-webhook-{secrets.token_hex(4)}"


class Subscription(models.Model):
    """The portal's abonnement at the Notificaties API and the secret its webhook checks.

    The NRC sends `Authorization: Bearer <JWT>` back verbatim; the JWT names `client_id` and is
    signed (HS256) with `secret`, so the webhook finds the row and checks the signature.
    """

    client_id = models.CharField(max_length=100, unique=True, default=new_client_id)
    secret = models.CharField(max_length=200, default=new_secret)
    callback_url = models.URLField(max_length=1000, blank=True)
    abonnement_url = models.URLField(max_length=1000, blank=True)
    kanalen = models.JSONField(default=list, blank=True)
    # SHA-256 of the `auth` last given to the NRC: the NRC never shows it back (write-only).
    registered_auth_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    registered_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementen")

    def __str__(self) -> str:
        return self.abonnement_url or self.client_id


class ReceivedNotification(models.Model):
    """One notificatie as received, stored before the webhook answers 204."""

    class Status(models.TextChoices):
        PENDING = "pending", _("wacht op verwerking")
        PROCESSING = "processing", _("wordt verwerkt")
        DONE = "done", _("verwerkt")
        IGNORED = "ignored", _("genegeerd")
        FAILED = "failed", _("mislukt")

    payload = models.JSONField()
    dedupe_key = models.CharField(max_length=64, unique=True)
    kanaal = models.CharField(max_length=50)
    resource = models.CharField(max_length=100)
    actie = models.CharField(max_length=100)
    resource_url = models.URLField(max_length=1000)
    hoofd_object = models.URLField(max_length=1000)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    outcome = models.TextField(blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ontvangen notificatie")
        verbose_name_plural = _("ontvangen notificaties")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.kanaal}/{self.resource}/{self.actie} #{self.pk}"


class OutgoingMessage(models.Model):
    """The outbox: one message to one resident, unique per (resident, subject, resource, kind).

    The unique `dedupe_key` is the record of what was sent (it plays SentMessage's part): a
    second delivery or a retry finds the row and sends nothing new. Skipped messages stay too,
    with their reason.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("klaar om te versturen")
        SENDING = "sending", _("wordt verstuurd")
        SENT = "sent", _("verstuurd")
        SKIPPED = "skipped", _("niet verstuurd")
        FAILED = "failed", _("mislukt")

    class Kind(models.TextChoices):
        STATUS_UPDATE = "status_update", _("nieuwe status")
        ACTION_REQUIRED = "action_required", _("actie nodig")
        NEW_DOCUMENT = "new_document", _("nieuw document")

    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        SMS = "sms", _("sms")

    dedupe_key = models.CharField(max_length=64, unique=True)
    notification = models.ForeignKey(
        ReceivedNotification, null=True, on_delete=models.SET_NULL, related_name="messages"
    )
    identifier_kind = models.CharField(max_length=10, choices=IdentifierKind.choices)
    identifier_hash = models.CharField(max_length=64, db_index=True)
    # What the message is about: for a zaak, service "zaken", kind "zaak", the zaak's URL and
    # as label the zaaktype's name the message names (not kept before these columns: "").
    subject_service = models.CharField(max_length=20, choices=Service.choices)
    subject_kind = models.CharField(max_length=20, choices=SubjectKind.choices)
    subject_url = models.URLField(max_length=1000)
    subject_label = models.CharField(max_length=300, blank=True)
    resource_url = models.URLField(max_length=1000)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices, blank=True)
    # True when the resident chose SMS but has no verified phone number, and an action-required
    # message therefore goes to the verified e-mail address instead.
    channel_fallback = models.BooleanField(
        _("e-mail in plaats van sms"),
        default=False,
        help_text=_("Gekozen was sms, maar er is geen gecontroleerd telefoonnummer bekend."),
    )
    # The address is kept only until the message is sent (needed for a retry), then cleared.
    recipient = models.CharField(max_length=300, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    skip_reason = models.CharField(max_length=50, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sending_started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    provider_reference = models.CharField(max_length=200, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("uitgaand bericht")
        verbose_name_plural = _("uitgaande berichten")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["identifier_hash", "subject_url", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()}) #{self.pk}"


class DeliveryThrottle(models.Model):
    """One row per (resident, subject): locked while the rate limit is checked and a row added.

    Two workers deciding for the same resident and subject (a zaak) at once take turns on this
    row (SELECT ... FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transactions serialise
    anyway), so the second sees the first's message and is rate limited.
    """

    identifier_kind = models.CharField(max_length=10, choices=IdentifierKind.choices)
    identifier_hash = models.CharField(max_length=64)
    subject_url = models.URLField(max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("berichtenlimiet")
        verbose_name_plural = _("berichtenlimieten")
        constraints = [
            models.UniqueConstraint(
                fields=["identifier_kind", "identifier_hash", "subject_url"],
                name="notificaties_throttle_subject_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.identifier_hash[:8]}… {self.subject_url}"


class NotificationPreference(models.Model):
    """A resident's choices on the Meldingen page, keyed by identifier hash (no BSN)."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("Sms")

    identifier_hash = models.CharField(max_length=64, unique=True)
    case_updates = models.BooleanField(default=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meldingsvoorkeur")
        verbose_name_plural = _("meldingsvoorkeuren")

    def __str__(self) -> str:
        return f"{self.identifier_hash[:8]}…"


class MessageTemplate(models.Model):
    """The text of one kind of message, editable in the admin; `{onderwerp}` (or, as texts
    written before said it, `{zaak}`) and `{link}` are filled."""

    kind = models.CharField(max_length=20, choices=OutgoingMessage.Kind.choices, unique=True)
    subject = models.CharField(max_length=200)
    body = models.TextField(
        help_text=_(
            "Gebruik {onderwerp} voor de naam van het onderwerp (bij een zaak: het zaaktype; "
            "{zaak} werkt ook) en {link} voor de link ernaartoe."
        )
    )
    sms_body = models.CharField(max_length=300)

    class Meta:
        verbose_name = _("berichttekst")
        verbose_name_plural = _("berichtteksten")

    def __str__(self) -> str:
        return self.get_kind_display()
