"""Underlines in place, as the user types: language findings and misspelled words.

Findings index Python strings (code points); Qt positions count UTF-16 units, so spans are
converted once. While the user types, spans after the edit shift with it and a span the edit
touches is dropped, so underlines stay on the right words until the next check arrives.

The underlines are painted over the text (not character formats), so each can be clearly
visible and carry its severity in its shape as well as its color:

- error: a bold wavy line with a straight line under it,
- warning: a bold wavy line,
- note: a bold dotted line,
- misspelled word: a thin wavy line, as word processors draw it.

The colors follow the field's background, so they keep their contrast in a dark palette.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTextDocument,
    QTextLine,
)

from jdbuilder.vocab import Severity

SPELLING = "spelling"

_LIGHT = {Severity.ERROR: QColor(192, 0, 0), Severity.WARNING: QColor(179, 89, 0),
          Severity.INFO: QColor(0, 94, 184), SPELLING: QColor(214, 0, 0)}
_DARK = {Severity.ERROR: QColor(255, 120, 120), Severity.WARNING: QColor(255, 176, 90),
         Severity.INFO: QColor(120, 190, 255), SPELLING: QColor(255, 110, 110)}


def utf16_index(text: str, index: int) -> int:
    """The UTF-16 position of a code-point index (they differ after characters beyond BMP)."""
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


def code_point_index(text: str, index16: int) -> int:
    """The code-point index of a UTF-16 position."""
    units = 0
    for i, ch in enumerate(text):
        if units >= index16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


@dataclass
class Span:
    start: int  # UTF-16 units
    end: int
    severity: str
    item: object = None  # what the span underlines (a language finding)


class SpanTracker(QObject):
    """The findings' spans of one document, shifted as the user types."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.spans: list[Span] = []
        document.contentsChange.connect(self._shift)

    def set_spans(self, text: str, findings: Iterable[tuple[int, int, str, object]]) -> bool:
        """Set the spans (code-point offsets into `text`); True if they changed."""
        spans = [Span(utf16_index(text, s), utf16_index(text, e), sev, item)
                 for s, e, sev, item in findings]
        if spans == self.spans:
            return False
        self.spans = spans
        return True

    def _shift(self, position: int, removed: int, added: int) -> None:
        if not self.spans or (removed == 0 and added == 0):
            return
        delta = added - removed
        kept = []
        for sp in self.spans:
            if sp.end <= position:
                kept.append(sp)
            elif sp.start >= position + removed:
                kept.append(Span(sp.start + delta, sp.end + delta, sp.severity, sp.item))
            # an edit inside a span drops it until the next check
        self.spans = kept

    def at(self, position: int) -> Span | None:
        """The worst span covering a UTF-16 position."""
        order = {s: i for i, s in enumerate(Severity.descending())}
        hits = [sp for sp in self.spans if sp.start <= position < sp.end or
                (sp.start < position == sp.end)]
        return min(hits, key=lambda sp: order.get(Severity(sp.severity), 9)) if hits else None


def underline_color(kind: str, palette: QPalette) -> QColor:
    """The underline color for a severity or SPELLING, readable on the field's background."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    table = _DARK if dark else _LIGHT
    return table.get(kind, table[Severity.WARNING])


def segments(document: QTextDocument, start: int, end: int) -> list[tuple[float, float, float]]:
    """(x1, x2, y) in document coordinates for each line piece of start..end (UTF-16), y
    just below the text's baseline."""
    out: list[tuple[float, float, float]] = []
    block = document.findBlock(start)
    layout_of = document.documentLayout()
    while block.isValid() and block.position() < end:
        layout = block.layout()
        origin = layout_of.blockBoundingRect(block).topLeft()
        base = block.position()
        for i in range(layout.lineCount()):
            line: QTextLine = layout.lineAt(i)
            ls = base + line.textStart()
            le = ls + line.textLength()
            a, b = max(start, ls), min(end, le)
            if b <= a:
                continue
            x1 = _x(line, a - base)
            x2 = _x(line, b - base)
            y = origin.y() + line.y() + line.ascent() + max(1.0, line.descent() * 0.35)
            out.append((origin.x() + min(x1, x2), origin.x() + max(x1, x2), y))
        block = block.next()
    return out


def _x(line: QTextLine, pos: int) -> float:
    value: object = line.cursorToX(pos)  # PySide6 returns (x, position)
    x = value[0] if isinstance(value, tuple) else value
    return float(x) if isinstance(x, int | float) else 0.0


def wave(x1: float, x2: float, y: float, amplitude: float, period: float) -> QPainterPath:
    """A wavy line whose crests are `amplitude` above and below y (a quadratic curve's
    control point lies twice as far out as its crest)."""
    path = QPainterPath(QPointF(x1, y))
    x, up = x1, True
    half = period / 2
    while x < x2:
        nx = min(x + half, x2)
        path.quadTo(QPointF((x + nx) / 2, y - 2 * amplitude if up else y + 2 * amplitude),
                    QPointF(nx, y))
        x, up = nx, not up
    return path


def paint_underline(painter: QPainter, kind: str, x1: float, x2: float, y: float,
                    line_height: float, palette: QPalette) -> None:
    """One underline piece in the shape and color of its kind."""
    color = underline_color(kind, palette)
    unit = max(1.0, line_height / 14.0)  # follows the font size (and so the scaling)
    if x2 - x1 < 2:
        x2 = x1 + 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if kind == SPELLING:
        pen = QPen(color, max(1.0, unit))
        painter.setPen(pen)
        painter.drawPath(wave(x1, x2, y + unit, 0.9 * unit, 4.0 * unit))
    elif kind == Severity.INFO:
        pen = QPen(color, 2.0 * unit, Qt.PenStyle.DotLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(x1, y + unit), QPointF(x2, y + unit))
    else:
        pen = QPen(color, 1.6 * unit, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPath(wave(x1, x2, y + 1.8 * unit, 1.6 * unit, 6.0 * unit))
        if kind == Severity.ERROR:
            painter.setPen(QPen(color, 1.2 * unit))
            painter.drawLine(QPointF(x1, y + 5.5 * unit), QPointF(x2, y + 5.5 * unit))
    painter.restore()


def underline_rect(x1: float, x2: float, y: float, line_height: float) -> QRectF:
    """Where an underline piece paints (for tests and update regions)."""
    unit = max(1.0, line_height / 14.0)
    return QRectF(x1, y - unit, x2 - x1, 7.0 * unit)
