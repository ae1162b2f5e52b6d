"""Where the shipped data lives, from a source checkout, an installed wheel or a frozen build.

In a wheel, `resources/` and `lexicons/` are installed as the data packages `jdbuilder.resources`
and `jdbuilder.lexicons` (folders inside the installed package), found beside this module or
through `importlib.resources`. In a source checkout that is not
installed they sit beside the package. A frozen build unpacks them under `sys._MEIPASS`.
"""

from __future__ import annotations

import importlib.resources
import sys
from functools import cache
from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parent


def _locate(name: str) -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidate = Path(frozen) / name
        if candidate.is_dir():
            return candidate
    installed = _PACKAGE_ROOT / name  # an installed wheel: jdbuilder/resources, .../lexicons
    if installed.is_dir():
        return installed
    try:
        found = importlib.resources.files(f"jdbuilder.{name}")
        path = Path(str(found))
        if path.is_dir() and path != _PACKAGE_ROOT:
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    candidate = _PACKAGE_ROOT.parent / name  # a source checkout
    if candidate.is_dir():
        return candidate
    raise FileNotFoundError(f"jdbuilder data folder '{name}' is missing from this installation")


@cache
def resources_dir() -> Path:
    """The folder holding library/, questions/ and fonts/."""
    return _locate("resources")


@cache
def lexicons_dir() -> Path:
    """The folder holding one YAML lexicon per language-check category."""
    return _locate("lexicons")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
