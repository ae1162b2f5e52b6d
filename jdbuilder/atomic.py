"""Atomic file writes: a reader sees the old file or the new one, never a mix or a stub.

The data goes to a temporary file in the same folder, is flushed and fsynced, and then replaces
the target with `os.replace`, which is atomic on the same file system (POSIX and Windows).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import tempfile
import time
from pathlib import Path


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _default_mode() -> int:
    """The mode a newly created file gets under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


STALE_SECONDS = 600


def _remove_stale(folder: Path, name: str) -> None:
    """Temporary files a crashed write left for this target (old enough not to be in use)."""
    now = time.time()
    try:
        for old in folder.glob(f".{glob.escape(name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if now - old.stat().st_mtime > STALE_SECONDS:
                    old.unlink()
    except OSError:
        pass


PRIVATE_MODE = 0o600  # owner-only: user data (settings, recovery files, the name key ...)


def _temp_in(folder: Path, name: str, private: bool = False) -> tuple[int, Path]:
    _remove_stale(folder, name)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    target = folder / name
    try:
        if private:
            mode = PRIVATE_MODE
        else:
            mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
        os.chmod(tmp, mode)
    except OSError:
        pass
    return fd, Path(tmp)


def atomic_write_bytes(path: str | Path, data: bytes, *, backup: bool = False,
                       private: bool = False) -> None:
    """Write `data` to `path` atomically; with `backup`, keep the old file as `path.bak`; with
    `private`, the file is owner-only (0600 on POSIX) whatever the umask.

    On any failure the target is left as it was and the temporary file is removed.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = _temp_in(folder, target.name, private)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if backup and target.exists():
            _make_backup(target)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def atomic_write_text(path: str | Path, text: str, *, backup: bool = False,
                      private: bool = False) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), backup=backup, private=private)


def _make_backup(target: Path) -> None:
    """Copy the current file to `NAME.bak` atomically (link where possible, else copy)."""
    bak = target.with_name(target.name + ".bak")
    fd, tmp = _temp_in(target.parent, bak.name)
    os.close(fd)
    try:
        try:
            os.unlink(tmp)
            os.link(target, tmp)
        except OSError:
            shutil.copyfile(target, tmp)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, bak)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class AtomicOutput:
    """A path to write a new file to, which replaces the target only when `commit()` is called.

    Used by exporters whose libraries write to a path themselves (python-docx, reportlab).
    """

    def __init__(self, target: str | Path) -> None:
        self.target = Path(target)
        fd, tmp = _temp_in(self.target.parent, self.target.name)
        os.close(fd)
        self.temp = tmp

    def commit(self) -> None:
        with open(self.temp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(self.temp, self.target)
        _fsync_dir(self.target.parent)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            os.unlink(self.temp)

    def __enter__(self) -> AtomicOutput:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is not None:
            self.discard()
            return
        try:
            self.commit()
        except BaseException:  # a full disk or a read-only folder at the last step
            self.discard()
            raise
