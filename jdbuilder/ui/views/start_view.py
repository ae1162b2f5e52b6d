"""The start view: role templates, a blank job description, Open..., and recent files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from jdbuilder.ui.widgets.common import SECONDARY_ROLE, TwoLineDelegate

if TYPE_CHECKING:
    from jdbuilder.ui.services.context import AppContext


class _ActivateList(QListWidget):
    """A list whose Enter key activates the current item on every platform."""

    chosen = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.chosen.emit()
            return
        super().keyPressEvent(event)


class StartView(QScrollArea):
    templateChosen = Signal(str)
    blankChosen = Signal()
    openRequested = Signal()
    recentChosen = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Start")
        outer = QWidget()
        h = QHBoxLayout(outer)
        h.addStretch(1)
        column = QWidget(outer)
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * 130)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        h.addWidget(column, 100)
        h.addStretch(1)
        self.setWidget(outer)
        v = QVBoxLayout(column)

        heading = QLabel("Start a job description", column)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName("Start a job description")
        v.addWidget(heading)
        intro = QLabel("Choose a role template to start from a complete job description in the "
                       "handbook's structure, start from a blank page, or open a project.",
                       column)
        intro.setWordWrap(True)
        v.addWidget(intro)

        row = QHBoxLayout()
        v.addLayout(row, 1)
        tbox = QGroupBox("Role &templates", column)
        tv = QVBoxLayout(tbox)
        self.templates = _ActivateList(tbox)
        self.templates.setAccessibleName("Role templates")
        self.templates.setItemDelegate(TwoLineDelegate(self.templates, bold_main=True))
        self.templates.setWordWrap(True)
        self.templates.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.templates.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        tv.addWidget(self.templates, 1)
        self.create_button = QPushButton("&Create from template", tbox)
        self.create_button.setAccessibleName("Create from template")
        self.create_button.setDefault(True)
        tv.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        row.addWidget(tbox, 3)

        side = QVBoxLayout()
        obox = QGroupBox("Other ways to start", column)
        ov = QVBoxLayout(obox)
        self.blank_button = QPushButton("&Blank job description", obox)
        self.open_button = QPushButton("&Open\u2026", obox)
        for b in (self.blank_button, self.open_button):
            b.setAccessibleName(b.text().replace("&", "").replace("\u2026", ""))
            ov.addWidget(b)
        side.addWidget(obox)
        rbox = QGroupBox("&Recent files", column)
        rv = QVBoxLayout(rbox)
        self.recent = _ActivateList(rbox)
        self.recent.setAccessibleName("Recent files")
        self.recent.setItemDelegate(TwoLineDelegate(self.recent))
        self.recent.setWordWrap(True)
        rv.addWidget(self.recent, 1)
        side.addWidget(rbox, 1)
        row.addLayout(side, 2)

        self.templates.itemDoubleClicked.connect(lambda *_: self._choose_template())
        self.templates.chosen.connect(self._choose_template)
        self.create_button.clicked.connect(self._choose_template)
        self.blank_button.clicked.connect(self.blankChosen.emit)
        self.open_button.clicked.connect(self.openRequested.emit)
        self.recent.itemDoubleClicked.connect(lambda *_: self._choose_recent())
        self.recent.chosen.connect(self._choose_recent)
        ctx.libraryChanged.connect(self.fill_templates)
        self.fill_templates()

    def fill_templates(self) -> None:
        self.templates.clear()
        lib = self.ctx.library
        if lib is None:
            item = QListWidgetItem("Loading role templates\u2026", self.templates)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.create_button.setEnabled(False)
            return
        for role in sorted(lib.roles.values(), key=lambda r: r.name):
            item = QListWidgetItem(role.name, self.templates)
            item.setData(SECONDARY_ROLE, role.summary)
            item.setData(Qt.ItemDataRole.UserRole, role.id)
            item.setToolTip(role.summary)
        self.templates.setCurrentRow(0)
        self.create_button.setEnabled(self.templates.count() > 0)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for p in paths:
            item = QListWidgetItem(Path(p).name, self.recent)
            item.setData(SECONDARY_ROLE, str(Path(p).parent))
            item.setData(Qt.ItemDataRole.UserRole, p)
            item.setToolTip(p)
        if not paths:
            item = QListWidgetItem("No recent files", self.recent)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.recent.setCurrentRow(0)

    def template_ids(self) -> list[str]:
        return [self.templates.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.templates.count())
                if self.templates.item(i).data(Qt.ItemDataRole.UserRole)]

    def _choose_template(self) -> None:
        item = self.templates.currentItem()
        role_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if role_id:
            self.templateChosen.emit(role_id)

    def _choose_recent(self) -> None:
        item = self.recent.currentItem()
        path = item.data(Qt.ItemDataRole.UserRole) if item else None
        if path:
            self.recentChosen.emit(path)

    def focus_first(self) -> None:
        if self.templates.count() and self.create_button.isEnabled():
            self.templates.setFocus()
        else:
            self.blank_button.setFocus()
