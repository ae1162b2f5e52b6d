"""Interviewer scripts: what the panel says when it opens and closes every interview.

`resources/interview/scripts.yaml` holds one `opening` and one `closing` script, each with a
title, the minutes to allow, the steps read to the candidate in order, and its source. Every
candidate hears the same words; `[brackets]` mark what the panel fills in beforehand.
"""

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
from jdbuilder.schema import Field, validate

SCRIPT_IDS = ("opening", "closing")
MAX_MINUTES = 30

_TEXT = Field("text")
SCRIPT = {
    "id": Field("str", choices=frozenset(SCRIPT_IDS)),
    "title": _TEXT,
    "minutes": Field("int", check=lambda v: None if 1 <= v <= MAX_MINUTES
                     else f"must be between 1 and {MAX_MINUTES}"),
    "steps": Field("list", items=Field("text", check=check_text), min_items=2),
    "source": _TEXT,
    "reviewed_on": Field("date"),
    "reviewed_by": Field("str", required=False),
}
FILE = {"scripts": Field("list", items=Field("any"), min_items=1)}


@dataclass(frozen=True)
class InterviewScript:
    id: str  # opening | closing
    title: str
    minutes: int
    steps: tuple[str, ...]
    source: str
    reviewed_on: str


def scripts_path() -> Path:
    return resource("interview", "scripts.yaml")


def load_scripts(path: Path | None = None) -> dict[str, InterviewScript]:
    """The opening and closing scripts, by id; a broken file raises `ContentError`."""
    path = path or scripts_path()
    data = load_yaml(path)
    problems = validate(data, FILE)
    if problems:
        p = problems[0]
        raise ContentError(path, p.reason, field=p.field, line=p.line)
    out: dict[str, InterviewScript] = {}
    for item in data["scripts"]:
        entry = item.get("id") if isinstance(item, Mapping) else None
        problems = validate(item, SCRIPT)
        if problems:
            p = problems[0]
            raise ContentError(path, p.reason, entry=entry, field=p.field, line=p.line)
        if item["id"] in out:
            raise ContentError(path, "duplicate script id", entry=entry, field="id",
                               line=getattr(item, "line", None))
        reviewed = item["reviewed_on"]
        out[item["id"]] = InterviewScript(
            id=item["id"], title=item["title"].strip(), minutes=item["minutes"],
            steps=tuple(s.strip() for s in item["steps"]), source=item["source"],
            reviewed_on=reviewed.isoformat() if isinstance(reviewed, dt.date) else str(reviewed),
        )
    missing = [i for i in SCRIPT_IDS if i not in out]
    if missing:
        raise ContentError(path, "missing script(s): " + ", ".join(missing), field="scripts")
    return out


@cache
def default_scripts() -> Mapping[str, InterviewScript]:
    """The shipped scripts (loaded once)."""
    return load_scripts()


def opening_and_closing() -> tuple[InterviewScript, InterviewScript]:
    """The two scripts a kit packet prints before the first and after the last question."""
    scripts = default_scripts()
    return scripts["opening"], scripts["closing"]


def planned_minutes(question_minutes: int) -> int:
    """Total interview length: the opening, the questions and the closing."""
    opening, closing = opening_and_closing()
    return opening.minutes + question_minutes + closing.minutes
