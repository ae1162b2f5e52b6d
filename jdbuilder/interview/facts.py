"""The job facts a question rewrite may use (`questions.FACT_KEYS`), read from a job description.

A rewrite names facts as fields (`{schedule}`); `check_question(..., facts=...)` fills them and
shows a blank where a fact is missing. This module finds each fact in the project's job
description, where it is written: hours and schedule fields, the responsibility areas, and the
employment conditions, qualifications and abilities that mention travel, physical demands,
languages or a minimum age. It never makes a fact up: what it cannot find stays missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from jdbuilder.interview.questions import FACT_KEYS
from jdbuilder.model.jobdesc import JobDescription

SETTING_WORDS: Mapping[str, str] = {
    "community": "the community",
    "inpatient": "an inpatient unit",
    "emergency-department": "an emergency department",
    "residential": "a residential program",
    "peer-run": "a peer-run program",
    "school-college": "schools and colleges",
    "justice": "the justice system, such as jails, courts and reentry programs",
}
"""How each library setting id reads in a sentence ("This job is based in ...")."""

_TRAVEL = re.compile(r"\b(travel\w*|driv\w+|vehicle|car\b|transport\w*|home visits?|mileage|"
                     r"fares|commut\w*|between (sites|offices|the two sites))", re.I)
_PHYSICAL = re.compile(
    r"\b(lift\w* (up to |\d)|carry\w* (up to |\d|boxes|supplies|equipment)|standing (for|at|"
    r"during)|stand for (long|up to|\d|extended)|on (your|their|one's) feet|walk\w* (between|"
    r"up to|\d|long distances|several)|climb\w* (stairs|steps)|kneel\w*|\d+ ?(pounds|lbs)|"
    r"physical (demands|requirements|tasks|work))", re.I)
_LANGUAGE = re.compile(r"\b(fluen\w+|bilingual|language|spanish|sign language|asl|speak\w*|"
                       r"interpret\w*|translat\w*)\b", re.I)
_MIN_AGE = re.compile(r"\b(at least|aged?|minimum age of|over) (1[6-9]|2[0-5])\b", re.I)


class JobLike(Protocol):
    """The parts of a job description the facts come from (read only)."""

    @property
    def hours(self) -> str: ...

    @property
    def schedule(self) -> str: ...

    @property
    def areas(self) -> Sequence[Any]: ...

    @property
    def qualifications(self) -> Sequence[Any]: ...

    @property
    def employment_conditions(self) -> Sequence[str]: ...

    @property
    def abilities(self) -> Sequence[str]: ...

    @property
    def extra(self) -> Mapping[str, Any]: ...


def _first(texts: Iterable[str], pattern: re.Pattern[str]) -> str:
    return next((t.strip() for t in texts if t and pattern.search(t)), "")


def _joined(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def facts_from_job(jd: JobLike, *, settings: Sequence[str] = (), location: str = ""
                   ) -> dict[str, str]:
    """The facts found in a job description (only keys of `FACT_KEYS`, only non-empty values).

    `settings` are library setting ids (for example the role template's), `location` the
    workplace if the project records it; `jd.extra` may also hold any fact under its key."""
    conditions = [str(c) for c in jd.employment_conditions]
    quals = [str(getattr(q, "text", q)) for q in jd.qualifications]
    abilities = [str(a) for a in jd.abilities]
    areas = [str(getattr(a, "title", a)).strip() for a in jd.areas]
    found = {
        "hours": jd.hours.strip(),
        "schedule": jd.schedule.strip(),
        "essential_functions": _joined([a[:1].lower() + a[1:] if a[1:2].islower() else a
                                        for a in areas]),
        "travel": _first(conditions + abilities, _TRAVEL),
        "physical_requirements": _first(conditions + abilities + quals, _PHYSICAL),
        "languages": _first(quals + conditions + abilities, _LANGUAGE),
        "setting": _joined([SETTING_WORDS.get(s, s.replace("-", " ")) for s in settings]),
        "location": location.strip(),
        "minimum_age": "",
    }
    age = _MIN_AGE.search(" ".join(conditions + quals))
    if age:
        found["minimum_age"] = age.group(2)
    for key in FACT_KEYS:
        value = jd.extra.get(key) if isinstance(jd.extra, Mapping) else None
        if isinstance(value, str) and value.strip():
            found[key] = value.strip()
    return {k: v for k, v in found.items() if v}


def job_facts(jd: JobDescription, settings: Sequence[str] = ()) -> dict[str, str]:
    """The facts of a job description as the project holds them: what `facts_from_job` finds,
    with the posting facts (location, travel area) where the description states them."""
    found = facts_from_job(jd, settings=settings, location=jd.location.place)
    if "travel" not in found and jd.location.travel.strip():
        found["travel"] = f"travel within {jd.location.travel.strip()}"
    return found
