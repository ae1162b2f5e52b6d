"""Text normalization before matching, with offsets mapped back to the original text.

Phrases broken by a line wrap ("suffers\nfrom") or a line-end hyphen ("non-\ncompliant") are
joined; runs of spaces fold to one; curly quotes become straight. A new line that starts a list
item or a new sentence stays a boundary, so one bullet's "does not" never reaches the next.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                         "\u00a0": " ", "\u2010": "-", "\u2011": "-"})
_SPECIAL = re.compile(r"[\n\r\t]| {2,}")
_HYPHEN_WRAP = re.compile(r"(?<=[A-Za-z])-[ \t]*\r?\n[ \t]*(?=[a-z])")
_BREAK = re.compile(r"[ \t]*\r?\n[ \t\r]*((?:\r?\n[ \t\r]*)*)")
_SPACES = re.compile(r"(?:[ \t]{2,}|\t)(?![ \t]*\r?\n)")
_ITEM_START = re.compile(r"[-*\u2022\u25aa\u25e6\u2023>]|\d+[.)]|[A-Z]")
_CONTINUES = re.compile(r"(?:,|\b(?:and|or|of|to|the|a|an|with|from|for|in|as|by))\s*$")


@dataclass(frozen=True)
class Normalized:
    text: str
    # Breakpoints: at normalized index norm_starts[k], original index is orig_starts[k];
    # offsets grow one for one until the next breakpoint.
    norm_starts: tuple[int, ...] = ()
    orig_starts: tuple[int, ...] = ()

    def to_original(self, i: int) -> int:
        if not self.norm_starts:
            return i
        k = bisect.bisect_right(self.norm_starts, i) - 1
        if k < 0:
            return i
        return self.orig_starts[k] + (i - self.norm_starts[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized [start, end) span to the original text."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.to_original(end - 1) + 1


def _hyphen_before(text: str, pos: int) -> bool:
    """A line break that a hyphen wrap ("non-\\ncompliant") will join."""
    return bool(_HYPHEN_WRAP.match(text, max(0, text.rfind("-", max(0, pos - 4), pos + 1))))


def _breaks(text: str) -> Iterator[re.Match[str]]:
    """The matches `_BREAK.finditer` would give, found from each new line (str.find) instead
    of trying the pattern at every position."""
    pos = 0
    i = text.find("\n")
    while i >= 0:
        start = i
        if start > pos and text[start - 1] == "\r":
            start -= 1
        while start > pos and text[start - 1] in " \t":
            start -= 1
        m = _BREAK.match(text, start)
        if m is None:  # cannot happen: a new line always matches
            break
        yield m
        pos = m.end()
        i = text.find("\n", pos)


def normalize(text: str) -> Normalized:
    text_t = text.translate(_QUOTES)
    if not _SPECIAL.search(text_t):
        return Normalized(text_t)
    pieces: list[str] = []
    norm_starts: list[int] = [0]
    orig_starts: list[int] = [0]
    pos = 0
    npos = 0
    breaks = list(_breaks(text_t))
    replacements: list[tuple[int, int, str]] = []
    if any(text_t[max(0, m.start() - 1)] == "-" for m in breaks):  # a line-end hyphen
        replacements = [(m.start(), m.end(), "") for m in _HYPHEN_WRAP.finditer(text_t)]
    taken = {start for start, _, _ in replacements}
    first_text = len(text_t) - len(text_t.lstrip())  # where the text proper begins
    for m in breaks:
        # a hyphen wrap already consumed this line break
        if m.start() - 1 in taken or m.start() in taken or _hyphen_before(text_t, m.start()):
            continue
        before = text_t[max(0, m.start() - 40): m.start()].rstrip()
        after = text_t[m.end(): m.end() + 4]
        blank = bool(m.group(1))
        sentence_end = before.endswith((".", "!", "?", ";", ":"))
        new_item = bool(_ITEM_START.match(after)) and not _CONTINUES.search(before[-12:])
        at_start = m.start() <= first_text
        repl = "\n" if (blank or sentence_end or new_item or at_start) else " "
        replacements.append((m.start(), m.end(), repl))
    if "  " in text_t or "\t" in text_t:
        for m in _SPACES.finditer(text_t):
            replacements.append((m.start(), m.end(), " "))
    replacements.sort()
    for start, end, repl in replacements:
        if start < pos:
            continue
        pieces.append(text_t[pos:start])
        npos += start - pos
        if repl:
            pieces.append(repl)
            norm_starts.append(npos)
            orig_starts.append(start)
            npos += len(repl)
        pos = end
        norm_starts.append(npos)
        orig_starts.append(end)
    pieces.append(text_t[pos:])
    return Normalized("".join(pieces), tuple(norm_starts), tuple(orig_starts))
