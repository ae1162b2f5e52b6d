"""Text fields that grow with their text, underline findings and leave undo to the document.

`FieldEdit` is the editing surface for every piece of job-description and ad text: a plain-text
QTextEdit that is as tall as its text (no inner scroll bar), Tab moves focus, and its own undo
is off so Ctrl+Z reaches the document's QUndoStack (the Edit menu's Undo). In list rows, Enter
adds an item after this one, Backspace in an empty item removes it, and Alt+Shift+Up/Down moves
it. `FieldMarker` is the icon-and-count marker shown beside a field with findings.

Language findings and misspelled words are underlined in place (jdbuilder.ui.widgets.highlight).
Right-clicking one opens a menu as a word processor's spelling menu does: for a finding its
suggestions, "Ignore here", "Allow for the organization" and "Explain" (the window's
`field_actions`, the findings controller, carries them out); for a misspelled word its
corrections and "Add to dictionary".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from jdbuilder.ui.services.checker import FindingRef
from jdbuilder.ui.services.spelling import Misspelling, spell_service
from jdbuilder.ui.widgets.highlight import (
    SPELLING,
    SpanTracker,
    paint_underline,
    segments,
    utf16_index,
)
from jdbuilder.ui.widgets.icons import SEVERITY_WORD, icon, icon_size, worst
from jdbuilder.ui.widgets.mime import MIME_MOVE, MIME_STATEMENT

if TYPE_CHECKING:
    from jdbuilder.language.checker import Finding
    from jdbuilder.model.fields import ValuePath as Path


@runtime_checkable
class FieldActions(Protocol):
    """What a field's right-click menu asks of the window about a language finding
    (jdbuilder.ui.controllers.findings.FindingsController provides it)."""

    def apply_suggestion(self, ref: FindingRef, index: int) -> None: ...

    def ignore_here(self, ref: FindingRef) -> None: ...

    def allow_for_organisation(self, ref: FindingRef) -> None: ...

    def explain(self, ref: FindingRef) -> None: ...

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
        self.findings_text = ""  # the text the findings were found in
        self.spellcheck = True
        self.menu: QMenu | None = None  # the last right-click menu (tests read it)
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
        # The hint is painted here, wrapped onto as many lines as it needs (Qt's own placeholder
        # stays on one line and is cut off in a narrow field).
        self._hint = placeholder
        if placeholder:
            self.setAccessibleDescription(placeholder)
        if name:
            self.setAccessibleName(name)
        self.underlines = SpanTracker(self.document())
        spell_service().changed.connect(self.viewport().update)
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
        self.findings_text = self.toPlainText()
        if self.underlines.set_spans(self.findings_text,
                                     [(f.start, f.end, f.severity, f) for f in findings]):
            self.viewport().update()
        self.findingsChanged.emit()

    def misspellings(self) -> list[tuple[int, int, Misspelling]]:
        """(start, end) in UTF-16 units of the whole text, and the misspelling, for every
        misspelled word not inside a language finding (that one's menu comes first)."""
        if not self.spellcheck:
            return []
        service = spell_service()
        out: list[tuple[int, int, Misspelling]] = []
        block = self.document().begin()
        while block.isValid():
            text = block.text()
            base = block.position()
            for m in service.check(text):
                a, b = base + utf16_index(text, m.start), base + utf16_index(text, m.end)
                if not any(sp.start < b and a < sp.end for sp in self.underlines.spans):
                    out.append((a, b, m))
            block = block.next()
        return out

    def placeholderText(self) -> str:
        return self._hint

    def setPlaceholderText(self, text: str) -> None:
        self._hint = text
        self.setAccessibleDescription(text)
        self._fit_height()
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._hint and self.document().isEmpty():
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            margin = int(self.document().documentMargin())
            area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
                                       | Qt.TextFlag.TextWordWrap), self._hint)
            painter.end()
        marks = [(sp.start, sp.end, sp.severity) for sp in self.underlines.spans]
        marks += [(a, b, SPELLING) for a, b, _m in self.misspellings()]
        if not marks:
            return
        painter = QPainter(self.viewport())
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        height = self.fontMetrics().height()
        doc = self.document()
        for start, end, kind in marks:
            for x1, x2, y in segments(doc, start, end):
                paint_underline(painter, kind, x1 + dx, x2 + dx, y + dy, height,
                                self.palette())
        painter.end()

    # ---- the right-click menu --------------------------------------------------------------
    def field_actions(self) -> FieldActions | None:
        actions = getattr(self.window(), "field_actions", None)
        return actions if isinstance(actions, FieldActions) else None

    def finding_at(self, position: int) -> FindingRef | None:
        """The language finding under a UTF-16 position, as a reference the findings
        controller acts on."""
        span = self.underlines.at(position)
        if span is None or self.path is None or span.item is None:
            return None
        return FindingRef(self.path, self.findings_text, span.item)  # type: ignore[arg-type]

    def misspelling_at(self, position: int) -> tuple[int, int, Misspelling] | None:
        for a, b, m in self.misspellings():
            if a <= position <= b:
                return a, b, m
        return None

    def replace_range(self, start: int, end: int, text: str) -> None:
        """Replace UTF-16 start..end with text, as typing would (one edit of the field)."""
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)
        self.setTextCursor(cursor)

    def context_menu(self, position: int) -> QMenu:
        """The right-click menu at a UTF-16 position: the finding's or the misspelled word's
        own entries first, then the usual editing entries."""
        menu = self.createStandardContextMenu()
        standard = list(menu.actions())
        for action in standard:
            if action.text().replace("&", "").startswith(("Undo", "Redo")):
                menu.removeAction(action)
        while menu.actions() and menu.actions()[0].isSeparator():
            menu.removeAction(menu.actions()[0])
        first = menu.actions()[0] if menu.actions() else None
        own: list[QAction] = []
        ref = self.finding_at(position)
        actions = self.field_actions()
        if ref is not None and actions is not None:
            own += self._finding_entries(menu, ref, actions)
        spelled = self.misspelling_at(position)
        if spelled is not None:
            own += self._spelling_entries(menu, *spelled)
        if own:
            menu.insertActions(first, own)  # type: ignore[arg-type]
            menu.insertSeparator(first)  # type: ignore[arg-type]
        if self.list_item:
            menu.addSeparator()
            up = menu.addAction("Move up\tAlt+Shift+Up")
            down = menu.addAction("Move down\tAlt+Shift+Down")
            remove = menu.addAction("Remove")
            up.triggered.connect(lambda: self.moveRequested.emit(-1))
            down.triggered.connect(lambda: self.moveRequested.emit(1))
            remove.triggered.connect(self.removeRequested.emit)
        self.menu = menu
        return menu

    def _finding_entries(self, menu: QMenu, ref: FindingRef,
                         actions: FieldActions) -> list[QAction]:
        f = ref.finding
        phrase = " ".join(f.text.split())
        head = QAction(f"{SEVERITY_WORD.get(f.severity, f.severity)}: \u201c{phrase}\u201d",
                       menu)  # why: "Explain", and the findings panel
        head.setToolTip(f.message)
        head.setIcon(icon(f.severity))
        head.setEnabled(False)
        out = [head]
        for i, suggestion in enumerate(f.suggestions):
            act = QAction(f"Use \u201c{suggestion}\u201d", menu)
            font = act.font()
            font.setBold(True)
            act.setFont(font)
            act.triggered.connect(lambda _c=False, i=i: actions.apply_suggestion(ref, i))
            out.append(act)
        if not f.suggestions:
            none = QAction("(No suggestions)", menu)
            none.setEnabled(False)
            out.append(none)
        for text, slot in (("Ignore here", actions.ignore_here),
                           ("Allow for the organization\u2026", actions.allow_for_organisation),
                           ("Explain", actions.explain)):
            act = QAction(text, menu)
            act.triggered.connect(lambda _c=False, slot=slot: slot(ref))
            out.append(act)
        return out

    def _spelling_entries(self, menu: QMenu, start: int, end: int,
                          m: Misspelling) -> list[QAction]:
        service = spell_service()
        speller = service.active
        suggestions = speller.suggestions(m.word) if speller is not None else []
        out: list[QAction] = []
        head = QAction(f"Spelling: \u201c{m.word}\u201d is not in the dictionary", menu)
        head.setEnabled(False)
        out.append(head)
        for word in suggestions:
            act = QAction(word, menu)
            font = act.font()
            font.setBold(True)
            act.setFont(font)
            act.triggered.connect(
                lambda _c=False, w=word: self.replace_range(start, end, w))
            out.append(act)
        if not suggestions:
            none = QAction("(No spelling suggestions)", menu)
            none.setEnabled(False)
            out.append(none)
        add = QAction(f"Add \u201c{m.word}\u201d to dictionary", menu)
        add.triggered.connect(lambda: service.add(m.word))
        out.append(add)
        return out

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
        if doc.isEmpty() and self._hint:  # the hint reads whole, too
            hint = QTextDocument()
            hint.setDefaultFont(self.font())
            hint.setDocumentMargin(doc.documentMargin())
            hint.setPlainText(self._hint)
            hint.setTextWidth(doc.textWidth())
            h = max(h, math.ceil(hint.size().height()))
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
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            position = self.cursorForPosition(event.pos()).position()
        else:  # the Menu key or Shift+F10: the word at the cursor
            position = self.textCursor().position()
        menu = self.context_menu(position)
        menu.exec(event.globalPos())
        menu.deleteLater()


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
