"""Edit > Find: a find bar above the tabs that searches the current tab's text fields."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from jdbuilder.ui.widgets.fields import FieldEdit


class _FindEdit(QLineEdit):
    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    def __init__(self, fields: Callable[[], list[FieldEdit]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = fields
        self.last: FieldEdit | None = None
        h = QHBoxLayout(self)
        h.setContentsMargins(4, 2, 4, 2)
        label = QLabel("&Find:", self)
        self.edit = _FindEdit(self)
        self.edit.setAccessibleName("Find text")
        self.edit.setClearButtonEnabled(True)
        label.setBuddy(self.edit)
        self.prev_button = QPushButton("&Previous", self)
        self.next_button = QPushButton("&Next", self)
        self.close_button = QPushButton("Close", self)
        self.status = QLabel(self)
        for b in (self.prev_button, self.next_button, self.close_button):
            b.setAccessibleName(f"Find: {b.text().replace('&', '')}")
        h.addWidget(label)
        h.addWidget(self.edit, 1)
        h.addWidget(self.prev_button)
        h.addWidget(self.next_button)
        h.addWidget(self.status)
        h.addWidget(self.close_button)
        self.edit.returnPressed.connect(self.find_next)
        self.edit.escape.connect(self.close_bar)
        self.next_button.clicked.connect(self.find_next)
        self.prev_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        if self.last is not None:
            self.last.setFocus()

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _find(self, backward: bool) -> bool:
        query = self.edit.text()
        fields = self.fields()
        if not query or not fields:
            self.status.setText("")
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else \
            QTextDocument.FindFlag(0)
        start = fields.index(self.last) if self.last in fields else (
            len(fields) - 1 if backward else 0)
        order = list(range(start, -1, -1)) + list(range(len(fields) - 1, start, -1)) \
            if backward else list(range(start, len(fields))) + list(range(0, start))
        for n, i in enumerate(order):
            field = fields[i]
            cursor = field.textCursor()
            if n > 0 or field is not self.last:
                cursor.movePosition(cursor.MoveOperation.End if backward
                                    else cursor.MoveOperation.Start)
            found = field.document().find(query, cursor, flags)
            if not found.isNull():
                field.setTextCursor(found)
                parent = field.parentWidget()
                while parent is not None and not hasattr(parent, "ensureWidgetVisible"):
                    parent = parent.parentWidget()
                if parent is not None:
                    parent.ensureWidgetVisible(field)
                self.last = field
                self.status.setText("")
                return True
        self.status.setText("Not found")
        return False
