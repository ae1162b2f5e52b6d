"""The structure check: what the handbook asks a job description to contain, and what is off."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.vocab import Severity

MIN_AREAS = 4
MAX_AREAS = 6

_ABBREVIATIONS = re.compile(
    r"\b(?:e\.g|i\.e|etc|vs|approx|incl|dept|no|st|mr|mrs|ms|dr|jr|sr|u\.s|a\.m|p\.m)\.",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]+[\"')\u201d\u2019]*(?=\s+\S|\s*$)")
_LIVED = re.compile(
    r"\b(lived|personal|own|first-hand|firsthand)\s+(experience|history)|\bin recovery\b"
    r"|\bself-identif",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StructureFinding:
    """One thing the handbook's structure asks for that is missing or off."""

    section: str  # title | reporting | function | areas | area:N | qualifications | conditions
    code: str
    severity: Severity
    message: str


def count_sentences(text: str) -> int:
    """Count sentences, ignoring common abbreviations and decimal points."""
    cleaned = _ABBREVIATIONS.sub("", text.strip())
    if not cleaned:
        return 0
    ends = _SENTENCE_END.findall(cleaned)
    count = len(ends)
    if not cleaned.rstrip().endswith((".", "!", "?", '"', "'", ")", "\u201d", "\u2019")):
        count += 1
    return max(count, 1)


def check_structure(jd: JobDescription) -> list[StructureFinding]:
    """Report what the handbook's job-description structure asks for and is missing or off."""
    out: list[StructureFinding] = []

    def add(section: str, code: str, severity: Severity, message: str) -> None:
        out.append(StructureFinding(section, code, severity, message))

    if not jd.title.strip():
        add("title", "no-title", Severity.ERROR, "The job description has no title.")
    if not [r for r in jd.reports_to if r.strip()]:
        add("reporting", "no-reporting", Severity.ERROR,
            "No reporting relationship: name the job title this position reports to.")
    fn = jd.function.strip()
    if not fn:
        add("function", "no-function", Severity.ERROR,
            "No function statement: sum up the position's main purpose in one sentence.")
    elif count_sentences(fn) > 1:
        add("function", "function-too-long", Severity.WARNING,
            f"The function is {count_sentences(fn)} sentences; the handbook asks for one.")
    n = len(jd.areas)
    if n < MIN_AREAS:
        add("areas", "too-few-areas", Severity.WARNING,
            f"{n} responsibility area(s); the handbook recommends {MIN_AREAS} to {MAX_AREAS}.")
    elif n > MAX_AREAS:
        add("areas", "too-many-areas", Severity.WARNING,
            f"{n} responsibility areas; the handbook recommends {MIN_AREAS} to {MAX_AREAS}.")
    for i, area in enumerate(jd.areas, start=1):
        name = area.title.strip() or f"area {i}"
        if not area.title.strip():
            add(f"area:{i}", "area-no-title", Severity.WARNING,
                f"Responsibility area {i} has no title.")
        if not [d for d in area.duties if d.strip()]:
            add(f"area:{i}", "area-no-duties", Severity.WARNING,
                f"The responsibility area '{name}' has no duties.")
    if not jd.qualifications:
        add("qualifications", "no-qualifications", Severity.ERROR, "No qualifications are listed.")
    else:
        seen_preferred = False
        for q in jd.qualifications:
            if not q.required:
                seen_preferred = True
            elif seen_preferred:
                add("qualifications", "qualifications-order", Severity.WARNING,
                    "Qualifications are not in order: list every required qualification "
                    "before the preferred ones.")
                break
        if not jd.required_qualifications:
            add("qualifications", "no-required", Severity.WARNING,
                "No qualification is marked required.")
        if not any(_LIVED.search(q.text) for q in jd.qualifications):
            add("qualifications", "no-lived-experience", Severity.WARNING,
                "No qualification states the lived-experience requirement explicitly.")
    if not [c for c in jd.employment_conditions if c.strip()]:
        add("conditions", "no-conditions", Severity.WARNING,
            "No employment conditions (hours, schedule, travel, physical or other requirements).")
    if not jd.hours.strip():
        add("reporting", "no-hours", Severity.INFO, "The hours of the position are not stated.")
    return out


def check_posting(jd: JobDescription) -> list[StructureFinding]:
    """What a job ad built from this description needs before it is posted in the US."""
    out: list[StructureFinding] = []
    if not jd.pay.is_set:
        out.append(StructureFinding(
            "posting", "no-pay", Severity.WARNING,
            "No pay range. Several US states and cities require the pay range in every job "
            "posting (pay-transparency laws), and a range helps people decide whether to "
            "apply."))
    elif not jd.pay.is_range:
        out.append(StructureFinding(
            "posting", "no-pay-range", Severity.WARNING,
            "Only one pay figure. Pay-transparency laws in several states ask for the range: "
            "give the minimum and the maximum."))
    if not jd.apply.strip():
        out.append(StructureFinding(
            "posting", "no-apply", Severity.WARNING,
            "No way to apply is stated: say where and how to apply (the ad otherwise prints "
            "a general line), and that other ways to apply can be arranged."))
    return out
