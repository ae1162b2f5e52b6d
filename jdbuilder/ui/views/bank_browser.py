"""The question bank browser: filter by section and competency, see probes, look-fors, red
flags and anchors, and add a question to the interview kit."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jdbuilder.interview.bank import COMPETENCIES, SECTIONS, BankQuestion
from jdbuilder.ui.widgets.common import SECONDARY_ROLE, TwoLineDelegate, fitting_combo

if TYPE_CHECKING:
    from jdbuilder.ui.editing.document import Document
    from jdbuilder.ui.services.context import AppContext


def nice(token: str) -> str:
    return token.replace("-", " ").capitalize()


def question_html(q: BankQuestion | None = None, *, competency: str = "", probes: tuple[str, ...]
                  | list[str] = (), good: tuple[str, ...] | list[str] = (),
                  red: tuple[str, ...] | list[str] = (), anchors: dict[int, str] | None = None,
                  note: str = "", source: str = "") -> str:
    """Probes, look-fors, red flags and anchors as HTML (for the bank and the kit)."""
    if q is not None:
        competency, probes, good, red = q.competency, q.probes, q.good_answer, q.red_flags
        anchors, note, source = dict(q.anchors), q.interviewer_note, q.source
    e = html.escape
    parts = []
    if competency:
        parts.append(f"<p><b>Competency:</b> {e(nice(competency))}</p>")
    for title, items in (("Probes", probes), ("What a good answer includes", good),
                         ("Red flags", red)):
        if items:
            parts.append(f"<p><b>{title}</b></p><ul>"
                         + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>")
    if anchors:
        parts.append("<p><b>Rating anchors</b></p><ul>" + "".join(
            f"<li><b>{k}</b>: {e(v)}</li>" for k, v in sorted(anchors.items())) + "</ul>")
    if note:
        parts.append(f"<p><b>Interviewer note:</b> {e(note)}</p>")
    if source:
        parts.append(f"<p><i>Source: {e(source)}</i></p>")
    return "".join(parts)


class _List(QListWidget):
    addRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.addRequested.emit()
            return
        super().keyPressEvent(event)


class BankBrowser(QWidget):
    addRequested = Signal(object)  # BankQuestion

    def __init__(self, doc: Document, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.ctx = ctx
        self.setAccessibleName("Question bank")
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>Question bank</b>", self)
        v.addWidget(title)
        form = QFormLayout()
        self.section = fitting_combo(QComboBox(self))
        self.section.setAccessibleName("Filter by section")
        self.section.addItem("All sections", None)
        for key, label in SECTIONS.items():
            self.section.addItem(label, key)
        form.addRow("&Section", self.section)
        self.competency = fitting_combo(QComboBox(self))
        self.competency.setAccessibleName("Filter by competency")
        self.competency.addItem("All competencies", None)
        for c in COMPETENCIES:
            self.competency.addItem(nice(c), c)
        form.addRow("C&ompetency", self.competency)
        self.role_only = QCheckBox("Only questions for this role", self)
        self.role_only.setChecked(True)
        form.addRow(self.role_only)
        v.addLayout(form)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.list = _List(split)
        self.list.setAccessibleName("Bank questions")
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setAlternatingRowColors(True)
        self.details = QTextBrowser(split)
        self.details.setAccessibleName("Question details")
        self.details.setOpenLinks(False)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        v.addWidget(split, 1)
        self.add_button = QPushButton("Add to the &kit", self)
        self.add_button.setAccessibleName("Add to the kit")
        v.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.section.currentIndexChanged.connect(self.refresh)
        self.competency.currentIndexChanged.connect(self.refresh)
        self.role_only.toggled.connect(self.refresh)
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.list.itemDoubleClicked.connect(lambda *_: self._add())
        self.list.addRequested.connect(self._add)
        self.add_button.clicked.connect(self._add)
        ctx.bankReady.connect(self.refresh)
        self.refresh()

    def questions(self) -> list[BankQuestion]:
        bank = self.ctx.bank or ()
        section, comp = self.section.currentData(), self.competency.currentData()
        role = self.doc.jd.role_id if self.role_only.isChecked() else ""
        return [q for q in bank if (section is None or q.section == section)
                and (comp is None or q.competency == comp)
                and (not role or q.suits_role(role))]

    def refresh(self) -> None:
        current = self.current()
        self.list.clear()
        if self.ctx.bank is None:
            self.details.setPlainText("Loading the question bank\u2026")
            self.add_button.setEnabled(False)
            return
        in_kit = {q.bank_id for q in self.doc.kit.questions}
        for q in self.questions():
            item = QListWidgetItem(q.text, self.list)
            second = f"{SECTIONS.get(q.section, q.section)} \u00b7 {nice(q.competency)}"
            if q.id in in_kit:
                second += " \u00b7 in the kit"
            item.setData(SECONDARY_ROLE, second)
            item.setData(Qt.ItemDataRole.UserRole, q)
            item.setToolTip(q.text)
            if current is not None and q.id == current.id:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show()

    def current(self) -> BankQuestion | None:
        item = self.list.currentItem()
        q = item.data(Qt.ItemDataRole.UserRole) if item else None
        return q if isinstance(q, BankQuestion) else None

    def _show(self) -> None:
        q = self.current()
        self.add_button.setEnabled(q is not None)
        self.details.setHtml(question_html(q) if q else "<p>No question selected.</p>")

    def _add(self) -> None:
        q = self.current()
        if q is not None:
            self.addRequested.emit(q)
