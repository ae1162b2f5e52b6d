"""The scoring tab: a grid per candidate, weighted totals, spreads with divergence marked in
words, consensus fields and the ranked summary."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from jdbuilder.interview.scoring import summarise


@pytest.fixture
def scoring(jd_window: Any, bank: Any) -> Any:
    w = jd_window
    kit = w.kit_tab
    for q in bank[:3]:
        kit.questions.add_bank_question(q)
    kit.people.add_interviewer("A. Rivera")
    kit.people.add_interviewer("J. Chen")
    kit.people.add_candidate("C-101", "Sam Example")
    kit.people.add_candidate("C-102", "Alex Example")
    w.tabs.setCurrentWidget(w.scoring_tab)
    return w


def type_score(qtbot: Any, grid: Any, row: int, col: int, text: str) -> None:
    """Type into a cell the way a user does: select it, type, press Enter."""
    grid.setFocus()
    grid.setCurrentCell(row, col)
    if text:
        qtbot.keyClicks(grid, text[0])  # the first key opens the cell's editor ...
        qtbot.keyClicks(grid.focusWidget(), text[1:])  # ... which takes the rest
    else:
        qtbot.keyClick(grid, Qt.Key.Key_F2)
        qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_Delete)
    qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_Return)
    # the delegate commits and closes the editor on the next turn of the event loop
    qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState)


def test_grid_is_questions_by_interviewers_per_candidate(scoring: Any) -> None:
    tab = scoring.scoring_tab
    grid = tab.grid
    assert [tab.candidate.itemText(i) for i in range(tab.candidate.count())] == [
        "C-101", "C-102"]  # IDs only; names stay in the name key
    headers = [grid.horizontalHeaderItem(c).text() for c in range(grid.columnCount())]
    assert headers == ["A. Rivera", "J. Chen", "Spread", "Agreed score", "Consensus note"]
    assert grid.rowCount() == 3
    assert grid.verticalHeaderItem(0).text().startswith("1. ")


def test_enter_scores_and_see_totals_spread_and_ranking(scoring: Any, qtbot: Any) -> None:
    w = scoring
    tab = w.scoring_tab
    grid = tab.grid
    for row, (a, b) in enumerate([(4, 2), (3, 3), (5, 4)]):
        type_score(qtbot, grid, row, 0, str(a))
        type_score(qtbot, grid, row, 1, str(b))
    kit = w.doc.kit
    assert len(kit.scores) == 6
    assert grid.item(0, 0).text() == "4" and grid.item(0, 1).text() == "2"
    # divergence is marked in words (and an icon), not by color alone
    assert grid.item(0, 2).text() == "2 \u2013 divergent"
    assert not grid.item(0, 2).icon().isNull()
    assert grid.item(1, 2).text() == "0"
    totals = {tab.totals.verticalHeaderItem(r).text(): [tab.totals.item(r, c).text()
                                                        for c in range(3)]
              for r in range(tab.totals.rowCount())}
    assert totals["A. Rivera"] == ["12.00", "4.00", "Complete"]
    assert totals["J. Chen"] == ["9.00", "3.00", "Complete"]
    assert totals["All interviewers (average)"][:2] == ["10.50", "3.50"]
    assert totals["Consensus"][2] == "No scores"
    # C-102 has no scores yet: listed apart, not ranked
    assert tab.ranking.rowCount() == 1
    assert tab.ranking.item(0, 1).text() == "C-101"
    assert tab.ranking.item(0, 2).text() == "3.50"
    assert tab.unscored.text() == "Not ranked, no scores yet: C-102."
    assert not tab.unscored.isHidden()
    summary = summarise(kit)
    assert summary.ranking[0][1] == "C-101"
    # each score is one undo step
    w.act_undo.trigger()
    assert grid.item(2, 1).text() == "" and len(w.doc.kit.scores) == 5


def test_consensus_agreed_score_and_note(scoring: Any, qtbot: Any) -> None:
    w = scoring
    tab = w.scoring_tab
    type_score(qtbot, tab.grid, 0, 4, "Discussed the example")  # note before a score
    assert w.doc.kit.consensus == []
    type_score(qtbot, tab.grid, 0, 3, "4")
    type_score(qtbot, tab.grid, 0, 4, "Agreed after discussing the example")
    (c,) = w.doc.kit.consensus
    assert (c.candidate, c.score, c.note) == ("C-101", 4, "Agreed after discussing the example")
    assert tab.grid.item(0, 3).text() == "4"


def test_invalid_scores_are_refused_and_a_cleared_cell_removes_the_score(scoring: Any,
                                                                         qtbot: Any) -> None:
    w = scoring
    grid = w.scoring_tab.grid
    messages: list[str] = []
    w.scoring_tab.status.connect(messages.append)
    type_score(qtbot, grid, 0, 0, "7")
    assert w.doc.kit.scores == [] and grid.item(0, 0).text() == ""
    assert messages == ["Scores are whole numbers from 1 to 5."]
    # ... and the tab says why, in words, until a score is entered
    note = w.scoring_tab.entry_note
    assert not note.isHidden()
    assert note.messages == ["Warning: \u201c7\u201d was not entered in row 1: Scores are whole "
                             "numbers from 1 to 5. Leave the cell empty if it is not scored."]
    type_score(qtbot, grid, 0, 0, "3")
    assert note.isHidden()
    assert [s.score for s in w.doc.kit.scores] == [3]
    type_score(qtbot, grid, 0, 0, "")
    assert w.doc.kit.scores == []


def test_unassigned_questions_cannot_be_scored(scoring: Any) -> None:
    w = scoring
    kit = w.doc.kit
    w.doc.set_value(("kit", "interviewers", 1, "questions"), [kit.questions[0].id])
    grid = w.scoring_tab.grid
    assert grid.item(1, 1).text() == "\u2014"
    assert not grid.item(1, 1).flags() & Qt.ItemFlag.ItemIsEditable
    assert grid.item(0, 1).flags() & Qt.ItemFlag.ItemIsEditable


def test_switching_candidate(scoring: Any, qtbot: Any) -> None:
    w = scoring
    tab = w.scoring_tab
    type_score(qtbot, tab.grid, 0, 0, "5")
    tab.candidate.setCurrentIndex(1)
    assert tab.current_candidate() == "C-102"
    assert tab.grid.item(0, 0).text() == ""
    type_score(qtbot, tab.grid, 0, 0, "2")
    assert {(s.candidate, s.score) for s in w.doc.kit.scores} == {("C-101", 5), ("C-102", 2)}


def test_enter_moves_down_as_in_a_spreadsheet(scoring: Any, qtbot: Any) -> None:
    w = scoring
    grid = w.scoring_tab.grid
    grid.setFocus()
    grid.setCurrentCell(0, 1)
    for value in ("4", "5", "3"):
        qtbot.keyClicks(grid, value)  # typing opens the cell
        qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState)
    assert [grid.item(r, 1).text() for r in range(3)] == ["4", "5", "3"]
    assert grid.currentRow() == 2  # the last row: stays
    grid.setCurrentCell(0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_Return)  # not editing: Enter moves down too
    assert (grid.currentRow(), grid.currentColumn()) == (1, 0)


def test_rows_are_even_and_each_question_reads_whole_on_hover(scoring: Any) -> None:
    w = scoring
    grid = w.scoring_tab.grid
    heights = {grid.rowHeight(r) for r in range(grid.rowCount())}
    assert len(heights) == 1
    for r, q in enumerate(w.doc.kit.questions):
        header = grid.verticalHeaderItem(r)
        assert header.toolTip() == q.text
        assert header.text().startswith(f"{r + 1}. ")
        assert header.text() == f"{r + 1}. {q.text}" or header.text().endswith("\u2026")
    # nothing scrolls inside the grid and the tables: each is as tall as its rows
    for table in (grid, w.scoring_tab.totals, w.scoring_tab.ranking):
        assert table.verticalScrollBar().maximum() == 0


def test_the_summary_follows_the_grid_without_a_gap(scoring: Any, qtbot: Any) -> None:
    w = scoring
    w.resize(1366, 768)
    qtbot.wait(20)
    tab = w.scoring_tab
    grid_bottom = tab.grid.mapTo(tab, tab.grid.rect().bottomLeft()).y()
    totals_top = tab.totals.mapTo(tab, tab.totals.rect().topLeft()).y()
    assert 0 < totals_top - grid_bottom < 6 * tab.fontMetrics().height()
