"""Interview kits: the pre-offer question checker, the question bank, the reference-check guide,
guides and scoring."""

from jdbuilder.interview.questions import (
    BLANK,
    FACT_KEYS,
    QuestionVerdict,
    check_probe,
    check_question,
    check_reference_question,
    check_with_probes,
)

__all__ = ["BLANK", "FACT_KEYS", "QuestionVerdict", "check_probe", "check_question",
           "check_reference_question", "check_with_probes"]
