"""Facts about the build shared by the spec, build.py, smoke_test.py and the packaging tests.

Imports nothing from jdbuilder (and nothing outside the standard library), so every packaging
script can use it before jdbuilder is installed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
APP_NAME = "jdbuilder"
BUNDLE_ID = "org.jdbuilder.jdbuilder"
DOCUMENT_UTI = "org.jdbuilder.project"
DOCUMENT_EXTENSION = "jdb"
ICONS = PACKAGING / "icons"


def version() -> str:
    """jdbuilder's version, read from jdbuilder/__init__.py without importing the package."""
    text = (ROOT / "jdbuilder" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise RuntimeError("jdbuilder/__init__.py has no __version__")
    return match.group(1)


def version_tuple(text: str | None = None) -> tuple[int, int, int, int]:
    """The version as four numbers for Windows version resources ("1.2.0rc1" -> 1, 2, 0, 0)."""
    numbers = [int(n) for n in re.findall(r"\d+", (text or version()).split("+")[0])[:3]]
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def app_folder(dist: Path) -> Path:
    """The one-folder application inside a dist folder (dist/jdbuilder)."""
    dist = Path(dist)
    return dist if (dist / "_internal").is_dir() else dist / APP_NAME


def cli_executable(dist: Path, platform: str = sys.platform) -> Path:
    """The executable to run commands with.

    Windows: the console companion `jdbuilder-cli.exe` (the GUI `jdbuilder.exe` has no console).
    macOS: the executable inside jdbuilder.app when the bundle was built, else the folder's.
    Linux: dist/jdbuilder/jdbuilder.
    """
    dist = Path(dist)
    if platform == "win32":
        return app_folder(dist) / f"{APP_NAME}-cli.exe"
    if platform == "darwin":
        for bundle in (dist / f"{APP_NAME}.app", dist.parent / f"{APP_NAME}.app", dist):
            exe = bundle / "Contents" / "MacOS" / APP_NAME
            if exe.is_file():
                return exe
    return app_folder(dist) / APP_NAME


def installed_folder(dist: Path, platform: str = sys.platform) -> Path:
    """The folder the installer copies: the .app bundle on macOS, the one-folder app elsewhere."""
    exe = cli_executable(dist, platform)
    if platform == "darwin" and exe.parent.name == "MacOS":
        return exe.parent.parent.parent
    return app_folder(dist)
