"""Import the zaaktypen, statustypen and informatieobjecttypen of the Catalogi API (issue 4).

One function for the admin action and `manage.py import_zaaktypen`: it reads the definitive
zaaktypen (not concepts) with their statustypen and informatieobjecttypen, creates the missing
configuration rows with the standards' defaults and refreshes only the informative copies
(omschrijving, volgnummer, statustekst) of existing rows; what an administrator set stays.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.base import (
    ClientConfigurationError,
    UpstreamError,
    UpstreamNotFound,
    parallel_map,
)
from mijnomgeving.clients.catalogi import CatalogiClient, build_catalogi_client
from mijnomgeving.clients.catalogi_resources import (
    InformatieObjectType,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from zaken.models import InformatieObjectTypeConfig, StatusTypeConfig, ZaakTypeConfig

from .snapshot import catalogus_key

SYSTEM_ACTOR = Actor("mijnomgeving-beheer", "MijnOmgeving (beheer)")


class ImportFailed(Exception):
    """The import could not read the catalogi; the message is Dutch and fit for the admin."""


# How many names the report lists per kind; the rest is counted ("en nog 12 andere").
LIST_LIMIT = 20


@dataclass(frozen=True, slots=True)
class Added:
    """One row the import created: its name, and for a statustype the zaaktype it is in."""

    name: str
    within: str = ""


@dataclass(slots=True)
class KindReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    added: list[Added] = field(default_factory=list)

    def add(self, name: str, within: str = "") -> None:
        self.created += 1
        self.added.append(Added(name, within))


@dataclass(frozen=True, slots=True)
class AddedSection:
    """What was added of one kind: the first names (in import order) and how many more."""

    heading: str
    added: tuple[Added, ...]
    more: int

    def line(self) -> str:
        """One line for an admin message; names quoted, as an omschrijving may hold commas."""
        groups: list[tuple[str, list[str]]] = []
        for item in self.added:
            if groups and groups[-1][0] == item.within:
                groups[-1][1].append(f'"{item.name}"')
            else:
                groups.append((item.within, [f'"{item.name}"']))
        names = "; ".join(
            f"{within}: {', '.join(quoted)}" if within else ", ".join(quoted)
            for within, quoted in groups
        )
        if self.more:
            names = _("%(names)s en nog %(count)d andere") % {"names": names, "count": self.more}
        return f"{self.heading}: {names}."

    def block(self) -> list[str]:
        """The heading and one name a line, for the management command."""
        rows = [
            f"  - {item.within}: {item.name}" if item.within else f"  - {item.name}"
            for item in self.added
        ]
        if self.more:
            rows.append("  " + _("… en nog %(count)d andere") % {"count": self.more})
        return [f"{self.heading}:", *rows]


@dataclass(slots=True)
class ImportReport:
    zaaktypen: KindReport = field(default_factory=KindReport)
    statustypen: KindReport = field(default_factory=KindReport)
    informatieobjecttypen: KindReport = field(default_factory=KindReport)

    @property
    def created(self) -> int:
        return sum(kind.created for kind in self._kinds().values())

    def _kinds(self) -> dict[str, KindReport]:
        return {
            _("Zaaktypen"): self.zaaktypen,
            _("Statustypen"): self.statustypen,
            _("Documenttypen"): self.informatieobjecttypen,
        }

    def lines(self) -> list[str]:
        """One Dutch line per kind, e.g. "Zaaktypen: 2 toegevoegd, 0 bijgewerkt, 3 ongewijzigd"."""
        return [
            _("%(kind)s: %(created)d toegevoegd, %(updated)d bijgewerkt, %(unchanged)d ongewijzigd")
            % {
                "kind": kind,
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
            }
            for kind, report in self._kinds().items()
        ]

    def added_sections(self, limit: int = LIST_LIMIT) -> list[AddedSection]:
        """What was added, by name: one section per kind with additions, `limit` names each."""
        headings = {
            _("Toegevoegde zaaktypen (%(count)d)"): self.zaaktypen,
            _("Toegevoegde statustypen (%(count)d)"): self.statustypen,
            _("Toegevoegde documenttypen (%(count)d)"): self.informatieobjecttypen,
        }
        return [
            AddedSection(
                heading=heading % {"count": report.created},
                added=tuple(report.added[:limit]),
                more=max(report.created - limit, 0),
            )
            for heading, report in headings.items()
            if report.added
        ]

    @property
    def nothing_added(self) -> str:
        return _("Er is niets toegevoegd: alles uit de catalogi stond er al.")


def _zaaktype_name(zaaktype: ZaakType) -> str:
    if not zaaktype.identificatie:
        return zaaktype.omschrijving
    return f"{zaaktype.identificatie} ({zaaktype.omschrijving})"


@dataclass(frozen=True, slots=True)
class _Fetched:
    zaaktypen: list[ZaakType]
    statustypen: dict[str, list[StatusType]]  # zaaktype URL -> its statustypen
    informatieobjecttypen: list[InformatieObjectType]


def import_from_catalogi(
    *, catalogus: str | None = None, client: CatalogiClient | None = None
) -> ImportReport:
    """Read the catalogi (all, or the one with this URL) and add what is missing.

    Raises ImportFailed when the Catalogi API is not configured or fails; then nothing is
    written (the reads come first, the writes in one transaction).
    """
    try:
        fetched = _fetch(client or build_catalogi_client(SYSTEM_ACTOR), catalogus)
    except ClientConfigurationError:
        raise ImportFailed(
            _(
                "De Catalogi API is niet ingesteld. Voeg onder 'Services' een service toe "
                "met de identifier '%(slug)s' en probeer het opnieuw."
            )
            % {"slug": settings.CATALOGI_SERVICE_SLUG}
        ) from None
    except UpstreamError as error:
        raise ImportFailed(_failure_text(error)) from error
    report = ImportReport()
    with transaction.atomic():
        _store_zaaktypen(fetched, report)
        _store_informatieobjecttypen(fetched.informatieobjecttypen, report)
    return report


def _failure_text(error: UpstreamError) -> str:
    if isinstance(error, UpstreamNotFound):
        reason = _("een adres bestaat niet (404)")
    elif error.status_code:
        reason = _("de API antwoordde met foutcode %(code)s") % {"code": error.status_code}
    else:
        reason = _("de API is niet bereikbaar of gaf een onbruikbaar antwoord")
    return _(
        "Importeren is niet gelukt: %(reason)s (%(url)s). Er is niets veranderd. Probeer het "
        "later opnieuw of controleer de service van de Catalogi API."
    ) % {"reason": reason, "url": error.url}


def _fetch(client: CatalogiClient, catalogus: str | None) -> _Fetched:
    """Every read, uncached where it matters (an administrator imports what was just published)."""
    # Only definitive zaaktypen: a concept can still change and has no zaken yet. The API's
    # default is the same; it is explicit here, and checked again, for a lax back office.
    params = {"status": "definitief", **({"catalogus": catalogus} if catalogus else {})}
    zaaktypen = [
        zaaktype
        for zaaktype in client.fetch_all("zaaktypen", ZaakType.from_api, params=params)
        if zaaktype.concept is not True
    ]

    def per_zaaktype(
        zaaktype: ZaakType,
    ) -> tuple[list[StatusType], list[ZaakTypeInformatieObjectType]]:
        query = {"zaaktype": zaaktype.url, "status": "alles"}
        return (
            client.fetch_all("statustypen", StatusType.from_api, params=query),
            client.fetch_all(
                "zaaktype-informatieobjecttypen",
                ZaakTypeInformatieObjectType.from_api,
                params=query,
            ),
        )

    results = parallel_map(per_zaaktype, zaaktypen)
    iot_urls = [ziot.informatieobjecttype for _, ziots in results for ziot in ziots]
    iots = client.informatieobjecttypen_by_url(iot_urls)
    return _Fetched(
        zaaktypen=zaaktypen,
        statustypen={
            zaaktype.url: statustypen
            for zaaktype, (statustypen, _) in zip(zaaktypen, results, strict=True)
        },
        informatieobjecttypen=list(iots.values()),
    )


def _oldest_first(zaaktypen: Iterable[ZaakType]) -> list[ZaakType]:
    """Versions in order, so the newest version's copies (omschrijving) are written last."""
    return sorted(
        zaaktypen,
        key=lambda zaaktype: zaaktype.begin_geldigheid or zaaktype.versiedatum or date.min,
    )


def _store_zaaktypen(fetched: _Fetched, report: ImportReport) -> None:
    rows = {
        (catalogus_key(row.catalogus_url), row.identificatie): row
        for row in ZaakTypeConfig.objects.all()
    }
    statusrows = {
        (row.zaaktype_config_id, row.omschrijving): row for row in StatusTypeConfig.objects.all()
    }
    seen_zaaktypen: set[int] = set()
    seen_statustypen: set[int] = set()
    for zaaktype in _oldest_first(fetched.zaaktypen):
        key = (catalogus_key(zaaktype.catalogus), zaaktype.identificatie)
        row = rows.get(key)
        if row is None:
            # `shown` stays None: the row follows indicatieInternOfExtern until an
            # administrator chooses, and a later change in the catalogus still counts.
            row = ZaakTypeConfig.objects.create(
                catalogus_url=zaaktype.catalogus,
                identificatie=zaaktype.identificatie,
                omschrijving=zaaktype.omschrijving,
            )
            rows[key] = row
            report.zaaktypen.add(_zaaktype_name(zaaktype))
        elif _refresh(row, omschrijving=zaaktype.omschrijving):
            report.zaaktypen.updated += 1 if row.pk not in seen_zaaktypen else 0
        elif row.pk not in seen_zaaktypen:
            report.zaaktypen.unchanged += 1
        seen_zaaktypen.add(row.pk)
        for statustype in fetched.statustypen[zaaktype.url]:
            status = statusrows.get((row.pk, statustype.omschrijving))
            if status is None:
                status = StatusTypeConfig.objects.create(
                    zaaktype_config=row,
                    omschrijving=statustype.omschrijving,
                    volgnummer=statustype.volgnummer,
                    statustekst=statustype.statustekst,
                    notify=statustype.informeren,
                )
                statusrows[(row.pk, statustype.omschrijving)] = status
                report.statustypen.add(statustype.omschrijving, within=zaaktype.identificatie)
            elif _refresh(
                status, volgnummer=statustype.volgnummer, statustekst=statustype.statustekst
            ):
                report.statustypen.updated += 1 if status.pk not in seen_statustypen else 0
            elif status.pk not in seen_statustypen:
                report.statustypen.unchanged += 1
            seen_statustypen.add(status.pk)


def _store_informatieobjecttypen(
    informatieobjecttypen: list[InformatieObjectType], report: ImportReport
) -> None:
    rows = {
        (catalogus_key(row.catalogus_url), row.omschrijving): row
        for row in InformatieObjectTypeConfig.objects.all()
    }
    for iot in informatieobjecttypen:
        key = (catalogus_key(iot.catalogus), iot.omschrijving)
        if key in rows:
            report.informatieobjecttypen.unchanged += 1
            continue
        rows[key] = InformatieObjectTypeConfig.objects.create(
            catalogus_url=iot.catalogus, omschrijving=iot.omschrijving
        )
        report.informatieobjecttypen.add(iot.omschrijving)


def _refresh(row: ZaakTypeConfig | StatusTypeConfig, **copies: object) -> bool:
    """Update the informative copies that changed upstream; True when any did."""
    changed = {name: value for name, value in copies.items() if getattr(row, name) != value}
    if not changed:
        return False
    for name, value in changed.items():
        setattr(row, name, value)
    row.save(update_fields=list(changed))
    return True
