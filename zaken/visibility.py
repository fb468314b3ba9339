"""Which zaken and documents a resident may see (docs/standards.md §3.2 and §3.6, Decisions 2 and 3).

Every rule lives behind `VisibilityPolicy`, built by `visibility_policy()` alone, from the
admin's configuration (zaken.models, keyed by catalogus + identificatie, Decision 5) with the
server settings as the fallback. The policy carries the per-type settings (`types`), so the
labels of a page (zaken.labels) come from the same single look-up.
"""

from dataclasses import dataclass, field

from mijnomgeving.clients.catalogi_resources import (
    InformatieObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from mijnomgeving.clients.documenten_resources import EnkelvoudigInformatieObject
from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid
from mijnomgeving.clients.zaken_resources import Zaak
from zaken.configuration import TypeSettings, zaken_configuration

SHOWN_RICHTINGEN = frozenset({"inkomend", "uitgaand"})
SHOWN_DOCUMENT_STATUSSEN = frozenset({"definitief", "gearchiveerd"})


@dataclass(frozen=True, slots=True)
class VisibilityPolicy:
    """The rules as values; `zaak_visible` and `document_visible` apply them.

    The maxima and richtingen are the global ones; `types` holds what an administrator set
    per zaaktype and per informatieobjecttype, which wins where it is set.
    """

    max_zaak_vertrouwelijkheid: Vertrouwelijkheid
    max_document_vertrouwelijkheid: Vertrouwelijkheid
    show_without_status: bool = False
    shown_richtingen: frozenset[str] = SHOWN_RICHTINGEN
    shown_document_statussen: frozenset[str] = SHOWN_DOCUMENT_STATUSSEN
    types: TypeSettings = field(default_factory=TypeSettings)

    @property
    def query_max_zaak_vertrouwelijkheid(self) -> Vertrouwelijkheid:
        """What the zaken query asks for: the global maximum, or a higher per-zaaktype one
        (`zaak_visible` then applies each zaaktype's own maximum)."""
        return max(
            [self.max_zaak_vertrouwelijkheid, *self.types.zaak_maxima],
            key=lambda level: level.rank,
        )

    def zaak_visible(self, zaak: Zaak, zaaktype: ZaakType) -> bool:
        """Shown zaaktype, vertrouwelijkheid within its maximum, a status."""
        return (
            self.zaaktype_shown(zaaktype)
            and zaak.vertrouwelijkheidaanduiding.at_most(self.zaaktype_maximum(zaaktype))
            and (zaak.status is not None or self.show_without_status)
        )

    def zaaktype_shown(self, zaaktype: ZaakType) -> bool:
        """The zaaktype is shown when it is extern, unless an administrator chose "always" or
        "never" for it; a row that only sets labels follows the catalogus."""
        configured = self.types.zaaktype(zaaktype)
        if configured is not None and configured.shown is not None:
            return configured.shown
        return zaaktype.is_extern

    def zaaktype_maximum(self, zaaktype: ZaakType) -> Vertrouwelijkheid:
        """The highest vertrouwelijkheid of the zaaktype's zaken a resident sees."""
        configured = self.types.zaaktype(zaaktype)
        if configured is not None and configured.max_vertrouwelijkheid is not None:
            return configured.max_vertrouwelijkheid
        return self.max_zaak_vertrouwelijkheid

    def documents_shown(self, zaaktype: ZaakType) -> bool:
        """Whether documents of zaken of this zaaktype may be shown at all (admin switch)."""
        configured = self.types.zaaktype(zaaktype)
        return configured is None or configured.documents_shown

    def document_visible(
        self,
        eio: EnkelvoudigInformatieObject,
        ziots: tuple[ZaakTypeInformatieObjectType, ...],
        informatieobjecttype: InformatieObjectType | None = None,
    ) -> bool:
        """Final, within the maximum, a shown richting and document type, not withdrawn (§3.6).

        `ziots` are the zaaktype-informatieobjecttypen of the zaak's zaaktype for the
        document's informatieobjecttype: none (the type is not part of this zaaktype) or
        any with a hidden richting hides the document. A blank vertrouwelijkheid falls back
        to the informatieobjecttype's, as the Documenten API defaults it; without either the
        document stays hidden. `tonenAanInitiator` and `inhoudIsVervallen` count only when
        the back office serves them. When documenttypen are configured, a document whose
        type is unknown (`informatieobjecttype` None) stays hidden: its setting cannot be
        checked.
        """
        if informatieobjecttype is None and self.types.informatieobjecttypen:
            return False
        configured = self.types.informatieobjecttype(informatieobjecttype)
        if configured is not None and not configured.shown:
            return False
        maximum = (
            configured.max_vertrouwelijkheid
            if configured is not None and configured.max_vertrouwelijkheid is not None
            else self.max_document_vertrouwelijkheid
        )
        richtingen = (
            configured.richtingen
            if configured is not None and configured.richtingen is not None
            else self.shown_richtingen
        )
        level = eio.vertrouwelijkheidaanduiding or (
            informatieobjecttype.vertrouwelijkheidaanduiding if informatieobjecttype else None
        )
        return (
            eio.status in self.shown_document_statussen
            and level is not None
            and level.at_most(maximum)
            and bool(ziots)
            and all(ziot.richting in richtingen for ziot in ziots)
            and eio.tonen_aan_initiator is not False
            and eio.inhoud_is_vervallen is not True
        )

    @property
    def needs_informatieobjecttype(self) -> bool:
        """Whether `document_visible` needs the document's type even when its level is set."""
        return bool(self.types.informatieobjecttypen)


def visibility_policy() -> VisibilityPolicy:
    """The policy in force now: the admin's configuration over the settings (one query)."""
    config = zaken_configuration()
    return VisibilityPolicy(
        max_zaak_vertrouwelijkheid=config.zaak_maximum,
        max_document_vertrouwelijkheid=config.document_maximum,
        show_without_status=config.show_without_status,
        shown_richtingen=config.richtingen,
        types=config.types,
    )
