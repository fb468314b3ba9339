"""Fixtures for the MijnZaken tests: an in-memory Open Zaak, or the demo back office over HTTP."""

from collections.abc import Callable
from typing import Any

import pytest

from mijnomgeving.accounts.identity import Identity
from tests.factories.zgw import TEST_BSN
from tests.fixtures.backoffice import DemoBackoffice
from tests.fixtures.services import ZgwServices
from tests.zaken.zgw_world import ZgwWorld


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
