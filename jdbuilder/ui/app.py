"""Starting the desktop app: `run_app(argv)` creates the QApplication and shows the window.

Only light modules are imported before the window is shown; the library, the question bank
and the language check (spaCy) load on pool threads afterwards.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from jdbuilder import APP_NAME, __version__


def _install_excepthook() -> None:
    """An unexpected error becomes a plain-words dialog (the details go to stderr)."""
    showing = False

    def hook(kind: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        nonlocal showing
        traceback.print_exception(kind, exc, tb, file=sys.stderr)
        if showing or QApplication.instance() is None:
            return
        showing = True
        try:
            QMessageBox.warning(None, APP_NAME, f"Something went wrong: {exc}\n\nYour work "
                                "is autosaved; save it under a new name to be safe.")
        finally:
            showing = False

    sys.excepthook = hook


def project_args(argv: list[str]) -> list[str]:
    """The .jdb files named on the command line (argv may or may not start with the program)."""
    return [a for a in argv if a.lower().endswith(".jdb") and not a.startswith("-")]


class _FileOpenFilter(QObject):
    """macOS hands a double-clicked .jdb to the running app as a file-open event."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            path = event.file()  # type: ignore[attr-defined]
            if path.lower().endswith(".jdb"):
                self._window.files.open_after_start(path)
                return True
        return False


def run_app(argv: list[str]) -> int:
    """Show the main window (opening a .jdb given on the command line) and run the event loop."""
    app = QApplication.instance()
    if app is None:
        qt_argv = list(argv) if argv else [APP_NAME]
        if qt_argv[0].lower().endswith(".jdb"):
            qt_argv.insert(0, APP_NAME)
        app = QApplication(qt_argv)
    app.setApplicationName(APP_NAME)
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    from jdbuilder.ui.views.main_window import MainWindow

    _install_excepthook()
    window = MainWindow()
    app.installEventFilter(_FileOpenFilter(window))
    window.show()
    files = project_args(argv)
    if files:
        window.files.open_after_start(files[0])
    return int(app.exec())


def main() -> int:
    return run_app(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
