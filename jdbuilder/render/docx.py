"""DOCX renderer: walks the document tree with python-docx, using Word's built-in styles.

Built-in style names (Title, Heading 1-3, List Bullet, List Number, Table Grid) matter: Word's own
"Save as PDF" maps them to tags, and an HR person editing the file finds the styles they know.
Writing DOCX happens only here; reading is `jdbuilder.readers.docx`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import assert_never
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from jdbuilder import __version__
from jdbuilder.atomic import atomic_write_bytes
from jdbuilder.doctree import (
    BulletList,
    Cell,
    CellValue,
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
    cell_text,
    rating_rows,
)
from jdbuilder.render.layout import column_widths
from jdbuilder.render.style import (
    BODY_FONT,
    BODY_PT,
    FALLBACK_FONT,
    HEADER_FILL_RGB,
    HEADING_RGB,
    LARGE_PT,
    NOTE_RGB,
    RULE_RGB,
    SHADE_RGB,
    hex_rgb,
)
from jdbuilder.vocab import Paper

PAPER_MM = {Paper.LETTER: (215.9, 279.4), Paper.A4: (210.0, 297.0)}


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
TWIPS_PER_MM = 56.6929
MARGIN_MM = 20.0


def _xml_text(text: str) -> str:
    """Text safe inside a w:t element (characters XML cannot carry are dropped)."""
    return escape(_XML_BAD.sub("", text))


def _runs_xml(runs: Inline, italic: bool = False, color: str = "") -> str:
    out = []
    for r in runs:
        props = ("<w:b/>" if r.bold else "") + ("<w:i/>" if (r.italic or italic) else "")
        props += color
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


def _child(parent: object, tag: str, first: bool = False) -> object:
    el = parent.find(qn(tag))  # type: ignore[attr-defined]
    if el is None:
        el = OxmlElement(tag)
        if first:
            parent.insert(0, el)  # type: ignore[attr-defined]
        else:
            parent.append(el)  # type: ignore[attr-defined]
    return el


def _set_defaults(doc: DocxDocument, language: str) -> None:
    """The document's default language and fonts: DejaVu Sans, as in the PDF, and Droid Sans
    Fallback for Chinese, Japanese and Korean (Word picks the East Asian font by character)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = _child(_child(defaults, "w:rPrDefault", first=True), "w:rPr")
    fonts = _child(rpr, "w:rFonts")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:  # type: ignore[attr-defined]
            del fonts.attrib[qn(attr)]  # type: ignore[attr-defined]
    for attr, name in (("w:ascii", BODY_FONT), ("w:hAnsi", BODY_FONT), ("w:cs", BODY_FONT),
                       ("w:eastAsia", FALLBACK_FONT)):
        fonts.set(qn(attr), name)  # type: ignore[attr-defined]
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), language)  # type: ignore[attr-defined]
    lang.set(qn("w:eastAsia"), language)  # type: ignore[attr-defined]
    lang.set(qn("w:bidi"), language)  # type: ignore[attr-defined]


def _scale_styles(doc: DocxDocument, large: bool) -> None:
    """Sizes and colors as the PDF has them (jdbuilder.render.style): one design."""
    base = LARGE_PT if large else BODY_PT
    normal = doc.styles["Normal"]
    normal.font.size = Pt(base)
    normal.paragraph_format.space_after = Pt(base * 0.4)
    sizes = {"Title": base + 10, "Heading 1": base + 4, "Heading 2": base + 2,
             "Heading 3": base + 1}
    heading = RGBColor(*HEADING_RGB)
    for name, size in sizes.items():
        style = doc.styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = heading
        rfonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None \
            else None
        if rfonts is not None:  # the template's headings use theme fonts: use the body font
            rfonts.getparent().remove(rfonts)
        if name != "Title":
            style.paragraph_format.space_before = Pt(base * 0.9)
            style.paragraph_format.space_after = Pt(base * 0.25)
    doc.styles["Title"].paragraph_format.space_after = Pt(base)
    # The template's Title has a colored rule under it; the PDF has none.
    title_ppr = doc.styles["Title"].element.pPr
    if title_ppr is not None:
        border = title_ppr.find(qn("w:pBdr"))
        if border is not None:
            title_ppr.remove(border)


def _app_properties(title: str) -> bytes:
    major, minor = [*__version__.split("."), "0"][:2]
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes"><Application>jdbuilder</Application>'
        f"<AppVersion>{int(major):02d}.{int(minor):04d}</AppVersion><DocSecurity>0"
        "</DocSecurity><ScaleCrop>false</ScaleCrop><Company/><LinksUpToDate>false"
        "</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false"
        f"</HyperlinksChanged><TitlesOfParts><vt:vector size=\"1\" baseType=\"lpstr\">"
        f"<vt:lpstr>{_xml_text(title)}</vt:lpstr></vt:vector></TitlesOfParts></Properties>"
    ).encode()


THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def _true_properties(doc: DocxDocument, title: str, author: str, language: str) -> None:
    """Created and modified now, by jdbuilder for the author in the settings; no leftovers of
    the template (its 2013 dates, "Microsoft Macintosh Word", its thumbnail)."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props = doc.core_properties
    props.title = _XML_BAD.sub("", title)[:255]
    props.author = _XML_BAD.sub("", author)[:255] or "jdbuilder"
    props.last_modified_by = props.author
    props.language = language
    props.comments = ""
    props.created = props.modified = now
    props.revision = 1
    package = doc.part.package
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = _app_properties(props.title)
    for rid, rel in list(package.rels.items()):
        if rel.reltype == THUMBNAIL:
            del package.rels[rid]


# An estimate of DejaVu Sans advance widths, in ems, for fitting table columns to their
# content (the PDF measures the real font; Word and LibreOffice wrap within what we give).
_NARROW = frozenset("ijl.,:;'!|`\"")
_SLIM = frozenset("ftrI()[]{}-/ ")
_WIDE = frozenset("mwMW@%")


def _em(ch: str) -> float:
    if ch in _NARROW:
        return 0.3
    if ch in _SLIM:
        return 0.4
    if ch in _WIDE:
        return 0.9
    if ord(ch) >= 0x2E80:  # Chinese, Japanese and Korean: full width
        return 1.0
    if ch.isupper():
        return 0.72
    return 0.62


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
        self._break_before = False  # the next paragraph starts a new page
        self._styles: dict[str, str] = {}
        self._parts: list[str] = []
        width, height = PAPER_MM[Paper(doc.paper)]
        self.page_mm = (max(width, height), min(width, height)) if doc.landscape \
            else (width, height)
        self._text_width = int((self.page_mm[0] - 2 * MARGIN_MM) * TWIPS_PER_MM)
        self._pt = LARGE_PT if doc.large_print else BODY_PT

    def style_id(self, name: str) -> str:
        found = self._styles.get(name)
        if found is None:
            found = self._styles[name] = str(self.out.styles[name].style_id)
        return found

    def _ppr(self, style: str | None, keep: bool, extra: str = "") -> str:
        ppr = ""
        if style:
            ppr += f'<w:pStyle w:val="{self.style_id(style)}"/>'
        if keep or self._keep:
            ppr += "<w:keepNext/><w:keepLines/>"
        if self._break_before:
            ppr += "<w:pageBreakBefore/>"
            self._break_before = False
        return ppr + extra

    def _p(self, runs: str, style: str | None = None, *, keep: bool = False,
           extra: str = "") -> None:
        ppr = self._ppr(style, keep, extra)
        self._parts.append(f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{runs}</w:p>")

    def _page_break_for_table(self) -> None:
        """A table cannot start a page by itself: a page break before one goes on an empty,
        zero-height paragraph."""
        if self._break_before:
            self._p("", extra='<w:spacing w:before="0" w:after="0" w:line="20" '
                              'w:lineRule="exact"/>')

    def render(self) -> DocxDocument:
        src, out = self.src, self.out
        _true_properties(out, src.title, src.author, src.language)
        _set_defaults(out, src.language)
        _scale_styles(out, src.large_print)
        section = out.sections[0]
        width, height = self.page_mm
        section.orientation = WD_ORIENT.LANDSCAPE if src.landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(MARGIN_MM))
        header = section.header.paragraphs[0]
        if src.logo:
            header.add_run().add_picture(src.logo, height=Mm(12 if src.large_print else 9))
            for pr in header._p.iter(qn("wp:docPr")):  # alt text for screen readers
                pr.set("descr", _XML_BAD.sub("", f"Logo of {src.header or 'the organization'}"))
            header.add_run("  ")
        if src.header:
            header.add_run(_XML_BAD.sub("", src.header))
        if src.running:
            running = section.header.add_paragraph()
            running.add_run(_XML_BAD.sub("", src.running)).bold = True
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
                self._p(_runs_xml((Run(node.text),)), "Title", keep=True)
            case Heading():
                level = min(max(node.level, 1), 3)
                self._p(_runs_xml((Run(node.text),)), f"Heading {level}", keep=True)
            case Paragraph():
                color = f'<w:color w:val="{hex_rgb(NOTE_RGB)}"/>' if node.style == "note" else ""
                self._p(_runs_xml(node.runs, italic=node.style == "note", color=color))
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
                           bold_header=True, repeat=False, fit=False)
            case PageBreak():
                self._break_before = True  # on what comes next: no page of its own
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
        self._page_break_for_table()
        height = int((22 if self.src.large_print else 15) * 20 * 1.4)
        rows = "".join(
            f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="atLeast"/>'
            f'</w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{self._text_width}"/></w:tcPr>'
            '<w:p><w:pPr><w:keepNext/></w:pPr></w:p></w:tc></w:tr>'
            for _ in range(node.lines))
        rule = hex_rgb(RULE_RGB)
        self._parts.append(
            '<w:tbl><w:tblPr><w:tblW w:type="auto" w:w="0"/><w:tblBorders>'
            '<w:top w:val="nil"/><w:left w:val="nil"/><w:right w:val="nil"/>'
            f'<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>'
            f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>'
            '<w:insideV w:val="nil"/></w:tblBorders></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{self._text_width}"/></w:tblGrid>{rows}</w:tbl>')
        self._after_table(keep=self._keep)

    def _after_table(self, keep: bool) -> None:
        # Word needs a paragraph between two adjacent tables; it takes no room.
        tight = '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
        self._parts.append(f"<w:p><w:pPr>{'<w:keepNext/>' if keep else ''}{tight}</w:pPr></w:p>")

    def _measure(self, text: str, bold: bool) -> float:
        """The width of `text` in twips, estimated for DejaVu Sans at the body size."""
        return sum(_em(ch) for ch in text) * self._pt * 20 * (1.08 if bold else 1.0)

    def table(self, node: Table, keep: bool = False, bold_header: bool = True,
              repeat: bool = True, fit: bool = True) -> None:
        self._page_break_for_table()
        cols = len(node.header)
        if fit:
            widths = [int(w) for w in column_widths(node, self._text_width, self._measure,
                                                    2 * 108 + 20)]
        else:
            weights = node.widths if len(node.widths) == cols else (1.0,) * cols
            widths = [int(self._text_width * w / (sum(weights) or 1.0)) for w in weights]
        keep = keep or self._keep
        rows: list[tuple[CellValue, ...]] = [node.header, *node.rows]
        shade = hex_rgb(SHADE_RGB)
        head_fill = hex_rgb(HEADER_FILL_RGB)
        out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.style_id("Table Grid")}"/>'
               '<w:tblW w:type="auto" w:w="0"/><w:tblLayout w:type="fixed"/>'
               '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
               'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
        out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
        out.append("</w:tblGrid>")
        for r, row in enumerate(rows):
            head = r == 0 and repeat
            # Rows never split across pages; the header row repeats on every page.
            trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if head else "")
            out.append(f"<w:tr><w:trPr>{trpr}</w:trPr>")
            for c in range(cols):
                value: CellValue = row[c] if c < len(row) else ""
                text = cell_text(value)
                bold = (r == 0 and bold_header) or (isinstance(value, Cell) and value.bold)
                fill = (head_fill if r == 0 and bold_header and repeat else
                        shade if isinstance(value, Cell) and value.shade else "")
                tcpr = f'<w:tcW w:type="dxa" w:w="{widths[c]}"/>'
                if fill:
                    tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
                run = _runs_xml((Run(text, bold=bold),)) if text else ""
                ppr = "<w:pPr><w:keepNext/></w:pPr>" if keep or head else ""
                out.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr><w:p>{ppr}{run}</w:p></w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self._parts.append("".join(out))
        self._after_table(keep)


def write_docx(doc: Document, path: str | Path) -> None:
    """Render and write atomically: an existing file is replaced only by a complete new one."""
    rendered = DocxRenderer(doc).render()
    # Saved to memory first: a full disk then fails in one plain write, never inside the zip
    # writer (whose clean-up would print a second error).
    buffer = io.BytesIO()
    rendered.save(buffer)
    atomic_write_bytes(path, buffer.getvalue())
