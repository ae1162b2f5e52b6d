"""Lists of items in a form (areas, duties, qualifications ...) with add, remove and reorder.

Reordering works by drag (the handle at the left of each row) and by keyboard (Alt+Shift+Up
and Alt+Shift+Down in the item's text, or its context menu). A list also accepts library
statements dragged from the library panel and items dragged from a list of the same kind (a
duty into another area). Every change goes through the document, so it can be undone.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QMouseEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jdbuilder.ui.widgets.fields import FieldEdit
from jdbuilder.ui.widgets.mime import MIME_MOVE, MIME_STATEMENT

if TYPE_CHECKING:
    from jdbuilder.model.fields import ValuePath as Path
    from jdbuilder.model.statement import Statement
    from jdbuilder.ui.editing.document import Document


ContentFactory = Callable[[int, Any], tuple[QWidget, FieldEdit | None]]


def statement_mime(statement_id: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_STATEMENT, statement_id.encode("utf-8"))
    return mime


class DragHandle(QToolButton):
    def __init__(self, row: ItemRow) -> None:
        super().__init__(row)
        self.row = row
        self.setText("\u2261")
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard: Alt+Shift+Up/Down
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip("Drag to move (or press Alt+Shift+Up / Alt+Shift+Down in the text)")
        self.setAccessibleName(f"Move {row.name}")
        self._press: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        if (event.position().toPoint() - self._press).manhattanLength() < \
                QApplication.startDragDistance():
            return
        self._press = None
        self.row.owner.start_drag(self.row)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None


class ItemRow(QWidget):
    def __init__(self, owner: ReorderableList, index: int, name: str) -> None:
        super().__init__(owner)
        self.owner = owner
        self.index = index
        self.name = name
        self.field: FieldEdit | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.handle = DragHandle(self)
        layout.addWidget(self.handle, 0, Qt.AlignmentFlag.AlignTop)
        self.content_layout = layout
        self.remove_button = QToolButton(self)
        self.remove_button.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_DialogDiscardButton))
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(f"Remove {name}")
        self.remove_button.setAccessibleName(f"Remove {name}")
        self.remove_button.clicked.connect(lambda: owner.remove_at(self.index))

    def set_content(self, content: QWidget, field: FieldEdit | None) -> None:
        """Put the item's widgets in the row. The Remove button follows the text it removes:
        beside the content, or at the end of the content's first line when the content offers
        one (`header_layout`, as a responsibility area's title line does)."""
        self.content_layout.addWidget(content, 1)
        header = getattr(content, "header_layout", None)
        if isinstance(header, QHBoxLayout):
            header.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        else:
            self.content_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        self.field = field
        if field is not None:
            field.list_item = True
            field.moveRequested.connect(lambda d: self.owner.move_by(self.index, d))
            field.enterPressed.connect(lambda: self.owner.add_after(self.index))
            field.removeRequested.connect(lambda: self.owner.remove_at(self.index,
                                                                       focus_previous=True))


class ReorderableList(QWidget):
    """The rows of one list in the document, rebuilt whenever that list changes shape."""

    aboutToRebuild = Signal()
    rebuilt = Signal()

    def __init__(self, doc: Document, list_path: Path, *, kind: str, item_name: str,
                 make_content: ContentFactory, new_value: Callable[[], Any],
                 add_label: str, statement_value: Callable[[Statement], Any] | None = None,
                 resolve: Callable[[str], Statement | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.list_path = list_path
        self.kind = kind
        self.item_name = item_name
        self.make_content = make_content
        self.new_value = new_value
        self.statement_value = statement_value
        self.resolve = resolve
        self.rows: list[ItemRow] = []
        self.setAcceptDrops(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(4)
        outer.addLayout(self.rows_layout)
        self.empty_label = QLabel(f"No {item_name}s yet.", self)
        self.empty_label.setEnabled(False)
        outer.addWidget(self.empty_label)
        self.add_button = QPushButton(add_label, self)
        self.add_button.setAccessibleName(add_label)
        self.add_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.add_button.clicked.connect(lambda: self.add_after(len(self.rows) - 1))
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.indicator = QFrame(self)
        self.indicator.setFrameShape(QFrame.Shape.HLine)
        self.indicator.setLineWidth(2)
        self.indicator.setForegroundRole(QPalette.ColorRole.Highlight)
        self.indicator.hide()
        self.rebuild()

    # ---- building ------------------------------------------------------------------------
    def values(self) -> list[Any]:
        return list(self.doc.value(self.list_path))

    def rebuild(self) -> None:
        self.aboutToRebuild.emit()
        for row in self.rows:
            self.rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        for i, value in enumerate(self.values()):
            row = ItemRow(self, i, f"{self.item_name} {i + 1}")
            content, field = self.make_content(i, value)
            row.set_content(content, field)
            self.rows_layout.addWidget(row)
            row.show()  # at once, not on the next turn of the event loop
            self.rows.append(row)
        self.empty_label.setVisible(not self.rows)
        self.rebuilt.emit()

    def focus_row(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            field = self.rows[index].field
            if field is not None:
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                cursor = field.textCursor()
                cursor.movePosition(cursor.MoveOperation.End)
                field.setTextCursor(cursor)

    # ---- edits ---------------------------------------------------------------------------
    def add_after(self, index: int) -> None:
        at = index + 1
        self.doc.insert(self.list_path, at, self.new_value(), f"Add {self.item_name}")
        self.focus_row(at)

    def remove_at(self, index: int, focus_previous: bool = False) -> None:
        if not 0 <= index < len(self.rows):
            return
        self.doc.remove(self.list_path, index, f"Remove {self.item_name}")
        if focus_previous and self.rows:
            self.focus_row(max(0, index - 1))
        elif self.rows:
            self.focus_row(min(index, len(self.rows) - 1))
        else:
            self.add_button.setFocus()

    def move_by(self, index: int, delta: int) -> None:
        target = index + delta
        if self.doc.move(self.list_path, index, target, f"Move {self.item_name}"):
            self.focus_row(target)

    # ---- drag and drop -------------------------------------------------------------------
    def start_drag(self, row: ItemRow) -> None:
        mime = QMimeData()
        payload = {"path": list(self.list_path), "index": row.index, "kind": self.kind}
        mime.setData(MIME_MOVE, json.dumps(payload).encode("utf-8"))
        drag = QDrag(row)
        drag.setMimeData(mime)
        pixmap = row.grab()
        if pixmap.width() > 400:
            pixmap = pixmap.scaledToWidth(400, Qt.TransformationMode.SmoothTransformation)
        drag.setPixmap(pixmap)
        drag.exec(Qt.DropAction.MoveAction)

    def _payload(self, mime: QMimeData) -> tuple[str, Any] | None:
        if mime.hasFormat(MIME_MOVE):
            try:
                data = json.loads(bytes(mime.data(MIME_MOVE).data()).decode("utf-8"))
            except ValueError:
                return None
            if data.get("kind") == self.kind:
                return "move", data
            return None
        if mime.hasFormat(MIME_STATEMENT) and self.statement_value and self.resolve:
            st = self.resolve(bytes(mime.data(MIME_STATEMENT).data()).decode("utf-8"))
            if st is not None and self.statement_value(st) is not None:
                return "statement", st
        return None

    def drop_index(self, y: int) -> int:
        for i, row in enumerate(self.rows):
            geo = row.geometry()
            if y < geo.center().y():
                return i
        return len(self.rows)

    def _show_indicator(self, index: int) -> None:
        if self.rows:
            if index < len(self.rows):
                y = self.rows[index].geometry().top() - 2
            else:
                y = self.rows[-1].geometry().bottom() + 2
        else:
            y = self.add_button.geometry().top() - 3
        self.indicator.setGeometry(0, max(0, y - 1), self.width(), 3)
        self.indicator.show()
        self.indicator.raise_()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._payload(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._payload(event.mimeData()) is None:
            event.ignore()
            return
        self._show_indicator(self.drop_index(event.position().toPoint().y()))
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: Any) -> None:
        self.indicator.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self.indicator.hide()
        payload = self._payload(event.mimeData())
        if payload is None:
            event.ignore()
            return
        index = self.drop_index(event.position().toPoint().y())
        event.acceptProposedAction()
        self.drop(payload, index)

    def drop(self, payload: tuple[str, Any], index: int) -> None:
        """Perform a drop at a row index (also used by tests and keyboard paths)."""
        what, data = payload
        if what == "statement":
            self.doc.insert(self.list_path, index, self.statement_value(data),  # type: ignore[misc]
                            f"Insert {self.item_name}")
            self.focus_row(index)
            return
        src_path = tuple(data["path"])
        src = int(data["index"])
        if src_path == self.list_path:
            dst = index - 1 if index > src else index
            if self.doc.move(self.list_path, src, dst, f"Move {self.item_name}"):
                self.focus_row(dst)
        else:
            self.doc.transfer(src_path, src, self.list_path, index, f"Move {self.item_name}")
