"""Errors a user sees as one line: what file, what is wrong.

Every error raised for bad input derives from `JdbError`, so the CLI can turn it into exit code 2
and the GUI into a dialog without ever showing a traceback.
"""

from __future__ import annotations

from pathlib import Path


class JdbError(Exception):
    """An error caused by input or environment, explained in plain words."""


class InputError(JdbError):
    """A file could not be used. The message names the file and the cause."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


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
        parts = []
        if line is not None:
            parts.append(f"line {line}")
        if entry:
            parts.append(f"entry '{entry}'")
        if field:
            parts.append(f"field '{field}'")
        where = (", ".join(parts) + ": ") if parts else ""
        super().__init__(path, where + reason)
