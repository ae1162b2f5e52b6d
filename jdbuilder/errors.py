"""Errors a user sees as one line: what file, what is wrong.

Every error raised for bad input derives from `JdbError`, so the CLI can turn it into exit code 2
and the GUI into a dialog without ever showing a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

# Characters a terminal would act on rather than show (escape sequences, bidirectional
# overrides) and undecodable bytes of a file name (Python keeps them as lone surrogates).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
                          "\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with control and invisible direction characters shown as escapes (\\x1b), so a
    file name can never drive the terminal it is printed on."""
    return _UNPRINTABLE.sub(_escape, text)


class JdbError(Exception):
    """An error caused by input or environment, explained in plain words."""


class InputError(JdbError):
    """A file could not be used. The message names the file and the cause."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{printable(self.path)}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries (export and report workers): rebuild from the fields
        # so they arrive intact, not as a pool failure.
        return (type(self), (self.path, self.reason))


class ProjectError(InputError):
    """A project file (.jdb) is missing, unreadable, invalid or from a newer version."""


class ContentError(InputError):
    """A content file (library, question bank, lexicon, settings) breaks its schema."""

    def __init__(
        self,
        path: str | Path,
        reason: str,
        *,
        entry: str | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.entry = entry
        self.field = field
        self.line = line
        self._bare = reason
        parts = []
        if line is not None:
            parts.append(f"line {line}")
        if entry:
            parts.append(f"entry '{entry}'")
        if field:
            parts.append(f"field '{field}'")
        where = (", ".join(parts) + ": ") if parts else ""
        super().__init__(path, where + reason)

    def __reduce__(self) -> tuple[object, ...]:
        return (_content_error, (type(self), self.path, self._bare, self.entry, self.field,
                                 self.line))


def _content_error(cls: type[ContentError], path: str, reason: str, entry: str | None,
                   field: str | None, line: int | None) -> ContentError:
    return cls(path, reason, entry=entry, field=field, line=line)
