"""The words a resident sees for catalogi types (Decision 4), with the admin's labels first.

Each function takes the catalogi resource and, optionally, the page's per-type settings
(`visibility_policy().types`, one look-up per page) and returns the resident-facing text.
Without settings they give the catalogus' own words.
"""

from mijnomgeving.clients.catalogi_resources import (
    InformatieObjectType,
    ResultaatType,
    StatusType,
    ZaakType,
)
from zaken.configuration import TypeSettings


def zaaktype_label(zaaktype: ZaakType, types: TypeSettings | None = None) -> str:
    """What kind of request this is: the admin's name, else e.g. "Aanvraag parkeervergunning"."""
    configured = types.zaaktype(zaaktype) if types is not None else None
    if configured is not None and configured.name:
        return configured.name
    return zaaktype.omschrijving or zaaktype.onderwerp


def zaaktype_explanation(zaaktype: ZaakType, types: TypeSettings | None = None) -> str:
    """What to expect from this kind of case (admin text), or ""."""
    configured = types.zaaktype(zaaktype) if types is not None else None
    return configured.explanation if configured is not None else ""


def status_label(
    statustype: StatusType,
    zaaktype: ZaakType | None = None,
    types: TypeSettings | None = None,
) -> str:
    """Decision 4: the admin label, else statustekst, else omschrijving."""
    configured = types.statustype(zaaktype, statustype) if types is not None else None
    if configured is not None and configured.label:
        return configured.label
    return statustype.statustekst or statustype.omschrijving


def status_explanation(
    statustype: StatusType, zaaktype: ZaakType | None, types: TypeSettings | None
) -> str:
    """The admin's explanation of this step for the resident, or ""."""
    configured = types.statustype(zaaktype, statustype) if types is not None else None
    return configured.explanation if configured is not None else ""


def status_in_timeline(
    statustype: StatusType, zaaktype: ZaakType | None, types: TypeSettings | None
) -> bool:
    """Whether the step shows in the timeline (default yes)."""
    configured = types.statustype(zaaktype, statustype) if types is not None else None
    return configured is None or configured.shown_in_timeline


def resultaat_label(resultaattype: ResultaatType) -> str:
    """The result in a word or two, e.g. "Verleend" (docs/standards.md §3.5)."""
    return resultaattype.omschrijving


def informatieobjecttype_label(informatieobjecttype: InformatieObjectType) -> str:
    """The kind of document, e.g. "Besluit"."""
    return informatieobjecttype.omschrijving
