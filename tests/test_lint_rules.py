"""The rule that only the client layer speaks HTTP fails on a planted import (ruff TID251)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
RUFF = Path(sys.executable).parent / "ruff"

PLANTED = [
    "import requests",
    "import httpx",
    "from urllib.request import urlopen",
    "from notifications_python_client.notifications import NotificationsAPIClient",
    "from jwt import PyJWKClient",
]


def ruff_on(source: str, filename: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(RUFF), "check", "--select", "TID251", "--stdin-filename", filename, "-"],
        input=source + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


@pytest.mark.parametrize("line", PLANTED)
def test_http_outside_the_client_layer_fails_the_lint(line: str) -> None:
    result = ruff_on(line, "zaken/services/planted.py")

    assert result.returncode == 1, result.stdout
    assert "TID251" in result.stdout


def test_the_client_layer_itself_may_speak_http() -> None:
    result = ruff_on("import requests", "mijnomgeving/clients/planted.py")

    assert result.returncode == 0, result.stdout
