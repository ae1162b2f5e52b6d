"""The platform's per-user data and settings folders (never the install folder)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from jdbuilder import APP_NAME


def user_data_dir() -> Path:
    """Per-user data: the personal library, recovery files, recent files.

    `JDBUILDER_HOME` overrides the location (tests and portable installs use it).
    """
    override = os.environ.get("JDBUILDER_HOME")
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
        return base / APP_NAME
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_NAME
    base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / APP_NAME
