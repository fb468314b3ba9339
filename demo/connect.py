"""`make connect CONFIG=my.yaml`: the portal against a municipality's own back offices.

``python -m demo.stack --connect my.yaml`` runs the same stack as `make demo` (the portal, the
task worker, the notification sweep), but with the back offices of ONE YAML file: the
municipality's Open Zaak (Zaken, Catalogi, Documenten), Open Notificaties and Open Klant.
No demo back office starts and no demo configuration is loaded (no demo case types, no demo
staff with their public password); the database is its own (var/connect/). The login is the
YAML's ``oidc_config`` when it switches one on, else the demo OIDC provider, at which any BSN
of the municipality's own test data can be typed. docs/connect.md describes the other side.

This module reads the file before anything starts, so a wrong path or a missing service is
one clear sentence, not the last lines of a failed child process.
"""

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from demo.processes import ROOT, StackError

CONNECT_DIR = ROOT / "var" / "connect"
DOCS = "docs/connect.md"

# The services the portal uses: the slug setting (settings/services.py) and its default.
REQUIRED_SERVICES = {
    "ZAKEN_SERVICE_SLUG": "zaken",
    "CATALOGI_SERVICE_SLUG": "catalogi",
    "DOCUMENTEN_SERVICE_SLUG": "documenten",
}
NOTIFICATIES_SERVICE = ("NOTIFICATIES_SERVICE_SLUG", "notificaties")
KLANTINTERACTIES_SERVICE = ("KLANTINTERACTIES_SERVICE_SLUG", "klantinteracties")


@dataclass(frozen=True)
class ConnectFile:
    """What the stack needs to know of the municipality's YAML before loading it."""

    path: Path
    services: dict[str, str]  # identifier -> api_root (as far as known without loading)
    own_login: bool  # oidc_config is switched on: the municipality's OIDC provider

    def has(self, setting_and_default: tuple[str, str]) -> bool:
        return _slug(*setting_and_default) in self.services

    @property
    def notificaties(self) -> bool:
        return self.has(NOTIFICATIES_SERVICE)

    @property
    def klantinteracties(self) -> bool:
        return self.has(KLANTINTERACTIES_SERVICE)


def _slug(setting: str, default: str) -> str:
    return os.environ.get(setting) or default


def _value(value: Any) -> Any:
    """A YAML value, with `value_from: {env: NAME, default: ...}` looked up as the load will."""
    if isinstance(value, dict) and isinstance(value.get("value_from"), dict):
        source = value["value_from"]
        return os.environ.get(str(source.get("env")), source.get("default"))
    return value


def _enabled(value: Any) -> bool:
    value = _value(value)
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def read_connect_file(path: Path) -> ConnectFile:
    """The municipality's YAML, checked: it exists, is YAML, and names the three Open Zaak
    services the portal cannot do without (StackError with what to do otherwise)."""
    if not path.is_file():
        raise StackError(f"Het configuratiebestand {path} bestaat niet. Zie {DOCS}.")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise StackError(f"{path} is geen geldige YAML: {error}") from None
    if not isinstance(data, dict):
        raise StackError(
            f"{path} bevat geen YAML-configuratie (verwacht: sleutels als zgw_consumers)."
        )
    block = data.get("zgw_consumers") or {}
    rows = block.get("services") if isinstance(block, dict) else None
    services: dict[str, str] = {}
    if _enabled(data.get("zgw_consumers_config_enable")) and isinstance(rows, list):
        for row in rows:
            if isinstance(row, dict) and row.get("identifier"):
                root = _value(row.get("api_root"))
                services[str(row["identifier"])] = str(root) if root else "(uit de omgeving)"
    missing = [_slug(s, d) for s, d in REQUIRED_SERVICES.items() if _slug(s, d) not in services]
    if missing:
        raise StackError(
            f"{path} noemt geen service met identifier {', '.join(missing)} onder "
            "zgw_consumers.services (met zgw_consumers_config_enable: true). De portal heeft de "
            f"Zaken, Catalogi en Documenten API van uw Open Zaak nodig; zie {DOCS} en "
            "demo/config/production.example.yaml."
        )
    own_login = _enabled(data.get("oidc_config_enable"))
    return ConnectFile(path=path, services=services, own_login=own_login)


def connect_banner(
    connect: ConnectFile,
    *,
    portal_url: str,
    oidc_url: str,
    site_url: str,
    mailbox: str,
    log_dir: Path,
    notes: list[str],
) -> str:
    services = "\n".join(f"    {slug:<17} {root}" for slug, root in connect.services.items())
    if connect.own_login:
        login = f"  Inloggen: met de OIDC-provider uit {connect.path.name} (oidc_config)."
    else:
        login = (
            f'  Inloggen: klik op "Inloggen met DigiD" en typ bij de test-DigiD ({oidc_url})\n'
            '  een BSN uit de testgegevens van uw eigen Open Zaak (veld "sub", dan Authorize).'
        )
    notification = (
        f"  Meldingen: abonnement bij uw Notificaties API, callback {site_url}/..."
        if connect.notificaties
        else "  Meldingen: uit (het bestand noemt geen Notificaties API)."
    )
    extra = "".join(f"\n  Let op: {note}" for note in notes)
    return f"""
  MijnOmgeving draait: {portal_url}/
  met de backoffices uit {connect.path}:
{services}

{login}
{notification}
  E-mails aan inwoners: {mailbox} (EMAIL_BACKEND bepaalt het; standaard bestanden, niets gaat echt weg)
  Medewerkers: geen demo-accounts; maak een beheerder aan met `manage.py createsuperuser`
    (met DATABASE_URL van deze portal, zie {DOCS}).{extra}
  Logbestanden: {log_dir}/
  Stoppen: Ctrl-C
"""
