"""The render-neutral document tree.

Composers (`jdbuilder.compose`) build these nodes from the model; the renderers
(`jdbuilder.render.docx`, `.pdf` and `.html`) each walk the same tree, so the DOCX, the PDF and
what is printed from the window always say the same thing. Every renderer dispatches on the
node type with `typing.assert_never` in its last branch: a node type that one renderer does not
handle fails type-checking (and the suite renders a document holding every node type).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field

from jdbuilder.vocab import Paper


@dataclass(frozen=True)
class Run:
    """A piece of inline text with emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


Inline = tuple[Run, ...]


def plain(text: str) -> Inline:
    return (Run(text),)


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1-3; level 1 headings become PDF bookmarks


@dataclass(frozen=True)
class Paragraph:
    runs: Inline
    style: str = "body"  # body | note | small


@dataclass(frozen=True)
class BulletList:
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class NumberedList:
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Cell:
    """A table cell that stands out: bold and shaded, always with a word that says why (never
    colour alone)."""

    text: str
    bold: bool = False
    shade: bool = False


CellValue = str | Cell


def cell_text(value: CellValue) -> str:
    return value.text if isinstance(value, Cell) else value


@dataclass(frozen=True)
class Table:
    """A row moves whole to the next page; only a row taller than a page is split. The header
    row repeats on every page. Column widths come
    from the content (no word is broken) and the paper; `widths` weighs how the remaining room
    is shared (empty: by how much text each column holds)."""

    header: tuple[str, ...]
    rows: tuple[tuple[CellValue, ...], ...]
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class RatingGrid:
    """The 1-5 scale with the anchors a rater uses (missing levels print as "between")."""

    anchors: tuple[tuple[int, str], ...]


def rating_rows(grid: RatingGrid) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Header and rows both renderers print for a rating grid (levels without an anchor fall
    between the anchored ones, which the header says)."""
    anchors = dict(grid.anchors)
    between = [str(k) for k in range(1, 6) if k not in anchors]
    label = "What an answer at this level looks like"
    if between:
        label += f" ({' and '.join(between)}: between the anchors)"
    rows = tuple((str(k), anchors[k]) for k in sorted(anchors))
    return ("Rating", label), rows


@dataclass(frozen=True)
class NoteLines:
    """Ruled space for handwritten notes: `lines` lines, or with `fill` the rest of the page
    (at least `lines`; the PDF measures the page, the DOCX draws `lines`)."""

    lines: int = 5
    fill: bool = False


@dataclass(frozen=True)
class Checklist:
    """Check boxes, ticked or empty."""

    items: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class ScoreBox:
    """A box to write a score in, with its label (e.g. "Score (1-5)")."""

    label: str
    value: str = ""


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class KeepTogether:
    """Children printed on one page where they fit (a question with its scoring block)."""

    children: tuple[Node, ...]


Node = (Title | Heading | Paragraph | BulletList | NumberedList | Table | RatingGrid | NoteLines
        | Checklist | ScoreBox | PageBreak | KeepTogether)
NODE_TYPES: tuple[type, ...] = typing.get_args(Node)


@dataclass(frozen=True)
class Document:
    title: str
    author: str = ""
    language: str = "en-US"
    header: str = ""
    body: tuple[Node, ...] = field(default_factory=tuple)
    large_print: bool = False
    paper: Paper = Paper.LETTER
    logo: str = ""  # path to the organisation's logo (PNG or JPEG), printed in the header
    running: str = ""  # a line under the header on every page ("Interviewer: ... Candidate ID")
    landscape: bool = False  # for forms whose grid needs the width
