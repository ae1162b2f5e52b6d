"""Undoable edits: every change to an open project is a QUndoCommand on the document's stack.

Values are addressed by a path from the document: ("jd", "title"), ("jd", "areas", 2, "duties",
0), ("ad", "required", 1), ("kit", "scores"), ("policy",). A string step is an attribute (or a
key of a dict), an integer step an index into a list. The commands store deep copies, so a later
change to a live object never alters what undo restores.
"""

from __future__ import annotations

import copy
import time
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from jdbuilder.model.fields import ValuePath as Path

MERGE_SECONDS = 2.0


class Target(Protocol):
    def notify(self, path: Path, structural: bool) -> None: ...


def get_at(root: Any, path: Path) -> Any:
    obj = root
    for step in path:
        obj = obj[step] if isinstance(step, int) or isinstance(obj, dict) else getattr(obj, step)
    return obj


def set_at(root: Any, path: Path, value: Any) -> None:
    parent = get_at(root, path[:-1])
    last = path[-1]
    if isinstance(last, int) or isinstance(parent, dict):
        parent[last] = value
    else:
        setattr(parent, last, value)


class SetValue(QUndoCommand):
    """Replace the value at a path. Typing in one field merges into one command (Word-like)."""

    MERGE_ID = 4201

    def __init__(self, doc: Target, path: Path, value: Any, text: str, *,
                 merge: bool = False, structural: bool = False) -> None:
        super().__init__(text)
        self.doc = doc
        self.path = path
        self.old = copy.deepcopy(get_at(doc, path))
        self.new = copy.deepcopy(value)
        self.merge = merge
        self.structural = structural
        self.stamp = time.monotonic()

    def redo(self) -> None:
        set_at(self.doc, self.path, copy.deepcopy(self.new))
        self.doc.notify(self.path, self.structural)

    def undo(self) -> None:
        set_at(self.doc, self.path, copy.deepcopy(self.old))
        self.doc.notify(self.path, self.structural)

    def id(self) -> int:
        return self.MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValue) or not other.merge or other.path != self.path:
            return False
        if other.stamp - self.stamp > MERGE_SECONDS:
            return False
        self.new = other.new
        self.stamp = other.stamp
        if self.new == self.old:
            self.setObsolete(True)
        return True


class ListInsert(QUndoCommand):
    def __init__(self, doc: Target, list_path: Path, index: int, value: Any, text: str) -> None:
        super().__init__(text)
        self.doc, self.path, self.index = doc, list_path, index
        self.value = copy.deepcopy(value)

    def redo(self) -> None:
        get_at(self.doc, self.path).insert(self.index, copy.deepcopy(self.value))
        self.doc.notify(self.path, True)

    def undo(self) -> None:
        del get_at(self.doc, self.path)[self.index]
        self.doc.notify(self.path, True)


class ListRemove(QUndoCommand):
    def __init__(self, doc: Target, list_path: Path, index: int, text: str) -> None:
        super().__init__(text)
        self.doc, self.path, self.index = doc, list_path, index
        self.value = copy.deepcopy(get_at(doc, list_path)[index])

    def redo(self) -> None:
        del get_at(self.doc, self.path)[self.index]
        self.doc.notify(self.path, True)

    def undo(self) -> None:
        get_at(self.doc, self.path).insert(self.index, copy.deepcopy(self.value))
        self.doc.notify(self.path, True)


class ListMove(QUndoCommand):
    """Move one item within a list: afterwards it sits at index `dst`."""

    def __init__(self, doc: Target, list_path: Path, src: int, dst: int, text: str) -> None:
        super().__init__(text)
        self.doc, self.path, self.src, self.dst = doc, list_path, src, dst

    def _move(self, a: int, b: int) -> None:
        items = get_at(self.doc, self.path)
        items.insert(b, items.pop(a))
        self.doc.notify(self.path, True)

    def redo(self) -> None:
        self._move(self.src, self.dst)

    def undo(self) -> None:
        self._move(self.dst, self.src)
