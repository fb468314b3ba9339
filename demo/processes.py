"""The stack's child processes, its ports and its readiness probe: plumbing, no demo logic."""

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Mapping
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only


class StackError(RuntimeError):
    """A part of the stack could not start; the message says which and why."""


_LIBC = ctypes.CDLL(None) if sys.platform == "linux" else None


def _die_with_parent() -> None:
    """In the child before exec: get SIGTERM when the stack process dies, even by SIGKILL."""
    if _LIBC is not None:
        _LIBC.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Child:
    """One process of the stack in its own process group; its output goes to a log file."""

    def __init__(
        self, name: str, command: list[str], env: Mapping[str, str], log_dir: Path, *, echo: bool
    ) -> None:
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        self._tail: deque[str] = deque(maxlen=30)
        self._echo = echo
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the stack only; it stops the children
            preexec_fn=_die_with_parent,  # only calls prctl (no locks)
        )
        assert self.process.stdout is not None
        self._pump = threading.Thread(target=self._copy, args=(self.process.stdout,), daemon=True)
        self._pump.start()

    def _copy(self, stream: IO[bytes]) -> None:
        with self.log_path.open("wb") as log:
            for raw in stream:
                log.write(raw)
                log.flush()
                line = raw.decode(errors="replace").rstrip()
                self._tail.append(line)
                if self._echo:
                    say(f"{self.name:>10} | {line}")

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def tail(self) -> str:
        self._pump.join(timeout=0.5 if not self.running else 0)
        lines = list(self._tail)[-15:]
        return "\n".join(f"    {line}" for line in lines) or "    (geen uitvoer)"

    def signal(self, sig: signal.Signals) -> None:
        """Send sig to the child's whole process group (runserver's reloader included)."""
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)

    def wait(self, deadline: float) -> bool:
        """Wait until the child has exited or the deadline passes; True when it exited."""
        try:
            self.process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            return False
        self._pump.join(timeout=2)
        return True


def say(message: str, *, error: bool = False) -> None:
    """A line for the person at the terminal (the stack has no logging setup of its own)."""
    stream = sys.stderr if error else sys.stdout
    stream.write(f"{message}\n")
    stream.flush()


def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def http_status(url: str) -> int | None:
    """The status of GET url, or None when nothing answers yet."""
    try:
        with OPENER.open(url, timeout=2) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return None
