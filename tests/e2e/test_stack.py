"""`python -m demo.stack` (make demo): clear failures, and no process left behind."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from demo.processes import ROOT, StackError, free_port
from demo.stack import Stack, StackSettings


def children_of(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def settings_for(tmp_path: Path, **overrides: object) -> StackSettings:
    values: dict[str, object] = {
        "portal_port": free_port(),
        "backoffice_port": free_port(),
        "oidc_port": free_port(),
        "database_url": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "log_dir": tmp_path / "logs",
        "echo": False,
    }
    return StackSettings(**(values | overrides))  # type: ignore[arg-type]


def test_a_taken_port_is_named_with_the_variable_that_moves_it(tmp_path: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]

        with pytest.raises(StackError, match=f"Poort {port} \\(portal\\).*DEMO_PORTAL_PORT"):
            Stack(settings_for(tmp_path, portal_port=port)).start()


def test_a_part_that_fails_to_start_is_reported_with_its_output_and_the_rest_stopped(
    tmp_path: Path,
) -> None:
    stack = Stack(settings_for(tmp_path, config_yaml=tmp_path / "missing.yaml"))

    with pytest.raises(StackError) as error:
        stack.start()

    message = str(error.value)
    assert "prepare is mislukt" in message
    assert "missing.yaml" in message  # the child's own last lines
    assert all(not child.running for child in stack.children.values())


def test_when_one_part_dies_the_others_are_stopped_and_wait_says_so(tmp_path: Path) -> None:
    stack = Stack(settings_for(tmp_path))
    stack.settings.log_dir.mkdir()
    doomed = stack._spawn("doomed", [sys.executable, "-c", "print('bye')"], os.environ)
    survivor = stack._spawn("survivor", ["sleep", "60"], os.environ)

    assert stack.wait() == 1

    assert doomed.process.returncode == 0
    assert not survivor.running


@pytest.mark.e2e
def test_make_demo_starts_and_ctrl_c_leaves_no_process_behind(tmp_path: Path) -> None:
    ports = {"DEMO_PORTAL_PORT": free_port(), "DEMO_BACKOFFICE_PORT": free_port(), "DEMO_OIDC_PORT": free_port()}  # fmt: skip
    env = os.environ | {k: str(v) for k, v in ports.items()}
    env |= {"DJANGO_SETTINGS_MODULE": "mijnomgeving.settings.dev", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}  # fmt: skip
    runner = subprocess.Popen(
        [sys.executable, "-m", "demo.stack", "--quiet"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        assert runner.stdout is not None
        output = []
        for line in runner.stdout:
            output.append(line)
            if "Stoppen: Ctrl-C" in line:
                break
        banner = "".join(output)
        assert f"MijnOmgeving draait: http://127.0.0.1:{ports['DEMO_PORTAL_PORT']}/" in banner, (
            banner
        )
        assert "999993653" in banner
        children = children_of(runner.pid)
        # back office, OIDC provider, portal, worker, sweep (prepare and subscribe are done)
        assert len(children) == 5

        os.killpg(runner.pid, signal.SIGINT)  # what Ctrl-C in the terminal does

        assert runner.wait(timeout=30) == 0
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(alive(pid) for pid in children):
            time.sleep(0.1)
        assert not [pid for pid in children if alive(pid)]
    finally:
        if runner.poll() is None:
            os.killpg(runner.pid, signal.SIGKILL)
            runner.wait()
