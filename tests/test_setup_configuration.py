"""Declarative configuration: `manage.py setup_configuration --yaml-file demo/config/...`."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

CONFIG_DIR = Path(__file__).resolve().parent.parent / "demo" / "config"
DEMO_YAML = CONFIG_DIR / "setup.yaml"
PRODUCTION_YAML = CONFIG_DIR / "production.example.yaml"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_demo_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DEMO_ZAKEN_API_ROOT", "DEMO_CATALOGI_API_ROOT", "DEMO_DOCUMENTEN_API_ROOT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("DEMO_ZGW_CLIENT_ID", raising=False)
    monkeypatch.delenv("DEMO_ZGW_SECRET", raising=False)


def load(path: Path) -> None:
    call_command("setup_configuration", yaml_file=str(path), stdout=io.StringIO())


def services() -> dict[str, dict[str, object]]:
    fields = ("pk", "label", "api_type", "api_root", "auth_type", "client_id", "secret")
    return {row["slug"]: row for row in Service.objects.values("slug", *fields)}


def test_demo_yaml_points_the_three_services_at_the_demo_back_office() -> None:
    load(DEMO_YAML)

    rows = services()
    assert set(rows) == {"zaken", "catalogi", "documenten"}
    assert rows["zaken"]["api_root"] == "http://127.0.0.1:8001/zaken/api/v1/"
    assert rows["zaken"]["api_type"] == APITypes.zrc
    assert rows["catalogi"]["api_root"] == "http://127.0.0.1:8001/catalogi/api/v1/"
    assert rows["catalogi"]["api_type"] == APITypes.ztc
    assert rows["documenten"]["api_root"] == "http://127.0.0.1:8001/documenten/api/v1/"
    assert rows["documenten"]["api_type"] == APITypes.drc
    for row in rows.values():
        assert row["auth_type"] == AuthTypes.zgw
        assert row["client_id"] == "mijnomgeving-demo"
        assert row["secret"] == "mijnomgeving-demo-secret-for-local-use-only"


def test_slugs_match_the_settings_the_client_layer_reads(settings) -> None:
    load(DEMO_YAML)

    slugs = {
        settings.ZAKEN_SERVICE_SLUG,
        settings.CATALOGI_SERVICE_SLUG,
        settings.DOCUMENTEN_SERVICE_SLUG,
    }
    assert slugs == set(services())


def test_loading_twice_changes_nothing() -> None:
    load(DEMO_YAML)
    first = services()

    load(DEMO_YAML)

    assert services() == first  # same rows, same primary keys, same values


def test_a_changed_yaml_updates_the_existing_rows(tmp_path: Path) -> None:
    load(DEMO_YAML)
    before = services()
    changed = tmp_path / "setup.yaml"
    changed.write_text(
        DEMO_YAML.read_text()
        .replace('default: "http://127.0.0.1:8001/zaken/api/v1/"', 'default: "https://openzaak.test/zaken/api/v1/"')
        .replace("label: Catalogi API (demo)", "label: Catalogi")
    )  # fmt: skip

    load(changed)

    after = services()
    assert after["zaken"]["api_root"] == "https://openzaak.test/zaken/api/v1/"
    assert after["catalogi"]["label"] == "Catalogi"
    assert {slug: row["pk"] for slug, row in after.items()} == {
        slug: row["pk"] for slug, row in before.items()
    }
    assert after["documenten"] == before["documenten"]


def test_values_can_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEMO_ZAKEN_API_ROOT", "http://127.0.0.1:18001/zaken/api/v1/")
    monkeypatch.setenv("DEMO_ZGW_SECRET", "from-the-environment")

    load(DEMO_YAML)

    rows = services()
    assert rows["zaken"]["api_root"] == "http://127.0.0.1:18001/zaken/api/v1/"
    assert {row["secret"] for row in rows.values()} == {"from-the-environment"}


@pytest.fixture
def production_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENZAAK_CLIENT_ID", "mijnomgeving")
    monkeypatch.setenv("OPENZAAK_SECRET", "a-secret-only-the-environment-knows")
    monkeypatch.setenv("OPENKLANT_AUTHORIZATION", "Token an-open-klant-token")
    monkeypatch.setenv("DIGID_BROKER_SECRET", "the-broker-secret")


def test_production_example_takes_its_secrets_from_the_environment(
    production_environment: None,
) -> None:
    load(PRODUCTION_YAML)

    rows = services()
    zgw = {slug: row for slug, row in rows.items() if row["auth_type"] == AuthTypes.zgw}
    assert {row["secret"] for row in zgw.values()} == {"a-secret-only-the-environment-knows"}
    assert "a-secret-only-the-environment-knows" not in PRODUCTION_YAML.read_text()
    klant = Service.objects.get(slug="klantinteracties")
    assert (klant.auth_type, klant.header_key) == (AuthTypes.api_key, "Authorization")
    assert klant.header_value == "Token an-open-klant-token"
    assert "an-open-klant-token" not in PRODUCTION_YAML.read_text()


def test_production_example_names_every_service_the_portal_uses(
    production_environment: None, settings
) -> None:
    load(PRODUCTION_YAML)

    rows = services()
    assert set(rows) == {
        settings.ZAKEN_SERVICE_SLUG,
        settings.CATALOGI_SERVICE_SLUG,
        settings.DOCUMENTEN_SERVICE_SLUG,
        settings.NOTIFICATIES_SERVICE_SLUG,
        settings.KLANTINTERACTIES_SERVICE_SLUG,
    }
    assert rows["notificaties"]["api_type"] == APITypes.nrc
    assert rows["klantinteracties"]["api_type"] == APITypes.kc
    # Open Notificaties authenticates the portal with the Applicatie's own pair.
    assert (rows["notificaties"]["client_id"], rows["notificaties"]["secret"]) == (
        rows["zaken"]["client_id"],
        rows["zaken"]["secret"],
    )
    assert not any("(demo)" in str(row["label"]) for row in rows.values())


def test_a_missing_secret_in_the_environment_stops_the_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENZAAK_CLIENT_ID", "mijnomgeving")
    monkeypatch.delenv("OPENZAAK_SECRET", raising=False)

    # django-setup-configuration 0.12 lets the ValueError through; it names the variable.
    with pytest.raises((CommandError, ValueError), match="OPENZAAK_SECRET"):
        load(PRODUCTION_YAML)

    assert not Service.objects.exists()
