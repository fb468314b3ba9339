"""The desk's look-ups: start one (logged), and log every page seen within it."""

import uuid
from dataclasses import dataclass
from uuid import UUID

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.accounts.staff import StaffMember
from mijnomgeving.audit.log import Seen, record
from mijnomgeving.audit.models import PageKind, Purpose


@dataclass(frozen=True, slots=True)
class DeskLookup:
    """One desk employee looking at one resident's data, for one stated purpose."""

    lookup_id: UUID
    bsn: str
    purpose: Purpose
    purpose_text: str

    @property
    def identity(self) -> Identity:
        return Identity(bsn=self.bsn)

    @property
    def bsn_tail(self) -> str:
        return self.bsn[-2:]

    @property
    def purpose_label(self) -> str:
        return self.purpose_text if self.purpose == Purpose.OTHER else str(self.purpose.label)


def lookup_start(
    *, staff: StaffMember, bsn: str, purpose: Purpose, purpose_text: str
) -> DeskLookup:
    """A new look-up; the log gets its first entry before anything is fetched."""
    text = purpose_text.strip()
    lookup = DeskLookup(lookup_id=uuid.uuid4(), bsn=bsn, purpose=purpose, purpose_text=text)
    lookup_seen(staff=staff, lookup=lookup, seen=Seen(PageKind.LOOKUP))
    return lookup


def lookup_seen(*, staff: StaffMember, lookup: DeskLookup, seen: Seen) -> None:
    """One processing-log entry for one page (or download) of this look-up."""
    record(
        staff=staff,
        identity=lookup.identity,
        purpose=lookup.purpose,
        purpose_text=lookup.purpose_text,
        lookup_id=lookup.lookup_id,
        seen=seen,
    )
