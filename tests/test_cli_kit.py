"""CLI for interview questions, scores, reviewer copies and kit builds."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from jdbuilder import project as projects
from jdbuilder.cli import main
from jdbuilder.model.kit import Interviewer, ScoreEntry


def test_questions_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "q.txt"
    f.write_text("What medications do you take?\n\nHow would you support a participant who "
                 "stopped taking their medication?\nHave you ever been arrested?\n",
                 encoding="utf-8")
    assert main(["questions", "--format", "json", str(f)]) == 1
    data = json.loads(capsys.readouterr().out)["questions"]
    assert [q["line"] for q in data] == [1, 3, 4]
    assert [q["verdict"] for q in data] == ["not_allowed", "ok", "caution"]
    assert set(data[0]) >= {"line", "text", "verdict", "category", "reason", "rewrite",
                            "source"}
    assert data[0]["rewrite"]


def test_questions_all_allowed_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "q.txt"
    f.write_text("Can you meet the attendance requirements of this job?\n", encoding="utf-8")
    assert main(["questions", str(f)]) == 0
    assert "ok" in capsys.readouterr().out


def test_questions_bad_input(tmp_path: Path) -> None:
    f = tmp_path / "q.txt"
    f.write_bytes(b"\xff\xfe\xfa bad")
    assert main(["questions", str(f)]) == 2
    assert main(["questions", str(tmp_path / "missing.txt")]) == 2


def _kit(tmp_path: Path) -> Path:
    p = tmp_path / "p.jdb"
    assert main(["new", "--role", "recovery-coach", "--out", str(p)]) == 0
    proj = projects.load(p)
    kit = proj.kit
    kit.interviewers = [Interviewer("a", "Ana"), Interviewer("b", "Ben")]
    kit.candidates = ["C1", "C2"]
    kit.name_key = {"C1": "Zoë Brown", "C2": "Łukasz Nowak"}
    q = kit.questions[0].id
    kit.scores = [ScoreEntry("a", "C1", q, 5), ScoreEntry("b", "C1", q, 2)]
    proj.kit = kit
    projects.save(proj, p)
    return p


def test_questions_from_project_kit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _kit(tmp_path)
    capsys.readouterr()
    assert main(["questions", "--format", "json", str(p)]) == 0
    data = json.loads(capsys.readouterr().out)["questions"]
    assert len(data) >= 8 and data[0]["line"] == 1


def test_questions_line_holds_several_sentences(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "q.txt"
    f.write_text("Earlier you mentioned you're in recovery. For how long now?\n"
                 "For how long now?\n", encoding="utf-8")
    assert main(["questions", "--format", "json", str(f)]) == 1
    data = json.loads(capsys.readouterr().out)["questions"]
    assert [(q["line"], q["verdict"], q["category"]) for q in data] == [
        (1, "not_allowed", "after-disclosure"), (2, "ok", "none")]
    assert {"law", "purpose", "blanks"} <= set(data[0])


def test_questions_kit_probes_and_facts(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    p = _kit(tmp_path)
    proj = projects.load(p)
    kit = proj.kit
    assert kit is not None
    kit.questions[0].text = "Have you ever been hospitalized?"
    kit.questions[0].probes = ["How long were you there?", "What did you do first?"]
    proj.job_description.schedule = "Weekdays 9 to 5"
    projects.save(proj, p)
    capsys.readouterr()
    assert main(["questions", "--format", "json", str(p)]) == 1
    data = json.loads(capsys.readouterr().out)["questions"]
    first = [q for q in data if q["line"] == 1]
    assert [(q.get("probe"), q["verdict"]) for q in first] == [
        (None, "not_allowed"), (1, "not_allowed"), (2, "ok")]
    married = tmp_path / "m.jdb"
    kit.questions[0].text = "Are you married?"
    kit.questions[0].probes = []
    projects.save(proj, married)
    assert main(["questions", str(married)]) == 1
    out = capsys.readouterr().out
    assert f"{married}:1: NOT ALLOWED: Are you married?" in out
    assert "The schedule for this job is weekdays 9 to 5." in out
    assert f"{married}:2.1: " in out


def test_scores_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _kit(tmp_path)
    capsys.readouterr()
    assert main(["scores", str(p)]) == 0
    out = capsys.readouterr().out
    assert "DIVERGENT" in out and "Missing scores (not counted as zero)" in out
    assert main(["scores", "--format", "json", str(p)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["spreads"][0]["divergent"] is True
    assert {r["candidate"] for r in data["ranking"]} == {"C1", "C2"}


def test_review_writes_comments_and_leaves_input(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "jd.txt"
    src.write_text("Peer Specialist\n\nWorks with addicts and non-compliant clients.\n",
                   encoding="utf-8")
    before = src.read_bytes()
    out = tmp_path / "jd-review.docx"
    assert main(["review", str(src), "--out", str(out)]) == 0
    assert "comment" in capsys.readouterr().out
    assert src.read_bytes() == before
    d = docx.Document(str(out))
    comments = list(d.comments)
    assert len(comments) == 2
    assert all(c.author == "jdbuilder language check" for c in comments)
    assert main(["review", str(src), "--out", str(tmp_path / "x.pdf")]) == 2


def test_build_kit_with_logo_and_parallel_workers(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (20, 80, 160)).save(logo)
    p = _kit(tmp_path)
    assert main(["build", str(p), "--out", str(tmp_path / "out"), "--logo", str(logo),
                 "--organisation", "Hilltown", "--paper", "a4"]) == 0
    names = {f.name for f in (tmp_path / "out").iterdir()}
    assert {"recovery-coach-interview-ana.pdf", "recovery-coach-interview-ben.docx",
            "recovery-coach-candidate-key.pdf"} <= names
    header = docx.Document(str(tmp_path / "out" / "recovery-coach-job-description.docx")) \
        .sections[0].header
    assert header.paragraphs[0].text.strip() == "Hilltown"
    assert header.part.rels and any("image" in r.reltype for r in header.part.rels.values())


def test_build_refuses_a_bad_logo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _kit(tmp_path)
    bad = tmp_path / "logo.png"
    bad.write_text("not an image", encoding="utf-8")
    assert main(["build", str(p), "--out", str(tmp_path / "out"), "--logo", str(bad)]) == 2
    assert "PNG or JPEG" in capsys.readouterr().err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftoppm")),
                    reason="LibreOffice and poppler are installed by .ci/run")
def test_outputs_open_in_libreoffice_and_render(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    p = _kit(tmp_path)
    assert main(["build", str(p), "--out", str(tmp_path / "out"),
                 "--documents", "jd,kit"]) == 0
    out = tmp_path / "out"
    for docx_file in sorted(out.glob("*.docx")):
        r = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir",
                            str(tmp_path / "lo"), str(docx_file)], capture_output=True,
                           text=True, timeout=240)
        assert r.returncode == 0, r.stderr
        assert (tmp_path / "lo" / (docx_file.stem + ".pdf")).stat().st_size > 1000
    for pdf in sorted(out.glob("*.pdf")):
        r = subprocess.run(["pdftoppm", "-png", "-r", "20", "-f", "1", "-l", "1", str(pdf),
                            str(tmp_path / pdf.stem)], capture_output=True, timeout=120)
        assert r.returncode == 0 and list(tmp_path.glob(f"{pdf.stem}*.png"))
