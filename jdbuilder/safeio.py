"""Reading what users give the app: regular files only, and never more than a limit.

A FIFO, a device (a symlink to /dev/zero) or a socket given as a project, a document, a settings
file or a logo would block forever or be read without end; they are refused with one line. The
file is opened without blocking and checked again through the open handle (so it cannot be
swapped for something else in between), and read in chunks that stop as soon as the limit is
passed, whatever size the file claims.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

CHUNK = 1 << 20

_KINDS = ((stat.S_ISDIR, "is a folder, not a file"),
          (stat.S_ISFIFO, "is a pipe (FIFO), not a regular file"),
          (stat.S_ISCHR, "is a device, not a regular file"),
          (stat.S_ISBLK, "is a device, not a regular file"),
          (stat.S_ISSOCK, "is a socket, not a regular file"))


class ReadProblem(Exception):
    """Why a file could not be read, in words (callers wrap it in their own error type)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _kind(mode: int) -> str | None:
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return None if stat.S_ISREG(mode) else "is not a regular file"


def mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n < 10 * 1024 * 1024 else f"{n // (1024 * 1024)} MB"


def check_regular(path: str | Path) -> int:
    """The size of a regular file; a `ReadProblem` for anything else (following symlinks)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadProblem("file not found") from None
    except PermissionError:
        raise ReadProblem("permission denied") from None
    except OSError as exc:
        raise ReadProblem(f"cannot be read ({exc.strerror or exc})") from None
    reason = _kind(st.st_mode)
    if reason:
        raise ReadProblem(reason)
    return st.st_size


def read_limited(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes."""
    check_regular(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ReadProblem("file not found") from None
    except PermissionError:
        raise ReadProblem("permission denied") from None
    except OSError as exc:
        if exc.errno in (errno.ENXIO, errno.EAGAIN):
            raise ReadProblem("is a pipe (FIFO), not a regular file") from None
        raise ReadProblem(f"cannot be read ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        reason = _kind(st.st_mode)
        if reason:
            raise ReadProblem(reason)
        if st.st_size > limit:
            raise ReadProblem(f"is too large ({mb(st.st_size)}; the limit is {mb(limit)})")
        parts: list[bytes] = []
        total = 0
        while True:
            try:
                chunk = os.read(fd, min(CHUNK, limit + 1 - total))
            except OSError as exc:
                raise ReadProblem(f"cannot be read ({exc.strerror or exc})") from None
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while we read, or it claimed a smaller size
                raise ReadProblem(f"is too large (more than {mb(limit)})")
        return b"".join(parts)
    finally:
        os.close(fd)
