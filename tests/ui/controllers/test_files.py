"""Saving, reopening, the modified marker, prompts before losing changes, and errors shown as
plain-words dialogs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jdbuilder import project as projects
from tests.ui.helpers import save_to, wait_checked


def test_save_and_reopen_keeps_everything(jd_window: Any, make_window: Any, dialogs: Any,
                                          qtbot: Any, tmp_path: Path, bank: Any) -> None:
    w = jd_window
    w.doc.set_value(("jd", "title"), "Peer Specialist (Bilingual)")
    w.doc.set_value(("ad", "summary"), "An edited summary.")
    w.kit_tab.questions.add_bank_question(bank[0])
    assert w.isWindowModified()
    path = tmp_path / "project.jdb"
    save_to(w, dialogs, path)
    assert not w.isWindowModified()
    assert w.windowTitle() == "project.jdb[*] \u2014 jdbuilder"
    saved = projects.load(path)
    assert saved.job_description.title == "Peer Specialist (Bilingual)"
    assert saved.job_ad is not None and saved.job_ad.summary == "An edited summary."
    assert saved.kit is not None and saved.kit.questions[0].id == bank[0].id
    # saving again keeps the previous version as .bak (atomic save in the core)
    w.doc.set_value(("jd", "hours"), "20 hours per week")
    assert w.files.save()
    assert path.with_name("project.jdb.bak").is_file()

    other = make_window()
    other.files.open_path(str(path))
    assert other.doc.jd.title == "Peer Specialist (Bilingual)"
    assert other.doc.jd.hours == "20 hours per week"
    assert other.doc.ad.summary == "An edited summary."
    assert [q.id for q in other.doc.kit.questions] == [bank[0].id]
    assert other.jd_editor.fields[("jd", "title")].text() == "Peer Specialist (Bilingual)"
    assert not other.isWindowModified()
    wait_checked(qtbot, other)


def test_save_as_adds_the_suffix_and_unknown_fields_survive(window: Any, dialogs: Any,
                                                            tmp_path: Path) -> None:
    source = tmp_path / "old.jdb"
    data = projects.Project().to_dict()
    data["job_description"]["title"] = "Recovery Coach"
    data["future_field"] = {"kept": True}
    source.write_text(json.dumps(data), encoding="utf-8")
    window.files.open_path(str(source))
    save_to(window, dialogs, tmp_path / "copy")
    saved = json.loads((tmp_path / "copy.jdb").read_text(encoding="utf-8"))
    assert saved["future_field"] == {"kept": True}
    assert window.doc.file_path == tmp_path / "copy.jdb"


def test_close_prompts_before_losing_changes(jd_window: Any, dialogs: Any,
                                             tmp_path: Path) -> None:
    w = jd_window
    w.doc.set_value(("jd", "title"), "Edited")
    dialogs.answers["ask_save_changes"] = "cancel"
    assert not w.close()
    assert w.isVisible()
    assert dialogs.called("ask_save_changes") == [("Untitled",)]
    dialogs.answers["ask_save_changes"] = "save"
    dialogs.answers["save_project"] = None  # the user cancels the save dialog
    assert not w.close()
    dialogs.answers["ask_save_changes"] = "save"
    dialogs.answers["save_project"] = str(tmp_path / "closing.jdb")
    assert w.close()
    assert projects.load(tmp_path / "closing.jdb").job_description.title == "Edited"


def test_undo_back_to_the_saved_state_clears_the_marker(jd_window: Any, dialogs: Any,
                                                         tmp_path: Path) -> None:
    w = jd_window
    save_to(w, dialogs, tmp_path / "a.jdb")
    w.doc.set_value(("jd", "title"), "Changed")
    assert w.isWindowModified()
    w.act_undo.trigger()
    assert not w.isWindowModified()
    w.act_redo.trigger()
    assert w.isWindowModified()
    assert w.act_undo.text().startswith("&Undo")


def test_a_project_from_a_newer_version_is_a_plain_error(window: Any, dialogs: Any,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "newer.jdb"
    path.write_text(json.dumps({"format": "jdbuilder-project", "schema_version": 99}),
                    encoding="utf-8")
    dialogs.answers["open_project"] = str(path)
    window.act_open.trigger()
    (message,) = dialogs.called("error")[0]
    assert message.startswith(str(path)) and "newer jdbuilder" in message
    assert "Traceback" not in message
    assert not window.project_open


def test_a_truncated_project_is_a_plain_error(window: Any, dialogs: Any,
                                              tmp_path: Path) -> None:
    path = tmp_path / "cut.jdb"
    path.write_text('{"format": "jdbuilder-project", "schema_version": 1, "job_d',
                    encoding="utf-8")
    window.files.open_path(str(path))
    (message,) = dialogs.called("error")[0]
    assert "truncated" in message


def test_an_unwritable_target_is_a_plain_error(jd_window: Any, dialogs: Any,
                                               tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "x.jdb"
    dialogs.answers["save_project"] = str(target)
    assert not jd_window.files.save_as()
    (message,) = dialogs.called("error")[0]
    assert "could not be saved" in message
    assert jd_window.isWindowModified() is False  # nothing was claimed saved


def test_an_invalid_kit_in_a_project_is_a_plain_error(window: Any, dialogs: Any,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "badkit.jdb"
    data = projects.Project().to_dict()
    data["interview_kit"] = {"scores": [{"interviewer": "a", "candidate": "b",
                                         "question": "c", "score": 9}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    window.files.open_path(str(path))
    (message,) = dialogs.called("error")[0]
    assert "interview kit" in message and "score 9" in message


def _two_windows(make_window: Any, dialogs: Any, tmp_path: Path) -> tuple[Any, Any, Path]:
    path = tmp_path / "shared.jdb"
    first = make_window(checker=False)
    first.files.new_from_template("peer-specialist")
    save_to(first, dialogs, path)
    second = make_window(checker=False)
    second.files.open_path(str(path))
    second.doc.set_value(("jd", "hours"), "Evenings, set by the other window")
    assert second.files.save()
    first.doc.set_value(("jd", "title"), "Peer Specialist, edited in the first window")
    return first, second, path


def test_a_file_changed_by_another_window_is_not_silently_replaced(
        make_window: Any, dialogs: Any, tmp_path: Path) -> None:
    first, _second, path = _two_windows(make_window, dialogs, tmp_path)
    theirs = path.read_bytes()
    dialogs.answers["file_changed"] = "cancel"
    assert not first.files.save()
    assert dialogs.called("file_changed") == [("shared.jdb",)]
    assert path.read_bytes() == theirs and first.isWindowModified()
    # Save As keeps both
    dialogs.answers["file_changed"] = "save_as"
    dialogs.answers["save_project"] = str(tmp_path / "mine.jdb")
    assert first.files.save()
    assert path.read_bytes() == theirs
    assert projects.load(tmp_path / "mine.jdb").job_description.title.endswith("first window")


def test_replacing_their_changes_is_a_choice_and_then_saves_quietly(
        make_window: Any, dialogs: Any, tmp_path: Path) -> None:
    first, _second, path = _two_windows(make_window, dialogs, tmp_path)
    dialogs.answers["file_changed"] = "overwrite"
    assert first.files.save()
    assert projects.load(path).job_description.title.endswith("first window")
    first.doc.set_value(("jd", "hours"), "Days")
    assert first.files.save()  # the file is as this window wrote it: no question
    assert len(dialogs.called("file_changed")) == 1


def test_hostile_files_give_a_dialog_and_keep_the_open_project(jd_window: Any, dialogs: Any,
                                                               tmp_path: Path) -> None:
    import os

    w = jd_window
    w.doc.set_value(("jd", "title"), "Kept title")
    cases: list[Path] = []
    nan = tmp_path / "nan.jdb"
    nan.write_text('{"format": "jdbuilder-project", "schema_version": 2, "interview_kit": '
                   '{"questions": [{"id": "q", "text": "Tell us.", "weight": NaN}]}}',
                   encoding="utf-8")
    cases.append(nan)
    binary = tmp_path / "binary.jdb"
    binary.write_bytes(bytes(range(256)) * 64)
    cases.append(binary)
    deep = tmp_path / "deep.jdb"
    deep.write_text("[" * 200_000, encoding="utf-8")
    cases.append(deep)
    if os.name == "posix":
        fifo = tmp_path / "pipe.jdb"
        os.mkfifo(fifo)
        cases.append(fifo)
        zero = tmp_path / "zero.jdb"
        zero.symlink_to("/dev/zero")
        cases.append(zero)
    save_to(w, dialogs, tmp_path / "kept.jdb")
    for path in cases:
        w.files.open_path(str(path))
    messages = [m for (m,) in dialogs.called("error")]
    assert len(messages) == len(cases)
    for path, message in zip(cases, messages, strict=True):
        assert path.name in message and "\n" not in message, message
    assert w.doc.jd.title == "Kept title" and w.project_open
    assert w.doc.file_path == tmp_path / "kept.jdb" and not w.isWindowModified()
