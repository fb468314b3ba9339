"""The production shape on one machine: PostgreSQL, Redis and nginx from Debian's packages,
run as local processes in a temporary directory on loopback ports (never system services),
and the one notification sweep beside the task workers (docs/scale-out.md).

PostgreSQL refuses to run as root: when the benchmark runs as root, initdb and postgres run
as the "postgres" user that Debian's package creates.
"""

import os
import pwd
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.client import BenchError
from bench.stack import BenchStack, ProxyStarter
from demo.processes import Child, free_port, port_is_free

PG_BIN_DIRS = [Path(p) for p in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)]
APT_PACKAGES = {"postgres": "postgresql", "redis-server": "redis-server", "nginx": "nginx"}
# Exactly one per installation, beside the task workers: it releases what a crashed worker
# left behind and picks up whatever was never (or no longer) queued (docs/scale-out.md).
SWEEP_COMMAND = [sys.executable, "manage.py", "process_notifications", "--loop", "60"]


def find_program(name: str) -> str | None:
    for directory in PG_BIN_DIRS:
        if (directory / name).exists():
            return str(directory / name)
    return shutil.which(name) or (
        f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None
    )


def ensure_packages() -> None:
    """apt-get install what is missing, when root; otherwise say what to install."""
    missing = [
        package for program, package in APT_PACKAGES.items() if find_program(program) is None
    ]
    if not missing:
        return
    if os.geteuid() != 0:
        raise BenchError(f"Installeer eerst: sudo apt-get install {' '.join(missing)}")
    env = os.environ | {
        "DEBIAN_FRONTEND": "noninteractive",
        "RUNLEVEL": "1",
    }  # RUNLEVEL: no service start
    subprocess.run(
        ["apt-get", "install", "-y", "--no-install-recommends", *missing], check=True, env=env
    )


def _as_postgres_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    pwd.getpwnam("postgres")  # KeyError: Debian's postgresql package creates this user
    return ["runuser", "-u", "postgres", "--"]


def start_postgres(stack: BenchStack, directory: Path) -> str:
    """initdb in directory/pg, postgres on a free loopback port; the DATABASE_URL."""
    data, sockets = directory / "pg", directory / "pg-sockets"
    sockets.mkdir(parents=True, exist_ok=True)
    prefix = _as_postgres_user()
    if prefix:
        shutil.chown(directory, "postgres")
        shutil.chown(sockets, "postgres")
    initdb, postgres = find_program("initdb"), find_program("postgres")
    assert initdb and postgres
    subprocess.run(
        [
            *prefix,
            initdb,
            "-D",
            str(data),
            "-U",
            "bench",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    port = free_port()
    stack.spawn(
        "postgres",
        [*prefix, postgres, "-D", str(data), "-p", str(port), "-k", str(sockets),
         "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200"],
        stack._base_env(),
    )  # fmt: skip
    _wait_port(port, "PostgreSQL")
    pg_isready, createdb = find_program("pg_isready"), find_program("createdb")
    assert pg_isready and createdb
    deadline = time.monotonic() + 30
    while subprocess.run(
        [pg_isready, "-h", "127.0.0.1", "-p", str(port)], capture_output=True
    ).returncode:
        if time.monotonic() > deadline:
            raise BenchError("PostgreSQL wordt niet gereed.")
        time.sleep(0.2)
    subprocess.run(
        [createdb, "-h", "127.0.0.1", "-p", str(port), "-U", "bench", "mijnomgeving"], check=True
    )
    return f"postgres://bench@127.0.0.1:{port}/mijnomgeving"


def start_redis(stack: BenchStack, directory: Path) -> str:
    port = free_port()
    redis = find_program("redis-server")
    assert redis
    (directory / "redis").mkdir(exist_ok=True)
    stack.spawn(
        "redis",
        [redis, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(directory / "redis")],
        stack._base_env(),
    )  # fmt: skip
    _wait_port(port, "Redis")
    return f"redis://127.0.0.1:{port}/0"


def _wait_port(port: int, name: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while port_is_free("127.0.0.1", port):
        if time.monotonic() > deadline:
            raise BenchError(f"{name} luistert niet op poort {port}.")
        time.sleep(0.1)


NGINX_CONF = """\
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
{user}
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/tmp/body;
    proxy_temp_path {dir}/tmp/proxy;
    fastcgi_temp_path {dir}/tmp/fastcgi;
    uwsgi_temp_path {dir}/tmp/uwsgi;
    scgi_temp_path {dir}/tmp/scgi;
{servers}
}}
"""

NGINX_SERVER = """\
    upstream {name} {{
{members}
        keepalive 32;
        keepalive_timeout 60s;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://{name};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_buffering off;
            proxy_max_temp_file_size 0;
            proxy_read_timeout 300s;
        }}
    }}
"""


def nginx_config(directory: Path, fronts: dict[str, int], upstreams: dict[str, list[int]]) -> str:
    """nginx.conf: per variant one port, round-robin over its gunicorn instances."""
    servers = "".join(
        NGINX_SERVER.format(
            name=f"portal_{name}",
            port=fronts[name],
            members="\n".join(f"        server 127.0.0.1:{port};" for port in upstreams[name]),
        )
        for name in fronts
    )
    user = "user root;" if os.geteuid() == 0 else ""
    return NGINX_CONF.format(dir=directory, user=user, servers=servers)


def start_sweep(stack: BenchStack) -> Child:
    """The notification sweep (`process_notifications --loop 60`), with the portal's env."""
    return stack.spawn("sweep", SWEEP_COMMAND, stack.portal_env())


class NginxProxy(ProxyStarter):
    """Completes the production shape once the portals and task workers run: nginx in front,
    and the one sweep process beside the workers (this hook is the production shape's only
    step after the workers start)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def __call__(
        self, stack: BenchStack, fronts: dict[str, int], upstreams: dict[str, list[int]]
    ) -> None:
        if "sweep" not in stack.children:
            start_sweep(stack)
        (self.directory / "tmp").mkdir(parents=True, exist_ok=True)
        conf = self.directory / "nginx.conf"
        conf.write_text(nginx_config(self.directory, fronts, upstreams))
        nginx = find_program("nginx")
        assert nginx
        stack.spawn("proxy", [nginx, "-p", str(self.directory), "-c", str(conf)], stack._base_env())
