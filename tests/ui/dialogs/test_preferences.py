"""Preferences stored with jdbuilder.settings, window geometry remembered, Help."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QTextBrowser

from jdbuilder.settings import Settings, load_settings, save_settings
from jdbuilder.ui.services import uistate
from tests.ui.helpers import CHECK_TIMEOUT


def test_preferences_are_saved_to_the_settings_file(jd_window: Any, dialogs: Any,
                                                    tmp_path: Any) -> None:
    w = jd_window
    save_settings(Settings(allow_rules=["some-rule"], extra={"future": 1}))
    w.ctx.forget_settings()
    logo = tmp_path / "logo.png"
    dialogs.answers["open_file"] = str(logo)
    dialogs.answers["choose_folder"] = str(tmp_path)

    def fill(dialog: Any) -> int:
        dialog.organisation.setText("Harbour Peer Network")
        dialog._browse_logo()
        dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
        dialog.preference.setCurrentIndex(dialog.preference.findData("identity-first"))
        dialog.allow.setPlainText("peer support specialist\n\n  client  \n")
        dialog._browse_library()
        return QDialog.DialogCode.Accepted

    dialogs.answers["run"] = fill
    w.act_prefs.trigger()
    settings, problem = load_settings()
    assert problem is None
    assert settings.organisation == "Harbour Peer Network"
    assert settings.logo == str(logo)
    assert settings.paper == "a4"
    assert settings.preference == "identity-first"
    assert settings.allow_phrases == ["peer support specialist", "client"]
    assert settings.organisation_library == str(tmp_path)
    assert settings.allow_rules == ["some-rule"] and settings.extra == {"future": 1}
    # the export dialog starts from these defaults
    dialogs.answers["run"] = QDialog.DialogCode.Rejected
    w.act_export.trigger()
    assert w.output.export_dialog.paper.currentData() == "a4"
    assert w.output.export_dialog.organisation == "Harbour Peer Network"


def test_allowed_phrases_are_not_flagged(jd_window: Any, dialogs: Any, qtbot: Any) -> None:
    w = jd_window
    w.doc.set_value(("jd", "title"), "Addict Outreach Worker")
    field = w.jd_editor.fields[("jd", "title")]
    qtbot.waitUntil(lambda: bool(field.findings), timeout=CHECK_TIMEOUT)

    def fill(dialog: Any) -> int:
        dialog.allow.setPlainText("addict")
        return QDialog.DialogCode.Accepted

    dialogs.answers["run"] = fill
    w.preferences()
    qtbot.waitUntil(lambda: not field.findings, timeout=CHECK_TIMEOUT)


def test_cancel_changes_nothing(jd_window: Any, dialogs: Any) -> None:
    def fill(dialog: Any) -> int:
        dialog.organisation.setText("Not saved")
        return QDialog.DialogCode.Rejected

    dialogs.answers["run"] = fill
    jd_window.preferences()
    assert load_settings()[0].organisation == ""


def test_a_broken_settings_file_shows_the_defaults_and_says_why(jd_window: Any,
                                                                dialogs: Any) -> None:
    from jdbuilder.settings import settings_path

    settings_path().write_text("{broken", encoding="utf-8")
    jd_window.ctx.forget_settings()
    seen: list[str] = []

    def look(dialog: Any) -> int:
        seen.append(dialog.layout().itemAt(0).widget().text())
        return QDialog.DialogCode.Rejected

    dialogs.answers["run"] = look
    jd_window.preferences()
    assert seen and seen[0].startswith("The settings file could not be used")


def test_window_geometry_is_remembered(make_window: Any, qtbot: Any) -> None:
    first = make_window(checker=False)
    first.files.new_from_template("peer-specialist")
    first.files.close_project()
    qtbot.waitUntil(lambda: first.minimumSize().width() < 640)  # the docks are hidden
    first.resize(640, 480)  # the offscreen screen is 800x600
    qtbot.waitUntil(lambda: (first.width(), first.height()) == (640, 480))
    size = first.size()
    assert first.close()
    assert "geometry" in uistate.load_state()
    second = make_window(checker=False)
    assert second.size() == size
    second.files.new_from_template("peer-specialist")
    assert second.close()
    assert "window_state" in uistate.load_state()  # dock layout too


def test_help_guide_and_about(window: Any, dialogs: Any) -> None:
    window.act_about.trigger()
    (html,) = dialogs.called("about")[0]
    assert "jdbuilder" in html and "not legal advice" in html
    window.act_guide.trigger()
    guide = window.last_dialog
    assert guide.isVisible()  # not modal: the guide stays open beside the work
    assert "A short guide" in guide.findChild(QTextBrowser).toPlainText()
    guide.close()
