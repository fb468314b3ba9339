"""From a Delivery to an outbox row: preferences, rate limit, address, text (STANDARDS §4.5, §5).

Every decision is recorded: a message not sent is a `skipped` row with its reason.
"""

import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from mijnomgeving.accounts.identity import identifier_hash
from mijnomgeving.clients.klantinteracties import build_klantinteracties_client
from mijnomgeving.clients.klantinteracties_resources import (
    EMAIL,
    TELEFOONNUMMER,
    preferred_address,
)

from .handlers import NOTIFICATIES_ACTOR, Delivery
from .models import OutgoingMessage, ReceivedNotification
from .preferences import preference_for_hash
from .texts import message_text

Status = OutgoingMessage.Status
Kind = OutgoingMessage.Kind

# Reasons a message was not sent (OutgoingMessage.skip_reason).
OPTED_OUT = "opted_out"
RATE_LIMITED = "rate_limited"
NO_PARTIJ = "no_partij"
PARTIJ_INACTIVE = "partij_inactive"
NO_ADDRESS = "no_address"


def dedupe_key(hashed: str, delivery: Delivery) -> str:
    """(resident, zaak, resource, template): the same event never makes a second message."""
    parts = [hashed, delivery.zaak_url, delivery.resource_url, delivery.kind]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def _rate_limited(hashed: str, zaak_url: str) -> bool:
    since = timezone.now() - timedelta(seconds=settings.NOTIFICATION_RATE_LIMIT_SECONDS)
    return OutgoingMessage.objects.filter(
        identifier_hash=hashed,
        zaak_url=zaak_url,
        created_at__gte=since,
        status__in=[Status.PENDING, Status.SENDING, Status.SENT],
    ).exists()


def _address(bsn: str, channel: str) -> tuple[str, str]:
    """(address, "") or ("", skip reason) from Open Klant; UpstreamError when it is down."""
    client = build_klantinteracties_client(NOTIFICATIES_ACTOR)
    partij = client.partij_for_bsn(bsn)
    if partij is None:
        return "", NO_PARTIJ
    if not partij.indicatie_actief:
        return "", PARTIJ_INACTIVE
    soort = TELEFOONNUMMER if channel == OutgoingMessage.Channel.SMS else EMAIL
    adres = preferred_address(partij, client.digitale_adressen(partij), soort)
    return (adres.adres, "") if adres else ("", NO_ADDRESS)


def delivery_record(delivery: Delivery, notification: ReceivedNotification) -> OutgoingMessage:
    """The outbox row for this delivery: the existing one, or a new pending or skipped one."""
    hashed = identifier_hash(delivery.bsn)
    key = dedupe_key(hashed, delivery)
    existing = OutgoingMessage.objects.filter(dedupe_key=key).first()
    if existing is not None:
        return existing
    preference = preference_for_hash(hashed)
    fields: dict[str, object] = {
        "notification": notification,
        "identifier_hash": hashed,
        "zaak_url": delivery.zaak_url,
        "resource_url": delivery.resource_url,
        "kind": delivery.kind,
        "channel": preference.channel,
    }
    optional = delivery.kind != Kind.ACTION_REQUIRED  # action required cannot be switched off
    reason = ""
    if optional and not preference.case_updates:
        reason = OPTED_OUT
    elif optional and _rate_limited(hashed, delivery.zaak_url):
        reason = RATE_LIMITED
    else:
        recipient, reason = _address(delivery.bsn, preference.channel)
        if not reason:
            text = message_text(delivery.kind, zaak=delivery.zaak_naam, link=delivery.link)
            is_sms = preference.channel == OutgoingMessage.Channel.SMS
            fields.update(
                recipient=recipient,
                subject=text.subject,
                body=text.sms_body if is_sms else text.body,
            )
    if reason:
        fields.update(status=Status.SKIPPED, skip_reason=reason)
    try:
        with transaction.atomic():
            return OutgoingMessage.objects.create(dedupe_key=key, **fields)
    except IntegrityError:  # recorded in parallel by another worker
        return OutgoingMessage.objects.get(dedupe_key=key)
