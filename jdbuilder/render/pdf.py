"""PDF renderer: walks the document tree with reportlab platypus.

Registered TrueType fonts print any name: DejaVu Sans for Latin, Greek and Cyrillic, and Droid
Sans Fallback (shipped beside it, with its licence) for Chinese, Japanese and Korean, used
character by character where DejaVu has no glyph. Every font is embedded (subset), the canvas
included, so no standard PDF font is referenced. reportlab cannot produce a tagged (PDF/UA)
file, so the accessible, editable deliverable is the DOCX; the PDF is for print.
This is the only module that imports reportlab.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import assert_never
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepInFrame,
    ListFlowable,
    ListItem,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import (
    KeepTogether as RLKeepTogether,
)
from reportlab.platypus import (
    PageBreak as RLPageBreak,
)
from reportlab.platypus import (
    Paragraph as RLParagraph,
)
from reportlab.platypus import (
    Table as RLTable,
)

from jdbuilder.atomic import AtomicOutput
from jdbuilder.datapaths import resource
from jdbuilder.doctree import (
    BulletList,
    Cell,
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
    cell_text,
    rating_rows,
)
from jdbuilder.render.layout import column_widths
from jdbuilder.render.style import HEADING_RGB, NOTE_RGB, RULE_RGB, SHADE_RGB
from jdbuilder.vocab import Paper

FONT = "JDBSans"
FALLBACK = "JDBFallback"  # Chinese, Japanese and Korean
PAPER = {Paper.LETTER: LETTER, Paper.A4: A4}
MARGIN = 20 * mm
CELL_PAD = 6.0  # reportlab's default cell padding, both sides
HEADING = colors.Color(*(c / 255 for c in HEADING_RGB))
NOTE = colors.Color(*(c / 255 for c in NOTE_RGB))
RULE = colors.Color(*(c / 255 for c in RULE_RGB))
SHADE = colors.Color(*(c / 255 for c in SHADE_RGB))


@cache
def register_fonts() -> str:
    """Register the shipped DejaVu Sans family and the fallback font once per process."""
    faces = {
        FONT: "DejaVuSans.ttf",
        f"{FONT}-Bold": "DejaVuSans-Bold.ttf",
        f"{FONT}-Italic": "DejaVuSans-Oblique.ttf",
        f"{FONT}-BoldItalic": "DejaVuSans-BoldOblique.ttf",
        FALLBACK: "DroidSansFallback.ttf",
    }
    for name, file in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=f"{FONT}-Bold",
                                  italic=f"{FONT}-Italic", boldItalic=f"{FONT}-BoldItalic")
    pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK,
                                  boldItalic=FALLBACK)
    return FONT


@cache
def _covered() -> frozenset[int]:
    """The characters DejaVu Sans has glyphs for."""
    register_fonts()
    face = pdfmetrics.getFont(FONT).face
    return frozenset(face.charToGlyph)


def segments(text: str) -> list[tuple[bool, str]]:
    """Split text into (needs the fallback font, piece) runs."""
    covered = _covered()
    out: list[tuple[bool, str]] = []
    for ch in text:
        fallback = ord(ch) not in covered and not ch.isspace()
        if out and out[-1][0] == fallback:
            out[-1] = (fallback, out[-1][1] + ch)
        else:
            out.append((fallback, ch))
    return out


def _text(text: str) -> str:
    """Paragraph markup for plain text, switching to the fallback font where needed."""
    return "".join(f'<font face="{FALLBACK}">{escape(piece)}</font>' if fallback
                   else escape(piece) for fallback, piece in segments(text))


def _markup(runs: Inline) -> str:
    parts = []
    for r in runs:
        text = _text(r.text)
        if r.bold:
            text = f"<b>{text}</b>"
        if r.italic:
            text = f"<i>{text}</i>"
        parts.append(text)
    return "".join(parts)


def text_width(text: str, font: str, size: float) -> float:
    return float(sum(pdfmetrics.stringWidth(piece, FALLBACK if fallback else font, size)
                     for fallback, piece in segments(text)))


def draw_text(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> float:
    """Draw a line of text at (x, y) with the fallback font where needed; returns its width."""
    start = x
    for fallback, piece in segments(text):
        face = FALLBACK if fallback else font
        canvas.setFont(face, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, face, size)
    return x - start


class _Styles:
    def __init__(self, large: bool) -> None:
        base = 16.0 if large else 10.5
        lead = base * 1.35
        self.base = base
        self.body = ParagraphStyle("body", fontName=FONT, fontSize=base, leading=lead,
                                   spaceAfter=base * 0.45, splitLongWords=0)
        self.note = ParagraphStyle("note", parent=self.body, fontName=f"{FONT}-Italic",
                                   textColor=NOTE)
        self.title = ParagraphStyle("title", parent=self.body, fontName=f"{FONT}-Bold",
                                    fontSize=base + 10, leading=(base + 10) * 1.2,
                                    spaceAfter=base, textColor=HEADING)
        self.h = {
            1: ParagraphStyle("h1", parent=self.body, fontName=f"{FONT}-Bold",
                              fontSize=base + 4, leading=(base + 4) * 1.25,
                              spaceBefore=base, spaceAfter=base * 0.4, textColor=HEADING),
            2: ParagraphStyle("h2", parent=self.body, fontName=f"{FONT}-Bold",
                              fontSize=base + 2, leading=(base + 2) * 1.25,
                              spaceBefore=base * 0.7, spaceAfter=base * 0.3,
                              textColor=HEADING),
            3: ParagraphStyle("h3", parent=self.body, fontName=f"{FONT}-Bold",
                              fontSize=base + 1, leading=(base + 1) * 1.25,
                              spaceBefore=base * 0.5, spaceAfter=base * 0.2,
                              textColor=HEADING),
        }
        self.cell = ParagraphStyle("cell", parent=self.body, spaceAfter=0)
        self.cell_head = ParagraphStyle("cellhead", parent=self.cell, fontName=f"{FONT}-Bold")


class _Bookmark(Flowable):  # type: ignore[misc]
    """Zero-size flowable that adds an outline entry where it lands."""

    def __init__(self, title: str, level: int, key: str) -> None:
        super().__init__()
        self.title, self.level, self.key = title, level, key
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        canv.bookmarkPage(self.key)
        canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


class _OnePage(Flowable):  # type: ignore[misc]
    """Content kept on one page: never split; moved to the next page when it does not fit,
    and scaled down only if it is taller than a whole page. Laid out once per width."""

    def __init__(self, content: list[Flowable], frame_w: float, frame_h: float) -> None:
        super().__init__()
        self.frame_w, self.frame_h = frame_w, frame_h
        self.content = content
        self._laid: tuple[float, list[tuple[Flowable, float, float, float]]] | None = None
        self._shrunk: KeepInFrame | None = None

    def _layout(self, aw: float) -> list[tuple[Flowable, float, float, float]]:
        if self._laid is None or self._laid[0] != aw:
            rows = []
            for f in self.content:
                _, h = f.wrapOn(self.canv, aw, self.frame_h)
                rows.append((f, h, f.getSpaceBefore(), f.getSpaceAfter()))
            self._laid = (aw, rows)
        return self._laid[1]

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        rows = self._layout(aw)
        height = sum(h + (b if i else 0) + (a if i < len(rows) - 1 else 0)
                     for i, (_, h, b, a) in enumerate(rows))
        if height > self.frame_h:
            marks = [f for f in self.content if isinstance(f, _Bookmark)]
            body = [f for f in self.content if not isinstance(f, _Bookmark)]
            self._shrunk = KeepInFrame(self.frame_w, self.frame_h, body, mode="shrink")
            self._marks = marks
            _, height = self._shrunk.wrapOn(self.canv, aw, self.frame_h)
        else:
            self._shrunk = None
        self.width, self.height = aw, height
        return aw, height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        if self._shrunk is not None:
            for mark in self._marks:  # outline entries point at the page the group lands on
                mark.canv = self.canv
                mark.draw()
            self._shrunk.drawOn(self.canv, 0, 0)
            return
        y = self.height
        rows = self._layout(self.width)
        for i, (f, h, before, after) in enumerate(rows):
            if i:
                y -= before
            y -= h
            f.drawOn(self.canv, 0, y)
            y -= after


class _Rules(Flowable):  # type: ignore[misc]
    """Ruled lines for handwritten notes: a number of lines, or the rest of the page."""

    def __init__(self, lines: int, gap: float, fill: bool = False) -> None:
        super().__init__()
        self.lines, self.gap, self.fill = lines, gap, fill
        self._n = lines

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self._n = self.lines
        if self.fill:
            self._n = max(self.lines, int(ah // self.gap) - 1)
        return aw, self._n * self.gap

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return []  # never split: too little room left moves the lines to the next page

    def draw(self) -> None:
        canv = self.canv
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        for k in range(self._n):
            y = k * self.gap
            canv.line(0, y, self.width, y)


def _numbered_canvas(font: str, size: float, header: str, logo: str = "",
                     running: str = "") -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Draws the header, the running line and "Page N of M" on every page; M is a form
        filled in when the file is saved, so pages are written as they come and outline
        entries point at the right page."""

        def showPage(self) -> None:
            self._decorate()
            super().showPage()

        def _decorate(self) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFillColor(colors.black)
            label = f"Page {self._pageNumber} of "
            full = pdfmetrics.stringWidth(label + "00", font, size)
            x = width / 2 - full / 2
            self.setFont(font, size)
            self.drawString(x, 12 * mm, label)
            self.translate(x + pdfmetrics.stringWidth(label, font, size), 12 * mm)
            self.doForm("jdbPageTotal")
            self.restoreState()
            x = MARGIN
            if logo:
                logo_h = 9 * mm
                self.drawImage(logo, x, height - 14 * mm, height=logo_h, width=logo_h * 4,
                               preserveAspectRatio=True, anchor="w", mask="auto")
                x += logo_h * 4 + 3 * mm
            self.saveState()
            if header:
                draw_text(self, x, height - 12 * mm, header, font, size)
            if running:
                draw_text(self, MARGIN, height - 12 * mm - size * 1.5, running,
                          f"{font}-Bold", size)
            self.restoreState()

        def save(self) -> None:
            total = self._pageNumber - 1
            self.beginForm("jdbPageTotal")
            self.setFont(font, size)
            self.drawString(0, 0, str(total))
            self.endForm()
            super().save()

    return NumberedCanvas


def page_size(doc: Document) -> tuple[float, float]:
    width, height = PAPER[Paper(doc.paper)]
    return (max(width, height), min(width, height)) if doc.landscape else (width, height)


class PdfRenderer:
    def __init__(self, doc: Document) -> None:
        register_fonts()
        self.src = doc
        self.st = _Styles(doc.large_print)
        self._n = 0
        self._outline = -1  # outline level of the last heading
        width, height = page_size(doc)
        self.frame_w = width - 2 * MARGIN - 12
        self.frame_h = height - 2 * MARGIN - 12

    def flowables(self) -> list[Flowable]:
        out: list[Flowable] = []
        for node in self.src.body:
            out.extend(self.node(node))
        return out

    def node(self, node: Node) -> list[Flowable]:
        st = self.st
        match node:
            case Title():
                return [RLParagraph(_text(node.text), st.title)]
            case Heading():
                self._n += 1
                level = min(max(node.level, 1), 3)
                # The outline may go down one level at a time only (a document may start
                # with a level-2 heading, or skip from 1 to 3).
                outline = min(level - 1, self._outline + 1)
                self._outline = outline
                mark = _Bookmark(node.text, outline, f"h{self._n}")
                para = RLParagraph(_text(node.text), st.h[level])
                # A heading never ends a page: start a new page unless there is room for it and
                # a few lines of what follows.
                return [CondPageBreak(st.base * (9 if level == 1 else 6)), mark, para]
            case Paragraph():
                style = st.note if node.style == "note" else st.body
                return [RLParagraph(_markup(node.runs), style)]
            case BulletList() | NumberedList():
                numbered = isinstance(node, NumberedList)
                items = [ListItem(RLParagraph(_markup(i), st.body), leftIndent=st.base * 1.6)
                         for i in node.items]
                return [ListFlowable(items, bulletType="1" if numbered else "bullet",
                                     start=None if numbered else "\u2022", bulletFontName=FONT,
                                     bulletFontSize=st.base, leftIndent=st.base * 1.6)]
            case Table():
                return [self.table(node)]
            case RatingGrid():
                return [self.table(Table(*rating_rows(node), (1, 6)))]
            case NoteLines():
                return [_Rules(node.lines, st.base * 1.9, node.fill)]
            case Checklist():
                return [RLParagraph(("\u2612 " if ticked else "\u2610 ") + _text(label),
                                    st.body) for label, ticked in node.items]
            case ScoreBox():
                return self.score_box(node)
            case PageBreak():
                return [RLPageBreak()]
            case KeepTogether():
                return self.keep_together(node)
            case _:
                assert_never(node)

    def score_box(self, node: ScoreBox) -> list[Flowable]:
        st = self.st
        label_w = text_width(node.label, f"{FONT}-Bold", st.base) + 2 * CELL_PAD + 2
        box = RLTable([[RLParagraph(_text(node.label), st.cell_head),
                        RLParagraph(_text(node.value) or "&nbsp;", st.cell)]],
                      colWidths=[max(st.base * 14, label_w), st.base * 8],
                      rowHeights=[st.base * 2.6])
        box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                                 ("BOX", (0, 0), (-1, -1), 1, colors.black),
                                 ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.black),
                                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        box.hAlign = "LEFT"
        return [Spacer(1, st.base * 0.5), box]

    def keep_together(self, node: KeepTogether) -> list[Flowable]:
        inner: list[Flowable] = []
        for child in node.children:
            inner.extend(f for f in self.node(child) if not isinstance(f, CondPageBreak))
        if self.src.large_print:
            # Large print keeps its size: a group taller than a page may continue overleaf.
            return [RLKeepTogether(inner)]
        # Never split: the group moves to the next page when it does not fit, and one that is
        # taller than a whole page is scaled down to fit one.
        return [_OnePage(inner, self.frame_w, self.frame_h)]

    def _measure(self, text: str, bold: bool) -> float:
        return text_width(text, f"{FONT}-Bold" if bold else FONT, self.st.base)

    def table(self, node: Table) -> RLTable:
        st = self.st
        shaded: list[tuple[int, int]] = []
        rows = [[RLParagraph(_text(h), st.cell_head) for h in node.header]]
        for r, row in enumerate(node.rows, start=1):
            cells = []
            for c, value in enumerate(row):
                text = _text(cell_text(value))
                if isinstance(value, Cell) and value.bold:
                    text = f"<b>{text}</b>"
                if isinstance(value, Cell) and value.shade:
                    shaded.append((c, r))
                cells.append(RLParagraph(text or "&nbsp;", st.cell))
            cells += [RLParagraph("&nbsp;", st.cell)] * (len(node.header) - len(cells))
            rows.append(cells)
        widths = column_widths(node, self.frame_w, self._measure, 2 * CELL_PAD + 1)
        # Rows move whole to the next page; only a row taller than a page is split, and only
        # where most of a page is free for it (long evidence notes, long questions).
        table = RLTable(rows, colWidths=widths, repeatRows=1, splitByRow=1,
                        splitInRow=int(self.frame_h * 0.5))
        style = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # Table sets a cell font even for Paragraphs
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        style += [("BACKGROUND", cell, cell, SHADE) for cell in shaded]
        table.setStyle(TableStyle(style))
        table.hAlign = "LEFT"
        return table

    def write(self, path: str | Path) -> None:
        src = self.src
        template = SimpleDocTemplate(
            str(path), pagesize=page_size(src), title=src.title,
            author=src.author or "jdbuilder", subject=src.title, creator="jdbuilder",
            lang=src.language, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN + (self.st.base * 1.5 if src.running else 0),
            bottomMargin=MARGIN,
            # The canvas starts in the embedded font, so the PDF names no standard font.
            initialFontName=FONT, initialFontSize=self.st.base,
        )
        story = self.flowables() or [Spacer(1, 1)]
        canvas = _numbered_canvas(FONT, max(self.st.base - 2, 8), src.header, src.logo,
                                  src.running)
        template.build(story, canvasmaker=canvas)


def write_pdf(doc: Document, path: str | Path) -> None:
    """Render and write atomically: an existing file is replaced only by a complete new one."""
    with AtomicOutput(path) as out:
        PdfRenderer(doc).write(out.temp)
