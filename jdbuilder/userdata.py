"""The platform's per-user data and settings folders (never the install folder).

Everything written there is the user's own (settings, the personal library and dictionary,
recovery files that can hold a candidate name key, logs): folders are created owner-only (0700
on POSIX) and files written owner-only (0600), whatever the umask.
"""

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


PRIVATE_FOLDER_MODE = 0o700


def private_folder(folder: Path) -> Path:
    """Create `folder` owner-only, and tighten it and its parents up to the user-data folder
    when they are inside it (folders elsewhere, such as a chosen library, are left alone)."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER_MODE)
    if os.name != "posix":
        return folder
    root = user_data_dir()
    try:
        inside = folder.resolve() == root.resolve() or root.resolve() in folder.resolve().parents
    except OSError:
        inside = False
    if inside:
        here = folder.resolve()
        stop = root.resolve()
        while True:
            try:
                if here.stat().st_uid == os.getuid():
                    os.chmod(here, PRIVATE_FOLDER_MODE)
            except OSError:
                pass
            if here == stop or here.parent == here:
                break
            here = here.parent
    return folder


def write_private(path: Path, text: str, *, backup: bool = False) -> None:
    """Write a user-data file atomically, owner-only, in an owner-only folder."""
    from jdbuilder.atomic import atomic_write_text

    private_folder(path.parent)
    atomic_write_text(path, text, backup=backup, private=True)
