"""Export, print preview, printing, "Review a document..." and "Portfolio report..."."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from jdbuilder.doctree import Document as TreeDocument
from jdbuilder.errors import JdbError
from jdbuilder.ui.controllers.files import file_stem
from jdbuilder.ui.controllers.workspace import Workspace
from jdbuilder.ui.editing.document import Document
from jdbuilder.ui.services.context import AppContext
from jdbuilder.ui.services.prompts import Dialogs, guarded
from jdbuilder.ui.services.tasks import Progress, run_task

if TYPE_CHECKING:
    from jdbuilder.review.annotate import ReviewResult  # imports the language check


class OutputController:
    def __init__(self, window: Workspace, doc: Document, ctx: AppContext,
                 dialogs: Dialogs) -> None:
        self.window = window
        self.doc = doc
        self.ctx = ctx
        self._dialogs = dialogs
        self.export_dialog: QDialog | None = None
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
        settings = self.ctx.settings()
        parent = self.dialog_parent()
        dialog = ExportDialog(
            self.doc.to_project(), folder=self.default_export_folder(),
            organisation=settings.organisation, logo=settings.logo, paper=settings.paper,
            parent=parent,
            choose_folder=lambda start: self.dialogs.choose_folder(parent, "Export to", start))
        has_kit = bool(self.doc.kit.questions)
        for key, box in dialog.documents.items():
            box.setChecked(key in ("jd", "ad") or (has_kit and key == "kit"))
        self.export_dialog = dialog
        self.dialogs.run(dialog)

    def _choose_document(self, title: str) -> TreeDocument | None:
        from jdbuilder.export.build import DOCUMENTS, compose_documents
        from jdbuilder.ui.dialogs.export import document_label, make_options

        keys = list(DOCUMENTS)
        index = self.dialogs.choose_item(self.dialog_parent(), title, "Document:",
                                         [document_label(k) for k in keys])
        if index is None:
            return None
        settings = self.ctx.settings()
        options = make_options(formats=["pdf"], documents=[keys[index]], large_print=False,
                               paper=settings.paper, organisation=settings.organisation,
                               logo=settings.logo)
        try:
            docs = compose_documents(self.doc.to_project(), options)
        except ValueError as exc:
            raise JdbError(f"This document cannot be printed yet: {exc}") from None
        return docs[0][1] if docs else None

    @guarded
    def print_preview(self) -> None:
        from jdbuilder.ui.services.printing import preview_dialog

        if not self.window.project_open:
            return
        doc = self._choose_document("Print preview")
        if doc is None:
            return
        dialog = preview_dialog(doc, self.dialog_parent())
        self.last_dialog = dialog
        self.dialogs.run(dialog)

    @guarded
    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from jdbuilder.ui.services.printing import configure_printer
        from jdbuilder.ui.services.printing import print_document as render

        if not self.window.project_open:
            return
        doc = self._choose_document("Print")
        if doc is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, doc.paper, doc.title)
        dialog = QPrintDialog(printer, self.dialog_parent())
        self.last_dialog = dialog
        if self.dialogs.run(dialog) == QDialog.DialogCode.Accepted:
            render(doc, printer)

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

        def work(_progress: Progress) -> ReviewResult:
            from jdbuilder.review.annotate import write_review

            return write_review(src, dest, policy=policy)

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
        dialog = ReportDialog(
            policy=self.ctx.policy(), output=folder / "portfolio-report",
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
