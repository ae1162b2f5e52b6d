"""Reading what users give the app: regular files only, never more than a limit."""

from __future__ import annotations

import os
import socket
import sys
import time
from pathlib import Path

import pytest

from jdbuilder.safeio import ReadProblem, check_regular, read_limited

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and devices are POSIX")


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"x" * 3000)
    assert read_limited(p, 3000) == b"x" * 3000
    assert check_regular(p) == 3000


def test_a_file_over_the_limit_is_refused_with_both_sizes(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"x" * (2 * 1024 * 1024))
    with pytest.raises(ReadProblem, match=r"too large \(2.0 MB; the limit is 1.0 MB\)"):
        read_limited(p, 1024 * 1024)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ReadProblem, match="file not found"):
        read_limited(tmp_path / "nope", 10)
    with pytest.raises(ReadProblem, match="is a folder"):
        read_limited(tmp_path, 10)


@posix_only
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "project.jdb"
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(ReadProblem, match="pipe"):
        read_limited(fifo, 100)
    assert time.monotonic() - start < 2


@posix_only
def test_a_symlink_to_an_endless_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.docx"
    link.symlink_to("/dev/zero")
    with pytest.raises(ReadProblem, match="device"):
        read_limited(link, 100)


@posix_only
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        with pytest.raises(ReadProblem, match="socket"):
            check_regular(path)


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file_says_permission_denied(tmp_path: Path) -> None:
    p = tmp_path / "secret.jdb"
    p.write_text("{}", encoding="utf-8")
    p.chmod(0)
    try:
        with pytest.raises(ReadProblem, match="permission denied"):
            read_limited(p, 100)
    finally:
        p.chmod(0o600)
