"""PDF renderer: walks the document tree with reportlab platypus.

A registered TTF font (DejaVu Sans, shipped in resources/fonts) prints any name in full Unicode;
the standard PDF fonts are Latin-1 only. reportlab cannot produce a tagged (PDF/UA) file, so the
accessible, editable deliverable is the DOCX; the PDF is for print.
This is the only module that imports reportlab.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
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
from jdbuilder.export.tree import (
    BulletList,
    Document,
    Heading,
    Inline,
    KeepTogether,
    Node,
    NumberedList,
    PageBreak,
    Paragraph,
    Table,
    Title,
)
from jdbuilder.resources import resource

FONT = "JDBSans"
PAPER = {"letter": LETTER, "a4": A4}


@cache
def register_fonts() -> str:
    """Register the shipped DejaVu Sans family once per process."""
    faces = {
        FONT: "DejaVuSans.ttf",
        f"{FONT}-Bold": "DejaVuSans-Bold.ttf",
        f"{FONT}-Italic": "DejaVuSans-Oblique.ttf",
        f"{FONT}-BoldItalic": "DejaVuSans-BoldOblique.ttf",
    }
    for name, file in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=f"{FONT}-Bold",
                                  italic=f"{FONT}-Italic", boldItalic=f"{FONT}-BoldItalic")
    return FONT


def _markup(runs: Inline) -> str:
    parts = []
    for r in runs:
        text = escape(r.text)
        if r.bold:
            text = f"<b>{text}</b>"
        if r.italic:
            text = f"<i>{text}</i>"
        parts.append(text)
    return "".join(parts)


class _Styles:
    def __init__(self, large: bool) -> None:
        base = 16.0 if large else 10.5
        lead = base * 1.35
        self.base = base
        self.body = ParagraphStyle("body", fontName=FONT, fontSize=base, leading=lead,
                                   spaceAfter=base * 0.45)
        self.note = ParagraphStyle("note", parent=self.body, fontName=f"{FONT}-Italic",
                                   textColor=colors.HexColor("#333333"))
        self.title = ParagraphStyle("title", parent=self.body, fontName=f"{FONT}-Bold",
                                    fontSize=base + 10, leading=(base + 10) * 1.2,
                                    spaceAfter=base)
        self.h = {
            1: ParagraphStyle("h1", parent=self.body, fontName=f"{FONT}-Bold",
                              fontSize=base + 4, leading=(base + 4) * 1.25,
                              spaceBefore=base, spaceAfter=base * 0.4),
            2: ParagraphStyle("h2", parent=self.body, fontName=f"{FONT}-Bold",
                              fontSize=base + 2, leading=(base + 2) * 1.25,
                              spaceBefore=base * 0.7, spaceAfter=base * 0.3),
            3: ParagraphStyle("h3", parent=self.body, fontName=f"{FONT}-Bold",
                              fontSize=base + 1, leading=(base + 1) * 1.25,
                              spaceBefore=base * 0.5, spaceAfter=base * 0.2),
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


def _numbered_canvas(footer_font: str, size: float, header: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Defers page output so every page can say "Page N of M"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            self.setFont(footer_font, size)
            self.setFillColor(colors.black)
            self.drawCentredString(width / 2, 12 * mm, f"Page {self._pageNumber} of {total}")
            if header:
                self.drawString(20 * mm, height - 12 * mm, header)

    return NumberedCanvas


class PdfRenderer:
    def __init__(self, doc: Document) -> None:
        register_fonts()
        self.src = doc
        self.st = _Styles(doc.large_print)
        self._n = 0

    def flowables(self) -> list[Flowable]:
        out: list[Flowable] = []
        for node in self.src.body:
            out.extend(self.node(node))
        return out

    def node(self, node: Node) -> list[Flowable]:
        st = self.st
        if isinstance(node, Title):
            return [RLParagraph(escape(node.text), st.title)]
        if isinstance(node, Heading):
            self._n += 1
            level = min(max(node.level, 1), 3)
            mark = _Bookmark(node.text, level - 1, f"h{self._n}")
            para = RLParagraph(escape(node.text), st.h[level])
            para.keepWithNext = True
            return [mark, para]
        if isinstance(node, Paragraph):
            style = st.note if node.style == "note" else st.body
            return [RLParagraph(_markup(node.runs), style)]
        if isinstance(node, BulletList | NumberedList):
            numbered = isinstance(node, NumberedList)
            items = [ListItem(RLParagraph(_markup(i), st.body), leftIndent=st.base * 1.6)
                     for i in node.items]
            return [ListFlowable(items, bulletType="1" if numbered else "bullet",
                                 start=None if numbered else "\u2022", bulletFontName=FONT,
                                 bulletFontSize=st.base, leftIndent=st.base * 1.6)]
        if isinstance(node, Table):
            return [self.table(node)]
        if isinstance(node, PageBreak):
            return [RLPageBreak()]
        if isinstance(node, KeepTogether):
            inner: list[Flowable] = []
            for child in node.children:
                inner.extend(self.node(child))
            return [RLKeepTogether(inner)]
        raise TypeError(f"unknown node {type(node).__name__}")

    def table(self, node: Table) -> RLTable:
        st = self.st
        rows = [[RLParagraph(escape(h), st.cell_head) for h in node.header]]
        rows += [[RLParagraph(escape(c), st.cell) for c in r] for r in node.rows]
        width = PAPER.get(self.src.paper, LETTER)[0] - 40 * mm
        weights = node.widths or tuple(1.0 for _ in node.header)
        total = sum(weights)
        col_widths = [width * w / total for w in weights]
        table = RLTable(rows, colWidths=col_widths, repeatRows=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        return table

    def write(self, path: str | Path) -> None:
        src = self.src
        template = SimpleDocTemplate(
            str(path), pagesize=PAPER.get(src.paper, LETTER), title=src.title,
            author=src.author or "jdbuilder", subject=src.title, creator="jdbuilder",
            lang=src.language, leftMargin=20 * mm, rightMargin=20 * mm,
            topMargin=20 * mm, bottomMargin=20 * mm,
        )
        story = self.flowables() or [Spacer(1, 1)]
        canvas = _numbered_canvas(FONT, max(self.st.base - 2, 8), src.header)
        template.build(story, canvasmaker=canvas)


def write_pdf(doc: Document, path: str | Path) -> None:
    """Render and write atomically: an existing file is replaced only by a complete new one."""
    with AtomicOutput(path) as out:
        PdfRenderer(doc).write(out.temp)
