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

from jdbuilder.errors import ProjectError
from jdbuilder.interview.guide import InterviewGuide
from jdbuilder.model.jobad import JobAd, generate_ad
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.project import Project
from jdbuilder.ui.undo import ListInsert, ListMove, ListRemove, SetValue, get_at
from jdbuilder.ui.undo import Path as ValuePath

__all__ = ["Document", "checkable_items", "label_for"]


class Document(QObject):
    changed = Signal(object, bool)  # path, structural
    reset = Signal()
    modifiedChanged = Signal(bool)
    fileChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.jd = JobDescription()
        self.ad = JobAd()
        self.kit = InterviewGuide()
        self.policy: dict[str, Any] = {}
        self.extra: dict[str, Any] = {}
        self.keep_interview = False
        self.file_path: Path | None = None
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

    def load(self, project: Project, path: Path | None = None, *,
             organisation: str = "") -> None:
        """Show a project; a missing job ad is generated from the job description."""
        where = path or "project"
        try:
            ad = (JobAd.from_dict(project.job_ad) if project.job_ad is not None
                  else generate_ad(project.job_description, organisation=organisation))
        except (TypeError, ValueError) as exc:
            raise ProjectError(where, f"has an invalid job ad: {exc}") from None
        try:
            kit = InterviewGuide.from_dict(project.interview)
        except (TypeError, ValueError) as exc:
            raise ProjectError(where, f"has an invalid interview kit: {exc}") from None
        self.jd = copy.deepcopy(project.job_description)
        self.ad = ad
        self.kit = kit
        self.policy = dict(project.policy)
        self.extra = dict(project.extra)
        self.keep_interview = project.interview is not None
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
        kit = self.kit.to_dict()
        keep = self.keep_interview or bool(self.kit.questions or self.kit.candidates
                                           or self.kit.interviewers)
        return Project(job_description=copy.deepcopy(self.jd), job_ad=copy.deepcopy(
            self.ad.to_dict()), interview=copy.deepcopy(kit) if keep else None,
            policy=copy.deepcopy(self.policy), extra=copy.deepcopy(self.extra))

    # ---- edits -------------------------------------------------------------------------
    def notify(self, path: ValuePath, structural: bool) -> None:
        self.revision += 1
        self.changed.emit(path, structural)

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
    """Every free-text field of the job description and the ad, for the language check."""
    jd, ad = doc.jd, doc.ad
    out: list[tuple[ValuePath, str]] = [
        (("jd", "title"), jd.title), (("jd", "program"), jd.program),
        (("jd", "supervision"), jd.supervision), (("jd", "hours"), jd.hours),
        (("jd", "schedule"), jd.schedule), (("jd", "function"), jd.function),
    ]
    for i, area in enumerate(jd.areas):
        out.append((("jd", "areas", i, "title"), area.title))
        out += [(("jd", "areas", i, "duties", j), d) for j, d in enumerate(area.duties)]
    out += [(("jd", "qualifications", i, "text"), q.text)
            for i, q in enumerate(jd.qualifications)]
    out += [(("jd", "employment_conditions", i), c)
            for i, c in enumerate(jd.employment_conditions)]
    out += [(("jd", "abilities", i), a) for i, a in enumerate(jd.abilities)]
    out += [(("ad", "title"), ad.title), (("ad", "hours"), ad.hours),
            (("ad", "summary"), ad.summary)]
    out += [(("ad", "required", i), r) for i, r in enumerate(ad.required)]
    out += [(("ad", "preferred", i), p) for i, p in enumerate(ad.preferred)]
    out += [(("ad", "how_to_apply"), ad.how_to_apply),
            (("ad", "equal_opportunity"), ad.equal_opportunity)]
    return [(p, t) for p, t in out if t.strip()]


_SIMPLE = {
    ("jd", "title"): "Title", ("jd", "program"): "Program", ("jd", "supervision"): "Supervision",
    ("jd", "hours"): "Hours", ("jd", "schedule"): "Schedule", ("jd", "function"): "Function",
    ("jd", "reports_to"): "Reports to", ("jd", "supervises"): "Supervises",
    ("ad", "title"): "Ad: title", ("ad", "hours"): "Ad: hours", ("ad", "summary"): "Ad: summary",
    ("ad", "how_to_apply"): "Ad: how to apply",
    ("ad", "equal_opportunity"): "Ad: equal opportunity",
}


def label_for(doc: Document, path: ValuePath) -> str:
    """Where a field is, in words: "Duty 2 (Mutual peer support)"."""
    if path in _SIMPLE:
        return _SIMPLE[path]
    try:
        if path[:2] == ("jd", "areas") and len(path) >= 3:
            i = int(path[2])
            title = doc.jd.areas[i].title.strip() or f"area {i + 1}"
            if len(path) == 4:
                return f"Responsibility area {i + 1}"
            if len(path) == 5:
                return f"Duty {int(path[4]) + 1} ({title})"
        names = {"qualifications": "Qualification", "employment_conditions":
                 "Employment condition", "abilities": "Ability", "required":
                 "Ad: required", "preferred": "Ad: preferred"}
        if len(path) >= 3 and path[1] in names:
            return f"{names[str(path[1])]} {int(path[2]) + 1}"
    except (IndexError, ValueError, TypeError):
        pass
    return " / ".join(str(p) for p in path)
