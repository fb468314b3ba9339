"""The desk tests' back office: the running demo back office, with its seed's UUIDs."""

from collections.abc import Callable
from uuid import NAMESPACE_URL, UUID, uuid5

import pytest

from tests.fixtures.backoffice import DemoBackoffice
from tests.fixtures.services import ZgwServices

SUZANNE = "999993653"
_DEMO_NAMESPACE = uuid5(NAMESPACE_URL, "https://mijnomgeving.example/demo-backoffice")


def seed_uid(name: str) -> UUID:
    """The UUID the demo seed gives a record, e.g. seed_uid("zaak:suzanne-parkeervergunning")."""
    return uuid5(_DEMO_NAMESPACE, name)


@pytest.fixture
def demo_services(
    demo_backoffice: DemoBackoffice, make_zgw_services: Callable[..., ZgwServices]
) -> ZgwServices:
    demo_backoffice.set_latency(0)
    demo_backoffice.clear_requests_log()
    return make_zgw_services(
        api_root_base=demo_backoffice.base_url,
        client_id=demo_backoffice.client_id,
        secret=demo_backoffice.secret,
    )
