"""The open project as the window edits it: model objects, the undo stack and change signals.

Views never change the model directly: they call `set_value`, `insert`, `remove`, `move` or
`transfer`, which push undoable commands; every command ends in `notify`, which emits
`changed(path, structural)` so the views can refresh what the change touched.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from jdbuilder.model.fields import ValuePath, text_items
from jdbuilder.model.fields import label_for as field_label
from jdbuilder.model.jobad import Employer, JobAd, generate_ad, refresh_ad
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.kit import InterviewKit
from jdbuilder.project import Project
from jdbuilder.ui.editing.undo import ListInsert, ListMove, ListRemove, SetValue, get_at

__all__ = ["Document", "checkable_items", "label_for"]


class Document(QObject):
    changed = Signal(object, bool)  # path, structural
    reset = Signal()
    modifiedChanged = Signal(bool)
    fileChanged = Signal()
    adStaleChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.jd = JobDescription()
        self.ad = JobAd()
        self.kit = InterviewKit()
        self.employer = Employer()  # from the settings; the window keeps it current
        self.ad_stale: tuple[str, ...] = ()  # edited ad parts whose source has changed
        self.policy: dict[str, Any] = {}
        self.extra: dict[str, Any] = {}
        self.keep_kit = False
        self.file_path: Path | None = None
        self.disk_stamp: str | None = None  # the file as this window last read or wrote it
        self.revision = 0
        self._dirty = False
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(self._dirty or not clean)

    # ---- state -------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return self._dirty or not self.undo_stack.isClean()

    def set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.modifiedChanged.emit(self.modified)

    def mark_saved(self, path: Path) -> None:
        self.file_path = path
        self._dirty = False
        self.undo_stack.setClean()
        self.modifiedChanged.emit(False)
        self.fileChanged.emit()

    @property
    def display_name(self) -> str:
        return self.file_path.name if self.file_path else "Untitled"

    def load(self, project: Project, path: Path | None = None) -> None:
        """Show a project; a missing job ad is generated from the job description, and the
        ad's unedited parts are brought up to date with it."""
        project = copy.deepcopy(project)
        self.jd = project.job_description
        ad = project.job_ad or generate_ad(self.jd, employer=self.employer)
        result = refresh_ad(ad, self.jd, self.employer)
        self.ad, self.ad_stale = result.ad, result.stale
        self.kit = project.kit or InterviewKit()
        self.policy = project.policy
        self.extra = project.extra
        self.keep_kit = project.kit is not None
        self.file_path = path
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._dirty = False
        self.revision += 1
        self.reset.emit()
        self.modifiedChanged.emit(False)
        self.fileChanged.emit()

    def to_project(self) -> Project:
        """A deep copy of the project as it stands (safe to hand to another thread)."""
        keep = self.keep_kit or bool(self.kit.questions or self.kit.candidates
                                     or self.kit.interviewers)
        return copy.deepcopy(Project(job_description=self.jd, job_ad=self.ad,
                                     kit=self.kit if keep else None, policy=self.policy,
                                     extra=self.extra))

    # ---- edits -------------------------------------------------------------------------
    def notify(self, path: ValuePath, structural: bool) -> None:
        self.revision += 1
        self.changed.emit(path, structural)
        if path and path[0] in ("jd", "ad"):
            self.refresh_ad()

    def refresh_ad(self) -> None:
        """Bring the ad's unedited parts up to date with the description (they are a function
        of it, so undoing a description edit brings them back too) and note which edited
        parts are now out of date."""
        result = refresh_ad(self.ad, self.jd, self.employer)
        changed = result.ad.to_dict() != self.ad.to_dict()
        if changed:
            self.ad = result.ad
            self.changed.emit(("ad",), True)
        if result.stale != self.ad_stale:
            self.ad_stale = result.stale
            self.adStaleChanged.emit()

    def set_employer(self, employer: Employer) -> None:
        if employer != self.employer:
            self.employer = employer
            self.refresh_ad()

    def value(self, path: ValuePath) -> Any:
        return get_at(self, path)

    def set_value(self, path: ValuePath, value: Any, text: str = "edit", *,
                  merge: bool = False, structural: bool = False) -> None:
        if get_at(self, path) == value:
            return
        self.undo_stack.push(SetValue(self, path, value, text, merge=merge,
                                      structural=structural))

    def insert(self, list_path: ValuePath, index: int, value: Any, text: str = "add") -> None:
        n = len(get_at(self, list_path))
        self.undo_stack.push(ListInsert(self, list_path, max(0, min(index, n)), value, text))

    def remove(self, list_path: ValuePath, index: int, text: str = "remove") -> None:
        self.undo_stack.push(ListRemove(self, list_path, index, text))

    def move(self, list_path: ValuePath, src: int, dst: int, text: str = "move") -> bool:
        n = len(get_at(self, list_path))
        dst = max(0, min(dst, n - 1))
        if src == dst or not 0 <= src < n:
            return False
        self.undo_stack.push(ListMove(self, list_path, src, dst, text))
        return True

    def transfer(self, src_list: ValuePath, src: int, dst_list: ValuePath, dst: int,
                 text: str = "move") -> None:
        """Move an item from one list to another (a duty to another area) as one step."""
        value = get_at(self, src_list)[src]
        self.undo_stack.beginMacro(text)
        try:
            self.remove(src_list, src, text)
            self.insert(dst_list, dst, value, text)
        finally:
            self.undo_stack.endMacro()

    def macro(self, text: str) -> _Macro:
        return _Macro(self.undo_stack, text)


class _Macro:
    def __init__(self, stack: QUndoStack, text: str) -> None:
        self.stack, self.text = stack, text

    def __enter__(self) -> None:
        self.stack.beginMacro(self.text)

    def __exit__(self, *exc: object) -> None:
        self.stack.endMacro()


def checkable_items(doc: Document) -> list[tuple[ValuePath, str]]:
    """Every text the language check reads, from the table in `jdbuilder.model.fields` (the
    same fields, in the same order, as `jdbuilder check` reads from a project file)."""
    return [(item.path, item.text) for item in text_items(doc.jd, doc.ad)]


def label_for(doc: Document, path: ValuePath) -> str:
    """Where a field is, in words: "Duty 2 (Mutual peer support)"."""
    return field_label(path, doc.jd, doc.ad)
