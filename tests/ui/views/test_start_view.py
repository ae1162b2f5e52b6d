"""The start view: role templates, a blank job description, Open... and recent files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from jdbuilder import project as projects
from jdbuilder.library import template_job_description
from tests.ui.helpers import wait_checked


def test_start_view_lists_every_role_template_with_its_summary(window: Any, library: Any) -> None:
    sv = window.start_view
    assert window.stack.currentWidget() is sv
    assert window.windowTitle() == "jdbuilder"
    assert sorted(sv.template_ids()) == sorted(library.roles)
    from jdbuilder.ui.widgets.common import SECONDARY_ROLE

    item = sv.templates.item(0)
    role = library.roles[item.data(Qt.ItemDataRole.UserRole)]
    assert item.text() == role.name
    assert item.data(SECONDARY_ROLE) == role.summary
    assert not window.library_dock.isVisible() and not window.findings_dock.isVisible()
    assert not window.act_save.isEnabled()


def test_create_from_a_template_by_keyboard(window: Any, qtbot: Any, library: Any) -> None:
    sv = window.start_view
    row = sv.template_ids().index("recovery-coach")
    sv.templates.setFocus()
    sv.templates.setCurrentRow(row)
    qtbot.keyClick(sv.templates, Qt.Key.Key_Return)
    assert window.project_open
    assert window.stack.currentWidget() is window.workspace
    expected = template_job_description(library.role("recovery-coach"))
    assert window.doc.jd == expected
    assert window.jd_editor.fields[("jd", "title")].text() == expected.title
    assert window.ad_tab.fields[("ad", "title")].text() == expected.title  # ad generated
    assert window.windowTitle() == "Untitled[*] \u2014 jdbuilder"
    assert not window.isWindowModified()
    assert window.library_dock.isVisible() and window.findings_dock.isVisible()
    assert window.library_panel.role.currentData() == "recovery-coach"


def test_create_from_a_template_with_the_button(window: Any, qtbot: Any) -> None:
    sv = window.start_view
    sv.templates.setCurrentRow(sv.template_ids().index("peer-specialist"))
    qtbot.mouseClick(sv.create_button, Qt.MouseButton.LeftButton)
    assert window.doc.jd.role_id == "peer-specialist"
    wait_checked(qtbot, window)


def test_blank_job_description(window: Any, qtbot: Any) -> None:
    qtbot.mouseClick(window.start_view.blank_button, Qt.MouseButton.LeftButton)
    assert window.project_open
    assert window.doc.jd.title == "" and window.doc.jd.areas == []
    notes = window.jd_editor.boxes["title"].notes
    assert notes.isVisibleTo(window) and "no title" in " ".join(notes.messages)


def test_open_and_recent_files(window: Any, dialogs: Any, qtbot: Any, tmp_path: Path,
                               library: Any) -> None:
    jd = template_job_description(library.role("community-bridger"))
    path = tmp_path / "bridger.jdb"
    projects.save(projects.Project(job_description=jd), path)
    dialogs.answers["open_project"] = str(path)
    qtbot.mouseClick(window.start_view.open_button, Qt.MouseButton.LeftButton)
    assert window.doc.jd.title == jd.title
    assert window.windowTitle().startswith("bridger.jdb[*]")
    window.files.close_project()
    assert window.stack.currentWidget() is window.start_view
    recent = window.start_view.recent
    assert recent.item(0).data(Qt.ItemDataRole.UserRole) == str(path.resolve())
    recent.setCurrentRow(0)
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert window.project_open and window.doc.file_path == path.resolve()
    window._fill_recent_menu()
    assert window.recent_menu.actions()[0].text().endswith("bridger.jdb")


def test_a_missing_recent_file_is_a_plain_error_and_leaves_the_list(window: Any,
                                                                    dialogs: Any,
                                                                    tmp_path: Path) -> None:
    path = tmp_path / "gone.jdb"
    projects.save(projects.Project(), path)
    window.files.open_path(str(path))
    window.files.close_project()
    path.unlink()
    window.start_view.recentChosen.emit(str(path.resolve()))
    (message,) = dialogs.called("error")[0]
    assert "gone.jdb" in message and "not found" in message
    assert "Traceback" not in message
    assert str(path.resolve()) not in [
        window.start_view.recent.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(window.start_view.recent.count())]


def test_new_asks_before_losing_changes(jd_window: Any, dialogs: Any, tmp_path: Path) -> None:
    w = jd_window
    w.doc.set_value(("jd", "title"), "Changed")
    dialogs.answers["ask_save_changes"] = "cancel"
    w.act_new.trigger()
    assert w.project_open  # cancelled: still editing
    dialogs.answers["ask_save_changes"] = "save"
    save_path = tmp_path / "kept.jdb"
    dialogs.answers["save_project"] = str(save_path)
    w.act_new.trigger()
    assert not w.project_open
    assert projects.load(save_path).job_description.title == "Changed"
