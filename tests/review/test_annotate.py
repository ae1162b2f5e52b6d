"""The reviewer copy: native Word comments on exactly the flagged words, a summary, safe writes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from jdbuilder.errors import InputError
from jdbuilder.language import CheckReport, Finding, Policy, check_report
from jdbuilder.model.jobdesc import JobDescription, Qualification, ResponsibilityArea
from jdbuilder.project import Project, save
from jdbuilder.review import annotate as review_mod
from jdbuilder.review.annotate import AUTHOR, SUMMARY_HEADER, text_blocks, write_review

W_START = qn("w:commentRangeStart")
W_END = qn("w:commentRangeEnd")
TEXT_TAGS = {qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")}


# -- helpers -------------------------------------------------------------------------------------

def commented_text(element: Any, cid: int) -> str:
    """The text between w:commentRangeStart and w:commentRangeEnd of comment `cid`."""
    inside = False
    starts = ends = 0
    out: list[str] = []
    for el in element.iter():
        if el.tag == W_START and el.get(qn("w:id")) == str(cid):
            inside, starts = True, starts + 1
        elif el.tag == W_END and el.get(qn("w:id")) == str(cid):
            inside, ends = False, ends + 1
        elif inside and el.tag in TEXT_TAGS:
            out.append(str(el))
    assert (starts, ends) == (1, 1), f"comment {cid}: {starts} starts, {ends} ends"
    return "".join(out)


def comments_by_text(doc: DocxDocument) -> dict[str, str]:
    """Commented words -> comment text, for every comment in the document."""
    body = doc.element.body
    return {commented_text(body, c.comment_id): c.text for c in doc.comments}


def paragraph_with(doc: DocxDocument, needle: str) -> DocxParagraph:
    for p in doc.element.body.iter(qn("w:p")):
        par = DocxParagraph(p, doc)
        if needle in par.text:
            return par
    raise AssertionError(f"no paragraph contains {needle!r}")


def expected(text: str) -> list[Finding]:
    return check_report(text).findings


def build_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Peer Support Specialist", 0)
    p = d.add_paragraph()
    r1 = p.add_run("Works with ad")
    r1.bold = True
    r1.font.color.rgb = RGBColor(0x11, 0x22, 0x33)
    r2 = p.add_run("dicts")
    r2.italic = True
    p.add_run(" and the mentally ill. He ")
    r3 = p.add_run("suffers from")
    r3.bold = True
    p.add_run(" depression.")
    d.add_paragraph("Welcomes everyone who walks through the door.", style="List Bullet")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Duty"
    table.cell(0, 1).text = "Administers medications to residents."
    d.add_paragraph("What medications do you take?")
    d.add_paragraph("Tell me about a time you supported a colleague.")
    d.save(str(path))
    return path


@pytest.fixture
def sample_docx(tmp_path: Path) -> Path:
    return build_docx(tmp_path / "jd.docx")


# -- comments ------------------------------------------------------------------------------------

def test_every_finding_is_a_comment_on_exactly_its_words(tmp_path: Path,
                                                        sample_docx: Path) -> None:
    out = tmp_path / "jd-review.docx"
    result = write_review(sample_docx, out)

    para = "Works with addicts and the mentally ill. He suffers from depression."
    cell = "Administers medications to residents."
    want = expected(para) + expected(cell)
    assert [f.text for f in want] == ["addicts", "the mentally ill", "suffers from",
                                      "Administers medications"]
    assert result.findings == len(want) == 4
    assert result.counts["warning"] == sum(f.severity == "warning" for f in want)
    assert result.question_verdicts == 1
    assert result.questions_checked == 1
    assert result.comments == 5

    doc = docx.Document(str(out))
    assert len(doc.comments) == 5
    assert all(c.author == AUTHOR and c.initials == "JD" for c in doc.comments)
    got = comments_by_text(doc)
    for f in want:
        text = got[f.text]  # anchored to exactly the flagged words
        assert text.startswith(f.message)
        assert f"Suggestion: {f.suggestions[0]}" in text
        assert " or ".join(f.suggestions[:2]) in text
        assert f.rule in text and f.severity in text
    # the paragraph's text is unchanged by the splitting
    assert paragraph_with(doc, "Works with").text == para
    assert paragraph_with(doc, "Administers").text == cell


def test_question_comment_covers_the_whole_question(tmp_path: Path, sample_docx: Path) -> None:
    out = tmp_path / "review.docx"
    write_review(sample_docx, out)
    got = comments_by_text(docx.Document(str(out)))
    text = got["What medications do you take?"]
    assert "not allowed" in text
    assert "Compliant rewrite: Can you perform the essential functions" in text
    assert "Rule: medication (not_allowed)" in text
    assert not any("colleague" in k for k in got)  # an ok question gets no comment


def test_table_cell_finding_is_anchored_in_the_cell(tmp_path: Path, sample_docx: Path) -> None:
    out = tmp_path / "review.docx"
    write_review(sample_docx, out)
    doc = docx.Document(str(out))
    tc = doc.tables[0]._tbl
    ids = [int(el.get(qn("w:id"))) for el in tc.iter(W_START)]
    assert len(ids) == 1
    assert commented_text(tc, ids[0]) == "Administers medications"


def test_formatting_and_styles_are_preserved(tmp_path: Path, sample_docx: Path) -> None:
    out = tmp_path / "review.docx"
    write_review(sample_docx, out)
    doc = docx.Document(str(out))
    par = paragraph_with(doc, "Works with")
    runs = [r for r in par.runs if r.text]
    assert "".join(r.text for r in runs if r.bold) == "Works with adsuffers from"
    assert "".join(r.text for r in runs if r.italic) == "dicts"
    for r in runs:
        if r.text in ("Works with ", "ad"):
            assert r.font.color.rgb == RGBColor(0x11, 0x22, 0x33)
    # the bold run "Works with ad" was split into two runs with identical properties
    first, second = runs[0], runs[1]
    assert (first.text, second.text) == ("Works with ", "ad")
    assert first._r.rPr.xml == second._r.rPr.xml
    styles = {p.text: p.style.name for p in doc.paragraphs if p.style is not None}
    assert styles["Peer Support Specialist"] == "Title"
    assert styles["Welcomes everyone who walks through the door."] == "List Bullet"


def test_overlapping_findings_in_one_paragraph(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Supports the severely mentally ill clients daily."

    def fake(t: str, policy: Policy | None = None, lexicon: object = None) -> CheckReport:
        if t != text:
            return CheckReport()
        spans = [(13, 34, "a"), (22, 42, "b"), (22, 34, "c"), (0, 8, "d")]
        return CheckReport([Finding(rule, "x", "warning", s, e, t[s:e], f"why {rule}",
                                    (f"fix {rule}",), "src") for s, e, rule in spans])

    monkeypatch.setattr(review_mod, "check_report", fake)
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Supports the sev")
    p.add_run("erely mentally ill").bold = True
    p.add_run(" clients daily.")
    src = tmp_path / "in.docx"
    d.save(str(src))
    out = tmp_path / "out.docx"
    result = write_review(src, out)
    assert result.comments == 4
    doc = docx.Document(str(out))
    got = comments_by_text(doc)
    assert got == {
        "severely mentally ill": "why a Suggestion: fix a.\nRule: a (warning)",
        "mentally ill clients": "why b Suggestion: fix b.\nRule: b (warning)",
        "mentally ill": "why c Suggestion: fix c.\nRule: c (warning)",
        "Supports": "why d Suggestion: fix d.\nRule: d (warning)",
    }
    assert doc.paragraphs[0].text == text
    bold = "".join(r.text for r in doc.paragraphs[0].runs if r.bold)
    assert bold == "erely mentally ill"


def _hyperlink(doc: DocxDocument, par: DocxParagraph, text: str) -> None:
    rid = doc.part.relate_to("https://example.org", docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK,
                             is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    link.append(run)
    par._p.append(link)


def test_hyperlinks_are_not_split_and_anchor_to_enclosing_runs(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Supports the ")
    _hyperlink(d, p, "mentally ill people")
    p.add_run(" and works with ")
    _hyperlink(d, p, "addicts")
    p.add_run(".")
    src = tmp_path / "links.docx"
    d.save(str(src))
    text = "Supports the mentally ill people and works with addicts."
    assert p.text == text
    assert [f.text for f in expected(text)] == ["the mentally ill", "addicts"]

    out = tmp_path / "out.docx"
    result = write_review(src, out)
    assert result.comments == 2
    doc = docx.Document(str(out))
    got = comments_by_text(doc)
    # "mentally ill" sits inside a hyperlink run, which is not split: the comment covers the
    # smallest set of whole runs around the finding
    assert set(got) == {"the mentally ill people", "addicts"}
    links = list(doc.element.body.iter(qn("w:hyperlink")))
    assert [len(link.findall(qn("w:r"))) for link in links] == [2, 2]  # + reference run
    assert doc.paragraphs[0].text == text


def test_field_result_runs_are_not_split(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Works with ")

    def fld(kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        p.add_run()._r.append(el)

    fld("begin")
    instr = OxmlElement("w:instrText")
    instr.text = " DOCPROPERTY Clients "
    p.add_run()._r.append(instr)
    fld("separate")
    p.add_run("addicts daily")
    fld("end")
    p.add_run(" and the mentally ill.")
    src = tmp_path / "field.docx"
    d.save(str(src))
    out = tmp_path / "out.docx"
    write_review(src, out)
    doc = docx.Document(str(out))
    got = comments_by_text(doc)
    assert set(got) == {"addicts daily", "the mentally ill"}
    assert doc.paragraphs[0].text == "Works with addicts daily and the mentally ill."


# -- summary -------------------------------------------------------------------------------------

def test_summary_section_and_table(tmp_path: Path, sample_docx: Path) -> None:
    out = tmp_path / "review.docx"
    policy = Policy.from_dict({"allow_phrases": ["suffers from"]})
    result = write_review(sample_docx, out, policy=policy)
    assert result.suppressed == 1
    assert result.findings == 3
    doc = docx.Document(str(out))
    headings = [p for p in doc.paragraphs if p.text == "Review summary"]
    assert len(headings) == 1 and headings[0].style is not None
    assert headings[0].style.name == "Heading 1"
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "3 finding(s) (0 error, 3 warning, 0 info)" in body
    assert "1 finding(s) suppressed by policy" in body
    assert "1 of 1 question(s) flagged" in body

    table = doc.tables[1]
    assert table.style is not None and table.style.name == "Table Grid"
    assert tuple(c.text for c in table.rows[0].cells) == SUMMARY_HEADER
    assert all(r.bold for c in table.rows[0].cells for r in c.paragraphs[0].runs)
    tbl_header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert tbl_header is not None and tbl_header.get(qn("w:val")) == "true"
    rows = [tuple(c.text for c in row.cells) for row in table.rows[1:]]
    assert [r[0] for r in rows] == ["addicts", "the mentally ill", "Administers medications"]
    assert all(r[1] == "warning" for r in rows)
    assert rows[0][2] == "addict"
    assert rows[0][4] == "people with substance use disorders or people who use drugs"
    question_table = doc.tables[2]
    assert question_table.rows[1].cells[0].text == "What medications do you take?"


def test_missing_builtin_styles_are_added(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Works with addicts.")
    styles = d.styles.element
    for name in ("heading 1", "Table Grid", "heading 2"):
        el = styles.get_by_name(name)
        styles.remove(el)
    src = tmp_path / "plain.docx"
    d.save(str(src))
    out = tmp_path / "out.docx"
    write_review(src, out)
    doc = docx.Document(str(out))
    assert doc.paragraphs[-4].text == "Review summary"
    assert doc.paragraphs[-4].style is not None
    assert doc.paragraphs[-4].style.name == "Heading 1"
    assert doc.tables[0].style is not None and doc.tables[0].style.name == "Table Grid"


# -- files ---------------------------------------------------------------------------------------

def test_input_is_never_modified(tmp_path: Path, sample_docx: Path) -> None:
    before = sample_docx.read_bytes()
    write_review(sample_docx, tmp_path / "review.docx")
    assert sample_docx.read_bytes() == before
    md = tmp_path / "jd.md"
    md.write_bytes(b"# Title\n\nWorks with addicts.\n")
    before = md.read_bytes()
    write_review(md, tmp_path / "review2.docx")
    assert md.read_bytes() == before


def test_output_replaces_atomically_and_leaves_no_temp_files(tmp_path: Path,
                                                             sample_docx: Path) -> None:
    out = tmp_path / "review.docx"
    out.write_bytes(b"old")
    write_review(sample_docx, out)
    assert out.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jd.docx", "review.docx"]


def test_output_equal_to_source_is_refused(tmp_path: Path, sample_docx: Path) -> None:
    before = sample_docx.read_bytes()
    with pytest.raises(InputError, match="is the file being reviewed"):
        write_review(sample_docx, sample_docx)
    with pytest.raises(InputError):
        write_review(sample_docx, tmp_path / "." / "jd.docx")
    assert sample_docx.read_bytes() == before


def test_bad_inputs_raise_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("this is not a zip file")
    with pytest.raises(InputError, match="not a zip archive") as info:
        write_review(bad, tmp_path / "out.docx")
    assert info.value.path == str(bad)
    with pytest.raises(InputError, match="file not found"):
        write_review(tmp_path / "missing.docx", tmp_path / "out.docx")
    odd = tmp_path / "x.pdf"
    odd.write_bytes(b"%PDF")
    with pytest.raises(InputError, match="cannot be reviewed"):
        write_review(odd, tmp_path / "out.docx")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        write_review(latin, tmp_path / "out.docx")
    with pytest.raises(InputError, match=r"must be a \.docx"):
        write_review(latin, tmp_path / "out.pdf")
    with pytest.raises(InputError, match="cannot be written"):
        write_review(build_docx(tmp_path / "ok.docx"), tmp_path / "no-such-dir" / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_text_input(tmp_path: Path) -> None:
    src = tmp_path / "jd.txt"
    src.write_text("Peer Support Specialist\n\nWorks with addicts and the\nmentally ill.\n"
                   "What medications do you take?\n- Administers medications to residents.\n",
                   encoding="utf-8")
    out = tmp_path / "out.docx"
    result = write_review(src, out)
    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert texts[:4] == ["Peer Support Specialist",
                         "Works with addicts and the mentally ill.",
                         "What medications do you take?",
                         "Administers medications to residents."]
    assert doc.paragraphs[3].style is not None
    assert doc.paragraphs[3].style.name == "List Bullet"
    got = comments_by_text(doc)
    assert {"addicts", "the mentally ill", "Administers medications",
            "What medications do you take?"} == set(got)
    assert result.comments == 4 and result.question_verdicts == 1


def test_markdown_input(tmp_path: Path) -> None:
    src = tmp_path / "jd.md"
    src.write_text("# Peer Support Specialist\n\n## Responsibilities\n\n### Daily work\n\n"
                   "* Works with **add**icts.\n- Supports people.\n\nPlain paragraph with "
                   "the *mentally ill*.\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    write_review(src, out)
    doc = docx.Document(str(out))
    styles = [(p.text, p.style.name if p.style is not None else "") for p in doc.paragraphs]
    assert styles[:6] == [
        ("Peer Support Specialist", "Title"),
        ("Responsibilities", "Heading 1"),
        ("Daily work", "Heading 2"),
        ("Works with addicts.", "List Bullet"),
        ("Supports people.", "List Bullet"),
        ("Plain paragraph with the mentally ill.", "Normal"),
    ]
    assert set(comments_by_text(doc)) == {"addicts", "the mentally ill"}
    bold = "".join(r.text for r in doc.paragraphs[3].runs if r.bold)
    assert bold == "add"


def test_text_blocks_join_wrapped_lines_only() -> None:
    text = "Heading\nA sentence that wraps\nonto the next line.\nNext sentence.\n\n1. One\n"
    assert text_blocks(text, markdown=False) == [
        ("Normal", "Heading"),
        ("Normal", "A sentence that wraps onto the next line."),
        ("Normal", "Next sentence."),
        ("List Number", "One"),
    ]
    assert text_blocks("# Not a heading in text", markdown=False) == [
        ("Normal", "# Not a heading in text")]


def test_project_input(tmp_path: Path) -> None:
    jd = JobDescription(
        title="Peer Support Specialist",
        function="Offers mutual support to people in recovery.",
        areas=[ResponsibilityArea("Support", ["Administers medications to residents.",
                                              "Works alongside people on their own goals."])],
        qualifications=[Qualification("Lived experience of recovery.")],
    )
    src = tmp_path / "peer.jdb"
    save(Project(job_description=jd), src)
    before = src.read_bytes()
    out = tmp_path / "peer-review.docx"
    result = write_review(src, out)
    assert src.read_bytes() == before
    doc = docx.Document(str(out))
    got = comments_by_text(doc)
    assert "Administers medications" in got
    assert result.comments == len(doc.comments) >= 1
    par = paragraph_with(doc, "Administers medications to residents.")
    assert par.style is not None and par.style.name == "List Bullet"


def test_project_policy_is_applied(tmp_path: Path) -> None:
    jd = JobDescription(title="Peer", function="Works with addicts.")
    src = tmp_path / "p.jdb"
    save(Project(job_description=jd, policy={"allow_phrases": ["addicts"]}), src)
    result = write_review(src, tmp_path / "out.docx")
    assert result.suppressed == 1 and result.findings == 0


def test_existing_comments_are_kept(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph("Please check this. Works with addicts.")
    d.add_comment(p.runs, text="Human note", author="Sam", initials="S")
    src = tmp_path / "c.docx"
    d.save(str(src))
    out = tmp_path / "out.docx"
    result = write_review(src, out)
    doc = docx.Document(str(out))
    assert result.comments == 1
    assert sorted(c.author for c in doc.comments) == sorted([AUTHOR, "Sam"])
    got = comments_by_text(doc)
    assert got["Please check this. Works with addicts."] == "Human note"
    assert "addicts" in got


# -- LibreOffice ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_output_opens_in_libreoffice(tmp_path: Path, sample_docx: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "review.docx"
    write_review(sample_docx, out)
    pdf_dir = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(pdf_dir), str(out)],
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    pdf = pdf_dir / "review.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000, proc.stdout + proc.stderr
    # LibreOffice reads every comment with its range (annotation start and end)
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt",
         "--outdir", str(pdf_dir), str(out)],
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(pdf_dir / "review.odt") as zf:
        content = zf.read("content.xml").decode("utf-8")
    assert content.count("<office:annotation ") == 5
    assert content.count("<office:annotation-end ") == 5



def _rewritten(tmp_path: Path, change: Any) -> Path:
    d = docx.Document()
    d.add_paragraph("PLACEHOLDER")
    d.add_paragraph("Do you have children?")
    buf = io.BytesIO()
    d.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = change(data)
            dst.writestr(item, data)
    path = tmp_path / "odd.docx"
    path.write_bytes(out.getvalue())
    return path


def _well_formed(path: Path) -> None:
    from xml.dom import minidom

    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                minidom.parseString(z.read(name))


def test_a_document_without_section_properties_is_reviewed(tmp_path: Path) -> None:
    source = _rewritten(tmp_path, lambda xml: re.sub(
        rb"<w:sectPr.*?</w:sectPr>", b"", xml.replace(b"PLACEHOLDER", b"Helps addicts."),
        flags=re.S))
    result = write_review(source, tmp_path / "out.docx")
    assert result.comments == 2 and result.question_verdicts == 1
    _well_formed(tmp_path / "out.docx")


def test_a_document_declaring_its_own_entities_gives_a_well_formed_copy(
        tmp_path: Path) -> None:
    source = _rewritten(tmp_path, lambda xml: xml.replace(
        b"?>", b'?><!DOCTYPE w:document [<!ENTITY org "Hilltown">]>', 1).replace(
        b"PLACEHOLDER", b"&org; staff help addicts &amp; families."))
    out = tmp_path / "out.docx"
    result = write_review(source, out)
    assert result.counts["warning"] == 1
    _well_formed(out)
