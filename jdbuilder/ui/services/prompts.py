"""Every modal question the app asks, in one replaceable object.

The window and its controllers call these methods instead of QMessageBox and QFileDialog
directly, so tests pass a subclass with scripted answers and never block on a modal dialog.
"""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from jdbuilder.errors import JdbError

PROJECT_FILTER = "jdbuilder projects (*.jdb);;All files (*)"
P = ParamSpec("P")
R = TypeVar("R")


class Asks(Protocol):
    """What `guarded` needs: the prompts, and the widget its dialogs belong to."""

    @property
    def dialogs(self) -> Dialogs: ...

    def dialog_parent(self) -> QWidget: ...


S = TypeVar("S", bound=Asks)


def guarded(fn: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R | None]:
    """A JdbError (or anything unexpected) raised by an action becomes a plain-words dialog,
    never a traceback; the action then returns None."""

    @functools.wraps(fn)
    def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return fn(self, *args, **kwargs)
        except JdbError as exc:
            self.dialogs.error(self.dialog_parent(), "jdbuilder", str(exc))
        except Exception as exc:  # a bug: keep the app running and say what happened
            traceback.print_exc(file=sys.stderr)
            self.dialogs.error(self.dialog_parent(), "jdbuilder", f"Something went wrong: {exc}")
        return None

    return wrapper


class Dialogs:
    def ask_save_changes(self, parent: QWidget, name: str) -> str:
        """"save", "discard" or "cancel"."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to {name}?")
        box.setInformativeText("If you don't save, your changes will be lost.")
        box.setStandardButtons(QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def file_changed(self, parent: QWidget, name: str) -> str:
        """The project file changed on disk since it was opened or saved here (another window,
        another person on a shared drive): "overwrite", "save_as" or "cancel"."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("File changed on disk")
        box.setText(f"{name} was changed by another window or program since you opened it.")
        box.setInformativeText("Saving now replaces those changes with yours. Save under another "
                               "name to keep both.")
        overwrite = box.addButton("&Replace Their Changes", QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton("Save &As\u2026", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        if clicked is overwrite:
            return "overwrite"
        if clicked is save_as:
            return "save_as"
        return "cancel"

    def open_project(self, parent: QWidget, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, "Open project", folder, PROJECT_FILTER)
        return path or None

    def save_project(self, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, "Save project", suggested, PROJECT_FILTER)
        return path or None

    def open_file(self, parent: QWidget, title: str, folder: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
        return path or None

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def choose_folder(self, parent: QWidget, title: str, folder: str) -> str | None:
        path = QFileDialog.getExistingDirectory(parent, title, folder)
        return path or None

    def choose_item(self, parent: QWidget, title: str, label: str,
                    items: Sequence[str]) -> int | None:
        text, ok = QInputDialog.getItem(parent, title, label, list(items), 0, False)
        if not ok or text not in items:
            return None
        return list(items).index(text)

    def error(self, parent: QWidget, title: str, message: str) -> None:
        QMessageBox.warning(parent, title, message)

    def info(self, parent: QWidget, title: str, message: str) -> None:
        QMessageBox.information(parent, title, message)

    def confirm(self, parent: QWidget, title: str, message: str) -> bool:
        answer = QMessageBox.question(parent, title, message)
        return answer == QMessageBox.StandardButton.Yes

    def offer_recovery(self, parent: QWidget, description: str) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Recover unsaved work")
        box.setText("jdbuilder did not close properly last time.")
        box.setInformativeText(f"Restore the unsaved work ({description})?")
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def findings_open(self, parent: QWidget, title: str, message: str, go_on: str) -> str:
        """Before an export or print with open findings: "continue", "review" or "cancel"."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(message)
        box.setInformativeText("Review them first, or go on and fix them later.")
        review = box.addButton("&Review the findings", QMessageBox.ButtonRole.RejectRole)
        proceed = box.addButton(go_on, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(review)
        box.exec()
        clicked = box.clickedButton()
        if clicked is proceed:
            return "continue"
        return "review" if clicked is review else "cancel"

    def about(self, parent: QWidget, title: str, html: str) -> None:
        QMessageBox.about(parent, title, html)

    def run(self, dialog: QDialog) -> int:
        """Show a dialog the app built (export, preferences, print preview) modally."""
        return dialog.exec()
