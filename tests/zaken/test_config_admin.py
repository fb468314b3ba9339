"""The admin pages for the MijnZaken configuration render, search and save."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from zaken.models import StatusTypeConfig, ZaakTypeConfig

pytestmark = pytest.mark.django_db

CATALOGUS = "http://zaken.test/catalogi/api/v1/catalogussen/1"


@pytest.fixture
def beheer_client(client: Client, django_user_model: Any) -> Client:
    user = django_user_model.objects.create_superuser("beheerder", "beheer@example.com", "x")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def parkeren() -> ZaakTypeConfig:
    row = ZaakTypeConfig.objects.create(
        catalogus_url=CATALOGUS, identificatie="PARKEREN", omschrijving="Parkeervergunning"
    )
    for volgnummer, omschrijving in ((2, "Toetsing"), (1, "Ontvangen")):
        StatusTypeConfig.objects.create(
            zaaktype_config=row, omschrijving=omschrijving, volgnummer=volgnummer
        )
    return row


@pytest.mark.parametrize(
    "name",
    [
        "admin:zaken_zaaktypeconfig_changelist",
        "admin:zaken_zaaktypeconfig_add",
        "admin:zaken_informatieobjecttypeconfig_changelist",
        "admin:zaken_informatieobjecttypeconfig_add",
        "admin:zaken_mijnzakenconfig_change",
    ],
)
def test_the_configuration_pages_render(beheer_client: Client, name: str) -> None:
    assert beheer_client.get(reverse(name)).status_code == 200


def test_the_steps_show_inline_in_volgnummer_order(
    beheer_client: Client, parkeren: ZaakTypeConfig
) -> None:
    page = beheer_client.get(reverse("admin:zaken_zaaktypeconfig_change", args=[parkeren.pk]))

    html = page.content.decode()
    assert html.index('value="Ontvangen"') < html.index('value="Toetsing"')
    assert "Naam voor inwoners" in html


def test_search_finds_a_zaaktype_by_identificatie(
    beheer_client: Client, parkeren: ZaakTypeConfig
) -> None:
    ZaakTypeConfig.objects.create(catalogus_url=CATALOGUS, identificatie="BIJSTAND")

    page = beheer_client.get(reverse("admin:zaken_zaaktypeconfig_changelist"), {"q": "PARKEREN"})

    assert list(page.context["cl"].result_list) == [parkeren]


def test_the_import_button_needs_a_post(beheer_client: Client) -> None:
    assert beheer_client.get(reverse("admin:zaken_zaaktypeconfig_import")).status_code == 405


def test_a_resident_cannot_reach_the_configuration(resident_client: Client) -> None:
    response = resident_client.get(reverse("admin:zaken_zaaktypeconfig_changelist"))

    assert response.status_code == 302
    assert not ZaakTypeConfig.objects.exists()
