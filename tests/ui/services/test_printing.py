"""Printing through Qt covers every document type: what is printed from the window holds what
the exported documents hold (a packet's anchors, note space and score box included)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from jdbuilder.doctree import Document
from jdbuilder.export.build import DOCUMENTS, BuildOptions, compose_documents
from jdbuilder.interview.bank import default_bank
from jdbuilder.interview.kits import default_kit
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.kit import Consensus, Interviewer, ScoreEntry
from jdbuilder.project import Project
from jdbuilder.render.html import document_html
from jdbuilder.ui.services.printing import PreviewDialog, print_to_pdf


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


def _printed_text(doc: Document, path: Path) -> str:
    print_to_pdf(doc, str(path))
    reader = PdfReader(str(path))
    text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages))
    return re.sub(r"\s+", " ", text)  # NFKC: Qt prints ligatures ("ﬁ") that read as two letters


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_every_document_prints(kind: str, kit_project: Project, qtbot: Any,
                               tmp_path: Path) -> None:
    docs = _documents(kit_project, kind)
    assert docs
    for n, doc in enumerate(docs):
        text = _printed_text(doc, tmp_path / f"{kind}-{n}.pdf")
        title = doc.body[0]
        assert getattr(title, "text", "").split(":")[0] in text


def test_a_printed_packet_has_anchors_note_space_and_a_score_box(kit_project: Project,
                                                                 qtbot: Any,
                                                                 tmp_path: Path) -> None:
    packet = _documents(kit_project, "kit")[0]
    html = document_html(packet)
    kit = kit_project.kit
    assert kit is not None
    n = len(kit.questions)
    assert html.count("Score (1-5)") == n  # a score box for every question
    assert html.count("<hr/>") >= 4 * n  # ruled note lines for every question
    text = _printed_text(packet, tmp_path / "packet.pdf")
    for q in kit.questions:
        for anchor in q.anchors.values():
            assert " ".join(anchor.split()[:4]) in text
    assert text.count("Score (1-5)") == n
    assert text.count("Notes") >= n


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_the_preview_opens_paints_and_closes_for_every_document(kind: str,
                                                                kit_project: Project,
                                                                qtbot: Any,
                                                                tmp_path: Path) -> None:
    doc = _documents(kit_project, kind)[0]
    dialog = PreviewDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / f"{kind}.pdf"
    printer.setOutputFileName(str(out))
    dialog.paintRequested.emit(printer)
    assert out.read_bytes().startswith(b"%PDF")
    dialog.close()
