"""The job ad: short, in the handbook's style, generated from a job description and editable.

Title and hours; what the person will do in two or three sentences; required and preferred
qualifications (the lived-experience requirement worded explicitly); how to apply; and an
equal-opportunity line that welcomes people with disabilities and lived experience, with the
line that names whom to ask for an accommodation. The posting facts (pay, location, FLSA
status, employment type, closing date) print straight from the description.

The ad follows the description. `basis` keeps, for each generated part, the text it was
generated as: a part still equal to its basis was not edited and is regenerated whenever the
description changes (`refresh_ad`); an edited part is kept, and is out of date when what the
description would generate now differs from its basis. The equal-opportunity and accommodation
lines are the organization's boilerplate: never edited, always regenerated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.serial import Json, split_known, text, text_list

DEFAULT_APPLY = ("To apply, send a cover letter and a résumé, or ask us for another way to "
                 "apply that works better for you.")
# Parts generated from the description that a user may edit; the boilerplate is locked.
EDITABLE = ("title", "hours", "summary", "required", "preferred", "how_to_apply")
LOCKED = ("equal_opportunity", "accommodation")


def equal_opportunity_line(organisation: str = "", statement: str = "") -> str:
    """The organization's own EEO statement, or one that welcomes lived experience."""
    if statement.strip():
        return " ".join(statement.split())
    who = organisation.strip() or "We"
    verb = "is" if organisation.strip() else "are"
    return (f"{who} {verb} an equal opportunity employer. We welcome applications from people "
            "with disabilities and from people with lived experience of mental health "
            "conditions, trauma, substance use or the justice system, and we provide "
            "reasonable accommodations during hiring on request.")


def accommodation_line(contact: str = "") -> str:
    """The line that names whom to ask for an accommodation during hiring."""
    if contact.strip():
        return (f"To ask for a reasonable accommodation at any step of hiring, contact "
                f"{' '.join(contact.split())}.")
    return ("To ask for a reasonable accommodation at any step of hiring, tell us when you "
            "apply or at any time after.")


@dataclass(frozen=True)
class Employer:
    """What the organization's settings add to every ad: its name, its EEO statement and the
    default accommodation contact (a job description's own contact comes first)."""

    organisation: str = ""
    eeo_statement: str = ""
    accommodation_contact: str = ""


@dataclass
class JobAd:
    title: str = ""
    hours: str = ""
    summary: str = ""
    required: list[str] = field(default_factory=list)
    preferred: list[str] = field(default_factory=list)
    how_to_apply: str = DEFAULT_APPLY
    equal_opportunity: str = field(default_factory=equal_opportunity_line)
    accommodation: str = field(default_factory=accommodation_line)
    basis: Json = field(default_factory=dict)  # part -> the text it was generated as
    extra: Json = field(default_factory=dict)

    _FIELDS = ("title", "hours", "summary", "required", "preferred", "how_to_apply",
               "equal_opportunity", "accommodation", "basis")

    def to_dict(self) -> Json:
        return {"title": self.title, "hours": self.hours, "summary": self.summary,
                "required": list(self.required), "preferred": list(self.preferred),
                "how_to_apply": self.how_to_apply,
                "equal_opportunity": self.equal_opportunity,
                "accommodation": self.accommodation, "basis": dict(self.basis), **self.extra}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JobAd:
        _, extra = split_known(data, cls._FIELDS)
        basis = data.get("basis") or {}
        if not isinstance(basis, Mapping):
            raise ValueError("'basis' should be an object")
        for key, value in basis.items():
            if key not in EDITABLE:
                raise ValueError(f"'basis' has an unknown part '{key}'")
            if not (isinstance(value, str) or (isinstance(value, list)
                    and all(isinstance(v, str) for v in value))):
                raise ValueError(f"'basis.{key}' should be text or a list of text")
        return cls(title=text(data, "title"), hours=text(data, "hours"),
                   summary=text(data, "summary"), required=text_list(data, "required"),
                   preferred=text_list(data, "preferred"),
                   how_to_apply=text(data, "how_to_apply", DEFAULT_APPLY),
                   equal_opportunity=text(data, "equal_opportunity",
                                          equal_opportunity_line()),
                   accommodation=text(data, "accommodation", accommodation_line()),
                   basis=dict(basis), extra=extra)

    def part(self, name: str) -> str | list[str]:
        value: str | list[str] = getattr(self, name)
        return list(value) if isinstance(value, list) else value

    def edited(self, name: str) -> bool:
        """The part differs from the text it was generated as (or has no record of it)."""
        return name not in self.basis or self.basis[name] != self.part(name)


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


def _generated(jd: JobDescription, employer: Employer, how_to_apply: str = "") -> JobAd:
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
    contact = jd.accommodation_contact.strip() or employer.accommodation_contact
    return JobAd(
        title=jd.title,
        hours=hours,
        summary=" ".join(parts[:3]),
        required=[q.text for q in jd.required_qualifications],
        preferred=[q.text for q in jd.preferred_qualifications],
        how_to_apply=how_to_apply.strip() or jd.apply.strip() or DEFAULT_APPLY,
        equal_opportunity=equal_opportunity_line(employer.organisation,
                                                 employer.eeo_statement),
        accommodation=accommodation_line(contact),
    )


def generate_ad(jd: JobDescription, *, organisation: str = "", how_to_apply: str = "",
                employer: Employer | None = None) -> JobAd:
    """A short ad from a job description; every editable part stays editable afterwards and
    follows the description until it is edited."""
    who = employer or Employer(organisation=organisation)
    ad = _generated(jd, who, how_to_apply)
    ad.basis = {name: ad.part(name) for name in EDITABLE}
    return ad


@dataclass(frozen=True)
class Refreshed:
    ad: JobAd
    stale: tuple[str, ...]  # edited parts whose source in the description has changed since
    updated: tuple[str, ...]  # parts regenerated because the description changed


def refresh_ad(ad: JobAd, jd: JobDescription, employer: Employer | None = None) -> Refreshed:
    """The ad brought up to date with the description: parts that were not edited follow it,
    edited parts are kept (and listed as stale when their source changed), the boilerplate is
    regenerated. The given ad is not changed."""
    fresh = _generated(jd, employer or Employer())
    out = replace(ad, required=list(ad.required), preferred=list(ad.preferred),
                  basis=dict(ad.basis), extra=dict(ad.extra),
                  equal_opportunity=fresh.equal_opportunity, accommodation=fresh.accommodation)
    stale: list[str] = []
    updated: list[str] = []
    for name in EDITABLE:
        now = fresh.part(name)
        if name not in ad.basis:
            # An ad from before parts were tracked: a part that equals what the description
            # generates follows it from now on; any other part counts as edited, with no
            # record of its source, so it is kept and never called out of date.
            if ad.part(name) == now:
                out.basis[name] = now
            continue
        if not ad.edited(name):
            if ad.part(name) != now:
                setattr(out, name, now)
                updated.append(name)
            out.basis[name] = now
        elif ad.basis[name] != now:
            stale.append(name)
    return Refreshed(out, tuple(stale), tuple(updated))


def accept_current(ad: JobAd, name: str, jd: JobDescription,
                   employer: Employer | None = None) -> JobAd:
    """Keep an edited part as it is and mark it up to date with the description."""
    out = replace(ad, basis=dict(ad.basis))
    out.basis[name] = _generated(jd, employer or Employer()).part(name)
    return out


def use_generated(ad: JobAd, name: str, jd: JobDescription,
                  employer: Employer | None = None) -> JobAd:
    """Replace a part with what the description generates now; it follows again."""
    now = _generated(jd, employer or Employer()).part(name)
    out = replace(ad, basis=dict(ad.basis), required=list(ad.required),
                  preferred=list(ad.preferred))
    setattr(out, name, now)
    out.basis[name] = now
    return out
