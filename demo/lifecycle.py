"""Stack: starts the stack's children in order (prepare, back office, OIDC provider, portal,
task worker, sweep, subscription), waits until each is ready and stops them all. What each
child is given is in demo/environment.py; the children themselves in demo/processes.py."""

import json
import signal
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from demo.configuration import PREPARE, REGISTER_SUBSCRIPTION, StackSettings
from demo.connect import DOCS, ConnectFile, read_connect_file
from demo.environment import StackEnvironment
from demo.processes import (
    Child,
    StackError,
    http_status,
    port_is_free,
    say,
)
from demo.residents import RESIDENTS


class Stack(StackEnvironment):
    """Start with ``start()`` (or ``with Stack(settings) as stack:``), stop with ``stop()``."""

    def __init__(self, settings: StackSettings | None = None) -> None:
        self.settings = settings or StackSettings.from_environment()
        self.children: dict[str, Child] = {}
        # --connect: the municipality's file, read before anything starts (StackError if wrong).
        self.connect: ConnectFile | None = (
            read_connect_file(self.settings.connect) if self.settings.connect else None
        )
        self.notes: list[str] = []  # what the person at the terminal must know (the banner)

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
            "prepare": [python, "-c", PREPARE, *staff, *map(str, self.yaml_files())],
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
