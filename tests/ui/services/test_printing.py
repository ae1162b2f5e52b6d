"""Printing paints the exported PDF's pages: every document type prints and previews, with the
exported PDF's page count and layout, and the names offered for a print file are safe on every
platform."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter

from jdbuilder.doctree import Document
from jdbuilder.export.build import DOCUMENTS, BuildOptions, compose_documents
from jdbuilder.interview.bank import default_bank
from jdbuilder.interview.kits import default_kit
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.kit import Consensus, Interviewer, ScoreEntry
from jdbuilder.project import Project
from jdbuilder.render.html import document_html
from jdbuilder.render.pdf import write_pdf
from jdbuilder.ui.services.printing import (
    PreviewDialog,
    PrintJob,
    configure_printer,
    paint_job,
    print_to_pdf,
    safe_file_name,
)


@pytest.fixture
def kit_project(sample_jd: JobDescription) -> Project:
    kit = default_kit("peer-specialist", sample_jd, default_bank())
    kit.interviewers = [Interviewer("a", "Ana Reyes"), Interviewer("b", "Ben Okafor")]
    kit.candidates = ["C1", "C2"]
    kit.name_key = {"C1": "Nguyễn Thị Lan", "C2": "Zoë Abernathy"}
    q0 = kit.questions[0].id
    kit.scores = [ScoreEntry("a", "C1", q0, 5), ScoreEntry("b", "C1", q0, 2)]
    kit.consensus = [Consensus("C1", q0, 4, "A clear example.")]
    return Project(job_description=sample_jd, kit=kit)


def _documents(project: Project, kind: str) -> list[Document]:
    return [doc for _stem, doc in compose_documents(project, BuildOptions(documents=(kind,)))]


def _pages(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def _text(path: Path) -> str:
    reader = PdfReader(str(path))
    text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages))
    return re.sub(r"\s+", " ", text)


def _render(path: Path, index: int, dpi: int = 100) -> QImage:
    # 100 dpi: fine enough that a 0.5 pt grid line is drawn alike from vector and raster
    pdf = pdfium.PdfDocument(str(path))
    try:
        bitmap = pdf[index].render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGBX8888).copy()
        return image.convertToFormat(QImage.Format.Format_Grayscale8)
    finally:
        pdf.close()


def _difference(a: QImage, b: QImage) -> float:
    """Mean absolute grey-level difference (0-255) of two pages of the same size."""
    assert abs(a.width() - b.width()) <= 1 and abs(a.height() - b.height()) <= 1
    w, h = min(a.width(), b.width()), min(a.height(), b.height())
    total = 0
    for y in range(0, h, 2):
        row_a = bytes(a.constScanLine(y))[:w]
        row_b = bytes(b.constScanLine(y))[:w]
        total += sum(abs(p - q) for p, q in zip(row_a, row_b, strict=True))
    return total / (w * ((h + 1) // 2))


def test_file_names_offered_are_safe_on_every_platform() -> None:
    name = safe_file_name("Certified Peer Specialist: job description")
    assert name == "Certified Peer Specialist - job description.pdf"
    for bad in '<>:"/\\|?*':
        assert bad not in safe_file_name(f"A{bad}B{bad}")
    assert safe_file_name("CON") == "document CON.pdf"
    assert safe_file_name("  trailing dots... ") == "trailing dots.pdf"
    assert safe_file_name("") == "document.pdf"


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_every_document_prints_with_the_exported_page_count(kind: str, kit_project: Project,
                                                            qtbot: Any,
                                                            tmp_path: Path) -> None:
    docs = _documents(kit_project, kind)
    assert docs
    for n, doc in enumerate(docs):
        exported = tmp_path / f"{kind}-{n}-exported.pdf"
        write_pdf(doc, exported)
        printed = tmp_path / f"{kind}-{n}-printed.pdf"
        pages = print_to_pdf([doc], str(printed))
        assert pages == _pages(exported) == _pages(printed)


def test_printed_pages_look_like_the_exported_pages(kit_project: Project, qtbot: Any,
                                                    tmp_path: Path) -> None:
    """Same layout: each printed page, rasterized, matches the exported page; a page of
    another document does not."""
    packet = _documents(kit_project, "kit")[0]
    exported = tmp_path / "exported.pdf"
    write_pdf(packet, exported)
    printed = tmp_path / "printed.pdf"
    n = print_to_pdf([packet], str(printed))
    assert n >= 2
    for i in range(n):
        assert _difference(_render(printed, i), _render(exported, i)) < 8.0, i
    assert _difference(_render(printed, 0), _render(exported, 1)) > 12.0


def test_several_documents_print_in_one_job(kit_project: Project, qtbot: Any,
                                            tmp_path: Path) -> None:
    packets = _documents(kit_project, "kit")
    assert len(packets) == 2  # one per interviewer
    job = PrintJob(packets)
    try:
        expected = sum(job.page_counts())
        assert job.title.endswith("and 1 more")
        assert ":" not in job.file_name()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        configure_printer(printer, job.paper, job.title)
        printer.setOutputFileName(str(tmp_path / "both.pdf"))
        painted = paint_job(job, printer)
    finally:
        job.close()
    assert painted == expected == _pages(tmp_path / "both.pdf")
    assert not job.folder.exists()  # the temporary PDFs are removed


def test_a_printed_packet_is_the_exported_packet(kit_project: Project, qtbot: Any) -> None:
    packet = _documents(kit_project, "kit")[0]
    html = document_html(packet)  # the HTML renderer still holds every part
    kit = kit_project.kit
    assert kit is not None
    n = len(kit.questions)
    assert html.count("Score (1-5)") == n
    job = PrintJob([packet])
    try:
        text = _text(job.files[0])
    finally:
        job.close()
    for q in kit.questions:
        for anchor in q.anchors.values():
            assert " ".join(anchor.split()[:4]) in text
    assert text.count("Score (1-5)") == n
    assert re.search(r"Page 1 of \d", text)


def test_the_printer_gets_the_documents_paper_and_a_safe_name(qtbot: Any) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_printer(printer, "a4", "Peer Mentor: job description")
    layout = printer.pageLayout()
    assert layout.pageSize().id() == layout.pageSize().PageSizeId.A4
    assert printer.fullPage()
    assert printer.docName() == "Peer Mentor - job description"


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_the_preview_opens_paints_and_closes_for_every_document(kind: str,
                                                                kit_project: Project,
                                                                qtbot: Any,
                                                                tmp_path: Path) -> None:
    docs = _documents(kit_project, kind)
    job = PrintJob(docs)
    expected = sum(job.page_counts())
    dialog = PreviewDialog(job)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.pages_painted == expected)  # the preview's own paint
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / f"{kind}.pdf"
    printer.setOutputFileName(str(out))
    dialog.paintRequested.emit(printer)  # the preview's Print button
    assert _pages(out) == expected
    dialog.close()
    assert not job.folder.exists()
