"""Writing the processing log: one call per look-up, page or download a staff member saw."""

import uuid
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Count, Max, QuerySet
from django.utils.translation import ngettext

from mijnomgeving.accounts.identity import identifier_hash
from mijnomgeving.accounts.staff import StaffMember

from . import crypto
from .models import PageKind, ProcessingLogEntry, Purpose, ZakenList


@dataclass(frozen=True, slots=True)
class Seen:
    """What the page showed: its kind and, where there is one, the zaak and the document;
    for an overview, which list, which page and the zaken listed on it."""

    kind: PageKind
    zaak_identificatie: str = ""
    zaak_uuid: UUID | None = None
    document_uuid: UUID | None = None
    zaken_list: ZakenList | None = None
    page_number: int | None = None
    zaak_identificaties: tuple[str, ...] = ()


def record(
    *,
    staff: StaffMember,
    bsn: str,
    purpose: Purpose,
    purpose_text: str,
    lookup_id: UUID,
    seen: Seen,
) -> ProcessingLogEntry:
    return ProcessingLogEntry.objects.create(
        staff_user_id=staff.user_id,
        staff_username=staff.username,
        staff_full_name=staff.full_name,
        bsn_encrypted=crypto.encrypt(bsn),
        bsn_hash=identifier_hash(bsn),
        bsn_tail=bsn[-2:],
        purpose=purpose,
        purpose_text=purpose_text,
        lookup_id=lookup_id,
        kind=seen.kind,
        zaken_list=seen.zaken_list or "",
        page_number=seen.page_number,
        zaak_identificaties=list(seen.zaak_identificaties),
        zaak_identificatie=seen.zaak_identificatie,
        zaak_uuid=seen.zaak_uuid,
        document_uuid=seen.document_uuid,
    )


def record_export(*, staff: StaffMember, entries: QuerySet[ProcessingLogEntry]) -> UUID:
    """An export shows full BSNs, so it is logged itself: one entry per resident in it, all with
    one export id (returned), found by that resident's BSN like any look-up. The BSN is copied
    as stored, never decrypted for this."""
    export_id = uuid.uuid4()
    per_resident = (
        entries.order_by()
        .values("bsn_hash")
        .annotate(count=Count("id"), bsn_encrypted=Max("bsn_encrypted"), bsn_tail=Max("bsn_tail"))
    )
    rows = [
        ProcessingLogEntry(
            staff_user_id=staff.user_id,
            staff_username=staff.username,
            staff_full_name=staff.full_name,
            bsn_encrypted=resident["bsn_encrypted"],
            bsn_hash=resident["bsn_hash"],
            bsn_tail=resident["bsn_tail"],
            purpose=Purpose.ACCOUNTABILITY,
            purpose_text=ngettext(
                "CSV-export van %(count)d verwerking",
                "CSV-export van %(count)d verwerkingen",
                resident["count"],
            )
            % {"count": resident["count"]},
            lookup_id=export_id,
            kind=PageKind.EXPORT,
        )
        for resident in per_resident
    ]
    ProcessingLogEntry.objects.bulk_create(rows)
    return export_id
