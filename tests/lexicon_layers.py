"""An organization lexicon written for tests: one house-style term and one broken entry."""

from __future__ import annotations

from pathlib import Path

TERMS = (
    "category: clinical-jargon\ntitle: Our terms\ndescription: House style.\nentries:\n"
    "  - id: org-service-user\n    severity: info\n    patterns: ['service user']\n"
    "    suggestions: ['member']\n    why: Our members are members.\n"
    "    sources: ['House style guide']\n    examples: {flag: ['Each service user.']}\n")
BROKEN = (
    "  - id: org-broken\n    severity: info\n    patterns: ['@no-such-class word']\n"
    "    why: Broken on purpose.\n    sources: ['House style guide']\n"
    "    examples: {flag: ['word']}\n")
SENTENCE = "Calls each service user weekly."


def org_library(root: Path, *, broken: bool = False) -> Path:
    """An organization library folder whose `lexicons/` holds the house-style term."""
    folder = root / "org-library" / "lexicons"
    folder.mkdir(parents=True)
    (folder / "house.yaml").write_text(TERMS + (BROKEN if broken else ""), encoding="utf-8")
    return folder.parent
