"""Write a PNG of each view, offscreen: `python -m jdbuilder.ui.screenshots OUTDIR`.

By default every view is written at 1366x768 and 1920x1080, in the light and the dark palette,
into OUTDIR/1366x768-light/, OUTDIR/1366x768-dark/, OUTDIR/1920x1080-light/ and
OUTDIR/1920x1080-dark/. `--size WxH` and `--palette light|dark` write one set straight into
OUTDIR; `--scale 1.5` renders as at 150% display scaling (QT_SCALE_FACTOR).

Views: start; the job description with findings, its right-click menu on a flagged phrase and
on a misspelled word; the library; the job ad; the interview kit's questions, interviewers and
candidates, and coverage; scoring; the export dialog; the print chooser and the print preview.
Each set also lists, in truncated.txt, any label or button whose text does not fit (empty when
everything reads whole). Runs with its own temporary user-data folder, so the user's settings,
recent files and recovery files are untouched.
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
MISSPELLED = " They recieve weekly supervison."
PROHIBITED = "Have you ever been hospitalized for a mental illness?"
SIZES = ((1366, 768), (1920, 1080))
PALETTES = ("light", "dark")


def _pump(ms: int = 50) -> None:
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer

    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        QCoreApplication.processEvents()
        time.sleep(0.005)


def dark_palette() -> Any:
    """A dark palette as a platform's dark mode gives one (Fusion's roles, dark colors)."""
    from PySide6.QtGui import QColor, QPalette

    p = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 30), QColor(232, 232, 232)
    roles = QPalette.ColorRole
    for role, color in ((roles.Window, window), (roles.WindowText, text), (roles.Base, base),
                        (roles.AlternateBase, QColor(40, 40, 44)), (roles.Text, text),
                        (roles.Button, QColor(58, 58, 62)), (roles.ButtonText, text),
                        (roles.ToolTipBase, QColor(60, 60, 64)), (roles.ToolTipText, text),
                        (roles.PlaceholderText, QColor(160, 160, 160)),
                        (roles.Highlight, QColor(38, 110, 190)),
                        (roles.HighlightedText, QColor(255, 255, 255)),
                        (roles.Link, QColor(120, 180, 255)),
                        (roles.BrightText, QColor(255, 90, 90)),
                        (roles.Light, QColor(80, 80, 84)), (roles.Midlight, QColor(66, 66, 70)),
                        (roles.Mid, QColor(50, 50, 54)), (roles.Dark, QColor(25, 25, 27)),
                        (roles.Shadow, QColor(0, 0, 0))):
        p.setColor(role, color)
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor(130, 130, 130))
    return p


def set_palette(app: Any, name: str) -> None:
    from PySide6.QtWidgets import QStyleFactory

    if "Fusion" in list(QStyleFactory.keys()):
        app.setStyle("Fusion")  # a style that draws with the palette on every platform
    app.setPalette(dark_palette() if name == "dark" else app.style().standardPalette())


def truncated(root: Any) -> list[str]:
    """Labels, buttons and check boxes of `root` whose text is cut (narrower than it needs)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or w.width() <= 0:
            continue
        if isinstance(w, QLabel) and w.text() and not w.wordWrap() and w.pixmap().isNull():
            need = w.fontMetrics().horizontalAdvance(w.text().replace("&", "")) \
                if w.textFormat() != w.textFormat().RichText else 0
            if need and w.contentsRect().width() + 1 < need and "<" not in w.text():
                out.append(f"label {w.text()!r}: {w.width()} < {need}")
        elif isinstance(w, QAbstractButton) and w.text() and \
                w.width() + 1 < w.minimumSizeHint().width():
            out.append(f"{type(w).__name__} {w.text()!r}: {w.width()} < "
                       f"{w.minimumSizeHint().width()}")
    return out


class Shots:
    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self.paths: list[Path] = []
        self.problems: list[str] = []
        outdir.mkdir(parents=True, exist_ok=True)

    def save(self, widget: Any, name: str, check: Any = None) -> Path:
        _pump(80)
        path = self.outdir / f"{len(self.paths) + 1:02d}-{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        self.problems += [f"{path.name}: {p}" for p in truncated(check or widget)]
        self.paths.append(path)
        print(path, flush=True)
        return path

    def finish(self) -> None:
        (self.outdir / "truncated.txt").write_text(
            "".join(f"{p}\n" for p in self.problems), encoding="utf-8")


def take(outdir: Path, width: int = 1366, height: int = 768,
         palette: str = "light") -> list[Path]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["jdbuilder-screenshots"])
    app.setApplicationName("jdbuilder")
    set_palette(app, palette)
    from jdbuilder.ui.dialogs.export import ExportDialog
    from jdbuilder.ui.dialogs.print_choice import PrintChoiceDialog
    from jdbuilder.ui.services.context import AppContext
    from jdbuilder.ui.services.printing import PreviewDialog, PrintJob
    from jdbuilder.ui.services.spelling import spell_service
    from jdbuilder.ui.views.main_window import MainWindow

    shots = Shots(outdir)
    spell_service().load_now()
    ctx = AppContext()
    ctx.load_now()
    win = MainWindow(ctx=ctx, start_background=False)
    win.resize(width, height)
    win.show()
    win.checker.start()
    shots.save(win, "start")

    win.files.new_from_template("peer-specialist")
    doc = win.doc
    doc.insert(("jd", "areas", 0, "duties"), 1, BAD_DUTY, "add duty")
    doc.set_value(("jd", "function"), doc.jd.function.replace("people", "consumers", 1),
                  "edit function")
    doc.set_value(("jd", "supervision"), doc.jd.supervision + MISSPELLED, "edit supervision")
    win.checker.request(immediate=True)
    win.checker.wait_until_idle(60_000)
    win.findings_panel.select_index(0)
    win.jd_editor.focus_path(("jd", "areas", 0, "duties", 1))
    win.jd_editor.ensureWidgetVisible(win.jd_editor.fields[("jd", "function")], 0, 0)
    shots.save(win, "jd-editor-findings")

    field = win.jd_editor.fields[("jd", "areas", 0, "duties", 1)]
    win.jd_editor.ensureWidgetVisible(field, 0, 0)
    _menu_shot(shots, win, field, field.underlines.spans[0].start + 1, "menu-on-a-finding")
    spelled = win.jd_editor.fields[("jd", "supervision")]
    miss = spelled.misspellings()
    if miss:
        win.jd_editor.ensureWidgetVisible(spelled, 0, 0)
        _menu_shot(shots, win, spelled, miss[0][0] + 1, "menu-on-a-misspelling")

    win.library_panel.search.setText("advocacy")
    win.library_panel.refresh()
    win.library_panel.view.setFocus()
    shots.save(win, "library")
    win.library_panel.search.clear()
    win.library_panel.refresh()

    win.tabs.setCurrentWidget(win.ad_tab)
    win.checker.wait_until_idle(60_000)
    shots.save(win, "job-ad")

    win.tabs.setCurrentWidget(win.kit_tab)
    kit_tab = win.kit_tab
    bank = list(kit_tab.bank.questions())[:3]
    for bq in bank:
        kit_tab.questions.add_bank_question(bq)
    area_titles = [a.title for a in doc.jd.areas]
    for i, _q in enumerate(doc.kit.questions):
        doc.set_value(("kit", "questions", i, "areas"), area_titles[i:i + 1])
    kit_tab.questions.write_own()
    kit_tab.questions.text.setPlainText(PROHIBITED)
    shots.save(win, "interview-kit")
    kit_tab.questions.remove_selected()

    people = kit_tab.people
    people.add_interviewer("A. Rivera")
    people.add_interviewer("J. Chen")
    people.add_candidate("C-101", "Sam Example")
    people.add_candidate("C-102", "Alex Example")
    people.add_candidate("C-103", "Robin Example")
    kit_tab.tabs.setCurrentWidget(people)
    shots.save(win, "interviewers-and-candidates")
    kit_tab.tabs.setCurrentWidget(kit_tab.coverage)
    shots.save(win, "coverage")
    kit_tab.tabs.setCurrentWidget(kit_tab.questions)

    kit = doc.kit
    table = [[4, 2], [3, 3], [5, 4]]
    for qi, q in enumerate(kit.questions):
        for ii, iv in enumerate(kit.interviewers):
            win.scoring_tab.set_score(iv.id, "C-101", q.id, table[qi][ii])
            win.scoring_tab.set_score(iv.id, "C-102", q.id, 3)
    win.scoring_tab.set_agreed("C-101", kit.questions[0].id, 3)
    win.tabs.setCurrentWidget(win.scoring_tab)
    shots.save(win, "scoring")

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
        shots.save(dialog, "export-dialog")
        dialog.close()

    items = win.output.print_items()
    chooser = PrintChoiceDialog("Print preview", [it.label for it in items],
                                [i for i, it in enumerate(items) if it.kind == "kit"], win)
    chooser.show()
    shots.save(chooser, "print-chooser")
    chooser.close()
    job = PrintJob([it.document for it in items if it.kind == "jd"])
    preview = PreviewDialog(job, win)
    preview.show()
    for _ in range(200):
        if preview.pages_painted:
            break
        _pump(50)
    shots.save(preview, "print-preview")
    preview.close()
    job.close()
    shots.finish()
    win.dispose()
    return shots.paths


def _menu_shot(shots: Shots, win: Any, field: Any, position: int, name: str) -> None:
    """The window with a field's right-click menu drawn where it opens."""
    from PySide6.QtGui import QPainter

    menu = field.context_menu(position)
    cursor = field.textCursor()
    cursor.setPosition(position)
    field.setTextCursor(cursor)
    at = field.viewport().mapTo(win, field.cursorRect(cursor).bottomRight())
    menu.adjustSize()
    menu.ensurePolished()
    _pump(60)
    picture = win.grab()
    pop = menu.grab()
    x = min(at.x(), max(0, win.width() - pop.width()))
    y = min(at.y(), max(0, win.height() - pop.height()))
    painter = QPainter(picture)
    painter.drawPixmap(x, y, pop)
    painter.end()
    path = shots.outdir / f"{len(shots.paths) + 1:02d}-{name}.png"
    if not picture.save(str(path)):
        raise OSError(f"could not write {path}")
    shots.paths.append(path)
    print(path, flush=True)
    menu.deleteLater()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jdbuilder.ui.screenshots",
                                     description="Write a PNG of each view, offscreen.")
    parser.add_argument("outdir")
    parser.add_argument("--size", default="", help="one window size, WxH (default: "
                        "1366x768 and 1920x1080)")
    parser.add_argument("--palette", choices=PALETTES, default="",
                        help="one palette (default: light and dark)")
    parser.add_argument("--scale", default="", help="display scaling (e.g. 1.5 for 150%%)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = args.scale
    sizes = [tuple(int(x) for x in args.size.lower().split("x"))] if args.size else SIZES
    palettes = [args.palette] if args.palette else list(PALETTES)
    single = len(sizes) == 1 and len(palettes) == 1
    out = Path(args.outdir)
    problems = 0
    with tempfile.TemporaryDirectory(prefix="jdbuilder-home-") as home:
        os.environ["JDBUILDER_HOME"] = home
        for w, h in sizes:
            for palette in palettes:
                folder = out if single else out / f"{w}x{h}-{palette}"
                take(folder, w, h, palette)
                lines = (folder / "truncated.txt").read_text(encoding="utf-8").splitlines()
                for line in lines:
                    print(f"truncated: {folder.name}/{line}", file=sys.stderr)
                problems += len(lines)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
