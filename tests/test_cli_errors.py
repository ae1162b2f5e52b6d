"""No command prints a traceback: the last-resort handler, closed pipes, worker errors."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jdbuilder import cli
from jdbuilder.cli import main


def test_an_unexpected_error_is_one_line_with_a_log(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str],
                                                    _isolated_user_data: Path) -> None:
    def broken(_args: argparse.Namespace) -> int:
        return {}["missing"]  # type: ignore[no-any-return]  # a bug: KeyError

    monkeypatch.setattr(cli, "cmd_roles", broken)
    assert main(["roles"]) == 2
    err = capsys.readouterr().err
    (line,) = err.splitlines()
    assert line.startswith("jdbuilder: error: unexpected problem (KeyError: 'missing')")
    assert "Traceback" not in err
    (log,) = (_isolated_user_data / "logs").iterdir()
    assert str(log) in line
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "KeyError" in text and "roles" in text
    if os.name == "posix":
        assert log.stat().st_mode & 0o777 == 0o600


def test_an_os_error_names_the_file(monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    def full(_args: argparse.Namespace) -> int:
        raise OSError(28, "No space left on device", "/media/usb/jd.pdf")

    monkeypatch.setattr(cli, "cmd_roles", full)
    assert main(["roles"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("jdbuilder: error: /media/usb/jd.pdf: No space left on device")


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    text = tmp_path / "many.txt"
    text.write_text("Helps addicts find housing.\n" * 20_000, encoding="utf-8")
    # the reader takes one line and goes away, as `| head -1` does
    proc = subprocess.Popen([sys.executable, "-m", "jdbuilder", "check", str(text)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) in (0, 1)
    assert err == ""


def test_an_error_in_a_worker_process_arrives_whole(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker whose file cannot be written (a full disk at the last step) raises the same
    one-line error as the single-process path, not a broken pool; no temporary file is left."""
    import jdbuilder.atomic as atomic
    from jdbuilder.errors import InputError
    from jdbuilder.export import build as builds
    from jdbuilder.library import load_library, template_job_description
    from jdbuilder.project import Project
    from jdbuilder.workers import process_pool

    def full(_src: object, dst: object) -> None:
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(atomic.os, "replace", full)  # the forked workers inherit it
    monkeypatch.setattr(builds, "_pool", lambda _jobs: process_pool(2))
    jd = template_job_description(load_library().role("peer-specialist"))
    out = tmp_path / "out"
    with pytest.raises(InputError, match=r"could not be written \(No space left on device\)"):
        builds.build(Project(jd), out, builds.BuildOptions(formats=("docx", "pdf"),
                                                           parallel=True))
    assert list(out.iterdir()) == []
