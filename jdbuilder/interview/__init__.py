"""Interview kits: the pre-offer question checker, the question bank, guides and scoring."""

from jdbuilder.interview.questions import QuestionVerdict, check_question

__all__ = ["QuestionVerdict", "check_question"]
