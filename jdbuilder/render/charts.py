"""Charts of the portfolio report, drawn with reportlab's own graphics: the same Drawing goes
into the PDF and, rendered to SVG with `reportlab.graphics.renderSVG`, inline into the HTML
page. One library draws both, so the page and the print say the same thing and no charting
package is added.

Every chart is a horizontal bar chart of one series: each bar has its name on the left and
its value printed at its end, so nothing depends on telling colors apart; the caller prints
the same numbers as a table beside it (the text alternative).

With `jdbuilder.render.pdf` this is the only module that imports reportlab; it also writes
the report's PDF, a document tree with charts under some headings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from xml.dom.minidom import Element

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable

from jdbuilder.atomic import AtomicOutput
from jdbuilder.doctree import Document
from jdbuilder.render.pdf import FONT, PAPER, PdfRenderer, register_fonts
from jdbuilder.vocab import Paper

BAR = 13.0  # bar thickness, points (PDF)
GAP = 6.0
LABEL_PT = 8.0
SVG_SCALE = 1.35  # the page draws text and bars larger than the print
BAR_COLOR = colors.HexColor("#2F4B7C")  # 9.7:1 against white; the only color in a chart
GRID_COLOR = colors.HexColor("#C8C8C8")
TEXT_COLOR = colors.HexColor("#1A1A1A")
SVG_FONTS = "'DejaVu Sans', 'Segoe UI', Verdana, Arial, sans-serif"
SVG_WIDTH = 720.0


@dataclass(frozen=True)
class BarChart:
    """One series of named values, drawn as horizontal bars, largest first as given."""

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    value_labels: tuple[str, ...]  # printed at each bar's end ("12", "25% (3 of 12)")
    axis_label: str = ""  # what the values are
    description: str = ""  # a sentence saying what the chart shows
    percent: bool = False  # values are shares from 0 to 1

    def __post_init__(self) -> None:
        if not len(self.labels) == len(self.values) == len(self.value_labels):
            raise ValueError("a chart needs one label, value and value label per bar")


def _fit(text: str, width: float, size: float) -> str:
    """The text, shortened with an ellipsis to fit `width` points."""
    if stringWidth(text, FONT, size) <= width:
        return text
    cut = text
    while cut and stringWidth(cut + "\u2026", FONT, size) > width:
        cut = cut[:-1]
    return cut.rstrip() + "\u2026"


def _nice_max(top: float, percent: bool) -> tuple[float, float]:
    """An axis end at or above `top` and a step that gives four or five gridlines."""
    if percent:
        return 1.0, 0.25
    if top <= 0:
        return 1.0, 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000,
                 20000, 50000, 100000):
        if top / step <= 5:
            end = step * -(-top // step)
            return float(end), float(step)
    magnitude = 10 ** len(str(int(top)))
    return float(magnitude), float(magnitude / 5)


def drawing(chart: BarChart, width: float, scale: float = 1.0) -> Drawing:
    """The chart as a reportlab Drawing `width` points wide; `scale` enlarges text and bars."""
    register_fonts()
    pt = LABEL_PT * scale
    bar, gap = BAR * scale, GAP * scale
    n = max(len(chart.labels), 1)
    label_w = min(max((stringWidth(t, FONT, pt) for t in chart.labels), default=0) + 6,
                  width * 0.42)
    value_w = max((stringWidth(t, FONT, pt) for t in chart.value_labels), default=0) + 8
    bottom = 3.8 * pt
    plot_h = n * (bar + gap)
    d = Drawing(width, plot_h + bottom + 6)
    c = HorizontalBarChart()
    c.x = label_w + 4
    c.y = bottom
    c.width = max(width - c.x - value_w - 4, 40)
    c.height = plot_h
    c.data = [tuple(float(v) for v in chart.values) or (0.0,)]
    c.categoryAxis.categoryNames = [_fit(t, label_w - 6, pt) for t in chart.labels] or [""]
    c.categoryAxis.reverseDirection = 1  # the first bar at the top
    c.categoryAxis.labels.fontName = FONT
    c.categoryAxis.labels.fontSize = pt
    c.categoryAxis.labels.fillColor = TEXT_COLOR
    c.categoryAxis.labels.boxAnchor = "e"
    c.categoryAxis.labels.dx = -4
    c.categoryAxis.strokeColor = TEXT_COLOR
    c.categoryAxis.tickLeft = 0
    c.barWidth = bar
    c.groupSpacing = gap
    c.barSpacing = 0
    end, step = _nice_max(max(chart.values, default=0.0), chart.percent)
    c.valueAxis.valueMin = 0
    c.valueAxis.valueMax = end
    c.valueAxis.valueStep = step
    c.valueAxis.labels.fontName = FONT
    c.valueAxis.labels.fontSize = pt * 0.95
    c.valueAxis.labels.fillColor = TEXT_COLOR
    c.valueAxis.strokeColor = TEXT_COLOR
    c.valueAxis.visibleGrid = 1
    c.valueAxis.gridStrokeColor = GRID_COLOR
    c.valueAxis.gridStrokeWidth = 0.5
    if chart.percent:
        c.valueAxis.labelTextFormat = lambda v: f"{v * 100:.0f}%"
    elif step >= 1:
        c.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    c.bars[0].fillColor = BAR_COLOR
    c.bars[0].strokeColor = None
    c.barLabelFormat = "values"
    c.barLabelArray = [list(chart.value_labels) or [""]]
    c.barLabels.fontName = FONT
    c.barLabels.fontSize = pt
    c.barLabels.fillColor = TEXT_COLOR
    c.barLabels.boxAnchor = "w"
    c.barLabels.dx = 3
    d.add(c)
    if chart.axis_label:
        d.add(String(c.x + c.width / 2, pt * 0.5, chart.axis_label, fontName=FONT,
                     fontSize=pt, fillColor=TEXT_COLOR, textAnchor="middle"))
    return d


def svg(chart: BarChart, ident: str, width: float = SVG_WIDTH) -> str:
    """The chart as an inline <svg> element for an HTML page: no XML declaration, DOCTYPE or
    namespace URIs, ids prefixed with `ident`, a <title> and <desc> for screen readers."""
    d = drawing(chart, width, SVG_SCALE)
    canvas = renderSVG.SVGCanvas(
        (d.width, d.height), useClip=True, fontHacks={FONT: {"family": SVG_FONTS}})
    renderSVG.draw(d, canvas)
    root: Element = canvas.svg
    for attr in ("xmlns", "xmlns:xlink", "version", "width", "height"):
        if root.hasAttribute(attr):
            root.removeAttribute(attr)
    root.setAttribute("role", "img")
    root.setAttribute("aria-labelledby", f"{ident}-t {ident}-d")
    root.setAttribute("class", "chart")
    for el in root.getElementsByTagName("*"):
        if el.hasAttribute("id"):
            el.removeAttribute("id")
    for tag, suffix, text in (("title", "t", chart.title), ("desc", "d", chart.description)):
        for el in root.getElementsByTagName(tag):
            el.setAttribute("id", f"{ident}-{suffix}")
            el.firstChild.data = text  # type: ignore[union-attr]
    return str(root.toxml())


class _Renderer(PdfRenderer):
    """The document tree as the PDF renderer prints it, with a chart under some headings."""

    def __init__(self, doc: Document, charts: Mapping[int, BarChart]) -> None:
        super().__init__(doc)
        self.charts = charts
        width, _ = PAPER[Paper(doc.paper)]
        self.chart_width = width - 40 * mm - 12

    def flowables(self) -> list[Flowable]:
        out: list[Flowable] = []
        for i, node in enumerate(self.src.body):
            chart = self.charts.get(i)
            if chart is None or not chart.labels:
                out.extend(self.node(node))
                continue
            d = drawing(chart, self.chart_width)
            out.append(CondPageBreak(d.height + 60))  # the heading stays with its chart
            out.extend(self.node(node))
            out.append(d)
        return out


def write_pdf_with_charts(doc: Document, charts: Mapping[int, BarChart],
                          path: str | Path) -> None:
    """Write `doc` as a PDF with `charts[i]` drawn under body node i (a heading); atomic."""
    with AtomicOutput(path) as out:
        _Renderer(doc, charts).write(out.temp)

