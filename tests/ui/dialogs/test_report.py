"""File > Portfolio Report...: the dialog, its progress and "Open report"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from jdbuilder.settings import Settings, save_settings

REPORT_TIMEOUT = 120_000


def open_report_dialog(w: Any, dialogs: Any) -> Any:
    dialogs.answers["run"] = QDialog.DialogCode.Rejected  # shown modally; driven below
    w.act_report.trigger()
    assert w.output.report_dialog is not None
    return w.output.report_dialog


def folder_of_documents(tmp_path: Path) -> Path:
    folder = tmp_path / "jds"
    folder.mkdir()
    (folder / "aide.txt").write_text("Duties\nHelps addicts find housing.\n", encoding="utf-8")
    (folder / "mentor.md").write_text("# Mentor\n\nMeets people every week.\n",
                                      encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"not a Word file")
    return folder


def test_the_menu_action_opens_the_dialog_without_a_project(window: Any, dialogs: Any) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert window.act_report in file_menu.actions()
    assert window.act_report.text() == "Por&tfolio Report\u2026"
    dialog = open_report_dialog(window, dialogs)
    assert dialog.windowTitle() == "Portfolio report"
    assert dialog.selected_formats() == ["html", "pdf", "json"]
    assert not dialog.open_button.isEnabled()


def test_a_report_is_built_with_progress_and_opened(window: Any, dialogs: Any, qtbot: Any,
                                                    tmp_path: Path) -> None:
    save_settings(Settings(organisation="Harbor Peer Network", allow_phrases=["addicts"]))
    window.ctx.forget_settings()
    folder = folder_of_documents(tmp_path)
    dialogs.answers["choose_folder"] = str(folder)
    dialog = open_report_dialog(window, dialogs)
    qtbot.mouseClick(dialog.add_folder_button, Qt.MouseButton.LeftButton)
    assert dialog.paths() == [str(folder)]
    out = tmp_path / "out" / "portfolio"
    dialog.output.setText(str(out))
    steps: list[Any] = []
    dialog.progress.valueChanged.connect(steps.append)
    with qtbot.waitSignal(dialog.reportFinished, timeout=REPORT_TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert [p.name for p in result.files] == ["portfolio.html", "portfolio.pdf",
                                              "portfolio.json"]
    assert all(p.is_file() and p.stat().st_size > 0 for p in result.files)
    assert result.documents == 2
    assert dialog.progress.value() == dialog.progress.maximum()
    assert steps  # the bar moved while the report was built
    assert dialog.status.text().startswith("Done: 2 documents read, 0 findings.")
    assert "broken.docx (is not a DOCX file (not a zip archive))" in dialog.status.text()
    data = json.loads((out.parent / "portfolio.json").read_text(encoding="utf-8"))
    assert data["organization"] == "Harbor Peer Network"
    assert data["summary"]["suppressed"] == 1  # the organization's allow-list applied
    opened: list[Path] = []
    dialog.opener = opened.append
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [out.parent / "portfolio.html"]


def test_files_one_format_and_a_comparison(window: Any, dialogs: Any, qtbot: Any,
                                           tmp_path: Path) -> None:
    folder = folder_of_documents(tmp_path)
    dialog = open_report_dialog(window, dialogs)
    dialogs.answers["open_file"] = [str(folder / "aide.txt"), str(folder / "mentor.md")]
    dialog._add_file()
    dialog._add_file()
    dialog.add_path(folder / "aide.txt")  # no duplicates
    assert dialog.paths() == [str(folder / "aide.txt"), str(folder / "mentor.md")]
    dialog.inputs.item(1).setSelected(True)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.paths() == [str(folder / "aide.txt")]
    for key in ("html", "pdf"):
        dialog.formats[key].setChecked(False)
    dialog.output.setText(str(tmp_path / "first"))
    with qtbot.waitSignal(dialog.reportFinished, timeout=REPORT_TIMEOUT) as blocker:
        dialog.start()
    assert [p.name for p in blocker.args[0].files] == ["first.json"]
    dialogs.answers["open_file"] = str(tmp_path / "first.json")
    dialog._browse_since()
    assert dialog.since.text() == str(tmp_path / "first.json")
    (folder / "aide.txt").write_text("Duties\nHelps people find housing.\n", encoding="utf-8")
    dialog.output.setText(str(tmp_path / "second"))
    with qtbot.waitSignal(dialog.reportFinished, timeout=REPORT_TIMEOUT):
        dialog.start()
    data = json.loads((tmp_path / "second.json").read_text(encoding="utf-8"))
    assert data["comparison"]["findings"] == {"before": 1, "after": 0}
    assert dialog.report_file() == tmp_path / "second.json"


def test_what_is_missing_is_said_in_words(window: Any, dialogs: Any, qtbot: Any,
                                          tmp_path: Path) -> None:
    dialog = open_report_dialog(window, dialogs)
    dialog.start()
    assert not dialog.running
    assert dialog.status.text() == "Add at least one folder or file to include."
    dialog.add_path(tmp_path)
    for box in dialog.formats.values():
        box.setChecked(False)
    dialog.start()
    assert dialog.status.text() == "Choose where to save the report and at least one format."
    dialog.formats["html"].setChecked(True)
    with qtbot.waitSignal(dialog.reportFailed, timeout=REPORT_TIMEOUT) as blocker:
        dialog.start()  # an empty folder
    assert "no .docx, .txt, .md or .jdb files found" in blocker.args[0]
    assert "Traceback" not in blocker.args[0]
    assert dialog.create_button.isEnabled() and not dialog.running
