"""The interview kit tab: pick questions from the bank, write your own with a live verdict,
set weights, interviewers and candidates, and see which responsibility areas are covered.

The kit lives in the document as an InterviewKit (Project.kit, saved as "interview_kit").
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdbuilder.interview.bank import BankQuestion
from jdbuilder.interview.kits import from_bank
from jdbuilder.model.kit import InterviewKit, KitProblem, KitQuestion
from jdbuilder.ui.views.bank_browser import BankBrowser, question_html
from jdbuilder.ui.views.kit_details import KitDetailsPage
from jdbuilder.ui.views.kit_people import CoveragePage, PeoplePage
from jdbuilder.ui.widgets.fields import FieldEdit
from jdbuilder.ui.widgets.form import StructureNotes
from jdbuilder.ui.widgets.icons import VERDICT_WORD, icon, icon_size
from jdbuilder.vocab import Verdict

if TYPE_CHECKING:
    from jdbuilder.interview.questions import QuestionVerdict
    from jdbuilder.model.fields import ValuePath as Path
    from jdbuilder.ui.editing.document import Document
    from jdbuilder.ui.services.context import AppContext


@lru_cache(maxsize=512)
def verdict_of(text: str, facts: tuple[tuple[str, str], ...] = ()) -> QuestionVerdict | None:
    """The pre-offer check of one question, its rewrite filled with the job's facts (a few
    milliseconds; cached per text and facts)."""
    if not text.strip():
        return None
    from jdbuilder.interview import check_question

    return check_question(text, facts=dict(facts))


def facts_of(doc: Document) -> tuple[tuple[str, str], ...]:
    """The open job description's facts, for the rewrites (hashable, for the cache)."""
    from jdbuilder.interview.facts import job_facts

    return tuple(sorted(job_facts(doc.jd).items()))


def remove_question(kit: InterviewKit, qid: str) -> InterviewKit:
    """A copy of the kit without the question, its scores, consensus and assignments."""
    g = copy.deepcopy(kit)
    g.questions = [q for q in g.questions if q.id != qid]
    g.scores = [s for s in g.scores if s.question != qid]
    g.consensus = [c for c in g.consensus if c.question != qid]
    for iv in g.interviewers:
        iv.questions = [q for q in iv.questions if q != qid]
    return g


class VerdictView(QWidget):
    """The live verdict of one question: icon and word, the reason, and the compliant rewrite."""

    applyRewrite = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Question check")
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.icon = QLabel(self)
        self.word = QLabel(self)
        font = self.word.font()
        font.setBold(True)
        self.word.setFont(font)
        self.word.setAccessibleName("Verdict")
        top.addWidget(self.icon)
        top.addWidget(self.word, 1)
        v.addLayout(top)
        self.reason = QLabel(self)
        self.note = QLabel(self)
        self.rewrite = QLabel(self)
        for lab in (self.reason, self.note, self.rewrite):
            lab.setWordWrap(True)
            lab.setTextFormat(Qt.TextFormat.PlainText)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            v.addWidget(lab)
        self.button = QPushButton("Use the compliant &rewrite", self)
        self.button.setAccessibleName("Use the compliant rewrite")
        self.button.clicked.connect(self.applyRewrite.emit)
        v.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.verdict: QuestionVerdict | None = None
        self.show_verdict(None)

    def show_verdict(self, verdict: QuestionVerdict | None) -> None:
        self.verdict = verdict
        if verdict is None:
            self.icon.clear()
            self.word.setText("Write a question to check it.")
            for lab in (self.reason, self.note, self.rewrite):
                lab.clear()
                lab.hide()
            self.button.hide()
            return
        size = icon_size()
        self.icon.setPixmap(icon(verdict.verdict).pixmap(size, size))
        word = VERDICT_WORD.get(verdict.verdict, verdict.verdict)
        self.word.setText(word if verdict.verdict == Verdict.OK else
                          f"{word}: {verdict.category.replace('-', ' ')}")
        self.reason.setText(verdict.reason)
        self.reason.setVisible(bool(verdict.reason))
        self.note.setText(f"Interviewer note: {verdict.note}" if verdict.note else "")
        self.note.setVisible(bool(verdict.note))
        has_rewrite = verdict.verdict != Verdict.OK and bool(verdict.rewrite)
        blanks = ""
        if has_rewrite and verdict.blanks:
            missing = ", ".join(b.replace("_", " ") for b in verdict.blanks)
            blanks = (f" (Fill in the blank: the job description does not state the "
                      f"{missing} yet.)")
        self.rewrite.setText(f"Compliant rewrite: {verdict.rewrite}{blanks}" if has_rewrite
                             else "")
        self.rewrite.setVisible(has_rewrite)
        self.button.setVisible(has_rewrite)


class QuestionsPage(QWidget):
    status = Signal(str)

    def __init__(self, doc: Document, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.ctx = ctx
        self.selected: int | None = None
        self._refreshing = False
        v = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        v.addWidget(split, 1)

        top = QWidget(split)
        h = QHBoxLayout(top)
        h.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(top)
        self.tree.setAccessibleName("Questions in the kit")
        self.tree.setHeaderLabels(["Verdict", "Question", "Weight", "Areas assessed"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        h.addWidget(self.tree, 1)
        buttons = QVBoxLayout()
        self.new_button = QPushButton("&Write your own question", top)
        self.remove_button = QPushButton("Re&move question", top)
        self.up_button = QPushButton("Move &up", top)
        self.down_button = QPushButton("Move dow&n", top)
        for b in (self.new_button, self.remove_button, self.up_button, self.down_button):
            b.setAccessibleName(b.text().replace("&", ""))
            buttons.addWidget(b)
        buttons.addStretch(1)
        h.addLayout(buttons)

        scroll = QScrollArea(split)
        scroll.setAccessibleName("Selected question")
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields inside
        editor = QWidget()
        scroll.setWidget(editor)
        ev = QVBoxLayout(editor)
        self.editor_box = QGroupBox("Selected question", editor)
        form = QFormLayout(self.editor_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.text = FieldEdit(None, name="Question text", multiline=True,
                              placeholder="Write the question as the interviewer reads it")
        form.addRow("Ques&tion", self.text)
        self.verdict = VerdictView(self.editor_box)
        form.addRow("Check", self.verdict)
        self.weight = QDoubleSpinBox(self.editor_box)
        self.weight.setAccessibleName("Weight")
        self.weight.setRange(0.5, 5.0)
        self.weight.setSingleStep(0.5)
        self.weight.setDecimals(1)
        form.addRow("We&ight", self.weight)
        self.areas = QListWidget(self.editor_box)
        self.areas.setAccessibleName("Responsibility areas this question assesses")
        self.areas.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        form.addRow("&Assesses", self.areas)
        self.details = QTextBrowser(self.editor_box)
        self.details.setAccessibleName("Probes, look-fors, red flags and anchors")
        form.addRow("Guidance", self.details)
        ev.addWidget(self.editor_box)

        just = QGroupBox("Weights", editor)
        jv = QVBoxLayout(just)
        self.weight_notes = StructureNotes(just)
        jv.addWidget(self.weight_notes)
        why = QLabel("Equal weights are the default. If some questions count for more, "
                     "write down why:", just)
        why.setWordWrap(True)
        jv.addWidget(why)
        self.justification = FieldEdit(("kit", "weight_justification"),
                                       name="Weight justification", multiline=True,
                                       placeholder="Why the weights are unequal")
        jv.addWidget(self.justification)
        ev.addWidget(just)
        ev.addStretch(1)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)

        self.tree.currentItemChanged.connect(lambda *_: self._select_current())
        self.new_button.clicked.connect(self.write_own)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.text.edited.connect(self._text_edited)
        self.verdict.applyRewrite.connect(self.apply_rewrite)
        self.weight.valueChanged.connect(self._weight_changed)
        self.areas.itemChanged.connect(lambda _i: self._areas_changed())
        self.justification.edited.connect(lambda t: self.doc.set_value(
            ("kit", "weight_justification"), t, "edit weight justification", merge=True))
        self.refresh()

    # ---- refresh -------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refreshing = True
        try:
            kit = self.doc.kit
            titles = {a.title for a in self.doc.jd.areas}
            facts = facts_of(self.doc)
            keep = self.selected
            self.tree.clear()
            for q in kit.questions:
                v = verdict_of(q.text, facts)
                word = VERDICT_WORD.get(v.verdict, v.verdict) if v else "Empty"
                areas = [a for a in q.areas if a in titles]
                item = QTreeWidgetItem([word, q.text or "(empty)", f"{q.weight:g}",
                                        "; ".join(areas) or "None"])
                if v is not None:
                    item.setIcon(0, icon(v.verdict))
                item.setToolTip(1, q.text)
                self.tree.addTopLevelItem(item)
            n = len(kit.questions)
            kept = self.tree.topLevelItem(min(keep, n - 1)) if keep is not None and n else None
            if kept is not None:
                self.tree.setCurrentItem(kept)
            current = self.tree.currentItem()
            self.selected = self.tree.indexOfTopLevelItem(current) if current else None
            self._fill_editor()
            self.justification.set_text(kit.weight_justification)
            self.weight_notes.set_findings(
                [p for p in kit.problems() if p.code == KitProblem.UNJUSTIFIED_WEIGHTS])
        finally:
            self._refreshing = False

    def _fill_editor(self) -> None:
        i = self.selected
        q = self.doc.kit.questions[i] if i is not None and i < len(self.doc.kit.questions) \
            else None
        self.editor_box.setEnabled(q is not None)
        for b in (self.remove_button, self.up_button, self.down_button):
            b.setEnabled(q is not None)
        if q is None or i is None:
            self.text.path = None
            self.text.set_text("")
            self.verdict.show_verdict(None)
            self.details.clear()
            self.areas.clear()
            return
        self.text.path = ("kit", "questions", i, "text")
        self.text.set_text(q.text)
        self.verdict.show_verdict(verdict_of(q.text, facts_of(self.doc)))
        self.weight.blockSignals(True)
        self.weight.setValue(q.weight)
        self.weight.blockSignals(False)
        self.areas.blockSignals(True)
        self.areas.clear()
        for area in self.doc.jd.areas:
            item = QListWidgetItem(area.title or "(untitled area)", self.areas)
            item.setData(Qt.ItemDataRole.UserRole, area.title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if area.title in q.areas
                               else Qt.CheckState.Unchecked)
        self.areas.blockSignals(False)
        rows = max(self.areas.count(), 1)
        row_h = self.areas.sizeHintForRow(0) if self.areas.count() else \
            self.fontMetrics().height() + 4
        self.areas.setMaximumHeight(row_h * rows + 2 * self.areas.frameWidth() + 4)
        self.details.setHtml(question_html(
            competency=q.competency, probes=q.probes, good=q.good_answer, red=q.red_flags,
            anchors=q.anchors, note=q.note) or "<p>No guidance for this question yet.</p>")

    def _select_current(self) -> None:
        if self._refreshing:
            return
        item = self.tree.currentItem()
        self.selected = self.tree.indexOfTopLevelItem(item) if item else None
        self._fill_editor()

    def select(self, index: int) -> None:
        item = self.tree.topLevelItem(index)
        if item is not None:
            self.tree.setCurrentItem(item)

    # ---- edits ---------------------------------------------------------------------------
    def _path(self, *rest: str | int) -> Path | None:
        if self.selected is None:
            return None
        return ("kit", "questions", self.selected, *rest)

    def _text_edited(self, text: str) -> None:
        path = self._path("text")
        if path is not None:
            self.doc.set_value(path, text, "edit question", merge=True)

    def _weight_changed(self, value: float) -> None:
        path = self._path("weight")
        if path is not None and not self._refreshing:
            self.doc.set_value(path, float(value), "change weight", merge=True)

    def _areas_changed(self) -> None:
        path = self._path("areas")
        if path is None or self._refreshing:
            return
        chosen = [self.areas.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(self.areas.count())
                  if self.areas.item(i).checkState() == Qt.CheckState.Checked]
        self.doc.set_value(path, chosen, "change areas assessed")

    def add_bank_question(self, q: BankQuestion) -> None:
        kit = self.doc.kit
        existing = [i for i, g in enumerate(kit.questions) if g.id == q.id]
        if existing:
            self.select(existing[0])
            self.status.emit("That question is already in the kit.")
            return
        self.doc.insert(("kit", "questions"), len(kit.questions), from_bank(q),
                        "add question")
        self.select(len(kit.questions) - 1)

    def write_own(self) -> None:
        ids = {q.id for q in self.doc.kit.questions}
        n = 1
        while f"custom-{n}" in ids:
            n += 1
        q = KitQuestion(id=f"custom-{n}", text="", section="custom")
        self.doc.insert(("kit", "questions"), len(self.doc.kit.questions), q, "write question")
        self.select(len(self.doc.kit.questions) - 1)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_selected(self) -> None:
        i = self.selected
        if i is None or i >= len(self.doc.kit.questions):
            return
        qid = self.doc.kit.questions[i].id
        self.doc.set_value(("kit",), remove_question(self.doc.kit, qid), "remove question",
                           structural=True)

    def move_selected(self, delta: int) -> None:
        i = self.selected
        if i is None:
            return
        if self.doc.move(("kit", "questions"), i, i + delta, "move question"):
            self.select(i + delta)

    def apply_rewrite(self) -> None:
        path = self._path("text")
        v = self.verdict.verdict
        if path is None or v is None or not v.rewrite:
            return
        self.doc.set_value(path, v.rewrite, "apply compliant rewrite")




class KitTab(QWidget):
    status = Signal(str)

    def __init__(self, doc: Document, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName("Interview kit")
        h = QHBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        h.addWidget(split)
        self.bank = BankBrowser(doc, ctx, split)
        self.tabs = QTabWidget(split)
        self.tabs.setAccessibleName("Interview kit sections")
        self.questions = QuestionsPage(doc, ctx)
        self.people = PeoplePage(doc)
        self.coverage = CoveragePage(doc)
        self.details = KitDetailsPage(doc)
        self.tabs.addTab(self.questions, "&Questions")
        self.tabs.addTab(self.people, "Interviewers and &candidates")
        self.tabs.addTab(self.details, "Packet &details")
        self.tabs.addTab(self.coverage, "Covera&ge")
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.bank.addRequested.connect(self.questions.add_bank_question)
        self.questions.status.connect(self.status.emit)
        doc.changed.connect(self._on_changed)
        doc.reset.connect(self.refresh)

    def _on_changed(self, path: Path, structural: bool) -> None:
        if not path:
            return
        if path[0] == "kit":
            self.refresh(bank=structural or len(path) <= 2)
        elif path in (("jd",), ("jd", "areas"), ("jd", "role_id")) or (
                path[:2] == ("jd", "areas") and path[-1] == "title"):
            self.refresh(bank=path != ("jd", "areas"))

    def refresh(self, bank: bool = True) -> None:
        self.questions.refresh()
        self.people.refresh()
        self.coverage.refresh()
        if bank:
            self.bank.refresh()

    def find_fields(self) -> list[FieldEdit]:
        return [self.questions.text, self.questions.justification]
