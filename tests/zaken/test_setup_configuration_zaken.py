"""Declarative MijnZaken configuration: `setup_configuration --yaml-file demo/config/zaken.yaml`."""

import io
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from zaken.models import (
    InformatieObjectTypeConfig,
    MijnZakenConfig,
    StatusTypeConfig,
    ZaakTypeConfig,
)

CONFIG_DIR = Path(__file__).resolve().parents[2] / "demo" / "config"
SERVICES_YAML = CONFIG_DIR / "setup.yaml"
ZAKEN_YAML = CONFIG_DIR / "zaken.yaml"
CATALOGUS = (
    "http://127.0.0.1:8001/catalogi/api/v1/catalogussen/612d6885-b222-52ac-bff1-7bfa3d8213d8"
)

pytestmark = pytest.mark.django_db


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
    assert not ZaakTypeConfig.objects.get(identificatie="HEROVERWEGING-INTERN").shown
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
