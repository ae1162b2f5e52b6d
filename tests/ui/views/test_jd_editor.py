"""The job description editor: fields, lists (add, edit, remove, reorder by keyboard and by
drag), structure findings beside their sections, and undo/redo for every edit."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from jdbuilder.ui.widgets.mime import MIME_MOVE
from tests.ui.helpers import active

DUTIES = ("jd", "areas", 0, "duties")


def duties(w: Any, area: int = 0) -> list[str]:
    return list(w.doc.jd.areas[area].duties)


def test_typing_edits_the_model_and_marks_the_window_modified(jd_window: Any,
                                                              qtbot: Any) -> None:
    w = jd_window
    field = w.jd_editor.fields[("jd", "title")]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Peer Recovery Specialist")
    assert w.doc.jd.title == "Peer Recovery Specialist"
    assert w.isWindowModified() and w.windowTitle().endswith("[*] \u2014 jdbuilder")
    # one typing run is one undo step, and the text comes back in the field
    w.act_undo.trigger()
    assert w.doc.jd.title == "Certified Peer Specialist"
    assert field.text() == "Certified Peer Specialist"
    assert not w.isWindowModified()
    w.act_redo.trigger()
    assert field.text() == "Peer Recovery Specialist"


def test_ctrl_z_in_a_field_reaches_the_document_undo_stack(jd_window: Any,
                                                           qtbot: Any) -> None:
    w = jd_window
    active(qtbot, w)
    field = w.jd_editor.fields[("jd", "program")]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClicks(field, " plus")
    assert w.doc.jd.program.endswith(" plus")
    qtbot.keySequence(field, QKeySequence.StandardKey.Undo)
    assert not w.doc.jd.program.endswith(" plus")
    qtbot.keySequence(field, QKeySequence.StandardKey.Redo)
    assert w.doc.jd.program.endswith(" plus")


def test_reports_to_is_a_list_of_titles(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    field = w.jd_editor.fields[("jd", "reports_to")]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Peer Services Supervisor; Program Director")
    assert w.doc.jd.reports_to == ["Peer Services Supervisor", "Program Director"]
    assert field.text() == "Peer Services Supervisor; Program Director"  # not rewritten


def test_enter_adds_a_duty_backspace_removes_an_empty_one(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    before = duties(w)
    first = w.jd_editor.fields[(*DUTIES, 0)]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert duties(w) == [before[0], "", *before[1:]]
    new = w.jd_editor.fields[(*DUTIES, 1)]
    assert QApplication.focusWidget() is new
    qtbot.keyClicks(new, "Walks with people to appointments they choose.")
    assert duties(w)[1] == "Walks with people to appointments they choose."
    new.selectAll()
    qtbot.keyClick(new, Qt.Key.Key_Delete)
    qtbot.keyClick(new, Qt.Key.Key_Backspace)
    assert duties(w) == before
    # three steps back: removal, typing, insertion
    for _ in range(3):
        w.act_undo.trigger()
    assert duties(w) == before


def test_reorder_duties_by_keyboard(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    before = duties(w)
    field = w.jd_editor.fields[(*DUTIES, 0)]
    field.setFocus()
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(field, Qt.Key.Key_Down, alt_shift)
    assert duties(w) == [before[1], before[0], *before[2:]]
    moved = w.jd_editor.fields[(*DUTIES, 1)]
    assert QApplication.focusWidget() is moved and moved.text() == before[0]
    qtbot.keyClick(moved, Qt.Key.Key_Up, alt_shift)
    assert duties(w) == before
    w.act_undo.trigger()
    assert duties(w) == [before[1], before[0], *before[2:]]


def _drop(target: Any, mime: QMimeData, y: int) -> bool:
    """A drag entering, moving over and dropping on `target` at height y (as Qt sends it)."""
    pos = QPointF(10, y)
    args = (Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(target, QDragMoveEvent(pos, *args))
    drop = QDropEvent(pos, *args)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def _move_mime(path: tuple[Any, ...], index: int, kind: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_MOVE, json.dumps({"path": list(path), "index": index,
                                        "kind": kind}).encode())
    return mime


def test_reorder_by_drag_and_drop(jd_window: Any) -> None:
    w = jd_window
    before = duties(w)
    lst = w.jd_editor.lists[DUTIES]
    last_row = lst.rows[-1].geometry()
    assert _drop(lst, _move_mime(DUTIES, 0, "duty"), last_row.bottom() + 1)
    assert duties(w) == [*before[1:], before[0]]
    w.act_undo.trigger()
    assert duties(w) == before


def test_drag_a_duty_into_another_area(jd_window: Any) -> None:
    w = jd_window
    first, second = duties(w, 0), duties(w, 1)
    target = w.jd_editor.lists[("jd", "areas", 1, "duties")]
    assert _drop(target, _move_mime(DUTIES, 0, "duty"), 0)
    assert duties(w, 0) == first[1:]
    assert duties(w, 1) == [first[0], *second]
    w.act_undo.trigger()  # one step for the whole move
    assert (duties(w, 0), duties(w, 1)) == (first, second)


def test_a_drop_of_another_kind_is_refused(jd_window: Any) -> None:
    w = jd_window
    before = w.doc.jd.to_dict()
    lst = w.jd_editor.lists[("jd", "abilities")]
    assert not _drop(lst, _move_mime(DUTIES, 0, "duty"), 0)
    assert w.doc.jd.to_dict() == before


def test_areas_add_move_remove_with_undo(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    titles = [a.title for a in w.doc.jd.areas]
    areas = w.jd_editor.lists[("jd", "areas")]
    qtbot.mouseClick(areas.add_button, Qt.MouseButton.LeftButton)
    assert len(w.doc.jd.areas) == len(titles) + 1
    title = w.jd_editor.fields[("jd", "areas", len(titles), "title")]
    assert QApplication.focusWidget() is title
    qtbot.keyClicks(title, "Housing")
    assert w.doc.jd.areas[-1].title == "Housing"
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(title, Qt.Key.Key_Up, alt_shift)
    assert [a.title for a in w.doc.jd.areas][-2] == "Housing"
    remove = areas.rows[len(titles) - 1].remove_button
    assert remove.accessibleName() == f"Remove responsibility area {len(titles)}"
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert [a.title for a in w.doc.jd.areas] == titles
    while w.doc.undo_stack.canUndo():
        w.act_undo.trigger()
    assert [a.title for a in w.doc.jd.areas] == titles
    assert not w.isWindowModified()


def test_qualification_level_keeps_required_before_preferred(jd_window: Any) -> None:
    w = jd_window
    quals = w.doc.jd.qualifications
    n_required = len(w.doc.jd.required_qualifications)
    assert n_required >= 2
    first = quals[0].text
    combo = w.jd_editor.lists[("jd", "qualifications")].rows[0].findChild(
        type(w.library_panel.kind))
    combo.setCurrentIndex(1)  # Preferred
    quals = w.doc.jd.qualifications
    assert quals[n_required - 1].text == first and quals[n_required - 1].level == "preferred"
    assert all(q.required for q in quals[:n_required - 1])
    assert not [f for f in w.jd_editor.structure_findings if f.code == "qualifications-order"]
    w.act_undo.trigger()
    assert w.doc.jd.qualifications[0].text == first
    assert w.doc.jd.qualifications[0].level == "required"


def test_structure_findings_show_beside_their_sections(jd_window: Any) -> None:
    w = jd_window
    ed = w.jd_editor
    assert not ed.boxes["areas"].notes.isVisibleTo(w)
    w.doc.set_value(("jd", "function"), "Supports people. Leads groups.")
    assert ed.boxes["function"].notes.isVisibleTo(w)
    assert "2 sentences" in ed.boxes["function"].notes.messages[0]
    while len(w.doc.jd.areas) > 3:
        w.doc.remove(("jd", "areas"), len(w.doc.jd.areas) - 1)
    assert ed.boxes["areas"].notes.isVisibleTo(w)
    assert "3 responsibility area(s)" in ed.boxes["areas"].notes.messages[0]
    w.doc.set_value(("jd", "areas", 1, "duties"), [], structural=True)
    assert ed.area_notes[1].isVisibleTo(w)
    assert "has no duties" in ed.area_notes[1].messages[0]
    w.doc.set_value(("jd", "employment_conditions"), [], structural=True)
    assert ed.boxes["conditions"].notes.messages[0].startswith("Warning:")
    w.doc.set_value(("jd", "hours"), "")
    assert "hours" in " ".join(ed.boxes["hours"].notes.messages)
    w.act_undo.trigger()
    assert not ed.boxes["hours"].notes.isVisibleTo(w)


def test_find_bar_finds_text_in_fields(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    active(qtbot, w)
    w.act_find.trigger()
    assert w.findbar.isVisible()
    qtbot.keyClicks(w.findbar.edit, "supervisor")
    qtbot.keyClick(w.findbar.edit, Qt.Key.Key_Return)
    field = w.findbar.last
    assert field is not None
    assert field.textCursor().selectedText().lower() == "supervisor"
    assert w.findbar.find_next()
    w.findbar.edit.setText("zzzz-not-there")
    assert not w.findbar.find_next()
    assert w.findbar.status.text() == "Not found"


def test_cut_copy_paste_act_on_the_focused_field(jd_window: Any) -> None:
    w = jd_window
    field = w.jd_editor.fields[("jd", "schedule")]
    field.setFocus()
    field.selectAll()
    w.act_copy.trigger()
    assert QApplication.clipboard().text() == w.doc.jd.schedule
    w.act_cut.trigger()
    assert w.doc.jd.schedule == ""
    w.act_paste.trigger()
    assert w.doc.jd.schedule == QApplication.clipboard().text()
