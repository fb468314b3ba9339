"""What the stack is told and what it loads: StackSettings (ports, database, logs; from the
environment) and the declarative configuration the prepare step loads (demo/config/)."""

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from demo.connect import CONNECT_DIR
from demo.processes import ROOT

CONFIG_YAML = ROOT / "demo" / "config" / "setup.yaml"
# The Notificatieservice's services (Notificaties, Klantinteracties), loaded after CONFIG_YAML.
NOTIFICATIES_YAML = ROOT / "demo" / "config" / "notificaties.yaml"
# What residents see of the demo catalogus (issue 4); after the services (relative catalogus).
ZAKEN_CONFIG_YAML = ROOT / "demo" / "config" / "zaken.yaml"
KLANTINTERACTIES_TOKEN = "mijnomgeving-demo-klantinteracties-token"
REGISTER_SUBSCRIPTION = (
    ROOT / "notificaties" / "management" / "commands" / "register_subscription.py"
)
# What `make demo` sets itself, whatever the environment says (its back offices are its own).
DEMO_API_ROOT_VARIABLES = tuple(
    f"DEMO_{api}_API_ROOT"
    for api in ("ZAKEN", "CATALOGI", "DOCUMENTEN", "NOTIFICATIES", "KLANTINTERACTIES")
)


@dataclass(frozen=True)
class StackSettings:
    host: str = "127.0.0.1"
    portal_port: int = 8000
    backoffice_port: int = 8001
    oidc_port: int = 9400
    database_url: str = f"sqlite:///{ROOT / 'var' / 'db.sqlite3'}"
    settings_module: str = "mijnomgeving.settings.dev"
    config_yaml: Path = CONFIG_YAML
    log_dir: Path = ROOT / "var" / "log"
    extra_env: Mapping[str, str] = field(default_factory=dict)
    echo: bool = True  # copy the children's output to this terminal, prefixed with their name
    reload: bool = False  # runserver reloads on code changes
    worker: bool = True
    startup_timeout: float = 60.0
    # Where the portal's filebased e-mail backend writes and the demo mailbox page reads;
    # None: "mailbox" beside log_dir (var/mailbox for `make demo`).
    mailbox_dir: Path | None = None
    # The municipality's own back offices (demo/connect.py); None: the demo's.
    connect: Path | None = None

    @property
    def mailbox(self) -> Path:
        return self.mailbox_dir or self.log_dir.parent / "mailbox"

    @classmethod
    def from_environment(cls, **overrides: Any) -> "StackSettings":
        """DEMO_PORTAL_PORT, DEMO_BACKOFFICE_PORT, DEMO_OIDC_PORT, DATABASE_URL,
        DJANGO_SETTINGS_MODULE; keyword arguments win over the environment. With `connect`,
        the database (unless DATABASE_URL says otherwise) and the logs are under var/connect/."""
        env = os.environ
        connecting = overrides.get("connect") is not None
        default_database = (
            f"sqlite:///{CONNECT_DIR / 'db.sqlite3'}" if connecting else cls.database_url
        )
        values: dict[str, Any] = {
            "portal_port": int(env.get("DEMO_PORTAL_PORT") or cls.portal_port),
            "backoffice_port": int(env.get("DEMO_BACKOFFICE_PORT") or cls.backoffice_port),
            "oidc_port": int(env.get("DEMO_OIDC_PORT") or cls.oidc_port),
            "database_url": env.get("DATABASE_URL") or default_database,
            "settings_module": env.get("DJANGO_SETTINGS_MODULE") or cls.settings_module,
        }
        if connecting:  # its own database, logs and mailbox: nothing of the demo's
            values["log_dir"] = CONNECT_DIR / "log"
        return cls(**{**values, **overrides})


# Runs in a child with the portal's settings: migrate, then the declarative configuration,
# then (--demo-staff, the demo only) the demo's staff accounts.
PREPARE = """
import io, sys, django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
for yaml_file in [arg for arg in sys.argv[1:] if arg != "--demo-staff"]:
    call_command("setup_configuration", yaml_file=yaml_file, stdout=io.StringIO())
if "--demo-staff" in sys.argv:
    call_command("create_demo_staff", stdout=io.StringIO())  # balie: beheerder, balie
"""
