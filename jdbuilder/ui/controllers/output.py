"""Export, print preview, printing, "Review a document..." and "Portfolio report..."."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from jdbuilder.errors import JdbError
from jdbuilder.export.build import blocked_questions
from jdbuilder.ui.controllers.files import file_stem
from jdbuilder.ui.controllers.workspace import Workspace
from jdbuilder.ui.editing.document import Document
from jdbuilder.ui.services.context import AppContext
from jdbuilder.ui.services.prompts import Dialogs, guarded
from jdbuilder.ui.services.tasks import Progress, run_task
from jdbuilder.vocab import Paper

if TYPE_CHECKING:
    from jdbuilder.export.build import BuildOptions
    from jdbuilder.review.annotate import ReviewResult  # imports the language check
    from jdbuilder.ui.services.printing import PrintItem, PrintJob


class OutputController:
    def __init__(self, window: Workspace, doc: Document, ctx: AppContext,
                 dialogs: Dialogs) -> None:
        self.window = window
        self.doc = doc
        self.ctx = ctx
        self._dialogs = dialogs
        self.export_dialog: QDialog | None = None
        self.choice_dialog: QDialog | None = None
        self.report_dialog: QDialog | None = None
        self.last_dialog: QDialog | None = None

    @property
    def dialogs(self) -> Dialogs:
        return self._dialogs

    def dialog_parent(self) -> QWidget:
        return self.window.dialog_parent()

    # ---- export and print --------------------------------------------------------------
    def default_export_folder(self) -> Path:
        jd = self.doc.jd
        name = f"{file_stem(jd.role_id or jd.title)}-documents"
        base = self.doc.file_path.parent if self.doc.file_path else Path.home()
        return base / name

    @guarded
    def export(self) -> None:
        from jdbuilder.ui.dialogs.export import ExportDialog

        if not self.window.project_open:
            return
        if not self._kit_may_print():
            return
        if not self.findings_checked("Export", "Export anyway"):
            return
        settings = self.ctx.settings()
        parent = self.dialog_parent()
        dialog = ExportDialog(
            self.doc.to_project(), folder=self.default_export_folder(),
            organisation=settings.organisation, logo=settings.logo, paper=settings.paper,
            parent=parent,
            choose_folder=lambda start: self.dialogs.choose_folder(parent, "Export to", start))
        has_kit = bool(self.doc.kit.questions) and not blocked_questions(self.doc.to_project())
        for key, box in dialog.documents.items():
            box.setChecked(key in ("jd", "ad") or (has_kit and key == "kit"))
        self.export_dialog = dialog
        self.dialogs.run(dialog)

    def _kit_may_print(self) -> bool:
        """A kit question the checker rules not allowed is never printed: say which, offer
        to open it, and go on (without the kit documents) only when asked to."""
        blocked = blocked_questions(self.doc.to_project())
        if not blocked:
            return True
        b = blocked[0]
        more = f" ({len(blocked) - 1} more after it)" if len(blocked) > 1 else ""
        if self.dialogs.confirm(
                self.dialog_parent(), "A question is not allowed",
                f"{b.where[:1].upper()}{b.where[1:]} of the interview kit is not allowed before "
                "a job offer"
                f"{more}: \u201c{b.text}\u201d\n\n{b.reason}\n\nThe kit documents cannot be "
                "exported or printed until it is changed or removed. Open the question now?"):
            self.window.go_to(("kit", "questions", b.number - 1, "text"))
            return False
        return True

    # ---- open findings -----------------------------------------------------------------
    def findings_checked(self, action: str, go_on: str) -> bool:
        """True to go on with an export or print: no open findings, or the user chose to go
        on. "Review the findings" shows the findings panel instead."""
        from jdbuilder.ui.widgets.icons import counted
        from jdbuilder.vocab import Severity

        counts = self.window.open_findings()
        total = sum(counts.values())
        if not total:
            return True
        parts = [counted(s, counts[s]) for s in Severity.descending() if counts.get(s)]
        message = (f"The language check has {total} open finding{'s' if total != 1 else ''} "
                   f"({', '.join(parts)}).")
        answer = self.dialogs.findings_open(self.dialog_parent(), action, message, go_on)
        if answer == "review":
            self.window.review_findings()
        return answer == "continue"

    # ---- print -------------------------------------------------------------------------
    def print_options(self) -> BuildOptions:
        """The options export uses, from the settings: what prints is what exports."""
        from jdbuilder.export.build import BuildOptions

        s = self.ctx.settings()
        return BuildOptions(formats=("pdf",), paper=Paper(s.paper), organisation=s.organisation,
                            logo=s.logo, eeo_statement=s.eeo_statement,
                            accommodation_contact=s.accommodation_contact)

    def print_items(self) -> list[PrintItem]:
        """Every document the project has, an interview packet for each interviewer."""
        from dataclasses import replace

        from jdbuilder.export.build import DOCUMENTS, KIT_DOCUMENTS, compose_documents
        from jdbuilder.ui.dialogs.export import document_label
        from jdbuilder.ui.services.printing import PrintItem

        project = self.doc.to_project()
        has_kit = (project.kit is not None and bool(project.kit.questions)
                   and not blocked_questions(project))
        options = self.print_options()
        items: list[PrintItem] = []
        for kind in DOCUMENTS:
            if kind in KIT_DOCUMENTS and not has_kit:
                continue
            try:
                docs = compose_documents(project, replace(options, documents=(kind,)))
            except ValueError as exc:
                raise JdbError(f"This document cannot be printed yet: {exc}") from None
            packets = project.kit.interviewers if kind == "kit" and project.kit else []
            for n, (_stem, tree) in enumerate(docs):
                label = document_label(kind)
                if kind == "kit":
                    who = packets[n].name or packets[n].id if n < len(packets) else ""
                    label = f"{label}: {who}" if who else f"{label} (all questions)"
                items.append(PrintItem(kind, label, tree))
        return items

    def _preselected(self, items: list[PrintItem]) -> list[int]:
        part = self.window.current_part()
        wanted = {"jd": ("jd",), "ad": ("ad",), "kit": ("kit",),
                  "scoring": ("scoresheet", "consensus")}.get(part, ("jd",))
        rows = [i for i, it in enumerate(items) if it.kind in wanted]
        return rows or [0]

    def choose_documents(self, title: str) -> list[PrintItem]:
        """Ask which documents to print (one, several or all); [] if cancelled."""
        from jdbuilder.ui.dialogs.print_choice import PrintChoiceDialog

        items = self.print_items()
        if not items:
            return []
        dialog = PrintChoiceDialog(title, [it.label for it in items], self._preselected(items),
                                   self.dialog_parent())
        self.choice_dialog = dialog
        if self.dialogs.run(dialog) != QDialog.DialogCode.Accepted:
            return []
        return [items[i] for i in dialog.selected()]

    def _job(self, title: str, action: str) -> PrintJob | None:
        from jdbuilder.ui.services.printing import PrintJob

        if not self.window.project_open or not self._kit_may_print():
            return None
        if not self.findings_checked(action, f"{action} anyway"):
            return None
        chosen = self.choose_documents(title)
        if not chosen:
            return None
        self.window.show_status("Laying out the pages\u2026", 2000)
        return PrintJob([it.document for it in chosen])

    @guarded
    def print_preview(self) -> None:
        from jdbuilder.ui.services.printing import PreviewDialog

        job = self._job("Print preview", "Preview")
        if job is None:
            return
        dialog = PreviewDialog(job, self.dialog_parent())
        self.last_dialog = dialog
        try:
            self.dialogs.run(dialog)
        finally:
            job.close()

    @guarded
    def print_document(self) -> None:
        from jdbuilder.ui.services.printing import PrintDialog

        job = self._job("Print", "Print")
        if job is None:
            return
        dialog = PrintDialog(job, self.dialog_parent())
        self.last_dialog = dialog
        try:
            if self.dialogs.run(dialog) == QDialog.DialogCode.Accepted:
                pages = dialog.print_now()
                self.window.show_status(f"Sent {pages} page{'s' if pages != 1 else ''} to "
                                        "the printer.", 5000)
        finally:
            job.close()

    @guarded
    def review_document(self) -> None:
        parent = self.dialog_parent()
        folder = str(self.doc.file_path.parent) if self.doc.file_path else str(Path.home())
        source = self.dialogs.open_file(
            parent, "Review a document", folder,
            "Documents (*.docx *.txt *.md *.jdb);;All files (*)")
        if not source:
            return
        src = Path(source)
        suggested = str(src.with_name(f"{src.stem}-review.docx"))
        out = self.dialogs.save_file(parent, "Save the reviewer copy as", suggested,
                                     "Word documents (*.docx)")
        if not out:
            return
        dest = Path(out)
        if dest.suffix.lower() != ".docx":
            dest = dest.with_name(dest.name + ".docx")
        policy = self.ctx.policy()
        sources = self.ctx.lexicon_sources()

        def work(_progress: Progress) -> ReviewResult:
            from jdbuilder.review.annotate import write_review

            return write_review(src, dest, policy=policy, lexicon=self.ctx.lexicon_for(sources))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ImportError):  # a build that left the module out
                msg = ("Reviewing documents is not available in this version of jdbuilder. "
                       "Please update jdbuilder to use it.")
            elif isinstance(exc, JdbError):
                msg = str(exc)
            else:
                msg = f"The reviewer copy could not be written: {exc}"
            self.dialogs.error(parent, "Review a document", msg)

        def done(result: ReviewResult) -> None:
            self.dialogs.info(parent, "Review a document",
                              f"The reviewer copy was saved with {result.comments} "
                              f"comment(s):\n{dest}")

        self.window.show_status(f"Reviewing {src.name}\u2026", 3000)
        run_task(work, parent=parent, on_done=done, on_error=failed)

    @guarded
    def portfolio_report(self) -> None:
        """Check many documents at once and write a report with charts (works with no
        project open)."""
        from jdbuilder.ui.dialogs.report import ReportDialog

        settings = self.ctx.settings()
        parent = self.dialog_parent()
        folder = self.doc.file_path.parent if self.doc.file_path else Path.home()
        sources = self.ctx.lexicon_sources()
        dialog = ReportDialog(
            policy=self.ctx.policy(), output=folder / "portfolio-report",
            lexicon=lambda: self.ctx.lexicon_for(sources),
            organization=settings.organisation, paper=settings.paper, parent=parent,
            choose_folder=lambda start: self.dialogs.choose_folder(
                parent, "Add a folder to the report", start),
            choose_file=lambda start: self.dialogs.open_file(
                parent, "Add a document to the report", start,
                "Documents (*.docx *.txt *.md *.jdb);;All files (*)"),
            choose_output=lambda start: self.dialogs.save_file(
                parent, "Save the report as", start, "Web pages (*.html);;All files (*)"),
            choose_since=lambda start: self.dialogs.open_file(
                parent, "Compare with an earlier report", start,
                "Report data (*.json);;All files (*)"))
        self.report_dialog = dialog
        self.dialogs.run(dialog)
