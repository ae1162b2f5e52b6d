from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from jdbuilder.export.build import BuildOptions, build
from jdbuilder.interview.bank import default_bank
from jdbuilder.interview.kits import default_kit
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.kit import (
    Consensus,
    Interviewer,
    InterviewKit,
    KitQuestion,
    ScoreEntry,
)
from jdbuilder.project import Project

NAMES = {"C1": "Nguyễn Thị Lan", "C2": "Zoë Abernathy", "C3": "Łukasz Wójcik"}


@pytest.fixture
def kit_project(sample_jd: JobDescription) -> Project:
    kit = default_kit("peer-specialist", sample_jd, default_bank())
    kit.interviewers = [Interviewer("a", "Ana Reyes"), Interviewer("b", "Ben Okafor",
                                                                     [kit.questions[0].id])]
    kit.candidates = list(NAMES)
    kit.name_key = dict(NAMES)
    q0, q1 = kit.questions[0].id, kit.questions[1].id
    kit.scores = [ScoreEntry("a", "C1", q0, 5), ScoreEntry("b", "C1", q0, 2),
                    ScoreEntry("a", "C1", q1, 4)]
    kit.consensus = [Consensus("C1", q0, 4, "Clear example of mutual support.")]
    return Project(job_description=sample_jd, kit=kit)


def _text(path: Path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_every_kit_document_is_written(tmp_path: Path, kit_project: Project) -> None:
    files = build(kit_project, tmp_path, BuildOptions(organisation="Hilltown"))
    names = {p.name for p in files}
    for stem in ("peer-specialist-job-description", "peer-specialist-job-ad",
                 "peer-specialist-interview-ana-reyes", "peer-specialist-interview-ben-okafor",
                 "peer-specialist-score-sheets", "peer-specialist-consensus-sheet",
                 "peer-specialist-candidate-key"):
        assert {f"{stem}.docx", f"{stem}.pdf"} <= names, stem


def test_candidate_names_only_in_the_key(tmp_path: Path, kit_project: Project) -> None:
    files = build(kit_project, tmp_path)
    for path in files:
        text = _text(path)
        in_key = "candidate-key" in path.name
        for name in NAMES.values():
            assert (name in text) == in_key, (path.name, name)


def test_packet_cover_and_one_question_per_page(tmp_path: Path, kit_project: Project) -> None:
    build(kit_project, tmp_path, BuildOptions(documents=["kit"]))
    pdf = PdfReader(str(tmp_path / "peer-specialist-interview-ana-reyes.pdf"))
    cover = pdf.pages[0].extract_text() + pdf.pages[1].extract_text()
    assert "Ana Reyes" in cover and "same questions, in the same order" in cover
    assert "Do" in cover and "Ask about a diagnosis" in cover
    for page in pdf.pages[2:]:
        text = page.extract_text()
        assert len(re.findall(r"Question \d+\.", text)) == text.count("Score (1-5)")
    ben = PdfReader(str(tmp_path / "peer-specialist-interview-ben-okafor.pdf"))
    body = "\n".join(p.extract_text() for p in ben.pages)
    assert "Question 1." in body and "Question 2." not in body
    outline = [o.title for o in pdf.outline if not isinstance(o, list)]
    assert "Lived experience and peer values" in outline


def test_packet_docx_quality(tmp_path: Path, kit_project: Project) -> None:
    build(kit_project, tmp_path, BuildOptions(documents=["kit"], formats=["docx"]))
    d = docx.Document(str(tmp_path / "peer-specialist-interview-ana-reyes.docx"))
    styles = {p.style.name for p in d.paragraphs if p.style is not None}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet",
            "List Number"} <= styles
    data_tables = [t for t in d.tables if len(t.columns) > 1]
    assert data_tables
    assert all(t.style is not None and t.style.name == "Table Grid" for t in data_tables)
    heads = [p for p in d.paragraphs if p.text.startswith("Question 1.")]
    assert heads and heads[0].paragraph_format.keep_with_next
    assert d.tables[0].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert d.core_properties.language == "en-US"


def test_consensus_sheet_shows_scores_spread_and_agreement(tmp_path: Path,
                                                           kit_project: Project) -> None:
    build(kit_project, tmp_path, BuildOptions(documents=["consensus"], formats=["docx"]))
    d = docx.Document(str(tmp_path / "peer-specialist-consensus-sheet.docx"))
    table = d.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header[:3] == ["#", "Competency", "Weight"]  # weights are printed
    assert header[3:5] == ["Ana Reyes", "Ben Okafor"]
    first = [c.text for c in table.rows[1].cells]
    assert first[3:5] == ["5", "2"] and "discuss" in first[5]
    assert first[6] == "4" and first[7] == "Clear example of mutual support."
    text = _text(tmp_path / "peer-specialist-consensus-sheet.docx")
    assert "Signature" in text


def test_score_sheet_per_candidate(tmp_path: Path, kit_project: Project) -> None:
    build(kit_project, tmp_path, BuildOptions(documents=["scoresheet"], formats=["pdf"]))
    pdf = PdfReader(str(tmp_path / "peer-specialist-score-sheets.pdf"))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    for cid in NAMES:
        assert f"Score sheet: candidate {cid}" in text
    assert "not a zero" in text


def test_large_print_and_paper(tmp_path: Path, kit_project: Project) -> None:
    build(kit_project, tmp_path, BuildOptions(documents=["kit"], large_print=True,
                                              paper="a4"))
    pdf = PdfReader(str(tmp_path / "peer-specialist-interview-ana-reyes-large-print.pdf"))
    assert round(float(pdf.pages[0].mediabox.width)) == 595
    content = pdf.pages[0].get_contents()
    assert content is not None
    # font sizes of text actually drawn (skips the canvas's initial, unused font state)
    sizes = [float(x) for x in re.findall(rb" (\d+(?:\.\d+)?) Tf [\d. ]*TL \(",
                                          content.get_data())]
    body_sizes = [x for x in sizes if x < 20]
    assert body_sizes and min(body_sizes) >= 14 and max(body_sizes) >= 16
    d = docx.Document(str(tmp_path / "peer-specialist-interview-ana-reyes-large-print.docx"))
    assert d.styles["Normal"].font.size.pt >= 16


def test_kit_documents_need_questions(tmp_path: Path, sample_jd: JobDescription) -> None:
    from jdbuilder.errors import InputError

    with pytest.raises(InputError, match="no interview questions"):
        build(Project(job_description=sample_jd), tmp_path, BuildOptions(documents=["kit"]))
    files = build(Project(job_description=sample_jd), tmp_path)
    assert {p.suffix for p in files} == {".docx", ".pdf"} and len(files) == 4


def test_caution_question_prints_its_note(tmp_path: Path, sample_jd: JobDescription) -> None:
    kit = InterviewKit(questions=[KitQuestion(
        id="custom-1", text="Have you ever been arrested?", section="custom")])
    proj = Project(job_description=sample_jd, kit=kit)
    build(proj, tmp_path, BuildOptions(documents=["kit"], formats=["pdf"]))
    text = _text(tmp_path / "peer-specialist-interview-packet.pdf")
    assert "Check before asking" in text and "Interviewer note" in text
