"""The admin's MijnZaken configuration as one frozen value, cached until a row changes.

A page asks `zaken_configuration()` once: one query reads the singleton (its `revision`
changes on every save or delete of any configuration row); the per-type rows come from the
cache under that revision, or from three more queries when it is new.
"""

from dataclasses import dataclass, field

from django.core.cache import cache

from mijnomgeving.clients.catalogi_resources import InformatieObjectType, StatusType, ZaakType
from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid
from zaken.models import (
    RICHTINGEN,
    InformatieObjectTypeConfig,
    MijnZakenConfig,
    StatusTypeConfig,
    ZaakTypeConfig,
)

CACHE_PREFIX = "zaken:configuration:"
CACHE_SECONDS = 24 * 60 * 60  # the revision in the key keeps it current, not the timeout


def catalogus_key(url: str) -> str:
    """Catalogus URLs compare without a trailing slash (an admin may type either)."""
    return url.rstrip("/")


@dataclass(frozen=True, slots=True)
class ZaakTypeSettings:
    shown: bool | None  # None: as the catalogus says (indicatieInternOfExtern)
    name: str
    explanation: str
    max_vertrouwelijkheid: Vertrouwelijkheid | None
    documents_shown: bool


@dataclass(frozen=True, slots=True)
class StatusTypeSettings:
    label: str
    explanation: str
    shown_in_timeline: bool
    notify: bool
    action_required: bool = False


@dataclass(frozen=True, slots=True)
class InformatieObjectTypeSettings:
    shown: bool
    max_vertrouwelijkheid: Vertrouwelijkheid | None
    richtingen: frozenset[str] | None
    notify: bool


@dataclass(frozen=True, slots=True)
class TypeSettings:
    """The per-type rows by their keys (Decision 5), and the look-ups by catalogi resource."""

    zaaktypen: dict[tuple[str, str], ZaakTypeSettings] = field(default_factory=dict)
    statustypen: dict[tuple[str, str, str], StatusTypeSettings] = field(default_factory=dict)
    informatieobjecttypen: dict[tuple[str, str], InformatieObjectTypeSettings] = field(
        default_factory=dict
    )

    def zaaktype(self, zaaktype: ZaakType | None) -> ZaakTypeSettings | None:
        if zaaktype is None or not self.zaaktypen:
            return None
        return self.zaaktypen.get((catalogus_key(zaaktype.catalogus), zaaktype.identificatie))

    def statustype(
        self, zaaktype: ZaakType | None, statustype: StatusType
    ) -> StatusTypeSettings | None:
        if zaaktype is None or not self.statustypen:
            return None
        return self.statustypen.get(
            (catalogus_key(zaaktype.catalogus), zaaktype.identificatie, statustype.omschrijving)
        )

    def informatieobjecttype(
        self, informatieobjecttype: InformatieObjectType | None
    ) -> InformatieObjectTypeSettings | None:
        if informatieobjecttype is None or not self.informatieobjecttypen:
            return None
        return self.informatieobjecttypen.get(
            (catalogus_key(informatieobjecttype.catalogus), informatieobjecttype.omschrijving)
        )

    def status_notifies(self, zaaktype: ZaakType, statustype: StatusType) -> bool:
        """The admin's switch for this step; without a row the catalogus (`informeren`) rules."""
        configured = self.statustype(zaaktype, statustype)
        return configured is None or configured.notify

    def status_requires_action(self, zaaktype: ZaakType, statustype: StatusType) -> bool:
        configured = self.statustype(zaaktype, statustype)
        return configured is not None and configured.action_required

    def document_notifies(self, informatieobjecttype: InformatieObjectType) -> bool:
        """The admin's switch for a new document of this type; on without a row."""
        configured = self.informatieobjecttype(informatieobjecttype)
        return configured is None or configured.notify

    @property
    def zaak_maxima(self) -> list[Vertrouwelijkheid]:
        """Every per-zaaktype maximum an administrator set."""
        return [
            settings.max_vertrouwelijkheid
            for settings in self.zaaktypen.values()
            if settings.max_vertrouwelijkheid is not None
        ]


@dataclass(frozen=True, slots=True)
class ZakenConfiguration:
    """Global rules (the server settings as the fallback, resolved now) and per-type settings."""

    zaak_maximum: Vertrouwelijkheid
    document_maximum: Vertrouwelijkheid
    show_without_status: bool
    richtingen: frozenset[str]
    types: TypeSettings = field(default_factory=TypeSettings)


def _level(value: str) -> Vertrouwelijkheid | None:
    return Vertrouwelijkheid(value) if value else None


def load_type_settings() -> TypeSettings:
    """Every per-type row, in three queries."""
    zaaktypen = {
        (catalogus_key(row.catalogus_url), row.identificatie): ZaakTypeSettings(
            shown=row.shown,
            name=row.name,
            explanation=row.explanation,
            max_vertrouwelijkheid=_level(row.max_vertrouwelijkheid),
            documents_shown=row.documents_shown,
        )
        for row in ZaakTypeConfig.objects.all()
    }
    statustypen = {
        (
            catalogus_key(row.zaaktype_config.catalogus_url),
            row.zaaktype_config.identificatie,
            row.omschrijving,
        ): StatusTypeSettings(
            label=row.label,
            explanation=row.explanation,
            shown_in_timeline=row.shown_in_timeline,
            notify=row.notify,
            action_required=row.action_required,
        )
        for row in StatusTypeConfig.objects.select_related("zaaktype_config")
    }
    informatieobjecttypen = {
        (catalogus_key(row.catalogus_url), row.omschrijving): InformatieObjectTypeSettings(
            shown=row.shown,
            max_vertrouwelijkheid=_level(row.max_vertrouwelijkheid),
            richtingen=RICHTINGEN.get(row.richtingen),
            notify=row.notify,
        )
        for row in InformatieObjectTypeConfig.objects.all()
    }
    return TypeSettings(zaaktypen, statustypen, informatieobjecttypen)


def zaken_configuration() -> ZakenConfiguration:
    """The configuration in force now: one query, plus three when a row changed since."""
    config = MijnZakenConfig.get_solo()
    key = f"{CACHE_PREFIX}{config.revision}"
    types = cache.get(key)
    if not isinstance(types, TypeSettings):
        types = load_type_settings()
        cache.set(key, types, CACHE_SECONDS)
    return ZakenConfiguration(
        zaak_maximum=config.zaak_maximum,
        document_maximum=config.document_maximum,
        show_without_status=config.without_status,
        richtingen=RICHTINGEN[config.document_richtingen],
        types=types,
    )
