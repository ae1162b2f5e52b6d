"""Print preview and printing: a document tree (jdbuilder/export/tree.py) rendered to a
QTextDocument through HTML, then to a QPrinter (QPrintPreviewDialog for the preview)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from jdbuilder.export import tree

BODY_PT = 11
LARGE_PT = 16


def _runs(runs: Any) -> str:
    out = []
    for run in runs:
        text = html.escape(getattr(run, "text", str(run)))
        if getattr(run, "bold", False):
            text = f"<b>{text}</b>"
        if getattr(run, "italic", False):
            text = f"<i>{text}</i>"
        out.append(text)
    return "".join(out)


def _node(node: Any) -> str:
    e = html.escape
    if isinstance(node, tree.Title):
        return f"<h1>{e(node.text)}</h1>"
    if isinstance(node, tree.Heading):
        level = min(max(node.level, 1), 3) + 1
        return f"<h{level}>{e(node.text)}</h{level}>"
    if isinstance(node, tree.Paragraph):
        body = _runs(node.runs)
        if node.style == "note":
            return f"<p><i>{body}</i></p>"
        if node.style == "small":
            return f"<p><small>{body}</small></p>"
        return f"<p>{body}</p>"
    if isinstance(node, tree.BulletList):
        return "<ul>" + "".join(f"<li>{_runs(i)}</li>" for i in node.items) + "</ul>"
    if isinstance(node, tree.NumberedList):
        return "<ol>" + "".join(f"<li>{_runs(i)}</li>" for i in node.items) + "</ol>"
    if isinstance(node, tree.Table):
        head = "".join(f"<th align='left'>{e(h)}</th>" for h in node.header)
        rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
                       for row in node.rows)
        return ("<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
                f"<thead><tr>{head}</tr></thead>{rows}</table>")
    if isinstance(node, tree.PageBreak):
        return "<div style='page-break-after: always'></div>"
    if isinstance(node, tree.KeepTogether):
        return "".join(_node(c) for c in node.children)
    # Node types added later: show their children or text rather than nothing.
    children = getattr(node, "children", None) or getattr(node, "body", None)
    if children:
        return "".join(_node(c) for c in children)
    text = getattr(node, "text", None)
    return f"<p>{e(str(text))}</p>" if text else ""


def document_html(doc: tree.Document) -> str:
    """The document as simple HTML that QTextDocument lays out for print."""
    head = f"<p><small>{html.escape(doc.header)}</small></p>" if doc.header else ""
    body = "".join(_node(n) for n in doc.body)
    return f"<html><head><title>{html.escape(doc.title)}</title></head><body>{head}{body}" \
           "</body></html>"


def text_document(doc: tree.Document) -> QTextDocument:
    qdoc = QTextDocument()
    font = QFont()
    font.setPointSizeF(LARGE_PT if doc.large_print else BODY_PT)
    qdoc.setDefaultFont(font)
    qdoc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, doc.title)
    qdoc.setHtml(document_html(doc))
    return qdoc


def configure_printer(printer: QPrinter, paper: str, title: str = "") -> None:
    size = QPageSize(QPageSize.PageSizeId.A4 if paper == "a4" else QPageSize.PageSizeId.Letter)
    layout = QPageLayout(size, QPageLayout.Orientation.Portrait,
                         QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    printer.setPageLayout(layout)
    if title:
        printer.setDocName(title)


def print_document(doc: tree.Document, printer: QPrinter) -> None:
    text_document(doc).print_(printer)  # paginates to the printer's page


def print_to_pdf(doc: tree.Document, path: str) -> None:
    """Print through Qt to a PDF file (what the preview shows, on paper)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    configure_printer(printer, doc.paper, doc.title)
    print_document(doc, printer)


def preview_dialog(doc: tree.Document, parent: QWidget | None = None) -> QPrintPreviewDialog:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_printer(printer, doc.paper, doc.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print preview: {doc.title}")
    dialog.paintRequested.connect(lambda p: print_document(doc, p))
    dialog.document = doc  # type: ignore[attr-defined]  # kept for the caller and tests
    return dialog
