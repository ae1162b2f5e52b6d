"""`self_test()`: check that this installation works, without a display.

Loads the library, lexicons and question bank, builds the main window offscreen, runs a
language check, exports a template project to a temporary folder and checks the files. Prints
one line per step; returns 0 when everything works, 1 otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jdbuilder.vocab import Verdict

ROLE = "peer-specialist"
BAD_SENTENCE = "Supports addicts who are non-compliant with treatment."


def _needs_offscreen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


class _Steps:
    def __init__(self) -> None:
        self.failed = False

    def run(self, name: str, fn: Callable[[], str]) -> Any:
        start = time.perf_counter()
        try:
            detail = fn()
        except Exception as exc:  # every failure is one readable line
            print(f"self-test: {name}: FAILED: {type(exc).__name__}: {exc}", flush=True)
            self.failed = True
            raise _Stop from None
        took = time.perf_counter() - start
        print(f"self-test: {name}: ok ({detail}; {took:.2f} s)", flush=True)


class _Stop(Exception):
    pass


def self_test() -> int:
    if _needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    steps = _Steps()
    state: dict[str, Any] = {}
    try:
        _run(steps, state)
    except _Stop:
        pass
    finally:
        window = state.get("window")
        if window is not None:
            window.dispose()
        tmp = state.get("tmp")
        if tmp is not None:
            tmp.cleanup()
    print("self-test: " + ("FAILED" if steps.failed else "all steps passed"), flush=True)
    return 1 if steps.failed else 0


def _run(steps: _Steps, state: dict[str, Any]) -> None:
    def qt() -> str:
        from PySide6.QtCore import qVersion
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(["jdbuilder", "--self-test"])
        state["app"] = app
        return f"Qt {qVersion()}, platform {QGuiApplication.platformName()}"

    def library() -> str:
        from jdbuilder.library import load_user_library
        from jdbuilder.settings import load_settings

        settings, problem = load_settings()
        lib = load_user_library(settings.organisation_library)
        if problem is not None:
            lib.problems.insert(0, problem)
        lib.index()
        state["library"] = lib
        if ROLE not in lib.roles:
            raise RuntimeError(f"the role template '{ROLE}' is missing")
        problems = f", {len(lib.problems)} problem(s) in user layers" if lib.problems else ""
        return f"{len(lib.roles)} roles, {len(lib.statements)} statements{problems}"

    def lexicons() -> str:
        from jdbuilder.language import check
        from jdbuilder.language.lexicon import builtin_lexicon

        lex = builtin_lexicon()
        found = check(BAD_SENTENCE, lexicon=lex)
        if not found:
            raise RuntimeError("the language check found nothing in a sentence it must flag")
        rules = getattr(lex, "rules", None)
        n = len(rules) if rules is not None else "all"
        return f"{n} rules loaded, {len(found)} finding(s) in the test sentence"

    def bank() -> str:
        from jdbuilder.interview import check_question
        from jdbuilder.interview.bank import default_bank

        questions = default_bank()
        state["bank"] = questions
        verdict = check_question("How old are you?").verdict
        if verdict != Verdict.NOT_ALLOWED:
            raise RuntimeError("the question check allowed a prohibited question")
        return f"{len(questions)} questions; question check works"

    def window() -> str:
        from jdbuilder.ui.services.context import AppContext
        from jdbuilder.ui.views.main_window import MainWindow

        ctx = AppContext()
        ctx.use(state["library"], state["bank"])
        state["ctx"] = ctx
        win = MainWindow(ctx=ctx, start_background=False)
        state["window"] = win
        win.resize(1280, 800)
        win.show()
        win.files.new_from_template(ROLE)
        if not win.project_open:
            raise RuntimeError("the template did not open")
        return f"main window with '{win.doc.jd.title}'"

    def live_check() -> str:
        win = state["window"]
        win.doc.insert(("jd", "abilities"), len(win.doc.jd.abilities), BAD_SENTENCE)
        win.checker.start()
        win.checker.request(immediate=True)
        if not win.checker.wait_until_idle(60_000):
            raise RuntimeError("the language check did not finish within a minute")
        counts = win.checker.last.counts()
        if not sum(counts.values()):
            raise RuntimeError("the live check found nothing in a sentence it must flag")
        from jdbuilder.ui.widgets.icons import counted

        return ", ".join(counted(k, n) for k, n in counts.items()) + " (off the UI thread)"

    def export() -> str:
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        from jdbuilder.export.build import FORMATS
        from jdbuilder.ui.dialogs.export import ExportDialog

        win = state["window"]
        tmp = tempfile.TemporaryDirectory(prefix="jdbuilder-self-test-")
        state["tmp"] = tmp
        folder = Path(tmp.name) / "out"
        dialog = ExportDialog(win.doc.to_project(), folder=folder, parent=win)
        for key, box in dialog.documents.items():
            box.setChecked(key in ("jd", "ad"))
        result: dict[str, Any] = {}
        dialog.exportFinished.connect(lambda files: result.update(files=files))
        dialog.exportFailed.connect(lambda msg: result.update(error=msg))
        dialog.start()
        deadline = QDeadlineTimer(120_000)
        while not result and not deadline.hasExpired():
            QCoreApplication.processEvents()
            time.sleep(0.01)
        if "error" in result:
            raise RuntimeError(result["error"])
        files = [Path(p) for p in result.get("files", [])]
        expected = 2 * len(FORMATS)
        if len(files) != expected or not all(p.is_file() and p.stat().st_size > 0
                                             for p in files):
            raise RuntimeError(f"expected {expected} non-empty files, found {len(files)}")
        return ", ".join(p.name for p in files)

    for name, fn in (("Qt", qt), ("library", library), ("lexicons", lexicons),
                     ("question bank", bank), ("main window", window),
                     ("language check", live_check), ("export", export)):
        steps.run(name, fn)


if __name__ == "__main__":
    sys.exit(self_test())
