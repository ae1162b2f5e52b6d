"""The window as the controllers see it: a protocol, so controllers sit below the views."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from jdbuilder.model.fields import ValuePath
from jdbuilder.model.statement import Statement
from jdbuilder.ui.services.checker import FindingRef


class Workspace(Protocol):
    @property
    def project_open(self) -> bool: ...

    def dialog_parent(self) -> QWidget:
        """The widget modal dialogs belong to (the main window)."""
        ...

    def show_workspace(self) -> None: ...

    def show_start(self) -> None: ...

    def show_status(self, message: str, ms: int = 4000) -> None: ...

    def project_opened(self) -> None:
        """A project has been loaded into the document: point the panels at it."""
        ...

    def recent_files_changed(self) -> None: ...

    def go_to(self, path: ValuePath, start: int = 0, end: int = 0) -> None:
        """Show the field at `path` (selecting start..end of its text)."""
        ...

    def insert_into_editor(self, statement: Statement) -> None: ...

    def current_library_statement(self) -> Statement | None: ...

    def current_part(self) -> str:
        """Which part of the project is shown: "jd", "ad", "kit" or "scoring"."""
        ...

    def open_findings(self) -> dict[str, int]:
        """The language findings not yet dealt with, counted by severity."""
        ...

    def show_finding(self, ref: FindingRef) -> None:
        """Show one finding in the findings panel, selected, with its explanation."""
        ...

    def review_findings(self) -> None:
        """Show the findings panel with its first finding selected and focused."""
        ...
