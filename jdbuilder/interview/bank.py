"""The question bank: structured-interview questions with probes, look-fors and anchors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jdbuilder.datafile import load_yaml
from jdbuilder.datapaths import resource
from jdbuilder.errors import ContentError
from jdbuilder.interview.blanks import check_text
from jdbuilder.library.schemas import ROLE_IDS
from jdbuilder.schema import Field, validate

SECTIONS = {
    "lived-experience": "Lived experience and peer values",
    "peer-skills": "Peer-role skills",
    "settings-dependability": "Settings and dependability",
    "scenarios": "Scenarios: what may need unlearning",
}
COMPETENCIES = (
    "sharing-lived-experience", "mutuality", "self-determination", "advocacy", "change-agent",
    "boundaries", "group-facilitation", "dependability", "teamwork",
    "trauma-informed-practice", "cultural-humility", "communication", "recovery-orientation",
    "unlearning-the-fixer-reflex", "supervision-and-growth", "leadership",
)

_TEXT = Field("text")
_PRINTED = Field("text", check=check_text)  # may name {fields}; never [brackets]
QUESTION = {
    "id": Field("id"),
    "text": _PRINTED,
    "competency": Field("str", choices=frozenset(COMPETENCIES)),
    "roles": Field("list", items=Field("str", choices=ROLE_IDS | {"all"}), min_items=1),
    "probes": Field("list", items=_PRINTED, min_items=2, max_items=3),
    "good_answer": Field("list", items=_TEXT, min_items=1),
    "red_flags": Field("list", items=_TEXT, min_items=1),
    "anchors": Field("map", values=_TEXT,
                     check=lambda v: None if set(map(str, v)) == {"1", "3", "5"}
                     else "needs exactly the anchors 1, 3 and 5"),
    "interviewer_note": Field("str", required=False),
    "source": _TEXT,
    "reviewed_on": Field("date"),
    "reviewed_by": Field("str", required=False),
}
FILE = {
    "section": Field("str", choices=frozenset(SECTIONS)),
    "title": _TEXT,
    "questions": Field("list", items=Field("any"), min_items=1),
}


@dataclass(frozen=True)
class BankQuestion:
    id: str
    section: str
    text: str
    competency: str
    roles: tuple[str, ...]
    probes: tuple[str, ...]
    good_answer: tuple[str, ...]
    red_flags: tuple[str, ...]
    anchors: Mapping[int, str]
    interviewer_note: str
    source: str
    reviewed_on: str

    def suits_role(self, role_id: str) -> bool:
        return "all" in self.roles or role_id in self.roles


def load_bank(folder: Path | None = None) -> list[BankQuestion]:
    base = folder or resource("questions")
    out: list[BankQuestion] = []
    seen: set[str] = set()
    for path in sorted(base.glob("*.yaml")):
        data = load_yaml(path)
        problems = validate(data, FILE)
        if problems:
            p = problems[0]
            raise ContentError(path, p.reason, field=p.field, line=p.line)
        for item in data["questions"]:
            entry = item.get("id") if isinstance(item, Mapping) else None
            problems = validate(item, QUESTION)
            if problems:
                p = problems[0]
                raise ContentError(path, p.reason, entry=entry, field=p.field, line=p.line)
            if item["id"] in seen:
                raise ContentError(path, "duplicate question id", entry=entry, field="id")
            seen.add(item["id"])
            reviewed = item["reviewed_on"]
            out.append(BankQuestion(
                id=item["id"], section=data["section"], text=item["text"].strip(),
                competency=item["competency"], roles=tuple(item["roles"]),
                probes=tuple(item["probes"]), good_answer=tuple(item["good_answer"]),
                red_flags=tuple(item["red_flags"]),
                anchors={int(k): str(v) for k, v in item["anchors"].items()},
                interviewer_note=(item.get("interviewer_note") or "").strip(),
                source=item["source"],
                reviewed_on=reviewed.isoformat() if isinstance(reviewed, dt.date)
                else str(reviewed),
            ))
    return out


@cache
def default_bank() -> tuple[BankQuestion, ...]:
    return tuple(load_bank())
