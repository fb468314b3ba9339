"""`manage.py register_subscription`: never points a real Notificaties API at this machine."""

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from notificaties.models import Subscription
from tests.factories import notificaties as nf


def register() -> str:
    out = io.StringIO()
    call_command("register_subscription", stdout=out)
    return out.getvalue()


def accepting_nrc(requests_mock: Any, root: str = nf.NRC_ROOT) -> None:
    def created(request: Any, context: Any) -> dict[str, Any]:
        body = request.json()
        context.status_code = 201
        served = nf.abonnement(
            callback_url=body["callbackUrl"], auth=body["auth"], kanalen=body["kanalen"]
        )
        served.pop("auth")  # write-only in Open Notificaties
        return served

    requests_mock.get(root + "abonnement", json=[])
    requests_mock.post(root + "abonnement", json=created)


@pytest.mark.parametrize(
    "site_url",
    [
        "http://127.0.0.1:8000",  # the default
        "http://localhost:8000",
        "http://127.0.1.1",
        "http://[::1]:8000",
        "http://0.0.0.0:8000",
        "http://portal.localhost",
    ],
)
def test_a_callback_on_this_machine_is_refused_outside_development(
    notificaties_service: Any, requests_mock: Any, settings: Any, site_url: str
) -> None:
    settings.DEBUG = False
    settings.SITE_URL = site_url

    with pytest.raises(CommandError) as refused:
        register()

    message = str(refused.value)
    assert f"SITE_URL is {site_url}" in message
    assert "Zet SITE_URL op het adres waarop de portal bereikbaar is" in message
    assert "set SITE_URL to the portal's public address" in message
    assert nf.NRC_ROOT in message
    assert requests_mock.request_history == []  # the Notificaties API was never asked
    assert not Subscription.objects.exists()


def test_the_default_is_named_as_the_default(
    notificaties_service: Any, requests_mock: Any, settings: Any
) -> None:
    settings.DEBUG = False
    settings.SITE_URL = "http://127.0.0.1:8000"

    with pytest.raises(CommandError, match=r"\(de standaardwaarde\)"):
        register()


def test_the_public_address_is_registered(
    notificaties_service: Any, requests_mock: Any, settings: Any
) -> None:
    settings.DEBUG = False
    settings.SITE_URL = "https://mijn.gemeente.test"
    accepting_nrc(requests_mock)

    output = register()

    assert "Abonnement created" in output
    assert "(callback https://mijn.gemeente.test/" in output


def test_in_development_a_local_callback_is_allowed(
    notificaties_service: Any, requests_mock: Any, settings: Any
) -> None:
    settings.DEBUG = True
    settings.SITE_URL = "http://127.0.0.1:8000"
    accepting_nrc(requests_mock)

    assert "Abonnement created" in register()


def test_a_notificaties_api_on_this_machine_may_call_back_on_it(
    notificaties_service: Any, requests_mock: Any, settings: Any
) -> None:
    """`make demo` and `make connect` to back offices on this machine: both ends are local."""
    settings.DEBUG = False
    settings.SITE_URL = "http://127.0.0.1:8000"
    local_root = "http://localhost:8001/notificaties/api/v1/"
    notificaties_service.api_root = local_root
    notificaties_service.save()
    accepting_nrc(requests_mock, local_root)

    assert "(callback http://127.0.0.1:8000/" in register()

    assert requests_mock.last_request.url == local_root + "abonnement"
