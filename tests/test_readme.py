"""The README documents every environment variable the settings read (and keeps doing so)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READ = re.compile(r"\b(?:env|env_bool|env_int|env_float|env_list)\(\s*\"([A-Z][A-Z0-9_]+)\"")


def test_every_setting_read_from_the_environment_is_in_the_readme() -> None:
    names = {
        name
        for path in (ROOT / "mijnomgeving" / "settings").glob("*.py")
        for name in READ.findall(path.read_text())
    }
    readme = (ROOT / "README.md").read_text()

    assert len(names) > 40  # the pattern still finds the settings' reads
    assert sorted(name for name in names if f"`{name}`" not in readme and name not in readme) == []
