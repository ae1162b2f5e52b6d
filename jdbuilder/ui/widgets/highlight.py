"""Underlines language findings in place, as the user types.

Findings index Python strings (code points); Qt positions count UTF-16 units, so spans are
converted once. While the user types, spans after the edit shift with it and a span the edit
touches is dropped, so underlines stay on the right words until the next check arrives.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QSyntaxHighlighter, QTextDocument

from jdbuilder.ui.widgets.icons import underline_format


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


class FindingsHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document.parent() or document)
        self.spans: list[Span] = []
        # Shift spans before the base class re-highlights the edited block.
        document.contentsChange.connect(self._shift)
        self.setDocument(document)

    def set_spans(self, text: str, findings: Iterable[tuple[int, int, str]]) -> None:
        spans = [Span(utf16_index(text, s), utf16_index(text, e), sev)
                 for s, e, sev in findings]
        if spans == self.spans:
            return
        self.spans = spans
        self.rehighlight()

    def _shift(self, position: int, removed: int, added: int) -> None:
        if not self.spans or (removed == 0 and added == 0):
            return
        delta = added - removed
        kept = []
        for sp in self.spans:
            if sp.end <= position:
                kept.append(sp)
            elif sp.start >= position + removed:
                kept.append(Span(sp.start + delta, sp.end + delta, sp.severity))
            # an edit inside a span drops it until the next check
        self.spans = kept

    def highlightBlock(self, text: str) -> None:
        if not self.spans:
            return
        block = self.currentBlock()
        pos, length = block.position(), len(text.encode("utf-16-le")) // 2
        for sp in self.spans:
            s = max(sp.start, pos) - pos
            e = min(sp.end, pos + length) - pos
            if e > s:
                self.setFormat(s, e - s, underline_format(sp.severity))
