"""Column widths from a table's content and the paper, shared by the DOCX and PDF renderers.

Each renderer measures text in its own way (the PDF with the embedded font's metrics, the DOCX
with an estimate of the same font) and passes the measure in. A column is never narrower than
its widest word, so no word, name or header breaks in the middle; the room left is shared by how
much text each column holds (or by the table's `widths`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from jdbuilder.doctree import Table, cell_text

Measure = Callable[[str, bool], float]  # (text, bold) -> width in the renderer's unit
MAX_SHARE = 0.55  # no column asks for more than this share of the width for its text


def _words(text: str) -> list[str]:
    return text.split() or [""]


def column_widths(table: Table, available: float, measure: Measure,
                  padding: float) -> list[float]:
    """Widths summing to `available` (or more, when even the widest words do not fit: the
    caller chooses a wider page for such a table)."""
    cols = len(table.header)
    minimum = [0.0] * cols
    wanted = [0.0] * cols
    rows: list[Sequence[str]] = [[cell_text(c) for c in r] for r in table.rows]
    for r, row in enumerate([list(table.header), *rows]):
        bold = r == 0
        for c in range(cols):
            text = row[c] if c < len(row) else ""
            widest = max(measure(w, bold) for w in _words(text))
            minimum[c] = max(minimum[c], widest + padding)
            wanted[c] = max(wanted[c], min(measure(text, bold), available * MAX_SHARE)
                            + padding)
    total_min = sum(minimum)
    if total_min >= available:
        return minimum
    room = available - total_min
    if len(table.widths) == cols and sum(table.widths) > 0:
        shares = list(table.widths)
    else:
        shares = [max(w - m, 0.0) for w, m in zip(wanted, minimum, strict=True)]
    if sum(shares) <= 0:
        shares = [1.0] * cols
    scale = room / sum(shares)
    return [m + s * scale for m, s in zip(minimum, shares, strict=True)]


def fits(table: Table, available: float, measure: Measure, padding: float) -> bool:
    """Whether every column's widest word fits in `available`."""
    return sum(column_widths(table, available, measure, padding)) <= available + 0.5
