"""demo/config/notificaties.yaml: the Notificatieservice's services for `make demo`."""

import io

import pytest
from django.core.management import call_command
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from demo.backoffice.klantinteracties import DEFAULT_TOKEN
from demo.stack import KLANTINTERACTIES_TOKEN, NOTIFICATIES_YAML

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_demo_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "DEMO_NOTIFICATIES_API_ROOT",
        "DEMO_KLANTINTERACTIES_API_ROOT",
        "DEMO_KLANTINTERACTIES_AUTHORIZATION",
        "DEMO_ZGW_CLIENT_ID",
        "DEMO_ZGW_SECRET",
    ):
        monkeypatch.delenv(name, raising=False)


def test_both_services_point_at_the_demo_back_office_under_the_slugs_the_portal_reads(settings):
    call_command("setup_configuration", yaml_file=str(NOTIFICATIES_YAML), stdout=io.StringIO())

    nrc = Service.objects.get(slug=settings.NOTIFICATIES_SERVICE_SLUG)
    klant = Service.objects.get(slug=settings.KLANTINTERACTIES_SERVICE_SLUG)
    assert (nrc.api_type, nrc.auth_type) == (APITypes.nrc, AuthTypes.zgw)
    assert nrc.api_root == "http://127.0.0.1:8001/notificaties/api/v1/"
    assert (nrc.client_id, nrc.secret) == (
        "mijnomgeving-demo",
        "mijnomgeving-demo-secret-for-local-use-only",
    )
    assert klant.auth_type == AuthTypes.api_key
    assert klant.api_root == "http://127.0.0.1:8001/klantinteracties/api/v1/"
    assert (klant.header_key, klant.header_value) == ("Authorization", f"Token {DEFAULT_TOKEN}")


def test_the_stack_and_the_back_office_agree_on_the_default_token():
    assert KLANTINTERACTIES_TOKEN == DEFAULT_TOKEN
