"""The newest status change per person, as notifications bring them (zaken.models.StatusChange).

The dashboard reads it to find a change to an older zaak without a call per zaak; the
Notificatieservice writes it for every new status of a zaak a resident may see.
"""

from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, transaction

from mijnomgeving.accounts.identity import Identity, identifier_hash
from mijnomgeving.clients.zaken_resources import Status
from zaken.models import StatusChange


def status_change_record(*, bsns: Iterable[str], status: Status) -> None:
    """Remember `status` as these persons' newest change, unless a newer one is known."""
    for bsn in bsns:
        _record(identifier_hash(bsn), status)


def _record(key: str, status: Status) -> None:
    values = {
        "zaak_url": status.zaak,
        "status_url": status.url,
        "statustype_url": status.statustype,
        "datum_status_gezet": status.datum_status_gezet,
    }
    newer = StatusChange.objects.filter(
        identifier_hash=key, datum_status_gezet__lt=status.datum_status_gezet
    )
    if newer.update(**values) or StatusChange.objects.filter(identifier_hash=key).exists():
        return
    try:
        with transaction.atomic():
            StatusChange.objects.create(identifier_hash=key, **values)
    except IntegrityError:  # another worker recorded one meanwhile: keep the newest
        newer.update(**values)


def recorded_change_for(identity: Identity, *, after: datetime | None) -> StatusChange | None:
    """The person's recorded change, when it is newer than `after`."""
    found = StatusChange.objects.filter(identifier_hash=identifier_hash(identity.number))
    if after is not None:
        found = found.filter(datum_status_gezet__gt=after)
    return found.first()
