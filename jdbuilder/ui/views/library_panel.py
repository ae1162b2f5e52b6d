"""The library browser: search as you type, filter, see each statement's source, insert.

A statement is inserted into the job description by double-click, Enter, the Insert button, or
by dragging it onto a section. "Add to my library..." writes a new statement to the personal
library (jdbuilder.library.personal).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jdbuilder.model.statement import POPULATIONS, SETTINGS, Statement, StatementKind
from jdbuilder.ui.widgets.common import SECONDARY_ROLE, TwoLineDelegate, fitting_combo
from jdbuilder.ui.widgets.lists import statement_mime
from jdbuilder.ui.widgets.mime import MIME_STATEMENT

if TYPE_CHECKING:
    from jdbuilder.ui.services.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole + 2
RESULT_LIMIT = 200
SEARCH_DELAY_MS = 120
LAYER_WORD = {"built-in": "Library", "organisation": "Organization library",
              "personal": "My library"}


def _nice(token: str) -> str:
    return token.replace("-", " ").capitalize()


class _Model(QStandardItemModel):
    def mimeTypes(self) -> list[str]:
        return [MIME_STATEMENT, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        if not indexes:
            return QMimeData()
        index = indexes[0]
        mime = statement_mime(str(index.data(ID_ROLE)))
        mime.setText(str(index.data(Qt.ItemDataRole.DisplayRole)))
        return mime


class _ResultsView(QListView):
    insertRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.insertRequested.emit()
            return
        super().keyPressEvent(event)


class LibraryPanel(QWidget):
    insertRequested = Signal(object)  # Statement
    addPersonalRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName("Library")
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search the library (for example: advocacy)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the library")
        v.addWidget(self.search)

        grid = QFormLayout()
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.role = self._combo("Role", "Any role")
        self.kind = self._combo("Kind", "Any kind")
        for k in StatementKind:
            self.kind.addItem(k.label, k.value)
        self.setting = self._combo("Setting", "Any setting")
        for s in SETTINGS:
            self.setting.addItem(_nice(s), s)
        self.population = self._combo("Population", "Any population")
        for p in POPULATIONS:
            self.population.addItem(_nice(p), p)
        # no Alt+letter keys here: they belong to the form beside the panel (F6 reaches the
        # panel, Tab its controls)
        for label, combo in (("Role", self.role), ("Kind", self.kind),
                             ("Setting", self.setting), ("Population", self.population)):
            lab = QLabel(label, self)
            lab.setBuddy(combo)
            grid.addRow(lab, combo)  # one a row: each shows its longest entry whole
        v.addLayout(grid)

        self.count = QLabel("Loading the library\u2026", self)
        self.count.setWordWrap(True)
        self.count.setAccessibleName("Number of results")
        v.addWidget(self.count)
        self.model = _Model(self)
        self.view = _ResultsView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName("Library statements")
        self.view.setItemDelegate(TwoLineDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        v.addWidget(self.view, 1)

        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName("Statement details")
        # the details scroll in a few lines of their own, so the results keep the room
        detail_box = QScrollArea(self)
        detail_box.setWidgetResizable(True)
        detail_box.setFrameShape(QFrame.Shape.NoFrame)
        detail_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail_box.setWidget(self.detail)
        detail_box.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 4)
        detail_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.detail_box = detail_box
        v.addWidget(detail_box)

        buttons = QHBoxLayout()
        self.insert_button = QPushButton("Insert", self)
        self.insert_button.setToolTip("Insert into the job description (or double-click, "
                                      "press Enter, or drag onto a section)")
        self.add_button = QPushButton("Add to my library\u2026", self)
        for b in (self.insert_button, self.add_button):
            b.setAccessibleName(b.text().replace("&", "").replace("\u2026", ""))
            buttons.addWidget(b)
        buttons.addStretch(1)
        v.addLayout(buttons)

        # search as you type, once typing pauses (a full result list takes tens of ms to lay out)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        for combo in (self.role, self.kind, self.setting, self.population):
            combo.currentIndexChanged.connect(self.refresh)
        self.view.doubleClicked.connect(lambda _i: self._insert_current())
        self.view.insertRequested.connect(self._insert_current)
        self.insert_button.clicked.connect(self._insert_current)
        self.add_button.clicked.connect(self.addPersonalRequested.emit)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_detail())
        self.search.returnPressed.connect(self._focus_results)
        ctx.libraryChanged.connect(self.library_loaded)
        if ctx.library is not None:
            self.library_loaded()
        self._update_enabled()

    def _combo(self, name: str, any_label: str) -> QComboBox:
        combo = fitting_combo(QComboBox(self))
        combo.setAccessibleName(f"Filter by {name.lower()}")
        combo.addItem(any_label, None)
        return combo

    # ---- data ----------------------------------------------------------------------------
    def library_loaded(self) -> None:
        lib = self.ctx.library
        current = self.role.currentData()
        self.role.blockSignals(True)
        while self.role.count() > 1:
            self.role.removeItem(1)
        if lib:
            for role in sorted(lib.roles.values(), key=lambda r: r.name):
                self.role.addItem(role.name, role.id)
        idx = self.role.findData(current)
        self.role.setCurrentIndex(max(idx, 0))
        self.role.blockSignals(False)
        self.refresh()

    def set_role(self, role_id: str) -> None:
        idx = self.role.findData(role_id or None)
        if idx >= 0:
            self.role.setCurrentIndex(idx)

    def refresh(self) -> None:
        self.search_timer.stop()
        lib = self.ctx.library
        self.model.clear()
        if lib is None:
            self.count.setText("Loading the library\u2026")
            self._update_enabled()
            return
        kind = self.kind.currentData()
        tags = [t for t in (self.setting.currentData(), self.population.currentData()) if t]
        hits = lib.index().search(self.search.text(), role=self.role.currentData(),
                                  kind=StatementKind(kind) if kind else None, tags=tags,
                                  limit=RESULT_LIMIT)
        for hit in hits:
            st = hit.statement
            item = QStandardItem(st.text)
            item.setData(self.secondary(st), SECONDARY_ROLE)
            item.setData(st.id, ID_ROLE)
            item.setToolTip(f"{st.text}\n\n{self.secondary(st)}")
            item.setAccessibleText(f"{st.text}. {self.secondary(st)}")
            item.setDragEnabled(True)
            item.setEditable(False)
            self.model.appendRow(item)
        shown = len(hits)
        text = f"{shown} statement{'s' if shown != 1 else ''}" + (
            " (first 200)" if shown >= RESULT_LIMIT else "")
        problems = self.ctx.library_problems()
        if problems:
            text += (f" \u2014 {len(problems)} entr{'y' if len(problems) == 1 else 'ies'} in "
                     "your library could not be used (hover for details)")
        self.count.setText(text)
        self.count.setToolTip("\n".join(problems))
        if shown:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._show_detail()
        self._update_enabled()

    @staticmethod
    def secondary(st: Statement) -> str:
        extra = f" ({st.level})" if st.level else ""
        area = f" \u00b7 {st.area}" if st.area else ""
        return (f"{st.kind.label}{extra}{area} \u00b7 {LAYER_WORD.get(st.layer, st.layer)} "
                f"\u00b7 Source: {st.source}")

    def current_statement(self) -> Statement | None:
        index = self.view.currentIndex()
        lib = self.ctx.library
        if not index.isValid() or lib is None:
            return None
        return lib.statements.get(str(index.data(ID_ROLE)))

    def _show_detail(self) -> None:
        st = self.current_statement()
        self.insert_button.setEnabled(st is not None)
        if st is None:
            self.detail.setText("")
            return
        roles = "all roles" if "all" in st.roles else ", ".join(st.roles)
        self.detail.setText(f"Source: {st.source} (reviewed {st.reviewed_on})\n"
                            f"Roles: {roles}\nSettings: {', '.join(st.settings)}\n"
                            f"Populations: {', '.join(st.populations)}")
        self.detail_box.verticalScrollBar().setValue(0)

    def _update_enabled(self) -> None:
        self.insert_button.setEnabled(self.current_statement() is not None)
        self.add_button.setEnabled(self.ctx.library is not None)

    def _insert_current(self) -> None:
        st = self.current_statement()
        if st is not None:
            self.insertRequested.emit(st)

    def _focus_results(self) -> None:
        if self.search_timer.isActive():
            self.refresh()
        if self.model.rowCount():
            self.view.setFocus()

    def index_of(self, statement_id: str) -> QModelIndex | QPersistentModelIndex:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(ID_ROLE) == statement_id:
                return index
        return QModelIndex()
