"""The three ZGW clients MijnZaken needs, built together, and a URL-to-client lookup."""

from dataclasses import dataclass

from django.conf import settings

from .actor import Actor
from .catalogi import CatalogiClient
from .config import load_services
from .documenten import DocumentenClient
from .zaken import ZakenClient


@dataclass(frozen=True, slots=True)
class ZgwClients:
    zaken: ZakenClient
    catalogi: CatalogiClient
    documenten: DocumentenClient


def build_zgw_clients(actor: Actor) -> ZgwClients:
    """Zaken, Catalogi and Documenten clients for one actor (ClientConfigurationError if any is
    missing), their three Services read in one query."""
    slugs = (
        settings.ZAKEN_SERVICE_SLUG,
        settings.CATALOGI_SERVICE_SLUG,
        settings.DOCUMENTEN_SERVICE_SLUG,
    )
    configs = load_services(*slugs)
    zaken, catalogi, documenten = (configs[slug] for slug in slugs)
    return ZgwClients(
        zaken=ZakenClient(zaken, actor),
        catalogi=CatalogiClient(catalogi, actor),
        documenten=DocumentenClient(documenten, actor),
    )
