"""`make demo`: the portal with its demo back offices, OIDC provider and task worker, together.

Run as ``python -m demo.stack`` (see ``--help``). The browser tests start the same stack on
free ports through ``Stack`` (tests/fixtures/stack.py). The processes themselves are in
demo/processes.py, the test residents in demo/residents.py.

``python -m demo.stack --connect my.yaml`` (`make connect CONFIG=my.yaml`) runs the same
portal against a municipality's own back offices instead: see demo/connect.py.
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

from demo.connect import CONNECT_DIR, DOCS, ConnectFile, connect_banner, read_connect_file
from demo.processes import (
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
_PREPARE = """
import io, sys, django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
for yaml_file in [arg for arg in sys.argv[1:] if arg != "--demo-staff"]:
    call_command("setup_configuration", yaml_file=yaml_file, stdout=io.StringIO())
if "--demo-staff" in sys.argv:
    call_command("create_demo_staff", stdout=io.StringIO())  # balie: beheerder, balie
"""


class Stack:
    """Start with ``start()`` (or ``with Stack(settings) as stack:``), stop with ``stop()``."""

    def __init__(self, settings: StackSettings | None = None) -> None:
        self.settings = settings or StackSettings.from_environment()
        self.children: dict[str, Child] = {}
        # --connect: the municipality's file, read before anything starts (StackError if wrong).
        self.connect: ConnectFile | None = (
            read_connect_file(self.settings.connect) if self.settings.connect else None
        )
        self.notes: list[str] = []  # what the person at the terminal must know (the banner)

    @property
    def demo_backoffice(self) -> bool:
        """The demo back office runs (make demo), not the municipality's own (--connect)."""
        return self.connect is None

    @property
    def demo_login(self) -> bool:
        """The demo OIDC provider runs: always in the demo; with --connect unless the file
        switches on the municipality's own login (oidc_config)."""
        return self.connect is None or not self.connect.own_login

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

    @property
    def site_url(self) -> str:
        """The portal's public address (links in e-mails, the webhook's callback). --connect:
        SITE_URL from the environment when set (an address Open Notificaties can reach)."""
        if self.connect is not None and os.environ.get("SITE_URL"):
            return os.environ["SITE_URL"].rstrip("/")
        return self.portal_url

    def yaml_files(self) -> list[Path]:
        """What the prepare step loads, in this order."""
        if self.connect is None:
            return [self.settings.config_yaml, NOTIFICATIES_YAML, ZAKEN_CONFIG_YAML]
        # setup.yaml's login only (its services switched off by portal_env) after the file.
        return [self.connect.path, *([CONFIG_YAML] if self.demo_login else [])]

    def portal_env(self) -> dict[str, str]:
        """The environment of the portal's processes: database, back offices and OIDC provider."""
        env = self._base_env() | {
            "DJANGO_SETTINGS_MODULE": self.settings.settings_module,
            "DATABASE_URL": self.settings.database_url,
            "SITE_URL": self.site_url,
        }
        mailbox = {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.settings.mailbox),
        }
        if self.connect is None:
            env |= mailbox | {
                "DEMO_ZAKEN_API_ROOT": self.api_root("zaken"),
                "DEMO_CATALOGI_API_ROOT": self.api_root("catalogi"),
                "DEMO_DOCUMENTEN_API_ROOT": self.api_root("documenten"),
                "DEMO_NOTIFICATIES_API_ROOT": self.api_root("notificaties"),
                "DEMO_KLANTINTERACTIES_API_ROOT": self.api_root("klantinteracties"),
                "DEMO_KLANTINTERACTIES_AUTHORIZATION": f"Token {self.klantinteracties_token}",
            }
        elif "EMAIL_BACKEND" not in env:  # residents' real addresses: files unless told
            env |= mailbox
        if self.demo_login:
            # demo/config/setup.yaml loads the login's OIDC settings (the provider's endpoints
            # below this issuer) into the database, as a municipality would configure it.
            env |= {"DEMO_OIDC_CONFIG_ENABLE": "true", "DEMO_OIDC_ISSUER": self.oidc_url}
        if self.connect is not None and self.demo_login:
            # Only setup.yaml's login, not its demo services; any typed BSN logs in (the
            # provider's `sub`: the municipality's own test residents are not its buttons).
            env |= {"DEMO_SERVICES_CONFIG_ENABLE": "false", "DEMO_OIDC_BSN_CLAIM": "sub"}
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
        for name, port, variable, used in (
            ("portal", s.portal_port, "DEMO_PORTAL_PORT", True),
            ("backoffice", s.backoffice_port, "DEMO_BACKOFFICE_PORT", self.demo_backoffice),
            ("oidc", s.oidc_port, "DEMO_OIDC_PORT", self.demo_login),
        ):
            if used and not port_is_free(s.host, port):
                raise StackError(
                    f"Poort {port} ({name}) is al in gebruik: draait `make demo` al ergens anders? "
                    f"Stop dat proces of kies een andere poort met {variable}=..."
                )

    def _commands(self) -> dict[str, list[str]]:
        """The command of each child that runs (with --connect: no demo back office, and no
        demo OIDC provider when the file has its own login)."""
        s, python = self.settings, sys.executable
        users = [arg for r in RESIDENTS for arg in ("--user-claims", json.dumps(r.claims()))]
        runserver = [
            "runserver",
            f"{s.host}:{s.portal_port}",
            *([] if s.reload else ["--noreload"]),
        ]
        staff = ["--demo-staff"] if self.connect is None else []
        commands = {
            "prepare": [python, "-c", _PREPARE, *staff, *map(str, self.yaml_files())],
            "backoffice": [python, "-m", "demo.backoffice", "--host", s.host, "--port", str(s.backoffice_port)],
            "oidc": [python, "-m", "oidc_provider_mock", "--host", s.host, "--port", str(s.oidc_port), "--require-nonce", "true", *users],
            "portal": [python, "manage.py", *runserver],
            "worker": [python, "manage.py", "db_worker", "--no-reload"],
            # The sweep: retries that are due, and work a crashed worker left half done.
            "sweep": [python, "manage.py", "process_notifications", "--loop", "60"],
            "subscribe": [python, "manage.py", "register_subscription"],
        }  # fmt: skip
        if not self.demo_backoffice:
            del commands["backoffice"]
        if not self.demo_login:
            del commands["oidc"]
        return commands

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
            if self.demo_backoffice:
                backoffice = self._spawn(
                    "backoffice", commands["backoffice"], self.backoffice_env()
                )
            if self.demo_login:
                oidc = self._spawn("oidc", commands["oidc"], quiet_python)
                discovery_url = f"{self.oidc_url}/.well-known/openid-configuration"
                self._wait_http(oidc, discovery_url, deadline)
            self._wait_exit(prepare, deadline)
            portal = self._spawn("portal", commands["portal"], self.portal_env())
            if s.worker:
                worker = self._spawn("worker", commands["worker"], self.portal_env())
                self._spawn("sweep", commands["sweep"], self.portal_env())
            if self.demo_backoffice:
                self._wait_http(backoffice, f"{self.backoffice_url}/_demo/health", deadline)
            self._wait_http(portal, f"{self.portal_url}/", deadline)
            if self.connect is None and REGISTER_SUBSCRIPTION.exists():  # at the demo NRC
                subscribe = self._spawn("subscribe", commands["subscribe"], self.portal_env())
                self._wait_exit(subscribe, deadline)
            elif self.connect is not None and self.connect.notificaties:
                self._subscribe_or_note(commands["subscribe"], deadline)
            if s.worker and not worker.running:
                code = worker.process.returncode
                raise self._fail(worker, f"De taakverwerker is gestopt (exit code {code}).")
        except BaseException:
            self.stop()
            raise
        return self

    def _subscribe_or_note(self, command: list[str], deadline: float) -> None:
        """The abonnement at the municipality's Notificaties API. When it is refused (SITE_URL
        unreachable from there, missing rights) the portal runs on without notifications, and
        the banner says why: pages and downloads do not depend on it."""
        subscribe = self._spawn("subscribe", command, self.portal_env())
        try:
            self._wait_exit(subscribe, deadline)
        except StackError as error:
            self.notes.append(
                "het abonnement bij de Notificaties API is niet geregistreerd, er komen geen "
                f"meldingen binnen ({DOCS}, 'Meldingen'):\n{error}"
            )

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
    if stack.connect is not None:
        email = os.environ.get("EMAIL_BACKEND") or str(stack.settings.mailbox)
        return connect_banner(
            stack.connect,
            portal_url=stack.portal_url,
            oidc_url=stack.oidc_url,
            site_url=stack.site_url,
            mailbox=email,
            log_dir=stack.settings.log_dir,
            notes=stack.notes,
        )
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
    parser.add_argument(
        "--connect",
        type=Path,
        metavar="YAML",
        help=f"uw eigen Open Zaak, Open Klant en Open Notificaties uit dit bestand in plaats van "
        f"de demo-backoffices (make connect CONFIG=...; zie {DOCS})",
    )
    args = parser.parse_args(argv)
    overrides = {
        key: value
        for key, value in (
            ("portal_port", args.portal_port),
            ("backoffice_port", args.backoffice_port),
            ("oidc_port", args.oidc_port),
            ("connect", args.connect),
        )
        if value is not None
    }
    what = "MijnOmgeving" if args.connect else "De demo"
    try:
        stack = Stack(
            StackSettings.from_environment(reload=args.reload, echo=not args.quiet, **overrides)
        )
    except StackError as error:  # --connect: the file is read first
        say(f"\n{what} kon niet starten: {error}", error=True)
        return 1
    if args.connect is None:
        ignored = [name for name in DEMO_API_ROOT_VARIABLES if os.environ.get(name)]
        if ignored:
            say(
                f"Let op: {', '.join(ignored)} {'is' if len(ignored) == 1 else 'zijn'} "
                "ingesteld, maar make demo gebruikt altijd zijn eigen demo-backoffices. Uw "
                f"eigen backoffices: make connect CONFIG=uw.yaml ({DOCS}).",
                error=True,
            )

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, interrupt)  # also when started with SIGINT ignored (`&`)
    if stack.connect is None:
        say("MijnOmgeving-demo start (database, configuratie, backoffices, inloggen, portal)...")
    else:
        say(f"MijnOmgeving start met de backoffices uit {stack.connect.path} (database, configuratie, inloggen, portal)...")  # fmt: skip
    try:
        stack.start()
        say(banner(stack))
        return stack.wait()
    except StackError as error:
        say(f"\n{what} kon niet starten: {error}", error=True)
        return 1
    except KeyboardInterrupt:
        say(f"\n{what} stopt...")
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
