"""Writing the processing log: one call per look-up or page a staff member saw."""

from dataclasses import dataclass
from uuid import UUID

from mijnomgeving.accounts.identity import identifier_hash
from mijnomgeving.accounts.staff import StaffMember

from . import crypto
from .models import PageKind, ProcessingLogEntry, Purpose


@dataclass(frozen=True, slots=True)
class Seen:
    """What the page showed: its kind and, where there is one, the zaak and the document."""

    kind: PageKind
    zaak_identificatie: str = ""
    zaak_uuid: UUID | None = None
    document_uuid: UUID | None = None


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
        zaak_identificatie=seen.zaak_identificatie,
        zaak_uuid=seen.zaak_uuid,
        document_uuid=seen.document_uuid,
    )
