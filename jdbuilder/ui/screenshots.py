"""Write a PNG of each main view, offscreen: `python -m jdbuilder.ui.screenshots OUTDIR`.

Views: start, the job description editor with findings, the library, the job ad, the
interview kit, scoring and the export dialog, at 1280x800 (pass --size WxH for another size,
--scale N for a high-DPI rendering). Runs with its own temporary user-data folder, so the
user's settings, recent files and recovery files are untouched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BAD_DUTY = ("Monitors clients for medication compliance and reports non-compliant addicts to "
            "the treatment team.")
PROHIBITED = "Have you ever been hospitalized for a mental illness?"


def _pump(ms: int = 50) -> None:
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer

    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        QCoreApplication.processEvents()
        time.sleep(0.005)


def _save(widget: Any, outdir: Path, name: str) -> Path:
    _pump(80)
    path = outdir / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path, flush=True)
    return path


def take(outdir: Path, width: int = 1280, height: int = 800) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["jdbuilder-screenshots"])
    app.setApplicationName("jdbuilder")
    from jdbuilder.ui.dialogs.export import ExportDialog
    from jdbuilder.ui.services.context import AppContext
    from jdbuilder.ui.views.main_window import MainWindow

    outdir.mkdir(parents=True, exist_ok=True)
    ctx = AppContext()
    ctx.load_now()
    win = MainWindow(ctx=ctx, start_background=False)
    win.resize(width, height)
    win.show()
    win.checker.start()
    shots = [_save(win, outdir, "01-start")]

    win.files.new_from_template("peer-specialist")
    doc = win.doc
    doc.insert(("jd", "areas", 0, "duties"), 1, BAD_DUTY, "add duty")
    doc.set_value(("jd", "function"), doc.jd.function.replace("people", "consumers", 1),
                  "edit function")
    win.checker.request(immediate=True)
    win.checker.wait_until_idle(60_000)
    win.findings_panel.select_index(0)
    win.jd_editor.focus_path(("jd", "areas", 0, "duties", 1))
    win.jd_editor.ensureWidgetVisible(win.jd_editor.fields[("jd", "function")], 0, 0)
    shots.append(_save(win, outdir, "02-jd-editor-findings"))

    win.library_panel.search.setText("advocacy")
    win.library_panel.refresh()
    win.library_panel.view.setFocus()
    shots.append(_save(win, outdir, "03-library"))
    win.library_panel.search.clear()
    win.library_panel.refresh()

    win.tabs.setCurrentWidget(win.ad_tab)
    win.checker.wait_until_idle(60_000)
    shots.append(_save(win, outdir, "04-job-ad"))

    win.tabs.setCurrentWidget(win.kit_tab)
    bank = list(win.kit_tab.bank.questions())[:3]
    for bq in bank:
        win.kit_tab.questions.add_bank_question(bq)
    area_titles = [a.title for a in doc.jd.areas]
    for i, _q in enumerate(doc.kit.questions):
        doc.set_value(("kit", "questions", i, "areas"), area_titles[i:i + 1])
    win.kit_tab.questions.write_own()
    win.kit_tab.questions.text.setPlainText(PROHIBITED)
    shots.append(_save(win, outdir, "05-interview-kit"))

    win.kit_tab.questions.remove_selected()
    people = win.kit_tab.people
    people.add_interviewer("A. Rivera")
    people.add_interviewer("J. Chen")
    people.add_candidate("C-101", "Sam Example")
    people.add_candidate("C-102", "Alex Example")
    kit = doc.kit
    table = [[4, 2], [3, 3], [5, 4]]
    for qi, q in enumerate(kit.questions):
        for ii, iv in enumerate(kit.interviewers):
            win.scoring_tab.set_score(iv.id, "C-101", q.id, table[qi][ii])
            win.scoring_tab.set_score(iv.id, "C-102", q.id, 3)
    win.scoring_tab.set_agreed("C-101", kit.questions[0].id, 3)
    win.tabs.setCurrentWidget(win.scoring_tab)
    shots.append(_save(win, outdir, "06-scoring"))

    with tempfile.TemporaryDirectory(prefix="jdbuilder-shots-") as tmp:
        dialog = ExportDialog(doc.to_project(), folder=Path(tmp) / "documents", parent=win)
        done: dict[str, Any] = {}
        dialog.exportFinished.connect(lambda files: done.update(files=files))
        dialog.exportFailed.connect(lambda msg: done.update(error=msg))
        dialog.show()
        dialog.start()
        for _ in range(2400):
            if done:
                break
            _pump(50)
        shots.append(_save(dialog, outdir, "07-export-dialog"))
        dialog.close()
    win.dispose()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jdbuilder.ui.screenshots",
                                     description="Write a PNG of each main view, offscreen.")
    parser.add_argument("outdir")
    parser.add_argument("--size", default="1280x800", help="window size, WxH")
    parser.add_argument("--scale", default="", help="device pixel ratio (e.g. 2 for 4K)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = args.scale
    w, h = (int(x) for x in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="jdbuilder-home-") as home:
        os.environ["JDBUILDER_HOME"] = home
        take(Path(args.outdir), w, h)
    return 0


if __name__ == "__main__":
    sys.exit(main())
