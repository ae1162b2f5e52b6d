"""The job ad: short, in the handbook's style, generated from a job description and editable.

Title and hours; what the person will do in two or three sentences; required and preferred
qualifications (the lived-experience requirement worded explicitly); how to apply; and an
equal-opportunity line that welcomes people with disabilities and lived experience.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.serial import Json, split_known, text, text_list

DEFAULT_APPLY = ("To apply, send a cover letter and a résumé, or ask us for another way to "
                 "apply that works better for you.")


def equal_opportunity_line(organisation: str = "") -> str:
    who = organisation.strip() or "We"
    verb = "is" if organisation.strip() else "are"
    return (f"{who} {verb} an equal opportunity employer. We welcome applications from people "
            "with disabilities and from people with lived experience of mental health "
            "conditions, trauma, substance use or the justice system, and we provide "
            "reasonable accommodations during hiring on request.")


@dataclass
class JobAd:
    title: str = ""
    hours: str = ""
    summary: str = ""
    required: list[str] = field(default_factory=list)
    preferred: list[str] = field(default_factory=list)
    how_to_apply: str = DEFAULT_APPLY
    equal_opportunity: str = field(default_factory=equal_opportunity_line)
    extra: Json = field(default_factory=dict)

    _FIELDS = ("title", "hours", "summary", "required", "preferred", "how_to_apply",
               "equal_opportunity")

    def to_dict(self) -> Json:
        return {"title": self.title, "hours": self.hours, "summary": self.summary,
                "required": list(self.required), "preferred": list(self.preferred),
                "how_to_apply": self.how_to_apply,
                "equal_opportunity": self.equal_opportunity, **self.extra}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JobAd:
        _, extra = split_known(data, cls._FIELDS)
        return cls(title=text(data, "title"), hours=text(data, "hours"),
                   summary=text(data, "summary"), required=text_list(data, "required"),
                   preferred=text_list(data, "preferred"),
                   how_to_apply=text(data, "how_to_apply", DEFAULT_APPLY),
                   equal_opportunity=text(data, "equal_opportunity",
                                          equal_opportunity_line()),
                   extra=extra)


def _sentence(s: str) -> str:
    s = s.strip()
    if not s:
        return s
    s = s[0].upper() + s[1:]
    return s if s.endswith((".", "!", "?")) else s + "."


def _lower_first(s: str) -> str:
    if len(s) > 1 and s[0].isupper() and not s[1].isupper():
        return s[0].lower() + s[1:]
    return s


_ROLE_SUBJECT = re.compile(r"^(the|our|this|a|an)\s+[^,]{0,60}?\s+(is|will|provides|offers|"
                           r"supports|works|draws|brings|helps|walks|meets|connects|uses|"
                           r"leads|coordinates|builds|shares)\b", re.IGNORECASE)


_VERB_LIST = re.compile(r"^[^,.;]{0,40}?(,| and| or) (\w+ )?\w+s\b(?! of)")


def _you_form(function: str) -> str:
    """"The Peer Specialist offers ..." -> "You will offer ..." where the form is regular."""
    m = _ROLE_SUBJECT.match(function.strip())
    if not m:
        return _sentence(function)
    verb = m.group(2).lower()
    rest = function.strip()[m.end():]
    if _VERB_LIST.match(rest):
        # "builds up, supports and speaks for ...": a list of verbs reads better unchanged.
        return _sentence(function)
    base = {"is": "be", "will": "", "provides": "provide", "offers": "offer",
            "supports": "support", "works": "work", "draws": "draw", "brings": "bring",
            "helps": "help", "walks": "walk", "meets": "meet", "connects": "connect",
            "uses": "use", "leads": "lead", "coordinates": "coordinate", "builds": "build",
            "shares": "share"}[verb]
    head, tail = rest[:30], rest[30:]
    rest = re.sub(r"\b(their|his or her|his|her) own\b", "your own", head, count=1) + tail
    body = f"{base}{rest}".strip() if base else rest.strip()
    return _sentence(f"You will {body}")


def generate_ad(jd: JobDescription, *, organisation: str = "",
                how_to_apply: str = "") -> JobAd:
    """A short ad from a job description; every part stays editable afterwards."""
    hours = jd.hours.strip()
    if jd.schedule.strip():
        hours = f"{hours} ({jd.schedule.strip()})" if hours else jd.schedule.strip()
    parts = []
    if jd.function.strip():
        parts.append(_you_form(jd.function))
    areas = [_lower_first(a.title.strip()) for a in jd.areas if a.title.strip()]
    if areas:
        shown = areas[:4]
        listed = "; ".join(shown[:-1]) + ("; and " if len(shown) > 1 else "") + shown[-1]
        parts.append(_sentence(f"The main areas of the work are {listed}"))
    if jd.reports_to:
        parts.append(_sentence(f"You will report to the {jd.reports_to[0]}"))
    return JobAd(
        title=jd.title,
        hours=hours,
        summary=" ".join(parts[:3]),
        required=[q.text for q in jd.required_qualifications],
        preferred=[q.text for q in jd.preferred_qualifications],
        how_to_apply=how_to_apply.strip() or DEFAULT_APPLY,
        equal_opportunity=equal_opportunity_line(organisation),
    )
