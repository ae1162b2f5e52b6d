"""Interviewers (and the questions each asks), candidates by ID with the separate name key,
and the coverage report of responsibility areas."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdbuilder.interview.kits import coverage
from jdbuilder.model.kit import Interviewer
from jdbuilder.ui.widgets.fields import UndoLineEdit
from jdbuilder.ui.widgets.icons import icon
from jdbuilder.vocab import Severity, Verdict

if TYPE_CHECKING:
    from jdbuilder.model.kit import InterviewKit
    from jdbuilder.ui.editing.document import Document


def _unique(prefix: str, taken: set[str]) -> str:
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def rename_candidate(kit: InterviewKit, old: str, new: str) -> InterviewKit:
    g = copy.deepcopy(kit)
    g.candidates = [new if c == old else c for c in g.candidates]
    if old in g.name_key:
        g.name_key[new] = g.name_key.pop(old)
    for s in g.scores:
        if s.candidate == old:
            s.candidate = new
    for c in g.consensus:
        if c.candidate == old:
            c.candidate = new
    return g


def remove_candidate(kit: InterviewKit, cid: str) -> InterviewKit:
    g = copy.deepcopy(kit)
    g.candidates = [c for c in g.candidates if c != cid]
    g.name_key.pop(cid, None)
    g.scores = [s for s in g.scores if s.candidate != cid]
    g.consensus = [c for c in g.consensus if c.candidate != cid]
    return g


def remove_interviewer(kit: InterviewKit, iid: str) -> InterviewKit:
    g = copy.deepcopy(kit)
    g.interviewers = [i for i in g.interviewers if i.id != iid]
    g.scores = [s for s in g.scores if s.interviewer != iid]
    return g


class PeoplePage(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._refreshing = False
        outer = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(split)

        ivbox = QGroupBox("Interviewers", split)
        ih = QHBoxLayout(ivbox)
        left = QVBoxLayout()
        self.interviewers = QListWidget(ivbox)
        self.interviewers.setAccessibleName("Interviewers")
        left.addWidget(self.interviewers, 1)
        self.add_iv = QPushButton("Add &interviewer", ivbox)
        self.remove_iv = QPushButton("Remove interviewer", ivbox)
        for b in (self.add_iv, self.remove_iv):
            b.setAccessibleName(b.text().replace("&", ""))
            left.addWidget(b)
        ih.addLayout(left, 1)
        right = QVBoxLayout()
        form = QFormLayout()
        self.iv_name = UndoLineEdit(ivbox)
        self.iv_name.setAccessibleName("Interviewer name")
        self.iv_name.setPlaceholderText("Name or role of the interviewer")
        form.addRow("&Name", self.iv_name)
        right.addLayout(form)
        assigned_label = QLabel("Questions this interviewer asks (none ticked: all "
                                "questions):", ivbox)
        assigned_label.setWordWrap(True)
        right.addWidget(assigned_label)
        self.assigned = QListWidget(ivbox)
        self.assigned.setAccessibleName("Questions assigned to this interviewer")
        self.assigned.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.assigned.setWordWrap(True)  # each question reads whole, on as many lines as it needs
        self.assigned.setUniformItemSizes(False)
        self.assigned.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.assigned.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right.addWidget(self.assigned, 1)
        ih.addLayout(right, 2)

        cbox = QGroupBox("Candidates", split)
        cv = QVBoxLayout(cbox)
        note = QLabel("Candidates are identified by an ID on every interview document. Their "
                      "names are kept only in the separate name key.", cbox)
        note.setWordWrap(True)
        cv.addWidget(note)
        ch = QHBoxLayout()
        self.candidates = QTableWidget(0, 2, cbox)
        self.candidates.setAccessibleName("Candidates")
        self.candidates.setHorizontalHeaderLabels(["Candidate ID", "Name (name key only)"])
        self.candidates.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.candidates.verticalHeader().setVisible(False)
        ch.addWidget(self.candidates, 1)
        cbuttons = QVBoxLayout()
        self.add_c = QPushButton("Add c&andidate", cbox)
        self.remove_c = QPushButton("Remove candidate", cbox)
        for b in (self.add_c, self.remove_c):
            b.setAccessibleName(b.text().replace("&", ""))
            cbuttons.addWidget(b)
        cbuttons.addStretch(1)
        ch.addLayout(cbuttons)
        cv.addLayout(ch, 1)

        self.interviewers.currentRowChanged.connect(lambda _r: self._fill_interviewer())
        self.add_iv.clicked.connect(lambda: self.add_interviewer())
        self.remove_iv.clicked.connect(self.remove_current_interviewer)
        self.iv_name.editingFinished.connect(self._name_edited)
        self.iv_name.textEdited.connect(self._name_typed)
        self.assigned.itemChanged.connect(lambda _i: self._assigned_changed())
        self.add_c.clicked.connect(lambda: self.add_candidate())
        self.remove_c.clicked.connect(self.remove_current_candidate)
        self.candidates.itemChanged.connect(self._candidate_edited)
        self.refresh()

    # ---- refresh -------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refreshing = True
        try:
            kit = self.doc.kit
            row = self.interviewers.currentRow()
            self.interviewers.clear()
            for i in kit.interviewers:
                self.interviewers.addItem(i.name or i.id)
            if kit.interviewers:
                self.interviewers.setCurrentRow(min(max(row, 0), len(kit.interviewers) - 1))
            crow = self.candidates.currentRow()
            self.candidates.setRowCount(len(kit.candidates))
            for r, cid in enumerate(kit.candidates):
                self.candidates.setItem(r, 0, QTableWidgetItem(cid))
                self.candidates.setItem(r, 1, QTableWidgetItem(kit.name_key.get(cid, "")))
            if kit.candidates:
                self.candidates.setCurrentCell(min(max(crow, 0), len(kit.candidates) - 1), 0)
            self.remove_c.setEnabled(bool(kit.candidates))
        finally:
            self._refreshing = False
        self._fill_interviewer()

    def _fill_interviewer(self) -> None:
        kit = self.doc.kit
        row = self.interviewers.currentRow()
        has = 0 <= row < len(kit.interviewers)
        for w in (self.iv_name, self.assigned, self.remove_iv):
            w.setEnabled(has)
        self.assigned.blockSignals(True)
        self.assigned.clear()
        if has:
            person = kit.interviewers[row]
            if self.iv_name.text() != person.name:
                self.iv_name.setText(person.name)
            for q in kit.questions:
                item = QListWidgetItem(q.text or "(empty question)", self.assigned)
                item.setToolTip(q.text)
                item.setData(Qt.ItemDataRole.UserRole, q.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if q.id in person.questions
                                   else Qt.CheckState.Unchecked)
        else:
            self.iv_name.clear()
        self.assigned.blockSignals(False)

    # ---- interviewers --------------------------------------------------------------------
    def add_interviewer(self, name: str = "") -> None:
        kit = self.doc.kit
        iid = _unique("iv-", {i.id for i in kit.interviewers})
        person = Interviewer(id=iid, name=name or f"Interviewer {len(kit.interviewers) + 1}")
        self.doc.insert(("kit", "interviewers"), len(kit.interviewers), person,
                        "add interviewer")
        self.interviewers.setCurrentRow(len(kit.interviewers) - 1)
        self.iv_name.setFocus()
        self.iv_name.selectAll()

    def remove_current_interviewer(self) -> None:
        row = self.interviewers.currentRow()
        kit = self.doc.kit
        if 0 <= row < len(kit.interviewers):
            self.doc.set_value(("kit",), remove_interviewer(kit, kit.interviewers[row].id),
                               "remove interviewer", structural=True)

    def _name_typed(self, text: str) -> None:
        """The list shows the name as it is typed (the document takes it when typing ends)."""
        item = self.interviewers.currentItem()
        if item is not None:
            row = self.interviewers.currentRow()
            person = self.doc.kit.interviewers[row] if 0 <= row < len(
                self.doc.kit.interviewers) else None
            item.setText(text.strip() or (person.id if person else ""))

    def _name_edited(self) -> None:
        row = self.interviewers.currentRow()
        if 0 <= row < len(self.doc.kit.interviewers):
            self.doc.set_value(("kit", "interviewers", row, "name"), self.iv_name.text().strip(),
                               "rename interviewer")

    def _assigned_changed(self) -> None:
        row = self.interviewers.currentRow()
        if not 0 <= row < len(self.doc.kit.interviewers):
            return
        chosen = [self.assigned.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(self.assigned.count())
                  if self.assigned.item(i).checkState() == Qt.CheckState.Checked]
        self.doc.set_value(("kit", "interviewers", row, "questions"), chosen,
                           "assign questions")

    # ---- candidates ----------------------------------------------------------------------
    def add_candidate(self, cid: str = "", name: str = "") -> None:
        kit = self.doc.kit
        g = copy.deepcopy(kit)
        typed = not cid and not name  # the button: the user types the name next
        cid = cid or _unique("C", set(kit.candidates))
        g.candidates.append(cid)
        if name:
            g.name_key[cid] = name
        self.doc.set_value(("kit",), g, "add candidate", structural=True)
        row = len(g.candidates) - 1
        self.candidates.setCurrentCell(row, 1)
        if typed:  # type the name at once; Enter ends it (it does not add another)
            self.candidates.setFocus(Qt.FocusReason.OtherFocusReason)
            item = self.candidates.item(row, 1)
            if item is not None:
                self.candidates.editItem(item)

    def remove_current_candidate(self) -> None:
        row = self.candidates.currentRow()
        kit = self.doc.kit
        if 0 <= row < len(kit.candidates):
            self.doc.set_value(("kit",), remove_candidate(kit, kit.candidates[row]),
                               "remove candidate", structural=True)

    def _candidate_edited(self, item: QTableWidgetItem) -> None:
        if self._refreshing:
            return
        kit = self.doc.kit
        row = item.row()
        if not 0 <= row < len(kit.candidates):
            return
        cid = kit.candidates[row]
        text = item.text().strip()
        if item.column() == 0:
            if not text or (text != cid and text in kit.candidates):
                self.refresh()  # an ID must be unique and not empty
                return
            self.doc.set_value(("kit",), rename_candidate(kit, cid, text),
                               "rename candidate", structural=True)
        else:
            g = copy.deepcopy(kit)
            if text:
                g.name_key[cid] = text
            else:
                g.name_key.pop(cid, None)
            self.doc.set_value(("kit",), g, "edit name key", structural=True)


class CoveragePage(QWidget):
    """Which responsibility areas the questions assess, and which questions assess none."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        v = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Coverage of responsibility areas")
        self.tree.setHeaderLabels(["Responsibility area or question", "Status"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        v.addWidget(self.tree, 1)
        self.refresh()

    def refresh(self) -> None:
        kit, jd = self.doc.kit, self.doc.jd
        cov = coverage(kit, jd)
        self.tree.clear()
        texts = {q.id: q.text for q in kit.questions}
        areas = QTreeWidgetItem(["Responsibility areas", ""])
        self.tree.addTopLevelItem(areas)
        for title, qids in cov.by_area.items():
            status = (f"Assessed by {len(qids)} question{'s' if len(qids) != 1 else ''}"
                      if qids else "Not assessed by any question")
            item = QTreeWidgetItem([title or "(untitled area)", status])
            item.setIcon(1, icon(Verdict.OK if qids else Severity.WARNING))
            for qid in qids:
                QTreeWidgetItem(item, [texts.get(qid, qid), ""])
            areas.addChild(item)
        unlinked = QTreeWidgetItem(["Questions tied to no responsibility area", ""])
        self.tree.addTopLevelItem(unlinked)
        for qid in cov.unlinked_questions:
            item = QTreeWidgetItem([texts.get(qid, qid) or "(empty question)",
                                    "Assesses no area"])
            item.setIcon(1, icon(Severity.INFO))
            unlinked.addChild(item)
        problems = QTreeWidgetItem(["Problems to fix before the kit is used", ""])
        self.tree.addTopLevelItem(problems)
        for p in kit.problems():
            item = QTreeWidgetItem([p.message, "Problem"])
            item.setIcon(1, icon(Severity.WARNING))
            problems.addChild(item)
        self.tree.expandAll()
        n_unc = len(cov.uncovered_areas)
        self.summary.setText(
            f"{len(cov.by_area) - n_unc} of {len(cov.by_area)} responsibility areas are "
            f"assessed by at least one question. {len(cov.unlinked_questions)} question(s) "
            "assess no area: tick the areas each question assesses on the Questions tab.")
