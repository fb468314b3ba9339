"""`python -m demo.stack --connect my.yaml`: what the stack makes of the municipality's file
before anything starts (the running stack: tests/e2e/test_connect.py)."""

import signal
import sys
import time
from pathlib import Path

import pytest

from demo.connect import CONNECT_DIR, read_connect_file
from demo.processes import ROOT, StackError
from demo.stack import (
    CONFIG_YAML,
    NOTIFICATIES_YAML,
    ZAKEN_CONFIG_YAML,
    Stack,
    StackSettings,
    main,
)

PRODUCTION_YAML = ROOT / "demo" / "config" / "production.example.yaml"
SERVICES = """zgw_consumers_config_enable: true
zgw_consumers:
  services:
    - {identifier: zaken, api_root: "https://oz.test/zaken/api/v1/"}
    - {identifier: catalogi, api_root: "https://oz.test/catalogi/api/v1/"}
    - identifier: documenten
      api_root:
        value_from: {env: TEST_DOCUMENTEN_ROOT, default: "https://oz.test/documenten/api/v1/"}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gemeente.yaml"
    path.write_text(text)
    return path


def stack_for(tmp_path: Path, text: str = SERVICES) -> Stack:
    return Stack(StackSettings(log_dir=tmp_path / "logs", connect=write(tmp_path, text)))


def test_the_production_example_is_a_file_to_connect_with() -> None:
    connect = read_connect_file(PRODUCTION_YAML)

    assert list(connect.services) == [
        "zaken",
        "catalogi",
        "documenten",
        "notificaties",
        "klantinteracties",
    ]
    assert connect.notificaties and connect.klantinteracties
    assert connect.own_login  # its oidc_config is the DigiD broker's


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "bestaat niet"),
        ("zgw_consumers: [unclosed", "geen geldige YAML"),
        ("- a list", "geen YAML-configuratie"),
        (SERVICES.replace("identifier: catalogi", "identifier: ztc"), "identifier catalogi"),
        (SERVICES.replace("enable: true", "enable: false"), "zaken, catalogi, documenten"),
    ],
)
def test_a_file_that_cannot_work_is_refused_in_one_sentence(
    tmp_path: Path, text: str | None, message: str
) -> None:
    path = tmp_path / "gemeente.yaml"
    if text is not None:
        path.write_text(text)

    with pytest.raises(StackError, match=message):
        read_connect_file(path)


def test_api_roots_from_the_environment_are_shown_as_the_load_will_read_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEST_DOCUMENTEN_ROOT", "https://dms.test/documenten/api/v1/")

    connect = read_connect_file(write(tmp_path, SERVICES))

    assert connect.services["documenten"] == "https://dms.test/documenten/api/v1/"
    assert not connect.notificaties and not connect.own_login


@pytest.mark.parametrize(
    ("login", "own"),
    [
        ("", False),
        ("oidc_config_enable: false\n", False),
        ("oidc_config_enable: true\n", True),
        ("oidc_config_enable:\n  value_from: {env: TEST_OWN_LOGIN, default: false}\n", True),
    ],
)
def test_the_municipalitys_login_is_used_when_the_file_switches_it_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, login: str, own: bool
) -> None:
    monkeypatch.setenv("TEST_OWN_LOGIN", "true")

    assert read_connect_file(write(tmp_path, SERVICES + login)).own_login is own


def test_with_the_demo_login_only_setup_yamls_login_is_loaded_and_no_demo_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("EMAIL_BACKEND", raising=False)
    stack = stack_for(tmp_path)

    commands = stack._commands()
    env = stack.portal_env()

    assert "backoffice" not in commands and "oidc" in commands
    assert commands["prepare"][3:] == [str(stack.connect.path), str(CONFIG_YAML)]  # type: ignore[union-attr]
    assert "--demo-staff" not in commands["prepare"]
    assert not [name for name in env if name.endswith("_API_ROOT") and name.startswith("DEMO_")]
    assert "DEMO_KLANTINTERACTIES_AUTHORIZATION" not in env
    assert env["DEMO_SERVICES_CONFIG_ENABLE"] == "false"  # setup.yaml: its login, no services
    assert env["DEMO_OIDC_BSN_CLAIM"] == "sub"  # a BSN typed at the provider logs in
    assert env["DEMO_OIDC_ISSUER"] == stack.oidc_url
    assert env["SITE_URL"] == stack.portal_url
    assert env["EMAIL_BACKEND"].endswith("filebased.EmailBackend")  # never real e-mail


def test_with_the_municipalitys_login_no_demo_provider_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_URL", "https://mijn.testdorp.nl/")
    monkeypatch.setenv("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    stack = stack_for(tmp_path, SERVICES + "oidc_config_enable: true\n")

    commands = stack._commands()
    env = stack.portal_env()

    assert "oidc" not in commands and "backoffice" not in commands
    assert commands["prepare"][3:] == [str(stack.connect.path)]  # type: ignore[union-attr]
    assert not [name for name in env if name.startswith("DEMO_OIDC_")]
    assert env["SITE_URL"] == "https://mijn.testdorp.nl"
    assert env["EMAIL_BACKEND"].endswith("smtp.EmailBackend")


def test_the_demo_still_loads_its_own_configuration_and_staff(tmp_path: Path) -> None:
    stack = Stack(StackSettings(log_dir=tmp_path / "logs"))

    commands = stack._commands()
    env = stack.portal_env()

    assert commands["prepare"][3:] == [
        "--demo-staff",
        str(CONFIG_YAML),
        str(NOTIFICATIES_YAML),
        str(ZAKEN_CONFIG_YAML),
    ]
    assert "backoffice" in commands
    assert env["DEMO_ZAKEN_API_ROOT"] == stack.api_root("zaken")
    assert "DEMO_SERVICES_CONFIG_ENABLE" not in env


def test_connecting_has_its_own_database_and_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)

    settings = StackSettings.from_environment(connect=write(tmp_path, SERVICES))

    assert settings.database_url == f"sqlite:///{CONNECT_DIR / 'db.sqlite3'}"
    assert settings.log_dir == CONNECT_DIR / "log"
    assert settings.mailbox == CONNECT_DIR / "mailbox"
    assert StackSettings.from_environment().database_url.endswith("var/db.sqlite3")


def test_a_refused_abonnement_is_a_note_and_the_portal_runs_on(tmp_path: Path) -> None:
    stack = stack_for(tmp_path, SERVICES)
    refusal = "import sys; print('SITE_URL is http://127.0.0.1:8000 (de standaardwaarde)'); sys.exit(1)"  # fmt: skip

    stack._subscribe_or_note([sys.executable, "-c", refusal], time.monotonic() + 30)

    (note,) = stack.notes
    assert "niet geregistreerd" in note and "de standaardwaarde" in note


def test_a_wrong_file_stops_make_connect_before_anything_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--connect", str(tmp_path / "missing.yaml"), "--quiet"]) == 1

    error = capsys.readouterr().err
    assert "MijnOmgeving kon niet starten" in error and "missing.yaml bestaat niet" in error


def test_make_demo_says_it_ignores_api_roots_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DEMO_ZAKEN_API_ROOT", "https://openzaak.gemeente.test/zaken/api/v1/")
    monkeypatch.setattr(signal, "signal", lambda *args: None)  # leave pytest's handlers alone

    def start(self: Stack) -> Stack:
        raise StackError("stopped here by the test")

    monkeypatch.setattr(Stack, "start", start)

    assert main(["--quiet"]) == 1

    error = capsys.readouterr().err
    assert "DEMO_ZAKEN_API_ROOT is ingesteld, maar make demo gebruikt altijd" in error
    assert "make connect CONFIG=uw.yaml" in error
