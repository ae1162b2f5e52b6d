"""The project's small vocabularies, each defined once.

Every member is a `str` (a `StrEnum`), so values compare equal to their text, serialise to JSON
as plain strings and read back from files unchanged. Code names the member; data files and
JSON output keep the text.
"""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    """How strongly a language or structure finding asks for a change."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def ascending(cls) -> tuple[Severity, ...]:
        """info, warning, error."""
        return (cls.INFO, cls.WARNING, cls.ERROR)

    @classmethod
    def descending(cls) -> tuple[Severity, ...]:
        """error, warning, info: the order counts are shown in."""
        return (cls.ERROR, cls.WARNING, cls.INFO)


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Verdict(StrEnum):
    """The question checker's answer: may this be asked before a conditional offer?"""

    OK = "ok"
    CAUTION = "caution"
    NOT_ALLOWED = "not_allowed"

    @property
    def rank(self) -> int:
        return _VERDICT_RANK[self]

    @property
    def label(self) -> str:
        """The word the CLI prints."""
        return {"ok": "ok", "caution": "CAUTION", "not_allowed": "NOT ALLOWED"}[self.value]


_VERDICT_RANK = {Verdict.OK: 0, Verdict.CAUTION: 1, Verdict.NOT_ALLOWED: 2}


class Paper(StrEnum):
    LETTER = "letter"
    A4 = "a4"

    @property
    def label(self) -> str:
        return {"letter": "US Letter", "a4": "A4"}[self.value]


class Preference(StrEnum):
    """The organisation's choice for contested person-first / identity-first wording."""

    NEUTRAL = "neutral"
    PERSON_FIRST = "person-first"
    IDENTITY_FIRST = "identity-first"

    @property
    def label(self) -> str:
        return {"neutral": "No preference (flag neither form)",
                "person-first": "Person-first (\u201cperson with autism\u201d)",
                "identity-first": "Identity-first (\u201cautistic person\u201d)"}[self.value]


def values(enum: type[StrEnum]) -> tuple[str, ...]:
    """The text of every member, in definition order (for argparse choices and schemas)."""
    return tuple(m.value for m in enum)
