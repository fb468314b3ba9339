"""Writing the processing log: one call per look-up, page or download a staff member saw."""

import uuid
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Count, Max, QuerySet
from django.utils.translation import ngettext

from mijnomgeving.accounts.identity import Identity, identifier_hash
from mijnomgeving.accounts.staff import StaffMember
from mijnomgeving.subjects import Subject

from . import crypto
from .models import OverviewList, PageKind, ProcessingLogEntry, Purpose


@dataclass(frozen=True, slots=True)
class Seen:
    """What the page showed: its kind and, where there is one, its subject (a zaak: its UUID
    and zaaknummer; the subject's URL is not logged) and the document; for an overview, the
    kind of objects listed (a subject without a UUID), which list, which page and the labels
    of the objects on it."""

    kind: PageKind
    subject: Subject | None = None
    document_uuid: UUID | None = None
    list_name: OverviewList | None = None
    page_number: int | None = None
    listed_labels: tuple[str, ...] = ()


def record(
    *,
    staff: StaffMember,
    identity: Identity,
    purpose: Purpose,
    purpose_text: str,
    lookup_id: UUID,
    seen: Seen,
) -> ProcessingLogEntry:
    number, subject = identity.number, seen.subject
    return ProcessingLogEntry.objects.create(
        staff_user_id=staff.user_id,
        staff_username=staff.username,
        staff_full_name=staff.full_name,
        identifier_kind=identity.identifier_kind,
        identifier_encrypted=crypto.encrypt(number),
        identifier_hash=identifier_hash(number),
        identifier_tail=number[-2:],
        purpose=purpose,
        purpose_text=purpose_text,
        lookup_id=lookup_id,
        kind=seen.kind,
        subject_service=subject.service if subject else "",
        subject_kind=subject.kind if subject else "",
        subject_uuid=subject.uuid if subject else None,
        subject_label=subject.label if subject else "",
        list_name=seen.list_name or "",
        page_number=seen.page_number,
        listed_labels=list(seen.listed_labels),
        document_uuid=seen.document_uuid,
    )


def record_export(*, staff: StaffMember, entries: QuerySet[ProcessingLogEntry]) -> UUID:
    """An export shows full BSNs (and KVK numbers), so it is logged itself: one entry per
    resident or business in it, all with one export id (returned), found by that number like
    any look-up. The number is copied as stored, never decrypted for this."""
    export_id = uuid.uuid4()
    per_resident = (
        entries.order_by()
        .values("identifier_kind", "identifier_hash")
        .annotate(
            count=Count("id"),
            identifier_encrypted=Max("identifier_encrypted"),
            identifier_tail=Max("identifier_tail"),
        )
    )
    rows = [
        ProcessingLogEntry(
            staff_user_id=staff.user_id,
            staff_username=staff.username,
            staff_full_name=staff.full_name,
            identifier_kind=resident["identifier_kind"],
            identifier_encrypted=resident["identifier_encrypted"],
            identifier_hash=resident["identifier_hash"],
            identifier_tail=resident["identifier_tail"],
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
