"""The running look-up lives in the staff session: the BSN never appears in a URL."""

from uuid import UUID

from django.http import HttpRequest

from mijnomgeving.accounts.bsn import elfproef
from mijnomgeving.audit.models import DESK_PURPOSES, Purpose

from .services import DeskLookup

LOOKUP_KEY = "balie.lookup"


def store_lookup(request: HttpRequest, lookup: DeskLookup) -> None:
    request.session[LOOKUP_KEY] = {
        "id": str(lookup.lookup_id),
        "bsn": lookup.bsn,
        "purpose": str(lookup.purpose),
        "purpose_text": lookup.purpose_text,
    }


def current_lookup(request: HttpRequest) -> DeskLookup | None:
    """The running look-up, or None (none started, ended, or anything off in the session)."""
    data = request.session.get(LOOKUP_KEY)
    if not isinstance(data, dict):
        return None
    try:
        lookup = DeskLookup(
            lookup_id=UUID(str(data["id"])),
            bsn=str(data["bsn"]),
            purpose=Purpose(data["purpose"]),
            purpose_text=str(data.get("purpose_text", "")),
        )
    except (KeyError, ValueError):
        return None
    if not elfproef(lookup.bsn) or lookup.purpose not in DESK_PURPOSES:
        return None
    if lookup.purpose == Purpose.OTHER and not lookup.purpose_text:
        return None
    return lookup


def end_lookup(request: HttpRequest) -> None:
    request.session.pop(LOOKUP_KEY, None)
