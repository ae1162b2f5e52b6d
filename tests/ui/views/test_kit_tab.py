"""The interview kit tab: bank by section and competency with guidance visible, your own
questions with a live verdict and the compliant rewrite, weights with a justification,
interviewers, candidates with the separate name key, and the coverage report."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from jdbuilder import project as projects
from jdbuilder.interview.bank import SECTIONS
from tests.ui.helpers import save_to

PROHIBITED = "Have you ever been hospitalized for a mental illness?"


def kit_of(w: Any) -> Any:
    w.tabs.setCurrentWidget(w.kit_tab)
    return w.kit_tab


def test_bank_filters_by_section_and_competency_and_shows_guidance(jd_window: Any,
                                                                   bank: Any) -> None:
    kit = kit_of(jd_window)
    browser = kit.bank
    browser.section.setCurrentIndex(browser.section.findData("scenarios"))
    shown = browser.questions()
    assert shown and all(q.section == "scenarios" for q in shown)
    assert browser.list.count() == len(shown)
    comp = shown[0].competency
    browser.competency.setCurrentIndex(browser.competency.findData(comp))
    assert all(q.competency == comp for q in browser.questions())
    browser.list.setCurrentRow(0)
    q = browser.current()
    html = browser.details.toPlainText()
    for part in (*q.probes, q.good_answer[0], q.red_flags[0], q.anchors[5]):
        assert part in html
    assert "Probes" in html and "Red flags" in html and "Rating anchors" in html


def test_add_bank_questions_and_see_them_in_the_kit(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    kit = kit_of(w)
    kit.bank.list.setCurrentRow(0)
    q = kit.bank.current()
    qtbot.mouseClick(kit.bank.add_button, Qt.MouseButton.LeftButton)
    assert [g.bank_id for g in w.doc.kit.questions] == [q.id]
    item = kit.questions.tree.topLevelItem(0)
    assert item.text(0) == "OK" and item.text(1) == q.text
    assert "in the kit" in kit.bank.list.item(0).data(Qt.ItemDataRole.UserRole + 1)
    kit.bank.list.setCurrentRow(0)
    qtbot.keyClick(kit.bank.list, Qt.Key.Key_Return)  # already there: not added twice
    assert len(w.doc.kit.questions) == 1
    assert q.probes[0] in kit.questions.details.toPlainText()
    w.act_undo.trigger()
    assert w.doc.kit.questions == []


def test_a_prohibited_question_gets_its_verdict_and_the_rewrite(jd_window: Any,
                                                                qtbot: Any) -> None:
    w = jd_window
    page = kit_of(w).questions
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.text.hasFocus()
    qtbot.keyClicks(page.text, PROHIBITED)
    assert w.doc.kit.questions[0].text == PROHIBITED
    verdict = page.verdict
    assert verdict.word.text().startswith("Not allowed")
    assert "ADA" in verdict.reason.text()
    assert verdict.button.isVisibleTo(w)
    assert page.tree.topLevelItem(0).text(0) == "Not allowed"
    rewrite = verdict.verdict.rewrite
    qtbot.mouseClick(verdict.button, Qt.MouseButton.LeftButton)
    assert w.doc.kit.questions[0].text == rewrite
    assert page.text.text() == rewrite
    assert verdict.word.text() == "OK" and not verdict.button.isVisibleTo(w)
    assert page.tree.topLevelItem(0).text(0) == "OK"
    w.act_undo.trigger()
    assert w.doc.kit.questions[0].text == PROHIBITED
    assert verdict.word.text().startswith("Not allowed")


def test_caution_shows_the_interviewer_note(jd_window: Any, qtbot: Any) -> None:
    page = kit_of(jd_window).questions
    page.write_own()
    qtbot.keyClicks(page.text, "Do you have a car?")
    assert page.verdict.word.text().startswith("Caution")
    assert page.verdict.note.text().startswith("Interviewer note:")


def test_weights_need_a_justification(jd_window: Any, qtbot: Any, bank: Any) -> None:
    w = jd_window
    page = kit_of(w).questions
    for q in bank[:2]:
        page.add_bank_question(q)
    page.select(0)
    page.weight.setValue(2.0)
    assert w.doc.kit.questions[0].weight == 2.0
    assert page.weight_notes.isVisibleTo(w)
    assert "justification" in page.weight_notes.messages[0]
    page.justification.setFocus()
    qtbot.keyClicks(page.justification, "Boundaries matter most in this residential role.")
    assert w.doc.kit.weight_justification.startswith("Boundaries")
    assert not page.weight_notes.isVisibleTo(w)


def test_interviewers_candidates_and_the_name_key(jd_window: Any, qtbot: Any, bank: Any,
                                                  dialogs: Any, tmp_path: Any) -> None:
    w = jd_window
    kit = kit_of(w)
    for q in bank[:3]:
        kit.questions.add_bank_question(q)
    people = kit.people
    kit.tabs.setCurrentWidget(people)
    qtbot.mouseClick(people.add_iv, Qt.MouseButton.LeftButton)
    people.iv_name.selectAll()
    qtbot.keyClicks(people.iv_name, "A. Rivera")
    qtbot.keyClick(people.iv_name, Qt.Key.Key_Return)
    assert w.doc.kit.interviewers[0].name == "A. Rivera"
    people.assigned.item(0).setCheckState(Qt.CheckState.Checked)
    people.assigned.item(2).setCheckState(Qt.CheckState.Checked)
    qids = [q.id for q in w.doc.kit.questions]
    assert w.doc.kit.interviewers[0].questions == [qids[0], qids[2]]
    qtbot.mouseClick(people.add_c, Qt.MouseButton.LeftButton)
    people.candidates.item(0, 1).setText("Sam Example")
    assert w.doc.kit.candidates == ["C1"]
    assert w.doc.kit.name_key == {"C1": "Sam Example"}
    people.candidates.item(0, 0).setText("C-101")
    assert w.doc.kit.candidates == ["C-101"]
    assert w.doc.kit.name_key == {"C-101": "Sam Example"}
    save_to(w, dialogs, tmp_path / "kit.jdb")
    kit = projects.load(tmp_path / "kit.jdb").kit
    assert kit.candidates == ["C-101"] and kit.name_key == {"C-101": "Sam Example"}
    assert kit.interviewers[0].questions == [qids[0], qids[2]]


def test_coverage_of_responsibility_areas(jd_window: Any, bank: Any) -> None:
    w = jd_window
    kit = kit_of(w)
    kit.questions.add_bank_question(bank[0])
    cov = kit.coverage
    areas = [a.title for a in w.doc.jd.areas]
    assert cov.summary.text().startswith(f"0 of {len(areas)} responsibility areas")
    top = cov.tree.topLevelItem(0)
    assert top.child(0).text(1) == "Not assessed by any question"
    page = kit.questions
    page.select(0)
    page.areas.item(0).setCheckState(Qt.CheckState.Checked)
    assert w.doc.kit.questions[0].areas == [areas[0]]
    assert cov.tree.topLevelItem(0).child(0).text(1) == "Assessed by 1 question"
    assert cov.summary.text().startswith(f"1 of {len(areas)} responsibility areas")
    assert cov.tree.topLevelItem(1).childCount() == 0  # no question left unlinked


def test_sections_of_the_bank_are_all_offered(jd_window: Any) -> None:
    browser = kit_of(jd_window).bank
    offered = [browser.section.itemData(i) for i in range(1, browser.section.count())]
    assert offered == list(SECTIONS)
