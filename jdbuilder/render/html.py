"""HTML renderer: the document tree as the simple HTML that Qt's QTextDocument lays out for
print preview and printing (`jdbuilder.ui.services.printing`). Qt-free, so it is tested like the
other renderers.

QTextDocument understands a subset of HTML 4 and CSS: tables with borders and widths, `<hr>`,
`page-break-before`. Everything here stays within it.
"""

from __future__ import annotations

import html
from typing import assert_never

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
    ScoreBox,
    Table,
    Title,
    rating_rows,
)
from jdbuilder.render.style import HEADING_RGB, SHADE_RGB, hex_rgb

_E = html.escape
_HEAD = hex_rgb(HEADING_RGB)


def _runs(runs: Inline) -> str:
    out = []
    for run in runs:
        text = _E(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        out.append(text)
    return "".join(out)


def _cell(value: CellValue) -> str:
    if not isinstance(value, Cell):
        return f"<td>{_E(value)}</td>"
    text = f"<b>{_E(value.text)}</b>" if value.bold else _E(value.text)
    shade = f" bgcolor='#{hex_rgb(SHADE_RGB)}'" if value.shade else ""
    return f"<td{shade}>{text}</td>"


def _table(header: tuple[str, ...], rows: tuple[tuple[CellValue, ...], ...],
           widths: tuple[float, ...] = ()) -> str:
    weights = widths if len(widths) == len(header) else tuple(1.0 for _ in header)
    total = sum(weights) or 1.0
    head = "".join(f"<th align='left' width='{round(100 * w / total)}%'>{_E(h)}</th>"
                   for h, w in zip(header, weights, strict=True))
    body = "".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in rows)
    return ("<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
            f"<thead><tr>{head}</tr></thead>{body}</table>")


class HtmlRenderer:
    """Walks the tree with one branch per node type."""

    def __init__(self, doc: Document) -> None:
        self.src = doc
        self._page_break = False

    def node(self, node: Node) -> str:
        match node:
            case Title():
                return self._block(f"<h1 style='color:#{_HEAD}'>{_E(node.text)}</h1>")
            case Heading():
                level = min(max(node.level, 1), 3) + 1
                return self._block(f"<h{level} style='color:#{_HEAD}'>{_E(node.text)}"
                                   f"</h{level}>")
            case Paragraph():
                body = _runs(node.runs)
                if node.style == "note":
                    body = f"<i>{body}</i>"
                elif node.style == "small":
                    body = f"<small>{body}</small>"
                return self._block(f"<p>{body}</p>")
            case BulletList():
                return self._block("<ul>" + "".join(f"<li>{_runs(i)}</li>" for i in node.items)
                                   + "</ul>")
            case NumberedList():
                return self._block("<ol>" + "".join(f"<li>{_runs(i)}</li>" for i in node.items)
                                   + "</ol>")
            case Table():
                return self._block(_table(node.header, node.rows, node.widths))
            case RatingGrid():
                return self._block(_table(*rating_rows(node), (1, 6)))
            case NoteLines():
                # Ruled lines to write on: a rule under each empty line of the right height
                # (QTextDocument cannot fill to the foot of a page; it draws the lines given).
                line = "<p>&nbsp;</p><hr/>"
                return self._block("<div>" + line * node.lines + "</div>")
            case Checklist():
                return self._block("".join(
                    f"<p>{'&#x2612;' if ticked else '&#x2610;'} {_E(label)}</p>"
                    for label, ticked in node.items))
            case ScoreBox():
                value = _E(node.value) or "&nbsp;"
                return self._block(
                    "<table border='1' cellspacing='0' cellpadding='8'><tr>"
                    f"<td><b>{_E(node.label)}</b></td><td width='120'>{value}</td>"
                    "</tr></table>")
            case PageBreak():
                self._page_break = True
                return ""
            case KeepTogether():
                return "".join(self.node(child) for child in node.children)
            case _:
                assert_never(node)

    def _block(self, markup: str) -> str:
        """The next block after a page break starts the new page (QTextDocument honours
        page-break-before on blocks and tables)."""
        if not self._page_break:
            return markup
        self._page_break = False
        return f"<div style='page-break-before: always'>{markup}</div>"

    def render(self) -> str:
        doc = self.src
        head = f"<p><small>{_E(doc.header)}</small></p>" if doc.header else ""
        body = "".join(self.node(n) for n in doc.body)
        return (f"<html><head><title>{_E(doc.title)}</title></head><body>{head}{body}"
                "</body></html>")


def document_html(doc: Document) -> str:
    """The document as HTML for print preview and printing."""
    return HtmlRenderer(doc).render()
