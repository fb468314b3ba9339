"""Fixtures for the MijnZaken tests: the portal pointed at the demo back office, seed keys."""

from collections.abc import Callable
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

import pytest

from mijnomgeving.accounts.identity import Identity
from tests.factories.zgw import TEST_BSN
from tests.fixtures.backoffice import DemoBackoffice
from tests.fixtures.services import ZgwServices
from tests.zaken.zgw_world import ZgwWorld

SUZANNE = "999993653"
MARY = "999990755"
SIERRA = "999991954"
MEREL = "999993847"

_DEMO_NAMESPACE = uuid5(NAMESPACE_URL, "https://mijnomgeving.example/demo-backoffice")


def seed_uid(name: str) -> UUID:
    """The UUID the demo seed gives a record, e.g. seed_uid("zaak:suzanne-parkeervergunning")."""
    return uuid5(_DEMO_NAMESPACE, name)


@pytest.fixture
def demo_services(
    demo_backoffice: DemoBackoffice, make_zgw_services: Callable[..., ZgwServices]
) -> ZgwServices:
    """The Zaken, Catalogi and Documenten Services pointing at the running demo back office."""
    demo_backoffice.set_latency(0)
    return make_zgw_services(
        api_root_base=demo_backoffice.base_url,
        client_id=demo_backoffice.client_id,
        secret=demo_backoffice.secret,
    )


@pytest.fixture
def world(requests_mock: Any, zgw_services: ZgwServices) -> ZgwWorld:
    """An in-memory Open Zaak at http://zaken.test (see tests/zaken/zgw_world.py)."""
    return ZgwWorld(requests_mock)


@pytest.fixture
def identity() -> Identity:
    return Identity(bsn=TEST_BSN)
