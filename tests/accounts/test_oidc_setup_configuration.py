"""The login's OIDC settings from YAML: `manage.py setup_configuration` (namespace oidc_config)."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from mijnomgeving.accounts.models import OIDCConfig
from mijnomgeving.accounts.oidc_settings import oidc_settings_get
from tests.fixtures.oidc import OIDCProvider, free_port, log_in_with_oidc

CONFIG_DIR = Path(__file__).resolve().parent.parent.parent / "demo" / "config"
DEMO_YAML = CONFIG_DIR / "setup.yaml"
PRODUCTION_YAML = CONFIG_DIR / "production.example.yaml"
BROKER_SECRET = "een-geheim-dat-alleen-de-omgeving-kent"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_demo_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DEMO_OIDC_CONFIG_ENABLE", "DEMO_OIDC_ISSUER", "DEMO_OIDC_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def production_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENZAAK_CLIENT_ID", "mijnomgeving")
    monkeypatch.setenv("OPENZAAK_SECRET", "het-geheim-van-open-zaak")
    monkeypatch.setenv("OPENKLANT_AUTHORIZATION", "Token het-token-van-open-klant")
    monkeypatch.setenv("DIGID_BROKER_SECRET", BROKER_SECRET)


def load(path: Path) -> None:
    call_command("setup_configuration", yaml_file=str(path), stdout=io.StringIO())


def load_fails(path: Path) -> str:
    """Load a file that must not load; returns what the command told the operator."""
    stderr = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command(
            "setup_configuration", yaml_file=str(path), stdout=io.StringIO(), stderr=stderr
        )
    return f"{failure.value} {stderr.getvalue()}"


def write(tmp_path: Path, block: str) -> Path:
    path = tmp_path / "oidc.yaml"
    path.write_text(f"oidc_config_enable: true\noidc_config:\n{block}")
    return path


def rows() -> list[dict[str, object]]:
    return list(OIDCConfig.objects.values())


def test_the_production_example_configures_the_broker(production_environment: None) -> None:
    load(PRODUCTION_YAML)

    config = OIDCConfig.get_solo()
    assert config.enabled
    assert config.client_secret == BROKER_SECRET
    assert BROKER_SECRET not in PRODUCTION_YAML.read_text()
    assert config.token_endpoint == "https://digid-broker.gemeente.example/oauth2/token"
    assert config.min_loa == "midden"
    assert config.verify_kid is True
    assert config.timeout == 10
    assert oidc_settings_get().client_secret == BROKER_SECRET


def test_loading_twice_changes_nothing(production_environment: None) -> None:
    load(PRODUCTION_YAML)
    first = rows()

    load(PRODUCTION_YAML)

    assert rows() == first
    assert len(first) == 1


def test_the_row_becomes_what_the_file_says(tmp_path: Path) -> None:
    load(write(tmp_path, "  client_id: eerst\n  bsn_claim: bsn_nummer\n  timeout: 5\n"))

    load(write(tmp_path, "  client_id: daarna\n"))

    config = OIDCConfig.get_solo()
    assert config.client_id == "daarna"
    assert config.bsn_claim == ""  # left out: the server's OIDC_BSN_CLAIM applies again
    assert config.timeout is None


def test_the_secret_comes_from_the_environment_or_the_load_stops(
    production_environment: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DIGID_BROKER_SECRET")

    with pytest.raises((CommandError, ValueError), match="DIGID_BROKER_SECRET"):
        load(PRODUCTION_YAML)

    assert not OIDCConfig.objects.filter(enabled=True).exists()


def test_relative_endpoints_are_resolved_on_the_issuer(tmp_path: Path) -> None:
    load(
        write(
            tmp_path,
            "  issuer: https://broker.test/realms/digid\n"
            "  authorization_endpoint: protocol/openid-connect/auth\n"
            "  jwks_endpoint: https://keys.test/jwks\n",
        )
    )

    config = OIDCConfig.get_solo()
    assert (
        config.authorization_endpoint
        == "https://broker.test/realms/digid/protocol/openid-connect/auth"
    )
    assert config.jwks_endpoint == "https://keys.test/jwks"


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        ("  token_endpoint: oauth2/token\n", "no issuer"),
        ("  min_loa: supergoed\n", "not a DigiD level"),
        ("  issuer: geen-url\n", "issuer"),
        ("  timeout: 0\n", "timeout"),
        ("  sign_algo: none\n", "sign_algo"),
    ],
)
def test_a_configuration_that_cannot_work_stops_the_load(
    tmp_path: Path, block: str, problem: str
) -> None:
    assert problem in load_fails(write(tmp_path, block))

    assert not OIDCConfig.objects.filter(enabled=True).exists()


def test_a_level_as_saml_class_is_stored_by_its_name(tmp_path: Path) -> None:
    urn = "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"
    load(write(tmp_path, f"  min_loa: {urn}\n"))

    assert OIDCConfig.get_solo().min_loa == "substantieel"


def test_the_demo_yaml_leaves_the_login_to_the_environment_unless_switched_on() -> None:
    load(DEMO_YAML)

    assert not OIDCConfig.objects.filter(enabled=True).exists()


def test_the_demo_yaml_points_the_login_at_the_demo_provider(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DEMO_OIDC_CONFIG_ENABLE", "true")
    monkeypatch.setenv("DEMO_OIDC_ISSUER", "http://127.0.0.1:19400")

    load(DEMO_YAML)
    first = rows()
    load(DEMO_YAML)

    assert rows() == first
    oidc = oidc_settings_get()
    assert oidc.issuer == "http://127.0.0.1:19400"
    assert oidc.authorization_endpoint == "http://127.0.0.1:19400/oauth2/authorize"
    assert oidc.logout_endpoint == "http://127.0.0.1:19400/oauth2/end_session"
    assert oidc.verify_kid is False


def test_a_login_works_with_only_the_demo_yaml(
    client: Client, oidc_provider: OIDCProvider, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `make demo` does: the provider's address in, the environment's OIDC_* out."""
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"http://127.0.0.1:{free_port()}/authorize"
    settings.OIDC_VERIFY_KID = True
    monkeypatch.setenv("DEMO_OIDC_CONFIG_ENABLE", "true")
    monkeypatch.setenv("DEMO_OIDC_ISSUER", oidc_provider.issuer)
    load(DEMO_YAML)

    response = log_in_with_oidc(client, oidc_provider, "999993653", "/mijn-zaken/")

    assert response["Location"] == "/mijn-zaken/"
    logout = client.post(reverse("accounts:logout"))
    assert f'action="{oidc_provider.end_session_endpoint}"' in logout.content.decode()
