"""The reference-check guide: questions for a candidate's references, with look-fors, and what
must not be asked of a reference and why (`resources/references/reference-check.yaml`).

The data model and loader only; a printed reference-check packet is composed from it. Every
question is a question put to a reference about the candidate, so it is checked with
`check_reference_question` (the same rules as a question put to the candidate).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jdbuilder.datafile import load_yaml
from jdbuilder.datapaths import resource
from jdbuilder.errors import ContentError
from jdbuilder.schema import Field, validate

MIN_QUESTIONS, MAX_QUESTIONS = 8, 14

_TEXT = Field("text")
_DO_NOT_ASK = {"question": _TEXT, "why": _TEXT}
_NEVER_ASK = {
    "id": Field("id"),
    "topic": _TEXT,
    "why": _TEXT,
    "examples": Field("list", items=_TEXT, min_items=1),
    "source": _TEXT,
}
_QUESTION = {
    "id": Field("id"),
    "text": _TEXT,
    "purpose": _TEXT,
    "look_fors": Field("list", items=_TEXT, min_items=1),
    "do_not_ask": Field("list", items=Field("dict", schema=_DO_NOT_ASK), min_items=1),
    "source": _TEXT,
    "reviewed_on": Field("date"),
}
FILE = {
    "title": _TEXT,
    "purpose": _TEXT,
    "source": _TEXT,
    "reviewed_on": Field("date"),
    "practice": Field("list", items=_TEXT, min_items=1),
    "never_ask": Field("list", items=Field("dict", schema=_NEVER_ASK), min_items=1),
    "questions": Field("list", items=Field("any"), min_items=MIN_QUESTIONS,
                       max_items=MAX_QUESTIONS),
}


@dataclass(frozen=True)
class DoNotAsk:
    """A tempting question that crosses the line, and why it does."""

    question: str
    why: str


@dataclass(frozen=True)
class NeverAsk:
    """A subject no reference may be asked about, with examples and the reason."""

    id: str
    topic: str
    why: str
    examples: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class ReferenceQuestion:
    id: str
    text: str
    purpose: str
    look_fors: tuple[str, ...]
    do_not_ask: tuple[DoNotAsk, ...]
    source: str
    reviewed_on: str


@dataclass(frozen=True)
class ReferenceGuide:
    title: str
    purpose: str
    source: str
    reviewed_on: str
    practice: tuple[str, ...]
    never_ask: tuple[NeverAsk, ...]
    questions: tuple[ReferenceQuestion, ...]

    def question(self, qid: str) -> ReferenceQuestion:
        for q in self.questions:
            if q.id == qid:
                return q
        raise KeyError(qid)


def _date(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _text(value: Any) -> str:
    return " ".join(str(value).split())


def load_reference_guide(path: Path | None = None) -> ReferenceGuide:
    """Read and validate the guide; errors name the file, the entry and the field."""
    p = path or resource("references", "reference-check.yaml")
    data = load_yaml(p)
    problems = validate(data, FILE)
    if problems:
        pr = problems[0]
        raise ContentError(p, pr.reason, field=pr.field, line=pr.line)
    seen: set[str] = set()

    def unique(entry: str) -> None:
        if entry in seen:
            raise ContentError(p, "duplicate id", entry=entry, field="id")
        seen.add(entry)

    never = []
    for item in data["never_ask"]:
        unique(item["id"])
        never.append(NeverAsk(item["id"], _text(item["topic"]), _text(item["why"]),
                              tuple(_text(e) for e in item["examples"]), item["source"]))
    questions = []
    for item in data["questions"]:
        entry = item.get("id") if isinstance(item, Mapping) else None
        problems = validate(item, _QUESTION)
        if problems:
            pr = problems[0]
            raise ContentError(p, pr.reason, entry=entry, field=pr.field, line=pr.line)
        unique(item["id"])
        questions.append(ReferenceQuestion(
            id=item["id"], text=_text(item["text"]), purpose=_text(item["purpose"]),
            look_fors=tuple(_text(x) for x in item["look_fors"]),
            do_not_ask=tuple(DoNotAsk(_text(d["question"]), _text(d["why"]))
                             for d in item["do_not_ask"]),
            source=item["source"], reviewed_on=_date(item["reviewed_on"])))
    return ReferenceGuide(
        title=_text(data["title"]), purpose=_text(data["purpose"]), source=data["source"],
        reviewed_on=_date(data["reviewed_on"]),
        practice=tuple(_text(x) for x in data["practice"]), never_ask=tuple(never),
        questions=tuple(questions))


@cache
def default_reference_guide() -> ReferenceGuide:
    return load_reference_guide()
