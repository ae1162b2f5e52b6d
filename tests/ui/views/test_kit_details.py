"""The kit's packet details, and export refusing a question that is not allowed."""

from __future__ import annotations

from typing import Any

from jdbuilder.model.kit import KitQuestion


def test_packet_details_fill_the_named_fields(kit_window: Any, qtbot: Any) -> None:
    w = kit_window
    page = w.kit_tab.details
    w.tabs.setCurrentWidget(w.kit_tab)
    w.kit_tab.tabs.setCurrentWidget(page)
    assert "Still printed as lines to write on" in page.missing.text()
    page.edits["decision_date"].setText("January 29")
    page.edits["decision_date"].editingFinished.emit()
    assert w.doc.kit.details["decision_date"] == "January 29"
    w.act_undo.trigger()
    assert "decision_date" not in w.doc.kit.details
    assert page.edits["decision_date"].text() == ""
    page.minutes.setValue(8)
    page.minutes.editingFinished.emit()
    assert w.doc.kit.question_minutes == 8


def test_export_explains_a_not_allowed_question_and_opens_it(kit_window: Any,
                                                              dialogs: Any) -> None:
    w = kit_window
    w.doc.insert(("kit", "questions"), 1, KitQuestion(
        id="own-1", text="Are you taking any medication?"), "write question")
    dialogs.answers["confirm"] = True
    w.output.export()
    (message,) = dialogs.called("confirm")[0]
    assert "Question 2 of the interview kit is not allowed" in message
    assert "Are you taking any medication?" in message
    assert dialogs.called("run") == []  # the export dialog did not open
    assert w.tabs.currentWidget() is w.kit_tab
    assert w.kit_tab.questions.selected == 1
    dialogs.answers["confirm"] = False  # go on without the kit
    w.output.export()
    dialog = w.output.export_dialog
    assert dialog is not None and not dialog.documents["kit"].isChecked()
