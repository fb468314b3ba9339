"""Which zaken and documents a resident may see (STANDARDS §3.2 and §3.6, Decisions 2 and 3).

Every rule lives behind `VisibilityPolicy`, built by `visibility_policy()` alone. Today the
policy reads settings; issue 4 replaces that source with the admin's per-zaaktype and
per-informatieobjecttype configuration (keyed by catalogus + identificatie, Decision 5)
without touching the services that ask it.
"""

from dataclasses import dataclass

from django.conf import settings

from mijnomgeving.clients.catalogi_resources import (
    InformatieObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from mijnomgeving.clients.documenten_resources import EnkelvoudigInformatieObject
from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid
from mijnomgeving.clients.zaken_resources import Zaak

SHOWN_RICHTINGEN = frozenset({"inkomend", "uitgaand"})
SHOWN_DOCUMENT_STATUSSEN = frozenset({"definitief", "gearchiveerd"})


@dataclass(frozen=True, slots=True)
class VisibilityPolicy:
    """The rules as values; `zaak_visible` and `document_visible` apply them."""

    max_zaak_vertrouwelijkheid: Vertrouwelijkheid
    max_document_vertrouwelijkheid: Vertrouwelijkheid
    show_without_status: bool = False
    shown_richtingen: frozenset[str] = SHOWN_RICHTINGEN
    shown_document_statussen: frozenset[str] = SHOWN_DOCUMENT_STATUSSEN

    def zaak_visible(self, zaak: Zaak, zaaktype: ZaakType) -> bool:
        """Extern zaaktype, vertrouwelijkheid at or below the maximum, and a status (§3.2)."""
        return (
            zaaktype.is_extern
            and zaak.vertrouwelijkheidaanduiding.at_most(self.max_zaak_vertrouwelijkheid)
            and (zaak.status is not None or self.show_without_status)
        )

    def document_visible(
        self,
        eio: EnkelvoudigInformatieObject,
        ziots: tuple[ZaakTypeInformatieObjectType, ...],
        informatieobjecttype: InformatieObjectType | None = None,
    ) -> bool:
        """Final, within the maximum, an inkomend/uitgaand document type, not withdrawn (§3.6).

        `ziots` are the zaaktype-informatieobjecttypen of the zaak's zaaktype for the
        document's informatieobjecttype: none (the type is not part of this zaaktype) or
        any with a hidden richting hides the document. A blank vertrouwelijkheid falls back
        to the informatieobjecttype's, as the Documenten API defaults it; without either the
        document stays hidden. `tonenAanInitiator` and `inhoudIsVervallen` count only when
        the back office serves them.
        """
        level = eio.vertrouwelijkheidaanduiding or (
            informatieobjecttype.vertrouwelijkheidaanduiding if informatieobjecttype else None
        )
        return (
            eio.status in self.shown_document_statussen
            and level is not None
            and level.at_most(self.max_document_vertrouwelijkheid)
            and bool(ziots)
            and all(ziot.richting in self.shown_richtingen for ziot in ziots)
            and eio.tonen_aan_initiator is not False
            and eio.inhoud_is_vervallen is not True
        )


def visibility_policy() -> VisibilityPolicy:
    """The policy in force now (settings today; the admin configuration from issue 4 on)."""
    return VisibilityPolicy(
        max_zaak_vertrouwelijkheid=Vertrouwelijkheid(settings.ZAAK_MAX_VERTROUWELIJKHEID),
        max_document_vertrouwelijkheid=Vertrouwelijkheid(settings.DOCUMENT_MAX_VERTROUWELIJKHEID),
        show_without_status=bool(settings.SHOW_ZAKEN_WITHOUT_STATUS),
    )
