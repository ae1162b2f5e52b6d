"""Shared pieces of the docs generated from data (rules list, library catalogue)."""

from __future__ import annotations

from pathlib import Path

from jdbuilder.atomic import atomic_write_text


def cell(text: str) -> str:
    """Text safe inside one Markdown table cell."""
    return " ".join(text.replace("|", "\\|").split())


def write_doc(argv: list[str], default: Path, text: str) -> int:
    """Write a generated doc to the path given on the command line (or the default)."""
    target = Path(argv[0]) if argv else default
    atomic_write_text(target, text)
    print(f"wrote {target}")
    return 0
