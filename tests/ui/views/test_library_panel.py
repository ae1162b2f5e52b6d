"""The library browser: search as you type, filters, sources, insert by double-click, Enter
and drag, and adding a statement to the personal library."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog

from jdbuilder.library.personal import personal_statements_file
from jdbuilder.model.statement import StatementKind
from jdbuilder.ui.views.library_panel import ID_ROLE
from jdbuilder.ui.widgets.common import SECONDARY_ROLE


def shown_ids(panel: Any) -> list[str]:
    return [panel.model.index(r, 0).data(ID_ROLE) for r in range(panel.model.rowCount())]


def select(panel: Any, statement_id: str) -> Any:
    index = panel.index_of(statement_id)
    assert index.isValid(), statement_id
    panel.view.setCurrentIndex(index)
    panel.view.scrollTo(index)
    return index


def test_search_as_you_type_with_filters(jd_window: Any, qtbot: Any, library: Any) -> None:
    panel = jd_window.library_panel
    assert panel.role.currentData() == "peer-specialist"
    qtbot.keyClicks(panel.search, "advoc")  # a prefix already matches
    assert panel.search_timer.isActive()  # results follow once typing pauses
    qtbot.waitUntil(lambda: not panel.search_timer.isActive())
    hits = [library.statements[i] for i in shown_ids(panel)]
    assert hits and all(h.suits_role("peer-specialist") for h in hits)
    assert any("advoca" in (h.text + h.area).lower() for h in hits[:5])
    panel.kind.setCurrentIndex(panel.kind.findData("duty"))
    assert all(library.statements[i].kind is StatementKind.DUTY for i in shown_ids(panel))
    panel.setting.setCurrentIndex(panel.setting.findData("inpatient"))
    panel.population.setCurrentIndex(panel.population.findData("adults"))
    for i in shown_ids(panel):
        st = library.statements[i]
        assert "inpatient" in st.settings and "adults" in st.populations
    filtered = len(shown_ids(panel))
    assert panel.count.text().split()[0] == str(filtered)
    panel.search.clear()  # the filters alone
    qtbot.waitUntil(lambda: not panel.search_timer.isActive())
    assert len(shown_ids(panel)) > filtered


def test_every_statement_shows_its_source(jd_window: Any, library: Any) -> None:
    panel = jd_window.library_panel
    for row in range(min(panel.model.rowCount(), 30)):
        index = panel.model.index(row, 0)
        st = library.statements[index.data(ID_ROLE)]
        assert f"Source: {st.source}" in index.data(SECONDARY_ROLE)
    select(panel, shown_ids(panel)[0])
    assert panel.detail.text().startswith("Source: ")


def test_double_click_inserts_a_duty_into_the_area_being_edited(jd_window: Any,
                                                                qtbot: Any,
                                                                library: Any) -> None:
    w = jd_window
    panel = w.library_panel
    area = 2
    w.jd_editor.fields[("jd", "areas", area, "duties", 0)].setFocus()
    panel.kind.setCurrentIndex(panel.kind.findData("duty"))
    duty = next(library.statements[i] for i in shown_ids(panel)
                if library.statements[i].text not in w.doc.jd.areas[area].duties)
    index = select(panel, duty.id)
    rect = panel.view.visualRect(index)
    # a real double-click: press and release, then the double-click
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.doc.jd.areas[area].duties[-1] == duty.text
    new = w.jd_editor.fields[("jd", "areas", area, "duties",
                              len(w.doc.jd.areas[area].duties) - 1)]
    assert QApplication.focusWidget() is new
    w.act_undo.trigger()
    assert duty.text not in w.doc.jd.areas[area].duties


def test_enter_inserts_each_kind_into_its_own_section(jd_window: Any, qtbot: Any,
                                                     library: Any) -> None:
    w = jd_window
    panel = w.library_panel
    jd = w.doc.jd
    for kind, where in (("qualification", lambda: [q.text for q in jd.qualifications]),
                        ("employment_condition", lambda: jd.employment_conditions),
                        ("ability", lambda: jd.abilities),
                        ("responsibility_area", lambda: [a.title for a in jd.areas])):
        panel.kind.setCurrentIndex(panel.kind.findData(kind))
        st = next(library.statements[i] for i in shown_ids(panel)
                  if library.statements[i].text not in where())
        select(panel, st.id)
        panel.view.setFocus()
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
        assert st.text in where(), kind
    # a required qualification goes to the end of the required block
    quals = jd.qualifications
    assert [q.required for q in quals] == sorted((q.required for q in quals), reverse=True)
    panel.kind.setCurrentIndex(panel.kind.findData("function"))
    fn = library.statements[shown_ids(panel)[0]]
    select(panel, fn.id)
    qtbot.mouseClick(panel.insert_button, Qt.MouseButton.LeftButton)
    assert jd.function == fn.text


def test_drag_a_statement_onto_a_section(jd_window: Any, library: Any) -> None:
    w = jd_window
    panel = w.library_panel
    panel.kind.setCurrentIndex(panel.kind.findData("ability"))
    st = next(library.statements[i] for i in shown_ids(panel)
              if library.statements[i].text not in w.doc.jd.abilities)
    index = select(panel, st.id)
    mime = panel.model.mimeData([index])  # what the view puts on the drag
    target = w.jd_editor.lists[("jd", "abilities")]
    pos = QPointF(10, 0)
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDragMoveEvent(pos, *args))
    QApplication.sendEvent(target, QDropEvent(pos, *args))
    assert w.doc.jd.abilities[0] == st.text
    # a responsibility area cannot be dropped among the abilities
    panel.kind.setCurrentIndex(panel.kind.findData("responsibility_area"))
    area_mime = panel.model.mimeData([panel.model.index(0, 0)])
    refused = QDragEnterEvent(pos, Qt.DropAction.CopyAction, area_mime,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, refused)
    assert not refused.isAccepted()


def test_add_a_statement_to_the_personal_library(jd_window: Any, dialogs: Any,
                                                 qtbot: Any) -> None:
    w = jd_window
    text = "Keeps a list of local free meals and shares it with people who ask."

    def fill(dialog: Any) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData("duty"))
        dialog.text.setPlainText(text)
        dialog.area.setText("Community connection")
        dialog.this_role_only.setChecked(True)
        return QDialog.DialogCode.Accepted

    dialogs.answers["run"] = fill
    qtbot.mouseClick(w.library_panel.add_button, Qt.MouseButton.LeftButton)
    assert not dialogs.called("error")
    path = personal_statements_file()
    assert path.is_file() and text in path.read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: not w.ctx.loading_library and w.ctx.library is not None
                    and any(s.text == text for s in w.ctx.library.statements.values()),
                    timeout=30_000)
    st = next(s for s in w.ctx.library.statements.values() if s.text == text)
    assert st.layer == "personal" and st.roles == ("peer-specialist",)
    assert st.area == "Community connection"
    w.library_panel.search.setText("free meals")
    qtbot.waitUntil(lambda: not w.library_panel.search_timer.isActive())
    assert shown_ids(w.library_panel)[0] == st.id
    assert "My library" in w.library_panel.model.index(0, 0).data(SECONDARY_ROLE)


def test_an_invalid_personal_statement_is_a_plain_error(jd_window: Any, dialogs: Any) -> None:
    def fill(dialog: Any) -> int:
        dialog.text.setPlainText("   ")
        return QDialog.DialogCode.Accepted

    dialogs.answers["run"] = fill
    jd_window.library_actions.add_personal_statement()
    (message,) = dialogs.called("error")[0]
    assert "personal.yaml" in message and "must not be empty" in message
    assert not personal_statements_file().exists()


def test_broken_entries_in_the_personal_library_are_reported(jd_window: Any,
                                                             qtbot: Any) -> None:
    w = jd_window
    path = personal_statements_file()
    path.parent.mkdir(parents=True)
    path.write_text("statements:\n  - id: duty.broken\n    kind: dutty\n    text: X.\n",
                    encoding="utf-8")
    w.ctx.reload_library()
    qtbot.waitUntil(lambda: not w.ctx.loading_library, timeout=30_000)
    panel = w.library_panel
    assert "1 entry in your library could not be used" in panel.count.text()
    assert "personal.yaml" in panel.count.toolTip() and "duty.broken" in panel.count.toolTip()
    assert "personal.yaml" in w.statusBar().currentMessage()


def test_drag_a_function_onto_the_function_field(jd_window: Any, library: Any) -> None:
    w = jd_window
    panel = w.library_panel
    panel.kind.setCurrentIndex(panel.kind.findData("function"))
    st = library.statements[shown_ids(panel)[0]]
    mime = panel.model.mimeData([select(panel, st.id)])
    field = w.jd_editor.fields[("jd", "function")]
    pos = QPointF(5, 5)
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(field.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(field.viewport(), QDragMoveEvent(pos, *args))
    QApplication.sendEvent(field.viewport(), QDropEvent(pos, *args))
    assert w.doc.jd.function == st.text
    w.act_undo.trigger()
    assert w.doc.jd.function != st.text
