"""Reading documents to check: text, Markdown, DOCX and project files.

Text files are decoded exactly as stored (UTF-8, or UTF-16 when it starts with a byte-order
mark; newlines are not translated), so finding offsets index the file's text as read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jdbuilder.errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
CHECKABLE = (*TEXT_SUFFIXES, ".docx", ".jdb")
MAX_TEXT_BYTES = 5 * 1024 * 1024  # larger text files are refused: checks stay bounded


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


def decode_text(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "is not valid UTF-16 text") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"is not valid UTF-8 text (invalid byte at offset {exc.start})"
                         ) from None
    if "\x00" in text:
        raise InputError(path, "contains NUL bytes; it is not a text file")
    return text


def read_bytes(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """A file's bytes, size-bounded; every failure is an `InputError` naming the file."""
    try:
        if path.is_dir():
            raise InputError(path, "is a folder")
        size = path.stat().st_size
        if size > limit:
            raise InputError(path, f"is too large ({size / (1024 * 1024):.1f} MB; "
                                   f"the limit is {limit // (1024 * 1024)} MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None


def join_sections(pieces: list[tuple[str, str]], path: Path) -> InputText:
    parts: list[str] = []
    sections: list[Section] = []
    pos = 0
    for label, text in pieces:
        sections.append(Section(label, pos, pos + len(text)))
        parts.append(text)
        pos += len(text) + 1
    return InputText(path, "\n".join(parts), tuple(sections))


def read_input(path: str | Path) -> InputText:
    """Read a checkable file; raises `InputError` naming the file."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        from jdbuilder.export.docx import read_docx_paragraphs

        return join_sections([("", t) for t in read_docx_paragraphs(p)], p)
    if suffix == ".jdb":
        from jdbuilder import project

        proj = project.load(p)
        joined = join_sections(proj.job_description.all_text(), p)
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


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a code-point offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
