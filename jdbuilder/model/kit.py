"""The interview kit: questions, the rating scale, weights, interviewers, candidates, scores.

Stored in the project file under "interview_kit". Candidates are identified by an ID; their
names live only in the separate name key, which is printed as its own document and never in
packets. Choosing questions from the bank and checking them is in `jdbuilder.interview`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from jdbuilder.model.serial import Json, checked, obj_list, split_known, text, text_list
from jdbuilder.vocab import Severity

SCALE = (1, 2, 3, 4, 5)
DEFAULT_ANCHORS = {
    1: "Does not show the competency; answer is off-track or raises concerns.",
    3: "Shows the competency in a general way; some relevant detail.",
    5: "Shows the competency clearly, with a specific, relevant example and reflection.",
}


MAX_QUESTIONS = 200
MAX_INTERVIEWERS = 50
MAX_CANDIDATES = 500
MAX_SCORES = 100_000
MAX_WEIGHT = 100.0
NAME_LIMIT = 200  # characters of a name or an id


def _num(data: Mapping[str, Any], key: str, default: float) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"'{key}' should be a number")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"'{key}' should be a finite number, not {value}")
    return number


@dataclass
class KitQuestion:
    id: str
    text: str
    section: str = "custom"
    competency: str = ""
    bank_id: str = ""
    weight: float = 1.0
    areas: list[str] = field(default_factory=list)
    probes: list[str] = field(default_factory=list)
    good_answer: list[str] = field(default_factory=list)
    red_flags: list[str] = field(default_factory=list)
    anchors: dict[int, str] = field(default_factory=lambda: dict(DEFAULT_ANCHORS))
    note: str = ""
    extra: Json = field(default_factory=dict)

    _FIELDS = ("id", "text", "section", "competency", "bank_id", "weight", "areas", "probes",
               "good_answer", "red_flags", "anchors", "note")

    def to_dict(self) -> Json:
        return {"id": self.id, "text": self.text, "section": self.section,
                "competency": self.competency, "bank_id": self.bank_id, "weight": self.weight,
                "areas": list(self.areas), "probes": list(self.probes),
                "good_answer": list(self.good_answer), "red_flags": list(self.red_flags),
                "anchors": {str(k): v for k, v in self.anchors.items()}, "note": self.note,
                **self.extra}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> KitQuestion:
        _, extra = split_known(data, cls._FIELDS)
        anchors_raw = data.get("anchors") or {}
        if not isinstance(anchors_raw, Mapping):
            raise TypeError("'anchors' should be an object")
        anchors = {int(k): str(v) for k, v in anchors_raw.items()} or dict(DEFAULT_ANCHORS)
        weight = _num(data, "weight", 1.0)
        if not 0 < weight <= MAX_WEIGHT:
            raise ValueError(f"a question weight must be greater than zero and at most "
                             f"{MAX_WEIGHT:g}, not {weight:g}")
        return cls(id=text(data, "id", limit=NAME_LIMIT), text=text(data, "text"),
                   section=text(data, "section", "custom"),
                   competency=text(data, "competency"), bank_id=text(data, "bank_id"),
                   weight=weight, areas=text_list(data, "areas"),
                   probes=text_list(data, "probes"), good_answer=text_list(data, "good_answer"),
                   red_flags=text_list(data, "red_flags"), anchors=anchors,
                   note=text(data, "note"), extra=extra)


@dataclass
class Interviewer:
    id: str
    name: str
    questions: list[str] = field(default_factory=list)  # assigned question ids; empty = all

    def to_dict(self) -> Json:
        return {"id": self.id, "name": self.name, "questions": list(self.questions)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Interviewer:
        return cls(id=text(data, "id", limit=NAME_LIMIT), name=text(data, "name",
                                                                     limit=NAME_LIMIT),
                   questions=text_list(data, "questions", max_items=MAX_QUESTIONS))


@dataclass
class ScoreEntry:
    interviewer: str
    candidate: str
    question: str
    score: int
    note: str = ""

    def to_dict(self) -> Json:
        return {"interviewer": self.interviewer, "candidate": self.candidate,
                "question": self.question, "score": self.score, "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoreEntry:
        score = data.get("score")
        if isinstance(score, bool) or not isinstance(score, int) or score not in SCALE:
            raise ValueError(f"score {score!r} is not a whole number from 1 to 5")
        return cls(text(data, "interviewer"), text(data, "candidate"), text(data, "question"),
                   score, text(data, "note"))


@dataclass
class Consensus:
    candidate: str
    question: str
    score: int
    note: str = ""

    def to_dict(self) -> Json:
        return {"candidate": self.candidate, "question": self.question, "score": self.score,
                "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Consensus:
        score = data.get("score")
        if isinstance(score, bool) or not isinstance(score, int) or score not in SCALE:
            raise ValueError(f"agreed score {score!r} is not a whole number from 1 to 5")
        return cls(text(data, "candidate"), text(data, "question"), score, text(data, "note"))


@dataclass(frozen=True)
class KitProblem:
    """Something to fix before the kit is used: a code to act on and a message to show."""

    UNJUSTIFIED_WEIGHTS: ClassVar[str] = "unjustified-weights"
    DUPLICATE_IDS: ClassVar[str] = "duplicate-ids"
    UNKNOWN_ASSIGNMENT: ClassVar[str] = "unknown-assignment"
    UNKNOWN_SCORE: ClassVar[str] = "unknown-score"

    code: str
    message: str
    severity: Severity = Severity.WARNING

    def __str__(self) -> str:
        return self.message


@dataclass
class InterviewKit:
    questions: list[KitQuestion] = field(default_factory=list)
    weight_justification: str = ""
    interviewers: list[Interviewer] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)  # candidate IDs
    name_key: dict[str, str] = field(default_factory=dict)  # ID -> name, kept apart
    scores: list[ScoreEntry] = field(default_factory=list)
    consensus: list[Consensus] = field(default_factory=list)
    # What the packets say that the job description cannot: the decision date, how candidates
    # will hear, the notice period for time off ... (jdbuilder.interview.blanks names them).
    details: dict[str, str] = field(default_factory=dict)
    question_minutes: int = 5  # planned minutes per question, for the timings
    extra: Json = field(default_factory=dict)

    _FIELDS = ("questions", "weight_justification", "interviewers", "candidates", "name_key",
               "scores", "consensus", "details", "question_minutes")

    def number(self, qid: str) -> int:
        """The question's number, the same in every document (its place in the kit)."""
        for i, q in enumerate(self.questions, start=1):
            if q.id == qid:
                return i
        raise KeyError(qid)

    def question(self, qid: str) -> KitQuestion | None:
        return next((q for q in self.questions if q.id == qid), None)

    def questions_for(self, interviewer_id: str) -> list[KitQuestion]:
        iv = next((i for i in self.interviewers if i.id == interviewer_id), None)
        if iv is None or not iv.questions:
            return list(self.questions)
        wanted = set(iv.questions)
        return [q for q in self.questions if q.id in wanted]

    @property
    def unequal_weights(self) -> bool:
        return len({q.weight for q in self.questions}) > 1

    def problems(self) -> list[KitProblem]:
        """What must be fixed before the kit is used."""
        out = []
        if self.unequal_weights and not self.weight_justification.strip():
            out.append(KitProblem(KitProblem.UNJUSTIFIED_WEIGHTS, "Questions have unequal "
                                  "weights: write a justification for them."))
        ids = [q.id for q in self.questions]
        if len(ids) != len(set(ids)):
            out.append(KitProblem(KitProblem.DUPLICATE_IDS, "Two questions share an id."))
        known = set(ids)
        for iv in self.interviewers:
            missing = [q for q in iv.questions if q not in known]
            if missing:
                out.append(KitProblem(KitProblem.UNKNOWN_ASSIGNMENT,
                                      f"Interviewer {iv.name or iv.id} is assigned unknown "
                                      f"questions: {', '.join(missing)}."))
        for s in self.scores:
            if s.question not in known or s.candidate not in self.candidates:
                out.append(KitProblem(KitProblem.UNKNOWN_SCORE,
                                      f"A score refers to an unknown question or candidate "
                                      f"({s.candidate}, {s.question})."))
        return out

    def to_dict(self) -> Json:
        return {"questions": [q.to_dict() for q in self.questions],
                "weight_justification": self.weight_justification,
                "interviewers": [i.to_dict() for i in self.interviewers],
                "candidates": list(self.candidates), "name_key": dict(self.name_key),
                "scores": [s.to_dict() for s in self.scores],
                "consensus": [c.to_dict() for c in self.consensus],
                "details": dict(self.details), "question_minutes": self.question_minutes,
                **self.extra}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> InterviewKit:
        if not data:
            return cls()
        _, extra = split_known(data, cls._FIELDS)
        key = data.get("name_key") or {}
        if not isinstance(key, Mapping) or not all(isinstance(v, str) for v in key.values()):
            raise TypeError("'name_key' should map candidate IDs to names")
        for k, v in key.items():
            checked(str(k), "name_key", NAME_LIMIT)
            checked(v, "name_key", NAME_LIMIT)
        details = data.get("details") or {}
        if not isinstance(details, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in details.items()):
            raise TypeError("'details' should map names to text")
        minutes = data.get("question_minutes", 5)
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 60:
            raise ValueError("'question_minutes' should be a whole number from 1 to 60")
        return cls(
            questions=[KitQuestion.from_dict(q)
                       for q in obj_list(data, "questions", MAX_QUESTIONS)],
            weight_justification=text(data, "weight_justification"),
            interviewers=[Interviewer.from_dict(i)
                          for i in obj_list(data, "interviewers", MAX_INTERVIEWERS)],
            candidates=text_list(data, "candidates", NAME_LIMIT, MAX_CANDIDATES),
            name_key={str(k): v for k, v in key.items()},
            scores=[ScoreEntry.from_dict(s) for s in obj_list(data, "scores", MAX_SCORES)],
            consensus=[Consensus.from_dict(c)
                       for c in obj_list(data, "consensus", MAX_SCORES)],
            details=dict(details), question_minutes=minutes,
            extra=extra,
        )


