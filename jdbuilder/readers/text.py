"""Reading text files exactly as stored, bounded in size.

Text files are decoded as stored (UTF-8, or UTF-16 when they start with a byte-order mark;
newlines are not translated), so finding offsets index the file's text as read.
"""

from __future__ import annotations

from pathlib import Path

from jdbuilder.errors import InputError
from jdbuilder.safeio import ReadProblem, read_limited

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MAX_TEXT_BYTES = 5 * 1024 * 1024  # larger text files are refused: checks stay bounded


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
    """A regular file's bytes, never more than `limit`; every failure is an `InputError`
    naming the file."""
    try:
        return read_limited(path, limit)
    except ReadProblem as exc:
        raise InputError(path, exc.reason) from None


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a code-point offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
