"""DOCX renderer: walks the document tree with python-docx, using Word's built-in styles.

Built-in style names (Title, Heading 1-3, List Bullet, List Number, Table Grid) matter: Word's own
"Save as PDF" maps them to tags, and an HR person editing the file finds the styles they know.
Writing DOCX happens only here; reading is `jdbuilder.readers.docx`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import assert_never
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from jdbuilder.atomic import AtomicOutput
from jdbuilder.doctree import (
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
    Run,
    ScoreBox,
    Table,
    Title,
    rating_rows,
)
from jdbuilder.vocab import Paper

PAPER_MM = {Paper.LETTER: (215.9, 279.4), Paper.A4: (210.0, 297.0)}


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
TWIPS_PER_MM = 56.6929
MARGIN_MM = 20.0


def _xml_text(text: str) -> str:
    """Text safe inside a w:t element (characters XML cannot carry are dropped)."""
    return escape(_XML_BAD.sub("", text))


def _runs_xml(runs: Inline, italic: bool = False) -> str:
    out = []
    for r in runs:
        props = ("<w:b/>" if r.bold else "") + ("<w:i/>" if (r.italic or italic) else "")
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{_xml_text(r.text)}</w:t></w:r>')
    return "".join(out)


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


def _scale_styles(doc: DocxDocument, large: bool) -> None:
    base = 16 if large else 10.5
    normal = doc.styles["Normal"]
    normal.font.size = Pt(base)
    normal.paragraph_format.space_after = Pt(base * 0.4)
    sizes = {"Title": base + 12, "Heading 1": base + 4, "Heading 2": base + 2,
             "Heading 3": base + 0.5}
    for name, size in sizes.items():
        style = doc.styles[name]
        style.font.size = Pt(size)
        if name != "Title":
            style.paragraph_format.space_before = Pt(base * 0.9)
            style.paragraph_format.space_after = Pt(base * 0.25)


class DocxRenderer:
    """Walks the tree with one branch per node type and writes the body as WordprocessingML.

    Paragraphs and tables are emitted as markup and parsed once per document through
    python-docx's oxml layer: the object API's per-paragraph style lookup scans every style,
    which made an interview packet take half a second. `render` returns a python-docx
    Document, which callers may keep editing (the reviewer copy does).
    """

    def __init__(self, doc: Document) -> None:
        self.src = doc
        self.out: DocxDocument = new_docx()
        self._keep = False
        self._styles: dict[str, str] = {}
        self._parts: list[str] = []
        width, _ = PAPER_MM[Paper(doc.paper)]
        self._text_width = int((width - 2 * MARGIN_MM) * TWIPS_PER_MM)

    def style_id(self, name: str) -> str:
        found = self._styles.get(name)
        if found is None:
            found = self._styles[name] = str(self.out.styles[name].style_id)
        return found

    def _p(self, runs: str, style: str | None = None, *, keep: bool = False,
           extra: str = "") -> None:
        ppr = ""
        if style:
            ppr += f'<w:pStyle w:val="{self.style_id(style)}"/>'
        if keep or self._keep:
            ppr += "<w:keepNext/><w:keepLines/>"
        ppr += extra
        self._parts.append(f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{runs}</w:p>")

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
        width, height = PAPER_MM[Paper(src.paper)]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(MARGIN_MM))
        header = section.header.paragraphs[0]
        if src.logo:
            header.add_run().add_picture(src.logo, height=Mm(12 if src.large_print else 9))
            header.add_run("  ")
        if src.header:
            header.add_run(_XML_BAD.sub("", src.header))
        footer = section.footer.paragraphs[0]
        footer.add_run("Page ")
        _field(footer, "PAGE")
        footer.add_run(" of ")
        _field(footer, "NUMPAGES")
        for node in src.body:
            self.node(node)
        body = out.element.body
        sect = body.find(qn("w:sectPr"))
        wrapper = parse_xml(f"<w:body {nsdecls('w')}>{''.join(self._parts)}</w:body>")
        for child in list(wrapper):
            if sect is not None:
                sect.addprevious(child)
            else:
                body.append(child)
        return out

    def node(self, node: Node) -> None:
        match node:
            case Title():
                self._p(_runs_xml((Run(node.text),)), "Title")
            case Heading():
                level = min(max(node.level, 1), 3)
                self._p(_runs_xml((Run(node.text),)), f"Heading {level}", keep=True)
            case Paragraph():
                self._p(_runs_xml(node.runs, italic=node.style == "note"))
            case BulletList() | NumberedList():
                style = "List Bullet" if isinstance(node, BulletList) else "List Number"
                for item in node.items:
                    self._p(_runs_xml(item), style)
            case Table():
                self.table(node)
            case RatingGrid():
                self.table(Table(*rating_rows(node), (1, 6)), keep=True)
            case NoteLines():
                self.note_lines(node)
            case Checklist():
                for label, ticked in node.items:
                    mark = "\u2612 " if ticked else "\u2610 "
                    self._p(_runs_xml((Run(mark + label),)))
            case ScoreBox():
                self.table(Table((node.label, node.value), ()), keep=self._keep,
                           bold_header=True, repeat=False)
            case PageBreak():
                self._parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
            case KeepTogether():
                outer = self._keep
                for i, child in enumerate(node.children):
                    self._keep = outer or i < len(node.children) - 1
                    self.node(child)
                self._keep = outer
            case _:
                assert_never(node)

    def note_lines(self, node: NoteLines) -> None:
        """A borderless one-column table with a line under each row: ruled space that Word and
        LibreOffice both draw (they merge identical borders of adjacent paragraphs)."""
        height = int((22 if self.src.large_print else 15) * 20 * 1.4)
        keep = "<w:cantSplit/>"
        rows = "".join(
            f'<w:tr><w:trPr>{keep}<w:trHeight w:val="{height}" w:hRule="atLeast"/></w:trPr>'
            f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{self._text_width}"/></w:tcPr>'
            '<w:p><w:pPr><w:keepNext/></w:pPr></w:p></w:tc></w:tr>'
            for _ in range(node.lines))
        self._parts.append(
            '<w:tbl><w:tblPr><w:tblW w:type="auto" w:w="0"/><w:tblBorders>'
            '<w:top w:val="nil"/><w:left w:val="nil"/><w:right w:val="nil"/>'
            '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
            '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
            '<w:insideV w:val="nil"/></w:tblBorders></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{self._text_width}"/></w:tblGrid>{rows}</w:tbl>'
            '<w:p><w:pPr><w:keepNext/><w:spacing w:after="0"/></w:pPr></w:p>')

    def table(self, node: Table, keep: bool = False, bold_header: bool = True,
              repeat: bool = True) -> None:
        cols = len(node.header)
        weights = node.widths if len(node.widths) == cols else tuple(1.0 for _ in node.header)
        total = sum(weights) or 1.0
        widths = [int(self._text_width * w / total) for w in weights]
        keep = keep or self._keep
        rows = [node.header, *node.rows]
        out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.style_id("Table Grid")}"/>'
               '<w:tblW w:type="auto" w:w="0"/><w:tblLook w:val="04A0" w:firstRow="1" '
               'w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" '
               'w:noVBand="1"/></w:tblPr><w:tblGrid>']
        out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
        out.append("</w:tblGrid>")
        for r, row in enumerate(rows):
            trpr = ("<w:cantSplit/>" if keep else "") + (
                "<w:tblHeader/>" if r == 0 and repeat else "")
            out.append(f"<w:tr>{f'<w:trPr>{trpr}</w:trPr>' if trpr else ''}")
            for c in range(cols):
                text = row[c] if c < len(row) else ""
                run = _runs_xml((Run(text, bold=r == 0 and bold_header),)) if text else ""
                ppr = "<w:pPr><w:keepNext/></w:pPr>" if keep else ""
                out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{widths[c]}"/></w:tcPr>'
                           f"<w:p>{ppr}{run}</w:p></w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self._parts.append("".join(out))
        # Word needs a paragraph between two adjacent tables; keep it with what follows.
        self._parts.append("<w:p><w:pPr><w:keepNext/><w:spacing w:after=\"0\"/></w:pPr></w:p>"
                           if keep else "<w:p/>")


def write_docx(doc: Document, path: str | Path) -> None:
    """Render and write atomically: an existing file is replaced only by a complete new one."""
    rendered = DocxRenderer(doc).render()
    with AtomicOutput(path) as out:
        rendered.save(str(out.temp))
