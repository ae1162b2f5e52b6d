"""The shared machinery of the job-description and job-ad pages.

A `FormPage` is a scrolling, page-width column of sections. It creates fields bound to document
paths, keeps them in step with the model (undo and redo included), rebuilds lists when their
shape changes, and applies language-check results to the fields they belong to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from jdbuilder.model.fields import FieldKind, field_spec, label_for
from jdbuilder.ui.widgets.common import clear_layout
from jdbuilder.ui.widgets.fields import FieldEdit, FieldMarker
from jdbuilder.ui.widgets.focus import ReadingOrder
from jdbuilder.ui.widgets.icons import SEVERITY_WORD, icon, icon_size
from jdbuilder.ui.widgets.lists import ReorderableList

if TYPE_CHECKING:
    from jdbuilder.model.fields import ValuePath as Path
    from jdbuilder.ui.editing.document import Document
    from jdbuilder.ui.services.checker import CheckResults
    from jdbuilder.ui.services.context import AppContext

PAGE_CHARS = 140  # the widest the page grows, in average characters: a field's text stays
# readable (about 100 characters a line beside its label) at any DPI and font size


def join_titles(value: list[str]) -> str:
    return "; ".join(value)


def split_titles(text: str) -> list[str]:
    return [t.strip() for t in text.split(";") if t.strip()]


class Note(Protocol):
    """What a note shows: a structure finding, or any other problem with a severity."""

    @property
    def severity(self) -> str: ...

    @property
    def message(self) -> str: ...


class StructureNotes(QWidget):
    """The structure check's findings for one section: icon, word and message per finding."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(2)
        self.messages: list[str] = []
        self.setAccessibleName("Structure check")
        self.hide()

    def set_findings(self, findings: Sequence[Note]) -> None:
        messages = [f"{SEVERITY_WORD.get(f.severity, f.severity)}: {f.message}"
                    for f in findings]
        if messages == self.messages:
            return
        self.messages = messages
        clear_layout(self.layout_)
        size = icon_size()
        for f, text in zip(findings, messages, strict=True):
            row = QWidget(self)
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            pic = QLabel(row)
            pic.setPixmap(icon(f.severity).pixmap(size, size))
            pic.setAccessibleName(SEVERITY_WORD.get(f.severity, f.severity))
            label = QLabel(text, row)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            h.addWidget(pic, 0, Qt.AlignmentFlag.AlignTop)
            h.addWidget(label, 1)
            self.layout_.addWidget(row)
        self.setAccessibleDescription(" ".join(messages))
        self.setVisible(bool(messages))


class SectionBox(QGroupBox):
    def __init__(self, title: str, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setAccessibleName(title)
        self.body = QVBoxLayout(self)
        self.notes = StructureNotes(self)
        self.body.addWidget(self.notes)
        if hint:
            label = QLabel(hint, self)
            label.setWordWrap(True)
            font = label.font()
            font.setItalic(True)  # a hint reads as a hint by style, not by a faint color
            label.setFont(font)
            self.body.addWidget(label)


class FormPage(QScrollArea):
    def __init__(self, doc: Document, ctx: AppContext, root: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.ctx = ctx
        self.root = root
        self.fields: dict[Path, FieldEdit] = {}
        self.lists: dict[Path, ReorderableList] = {}
        self.results: CheckResults | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields (shown as reached)
        outer = QWidget()
        h = QHBoxLayout(outer)
        h.addStretch(1)
        self.column = QWidget(outer)
        self.column.setMaximumWidth(self.fontMetrics().averageCharWidth() * PAGE_CHARS)
        self.column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.body = QVBoxLayout(self.column)
        self.body.setSpacing(self.fontMetrics().height())
        h.addWidget(self.column, 100)
        h.addStretch(1)
        self.setWidget(outer)
        self.order = ReadingOrder(self)
        self._building = False
        doc.changed.connect(self._on_changed)
        doc.reset.connect(self.rebuild_all)

    # ---- subclasses ----------------------------------------------------------------------
    def rebuild(self) -> None:
        """Rebuild every section from the model."""

    def rebuild_all(self) -> None:
        """Rebuild, then put the Tab order back in reading order."""
        self._building = True
        try:
            self.rebuild()
        finally:
            self._building = False
        self.align_labels()
        self.order.apply_now()

    def align_labels(self) -> None:
        """One label column for every section of the page, so the fields line up."""
        forms = self.column.findChildren(QFormLayout)
        labels = []
        for form in forms:
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QLabel):
                    labels.append(widget)
        width = max((lab.sizeHint().width() for lab in labels), default=0)
        for lab in labels:
            lab.setMinimumWidth(width)

    def _list_rebuilt(self) -> None:
        if not self._building:
            self.order.apply_now()

    def structural_change(self, path: Path) -> None:
        """A list or object under this page changed shape."""
        for list_path in sorted(self.lists, key=len, reverse=True):
            if path[:len(list_path)] == list_path:
                self.lists[list_path].rebuild()
                break
        else:
            self.rebuild_all()

    # ---- fields --------------------------------------------------------------------------
    def make_field(self, path: Path, *, name: str, placeholder: str = "",
                   multiline: bool = False, list_item: bool = False,
                   to_text: Callable[[Any], str] = str,
                   parse: Callable[[str], Any] | None = None,
                   undo_text: str = "") -> FieldEdit:
        field = FieldEdit(path, name=name, placeholder=placeholder, multiline=multiline,
                          list_item=list_item)
        field.to_text = to_text  # type: ignore[attr-defined]
        field.parse = parse or (lambda s: s)  # type: ignore[attr-defined]
        field.set_text(to_text(self.doc.value(path)))
        label = undo_text or f"edit {name.lower()}"
        field.edited.connect(lambda text, f=field: self.doc.set_value(
            f.path, f.parse(text), label, merge=True))
        self.fields[path] = field
        self._apply_entry(field)
        return field

    def table_field(self, key: str, **kwargs: Any) -> FieldEdit:
        """A field for `key` of this page's part, as the table of fields declares it (its
        label, placeholder and whether it holds several lines)."""
        spec = field_spec(self.root, key)
        if spec.kind is FieldKind.TITLES:
            kwargs.setdefault("to_text", join_titles)
            kwargs.setdefault("parse", split_titles)
        path = (self.root, key)
        return self.make_field(path, name=label_for(path, self.doc.jd, self.doc.ad),
                               placeholder=spec.placeholder, multiline=spec.multiline,
                               **kwargs)

    def with_marker(self, field: FieldEdit) -> QWidget:
        box = QWidget()
        h = QHBoxLayout(box)
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(4)
        h.addWidget(field, 1)
        h.addWidget(FieldMarker(field, box), 0, Qt.AlignmentFlag.AlignTop)
        return box

    def make_list(self, list_path: Path, **kwargs: Any) -> ReorderableList:
        lst = ReorderableList(self.doc, list_path, **kwargs)
        lst.aboutToRebuild.connect(lambda p=list_path: self._forget_below(p))
        lst.rebuilt.connect(self._list_rebuilt)
        self.lists[list_path] = lst
        return lst

    def _forget_below(self, prefix: Path) -> None:
        n = len(prefix)
        for path in [p for p in self.fields if len(p) > n and p[:n] == prefix]:
            del self.fields[path]
        for path in [p for p in self.lists if len(p) > n and p[:n] == prefix]:
            del self.lists[path]

    def forget_all(self) -> None:
        self.fields.clear()
        self.lists.clear()

    def _on_changed(self, path: Path, structural: bool) -> None:
        if not path or path[0] != self.root:
            return
        if structural or len(path) == 1:
            self.structural_change(path)
            self.apply_results(self.results)
            return
        field = self.fields.get(path)
        if field is None:
            return
        value = self.doc.value(path)
        if field.parse(field.text()) != value:  # type: ignore[attr-defined]
            field.set_text(field.to_text(value))  # type: ignore[attr-defined]

    # ---- findings ------------------------------------------------------------------------
    def _apply_entry(self, field: FieldEdit) -> None:
        if self.results is None or field.path is None:
            return
        entry = self.results.entry(field.path)
        text = field.text()
        if entry is not None and entry.text == text:
            field.set_findings(entry.findings)
        elif not text.strip():
            field.set_findings(())
        # otherwise the text changed since this check; the next one is on its way

    def apply_results(self, results: CheckResults | None) -> None:
        self.results = results
        if results is None:
            return
        for field in list(self.fields.values()):
            self._apply_entry(field)

    def focus_path(self, path: Path, start: int = 0, end: int = 0) -> bool:
        field = self.fields.get(path)
        if field is None:
            return False
        self.ensureWidgetVisible(field, 50, 80)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        if end > start:
            field.select_span(start, end)
        return True

    def find_fields(self) -> list[FieldEdit]:
        """Fields in reading order, for Find."""
        fields = [f for f in self.fields.values() if f.isVisible() or not self.isVisible()]
        page = self.widget() or self
        return sorted(fields, key=lambda f: f.mapTo(page, f.rect().topLeft()).y())
