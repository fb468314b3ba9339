"""A static files finder that serves only the listed files from node_modules, not the whole tree."""

from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.staticfiles import utils
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage, Warning
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage


def npm_static_files() -> dict[str, Path]:
    """settings.NPM_STATIC_FILES ({static folder: [node_modules paths]}) as {static path: file}."""
    root = Path(settings.NODE_MODULES_DIR)
    files = {}
    for folder, sources in settings.NPM_STATIC_FILES.items():
        for source in sources:
            files[str(PurePosixPath(folder) / PurePosixPath(source).name)] = root / source
    return files


class NpmFilesFinder(BaseFinder):
    """Finds the few files settings.NPM_STATIC_FILES names; each keeps its own file name."""

    def check(self, **kwargs: object) -> list[CheckMessage]:
        missing = [str(source) for source in npm_static_files().values() if not source.is_file()]
        if not missing:
            return []
        return [
            Warning(
                "Static files from npm packages are missing: run `npm ci`.",
                hint=", ".join(missing[:3]) + (" ..." if len(missing) > 3 else ""),
                id="mijnomgeving.W001",
            )
        ]

    def find(self, path: str, find_all: bool = False, **kwargs: object) -> str | list[str] | None:
        source = npm_static_files().get(path.replace("\\", "/"))
        if source is None or not source.is_file():
            return [] if find_all else None
        return [str(source)] if find_all else str(source)

    def list(self, ignore_patterns: list[str] | None) -> Iterator[tuple[str, FileSystemStorage]]:
        for static_path, source in npm_static_files().items():
            if not source.is_file():
                raise ImproperlyConfigured(f"{source} is missing: run `npm ci` first.")
            if ignore_patterns and utils.matches_patterns(source.name, ignore_patterns):
                continue
            storage = FileSystemStorage(location=source.parent)
            storage.prefix = str(PurePosixPath(static_path).parent)
            yield source.name, storage
