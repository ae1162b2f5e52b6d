"""File names for what the app writes."""

from __future__ import annotations

import re


def slug(text: str) -> str:
    """A lower-case ASCII file-name stem ("peer-specialist")."""
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "untitled"
