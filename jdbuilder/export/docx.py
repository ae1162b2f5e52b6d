"""DOCX renderer: walks the document tree with python-docx, using Word's built-in styles.

Built-in style names (Title, Heading 1-3, List Bullet, List Number, Table Grid) matter: Word's own
"Save as PDF" maps them to tags, and an HR person editing the file finds the styles they know.
This is the only module that imports python-docx for writing documents.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from jdbuilder.atomic import AtomicOutput
from jdbuilder.export.tree import (
    BulletList,
    Checklist,
    Document,
    Heading,
    Inline,
    KeepTogether,
    Node,
    NoteLines,
    NumberedList,
    PageBreak,
    Paragraph,
    RatingGrid,
    ScoreBox,
    Table,
    Title,
    rating_rows,
)

PAPER_MM = {"letter": (215.9, 279.4), "a4": (210.0, 297.0)}


def _add_runs(par: DocxParagraph, runs: Inline) -> None:
    for r in runs:
        run = par.add_run(r.text)
        if r.bold:
            run.bold = True
        if r.italic:
            run.italic = True


def _field(par: DocxParagraph, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    par._p.append(fld)


def _set_language(doc: DocxDocument, language: str) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)


def _repeat_header(table: DocxTable) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _bottom_border(par: DocxParagraph) -> None:
    """A ruled line: a bottom border on an empty paragraph."""
    ppr = par._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"),
                       ("w:color", "808080")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)
    par.paragraph_format.space_before = Pt(10)


def _cant_split(tr: object) -> None:
    tr_pr = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _scale_styles(doc: DocxDocument, large: bool) -> None:
    base = 16 if large else 11
    doc.styles["Normal"].font.size = Pt(base)
    sizes = {"Title": base + 12, "Heading 1": base + 5, "Heading 2": base + 3,
             "Heading 3": base + 1}
    for name, size in sizes.items():
        doc.styles[name].font.size = Pt(size)


class DocxRenderer:
    """One method per node type; `render` returns a python-docx Document."""

    def __init__(self, doc: Document) -> None:
        self.src = doc
        self.out: DocxDocument = new_docx()
        self._keep = False
        self._styles: dict[str, Any] = {}

    def style_id(self, name: str) -> str:
        """Style ids looked up once and set directly: python-docx's lookup by name scans every
        style for each paragraph, which dominated the time to write an interview packet."""
        found = self._styles.get(name)
        if found is None:
            found = self._styles[name] = self.out.styles[name].style_id
        return str(found)

    def para(self, style: str | None = None, text: str = "") -> DocxParagraph:
        par = self.out.add_paragraph(text)
        if style:
            par._p.style = self.style_id(style)
        return par

    def render(self) -> DocxDocument:
        src, out = self.src, self.out
        props = out.core_properties
        props.title = src.title
        props.author = src.author or "jdbuilder"
        props.language = src.language
        props.comments = ""
        _set_language(out, src.language)
        _scale_styles(out, src.large_print)
        section = out.sections[0]
        width, height = PAPER_MM.get(src.paper, PAPER_MM["letter"])
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(20))
        if src.header:
            section.header.paragraphs[0].text = src.header
        footer = section.footer.paragraphs[0]
        footer.add_run("Page ")
        _field(footer, "PAGE")
        footer.add_run(" of ")
        _field(footer, "NUMPAGES")
        for node in src.body:
            self.node(node)
        return out

    def node(self, node: Node) -> None:
        if isinstance(node, Title):
            self._mark(self.para("Title", node.text))
        elif isinstance(node, Heading):
            level = min(max(node.level, 1), 3)
            par = self.para(f"Heading {level}", node.text)
            par.paragraph_format.keep_with_next = True
        elif isinstance(node, Paragraph):
            par = self.para()
            _add_runs(par, node.runs)
            if node.style == "note":
                for run in par.runs:
                    run.italic = True
            self._mark(par)
        elif isinstance(node, BulletList | NumberedList):
            style = "List Bullet" if isinstance(node, BulletList) else "List Number"
            for item in node.items:
                par = self.para(style)
                _add_runs(par, item)
                self._mark(par)
        elif isinstance(node, Table):
            self.table(node)
        elif isinstance(node, RatingGrid):
            self.table(Table(*rating_rows(node)), keep=True)
        elif isinstance(node, NoteLines):
            for _ in range(node.lines):
                par = self.para()
                _bottom_border(par)
                self._mark(par, force=True)
        elif isinstance(node, Checklist):
            for label, ticked in node.items:
                par = self.para(None, ("\u2612 " if ticked else "\u2610 ") + label)
                self._mark(par)
        elif isinstance(node, ScoreBox):
            table = self.out.add_table(rows=1, cols=2)
            table._tbl.tblStyle_val = self.style_id("Table Grid")
            cells = table.rows[0].cells
            cells[0].text = node.label
            cells[1].text = node.value
        elif isinstance(node, PageBreak):
            self.out.add_page_break()  # type: ignore[no-untyped-call]
        elif isinstance(node, KeepTogether):
            self._keep = True
            for i, child in enumerate(node.children):
                self._keep = i < len(node.children) - 1
                self.node(child)
            self._keep = False

    def _mark(self, par: DocxParagraph, force: bool = False) -> None:
        if self._keep or force:
            par.paragraph_format.keep_with_next = True
            par.paragraph_format.keep_together = True

    def table(self, node: Table, keep: bool = False) -> None:
        cols = len(node.header)
        table = self.out.add_table(rows=len(node.rows) + 1, cols=cols)
        table._tbl.tblStyle_val = self.style_id("Table Grid")
        keep = keep or self._keep
        for r, row in enumerate(table.rows):
            values = node.header if r == 0 else node.rows[r - 1]
            for cell, text in zip(row.cells, values[:cols], strict=False):
                par = cell.paragraphs[0]
                run = par.add_run(text)
                if r == 0:
                    run.bold = True
                if keep:
                    par.paragraph_format.keep_with_next = True
            if keep:
                _cant_split(row._tr)
        _repeat_header(table)


def write_docx(doc: Document, path: str | Path) -> None:
    """Render and write atomically: an existing file is replaced only by a complete new one."""
    rendered = DocxRenderer(doc).render()
    with AtomicOutput(path) as out:
        rendered.save(str(out.temp))


MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_DOCX_UNPACKED = 200 * 1024 * 1024
MAX_DOCX_PARAGRAPHS = 200_000


def check_docx_archive(path: str | Path) -> None:
    """Refuse files that are not DOCX archives, or that unpack past a safe size (zip bombs)."""
    import zipfile

    from jdbuilder.errors import InputError

    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    if size > MAX_DOCX_BYTES:
        raise InputError(p, f"is too large ({size // (1024 * 1024)} MB)")
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            total = sum(i.file_size for i in infos)
    except zipfile.BadZipFile:
        raise InputError(p, "is not a DOCX file (not a zip archive)") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    if total > MAX_DOCX_UNPACKED:
        raise InputError(p, f"unpacks to {total // (1024 * 1024)} MB, more than the "
                            f"{MAX_DOCX_UNPACKED // (1024 * 1024)} MB limit; refused")
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise InputError(p, "is not a Word document (word/document.xml is missing)")


def open_docx(path: str | Path) -> DocxDocument:
    """Open a DOCX safely (size-checked; python-docx's parser does not resolve entities)."""
    from jdbuilder.errors import InputError

    check_docx_archive(path)
    try:
        return new_docx(str(path))
    except Exception as exc:  # python-docx raises many types for damaged parts
        raise InputError(path, f"is not a readable Word document ({type(exc).__name__}: "
                               f"{str(exc)[:120]})") from None


def read_docx_paragraphs(path: str | Path) -> list[str]:
    """The text of every body paragraph and table cell, in document order."""
    from jdbuilder.errors import InputError

    doc = open_docx(path)
    out: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(DocxParagraph(child, doc).text)
        elif tag == "tbl":
            for p in child.iter(qn("w:p")):
                out.append(DocxParagraph(p, doc).text)
        if len(out) > MAX_DOCX_PARAGRAPHS:
            raise InputError(path, f"has more than {MAX_DOCX_PARAGRAPHS} paragraphs; refused")
    return out
