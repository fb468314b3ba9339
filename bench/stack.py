"""The benchmark's processes: demo.stack's Stack with the portal under gunicorn, three times.

Three portal variants share the back office, the OIDC provider and the database:

- ``ours``: the production settings (parallel calls, catalogi cache, ``expand``);
- ``cold``: the same with ``CATALOGI_CACHE_SECONDS=0``: every request finds the catalogi
  cache empty, as the first request after a start or an expiry does;
- ``baseline``: ``UPSTREAM_PARALLEL=false``, ``CATALOGI_CACHE_SECONDS=0``,
  ``ZAKEN_USE_EXPAND=false``: one call after another, nothing cached.

Shape "embedded": one gunicorn per variant, SQLite, local-memory cache, database sessions.
Shape "production" (bench/production.py): PostgreSQL and Redis, two gunicorn instances per
variant behind nginx on one port, two task workers.
"""

import json
import secrets
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.fernet import Fernet

from demo.backoffice.seed.bench import BENCH_RESIDENTS
from demo.processes import Child, free_port
from demo.residents import Resident
from demo.stack import CONFIG_YAML, Stack, StackSettings

# Migrate and load the back office services (demo/config/setup.yaml): nothing demo-only
# (no demo staff accounts; the production check forbids them, rightly).
PREPARE = """
import io, sys, django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("setup_configuration", yaml_file=sys.argv[1], stdout=io.StringIO())
"""

# The benchmark's own residents (3 and 120 zaken), known to the OIDC provider as the demo's are.
BENCH_LOGINS = [
    Resident(
        person.bsn,
        person.naam,
        "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
        f"{total} zaken (benchmark)",
    )
    for person, total, _ in BENCH_RESIDENTS
]

VARIANTS: dict[str, dict[str, str]] = {
    "ours": {},
    "cold": {"CATALOGI_CACHE_SECONDS": "0"},
    "baseline": {
        "UPSTREAM_PARALLEL": "false",
        "CATALOGI_CACHE_SECONDS": "0",
        "ZAKEN_USE_EXPAND": "false",
    },
}


@dataclass(frozen=True)
class GunicornSettings:
    workers: int = 2
    threads: int = 8
    timeout: int = 120


@dataclass
class Portal:
    """One variant: its public URL and the gunicorn masters serving it."""

    name: str
    url: str
    masters: list[Child] = field(default_factory=list)


def generated_secrets() -> dict[str, str]:
    """Fresh secrets per run: the production check refuses the default ones, rightly."""
    return {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
        "MIJNOMGEVING_PSEUDONYM_SECRET": secrets.token_urlsafe(48),
        "AUDIT_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    }


class BenchStack(Stack):
    """demo.stack.Stack with gunicorn portals; ``portals[name]`` after ``start()``."""

    def __init__(
        self,
        settings: StackSettings,
        *,
        gunicorn: GunicornSettings,
        instances: int = 1,
        workers: int = 0,
        proxy: "ProxyStarter | None" = None,
        backoffice_env: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(settings)
        self.backoffice_env = dict(backoffice_env or {})
        self.gunicorn = gunicorn
        self.instances = instances
        self.task_workers = workers
        self.proxy = proxy
        self.portals: dict[str, Portal] = {}

    def _gunicorn(self, port: int) -> list[str]:
        g = self.gunicorn
        return [
            sys.executable, "-m", "gunicorn", "mijnomgeving.wsgi:application",
            "--bind", f"{self.settings.host}:{port}",
            "--workers", str(g.workers), "--threads", str(g.threads),
            "--worker-class", "gthread", "--timeout", str(g.timeout),
            "--graceful-timeout", "5", "--log-level", "warning",
            # Longer than nginx's upstream keepalive_timeout (60 s): otherwise gunicorn closes
            # an idle kept-alive connection just as nginx reuses it (a reset, then a retry).
            "--keep-alive", "75",
        ]  # fmt: skip

    def _commands(self) -> dict[str, list[str]]:
        """demo.stack's commands; the OIDC provider also logs in the benchmark's residents."""
        commands = super()._commands()
        users = [arg for r in BENCH_LOGINS for arg in ("--user-claims", json.dumps(r.claims()))]
        commands["oidc"] = [*commands["oidc"], *users]
        return commands

    def variant_env(self, variant: str, url: str) -> dict[str, str]:
        return self.portal_env() | {"SITE_URL": url} | VARIANTS[variant]

    def start(self) -> "BenchStack":
        s = self.settings
        s.log_dir.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + s.startup_timeout
        commands = self._commands()
        try:
            prepare_command = [sys.executable, "-c", PREPARE, str(CONFIG_YAML)]
            prepare = self._spawn("prepare", prepare_command, self.portal_env())
            backoffice_command = commands["backoffice"]
            backoffice = self._spawn(
                "backoffice", backoffice_command, self._base_env() | self.backoffice_env
            )
            oidc = self._spawn(
                "oidc", commands["oidc"], self._base_env() | {"PYTHONWARNINGS": "ignore"}
            )
            self._wait_http(oidc, f"{self.oidc_url}/.well-known/openid-configuration", deadline)
            self._wait_exit(prepare, deadline)
            upstreams: dict[str, list[int]] = {}
            for variant in VARIANTS:
                ports = [free_port(s.host) for _ in range(self.instances)]
                upstreams[variant] = ports
                front = ports[0] if self.proxy is None else free_port(s.host)
                portal = Portal(variant, self._url(front))
                for index, port in enumerate(ports):
                    name = f"portal-{variant}-{index + 1}"
                    env = self.variant_env(variant, portal.url)
                    portal.masters.append(self._spawn(name, self._gunicorn(port), env))
                self.portals[variant] = portal
            for index in range(self.task_workers):
                self._spawn(f"worker-{index + 1}", commands["worker"], self.portal_env())
            if self.proxy is not None:
                fronts = {name: int(p.url.rsplit(":", 1)[1]) for name, p in self.portals.items()}
                self.proxy(self, fronts, upstreams)
            self._wait_http(backoffice, f"{self.backoffice_url}/_demo/health", deadline)
            for variant, portal in self.portals.items():
                for master, port in zip(portal.masters, upstreams[variant], strict=True):
                    self._wait_http(master, f"{self._url(port)}/", deadline)
                proxy_child = self.children.get("proxy")
                if proxy_child is not None:
                    self._wait_http(proxy_child, f"{portal.url}/", deadline)
        except BaseException:
            self.stop()
            raise
        return self

    def worker_pids(self, variant: str) -> list[int]:
        """The gunicorn worker processes (children of the masters) of a variant."""
        from bench.memory import children_of

        return [pid for m in self.portals[variant].masters for pid in children_of(m.process.pid)]

    def spawn(self, name: str, command: list[str], env: Mapping[str, str]) -> Child:
        """A further child under the stack's management (stopped with the rest)."""
        return self._spawn(name, command, env)


class ProxyStarter:
    """Starts the reverse proxy: called with the stack, {variant: front port} and
    {variant: [gunicorn ports]}."""

    def __call__(
        self, stack: BenchStack, fronts: dict[str, int], upstreams: dict[str, list[int]]
    ) -> None:
        raise NotImplementedError


def bench_stack_settings(
    directory: Path, *, database_url: str | None = None, extra_env: Mapping[str, str]
) -> StackSettings:
    return StackSettings(
        portal_port=free_port(),
        backoffice_port=free_port(),
        oidc_port=free_port(),
        database_url=database_url or f"sqlite:///{directory / 'db.sqlite3'}",
        settings_module="bench.settings",
        log_dir=directory / "logs",
        extra_env=dict(extra_env),
        echo=False,
        worker=False,
        startup_timeout=90.0,
    )
