"""The language check: stigmatizing, clinical and coercive wording, and duties that contradict a
peer role. Qt-free; spaCy is imported only by `nlp.py`.

The public names load lazily, so importing `jdbuilder.language.policy` (as settings do) never
loads spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jdbuilder.language.checker import (
        CheckReport,
        Finding,
        apply_suggestion,
        check,
        check_many,
        check_report,
    )
    from jdbuilder.language.policy import Policy

__all__ = ["CheckReport", "Finding", "Policy", "apply_suggestion", "check", "check_many",
           "check_report"]


def __getattr__(name: str) -> Any:
    if name == "Policy":
        from jdbuilder.language.policy import Policy

        return Policy
    if name in __all__:
        from jdbuilder.language import checker

        return getattr(checker, name)
    raise AttributeError(f"module 'jdbuilder.language' has no attribute {name!r}")
