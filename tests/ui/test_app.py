"""Start-up: run_app, spaCy kept off the UI thread, the self-test and the screenshots."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from jdbuilder import project as projects
from jdbuilder.library import template_job_description
from jdbuilder.ui.app import project_args, run_app

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["JDBUILDER_HOME"] = str(tmp_path / "home")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def test_project_args() -> None:
    assert project_args(["jdbuilder"]) == []
    assert project_args(["jdbuilder", "a.jdb", "-platform", "x"]) == ["a.jdb"]
    assert project_args(["B.JDB"]) == ["B.JDB"]


def test_the_window_shows_without_importing_spacy(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(['jdbuilder'])\n"
        "from jdbuilder.ui.views.main_window import MainWindow\n"
        "w = MainWindow(start_background=False)\n"
        "w.show()\n"
        "app.processEvents()\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=_env(tmp_path, QT_QPA_PLATFORM="offscreen"), cwd=ROOT,
                         timeout=120, check=True)
    assert out.stdout.split() == ["False"]


def test_run_app_opens_the_project_named_on_the_command_line(
        qtbot: Any, tmp_path: Path, library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from jdbuilder.ui.views.main_window import MainWindow

    path = tmp_path / "given.jdb"
    jd = template_job_description(library.role("peer-advocate"))
    projects.save(projects.Project(job_description=jd), path)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    seen: dict[str, Any] = {}

    def fake_exec(_self: Any = None) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                   and w.isVisible()]
        (window,) = windows
        qtbot.waitUntil(lambda: window.project_open, timeout=30_000)
        qtbot.waitUntil(lambda: window.ctx.library is not None and window.checker.idle,
                        timeout=60_000)
        seen.update(title=window.doc.jd.title, path=window.doc.file_path,
                    shown=window.isVisible())
        window.close()
        window.checker.pool.waitForDone(30_000)
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert run_app(["jdbuilder", str(path)]) == 0
    assert seen == {"title": jd.title, "path": path, "shown": True}


@pytest.mark.slow
def test_self_test_passes_without_a_display(tmp_path: Path) -> None:
    env = _env(tmp_path)
    env.pop("QT_QPA_PLATFORM", None)  # the self-test chooses offscreen itself
    out = subprocess.run([sys.executable, "-c", "import sys; from jdbuilder.ui.selftest "
                          "import self_test; sys.exit(self_test())"],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    lines = out.stdout.splitlines()
    assert out.returncode == 0, out.stdout + out.stderr
    steps = [line.split(":")[1].strip() for line in lines[:-1]]
    assert steps == ["Qt", "library", "lexicons", "question bank", "main window",
                     "language check", "export"]
    assert "platform offscreen" in lines[0]
    assert lines[-1] == "self-test: all steps passed"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


VIEWS = ["01-start.png", "02-jd-editor-findings.png", "03-menu-on-a-finding.png",
         "04-menu-on-a-misspelling.png", "05-library.png", "06-job-ad.png",
         "07-interview-kit.png", "08-interviewers-and-candidates.png", "09-coverage.png",
         "10-scoring.png", "11-export-dialog.png", "12-print-chooser.png",
         "13-print-preview.png"]
WINDOW_VIEWS = VIEWS[:10]


@pytest.mark.slow
def test_screenshots_of_each_view_in_two_sizes_and_two_palettes(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    done = subprocess.run([sys.executable, "-m", "jdbuilder.ui.screenshots", str(out)],
                          capture_output=True, text=True, env=_env(tmp_path), cwd=ROOT,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    sets = sorted(p.name for p in out.iterdir())
    assert sets == ["1366x768-dark", "1366x768-light", "1920x1080-dark", "1920x1080-light"]
    for folder in sets:
        size = tuple(int(x) for x in folder.split("-")[0].split("x"))
        names = sorted(p.name for p in (out / folder).glob("*.png"))
        assert names == VIEWS, folder
        for name in WINDOW_VIEWS:
            assert _png_size(out / folder / name) == size, (folder, name)
        # no label or button has its text cut
        assert (out / folder / "truncated.txt").read_text(encoding="utf-8") == "", folder
    assert not (tmp_path / "home").exists()  # the user's data folder is not touched


@pytest.mark.slow
def test_screenshots_at_150_percent_scaling(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    done = subprocess.run([sys.executable, "-m", "jdbuilder.ui.screenshots", str(out),
                           "--size", "1366x768", "--palette", "dark", "--scale", "1.5"],
                          capture_output=True, text=True, env=_env(tmp_path), cwd=ROOT,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert sorted(p.name for p in out.glob("*.png")) == VIEWS
    width, height = _png_size(out / "02-jd-editor-findings.png")
    assert (width, height) == (2049, 1152)  # 1366x768 at 150%
    assert (out / "truncated.txt").read_text(encoding="utf-8") == ""


def test_many_qt_calls_do_not_exhaust_none(tmp_path: Path) -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None on every void call; importing
    jdbuilder.ui guards against the interpreter aborting ("none_dealloc")."""
    code = (
        "import sys\n"
        "import jdbuilder.ui\n"
        "from PySide6.QtWidgets import QApplication, QTextEdit\n"
        "app = QApplication(['jdbuilder'])\n"
        "w = QTextEdit()\n"
        "for _ in range(50_000):\n"
        "    w.update()\n"
        "    w.setEnabled(True)\n"
        "print('done')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=_env(tmp_path, QT_QPA_PLATFORM="offscreen"), cwd=ROOT,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "done"
