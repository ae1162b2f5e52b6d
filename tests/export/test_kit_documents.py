"""Kit documents a committee can hand out as printed (issue: forms that read, a chair's summary,
no placeholders, no lost packets), on a panel a new user would set up."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from jdbuilder import project as projects
from jdbuilder.cli import main
from jdbuilder.export.build import BuildOptions, build, kit_blanks
from jdbuilder.model.kit import KitQuestion
from tests.export.panel import CANDIDATES, INTERVIEWERS, panel_project


def _pdf_pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", unicodedata.normalize("NFKC", p.extract_text() or ""))
            for p in PdfReader(str(path)).pages]


def _docx_text(path: Path) -> str:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", " ", xml)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("panel")
    jdb = out / "panel.jdb"
    projects.save(panel_project(), jdb)
    files = build(projects.load(jdb), out / "docs", BuildOptions(organisation="Harbor Peer "
                                                                              "Network"))
    return jdb, files


def test_every_interviewer_gets_their_own_packet(built: tuple[Path, list[Path]]) -> None:
    _, files = built
    packets = sorted(p for p in files if "-interview-" in p.name and p.suffix == ".pdf")
    assert len(packets) == len(INTERVIEWERS) == len({p.name for p in packets})
    firsts = [_pdf_pages(p)[0] for p in packets]
    for iv in INTERVIEWERS:
        assert sum(f"Interviewer: {iv.name} " in page for page in firsts) == 1, iv.name
    names = [p.name for p in packets]
    assert all(re.fullmatch(r"[a-z0-9-]+\.pdf", n) for n in names)  # ASCII-safe


def test_no_document_prints_a_placeholder(built: tuple[Path, list[Path]]) -> None:
    _, files = built
    for path in files:
        text = " ".join(_pdf_pages(path)) if path.suffix == ".pdf" else _docx_text(path)
        assert "[" not in text and "{" not in text, path.name
    assert kit_blanks(panel_project()) == {}


def test_names_in_any_script_print(built: tuple[Path, list[Path]]) -> None:
    _, files = built
    key = next(p for p in files if p.name.endswith("candidate-key.pdf"))
    text = " ".join(_pdf_pages(key))
    for name in CANDIDATES.values():
        assert name in text, name
    consensus = " ".join(_pdf_pages(next(p for p in files
                                         if p.name.endswith("consensus-sheet.pdf"))))
    for iv in INTERVIEWERS:  # whole: no name is broken inside a word
        for word in iv.name.split():
            assert re.search(rf"(?<!\w){re.escape(word)}(?!\w)", consensus), word


def test_every_pdf_font_is_embedded(built: tuple[Path, list[Path]]) -> None:
    _, files = built
    for path in (p for p in files if p.suffix == ".pdf"):
        reader = PdfReader(str(path))
        for page in reader.pages:
            fonts = page["/Resources"].get_object().get("/Font", {})
            for ref in fonts.values():
                font = ref.get_object()
                descendants = font.get("/DescendantFonts")
                target = descendants[0].get_object() if descendants else font
                desc = target.get("/FontDescriptor")
                assert desc is not None, (path.name, font.get("/BaseFont"))
                desc = desc.get_object()
                assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
                    path.name, font.get("/BaseFont"))
    if shutil.which("pdffonts"):
        for path in (p for p in files if p.suffix == ".pdf"):
            rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                                  check=True).stdout.splitlines()[2:]
            assert rows and all(" yes " in r for r in rows), (path.name, rows)


def test_the_summary_ranks_as_jdbuilder_scores_does(built: tuple[Path, list[Path]],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    jdb, files = built
    summary = next(p for p in files if p.name.endswith("chairs-summary.pdf"))
    text = " ".join(_pdf_pages(summary))
    assert main(["scores", str(jdb), "--format", "json"]) == 0
    ranking = json.loads(capsys.readouterr().out)["ranking"]
    order = [r["candidate"] for r in ranking]
    assert order == ["C4", "C2", "C1", "C3"]  # the agreed scores differ
    ranked = text[text.index("Ranking"):text.index("Missing scores")]
    assert [m.group(2) for m in re.finditer(r"(\d) (C\d) \d\.\d\d", ranked)] == order
    assert "Missing scores" in text and "C3: Zoë O'Brien, question 3" in text
    assert "Sign-off" in text and "Decision" in text


def test_the_consensus_sheet_marks_missing_divergent_and_weights(
        built: tuple[Path, list[Path]]) -> None:
    _, files = built
    docx_path = next(p for p in files if p.name.endswith("consensus-sheet.docx"))
    import docx

    d = docx.Document(str(docx_path))
    c3 = d.tables[2]  # candidates in order: C1, C2, C3
    rows = [[c.text for c in r.cells] for r in c3.rows]
    assert rows[0][:3] == ["#", "Competency", "Weight"]
    assert rows[3][4] == "missing"  # question 3, the second interviewer
    c2 = [[c.text for c in r.cells] for r in d.tables[1].rows]
    assert c2[2][6] == "3: discuss"  # question 2: 5, 2 and 4
    shaded = d.tables[1].rows[2].cells[6]._tc.xpath(".//w:shd")
    assert shaded and shaded[0].get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill") == "D9D9D9"
    text = _docx_text(docx_path)
    assert "question 1: 2" in text and "heart of the role" in text  # weights and why


def test_question_numbers_are_the_same_everywhere(built: tuple[Path, list[Path]]) -> None:
    _, files = built
    kit = panel_project().kit
    assert kit is not None
    last = kit.questions[-1].text.split()[:4]
    for path in (p for p in files if p.suffix == ".pdf" and "-interview-" in p.name):
        text = " ".join(_pdf_pages(path))
        assert f"Question {len(kit.questions)}. {' '.join(last)}" in text


def test_every_page_has_text_and_the_packet_header(built: tuple[Path, list[Path]]) -> None:
    _, files = built
    for path in (p for p in files if p.suffix == ".pdf"):
        pages = _pdf_pages(path)
        assert all(p.strip() for p in pages), path.name  # no blank page
        if "-interview-" in path.name:
            assert all("Candidate ID:" in p and "Interviewer:" in p for p in pages)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is installed by .ci/run")
def test_no_docx_page_is_blank_in_libreoffice(built: tuple[Path, list[Path]],
                                              tmp_path: Path) -> None:
    _, files = built
    docs = [p for p in files if p.suffix == ".docx" and ("interview" in p.name
                                                          or "consensus" in p.name
                                                          or "summary" in p.name)]
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *map(str, docs)], check=True, capture_output=True, timeout=600)
    for doc in docs:
        pages = _pdf_pages(tmp_path / f"{doc.stem}.pdf")
        assert pages and all(p.strip() for p in pages), doc.name


def test_a_not_allowed_question_stops_the_build(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    proj = panel_project()
    assert proj.kit is not None
    proj.kit.questions.insert(2, KitQuestion(id="own-1", text="Have you ever been "
                                             "hospitalized for a mental illness?"))
    jdb = tmp_path / "p.jdb"
    projects.save(proj, jdb)
    assert main(["build", str(jdb), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert "question 3 is not allowed before a job offer" in err and "\n" not in err
    assert "hospitalized" in err  # the question and its rule are named
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*interview*"))
    assert main(["build", str(jdb), "--out", str(tmp_path / "out"), "--documents",
                 "jd,ad"]) == 0  # the description and the ad still build


def test_duplicate_and_unspellable_names_never_share_a_file(tmp_path: Path) -> None:
    from jdbuilder.model.kit import Interviewer

    proj = panel_project()
    assert proj.kit is not None
    proj.kit.interviewers = [Interviewer("a", "王芳"), Interviewer("b", "李娜"),
                             Interviewer("c", "Наталья Иванова"), Interviewer("d", "Ana Reyes"),
                             Interviewer("e", "Ana Reyes")]
    proj.kit.scores = []
    files = build(proj, tmp_path, BuildOptions(documents=["kit"], formats=["pdf"]))
    assert len(files) == 5 == len({f.name for f in files})
    again = build(proj, tmp_path / "again", BuildOptions(documents=["kit"], formats=["pdf"]))
    assert [f.name for f in again] == [f.name for f in files]  # stable
    assert any("natalya-ivanova" in f.name for f in files)


def test_the_reference_check_packet(built: tuple[Path, list[Path]]) -> None:
    from jdbuilder.interview.references import default_reference_guide

    _, files = built
    path = next(p for p in files if p.name.endswith("reference-checks.pdf"))
    pages = _pdf_pages(path)
    text = " ".join(pages)
    guide = default_reference_guide()
    assert "Never ask a reference about" in text
    for q in guide.questions:
        assert " ".join(q.text.split()[:5]) in text, q.id
    for cand in CANDIDATES:  # a form per candidate ID; never a name
        assert f"Reference check: candidate {cand}" in text
    assert not any(name in text for name in CANDIDATES.values())


def test_a_not_allowed_probe_stops_the_build_too(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    proj = panel_project()
    assert proj.kit is not None
    proj.kit.questions[0].probes = [*proj.kit.questions[0].probes,
                                    "And what medication helps you stay well?"]
    jdb = tmp_path / "p.jdb"
    projects.save(proj, jdb)
    assert main(["build", str(jdb), "--out", str(tmp_path / "out"), "--documents", "kit"]) == 2
    err = capsys.readouterr().err
    n = len(proj.kit.questions[0].probes)
    assert f"question 1, probe {n} is not allowed" in err and "medication" in err
