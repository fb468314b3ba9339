"""The replay's fixtures: the ZGW Services at the corpus's Open Zaak, answered from the corpus."""

from collections.abc import Callable
from typing import Any

import pytest

from tests.corpus import OPENZAAK
from tests.fixtures.services import ZgwServices

from .transport import Replay


@pytest.fixture
def replay(requests_mock: Any, make_zgw_services: Callable[..., ZgwServices]) -> Replay:
    """Zaken, Catalogi and Documenten at https://openzaak.gemeente.example/…/api/v1/, every
    request answered from tests/corpus/realzgw (or noted as unanswerable)."""
    make_zgw_services(api_root_base=OPENZAAK)
    return Replay(requests_mock)
