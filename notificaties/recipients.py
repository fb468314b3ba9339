"""From a Delivery to an outbox row: preferences, rate limit, address, text (docs/standards.md §4.5, §5).

Every decision is recorded: a message not sent is a `skipped` row with its reason.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from mijnomgeving.accounts.identity import IdentifierKind, identifier_hash
from mijnomgeving.subjects import Service, SubjectKind

from .addresses import ContactAddresses, contact_addresses_get
from .handlers import NOTIFICATIES_ACTOR, Delivery
from .models import DeliveryThrottle, OutgoingMessage, ReceivedNotification
from .preferences import Preference, preference_for_hash
from .texts import message_text

Status = OutgoingMessage.Status
Kind = OutgoingMessage.Kind
Channel = OutgoingMessage.Channel

# Reasons a message was not sent (OutgoingMessage.skip_reason); addresses.py adds no_partij
# and partij_inactive.
OPTED_OUT = "opted_out"
RATE_LIMITED = "rate_limited"
NO_ADDRESS = "no_address"
# Open Klant is asked for a resident's addresses by BSN; a business's (KVK) is not looked up yet.
NO_ADDRESS_LOOKUP = "no_address_lookup"


@dataclass(frozen=True, slots=True)
class Recipient:
    """Where one message goes; `fallback` when SMS was chosen but e-mail is used."""

    channel: str
    address: str = field(repr=False)
    fallback: bool = False


# The key's parts before the subject columns: a resident's (BSN) message about a zaak.
LEGACY_KEY_SCOPE = (IdentifierKind.BSN, Service.ZAKEN, SubjectKind.ZAAK)


def dedupe_key(hashed: str, delivery: Delivery) -> str:
    """(resident, subject, resource, template): the same event never makes a second message.

    A resident's message about a zaak keeps the key it always had, so rows made before the
    subject columns still stop a second message; any other kind of number or subject adds
    its kinds to the key."""
    parts = [hashed, delivery.subject.url, delivery.resource_url, delivery.kind]
    scope = (delivery.identity.identifier_kind, delivery.subject.service, delivery.subject.kind)
    if scope != LEGACY_KEY_SCOPE:
        parts += [str(part) for part in scope]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class RateScope:
    """(resident, subject): what the rate limit, and its throttle row, are per."""

    identifier_kind: str
    identifier_hash: str
    subject_url: str

    @classmethod
    def of(cls, fields: dict[str, object]) -> "RateScope":
        return cls(
            str(fields["identifier_kind"]),
            str(fields["identifier_hash"]),
            str(fields["subject_url"]),
        )


def _rate_limited(scope: RateScope) -> bool:
    """A message to this resident about this subject went out (or is going) lately."""
    since = timezone.now() - timedelta(seconds=settings.NOTIFICATION_RATE_LIMIT_SECONDS)
    return OutgoingMessage.objects.filter(
        identifier_kind=scope.identifier_kind,
        identifier_hash=scope.identifier_hash,
        subject_url=scope.subject_url,
        created_at__gte=since,
        status__in=[Status.PENDING, Status.SENDING, Status.SENT],
    ).exists()


def recipient_choose(
    addresses: ContactAddresses, *, channel: str, kind: str
) -> tuple[Recipient | None, str]:
    """(recipient, "") or (None, skip reason).

    SMS without a verified phone number: an action-required message goes to the verified
    e-mail address instead (it must not be lost); an ordinary update is not sent.
    """
    if addresses.problem:
        return None, addresses.problem
    if channel == Channel.SMS:
        if addresses.phone:
            return Recipient(Channel.SMS, addresses.phone), ""
        if kind == Kind.ACTION_REQUIRED and addresses.email:
            return Recipient(Channel.EMAIL, addresses.email, fallback=True), ""
        return None, NO_ADDRESS
    if addresses.email:
        return Recipient(Channel.EMAIL, addresses.email), ""
    return None, NO_ADDRESS


def _message_fields(delivery: Delivery, recipient: Recipient) -> dict[str, object]:
    text = message_text(delivery.kind, label=delivery.subject.label, link=delivery.link)
    is_sms = recipient.channel == Channel.SMS
    return {
        "channel": recipient.channel,
        "channel_fallback": recipient.fallback,
        "recipient": recipient.address,
        "subject": text.subject,
        "body": text.sms_body if is_sms else text.body,
    }


def delivery_record(delivery: Delivery, notification: ReceivedNotification) -> OutgoingMessage:
    """The outbox row for this delivery: the existing one, or a new pending or skipped one."""
    identity, subject = delivery.identity, delivery.subject
    hashed = identifier_hash(identity.number)
    key = dedupe_key(hashed, delivery)
    existing = OutgoingMessage.objects.filter(dedupe_key=key).first()
    if existing is not None:
        return existing
    preference = preference_for_hash(hashed)
    fields: dict[str, object] = {
        "notification": notification,
        "identifier_kind": identity.identifier_kind,
        "identifier_hash": hashed,
        "subject_service": subject.service,
        "subject_kind": subject.kind,
        "subject_url": subject.url,
        "subject_label": subject.label,
        "resource_url": delivery.resource_url,
        "kind": delivery.kind,
        "channel": preference.channel,
    }
    optional = delivery.kind != Kind.ACTION_REQUIRED  # action required cannot be switched off
    if optional and not preference.case_updates:
        return _record(key, fields | _skipped(OPTED_OUT))
    if optional and _rate_limited(RateScope.of(fields)):  # early: no Open Klant call
        return _record(key, fields | _skipped(RATE_LIMITED))
    if not identity.bsn:
        return _record(key, fields | _skipped(NO_ADDRESS_LOOKUP))
    return _record_addressed(key, fields, delivery, preference, optional=optional)


def _record_addressed(
    key: str,
    fields: dict[str, object],
    delivery: Delivery,
    preference: Preference,
    *,
    optional: bool,
) -> OutgoingMessage:
    """Look the address up (outside any lock: it is a remote call), then decide under the lock."""
    addresses = contact_addresses_get(bsn=delivery.identity.bsn, actor=NOTIFICATIES_ACTOR)
    recipient, reason = recipient_choose(addresses, channel=preference.channel, kind=delivery.kind)
    decided = fields | (
        _skipped(reason) if recipient is None else _message_fields(delivery, recipient)
    )
    scope = RateScope.of(fields)
    with transaction.atomic():
        # Another worker may have recorded a message for this resident and subject since the
        # early check: with the throttle row locked, the check and the insert are one step.
        DeliveryThrottle.objects.select_for_update().get_or_create(
            identifier_kind=scope.identifier_kind,
            identifier_hash=scope.identifier_hash,
            subject_url=scope.subject_url,
        )
        existing = OutgoingMessage.objects.filter(dedupe_key=key).first()
        if existing is not None:
            return existing
        if optional and recipient is not None and _rate_limited(scope):
            decided = fields | _skipped(RATE_LIMITED)
        return _record(key, decided)


def _skipped(reason: str) -> dict[str, object]:
    return {"status": Status.SKIPPED, "skip_reason": reason}


def _record(key: str, fields: dict[str, object]) -> OutgoingMessage:
    try:
        with transaction.atomic():
            return OutgoingMessage.objects.create(dedupe_key=key, **fields)
    except IntegrityError:  # recorded in parallel by another worker
        return OutgoingMessage.objects.get(dedupe_key=key)
