"""The shared ZGW payload factories: spec-valid, parseable, and loud when they drift."""

import pytest

from mijnomgeving.clients.catalogi_resources import (
    Catalogus,
    InformatieObjectType,
    ResultaatType,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from mijnomgeving.clients.documenten_resources import EnkelvoudigInformatieObject
from mijnomgeving.clients.zaken_resources import (
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakInformatieObject,
)
from tests.factories import zgw
from tests.specs import SpecViolation

PAIRS = [
    (zgw.catalogus, Catalogus),
    (zgw.zaaktype, ZaakType),
    (zgw.statustype, StatusType),
    (zgw.resultaattype, ResultaatType),
    (zgw.informatieobjecttype, InformatieObjectType),
    (zgw.zaaktype_informatieobjecttype, ZaakTypeInformatieObjectType),
    (zgw.zaak, Zaak),
    (zgw.status, Status),
    (zgw.rol, Rol),
    (zgw.resultaat, Resultaat),
    (zgw.zaakinformatieobject, ZaakInformatieObject),
    (zgw.enkelvoudiginformatieobject, EnkelvoudigInformatieObject),
]


@pytest.mark.parametrize(("factory", "resource"), PAIRS, ids=lambda p: getattr(p, "__name__", p))
def test_every_factory_builds_a_payload_its_resource_parses(factory, resource) -> None:
    payload = factory()  # validated against the spec inside the factory

    assert resource.from_api(payload).url == payload["url"]


@pytest.mark.parametrize(
    ("factory", "overrides"),
    [
        (zgw.zaak, {"startdatum": "1 maart"}),
        (zgw.zaak, {"vertrouwelijkheidaanduiding": "topgeheim"}),
        (zgw.status, {"datumStatusGezet": None}),
        (zgw.statustype, {"isEindstatus": "ja"}),
        (zgw.rol, {"betrokkeneType": "burger"}),
        (zgw.enkelvoudiginformatieobject, {"bestandsomvang": "12 kB"}),
    ],
)
def test_a_payload_that_drifts_from_the_spec_fails_at_once(factory, overrides) -> None:
    with pytest.raises(SpecViolation):
        factory(**overrides)


def test_urls_follow_the_base_so_services_on_another_host_work() -> None:
    zaak = zgw.zaak(base="http://openzaak.example")

    assert zaak["url"].startswith("http://openzaak.example/zaken/api/v1/zaken/")
    assert zaak["zaaktype"] == zgw.zaaktype(base="http://openzaak.example")["url"]


def test_defaults_point_at_each_other() -> None:
    zaak = zgw.zaak()
    current = zgw.status(zaak=zaak["url"], url=zaak["status"])

    assert zaak["zaaktype"] == zgw.zaaktype()["url"]
    assert current["uuid"] == zaak["status"].rsplit("/", 1)[-1]
    assert current["statustype"] == zgw.statustype(volgnummer=2)["url"]
    assert zgw.statustype(volgnummer=3)["isEindstatus"] is True
    assert zgw.zaaktype()["statustypen"] == [zgw.statustype(volgnummer=n)["url"] for n in (1, 2, 3)]


def test_the_allowances_stay_out_of_the_returned_payload() -> None:
    zaak = zgw.zaak(_expand={"zaaktype": zgw.zaaktype(), "resultaat": None})

    assert zaak["verlenging"] is None
    assert zaak["_expand"]["resultaat"] is None
    assert isinstance(zaak["_expand"]["zaaktype"]["informatieobjecttypen"], list)
