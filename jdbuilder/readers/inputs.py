"""The documents `jdbuilder check` reads: text, Markdown, DOCX and project files, each turned into
one text with labelled sections."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jdbuilder.errors import InputError
from jdbuilder.readers.text import TEXT_SUFFIXES, decode_text, read_bytes

CHECKABLE = (*TEXT_SUFFIXES, ".docx", ".jdb")


@dataclass(frozen=True)
class Section:
    """A labelled piece of a structured document, and where it starts in the joined text."""

    label: str
    start: int
    end: int


@dataclass(frozen=True)
class InputText:
    path: Path
    text: str
    sections: tuple[Section, ...] = ()
    policy: dict[str, Any] | None = None  # a project's own allow-list, if any

    def section_at(self, offset: int) -> str:
        for s in self.sections:
            if s.start <= offset < s.end:
                return s.label
        return ""


def join_sections(pieces: list[tuple[str, str]], path: Path) -> InputText:
    parts: list[str] = []
    sections: list[Section] = []
    pos = 0
    for label, text in pieces:
        sections.append(Section(label, pos, pos + len(text)))
        parts.append(text)
        pos += len(text) + 1
    return InputText(path, "\n".join(parts), tuple(sections))


def read_input(path: str | Path, *, organisation: str = "") -> InputText:
    """Read a checkable file; raises `InputError` naming the file.

    A project is checked as the window checks it: every field of the table in
    `jdbuilder.model.fields`, the job description and then the job ad (the project's own, or
    the one generated for `organisation`), each piece a labelled section.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        from jdbuilder.readers.docx import read_docx_paragraphs

        return join_sections([("", t) for t in read_docx_paragraphs(p)], p)
    if suffix == ".jdb":
        from jdbuilder import project
        from jdbuilder.model.fields import text_items

        proj = project.load(p)
        items = text_items(proj.job_description, proj.ad(organisation))
        joined = join_sections([(item.label, item.text) for item in items], p)
        return InputText(p, joined.text, joined.sections, proj.policy or None)
    return InputText(p, decode_text(read_bytes(p), p))


def collect_paths(paths: list[str]) -> tuple[list[Path], list[InputError]]:
    """Expand folders (recursively, checkable files only, sorted); missing paths are errors."""
    out: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*")
                              if f.is_file() and f.suffix.lower() in CHECKABLE))
        elif p.exists():
            out.append(p)
        else:
            errors.append(InputError(p, "file not found"))
    return out, errors
