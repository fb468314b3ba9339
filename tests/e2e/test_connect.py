"""`make connect CONFIG=my.yaml` (python -m demo.stack --connect): the portal against a
municipality's own back offices from one YAML file, with nothing of the demo's.

The municipality's "Open Zaak, Open Notificaties and Open Klant" here is a demo back office
started apart, under another name (``localhost``, not 127.0.0.1), on a port of its own and
with its own client id and secret: the stack must start no back office of its own, load no
demo configuration, and show a resident her zaken through that one. The login is the demo
OIDC provider (the file has no ``oidc_config``). No browser: a resident's requests, as in
bench/client.py. One stack for the module (about 15 s).
"""

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from demo.processes import free_port
from demo.stack import Stack, StackSettings
from tests.fixtures.backoffice import DemoBackoffice, start_backoffice, stop_backoffice

pytestmark = pytest.mark.e2e

SUZANNE = "999993653"
CLIENT_ID = "mijnomgeving-testdorp"
SECRET = "een-geheim-van-gemeente-testdorp-0123456789"
KLANT_TOKEN = "open-klant-token-testdorp"


def municipality_yaml(path: Path, base_url: str) -> Path:
    """The municipality's file, as docs/connect.md describes it: every service, secrets
    from the environment. `base_url` is the back office under its other name."""
    zgw_auth = """      auth_type: zgw
      client_id:
        value_from: {env: TESTDORP_CLIENT_ID}
      secret:
        value_from: {env: TESTDORP_SECRET}"""
    path.write_text(
        f"""zgw_consumers_config_enable: true
zgw_consumers:
  services:
    - identifier: zaken
      label: Zaken API (Open Zaak Testdorp)
      api_type: zrc
      api_root: {base_url}/zaken/api/v1/
{zgw_auth}
    - identifier: catalogi
      label: Catalogi API (Open Zaak Testdorp)
      api_type: ztc
      api_root: {base_url}/catalogi/api/v1/
{zgw_auth}
    - identifier: documenten
      label: Documenten API (Open Zaak Testdorp)
      api_type: drc
      api_root: {base_url}/documenten/api/v1/
{zgw_auth}
    - identifier: notificaties
      label: Notificaties API (Open Notificaties Testdorp)
      api_type: nrc
      api_root: {base_url}/notificaties/api/v1/
{zgw_auth}
    - identifier: klantinteracties
      label: Klantinteracties API (Open Klant Testdorp)
      api_type: kc
      api_root: {base_url}/klantinteracties/api/v1/
      auth_type: api_key
      header_key: Authorization
      header_value:
        value_from: {{env: TESTDORP_OPENKLANT_AUTHORIZATION}}
"""
    )
    return path


@pytest.fixture(scope="module")
def municipality() -> Iterator[DemoBackoffice]:
    """'Open Zaak Testdorp': a demo back office the stack knows nothing about."""
    backoffice = start_backoffice(
        {
            "DEMO_ZGW_CLIENT_ID": CLIENT_ID,
            "DEMO_ZGW_SECRET": SECRET,
            "DEMO_KLANTINTERACTIES_TOKEN": KLANT_TOKEN,
        }
    )
    try:
        yield backoffice
    finally:
        stop_backoffice(backoffice)


@pytest.fixture(scope="module")
def connected(
    tmp_path_factory: pytest.TempPathFactory, municipality: DemoBackoffice
) -> Iterator[Stack]:
    directory = tmp_path_factory.mktemp("connect")
    other_name = municipality.base_url.replace("127.0.0.1", "localhost")
    settings = StackSettings(
        portal_port=free_port(),
        backoffice_port=free_port(),
        oidc_port=free_port(),
        database_url=f"sqlite:///{directory / 'db.sqlite3'}",
        log_dir=directory / "logs",
        echo=os.environ.get("MIJNOMGEVING_E2E_ECHO") == "1",
        worker=False,  # no notifications are followed here: the pages are what counts
        connect=municipality_yaml(directory / "testdorp.yaml", other_name),
        extra_env={
            "TESTDORP_CLIENT_ID": CLIENT_ID,
            "TESTDORP_SECRET": SECRET,
            "TESTDORP_OPENKLANT_AUTHORIZATION": f"Token {KLANT_TOKEN}",
        },
    )
    with Stack(settings) as stack:
        yield stack


def query(stack: Stack, sql: str) -> list[tuple]:
    path = stack.settings.database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


def log_in(stack: Stack, bsn: str) -> requests.Session:
    """Through the portal's DigiD login at the demo provider, the BSN typed as `sub`."""
    session = requests.Session()
    session.trust_env = False
    form = session.get(f"{stack.portal_url}/oidc/authenticate/", timeout=30)
    assert form.status_code == 200 and 'name="sub"' in form.text, form.url
    done = session.post(form.url, data={"sub": bsn}, timeout=30)
    assert done.status_code == 200 and done.url.startswith(stack.portal_url), done.url
    return session


def test_no_demo_back_office_and_no_demo_configuration(connected: Stack) -> None:
    assert "backoffice" not in connected.children
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{connected.backoffice_url}/_demo/health", timeout=2)
    services = dict(query(connected, "SELECT slug, label FROM zgw_consumers_service"))
    assert services == {
        "zaken": "Zaken API (Open Zaak Testdorp)",
        "catalogi": "Catalogi API (Open Zaak Testdorp)",
        "documenten": "Documenten API (Open Zaak Testdorp)",
        "notificaties": "Notificaties API (Open Notificaties Testdorp)",
        "klantinteracties": "Klantinteracties API (Open Klant Testdorp)",
    }
    # demo/config/zaken.yaml would have made case-type rows for the demo catalogus.
    assert query(connected, "SELECT count(*) FROM zaken_zaaktypeconfig") == [(0,)]
    # ... and `make demo` makes staff accounts whose password is in the README.
    assert query(connected, "SELECT count(*) FROM accounts_user WHERE is_staff") == [(0,)]


def test_a_resident_sees_her_zaken_through_the_municipalitys_open_zaak(
    connected: Stack, municipality: DemoBackoffice
) -> None:
    municipality.clear_requests_log()
    session = log_in(connected, SUZANNE)

    page = session.get(f"{connected.portal_url}/mijn-zaken/", timeout=30)

    assert page.status_code == 200
    assert "Parkeervergunning bewoners Centrum-Noord" in page.text  # her zaak, from there
    assert "Parkeervergunning voor uw straat" not in page.text  # zaken.yaml's name: not loaded
    calls = municipality.requests_log()
    assert any(call["path"].startswith("/zaken/api/v1/zaken") for call in calls)
    assert {call["client_id"] for call in calls} == {CLIENT_ID}


def test_the_abonnement_is_registered_at_the_municipalitys_notificaties_api(
    connected: Stack,
) -> None:
    log = connected.children["subscribe"].log_path.read_text()
    assert "Abonnement created" in log or "Abonnement unchanged" in log
    assert f"(callback {connected.portal_url}/" in log
    assert connected.notes == []


def test_nothing_says_demo(connected: Stack) -> None:
    for child in connected.children.values():
        assert "(demo)" not in child.log_path.read_text(), child.name
