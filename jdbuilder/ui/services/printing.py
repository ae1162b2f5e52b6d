"""Print preview and printing that match the exported PDF.

The documents are composed as export composes them (jdbuilder.export.build.compose_documents),
written to a temporary PDF by the same renderer (jdbuilder.render.pdf), and each page of that PDF
is rasterized with PDFium (pypdfium2) at the printer's resolution and painted on the QPrinter.
So the preview, the paper and the exported PDF have the same layout, the same page breaks and
the same "Page N of M" footers. (Qt's own PDF module is not part of PySide6-Essentials, and
laying the document out a second time in a QTextDocument could never match the PDF.)

A `PrintJob` holds the rendered PDFs of one print or preview and is closed (its temporary files
removed) with the dialog that uses it. The dialogs own their QPrinter for as long as they live:
Qt's preview paints on it until the dialog is gone.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from jdbuilder.doctree import Document
from jdbuilder.vocab import Paper

PRINT_DPI = 300  # the most a page is rasterized at for paper (600 dpi letter is 135 MB a page)
PREVIEW_DPI = 150  # the preview shows pages on screen; it keeps every page it paints
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
             *(f"lpt{i}" for i in range(1, 10))}


def safe_file_name(text: str, suffix: str = ".pdf", limit: int = 120) -> str:
    """A file name that every platform accepts: no colon, slash or other character Windows,
    macOS or Linux forbid, no trailing dot or space, not a reserved Windows device name."""
    name = _FORBIDDEN.sub(" - ", text)
    name = re.sub(r"\s+", " ", name).replace(" - - ", " - ").strip(" .-")[:limit].strip(" .-")
    if not name or name.split(".")[0].lower() in _RESERVED:
        name = f"document {name}".strip()
    return name + suffix


@dataclass(frozen=True)
class PrintItem:
    """One document the user can print: which kind, its label in the chooser, the tree."""

    kind: str
    label: str
    document: Document


class PrintJob:
    """The chosen documents rendered to PDF files in a temporary folder, ready to paint."""

    def __init__(self, documents: Sequence[Document]) -> None:
        from jdbuilder.render.pdf import write_pdf

        if not documents:
            raise ValueError("nothing to print")
        self.documents = list(documents)
        self.folder = Path(tempfile.mkdtemp(prefix="jdbuilder-print-"))
        self.files: list[Path] = []
        try:
            for n, doc in enumerate(self.documents, start=1):
                path = self.folder / f"{n:02d}.pdf"
                write_pdf(doc, path)
                self.files.append(path)
        except BaseException:
            self.close()
            raise

    @property
    def title(self) -> str:
        first = self.documents[0].title
        if len(self.documents) == 1:
            return first
        return f"{first} and {len(self.documents) - 1} more"

    @property
    def paper(self) -> Paper:
        return self.documents[0].paper

    def file_name(self) -> str:
        return safe_file_name(self.title)

    def page_counts(self) -> list[int]:
        import pypdfium2 as pdfium

        counts = []
        for path in self.files:
            pdf = pdfium.PdfDocument(str(path))
            try:
                counts.append(len(pdf))
            finally:
                pdf.close()
        return counts

    def pages(self, dpi: float) -> Iterator[tuple[QImage, QSizeF]]:
        """Every page of every document, in order: the image at `dpi` and the page's size in
        points. One page is in memory at a time."""
        import pypdfium2 as pdfium

        for path in self.files:
            pdf = pdfium.PdfDocument(str(path))
            try:
                for index in range(len(pdf)):
                    page = pdf[index]
                    try:
                        width, height = page.get_size()
                        bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True,
                                             prefer_bgrx=True, optimize_mode="print")
                        try:
                            image = QImage(bitmap.buffer, bitmap.width, bitmap.height,
                                           bitmap.stride, QImage.Format.Format_RGBX8888).copy()
                        finally:
                            bitmap.close()
                    finally:
                        page.close()
                    yield image, QSizeF(width, height)
            finally:
                pdf.close()

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def configure_printer(printer: QPrinter, paper: str, title: str = "") -> None:
    """The document's paper, no margins (the PDF pages carry their own), and a safe name for
    the file a "print to file" writes."""
    size = QPageSize(QPageSize.PageSizeId.A4 if paper == Paper.A4 else QPageSize.PageSizeId.Letter)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
    printer.setFullPage(True)
    if title:
        # the name a "print to file" offers (Qt builds it from the document name)
        printer.setDocName(safe_file_name(title, suffix=""))


def paint_job(job: PrintJob, printer: QPrinter, max_dpi: int = PRINT_DPI,
              on_page: Callable[[int], None] | None = None) -> int:
    """Paint every page of the job on the printer; returns the number of pages painted.

    Each page is scaled to the printer's paper, keeping its proportions (a Letter document
    printed on A4 shrinks to fit, as a PDF viewer's "fit to page" does)."""
    dpi = max(72, min(printer.resolution(), max_dpi))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    count = 0
    try:
        for image, _size in job.pages(dpi):
            if count:
                printer.newPage()
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            scale = min(paper.width() / image.width(), paper.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            target = QRectF(paper.left() + (paper.width() - w) / 2, paper.top(), w, h)
            painter.drawImage(target, image)
            count += 1
            if on_page is not None:
                on_page(count)
    finally:
        painter.end()
    return count


def print_to_pdf(documents: Sequence[Document], path: str) -> int:
    """Print the documents through Qt to a PDF file, exactly as they go to paper; returns the
    number of pages."""
    job = PrintJob(documents)
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        configure_printer(printer, job.paper, job.title)
        printer.setOutputFileName(path)
        return paint_job(job, printer)
    finally:
        job.close()


class PreviewDialog(QPrintPreviewDialog):
    """The print preview of the chosen documents. The dialog owns its printer and its job:
    Qt's preview keeps painting on the printer until the dialog is gone, so both live exactly
    as long as the dialog."""

    def __init__(self, job: PrintJob, parent: QWidget | None = None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, job.paper, job.title)
        super().__init__(printer, parent)
        self._printer = printer
        self.job = job
        self.pages_painted = 0
        self.setWindowTitle(f"Print preview: {job.title}")
        if parent is not None:  # room for a readable page
            self.resize(int(parent.width() * 0.85), int(parent.height() * 0.92))
        self.paintRequested.connect(self._paint)
        self.finished.connect(lambda _r: job.close())

    def _paint(self, printer: QPrinter) -> None:
        # The preview's own printer shows pages on screen; a real print from the preview's
        # Print button goes at the printer's resolution.
        dpi = PREVIEW_DPI if printer is self._printer else PRINT_DPI
        self.pages_painted = paint_job(self.job, printer, dpi)


class PrintDialog(QPrintDialog):
    """The platform's print dialog for a job; owns its printer and job like the preview."""

    def __init__(self, job: PrintJob, parent: QWidget | None = None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, job.paper, job.title)
        super().__init__(printer, parent)
        self._printer = printer
        self.job = job
        self.setWindowTitle(f"Print: {job.title}")

    def print_now(self) -> int:
        try:
            return paint_job(self.job, self._printer)
        finally:
            self.job.close()
