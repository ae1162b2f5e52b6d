from __future__ import annotations

import os
from pathlib import Path

import pytest

from jdbuilder.atomic import AtomicOutput, atomic_write_bytes, atomic_write_text


def test_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    p = tmp_path / "f.txt"
    atomic_write_bytes(p, b"one")
    atomic_write_bytes(p, b"two")
    assert p.read_bytes() == b"two"
    assert os.listdir(tmp_path) == ["f.txt"]


def test_new_files_get_normal_permissions(tmp_path: Path) -> None:
    p = tmp_path / "f.txt"
    atomic_write_bytes(p, b"x")
    mask = os.umask(0)
    os.umask(mask)
    assert p.stat().st_mode & 0o777 == 0o666 & ~mask


def test_failed_output_leaves_target_untouched(tmp_path: Path) -> None:
    p = tmp_path / "doc.pdf"
    p.write_bytes(b"old")
    with pytest.raises(RuntimeError), AtomicOutput(p) as out:
        out.temp.write_bytes(b"partial")
        raise RuntimeError("renderer failed")
    assert p.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["doc.pdf"]


def test_backup_keeps_previous(tmp_path: Path) -> None:
    p = tmp_path / "f.jdb"
    atomic_write_bytes(p, b"v1", backup=True)
    atomic_write_bytes(p, b"v2", backup=True)
    assert (tmp_path / "f.jdb.bak").read_bytes() == b"v1"
    assert p.read_bytes() == b"v2"


def test_stale_temporary_files_of_a_crashed_write_are_removed(tmp_path: Path) -> None:
    p = tmp_path / "f.jdb"
    stale = tmp_path / ".f.jdb.abc123.tmp"
    fresh = tmp_path / ".f.jdb.def456.tmp"
    other = tmp_path / ".g.jdb.zzz.tmp"
    for f in (stale, fresh, other):
        f.write_bytes(b"partial")
    old = 1_000_000_000
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    atomic_write_bytes(p, b"new")
    assert not stale.exists() and fresh.exists() and other.exists()


def test_a_failed_commit_removes_its_temporary_file(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import jdbuilder.atomic as atomic

    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")

    def refuse(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(OSError, match="No space"), atomic.AtomicOutput(target) as out:
        out.temp.write_bytes(b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_private_writes_are_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "key.json"
    atomic_write_text(target, "{}", private=True)
    assert target.stat().st_mode & 0o777 == 0o600
