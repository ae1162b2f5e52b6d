"""New, open, save, close, recent files, and restoring autosaved work after a crash."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from jdbuilder import project as projects
from jdbuilder.errors import JdbError
from jdbuilder.export.names import slug
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.ui.controllers.workspace import Workspace
from jdbuilder.ui.editing.document import Document
from jdbuilder.ui.services import uistate
from jdbuilder.ui.services.checker import CheckerService
from jdbuilder.ui.services.context import AppContext
from jdbuilder.ui.services.prompts import Dialogs, guarded
from jdbuilder.ui.services.recovery import RecoveryManager


def file_stem(text: str) -> str:
    """A file-name stem for a role or title ("peer-specialist")."""
    return slug(text)


class FileController:
    def __init__(self, window: Workspace, doc: Document, ctx: AppContext, dialogs: Dialogs,
                 recovery: RecoveryManager, checker: CheckerService) -> None:
        self.window = window
        self.doc = doc
        self.ctx = ctx
        self._dialogs = dialogs
        self.recovery = recovery
        self.checker = checker
        self.pending_open = ""

    @property
    def dialogs(self) -> Dialogs:
        return self._dialogs

    def dialog_parent(self) -> QWidget:
        return self.window.dialog_parent()

    # ---- start-up ----------------------------------------------------------------------
    def open_after_start(self, path: str) -> None:
        """Open a project named on the command line once start-up (and recovery) is done."""
        self.pending_open = path

    def startup_files(self) -> None:
        restored = self.offer_recovery()
        path, self.pending_open = self.pending_open, ""
        if path and not restored:
            self.open_path(path)

    @guarded
    def offer_recovery(self) -> bool:
        """After a crash, offer to restore the autosaved work. True if something was restored."""
        for orphan in self.recovery.orphans():
            if self.dialogs.offer_recovery(self.dialog_parent(), orphan.describe()):
                project = self.recovery.load_orphan(orphan)
                original = Path(orphan.original) if orphan.original else None
                self.doc.load(project, original)
                self.doc.set_dirty(True)
                self._after_open()
                self.recovery.discard_orphan(orphan)
                self.recovery.autosave_now()
                return True
            self.recovery.discard_orphan(orphan)
        return False

    # ---- file --------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is safe to drop the open project (saved, discarded or unchanged)."""
        if not self.window.project_open or not self.doc.modified:
            return True
        answer = self.dialogs.ask_save_changes(self.dialog_parent(), self.doc.display_name)
        if answer == "save":
            return bool(self.save())
        return answer == "discard"

    def _after_open(self) -> None:
        self.window.show_workspace()
        self.window.project_opened()
        self.recovery.start(self.doc.revision, unsaved=self.doc.modified)

    def new_project(self) -> None:
        if self.maybe_save():
            self._close_current()
            self.window.show_start()

    @guarded
    def new_from_template(self, role_id: str) -> None:
        from jdbuilder.library import template_job_description

        if not self.maybe_save():
            return
        lib = self.ctx.library
        if lib is None:
            raise JdbError("The library is still loading; try again in a moment.")
        self._open_new(template_job_description(lib.role(role_id)))

    @guarded
    def new_blank(self) -> None:
        if not self.maybe_save():
            return
        self._open_new(JobDescription())

    def _open_new(self, jd: JobDescription) -> None:
        self._close_current()
        self.doc.load(projects.Project(job_description=jd), None)
        self._after_open()

    @guarded
    def open_project(self) -> None:
        if not self.maybe_save():
            return
        folder = str(self.doc.file_path.parent) if self.doc.file_path else str(Path.home())
        path = self.dialogs.open_project(self.dialog_parent(), folder)
        if path:
            self._open(Path(path))

    @guarded
    def open_path(self, path: str) -> None:
        if not self.maybe_save():
            return
        self._open(Path(path))

    def _open(self, path: Path) -> None:
        try:
            project = projects.load(path)
        except JdbError:
            if not path.exists():
                uistate.remove_recent(str(path.resolve()))
                self.window.recent_files_changed()
            raise
        self._close_current()
        self.doc.load(project, path)
        self.doc.disk_stamp = projects.disk_stamp(path)
        uistate.add_recent(path)
        self._after_open()

    def _close_current(self) -> None:
        self.recovery.stop()
        self.checker.clear()

    @guarded
    def save(self) -> bool:
        if not self.window.project_open:
            return False
        if self.doc.file_path is None:
            return bool(self.save_as())
        return self._save_to(self.doc.file_path)

    @guarded
    def save_as(self) -> bool:
        if not self.window.project_open:
            return False
        jd = self.doc.jd
        base = self.doc.file_path or Path.home() / f"{file_stem(jd.role_id or jd.title)}.jdb"
        path = self.dialogs.save_project(self.dialog_parent(), str(base))
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != projects.SUFFIX:
            target = target.with_name(target.name + projects.SUFFIX)
        return self._save_to(target)

    def _changed_on_disk(self, path: Path) -> str:
        """"save" when the file is as this window last saw it (or gone); otherwise the user's
        answer: "overwrite", "save_as" or "cancel"."""
        if self.doc.file_path is None or path != self.doc.file_path \
                or self.doc.disk_stamp is None:
            return "save"
        now = projects.disk_stamp(path)
        if now is None or now == self.doc.disk_stamp:
            return "save"
        return self.dialogs.file_changed(self.dialog_parent(), path.name)

    def _save_to(self, path: Path) -> bool:
        answer = self._changed_on_disk(path)
        if answer == "cancel":
            return False
        if answer == "save_as":
            return bool(self.save_as())
        projects.save(self.doc.to_project(), path)
        self.doc.disk_stamp = projects.disk_stamp(path)
        self.doc.mark_saved(path)
        self.recovery.saved(self.doc.revision)
        uistate.add_recent(path)
        self.window.show_status(f"Saved {path.name}", 4000)
        return True

    def close_project(self) -> None:
        if self.maybe_save():
            self._close_current()
            self.doc.load(projects.Project(), None)
            self.window.show_start()

    def recovery_snapshot(self) -> tuple[projects.Project, Path | None] | None:
        if not self.window.project_open:
            return None
        return self.doc.to_project(), self.doc.file_path
