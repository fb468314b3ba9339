"""Declarative MijnZaken configuration: `setup_configuration --yaml-file demo/config/zaken.yaml`."""

import io
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from mijnomgeving.clients.catalogi_resources import ZaakType
from mijnomgeving.clients.zaken_resources import Zaak
from tests.factories import zgw
from zaken.models import (
    InformatieObjectTypeConfig,
    MijnZakenConfig,
    StatusTypeConfig,
    ZaakTypeConfig,
)
from zaken.visibility import visibility_policy

CONFIG_DIR = Path(__file__).resolve().parents[2] / "demo" / "config"
SERVICES_YAML = CONFIG_DIR / "setup.yaml"
ZAKEN_YAML = CONFIG_DIR / "zaken.yaml"
CATALOGUS = (
    "http://127.0.0.1:8001/catalogi/api/v1/catalogussen/612d6885-b222-52ac-bff1-7bfa3d8213d8"
)

pytestmark = pytest.mark.django_db

ZAAK = Zaak.from_api(zgw.zaak())  # zaakvertrouwelijk, with a status: only the zaaktype decides


@pytest.fixture(autouse=True)
def no_demo_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEMO_CATALOGI_API_ROOT", raising=False)


def load(path: Path) -> None:
    call_command("setup_configuration", yaml_file=str(path), stdout=io.StringIO())


def snapshot() -> list[tuple[object, ...]]:
    return [
        *ZaakTypeConfig.objects.order_by("pk").values_list(),
        *StatusTypeConfig.objects.order_by("pk").values_list(),
        *InformatieObjectTypeConfig.objects.order_by("pk").values_list(),
        MijnZakenConfig.objects.values_list(
            "zaak_max_vertrouwelijkheid",
            "document_max_vertrouwelijkheid",
            "show_zaken_without_status",
            "document_richtingen",
        ).get(),
    ]


def test_demo_yaml_configures_names_labels_and_hidden_types() -> None:
    load(SERVICES_YAML)
    load(ZAKEN_YAML)

    parkeren = ZaakTypeConfig.objects.get(identificatie="PARKEERVERGUNNING")
    assert parkeren.catalogus_url == CATALOGUS
    assert parkeren.name == "Parkeervergunning voor uw straat"
    assert parkeren.explanation.startswith("We kijken of uw auto")
    assert parkeren.statustypen.get(omschrijving="Aanvraag geregistreerd").label == (
        "We hebben uw aanvraag ontvangen"
    )
    assert ZaakTypeConfig.objects.get(identificatie="HEROVERWEGING-INTERN").shown is False
    # No `shown` in the file: the catalogus decides (extern, so residents see it).
    assert ZaakTypeConfig.objects.get(identificatie="BIJZONDERE-BIJSTAND").shown is None
    assert not StatusTypeConfig.objects.get(
        omschrijving="Adviezen hulpdiensten ontvangen"
    ).shown_in_timeline
    assert not InformatieObjectTypeConfig.objects.get(omschrijving="Intern advies").shown
    config = MijnZakenConfig.get_solo()
    assert config.zaak_max_vertrouwelijkheid == "zaakvertrouwelijk"
    assert config.show_zaken_without_status is False


def test_loading_twice_gives_the_same_rows() -> None:
    load(SERVICES_YAML)
    load(ZAKEN_YAML)
    first = snapshot()

    load(ZAKEN_YAML)

    assert snapshot() == first


def test_a_changed_yaml_updates_and_leaves_unnamed_fields_alone(tmp_path: Path) -> None:
    load(SERVICES_YAML)
    load(ZAKEN_YAML)
    step = StatusTypeConfig.objects.get(omschrijving="Aanvraag geregistreerd")
    step.notify = True  # set by the import or an administrator, not by the file
    step.save()
    data = yaml.safe_load(ZAKEN_YAML.read_text())
    data["zaken_config"]["zaaktypen"][0]["statustypen"][0]["label"] = "Ontvangen"
    data["zaken_config"]["zaaktypen"][0]["max_vertrouwelijkheid"] = "vertrouwelijk"
    changed = tmp_path / "zaken.yaml"
    changed.write_text(yaml.safe_dump(data))
    count = StatusTypeConfig.objects.count()

    load(changed)

    step.refresh_from_db()
    assert (step.label, step.notify) == ("Ontvangen", True)
    assert StatusTypeConfig.objects.count() == count
    parkeren = ZaakTypeConfig.objects.get(identificatie="PARKEERVERGUNNING")
    assert parkeren.max_vertrouwelijkheid == "vertrouwelijk"


def test_rows_match_on_the_catalogus_with_or_without_a_trailing_slash(tmp_path: Path) -> None:
    ZaakTypeConfig.objects.create(catalogus_url=CATALOGUS + "/", identificatie="X", name="oud")
    config = tmp_path / "zaken.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "zaken_config_enable": True,
                "zaken_config": {
                    "zaaktypen": [
                        {"catalogus_url": CATALOGUS, "identificatie": "X", "name": "nieuw"}
                    ]
                },
            }
        )
    )

    load(config)

    assert list(ZaakTypeConfig.objects.values_list("name", flat=True)) == ["nieuw"]


def test_a_relative_catalogus_without_a_catalogi_service_fails_and_writes_nothing() -> None:
    with pytest.raises(CommandError, match="failed step"):
        load(ZAKEN_YAML)

    assert not ZaakTypeConfig.objects.exists()


def zaaktype(identificatie: str, indicatie: str) -> ZaakType:
    return ZaakType.from_api(
        zgw.zaaktype(
            uuid=zgw.new_uuid(), identificatie=identificatie, indicatieInternOfExtern=indicatie
        )
    )


def load_zaaktypen(tmp_path: Path, *zaaktypen: dict[str, object]) -> None:
    """Load a file with these zaaktypen in the zgw factories' catalogus."""
    catalogus = zgw.zaaktype()["catalogus"]
    config = tmp_path / "zaken.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "zaken_config_enable": True,
                "zaken_config": {
                    "zaaktypen": [{"catalogus_url": catalogus, **row} for row in zaaktypen]
                },
            }
        )
    )
    load(config)


def test_a_label_alone_keeps_an_intern_zaaktype_hidden(tmp_path: Path) -> None:
    load_zaaktypen(
        tmp_path,
        {"identificatie": "INTERN", "name": "Heroverweging"},
        {"identificatie": "EXTERN", "name": "Parkeren"},
    )

    policy = visibility_policy()

    assert ZaakTypeConfig.objects.get(identificatie="INTERN").shown is None
    assert not policy.zaak_visible(ZAAK, zaaktype("INTERN", "intern"))
    assert policy.zaak_visible(ZAAK, zaaktype("EXTERN", "extern"))


def test_shown_true_shows_an_intern_zaaktype_and_false_hides_an_extern_one(
    tmp_path: Path,
) -> None:
    load_zaaktypen(
        tmp_path,
        {"identificatie": "INTERN", "shown": True},
        {"identificatie": "EXTERN", "shown": False},
    )

    policy = visibility_policy()

    assert policy.zaak_visible(ZAAK, zaaktype("INTERN", "intern"))
    assert not policy.zaak_visible(ZAAK, zaaktype("EXTERN", "extern"))


def test_leaving_shown_out_keeps_the_choice_and_null_returns_to_the_catalogus(
    tmp_path: Path,
) -> None:
    load_zaaktypen(tmp_path, {"identificatie": "INTERN", "shown": True})

    load_zaaktypen(tmp_path, {"identificatie": "INTERN", "name": "Heroverweging"})
    assert ZaakTypeConfig.objects.get(identificatie="INTERN").shown is True

    load_zaaktypen(tmp_path, {"identificatie": "INTERN", "shown": None})
    assert ZaakTypeConfig.objects.get(identificatie="INTERN").shown is None
    assert not visibility_policy().zaak_visible(ZAAK, zaaktype("INTERN", "intern"))
