"""The three ZGW clients MijnZaken needs, built together, and a URL-to-client lookup."""

from dataclasses import dataclass

from .actor import Actor
from .base import ApiClient, client_for_url
from .catalogi import CatalogiClient, build_catalogi_client
from .documenten import DocumentenClient, build_documenten_client
from .zaken import ZakenClient, build_zaken_client


@dataclass(frozen=True, slots=True)
class ZgwClients:
    zaken: ZakenClient
    catalogi: CatalogiClient
    documenten: DocumentenClient

    def for_url(self, url: str) -> ApiClient:
        """The client whose api_root holds `url` (ForeignUrlError when none does)."""
        return client_for_url(url, (self.zaken, self.catalogi, self.documenten))


def build_zgw_clients(actor: Actor) -> ZgwClients:
    """Zaken, Catalogi and Documenten clients for one actor (ClientConfigurationError if any is missing)."""
    return ZgwClients(
        zaken=build_zaken_client(actor),
        catalogi=build_catalogi_client(actor),
        documenten=build_documenten_client(actor),
    )
