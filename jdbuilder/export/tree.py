"""The render-neutral document tree.

Composition code builds these nodes from the domain model; `export/docx.py` and `export/pdf.py`
each walk the same tree, so a DOCX and a PDF of one document always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths; empty: equal


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class KeepTogether:
    """Children printed on one page where they fit (a question with its scoring block)."""

    children: tuple[Node, ...]


Node = Title | Heading | Paragraph | BulletList | NumberedList | Table | PageBreak | KeepTogether


@dataclass(frozen=True)
class Document:
    title: str
    author: str = ""
    language: str = "en-US"
    header: str = ""
    body: tuple[Node, ...] = field(default_factory=tuple)
    large_print: bool = False
    paper: str = "letter"  # letter | a4
