"""Autosave to a recovery file, and the offer to restore it after a crash.

While a project is open, its state is written every minute and after a few seconds of idle
time (only when it changed) to `recovery/<session>.jdb` in the user-data folder, with a small
`<session>.json` saying which file it belongs to. Each running window holds a lock file for its
session (QLockFile); a recovery file whose lock is not held by a live process was left by a
crash. A normal close, a save, or closing the project removes the session's files.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer

from jdbuilder import project as projects
from jdbuilder.atomic import atomic_write_text
from jdbuilder.userdata import private_folder, user_data_dir

Snapshot = Callable[[], "tuple[projects.Project, Path | None] | None"]
AUTOSAVE_MS = 60_000
IDLE_MS = 5_000


def recovery_dir() -> Path:
    return user_data_dir() / "recovery"


@dataclass(frozen=True)
class Orphan:
    session: str
    project_file: Path
    original: str  # the project's own file, or "" if it was never saved
    saved_at: str
    title: str

    def describe(self) -> str:
        name = Path(self.original).name if self.original else "an unsaved project"
        what = f"\u201c{self.title}\u201d, " if self.title else ""
        when = f", autosaved {self.saved_at}" if self.saved_at else ""
        return f"{what}{name}{when}"


def _remove(*paths: Path) -> None:
    for p in paths:
        try:
            p.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass


class RecoveryManager(QObject):
    def __init__(self, snapshot: Snapshot, parent: QObject | None = None, *,
                 autosave_ms: int = AUTOSAVE_MS, idle_ms: int = IDLE_MS) -> None:
        super().__init__(parent)
        self.snapshot = snapshot
        self.session = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.folder = recovery_dir()
        self.lock: QLockFile | None = None
        self.saved_revision = -1
        self.revision = 0
        self.active = False
        self.last_error = ""
        self.periodic = QTimer(self)
        self.periodic.setInterval(autosave_ms)
        self.periodic.timeout.connect(self.autosave_now)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_ms)
        self.idle.timeout.connect(self.autosave_now)

    # ---- paths -------------------------------------------------------------------------
    def _files(self, session: str | None = None) -> tuple[Path, Path, Path]:
        s = session or self.session
        return (self.folder / f"{s}.jdb", self.folder / f"{s}.json", self.folder / f"{s}.lock")

    def _ensure_lock(self) -> None:
        if self.lock is not None:
            return
        private_folder(self.folder)
        lock = QLockFile(str(self._files()[2]))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            self.lock = lock

    # ---- this session ------------------------------------------------------------------
    def start(self, revision: int, unsaved: bool = False) -> None:
        """A project is open at this revision: autosave its changes from now on (`unsaved`:
        it already holds work that is in no file, such as restored work)."""
        self.active = True
        self.revision = revision
        self.saved_revision = -1 if unsaved else revision
        self.periodic.start()

    def stop(self) -> None:
        """The project was closed or saved: nothing to recover."""
        self.active = False
        self.periodic.stop()
        self.idle.stop()
        self.discard_own()

    def changed(self, revision: int) -> None:
        self.revision = revision
        if self.active:
            self.idle.start()

    def saved(self, revision: int) -> None:
        self.saved_revision = revision
        self.revision = revision
        self.idle.stop()
        self.discard_own(keep_lock=True)

    def autosave_now(self) -> bool:
        """Write the recovery file if the project changed since the last write or save."""
        if not self.active or self.revision == self.saved_revision:
            return False
        snap = self.snapshot()
        if snap is None:
            return False
        project, original = snap
        try:
            self._ensure_lock()
            jdb, meta, _lock = self._files()
            atomic_write_text(jdb, projects.dumps(project), private=True)
            info = {"original": str(original) if original else "",
                    "saved_at": datetime.now().strftime("%Y-%m-%d %H:%M"),
                    "title": project.job_description.title}
            atomic_write_text(meta, json.dumps(info, ensure_ascii=False) + "\n", private=True)
        except OSError as exc:
            self.last_error = f"Autosave failed: {exc}"
            return False
        self.saved_revision = self.revision
        return True

    def discard_own(self, keep_lock: bool = False) -> None:
        jdb, meta, _lock = self._files()
        _remove(jdb, meta)
        if not keep_lock and self.lock is not None:
            self.lock.unlock()
            self.lock = None

    def shutdown(self) -> None:
        self.stop()

    def simulate_crash(self) -> None:
        """For tests: leave the recovery file behind as a crashed process would."""
        self.periodic.stop()
        self.idle.stop()
        self.active = False
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None

    # ---- other sessions ----------------------------------------------------------------
    def orphans(self) -> list[Orphan]:
        """Recovery files whose session is no longer running (oldest first)."""
        out: list[Orphan] = []
        if not self.folder.is_dir():
            return out
        for jdb in sorted(self.folder.glob("*.jdb"), key=lambda p: p.stat().st_mtime):
            session = jdb.stem
            if session == self.session:
                continue
            probe = QLockFile(str(self._files(session)[2]))
            probe.setStaleLockTime(0)
            if not probe.tryLock(0):
                continue  # another window is running and owns it
            probe.unlock()
            info: dict[str, str] = {}
            try:
                data = json.loads(self._files(session)[1].read_text(encoding="utf-8"))
                if isinstance(data, dict):
                    info = {k: str(v) for k, v in data.items()}
            except (OSError, ValueError):
                pass
            out.append(Orphan(session, jdb, info.get("original", ""), info.get("saved_at", ""),
                              info.get("title", "")))
        return out

    def load_orphan(self, orphan: Orphan) -> projects.Project:
        """The recovered project; raises a JdbError if the file is unusable."""
        return projects.load(orphan.project_file)

    def discard_orphan(self, orphan: Orphan) -> None:
        _remove(*self._files(orphan.session))

