"""The configuration snapshot pages read: settings as the fallback, cached until a row changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnomgeving.clients.catalogi_resources import InformatieObjectType, StatusType, ZaakType
from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid
from tests.factories import zgw
from zaken.configuration import zaken_configuration
from zaken.models import (
    InformatieObjectTypeConfig,
    MijnZakenConfig,
    StatusTypeConfig,
    ZaakTypeConfig,
)

pytestmark = pytest.mark.django_db

ZAAKTYPE = ZaakType.from_api(zgw.zaaktype())
STATUSTYPE = StatusType.from_api(zgw.statustype(volgnummer=1))
IOT = InformatieObjectType.from_api(zgw.informatieobjecttype())


def zaaktype_row(**fields: object) -> ZaakTypeConfig:
    return ZaakTypeConfig.objects.create(
        catalogus_url=ZAAKTYPE.catalogus, identificatie=ZAAKTYPE.identificatie, **fields
    )


def test_without_rows_the_settings_decide(settings) -> None:
    settings.ZAAK_MAX_VERTROUWELIJKHEID = "intern"
    settings.DOCUMENT_MAX_VERTROUWELIJKHEID = "openbaar"
    settings.SHOW_ZAKEN_WITHOUT_STATUS = True

    config = zaken_configuration()

    assert config.zaak_maximum is Vertrouwelijkheid.intern
    assert config.document_maximum is Vertrouwelijkheid.openbaar
    assert config.show_without_status is True
    assert config.richtingen == {"inkomend", "uitgaand"}
    assert config.types.zaaktype(ZAAKTYPE) is None


def test_the_admin_overrides_the_settings(settings) -> None:
    settings.SHOW_ZAKEN_WITHOUT_STATUS = True
    MijnZakenConfig.objects.update_or_create(
        pk=1,
        defaults={
            "zaak_max_vertrouwelijkheid": "openbaar",
            "show_zaken_without_status": False,
            "document_richtingen": "alle",
        },
    )

    config = zaken_configuration()

    assert config.zaak_maximum is Vertrouwelijkheid.openbaar
    assert config.show_without_status is False
    assert config.richtingen == {"inkomend", "uitgaand", "intern"}


def test_rows_are_found_by_catalogus_and_identificatie_of_any_version() -> None:
    row = zaaktype_row(name="Bouwen", max_vertrouwelijkheid="geheim")
    StatusTypeConfig.objects.create(
        zaaktype_config=row, omschrijving=STATUSTYPE.omschrijving, label="Ontvangen!"
    )
    InformatieObjectTypeConfig.objects.create(
        catalogus_url=IOT.catalogus + "/", omschrijving=IOT.omschrijving, shown=False
    )
    new_version = ZaakType.from_api(zgw.zaaktype(uuid=zgw.new_uuid(), versiedatum="2025-01-01"))

    types = zaken_configuration().types

    assert types.zaaktype(new_version).name == "Bouwen"  # type: ignore[union-attr]
    assert types.zaak_maxima == [Vertrouwelijkheid.geheim]
    assert types.statustype(new_version, STATUSTYPE).label == "Ontvangen!"  # type: ignore[union-attr]
    assert types.informatieobjecttype(IOT).shown is False  # type: ignore[union-attr]


def test_a_cached_snapshot_costs_one_query_and_a_change_shows_at_once() -> None:
    row = zaaktype_row(name="Eerst")
    zaken_configuration()

    with CaptureQueriesContext(connection) as queries:
        assert zaken_configuration().types.zaaktype(ZAAKTYPE).name == "Eerst"  # type: ignore[union-attr]
    assert len(queries) == 1

    row.name = "Daarna"
    row.save()
    assert zaken_configuration().types.zaaktype(ZAAKTYPE).name == "Daarna"  # type: ignore[union-attr]

    ZaakTypeConfig.objects.all().delete()
    assert zaken_configuration().types.zaaktype(ZAAKTYPE) is None
