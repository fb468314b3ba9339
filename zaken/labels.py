"""The words a resident sees for catalogi types (Decision 4); one place for issue 4's admin labels.

Each function takes the catalogi resource and returns the resident-facing text. Issue 4 puts
an admin-configured label (keyed by catalogus + identificatie or statustype omschrijving,
Decision 5) in front of the fallbacks here.
"""

from mijnomgeving.clients.catalogi_resources import (
    InformatieObjectType,
    ResultaatType,
    StatusType,
    ZaakType,
)


def zaaktype_label(zaaktype: ZaakType) -> str:
    """What kind of request this is, e.g. "Aanvraag parkeervergunning"."""
    return zaaktype.omschrijving or zaaktype.onderwerp


def status_label(statustype: StatusType) -> str:
    """Decision 4: the admin label (issue 4), else statustekst, else omschrijving."""
    return statustype.statustekst or statustype.omschrijving


def resultaat_label(resultaattype: ResultaatType) -> str:
    """The result in a word or two, e.g. "Verleend" (STANDARDS §3.5)."""
    return resultaattype.omschrijving


def informatieobjecttype_label(informatieobjecttype: InformatieObjectType) -> str:
    """The kind of document, e.g. "Besluit"."""
    return informatieobjecttype.omschrijving
