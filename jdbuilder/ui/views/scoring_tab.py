"""The scoring tab: per candidate, a grid of questions by interviewers for scores 1-5, the
spread of each question with divergence marked in words and an icon, the consensus fields,
weighted totals, and the ranked summary (jdbuilder.interview.scoring.summarise)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QIcon, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdbuilder.interview.scoring import DIVERGENCE, ScoreSummary, summarise
from jdbuilder.model.kit import Consensus, ScoreEntry
from jdbuilder.ui.widgets.form import StructureNotes
from jdbuilder.ui.widgets.icons import icon
from jdbuilder.vocab import Severity

if TYPE_CHECKING:
    from jdbuilder.model.fields import ValuePath as Path
    from jdbuilder.ui.editing.document import Document

NOT_ASSIGNED = "\u2014"


def _parse_score(text: str) -> int | str | None:
    """1-5, None for empty, or "bad"."""
    t = text.strip()
    if not t:
        return None
    if t.isdigit() and 1 <= int(t) <= 5:
        return int(t)
    return "bad"


def _fmt(x: float | None) -> str:
    return "\u2013" if x is None else f"{x:.2f}"


BAD_SCORE = "Scores are whole numbers from 1 to 5."


@dataclass(frozen=True)
class _Problem:
    message: str
    severity: str = Severity.WARNING


def even_rows(table: QTableWidget) -> None:
    """Every row one line high (long text is cut with "\u2026" and shown whole on hover), and
    the table as tall as its rows: it never scrolls inside."""
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 12)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    fit_height(table)


def fit_height(table: QTableWidget) -> None:
    rows = table.verticalHeader().defaultSectionSize() * max(table.rowCount(), 1)
    header = table.horizontalHeader().sizeHint().height()
    wide = table.horizontalHeader().length() + table.verticalHeader().width() > table.width()
    bar = table.horizontalScrollBar().sizeHint().height() if wide and table.isVisible() else 0
    table.setFixedHeight(rows + header + bar + 2 * table.frameWidth())


class ScoreGrid(QTableWidget):
    """A grid that types like a spreadsheet: Enter stores the cell and moves down."""

    def _down(self) -> None:
        index = self.currentIndex()
        if index.isValid() and index.row() + 1 < self.rowCount():
            self.setCurrentCell(index.row() + 1, index.column())

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        entered = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache  # Enter
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint
                            if entered else hint)
        if entered:
            self._down()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.state() != QAbstractItemView.State.EditingState:
            self._down()
            return
        super().keyPressEvent(event)


class ScoringTab(QWidget):
    status = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName("Scoring")
        self._refreshing = False
        self._questions: list[str] = []
        self.summary: ScoreSummary | None = None
        v = QVBoxLayout(self)
        top = QHBoxLayout()
        label = QLabel("&Candidate", self)
        self.candidate = QComboBox(self)
        self.candidate.setAccessibleName("Candidate")
        label.setBuddy(self.candidate)
        top.addWidget(label)
        top.addWidget(self.candidate)
        hint = QLabel("Type a score from 1 to 5 in each cell; leave it empty if not scored. "
                      "Missing scores never count as zero.", self)
        hint.setWordWrap(True)
        top.addWidget(hint, 1)
        v.addLayout(top)

        self.entry_note = StructureNotes(self)
        self.entry_note.setAccessibleName("Score not entered")
        v.addWidget(self.entry_note)

        # The grid, then the totals and the ranking, one under the other, each as tall as its
        # rows: nothing scrolls inside, the page scrolls if there are many questions.
        page = QScrollArea(self)
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        page.setWidget(body)
        bv = QVBoxLayout(body)
        bv.setContentsMargins(0, 0, 0, 0)
        v.addWidget(page, 1)
        self.grid = ScoreGrid(body)
        self.grid.setAccessibleName("Scores: questions by interviewers")
        self.grid.setWordWrap(False)
        self.grid.setTextElideMode(Qt.TextElideMode.ElideRight)
        even_rows(self.grid)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        bv.addWidget(self.grid)

        bottom = QHBoxLayout()
        tbox = QGroupBox("Weighted totals for this candidate", body)
        tv = QVBoxLayout(tbox)
        self.totals = QTableWidget(0, 3, tbox)
        self.totals.setAccessibleName("Weighted totals")
        self.totals.setHorizontalHeaderLabels(["Weighted total", "Mean (1\u20135)", "Status"])
        self.totals.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.totals.horizontalHeader().setStretchLastSection(True)
        self.totals.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.totals.setWordWrap(False)
        even_rows(self.totals)
        tv.addWidget(self.totals)
        tv.addStretch(1)
        bottom.addWidget(tbox, 1)
        rbox = QGroupBox("Ranked summary", body)
        rv = QVBoxLayout(rbox)
        self.ranking = QTableWidget(0, 4, rbox)
        self.ranking.setAccessibleName("Ranked summary")
        self.ranking.setHorizontalHeaderLabels(["Rank", "Candidate", "Score (1\u20135)", "Basis"])
        self.ranking.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.ranking.horizontalHeader().setStretchLastSection(True)
        self.ranking.verticalHeader().setVisible(False)
        self.ranking.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.ranking.setWordWrap(False)
        even_rows(self.ranking)
        rv.addWidget(self.ranking)
        self.unscored = QLabel(rbox)
        self.unscored.setWordWrap(True)
        self.unscored.setAccessibleName("Candidates without scores")
        rv.addWidget(self.unscored)
        self.problems = QLabel(rbox)
        self.problems.setWordWrap(True)
        rv.addWidget(self.problems)
        rv.addStretch(1)
        bottom.addWidget(rbox, 1)
        bv.addLayout(bottom)
        bv.addStretch(1)

        self.candidate.currentIndexChanged.connect(lambda _i: self.refresh())
        self.grid.itemChanged.connect(self._edited)
        doc.changed.connect(self._on_changed)
        doc.reset.connect(self.refresh)
        self.refresh()

    # ---- layout of the grid --------------------------------------------------------------
    def columns(self) -> list[tuple[str, str]]:
        kit = self.doc.kit
        cols = [("iv", i.id) for i in kit.interviewers]
        return [*cols, ("spread", ""), ("agreed", ""), ("note", "")]

    def current_candidate(self) -> str:
        return str(self.candidate.currentData() or "")

    def _on_changed(self, path: Path, structural: bool) -> None:
        if path and path[0] == "kit":
            self.refresh()

    def _cell(self, r: int, c: int, text: str, editable: bool, kind: str = "",
              tip: str = "") -> QTableWidgetItem:
        item = self.grid.item(r, c)
        if item is None:
            item = QTableWidgetItem()
            self.grid.setItem(r, c, item)
        item.setText(text)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags)
        item.setIcon(icon(kind) if kind else QIcon())
        item.setToolTip(tip)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter if c < self.grid.columnCount() - 1
                              else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        font = QFont(item.font())
        font.setBold(kind == Severity.WARNING)
        item.setFont(font)
        return item

    def refresh(self) -> None:
        if self._refreshing:
            return
        self._refreshing = True
        try:
            self._refresh()
        finally:
            self._refreshing = False

    def _refresh(self) -> None:
        kit = self.doc.kit
        current = self.current_candidate()
        self.candidate.blockSignals(True)
        self.candidate.clear()
        for cid in kit.candidates:
            self.candidate.addItem(cid, cid)
        idx = self.candidate.findData(current)
        self.candidate.setCurrentIndex(idx if idx >= 0 else (0 if kit.candidates else -1))
        self.candidate.blockSignals(False)
        cand = self.current_candidate()
        self.summary = summarise(kit)
        cols = self.columns()
        names = {i.id: i.name or i.id for i in kit.interviewers}
        self.grid.blockSignals(True)
        self.grid.setColumnCount(len(cols))
        self.grid.setRowCount(len(kit.questions) if cand else 0)
        headers = [names.get(key, key) if kind == "iv" else
                   {"spread": "Spread", "agreed": "Agreed score", "note": "Consensus note"}[kind]
                   for kind, key in cols]
        self.grid.setHorizontalHeaderLabels(headers)
        self._questions = [f"{n}. {q.text}" for n, q in enumerate(kit.questions, start=1)] \
            if cand else []
        self._label_questions()
        fit_height(self.grid)
        latest = {(s.interviewer, s.candidate, s.question): s.score for s in kit.scores}
        agreed = {c.question: c for c in kit.consensus if c.candidate == cand}
        spreads = {s.question: s for s in self.summary.spreads if s.candidate == cand}
        if cand:
            for r, q in enumerate(kit.questions):
                self.grid.verticalHeaderItem(r).setToolTip(q.text)
                for c, (kind, key) in enumerate(cols):
                    if kind == "iv":
                        assigned = any(x.id == q.id for x in kit.questions_for(key))
                        if assigned:
                            score = latest.get((key, cand, q.id))
                            self._cell(r, c, "" if score is None else str(score), True,
                                       tip=f"{names[key]}'s score for question {r + 1}")
                        else:
                            self._cell(r, c, NOT_ASSIGNED, False,
                                       tip="This interviewer does not ask this question")
                    elif kind == "spread":
                        sp = spreads.get(q.id)
                        if sp is None or sp.spread is None:
                            self._cell(r, c, "", False)
                        elif sp.divergent:
                            self._cell(r, c, f"{sp.spread} \u2013 divergent", False,
                                       Severity.WARNING,
                                       f"Scores differ by {DIVERGENCE} points or more: "
                                       "discuss before agreeing a score")
                        else:
                            self._cell(r, c, str(sp.spread), False)
                    elif kind == "agreed":
                        a = agreed.get(q.id)
                        self._cell(r, c, str(a.score) if a else "", True,
                                   tip="The score the committee agreed")
                    else:
                        a = agreed.get(q.id)
                        self._cell(r, c, a.note if a else "", True,
                                   tip="Why the committee agreed this score")
        self.grid.blockSignals(False)
        self._fill_totals(cand, names)
        self._fill_ranking()

    def _label_questions(self) -> None:
        """Each question in its row's header, cut to a share of the width (whole on hover)."""
        metrics = self.grid.verticalHeader().fontMetrics()
        width = max(self.width() * 2 // 5, metrics.averageCharWidth() * 30)
        labels = [metrics.elidedText(t, Qt.TextElideMode.ElideRight, width)
                  for t in self._questions]
        self.grid.setVerticalHeaderLabels(labels)
        for r, text in enumerate(self._questions):
            item = self.grid.verticalHeaderItem(r)
            if item is not None:
                item.setToolTip(text.split(". ", 1)[1] if ". " in text else text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._questions:
            self._label_questions()
        for table in (self.grid, self.totals, self.ranking):
            fit_height(table)

    def _fill_totals(self, cand: str, names: dict[str, str]) -> None:
        s = self.summary
        rows = []
        if s is not None and cand:
            rows += [(names.get(t.interviewer, t.interviewer), t) for t in s.interviewer_totals
                     if t.candidate == cand]
            rows += [("All interviewers (average)", t) for t in s.candidate_totals
                     if t.candidate == cand]
            rows += [("Consensus", t) for t in s.consensus_totals if t.candidate == cand]
        self.totals.setRowCount(len(rows))
        fit_height(self.totals)
        self.totals.setVerticalHeaderLabels([r[0] for r in rows])
        for r, (_label, t) in enumerate(rows):
            status = "Complete" if t.complete else (
                f"Incomplete: {len(t.missing)} missing" if t.total is not None else "No scores")
            for c, text in enumerate((_fmt(t.total), _fmt(t.mean), status)):
                item = QTableWidgetItem(text)
                if c == 2 and not t.complete:
                    item.setIcon(icon(Severity.INFO))
                self.totals.setItem(r, c, item)

    def _fill_ranking(self) -> None:
        s = self.summary
        everyone = s.ranking if s else []
        ranking = [row for row in everyone if row[2] is not None]
        unscored = [cand for _r, cand, mean, _b in everyone if mean is None]
        self.ranking.setRowCount(len(ranking))
        fit_height(self.ranking)
        for r, (rank, cand, mean, basis) in enumerate(ranking):
            for c, text in enumerate((str(rank), cand, f"{mean:.2f}", basis)):
                self.ranking.setItem(r, c, QTableWidgetItem(text))
        self.unscored.setText(
            "Not ranked, no scores yet: " + ", ".join(unscored) + "." if unscored else "")
        self.unscored.setVisible(bool(unscored))
        problems = s.problems if s else []
        self.problems.setText("\n".join(f"Problem: {p}" for p in problems))
        self.problems.setVisible(bool(problems))

    # ---- edits ---------------------------------------------------------------------------
    def _edited(self, item: QTableWidgetItem) -> None:
        if self._refreshing:
            return
        kit = self.doc.kit
        cand = self.current_candidate()
        r, c = item.row(), item.column()
        cols = self.columns()
        if not cand or not (0 <= r < len(kit.questions)) or not 0 <= c < len(cols):
            return
        qid = kit.questions[r].id
        kind, key = cols[c]
        if kind == "note":
            self.set_consensus_note(cand, qid, item.text())
            return
        value = _parse_score(item.text())
        if value == "bad":
            typed = " ".join(item.text().split())[:20]
            self.entry_note.set_findings([_Problem(
                f"\u201c{typed}\u201d was not entered in row {r + 1}: {BAD_SCORE} Leave the "
                "cell empty if it is not scored.")])
            self.status.emit(BAD_SCORE)
            self.refresh()
            return
        self.entry_note.set_findings([])
        if kind == "iv":
            self.set_score(key, cand, qid, value)  # type: ignore[arg-type]
        elif kind == "agreed":
            self.set_agreed(cand, qid, value)  # type: ignore[arg-type]

    def set_score(self, interviewer: str, cand: str, qid: str, score: int | None) -> None:
        kit = self.doc.kit
        scores = [copy.copy(s) for s in kit.scores
                  if (s.interviewer, s.candidate, s.question) != (interviewer, cand, qid)]
        if score is not None:
            scores.append(ScoreEntry(interviewer, cand, qid, score))
        self.doc.set_value(("kit", "scores"), scores, "enter score", structural=True)

    def set_agreed(self, cand: str, qid: str, score: int | None) -> None:
        kit = self.doc.kit
        old = next((c for c in kit.consensus if c.candidate == cand and c.question == qid),
                   None)
        rest = [copy.copy(c) for c in kit.consensus if c is not old]
        if score is not None:
            rest.append(Consensus(cand, qid, score, old.note if old else ""))
        self.doc.set_value(("kit", "consensus"), rest, "enter agreed score", structural=True)

    def set_consensus_note(self, cand: str, qid: str, note: str) -> None:
        kit = self.doc.kit
        items = [copy.copy(c) for c in kit.consensus]
        for c in items:
            if c.candidate == cand and c.question == qid:
                c.note = note.strip()
                self.doc.set_value(("kit", "consensus"), items, "edit consensus note",
                                   structural=True)
                return
        self.status.emit("Enter the agreed score before the consensus note.")
        self.refresh()
