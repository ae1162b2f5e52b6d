"""The language check: stigmatizing, clinical and coercive wording, and duties that contradict a
peer role. Qt-free; spaCy is imported only by `nlp.py`."""

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
