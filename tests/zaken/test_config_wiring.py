"""The admin's configuration changes what the resident sees (issue 4): labels, hidden steps,
hidden zaaktypen and documenttypen, and per-zaaktype vertrouwelijkheid."""

from uuid import UUID

import pytest

from mijnomgeving.accounts.identity import Identity
from tests.factories import zgw
from tests.zaken.zgw_world import ZgwWorld
from zaken.models import InformatieObjectTypeConfig, StatusTypeConfig, ZaakTypeConfig
from zaken.services import (
    DocumentNotFound,
    ZaakNotFound,
    document_download_for,
    zaak_get_for,
    zaken_list_for,
)

CATALOGUS = zgw.catalogi_url(f"catalogussen/{zgw.CATALOGUS_UUID}")
IDENTIFICATIE = "ZT-OMGEVINGSVERGUNNING"  # the world's zaaktype, in every version


@pytest.fixture(params=[True, False], ids=["expand", "no-expand"])
def expand(request: pytest.FixtureRequest, settings) -> bool:
    settings.ZAKEN_USE_EXPAND = request.param
    return request.param


def configure(**fields: object) -> ZaakTypeConfig:
    row, _ = ZaakTypeConfig.objects.update_or_create(
        catalogus_url=CATALOGUS, identificatie=IDENTIFICATIE, defaults=fields
    )
    return row


def step(omschrijving: str, **fields: object) -> StatusTypeConfig:
    row, _ = StatusTypeConfig.objects.update_or_create(
        zaaktype_config=configure(), omschrijving=omschrijving, defaults=fields
    )
    return row


def detail(identity: Identity, zaak: dict):
    return zaak_get_for(identity=identity, uuid=UUID(zaak["uuid"]))


def test_a_configured_label_and_name_show_on_the_case_page_and_in_the_list(
    world: ZgwWorld, identity: Identity, expand: bool
) -> None:
    zaak = world.add_zaak(statussen=[1, 2])
    configure(name="Bouwen of verbouwen", explanation="Het duurt acht weken.")
    step("In behandeling", label="We kijken naar uw bouwplan", explanation="Dit duurt even.")

    page = detail(identity, zaak)
    row = zaken_list_for(identity=identity, status="open", page=1).zaken[0]

    assert page.status_label == "We kijken naar uw bouwplan"
    assert page.zaaktype_label == "Bouwen of verbouwen"
    assert page.zaaktype_explanation == "Het duurt acht weken."
    labels = [timeline_step.label for timeline_step in page.timeline]
    assert labels == [
        "We hebben uw aanvraag ontvangen.",  # no label configured: the statustekst
        "We kijken naar uw bouwplan",
        "We hebben een besluit genomen over uw aanvraag.",
    ]
    assert page.timeline[1].explanation == "Dit duurt even."
    assert row.status_label == "We kijken naar uw bouwplan"
    assert row.zaaktype_label == "Bouwen of verbouwen"


def test_a_step_hidden_from_the_timeline_is_left_out(
    world: ZgwWorld, identity: Identity, expand: bool
) -> None:
    zaak = world.add_zaak(statussen=[1, 2])
    step("Ontvangen", shown_in_timeline=False)
    step("Afgerond", shown_in_timeline=False)

    labels = [timeline_step.label for timeline_step in detail(identity, zaak).timeline]

    assert labels == ["We beoordelen uw aanvraag."]


def test_a_hidden_zaaktype_hides_its_zaken(
    world: ZgwWorld, identity: Identity, expand: bool
) -> None:
    zaak = world.add_zaak()
    configure(shown=False)

    with pytest.raises(ZaakNotFound):
        detail(identity, zaak)
    assert zaken_list_for(identity=identity, status="open", page=1).open_count == 0


def test_an_intern_zaaktype_the_administrator_shows_is_visible(
    world: ZgwWorld, identity: Identity, expand: bool
) -> None:
    zaaktype = world.add_zaaktype(indicatieInternOfExtern="intern", identificatie="INTERN-1")
    zaak = world.add_zaak(zaaktype=zaaktype)
    assert zaken_list_for(identity=identity, status="open", page=1).open_count == 0

    ZaakTypeConfig.objects.create(catalogus_url=CATALOGUS, identificatie="INTERN-1", shown=True)

    assert str(detail(identity, zaak).uuid) == zaak["uuid"]


def test_a_label_for_an_intern_zaaktype_does_not_show_it(
    world: ZgwWorld, identity: Identity, expand: bool
) -> None:
    zaaktype = world.add_zaaktype(indicatieInternOfExtern="intern", identificatie="INTERN-1")
    zaak = world.add_zaak(zaaktype=zaaktype)

    row = ZaakTypeConfig.objects.create(
        catalogus_url=CATALOGUS, identificatie="INTERN-1", name="Heroverweging"
    )

    assert row.shown is None  # follows the catalogus: intern stays hidden
    with pytest.raises(ZaakNotFound):
        detail(identity, zaak)
    assert zaken_list_for(identity=identity, status="open", page=1).open_count == 0


def test_an_extern_zaaktype_with_only_a_name_is_shown(
    world: ZgwWorld, identity: Identity, expand: bool
) -> None:
    zaak = world.add_zaak()
    configure(name="Bouwen of verbouwen")

    assert str(detail(identity, zaak).uuid) == zaak["uuid"]


def test_per_zaaktype_vertrouwelijkheid_overrides_the_global_maximum(
    world: ZgwWorld, identity: Identity, expand: bool
) -> None:
    vertrouwelijk = world.add_zaak(vertrouwelijkheidaanduiding="vertrouwelijk")
    with pytest.raises(ZaakNotFound):  # above the global zaakvertrouwelijk
        detail(identity, vertrouwelijk)

    configure(max_vertrouwelijkheid="vertrouwelijk")
    assert str(detail(identity, vertrouwelijk).uuid) == vertrouwelijk["uuid"]

    configure(max_vertrouwelijkheid="openbaar")
    zaakvertrouwelijk = world.add_zaak(vertrouwelijkheidaanduiding="zaakvertrouwelijk")
    with pytest.raises(ZaakNotFound):
        detail(identity, zaakvertrouwelijk)


def test_a_hidden_documenttype_hides_its_documents_and_their_download(
    world: ZgwWorld, identity: Identity, expand: bool
) -> None:
    zaak = world.add_zaak()
    eio = world.add_document(zaak)
    assert [row.titel for row in detail(identity, zaak).documents] == [eio["titel"]]

    InformatieObjectTypeConfig.objects.create(
        catalogus_url=CATALOGUS, omschrijving="Besluit", shown=False
    )

    assert detail(identity, zaak).documents == ()
    with pytest.raises(DocumentNotFound):
        document_download_for(
            identity=identity,
            zaak_uuid=UUID(zaak["uuid"]),
            document_uuid=UUID(eio["url"].rsplit("/", 1)[1]),
        )


def test_documenttype_maximum_and_richting_overrides(
    world: ZgwWorld, identity: Identity, expand: bool
) -> None:
    zaak = world.add_zaak()
    intern_type = world.add_informatieobjecttype(
        world.zaaktype, richting="intern", omschrijving="Advies"
    )
    advies = world.add_document(zaak, informatieobjecttype=intern_type, titel="Advies")
    besluit = world.add_document(zaak, vertrouwelijkheidaanduiding="vertrouwelijk")
    assert detail(identity, zaak).documents == ()

    InformatieObjectTypeConfig.objects.create(
        catalogus_url=CATALOGUS, omschrijving="Advies", richtingen="alle"
    )
    InformatieObjectTypeConfig.objects.create(
        catalogus_url=CATALOGUS, omschrijving="Besluit", max_vertrouwelijkheid="vertrouwelijk"
    )

    titles = {row.titel for row in detail(identity, zaak).documents}
    assert titles == {advies["titel"], besluit["titel"]}


def test_documents_switched_off_for_a_zaaktype(
    world: ZgwWorld, identity: Identity, expand: bool
) -> None:
    zaak = world.add_zaak()
    eio = world.add_document(zaak)
    configure(documents_shown=False)

    assert detail(identity, zaak).documents == ()
    with pytest.raises(DocumentNotFound):
        document_download_for(
            identity=identity,
            zaak_uuid=UUID(zaak["uuid"]),
            document_uuid=UUID(eio["url"].rsplit("/", 1)[1]),
        )
