"""The sweep as production runs it: `process_notifications --loop 60`, exactly one process."""

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from notificaties.models import ReceivedNotification
from tests.notificaties.conftest import World, store

pytestmark = pytest.mark.django_db


class Stopped(Exception):
    """Ends the loop after its first round."""


def test_the_loop_sweeps_then_waits_the_given_seconds(world: World, monkeypatch: Any) -> None:
    store(world.status_notificatie())  # stored, never queued: only the sweep will see it
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        raise Stopped

    monkeypatch.setattr("time.sleep", sleep)
    with pytest.raises(Stopped):
        call_command("process_notifications", "--loop", "60", stdout=StringIO())
    assert waits == [60.0]
    assert ReceivedNotification.objects.get().status == ReceivedNotification.Status.DONE


class FakeStack:
    """What NginxProxy uses of a BenchStack."""

    def __init__(self) -> None:
        self.children: dict[str, Any] = {}
        self.spawned: list[tuple[str, list[str], dict[str, str]]] = []

    def portal_env(self) -> dict[str, str]:
        return {"DATABASE_URL": "postgres://bench@127.0.0.1:5432/mijnomgeving"}

    def _base_env(self) -> dict[str, str]:
        return {}

    def spawn(self, name: str, command: list[str], env: dict[str, str]) -> object:
        self.spawned.append((name, command, env))
        self.children[name] = object()
        return self.children[name]


def test_the_production_shape_starts_one_sweep_beside_the_workers(
    tmp_path: Path, monkeypatch: Any
) -> None:
    from bench import production

    monkeypatch.setattr(production, "find_program", lambda name: f"/usr/sbin/{name}")
    stack = FakeStack()
    proxy = production.NginxProxy(tmp_path)
    proxy(stack, {"ours": 8001}, {"ours": [8002, 8003]})  # type: ignore[arg-type]
    proxy(stack, {"ours": 8001}, {"ours": [8002, 8003]})  # type: ignore[arg-type]
    sweeps = [(command, env) for name, command, env in stack.spawned if name == "sweep"]
    assert len(sweeps) == 1
    command, env = sweeps[0]
    assert command[1:] == ["manage.py", "process_notifications", "--loop", "60"]
    assert env["DATABASE_URL"].startswith("postgres://")  # the workers' database, not SQLite
