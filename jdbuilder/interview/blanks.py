"""Named fields in the text of kit packets: "{hours}", "{decision_date}".

Question-bank texts and interviewer scripts name what they need from the project as a field in
braces; a packet fills each from the project (the job description, the kit and its details),
and prints a line to write on where the project has no value, never bracketed text. `build`
lists what could not be filled, and the kit tab shows it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.kit import Interviewer, InterviewKit

FIELD = re.compile(r"\{([a-z_]+)\}")
LINE = "____________"  # printed where the project has no value

# The fields packet text may name, and where each value comes from.
FIELDS: Mapping[str, str] = MappingProxyType({
    "job_title": "the job title (job description)",
    "hours": "the hours (job description)",
    "schedule": "the schedule (job description)",
    "service_area": "the travel area, or else the location (job description)",
    "location": "the work location (job description)",
    "accommodation_contact": "the accommodation contact (job description or Preferences)",
    "interviewer": "the interviewer's name (each packet)",
    "panel": "the other interviewers' names (the kit)",
    "candidate_count": "the number of candidates (the kit)",
    "interview_minutes": "the interview's length (the scripts and the minutes per question)",
    "decision_date": "when the decision will be made (the kit's details)",
    "contact_method": "how candidates will hear the outcome (the kit's details)",
    "notice_period": "the notice asked for planned time off (the kit's details)",
    "commitment": "the shortest commitment asked for, such as 12 months (the kit's details)",
    "restrictive_settings": "the settings where restraint or holds are used (the kit's "
                            "details)",
})
# The fields a user fills in the kit's details (the others come from the project).
DETAILS = ("decision_date", "contact_method", "notice_period", "commitment",
           "restrictive_settings")


def names_in(text: str) -> set[str]:
    return set(FIELD.findall(text))


def unknown_fields(text: str) -> list[str]:
    """Names in braces that are not fields (a typo in content is reported at load)."""
    return sorted(names_in(text) - set(FIELDS))


def _joined(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def kit_values(jd: JobDescription, kit: InterviewKit, *, accommodation_contact: str = "",
               interview_minutes: int = 0) -> dict[str, str]:
    """The values the project holds (packet-specific ones are added per packet)."""
    values = {
        "job_title": jd.title.strip(),
        "hours": jd.hours.strip(),
        "schedule": jd.schedule.strip(),
        "service_area": (jd.location.travel or jd.location.place).strip(),
        "location": jd.location.place.strip(),
        "accommodation_contact": (jd.accommodation_contact or accommodation_contact).strip(),
        "candidate_count": str(len(kit.candidates)) if kit.candidates else "",
        "interview_minutes": str(interview_minutes) if interview_minutes else "",
    }
    values.update({k: " ".join(v.split()) for k, v in kit.details.items() if k in DETAILS})
    return {k: v for k, v in values.items() if v}


def packet_values(values: Mapping[str, str], kit: InterviewKit,
                  interviewer: Interviewer | None) -> dict[str, str]:
    out = dict(values)
    if interviewer is not None and (interviewer.name or interviewer.id).strip():
        out["interviewer"] = (interviewer.name or interviewer.id).strip()
        others = [i.name or i.id for i in kit.interviewers if i.id != interviewer.id]
        if others:
            out["panel"] = _joined(others)
    return out


@dataclass
class Filler:
    """Fills fields from `values`, and remembers which were missing (for `build`'s warnings
    and the kit tab)."""

    values: Mapping[str, str]
    missing: dict[str, str] = field(default_factory=dict)  # field -> where it comes from

    def __call__(self, text: str) -> str:
        def one(m: re.Match[str]) -> str:
            name = m.group(1)
            value = self.values.get(name, "").strip()
            if value:
                return value
            self.missing[name] = FIELDS.get(name, name)
            return LINE

        return FIELD.sub(one, text)


_BRACKETS = re.compile(r"\[[^\]\n]{1,80}\]")


def check_text(value: object) -> str | None:
    """Schema check for content text that packets print: fields must be known, and bracketed
    text (which would print as it is) is refused."""
    if not isinstance(value, str):
        return None
    if _BRACKETS.search(value):
        return ("has text in brackets, which would print as it is: name a field in braces "
                f"instead (one of {', '.join(sorted(FIELDS))})")
    unknown = unknown_fields(value)
    if unknown:
        return (f"names unknown field(s) {', '.join('{' + u + '}' for u in unknown)} "
                f"(known: {', '.join(sorted(FIELDS))})")
    return None
