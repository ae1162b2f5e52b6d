"""Autosave to a recovery file, and restoring it after a (simulated) crash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jdbuilder import project as projects
from jdbuilder.ui.services.recovery import recovery_dir
from tests.ui.helpers import FakeDialogs, save_to


def recovery_files() -> list[str]:
    folder = recovery_dir()
    return sorted(p.suffix for p in folder.iterdir()) if folder.is_dir() else []


def test_autosave_writes_only_after_changes(jd_window: Any) -> None:
    w = jd_window
    assert not w.recovery.autosave_now()  # nothing changed yet
    assert w.recovery.periodic.isActive() and w.recovery.periodic.interval() == 60_000
    w.doc.set_value(("jd", "title"), "Unsaved title")
    assert w.recovery.idle.isActive()  # autosave on idle, too
    assert w.recovery.autosave_now()
    jdb = recovery_dir() / f"{w.recovery.session}.jdb"
    assert projects.load(jdb).job_description.title == "Unsaved title"
    assert not w.recovery.autosave_now()  # unchanged since


def test_idle_autosave_fires_by_itself(make_window: Any, qtbot: Any) -> None:
    w = make_window(checker=False)
    w.recovery.idle.setInterval(50)
    w.files.new_from_template("peer-specialist")
    w.doc.set_value(("jd", "title"), "Idle title")
    jdb = recovery_dir() / f"{w.recovery.session}.jdb"
    qtbot.waitUntil(jdb.is_file, timeout=5000)


def test_restore_after_a_crash(make_window: Any, tmp_path: Path, dialogs: Any) -> None:
    w = make_window(checker=False)
    w.files.new_from_template("peer-specialist")
    save_to(w, dialogs, tmp_path / "mine.jdb")
    w.doc.set_value(("jd", "title"), "Typed before the crash")
    w.doc.insert(("jd", "abilities"), 0, "Stays calm when plans change.")
    assert w.recovery.autosave_now()
    w.recovery.simulate_crash()  # the process dies: files stay, the lock is gone
    assert ".jdb" in recovery_files()

    fake = FakeDialogs()
    again = make_window(fake, checker=False)
    assert again.files.offer_recovery()
    (description,) = fake.called("offer_recovery")[0]
    assert "Typed before the crash" in description and "mine.jdb" in description
    assert again.project_open
    assert again.doc.jd.title == "Typed before the crash"
    assert again.doc.jd.abilities[0] == "Stays calm when plans change."
    assert again.doc.file_path == tmp_path / "mine.jdb"
    assert again.isWindowModified()  # restored work is not saved yet
    assert projects.load(tmp_path / "mine.jdb").job_description.title != again.doc.jd.title
    # the old session's files are gone; the new session keeps its own autosave
    assert not (recovery_dir() / f"{w.recovery.session}.jdb").exists()
    assert (recovery_dir() / f"{again.recovery.session}.jdb").exists()
    fake.answers["ask_save_changes"] = "save"
    assert again.close()
    assert projects.load(tmp_path / "mine.jdb").job_description.title == "Typed before the crash"
    assert ".jdb" not in recovery_files()


def test_declining_recovery_discards_it(make_window: Any) -> None:
    w = make_window(checker=False)
    w.files.new_from_template("peer-specialist")
    w.doc.set_value(("jd", "title"), "Lost on purpose")
    w.recovery.autosave_now()
    w.recovery.simulate_crash()
    fake = FakeDialogs()
    fake.answers["offer_recovery"] = False
    again = make_window(fake, checker=False)
    assert not again.files.offer_recovery()
    assert not again.project_open
    assert ".jdb" not in recovery_files()


def test_a_running_window_is_not_offered_as_a_crash(make_window: Any) -> None:
    w = make_window(checker=False)
    w.files.new_from_template("peer-specialist")
    w.doc.set_value(("jd", "title"), "Still open elsewhere")
    w.recovery.autosave_now()
    fake = FakeDialogs()
    other = make_window(fake, checker=False)
    assert not other.files.offer_recovery()
    assert fake.called("offer_recovery") == []
    assert ".jdb" in recovery_files()


def test_a_normal_close_and_a_save_leave_nothing_to_recover(jd_window: Any, dialogs: Any,
                                                             tmp_path: Path) -> None:
    w = jd_window
    w.doc.set_value(("jd", "title"), "Will be saved")
    w.recovery.autosave_now()
    save_to(w, dialogs, tmp_path / "saved.jdb")
    assert ".jdb" not in recovery_files()
    w.doc.set_value(("jd", "title"), "Changed again")
    w.recovery.autosave_now()
    dialogs.answers["ask_save_changes"] = "discard"
    assert w.close()
    assert ".jdb" not in recovery_files() and ".lock" not in recovery_files()


def test_startup_offers_recovery_before_opening_a_file(make_window: Any, qtbot: Any,
                                                        tmp_path: Path) -> None:
    w = make_window(checker=False)
    w.files.new_from_template("peer-specialist")
    w.doc.set_value(("jd", "title"), "Recovered at start-up")
    w.recovery.autosave_now()
    w.recovery.simulate_crash()
    fake = FakeDialogs()
    again = make_window(fake, checker=False)
    again.files.open_after_start(str(tmp_path / "not-opened.jdb"))
    again.files.startup_files()
    assert again.doc.jd.title == "Recovered at start-up"
    assert fake.called("error") == []  # the file was not opened over the restored work
