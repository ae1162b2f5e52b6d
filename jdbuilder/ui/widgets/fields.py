"""Text fields that grow with their text, underline findings and leave undo to the document.

`FieldEdit` is the editing surface for every piece of job-description and ad text: a plain-text
QTextEdit that is as tall as its text (no inner scroll bar), Tab moves focus, and its own undo
is off so Ctrl+Z reaches the document's QUndoStack (the Edit menu's Undo). In list rows, Enter
adds an item after this one, Backspace in an empty item removes it, and Alt+Shift+Up/Down moves
it. `FieldMarker` is the icon-and-count marker shown beside a field with findings.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QTextEdit, QWidget

from jdbuilder.ui.widgets.highlight import FindingsHighlighter, utf16_index
from jdbuilder.ui.widgets.icons import SEVERITY_WORD, icon, icon_size, worst
from jdbuilder.ui.widgets.mime import MIME_MOVE, MIME_STATEMENT

if TYPE_CHECKING:
    from jdbuilder.language.checker import Finding
    from jdbuilder.model.fields import ValuePath as Path

_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def _is_undo_shortcut(event: QEvent) -> bool:
    return (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
            and any(event.matches(k) for k in _UNDO_KEYS))


class FieldEdit(QTextEdit):
    edited = Signal(str)
    enterPressed = Signal()
    removeRequested = Signal()
    moveRequested = Signal(int)
    focused = Signal()
    findingsChanged = Signal()

    def __init__(self, path: Path | None = None, *, name: str = "", placeholder: str = "",
                 multiline: bool = False, list_item: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.multiline = multiline
        self.list_item = list_item
        self.findings: tuple[Finding, ...] = ()
        # a field that takes a library statement dropped on it (the function) sets these
        self.accepts_statement: Callable[[str], bool] | None = None
        self.drop_statement: Callable[[str], None] | None = None
        self._setting = False
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setPlaceholderText(placeholder)
        if name:
            self.setAccessibleName(name)
        self.highlighter = FindingsHighlighter(self.document())
        self.document().contentsChanged.connect(self._fit_height)
        self.textChanged.connect(self._on_text_changed)
        self._fit_height()

    # ---- text ----------------------------------------------------------------------------
    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        """Show a value from the model without reporting it back as an edit."""
        if text == self.toPlainText():
            return
        pos = self.textCursor().position()
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False
        cursor = self.textCursor()
        cursor.setPosition(min(pos, len(self.toPlainText().encode("utf-16-le")) // 2))
        self.setTextCursor(cursor)

    def _on_text_changed(self) -> None:
        if not self._setting:
            self.edited.emit(self.toPlainText())

    # ---- findings ------------------------------------------------------------------------
    def set_findings(self, findings: Sequence[Finding]) -> None:
        self.findings = tuple(findings)
        self.highlighter.set_spans(self.toPlainText(),
                                   [(f.start, f.end, f.severity) for f in findings])
        self.findingsChanged.emit()

    def select_span(self, start: int, end: int) -> None:
        """Select code-point offsets start..end and show them."""
        text = self.toPlainText()
        cursor = self.textCursor()
        cursor.setPosition(utf16_index(text, min(start, len(text))))
        cursor.setPosition(utf16_index(text, min(end, len(text))),
                           QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    # ---- size ----------------------------------------------------------------------------
    def _fit_height(self) -> None:
        doc = self.document()
        doc.setTextWidth(max(self.viewport().width(), 50))
        lines = 2 if self.multiline else 1
        min_h = self.fontMetrics().lineSpacing() * lines + 2 * doc.documentMargin()
        h = max(math.ceil(doc.size().height()), math.ceil(min_h))
        margins = self.contentsMargins()
        total = h + margins.top() + margins.bottom()
        if self.height() != total or self.minimumHeight() != total:
            self.setFixedHeight(total)

    def resizeEvent(self, event: QEvent) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_height()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

    # ---- keys ----------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if _is_undo_shortcut(event):
            event.ignore()  # let the Edit menu's Undo/Redo (the document's stack) have it
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
        if self.list_item and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and \
                (mods & alt_shift) == alt_shift:
            self.moveRequested.emit(-1 if key == Qt.Key.Key_Up else 1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.multiline:
            # one-paragraph fields: Enter adds the next list item, or moves to the next field
            if self.list_item:
                self.enterPressed.emit()
            else:
                self.focusNextChild()
            return
        if self.list_item and key == Qt.Key.Key_Backspace and not self.toPlainText():
            self.removeRequested.emit()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText() and not self.multiline:
            self.insertPlainText(" ".join(source.text().split()))
            return
        super().insertFromMimeData(source)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if source.hasFormat(MIME_STATEMENT) or source.hasFormat(MIME_MOVE):
            return False  # dropped on the list, not into the text
        return super().canInsertFromMimeData(source)

    def _dropped_statement(self, mime: QMimeData) -> str | None:
        """The id of a library statement this field takes when dropped on it, else None."""
        if not mime.hasFormat(MIME_STATEMENT) or self.accepts_statement is None:
            return None
        sid = bytes(mime.data(MIME_STATEMENT).data()).decode("utf-8")
        return sid if self.accepts_statement(sid) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self._dropped_statement(mime):
            event.acceptProposedAction()
            return
        if mime.hasFormat(MIME_STATEMENT) or mime.hasFormat(MIME_MOVE):
            event.ignore()  # the enclosing list takes it
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped_statement(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        sid = self._dropped_statement(event.mimeData())
        if sid and self.drop_statement is not None:
            event.acceptProposedAction()
            self.drop_statement(sid)
            return
        super().dropEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        for action in list(menu.actions()):
            if action.text().replace("&", "").startswith(("Undo", "Redo")):
                menu.removeAction(action)
        if self.list_item:
            menu.addSeparator()
            up = menu.addAction("Move up\tAlt+Shift+Up")
            down = menu.addAction("Move down\tAlt+Shift+Down")
            remove = menu.addAction("Remove")
            up.triggered.connect(lambda: self.moveRequested.emit(-1))
            down.triggered.connect(lambda: self.moveRequested.emit(1))
            remove.triggered.connect(self.removeRequested.emit)
        menu.exec(event.globalPos())


class UndoLineEdit(QLineEdit):
    """A QLineEdit whose Ctrl+Z goes to the document's undo stack."""

    def event(self, event: QEvent) -> bool:
        if _is_undo_shortcut(event):
            event.ignore()
            return True
        return super().event(event)


class FieldMarker(QWidget):
    """Icon and count beside a field with findings (the underline is never the only cue)."""

    def __init__(self, field: FieldEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        self.icon_label = QLabel(self)
        self.count_label = QLabel(self)
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)
        self.setFixedWidth(icon_size() + self.fontMetrics().horizontalAdvance("99") + 6)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        field.findingsChanged.connect(self.refresh)
        self.refresh()

    @property
    def count(self) -> int:
        return len(self.field.findings)

    def refresh(self) -> None:
        findings = self.field.findings
        if not findings:
            self.icon_label.clear()
            self.count_label.clear()
            self.setToolTip("")
            self.setAccessibleName("No language findings")
            return
        sev = worst([f.severity for f in findings])
        size = icon_size()
        self.icon_label.setPixmap(icon(sev).pixmap(size, size))
        self.count_label.setText(str(len(findings)))
        self.setToolTip("\n".join(
            f"{SEVERITY_WORD[f.severity]}: \u201c{f.text}\u201d. {f.message}" for f in findings))
        self.setAccessibleName(f"{len(findings)} language finding(s): " + "; ".join(
            f"{SEVERITY_WORD[f.severity]}, {f.text}" for f in findings))
