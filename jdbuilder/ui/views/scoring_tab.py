"""The scoring tab: per candidate, a grid of questions by interviewers for scores 1-5, the
spread of each question with divergence marked in words and an icon, the consensus fields,
weighted totals, and the ranked summary (jdbuilder.interview.scoring.summarise)."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdbuilder.interview.scoring import DIVERGENCE, ScoreSummary, summarise
from jdbuilder.model.kit import Consensus, ScoreEntry
from jdbuilder.ui.widgets.icons import icon
from jdbuilder.vocab import Severity

if TYPE_CHECKING:
    from jdbuilder.model.fields import ValuePath as Path
    from jdbuilder.ui.editing.document import Document

NOT_ASSIGNED = "\u2014"
ELLIPSIS = "\u2026"


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


class ScoringTab(QWidget):
    status = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName("Scoring")
        self._refreshing = False
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

        split = QSplitter(Qt.Orientation.Vertical, self)
        v.addWidget(split, 1)
        self.grid = QTableWidget(split)
        self.grid.setAccessibleName("Scores: questions by interviewers")
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        bottom = QWidget(split)
        bh = QHBoxLayout(bottom)
        bh.setContentsMargins(0, 0, 0, 0)
        tbox = QGroupBox("Weighted totals for this candidate", bottom)
        tv = QVBoxLayout(tbox)
        self.totals = QTableWidget(0, 3, tbox)
        self.totals.setAccessibleName("Weighted totals")
        self.totals.setHorizontalHeaderLabels(["Weighted total", "Mean (1\u20135)", "Status"])
        self.totals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.totals.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        tv.addWidget(self.totals)
        bh.addWidget(tbox, 1)
        rbox = QGroupBox("Ranked summary", bottom)
        rv = QVBoxLayout(rbox)
        self.ranking = QTableWidget(0, 4, rbox)
        self.ranking.setAccessibleName("Ranked summary")
        self.ranking.setHorizontalHeaderLabels(["Rank", "Candidate", "Score (1\u20135)", "Basis"])
        self.ranking.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ranking.verticalHeader().setVisible(False)
        self.ranking.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        rv.addWidget(self.ranking)
        self.problems = QLabel(rbox)
        self.problems.setWordWrap(True)
        rv.addWidget(self.problems)
        bh.addWidget(rbox, 1)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

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
        self.grid.setVerticalHeaderLabels([
            f"{n}. {q.text[:60]}{ELLIPSIS if len(q.text) > 60 else ''}"
            for n, q in enumerate(kit.questions, start=1)] if cand else [])
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
        ranking = s.ranking if s else []
        self.ranking.setRowCount(len(ranking))
        for r, (rank, cand, mean, basis) in enumerate(ranking):
            for c, text in enumerate((str(rank), cand,
                                      "no scores" if mean is None else f"{mean:.2f}", basis)):
                self.ranking.setItem(r, c, QTableWidgetItem(text))
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
            self.status.emit("Scores are whole numbers from 1 to 5.")
            self.refresh()
            return
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
