"""Export, print preview, printing and "Review a document..." for the main window. A mixin of
`MainWindow` (jdbuilder.ui.main_window), which owns the attributes used here."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog

from jdbuilder.errors import JdbError
from jdbuilder.ui.dialogs import guarded
from jdbuilder.ui.file_actions import file_stem


class OutputActions:
    dialogs: Any
    ctx: Any
    doc: Any
    project_open: bool
    export_dialog: Any
    last_dialog: Any

    # ---- export and print --------------------------------------------------------------
    def default_export_folder(self) -> Path:
        jd = self.doc.jd
        name = f"{file_stem(jd.role_id or jd.title)}-documents"
        base = self.doc.file_path.parent if self.doc.file_path else Path.home()
        return base / name

    @guarded
    def export(self) -> None:
        from jdbuilder.ui.export_dialog import ExportDialog

        if not self.project_open:
            return
        settings = self.ctx.settings()
        project = self.doc.to_project()
        dialog = ExportDialog(
            project, folder=self.default_export_folder(), organisation=settings.organisation,
            logo=settings.logo, paper=settings.paper, parent=self,
            choose_folder=lambda start: self.dialogs.choose_folder(self, "Export to", start))
        has_kit = bool(self.doc.kit.questions)
        for key, box in dialog.documents.items():
            box.setChecked(key in ("jd", "ad") or (has_kit and key == "kit"))
        self.export_dialog = dialog
        self.dialogs.run(dialog)

    def _choose_document(self, title: str) -> Any:
        from jdbuilder.export.build import DOCUMENTS, compose_documents
        from jdbuilder.ui.export_dialog import document_label, make_options

        keys = list(DOCUMENTS)
        index = self.dialogs.choose_item(self, title, "Document:",
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
        from jdbuilder.ui.printing import preview_dialog

        if not self.project_open:
            return
        doc = self._choose_document("Print preview")
        if doc is None:
            return
        dialog = preview_dialog(doc, self)
        self.last_dialog = dialog
        self.dialogs.run(dialog)

    @guarded
    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from jdbuilder.ui.printing import configure_printer
        from jdbuilder.ui.printing import print_document as render

        if not self.project_open:
            return
        doc = self._choose_document("Print")
        if doc is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, doc.paper, doc.title)
        dialog = QPrintDialog(printer, self)
        self.last_dialog = dialog
        if self.dialogs.run(dialog) == QDialog.DialogCode.Accepted:
            render(doc, printer)

    @guarded
    def review_document(self) -> None:
        from jdbuilder.ui.tasks import run_task

        folder = str(self.doc.file_path.parent) if self.doc.file_path else str(Path.home())
        source = self.dialogs.open_file(
            self, "Review a document", folder,
            "Documents (*.docx *.txt *.md *.jdb);;All files (*)")
        if not source:
            return
        src = Path(source)
        suggested = str(src.with_name(f"{src.stem}-review.docx"))
        out = self.dialogs.save_file(self, "Save the reviewer copy as", suggested,
                                     "Word documents (*.docx)")
        if not out:
            return
        dest = Path(out)
        if dest.suffix.lower() != ".docx":
            dest = dest.with_name(dest.name + ".docx")
        policy = self.ctx.policy()

        def work(_progress: Any) -> Any:
            from jdbuilder.export.review import write_review

            if "policy" in inspect.signature(write_review).parameters:
                return write_review(src, dest, policy=policy)
            return write_review(src, dest)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ImportError):
                msg = ("Reviewing documents is not available in this version of jdbuilder. "
                       "Please update jdbuilder to use it.")
            elif isinstance(exc, JdbError):
                msg = str(exc)
            else:
                msg = f"The reviewer copy could not be written: {exc}"
            self.dialogs.error(self, "Review a document", msg)

        def done(result: Any) -> None:
            comments = getattr(result, "comments", None)
            extra = f" with {comments} comment(s)" if comments is not None else ""
            self.dialogs.info(self, "Review a document",
                              f"The reviewer copy was saved{extra}:\n{dest}")

        self.statusBar().showMessage(f"Reviewing {src.name}\u2026", 3000)
        run_task(work, parent=self, on_done=done, on_error=failed)
