"""Helpers for the desktop-app tests: scripted dialogs and waiting for the live check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog

from jdbuilder.ui.services.prompts import Dialogs

CHECK_TIMEOUT = 60_000  # the first check of a session loads spaCy


class FakeDialogs(Dialogs):
    """Scripted answers: `answers[name]` is a value, a list (used in order) or a callable."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.answers: dict[str, Any] = {}

    def _answer(self, name: str, default: Any, *args: Any) -> Any:
        self.calls.append((name, args))
        answer = self.answers.get(name, default)
        if callable(answer):
            return answer(*args)
        if isinstance(answer, list):
            return answer.pop(0) if answer else default
        return answer

    def called(self, name: str) -> list[tuple[Any, ...]]:
        return [args for n, args in self.calls if n == name]

    def ask_save_changes(self, parent: Any, name: str) -> str:
        return self._answer("ask_save_changes", "discard", name)

    def file_changed(self, parent: Any, name: str) -> str:
        return self._answer("file_changed", "cancel", name)

    def open_project(self, parent: Any, folder: str) -> str | None:
        return self._answer("open_project", None, folder)

    def save_project(self, parent: Any, suggested: str) -> str | None:
        return self._answer("save_project", None, suggested)

    def open_file(self, parent: Any, title: str, folder: str, filters: str) -> str | None:
        return self._answer("open_file", None, title)

    def save_file(self, parent: Any, title: str, suggested: str, filters: str) -> str | None:
        return self._answer("save_file", None, title, suggested)

    def choose_folder(self, parent: Any, title: str, folder: str) -> str | None:
        return self._answer("choose_folder", None, title)

    def choose_item(self, parent: Any, title: str, label: str, items: Any) -> int | None:
        return self._answer("choose_item", 0, title, list(items))

    def error(self, parent: Any, title: str, message: str) -> None:
        self._answer("error", None, message)

    def info(self, parent: Any, title: str, message: str) -> None:
        self._answer("info", None, message)

    def confirm(self, parent: Any, title: str, message: str) -> bool:
        return bool(self._answer("confirm", True, message))

    def offer_recovery(self, parent: Any, description: str) -> bool:
        return bool(self._answer("offer_recovery", True, description))

    def findings_open(self, parent: Any, title: str, message: str, go_on: str) -> str:
        return str(self._answer("findings_open", "continue", title, message, go_on))

    def about(self, parent: Any, title: str, html: str) -> None:
        self._answer("about", None, html)

    def run(self, dialog: QDialog) -> int:
        return int(self._answer("run", QDialog.DialogCode.Rejected, dialog))



def wait_checked(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.checker.idle, timeout=CHECK_TIMEOUT)


def active(qtbot: Any, window: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def save_to(window: Any, dialogs: FakeDialogs, path: Path) -> None:
    dialogs.answers["save_project"] = str(path)
    assert window.files.save_as()


def underline_pixels(field: Any, kind: str) -> tuple[int, int]:
    """Pixels of the `kind` underline color painted in the field near its text's baselines:
    (under the spans of that kind, anywhere else)."""
    from jdbuilder.ui.widgets.highlight import SPELLING, segments, underline_color

    field.viewport().repaint()
    image = field.viewport().grab().toImage()
    want = underline_color(kind, field.palette())
    if kind == SPELLING:
        spans = [(a, b) for a, b, _m in field.misspellings()]
    else:
        spans = [(sp.start, sp.end) for sp in field.underlines.spans if sp.severity == kind]
    pieces = [seg for a, b in spans for seg in segments(field.document(), a, b)]
    inside = outside = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if abs(c.red() - want.red()) + abs(c.green() - want.green()) + \
                    abs(c.blue() - want.blue()) > 100:
                continue
            if any(x1 - 2 <= x <= x2 + 2 and y0 - 3 <= y <= y0 + 9 for x1, x2, y0 in pieces):
                inside += 1
            else:
                outside += 1
    return inside, outside
