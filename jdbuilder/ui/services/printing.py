"""Print preview and printing: a document tree rendered to HTML (`jdbuilder.render.html`), laid
out by a QTextDocument and painted on a QPrinter (QPrintPreviewDialog for the preview)."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from jdbuilder.doctree import Document
from jdbuilder.render.html import document_html
from jdbuilder.render.style import BODY_PT, LARGE_PT
from jdbuilder.vocab import Paper


def text_document(doc: Document) -> QTextDocument:
    qdoc = QTextDocument()
    font = QFont()
    font.setPointSizeF(LARGE_PT if doc.large_print else BODY_PT)
    qdoc.setDefaultFont(font)
    qdoc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, doc.title)
    qdoc.setHtml(document_html(doc))
    return qdoc


def configure_printer(printer: QPrinter, paper: str, title: str = "") -> None:
    size = QPageSize(QPageSize.PageSizeId.A4 if paper == Paper.A4 else QPageSize.PageSizeId.Letter)
    layout = QPageLayout(size, QPageLayout.Orientation.Portrait,
                         QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    printer.setPageLayout(layout)
    if title:
        printer.setDocName(title)


def print_document(doc: Document, printer: QPrinter) -> None:
    text_document(doc).print_(printer)  # paginates to the printer's page


def print_to_pdf(doc: Document, path: str) -> None:
    """Print through Qt to a PDF file (what the preview shows, on paper)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    configure_printer(printer, doc.paper, doc.title)
    print_document(doc, printer)


class PreviewDialog(QPrintPreviewDialog):
    """The print preview of one document. The dialog owns its printer: Qt's preview keeps
    painting on it until the dialog is gone, so it must live exactly as long as the dialog."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, doc.paper, doc.title)
        super().__init__(printer, parent)
        self._printer = printer
        self.document = doc
        self.setWindowTitle(f"Print preview: {doc.title}")
        self.paintRequested.connect(self._paint)

    def _paint(self, printer: QPrinter) -> None:
        print_document(self.document, printer)


def preview_dialog(doc: Document, parent: QWidget | None = None) -> PreviewDialog:
    return PreviewDialog(doc, parent)
