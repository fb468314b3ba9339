"""The admin pages for the MijnZaken configuration render, search and save."""

from typing import Any

import pytest
from django import forms as forms_module
from django.test import Client
from django.urls import reverse

from zaken.models import InformatieObjectTypeConfig, StatusTypeConfig, ZaakTypeConfig

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


def resubmit(page: Any) -> dict[str, Any]:
    """What a browser posts back for this admin change page as rendered.

    Disabled and read-only fields are left out, as a browser does; a test then changes
    or adds what it wants to try.
    """
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data: dict[str, Any] = {}
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if field.disabled or (isinstance(field, forms_module.BooleanField) and not value):
                continue
            data[form.add_prefix(name)] = (
                "on" if value is True else ("" if value is None else value)
            )
    return data


@pytest.fixture
def besluit() -> InformatieObjectTypeConfig:
    return InformatieObjectTypeConfig.objects.create(
        catalogus_url=CATALOGUS, omschrijving="Besluit"
    )


def test_a_saved_zaaktype_shows_its_keys_read_only(
    beheer_client: Client, parkeren: ZaakTypeConfig
) -> None:
    change = beheer_client.get(reverse("admin:zaken_zaaktypeconfig_change", args=[parkeren.pk]))
    add = beheer_client.get(reverse("admin:zaken_zaaktypeconfig_add"))

    assert {"catalogus_url", "identificatie"} <= set(add.context["adminform"].form.fields)
    assert not {"catalogus_url", "identificatie"} & set(change.context["adminform"].form.fields)
    assert "PARKEREN" in change.content.decode()
    assert 'name="identificatie"' not in change.content.decode()


def test_posting_other_keys_for_a_saved_zaaktype_changes_only_the_rest(
    beheer_client: Client, parkeren: ZaakTypeConfig
) -> None:
    url = reverse("admin:zaken_zaaktypeconfig_change", args=[parkeren.pk])
    data = resubmit(beheer_client.get(url))
    data |= {
        "catalogus_url": "http://elders.test/catalogi/api/v1/catalogussen/2",
        "identificatie": "ANDERS",
        "name": "Parkeren in uw straat",
    }

    response = beheer_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    parkeren.refresh_from_db()
    assert (parkeren.catalogus_url, parkeren.identificatie) == (CATALOGUS, "PARKEREN")
    assert parkeren.name == "Parkeren in uw straat"


def test_a_saved_steps_omschrijving_is_fixed_but_a_new_step_can_be_added(
    beheer_client: Client, parkeren: ZaakTypeConfig
) -> None:
    url = reverse("admin:zaken_zaaktypeconfig_change", args=[parkeren.pk])
    page = beheer_client.get(url)
    data = resubmit(page)
    assert "statustypen-0-omschrijving" not in data  # disabled: the browser sends nothing
    data |= {
        "statustypen-0-omschrijving": "Iets anders",  # a crafted post is ignored too
        "statustypen-0-label": "We hebben uw aanvraag",
        "statustypen-TOTAL_FORMS": "3",
        "statustypen-2-zaaktype_config": str(parkeren.pk),
        "statustypen-2-omschrijving": "Besluit",
        "statustypen-2-volgnummer": "3",
    }

    response = beheer_client.post(url, data)

    assert response.status_code == 302
    steps = dict(parkeren.statustypen.values_list("omschrijving", "label"))
    assert steps == {"Ontvangen": "We hebben uw aanvraag", "Toetsing": "", "Besluit": ""}
    assert 'name="statustypen-0-omschrijving"' in page.content.decode()
    assert page.context["inline_admin_formsets"][0].formset.forms[0].fields["omschrijving"].disabled


def test_a_new_zaaktype_can_be_added_with_its_keys(beheer_client: Client) -> None:
    url = reverse("admin:zaken_zaaktypeconfig_add")
    data = resubmit(beheer_client.get(url))
    data |= {"catalogus_url": CATALOGUS, "identificatie": "BIJSTAND"}

    response = beheer_client.post(url, data)

    assert response.status_code == 302
    row = ZaakTypeConfig.objects.get()
    assert (row.catalogus_url, row.identificatie, row.shown) == (CATALOGUS, "BIJSTAND", None)


def test_a_saved_documenttype_keeps_its_keys(
    beheer_client: Client, besluit: InformatieObjectTypeConfig
) -> None:
    url = reverse("admin:zaken_informatieobjecttypeconfig_change", args=[besluit.pk])
    page = beheer_client.get(url)
    data = resubmit(page)
    data |= {"catalogus_url": "http://elders.test/c", "omschrijving": "Brief"}
    del data["notify"]  # unticked: the rest of the form still saves

    response = beheer_client.post(url, data)

    assert response.status_code == 302
    assert not {"catalogus_url", "omschrijving"} & set(page.context["adminform"].form.fields)
    besluit.refresh_from_db()
    assert (besluit.catalogus_url, besluit.omschrijving, besluit.notify) == (
        CATALOGUS,
        "Besluit",
        False,
    )
    add = beheer_client.get(reverse("admin:zaken_informatieobjecttypeconfig_add"))
    assert {"catalogus_url", "omschrijving"} <= set(add.context["adminform"].form.fields)


def test_shown_offers_the_catalogus_always_and_never(
    beheer_client: Client, parkeren: ZaakTypeConfig
) -> None:
    url = reverse("admin:zaken_zaaktypeconfig_change", args=[parkeren.pk])
    page = beheer_client.get(url)

    html = page.content.decode()
    assert '<option value="" selected>Volgens de catalogus (alleen extern)</option>' in html
    assert '<option value="True">Ja, tonen</option>' in html
    assert '<option value="False">Nee, verbergen</option>' in html
    for choice, stored in (("False", False), ("True", True), ("", None)):
        response = beheer_client.post(url, resubmit(page) | {"shown": choice})
        assert response.status_code == 302
        parkeren.refresh_from_db()
        assert parkeren.shown is stored


def test_the_list_shows_and_filters_on_the_shown_choice(
    beheer_client: Client, parkeren: ZaakTypeConfig
) -> None:
    hidden = ZaakTypeConfig.objects.create(catalogus_url=CATALOGUS, identificatie="X", shown=False)
    changelist = reverse("admin:zaken_zaaktypeconfig_changelist")

    html = beheer_client.get(changelist).content.decode()
    filtered = beheer_client.get(changelist, {"shown__isnull": "True"})

    assert "Volgens de catalogus (alleen extern)" in html and "Nee, verbergen" in html
    assert list(filtered.context["cl"].result_list) == [parkeren]
    assert list(beheer_client.get(changelist, {"shown__exact": "0"}).context["cl"].result_list) == [
        hidden
    ]
