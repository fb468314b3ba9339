"""What the MijnZaken pages show, as frozen values (docs/architecture.md rule 2): no JSON, no URLs to follow.

Templates read these attributes and branch only on the booleans stated here.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal
from uuid import UUID

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mijnomgeving.clients.duur import Duur

ZaakStatusFilter = Literal["open", "closed"]


def dutch_date(value: date | datetime | None) -> str:
    """ "22 november 2026" ("" for None); a date-time is shown in the portal's time zone."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return date_format(value, "j F Y")


def duur_text(duur: Duur) -> str:
    """A duration in plain words: "6 weken", "42 dagen", "2 maanden"."""
    parts = []
    if duur.years:
        parts.append(
            ngettext("%(count)d jaar", "%(count)d jaar", duur.years) % {"count": duur.years}
        )
    if duur.months:
        parts.append(
            ngettext("%(count)d maand", "%(count)d maanden", duur.months) % {"count": duur.months}
        )
    days = duur.days + duur.seconds // 86400
    if days:
        parts.append(ngettext("%(count)d dag", "%(count)d dagen", days) % {"count": days})
    return _(" en ").join(parts) if parts else duur.iso


@dataclass(frozen=True, slots=True)
class ZaakSummary:
    """One case in the overview (and on the dashboard)."""

    uuid: UUID
    identificatie: str
    omschrijving: str
    zaaktype_label: str
    status_label: str  # "" when the zaak has no status (yet) or it could not be fetched
    status_unavailable: bool  # the status could not be fetched: show the gap
    status_set_at: datetime | None  # when the current status was set
    startdatum: date
    is_closed: bool
    expected_date: date | None  # open zaken: when the result is expected
    einddatum: date | None
    resultaat_label: str
    resultaat_unavailable: bool
    is_opgeschort: bool

    @property
    def title(self) -> str:
        return self.omschrijving or self.zaaktype_label

    @property
    def has_status(self) -> bool:
        return bool(self.status_label)

    @property
    def has_expected_date(self) -> bool:
        return self.expected_date is not None

    @property
    def has_resultaat(self) -> bool:
        return bool(self.resultaat_label)

    @property
    def has_einddatum(self) -> bool:
        return self.einddatum is not None


@dataclass(frozen=True, slots=True)
class ZakenOverview:
    """One page of the resident's open or closed cases, with the counts of both."""

    status: ZaakStatusFilter
    zaken: tuple[ZaakSummary, ...]
    open_count: int
    closed_count: int
    page: int
    num_pages: int

    @property
    def is_closed_list(self) -> bool:
        return self.status == "closed"

    @property
    def count(self) -> int:
        return self.closed_count if self.is_closed_list else self.open_count

    @property
    def is_empty(self) -> bool:
        return self.count == 0

    @property
    def has_no_zaken_at_all(self) -> bool:
        return self.open_count == 0 and self.closed_count == 0

    @property
    def is_paginated(self) -> bool:
        return self.num_pages > 1


@dataclass(frozen=True, slots=True)
class TimelineStep:
    """One step of the status timeline: reached (with its date), current, or still to come."""

    label: str
    toelichting: str
    datum: datetime | None
    is_reached: bool
    is_current: bool
    is_end: bool
    explanation: str = ""  # the administrator's words for this step

    @property
    def is_upcoming(self) -> bool:
        return not self.is_reached

    @property
    def has_toelichting(self) -> bool:
        return bool(self.toelichting)

    @property
    def has_explanation(self) -> bool:
        return bool(self.explanation)

    @property
    def has_datum(self) -> bool:
        return self.datum is not None


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """A document the resident may see and download."""

    uuid: UUID
    titel: str
    type_label: str
    datum: date
    size_text: str  # "1,2 MB", "" when unknown
    format_label: str  # "PDF", "" when unknown

    @property
    def download_label(self) -> str:
        """Link text that says what it downloads: "Download Besluit (PDF, 12 kB)"."""
        details = ", ".join(part for part in (self.format_label, self.size_text) if part)
        if details:
            return _("Download %(titel)s (%(details)s)") % {"titel": self.titel, "details": details}
        return _("Download %(titel)s") % {"titel": self.titel}


@dataclass(frozen=True, slots=True)
class ZaakDetail:
    """Everything the case page shows; a gap is a `*_unavailable` flag, never an empty list."""

    uuid: UUID
    identificatie: str
    omschrijving: str
    toelichting: str
    zaaktype_label: str
    status_label: str
    status_unavailable: bool
    startdatum: date
    einddatum_gepland: date | None
    uiterlijke_einddatum_afdoening: date | None
    expected_date: date | None
    einddatum: date | None
    is_closed: bool
    resultaat_label: str
    resultaat_toelichting: str
    resultaat_unavailable: bool
    is_opgeschort: bool
    opschorting_reden: str
    verlenging_reden: str
    verlenging_duur: str  # in words, "" when not extended
    timeline: tuple[TimelineStep, ...]
    timeline_unavailable: bool
    documents: tuple[DocumentRow, ...]
    documents_unavailable: bool  # some or all documents could not be fetched
    zaaktype_explanation: str = ""  # what to expect from this kind of case (admin text)

    @property
    def title(self) -> str:
        return self.omschrijving or self.zaaktype_label

    @property
    def has_status(self) -> bool:
        return bool(self.status_label)

    @property
    def has_resultaat(self) -> bool:
        return bool(self.resultaat_label)

    @property
    def has_resultaat_toelichting(self) -> bool:
        return bool(self.resultaat_toelichting)

    @property
    def has_toelichting(self) -> bool:
        return bool(self.toelichting)

    @property
    def is_verlengd(self) -> bool:
        return bool(self.verlenging_duur)

    @property
    def has_documents(self) -> bool:
        return bool(self.documents)

    @property
    def has_zaaktype_explanation(self) -> bool:
        return bool(self.zaaktype_explanation)

    @property
    def has_timeline(self) -> bool:
        return bool(self.timeline)

    @property
    def facts(self) -> tuple[tuple[str, str], ...]:
        """The key facts as (label, value) pairs for the data list; absent dates are left out."""
        facts = [
            (_("Zaaknummer"), self.identificatie),
            (_("Soort zaak"), self.zaaktype_label),
            (_("Gestart op"), dutch_date(self.startdatum)),
        ]
        if self.einddatum_gepland:
            facts.append((_("Geplande einddatum"), dutch_date(self.einddatum_gepland)))
        if self.uiterlijke_einddatum_afdoening:
            facts.append((_("Uiterste einddatum"), dutch_date(self.uiterlijke_einddatum_afdoening)))
        if self.is_closed:
            facts.append((_("Afgerond op"), dutch_date(self.einddatum)))
        elif self.expected_date and not (
            self.einddatum_gepland or self.uiterlijke_einddatum_afdoening
        ):
            facts.append((_("Antwoord verwacht"), dutch_date(self.expected_date)))
        return tuple(facts)


@dataclass(frozen=True, slots=True)
class LatestChange:
    """The most recent status change among the resident's cases."""

    zaak_uuid: UUID
    zaak_title: str
    identificatie: str
    status_label: str
    datum: datetime


@dataclass(frozen=True, slots=True)
class ZakenSummary:
    """The MijnZaken block on the dashboard; `is_unavailable` when the back office failed."""

    open_count: int = 0
    latest_change: LatestChange | None = None
    is_unavailable: bool = False

    @property
    def has_latest_change(self) -> bool:
        return self.latest_change is not None

    @property
    def has_open_zaken(self) -> bool:
        return self.open_count > 0
