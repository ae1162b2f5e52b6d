"""Every renderer handles every node type of the document tree, and says what it holds."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from jdbuilder.doctree import (
    NODE_TYPES,
    BulletList,
    Checklist,
    Document,
    Heading,
    KeepTogether,
    Node,
    NoteLines,
    NumberedList,
    PageBreak,
    Paragraph,
    RatingGrid,
    Run,
    ScoreBox,
    Table,
    Title,
    plain,
)
from jdbuilder.render.docx import write_docx
from jdbuilder.render.html import document_html
from jdbuilder.render.pdf import write_pdf

SAMPLES: dict[type, Node] = {
    Title: Title("Sample title"),
    Heading: Heading("Sample heading", 2),
    Paragraph: Paragraph((Run("Bold lead: ", bold=True), Run("sample paragraph"))),
    BulletList: BulletList((plain("bullet one"), plain("bullet two"))),
    NumberedList: NumberedList((plain("numbered one"), plain("numbered two"))),
    Table: Table(("Column A", "Column B"), (("cell a1", "cell b1"),), (1, 2)),
    RatingGrid: RatingGrid(((1, "anchor for one"), (5, "anchor for five"))),
    NoteLines: NoteLines(3),
    Checklist: Checklist((("checked item", True), ("open item", False))),
    ScoreBox: ScoreBox("Score (1-5)"),
    PageBreak: PageBreak(),
    KeepTogether: KeepTogether((Heading("Kept heading", 3), Paragraph(plain("kept text")))),
}
# What must be readable in every format for each sample (node types without text are checked
# by their own tests below).
WORDS = ["Sample title", "Sample heading", "sample paragraph", "bullet two", "numbered two",
         "Column B", "cell b1", "anchor for five", "checked item", "open item", "Score (1-5)",
         "Kept heading", "kept text"]


def every_node() -> Document:
    return Document(title="Every node", body=tuple(SAMPLES[t] for t in NODE_TYPES))


def test_the_samples_cover_every_node_type() -> None:
    assert set(SAMPLES) == set(NODE_TYPES)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_html_renders_every_node(tmp_path: Path) -> None:
    html = document_html(every_node())
    for word in WORDS:
        assert word in html, word
    assert html.count("<hr/>") == 3  # three ruled note lines
    assert "page-break-before: always" in html
    assert "&#x2612;" in html and "&#x2610;" in html  # ticked and empty boxes


def test_docx_renders_every_node(tmp_path: Path) -> None:
    out = tmp_path / "all.docx"
    write_docx(every_node(), out)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    for word in WORDS:
        assert word in xml, word
    assert '<w:pageBreakBefore/>' in xml and 'w:type="page"' not in xml  # no break paragraph
    assert xml.count('w:trHeight') >= 3  # the ruled note lines


def test_pdf_renders_every_node(tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    write_pdf(every_node(), out)
    reader = PdfReader(str(out))
    assert len(reader.pages) == 2  # the page break
    text = _squash(" ".join(page.extract_text() for page in reader.pages))
    for word in WORDS:
        assert word in text, word


@pytest.mark.parametrize("renderer", ["html", "docx", "pdf"])
def test_an_unknown_node_type_is_refused(renderer: str, tmp_path: Path) -> None:
    """A node type no renderer knows fails loudly (the type checker catches it first)."""

    class Stranger:
        pass

    doc = Document(title="x", body=(Stranger(),))  # type: ignore[arg-type]
    with pytest.raises(AssertionError):
        if renderer == "html":
            document_html(doc)
        elif renderer == "docx":
            write_docx(doc, tmp_path / "x.docx")
        else:
            write_pdf(doc, tmp_path / "x.pdf")
    assert not (tmp_path / "x.docx").exists() and not (tmp_path / "x.pdf").exists()


def test_a_table_row_taller_than_a_page_is_split_not_an_error(tmp_path: Path) -> None:
    note = " ".join(f"Evidence sentence {i} about how the candidate listened." for i in range(400))
    doc = Document(title="Notes", body=(Table(header=("Question", "Notes"),
                                               rows=(("Tell us about a hard week.", note),
                                                     ("Short", "Short"))),))
    out = tmp_path / "tall.pdf"
    write_pdf(doc, out)
    reader = PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 3
    assert "Evidence sentence 399" in text
    assert "Evidence sentence 0 " in text
