"""`make demo`: the portal with its demo back offices, OIDC provider and task worker, together.

Run as ``python -m demo.stack`` (see ``--help``). The browser tests start the same stack on
free ports through ``Stack`` (tests/fixtures/stack.py). The processes themselves are in
demo/processes.py, the test residents in demo/residents.py.
"""

import argparse
import json
import os
import signal
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from demo.processes import (
    OPENER,
    ROOT,
    Child,
    StackError,
    http_status,
    port_is_free,
    say,
)
from demo.residents import RESIDENTS

CONFIG_YAML = ROOT / "demo" / "config" / "setup.yaml"
# The Notificatieservice's services (Notificaties, Klantinteracties), loaded after CONFIG_YAML.
NOTIFICATIES_YAML = ROOT / "demo" / "config" / "notificaties.yaml"
# What residents see of the demo catalogus (issue 4); after the services (relative catalogus).
ZAKEN_CONFIG_YAML = ROOT / "demo" / "config" / "zaken.yaml"
KLANTINTERACTIES_TOKEN = "mijnomgeving-demo-klantinteracties-token"
REGISTER_SUBSCRIPTION = (
    ROOT / "notificaties" / "management" / "commands" / "register_subscription.py"
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

    @property
    def mailbox(self) -> Path:
        return self.mailbox_dir or self.log_dir.parent / "mailbox"

    @classmethod
    def from_environment(cls, **overrides: Any) -> "StackSettings":
        """DEMO_PORTAL_PORT, DEMO_BACKOFFICE_PORT, DEMO_OIDC_PORT, DATABASE_URL,
        DJANGO_SETTINGS_MODULE; keyword arguments win over the environment."""
        env = os.environ
        values: dict[str, Any] = {
            "portal_port": int(env.get("DEMO_PORTAL_PORT") or cls.portal_port),
            "backoffice_port": int(env.get("DEMO_BACKOFFICE_PORT") or cls.backoffice_port),
            "oidc_port": int(env.get("DEMO_OIDC_PORT") or cls.oidc_port),
            "database_url": env.get("DATABASE_URL") or cls.database_url,
            "settings_module": env.get("DJANGO_SETTINGS_MODULE") or cls.settings_module,
        }
        return cls(**{**values, **overrides})


# Runs in a child with the portal's settings: migrate, then the declarative configuration.
_PREPARE = """
import io, sys, django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
for yaml_file in sys.argv[1:]:
    call_command("setup_configuration", yaml_file=yaml_file, stdout=io.StringIO())
call_command("create_demo_staff", stdout=io.StringIO())  # balie: beheerder, balie
"""


class Stack:
    """Start with ``start()`` (or ``with Stack(settings) as stack:``), stop with ``stop()``."""

    def __init__(self, settings: StackSettings | None = None) -> None:
        self.settings = settings or StackSettings.from_environment()
        self.children: dict[str, Child] = {}
        self.oidc_discovery: dict[str, str] = {}

    def _url(self, port: int) -> str:
        return f"http://{self.settings.host}:{port}"

    @property
    def portal_url(self) -> str:
        return self._url(self.settings.portal_port)

    @property
    def backoffice_url(self) -> str:
        return self._url(self.settings.backoffice_port)

    @property
    def oidc_url(self) -> str:
        return self._url(self.settings.oidc_port)

    def api_root(self, api: str) -> str:
        """The demo back office's root for "zaken", "catalogi" or "documenten"."""
        return f"{self.backoffice_url}/{api}/api/v1/"

    def _base_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        no_proxy = ",".join(filter(None, [env.get("NO_PROXY", ""), "127.0.0.1,localhost"]))
        env |= {
            "PYTHONUNBUFFERED": "1",
            "NO_COLOR": "1",
            "NO_PROXY": no_proxy,
            "no_proxy": no_proxy,
        }
        return env

    def portal_env(self) -> dict[str, str]:
        """The environment of the portal's processes: database, back offices and OIDC provider."""
        env = self._base_env() | {
            "DJANGO_SETTINGS_MODULE": self.settings.settings_module,
            "DATABASE_URL": self.settings.database_url,
            "SITE_URL": self.portal_url,
            "DEMO_ZAKEN_API_ROOT": self.api_root("zaken"),
            "DEMO_CATALOGI_API_ROOT": self.api_root("catalogi"),
            "DEMO_DOCUMENTEN_API_ROOT": self.api_root("documenten"),
            "DEMO_NOTIFICATIES_API_ROOT": self.api_root("notificaties"),
            "DEMO_KLANTINTERACTIES_API_ROOT": self.api_root("klantinteracties"),
            "DEMO_KLANTINTERACTIES_AUTHORIZATION": f"Token {self.klantinteracties_token}",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.settings.mailbox),
            # demo/config/setup.yaml loads the login's OIDC settings (the provider's endpoints
            # below this issuer) into the database, as a municipality would configure it.
            "DEMO_OIDC_CONFIG_ENABLE": "true",
            "DEMO_OIDC_ISSUER": self.oidc_url,
        }
        # The demo shows what residents get: the Dutch error pages, not Django's debug pages
        # (which list every URL and, on a 500, local variables). DJANGO_DEBUG=true overrides.
        env.setdefault("DJANGO_DEBUG", "false")
        return env | dict(self.settings.extra_env)

    @property
    def klantinteracties_token(self) -> str:
        return os.environ.get("DEMO_KLANTINTERACTIES_TOKEN") or KLANTINTERACTIES_TOKEN

    def backoffice_env(self) -> dict[str, str]:
        """The back office's: its public root (URLs in notifications), the mailbox, the token."""
        return self._base_env() | {
            "DEMO_BACKOFFICE_BASE_URL": self.backoffice_url,
            "DEMO_MAILBOX_DIR": str(self.settings.mailbox),
            "DEMO_KLANTINTERACTIES_TOKEN": self.klantinteracties_token,
            "DEMO_PORTAL_URL": self.portal_url,  # the staff page's login link
        }

    def _spawn(self, name: str, command: list[str], env: Mapping[str, str]) -> Child:
        self.settings.log_dir.mkdir(parents=True, exist_ok=True)  # also before start()
        child = Child(name, command, env, self.settings.log_dir, echo=self.settings.echo)
        self.children[name] = child
        return child

    def _fail(self, child: Child, problem: str) -> StackError:
        return StackError(
            f"{problem}\nLaatste uitvoer van {child.name} ({child.log_path}):\n{child.tail()}"
        )

    def _wait_http(self, child: Child, url: str, deadline: float) -> None:
        """Until url answers below 500; fails at once when the child dies or answers 5xx."""
        while time.monotonic() < deadline:
            if not child.running:
                raise self._fail(
                    child,
                    f"{child.name} is gestopt tijdens het opstarten (exit code {child.process.returncode}).",
                )
            status = http_status(url)
            if status is not None and status < 500:
                return
            if status is not None:
                raise self._fail(child, f"{child.name} antwoordt met HTTP {status} op {url}.")
            time.sleep(0.1)
        raise self._fail(
            child,
            f"{child.name} antwoordt niet binnen {self.settings.startup_timeout:.0f} seconden op {url}.",
        )

    def _wait_exit(self, child: Child, deadline: float) -> None:
        while child.running and time.monotonic() < deadline:
            time.sleep(0.1)
        if child.running:
            raise self._fail(
                child,
                f"{child.name} is niet binnen {self.settings.startup_timeout:.0f} seconden klaar.",
            )
        if child.process.returncode != 0:
            raise self._fail(
                child, f"{child.name} is mislukt (exit code {child.process.returncode})."
            )

    def _check_ports(self) -> None:
        s = self.settings
        for name, port, variable in (
            ("portal", s.portal_port, "DEMO_PORTAL_PORT"),
            ("backoffice", s.backoffice_port, "DEMO_BACKOFFICE_PORT"),
            ("oidc", s.oidc_port, "DEMO_OIDC_PORT"),
        ):
            if not port_is_free(s.host, port):
                raise StackError(
                    f"Poort {port} ({name}) is al in gebruik: draait `make demo` al ergens anders? "
                    f"Stop dat proces of kies een andere poort met {variable}=..."
                )

    def _commands(self) -> dict[str, list[str]]:
        s, python = self.settings, sys.executable
        users = [arg for r in RESIDENTS for arg in ("--user-claims", json.dumps(r.claims()))]
        runserver = [
            "runserver",
            f"{s.host}:{s.portal_port}",
            *([] if s.reload else ["--noreload"]),
        ]
        return {
            "prepare": [python, "-c", _PREPARE, str(s.config_yaml), str(NOTIFICATIES_YAML), str(ZAKEN_CONFIG_YAML)],
            "backoffice": [python, "-m", "demo.backoffice", "--host", s.host, "--port", str(s.backoffice_port)],
            "oidc": [python, "-m", "oidc_provider_mock", "--host", s.host, "--port", str(s.oidc_port), "--require-nonce", "true", *users],
            "portal": [python, "manage.py", *runserver],
            "worker": [python, "manage.py", "db_worker", "--no-reload"],
            # The sweep: retries that are due, and work a crashed worker left half done.
            "sweep": [python, "manage.py", "process_notifications", "--loop", "60"],
            "subscribe": [python, "manage.py", "register_subscription"],
        }  # fmt: skip

    def start(self) -> "Stack":
        """Prepare the database, start every part and wait until each is ready."""
        s = self.settings
        self._check_ports()
        s.log_dir.mkdir(parents=True, exist_ok=True)
        s.mailbox.mkdir(parents=True, exist_ok=True)
        if s.database_url.startswith("sqlite:///"):
            Path(s.database_url.removeprefix("sqlite://")).parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + s.startup_timeout
        commands = self._commands()
        quiet_python = self._base_env() | {"PYTHONWARNINGS": "ignore"}
        try:
            prepare = self._spawn("prepare", commands["prepare"], self.portal_env())
            backoffice = self._spawn("backoffice", commands["backoffice"], self.backoffice_env())
            oidc = self._spawn("oidc", commands["oidc"], quiet_python)
            discovery_url = f"{self.oidc_url}/.well-known/openid-configuration"
            self._wait_http(oidc, discovery_url, deadline)
            with OPENER.open(discovery_url, timeout=5) as response:
                self.oidc_discovery = json.load(response)
            self._wait_exit(prepare, deadline)
            portal = self._spawn("portal", commands["portal"], self.portal_env())
            if s.worker:
                worker = self._spawn("worker", commands["worker"], self.portal_env())
                self._spawn("sweep", commands["sweep"], self.portal_env())
            self._wait_http(backoffice, f"{self.backoffice_url}/_demo/health", deadline)
            self._wait_http(portal, f"{self.portal_url}/", deadline)
            if REGISTER_SUBSCRIPTION.exists():  # the portal's abonnement at the demo NRC
                subscribe = self._spawn("subscribe", commands["subscribe"], self.portal_env())
                self._wait_exit(subscribe, deadline)
            if s.worker and not worker.running:
                code = worker.process.returncode
                raise self._fail(worker, f"De taakverwerker is gestopt (exit code {code}).")
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self, timeout: float = 8.0) -> None:
        """SIGTERM to every child, SIGKILL to those still running after timeout; idempotent."""
        children = list(self.children.values())
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for child in children:
                child.signal(sig)
            deadline = time.monotonic() + timeout
            children = [child for child in children if not child.wait(deadline)]
            if not children:
                return

    def wait(self) -> int:
        """Block until a long-running child exits; stops the rest and returns 1. Ctrl-C
        (KeyboardInterrupt) passes through to the caller."""
        services = [
            child for name, child in self.children.items() if name not in ("prepare", "subscribe")
        ]
        while True:
            for child in services:
                if not child.running:
                    code = child.process.returncode
                    say(f"\n{child.name} is onverwacht gestopt (exit code {code}):", error=True)
                    say(child.tail(), error=True)
                    self.stop()
                    return 1
            time.sleep(0.2)

    def __enter__(self) -> "Stack":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def banner(stack: Stack) -> str:
    residents = "\n".join(f"    {r.bsn}  {r.name:<24} {r.story}" for r in RESIDENTS)
    return f"""
  MijnOmgeving draait: {stack.portal_url}/

  Inloggen: klik op "Inloggen met DigiD" en kies bij de test-DigiD ({stack.oidc_url})
  een van deze testinwoners (knop met het BSN):
{residents}

  Demo-backoffices (Zaken, Catalogi, Documenten, Notificaties, Klantinteracties): {stack.backoffice_url}/
  Demo-pagina's: {stack.backoffice_url}/_demo/
    zaak naar de volgende status: {stack.backoffice_url}/_demo/zaken/
    e-mails die MijnOmgeving stuurde: {stack.backoffice_url}/_demo/mailbox/
  Medewerkers (balie en beheer): {stack.portal_url}/beheer/login/
    gebruikersnaam balie of beheerder, wachtwoord demo-medewerker, code op {stack.backoffice_url}/_demo/medewerkers/
  Logbestanden: {stack.settings.log_dir}/
  Stoppen: Ctrl-C
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m demo.stack", description=__doc__)
    parser.add_argument("--portal-port", type=int, help="default: DEMO_PORTAL_PORT or 8000")
    parser.add_argument("--backoffice-port", type=int, help="default: DEMO_BACKOFFICE_PORT or 8001")
    parser.add_argument("--oidc-port", type=int, help="default: DEMO_OIDC_PORT or 9400")
    parser.add_argument(
        "--reload", action="store_true", help="herstart de portal bij codewijzigingen"
    )
    parser.add_argument("--quiet", action="store_true", help="uitvoer alleen in de logbestanden")
    args = parser.parse_args(argv)
    overrides = {
        key: value
        for key, value in (
            ("portal_port", args.portal_port),
            ("backoffice_port", args.backoffice_port),
            ("oidc_port", args.oidc_port),
        )
        if value is not None
    }
    stack = Stack(
        StackSettings.from_environment(reload=args.reload, echo=not args.quiet, **overrides)
    )

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, interrupt)  # also when started with SIGINT ignored (`&`)
    say("MijnOmgeving-demo start (database, configuratie, backoffices, inloggen, portal)...")
    try:
        stack.start()
        say(banner(stack))
        return stack.wait()
    except StackError as error:
        say(f"\nDe demo kon niet starten: {error}", error=True)
        return 1
    except KeyboardInterrupt:
        say("\nDe demo stopt...")
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
