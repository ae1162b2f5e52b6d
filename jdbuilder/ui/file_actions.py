"""File handling for the main window: new, open, save, close, recent files, and restoring
autosaved work after a crash. A mixin of `MainWindow` (jdbuilder.ui.main_window), which owns
the attributes used here (dialogs, ctx, doc, recovery, checker, the views)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jdbuilder import project as projects
from jdbuilder.errors import JdbError
from jdbuilder.model.jobad import generate_ad
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.ui import uistate
from jdbuilder.ui.dialogs import guarded


def file_stem(text: str) -> str:
    """A file-name stem for a role or title ("peer-specialist")."""
    from jdbuilder.export.build import slug

    return slug(text)


class FileActions:
    dialogs: Any
    ctx: Any
    doc: Any
    recovery: Any
    checker: Any
    start_view: Any
    jd_editor: Any
    library_panel: Any
    recent_menu: Any
    project_open: bool
    pending_open: str

    # ---- start-up ----------------------------------------------------------------------
    def open_after_start(self, path: str) -> None:
        """Open a project named on the command line once start-up (and recovery) is done."""
        self.pending_open = path

    def _startup_files(self) -> None:
        restored = self.offer_recovery()
        path, self.pending_open = self.pending_open, ""
        if path and not restored:
            self.open_path(path)

    @guarded
    def offer_recovery(self) -> bool:
        """After a crash, offer to restore the autosaved work. True if something was restored."""
        for orphan in self.recovery.orphans():
            if self.dialogs.offer_recovery(self, orphan.describe()):
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
        if not self.project_open or not self.doc.modified:
            return True
        answer = self.dialogs.ask_save_changes(self, self.doc.display_name)
        if answer == "save":
            return bool(self.save())
        return answer == "discard"

    def _after_open(self) -> None:
        self.show_workspace()
        self.library_panel.set_role(self.doc.jd.role_id)
        self.recovery.start(self.doc.revision, unsaved=self.doc.modified)
        self.jd_editor.focus_path(("jd", "title"))

    def _organisation(self) -> str:
        return self.ctx.organisation()

    def new_project(self) -> None:
        if self.maybe_save():
            self._close_current()
            self.show_start()

    @guarded
    def new_from_template(self, role_id: str) -> None:
        from jdbuilder.library import template_job_description

        if not self.maybe_save():
            return
        lib = self.ctx.library
        if lib is None:
            raise JdbError("The library is still loading; try again in a moment.")
        jd = template_job_description(lib.role(role_id))
        self._open_new(jd)

    @guarded
    def new_blank(self) -> None:
        if not self.maybe_save():
            return
        self._open_new(JobDescription())

    def _open_new(self, jd: JobDescription) -> None:
        self._close_current()
        ad = generate_ad(jd, organisation=self._organisation())
        self.doc.load(projects.Project(job_description=jd, job_ad=ad.to_dict()), None)
        self._after_open()

    @guarded
    def open_project(self) -> None:
        if not self.maybe_save():
            return
        folder = str(self.doc.file_path.parent) if self.doc.file_path else str(Path.home())
        path = self.dialogs.open_project(self, folder)
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
                self.start_view.set_recent(uistate.recent_files())
            raise
        self._close_current()
        self.doc.load(project, path, organisation=self._organisation())
        uistate.add_recent(path)
        self._after_open()

    def _close_current(self) -> None:
        self.recovery.stop()
        self.checker.clear()

    @guarded
    def save(self) -> bool:
        if not self.project_open:
            return False
        if self.doc.file_path is None:
            return bool(self.save_as())
        return self._save_to(self.doc.file_path)

    @guarded
    def save_as(self) -> bool:
        if not self.project_open:
            return False
        jd = self.doc.jd
        base = self.doc.file_path or Path.home() / f"{file_stem(jd.role_id or jd.title)}.jdb"
        path = self.dialogs.save_project(self, str(base))
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != projects.SUFFIX:
            target = target.with_name(target.name + projects.SUFFIX)
        return self._save_to(target)

    def _save_to(self, path: Path) -> bool:
        projects.save(self.doc.to_project(), path)
        self.doc.mark_saved(path)
        self.recovery.saved(self.doc.revision)
        uistate.add_recent(path)
        self.statusBar().showMessage(f"Saved {path.name}", 4000)
        return True

    def close_project(self) -> None:
        if self.maybe_save():
            self._close_current()
            self.doc.load(projects.Project(), None)
            self.show_start()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = uistate.recent_files()
        for i, p in enumerate(paths, start=1):
            act = self.recent_menu.addAction(f"&{i % 10} {Path(p).name}")
            act.setToolTip(p)
            act.triggered.connect(lambda _c=False, p=p: self.open_path(p))
        if not paths:
            act = self.recent_menu.addAction("No recent files")
            act.setEnabled(False)

    def _recovery_snapshot(self) -> tuple[projects.Project, Path | None] | None:
        if not self.project_open:
            return None
        return self.doc.to_project(), self.doc.file_path
