"""The Klantinteracties API client (Open Klant 2.x, API 0.9.0): partij by BSN and its addresses."""

from django.conf import settings

from .actor import Actor
from .base import ApiClient, load_service
from .klantinteracties_resources import DigitaalAdres, Partij

# The partij-identificator codes of Open Klant 2.6+ (docs/standards.md §5; not the old inp/nnp/vtn).
BSN_LOOKUP = {
    "partijIdentificator__codeObjecttype": "natuurlijk_persoon",
    "partijIdentificator__codeSoortObjectId": "bsn",
    "partijIdentificator__codeRegister": "brp",
}


class KlantinteractiesClient(ApiClient):
    """Authenticates with `Authorization: Token <key>`: the Service's API key header."""

    def partij_for_bsn(self, bsn: str) -> Partij | None:
        """The persoon-partij with this BSN, or None when Open Klant has none."""
        if not bsn:
            raise ValueError("A BSN is required.")
        params = {**BSN_LOOKUP, "partijIdentificator__objectId": bsn, "soortPartij": "persoon"}
        partijen = self.fetch_all("partijen", Partij.from_api, params=params)
        return partijen[0] if partijen else None

    def digitale_adressen(self, partij: Partij) -> list[DigitaalAdres]:
        """Every digitaal adres the partij gave (all pages)."""
        params = {"verstrektDoorPartij__uuid": str(partij.uuid)}
        return self.fetch_all("digitaleadressen", DigitaalAdres.from_api, params=params)


def build_klantinteracties_client(actor: Actor) -> KlantinteractiesClient:
    """The client for the Service with slug settings.KLANTINTERACTIES_SERVICE_SLUG."""
    return KlantinteractiesClient(load_service(settings.KLANTINTERACTIES_SERVICE_SLUG), actor)
