"""A paginated list call with a BSN in its query, as the client tests make it."""

from mijnomgeving.clients.zaken import BSN_FILTER
from mijnomgeving.clients.zaken_resources import Zaak
from tests.factories import zgw

ZAKEN_LIST = zgw.zaken_url("zaken")


def list_zaken(clients):
    """Every zaak of the test BSN through the generic fetch_all (it follows `next`)."""
    return clients.zaken.fetch_all(
        "zaken",
        Zaak.from_api,
        params={
            BSN_FILTER: zgw.TEST_BSN,
            "maximaleVertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        },
    )
