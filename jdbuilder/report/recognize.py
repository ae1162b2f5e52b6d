"""Recognizing the parts of a job description in plain text (a Word file's paragraphs, a text
or Markdown file's lines), so the report can count duties and run the structure check on
documents that are not projects.

The heuristic, line by line (a line is a paragraph of a Word file):

- A **heading** is a short line (at most eight words, no sentence-ending period; a trailing
  colon is allowed; Markdown `#` marks and `**bold**` marks are ignored) whose words, after
  dropping leading qualifiers such as "key", "essential", "job", "position", "minimum", name a
  known section: the function ("Function", "Purpose", "Position summary", "About the role"),
  the duties ("Responsibilities", "Duties", "Essential functions", "What you will do"), the
  qualifications ("Qualifications", "Requirements", "Required", "Preferred", "What you
  bring"), employment conditions ("Working conditions", "Physical demands"), abilities
  ("Abilities and attributes", "Competencies"), reporting ("Reporting relationships") or a
  section that is none of these and ends the one before ("Benefits", "How to apply", "About
  us", "Equal opportunity").
- Under the duties heading, a short line without closing punctuation that is followed by a
  longer line is a **responsibility area** title (in Markdown, a deeper heading); every other
  line of three words or more is a **duty**. The duties end at the next known heading (or a
  Markdown heading at the same or a higher level).
- Lines under the qualifications heading are qualifications; those under a "Preferred" (or
  "Desired", "Nice to have") heading are preferred, the others required.
- "Reports to: ...", "Supervises: ...", "Hours: ..." and "Schedule: ..." lines are read
  anywhere; "Function: ..." or "Purpose: ..." on one line is the function.
- A document is **recognized as a job description** when at least three of these four are
  found: a function, duties, qualifications, a "Reports to" line. (A job ad usually has duties
  and qualifications only, and is not held to the job-description structure.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jdbuilder.model.jobdesc import JobDescription, Qualification, ResponsibilityArea

FUNCTION = "function"
DUTIES = "duties"
QUALIFICATIONS = "qualifications"
CONDITIONS = "conditions"
ABILITIES = "abilities"
REPORTING = "reporting"
OTHER = "other"

MAX_HEADING_WORDS = 8

_KINDS: dict[str, tuple[str, ...]] = {
    FUNCTION: (
        "function", "purpose", "summary", "overview", "about the role", "about this role",
        "about the position", "about this position", "about the job", "about this job",
        "about the opportunity", "the role", "role", "description", "general description",
        "position description summary", "mission of the position",
    ),
    DUTIES: (
        "responsibilities", "duties", "duties and responsibilities",
        "responsibilities and duties", "functions", "tasks", "accountabilities",
        "responsibility areas", "areas of responsibility", "what you will do",
        "what you'll do", "what you will be doing", "what you'll be doing",
        "what you will be responsible for", "what you'll be responsible for",
        "in this role you will", "in this role, you will", "you will", "day to day",
        "a day in the life", "scope of work", "the work", "what the job involves",
        "what the role involves", "job duties", "duties include",
    ),
    QUALIFICATIONS: (
        "qualifications", "requirements", "required", "preferred", "desired", "desirable",
        "required qualifications", "preferred qualifications", "desired qualifications",
        "qualifications required", "qualifications preferred", "education and experience",
        "experience and education", "skills and qualifications", "qualifications and skills",
        "skills and experience", "experience and skills", "what you bring", "what you'll bring",
        "what you will bring", "what we're looking for", "what we are looking for",
        "who you are", "about you", "you have", "experience", "education", "skills",
        "must have", "must haves", "must-haves", "nice to have", "nice to haves",
        "nice-to-haves", "bonus points", "licenses and certifications", "certifications",
        "credentials", "minimum requirements", "preferred requirements",
    ),
    CONDITIONS: (
        "employment conditions", "conditions of employment", "working conditions",
        "work conditions", "physical demands", "physical requirements", "work environment",
        "working environment", "schedule", "work schedule", "hours and schedule", "travel",
        "other requirements", "special requirements", "conditions",
    ),
    ABILITIES: (
        "abilities and attributes", "abilities", "attributes", "personal attributes",
        "competencies", "knowledge skills and abilities", "knowledge, skills and abilities",
        "skills and abilities", "personal qualities", "qualities",
    ),
    REPORTING: (
        "reporting relationships", "reporting relationship", "reporting", "supervision",
        "reports to", "reporting structure", "supervisory responsibilities",
    ),
    OTHER: (
        "about us", "about the organization", "about the organisation", "about the company",
        "about the agency", "about our organization", "who we are", "our mission", "mission",
        "our values", "values", "benefits", "what we offer", "compensation", "pay", "salary",
        "compensation and benefits", "pay and benefits", "salary and benefits", "perks",
        "why join us", "why work with us", "how to apply", "to apply", "application process",
        "applying", "equal opportunity", "equal employment opportunity", "eeo statement",
        "eeo", "accommodations", "reasonable accommodation", "reasonable accommodations",
        "location", "notes", "note", "disclaimer", "contact", "pay and posting",
    ),
}
_HEADINGS = {phrase: kind for kind, phrases in _KINDS.items() for phrase in phrases}
_PREFERRED_WORDS = ("preferred", "desired", "desirable", "nice to have", "nice-to-have",
                    "bonus", "a plus", "additional")
_QUALIFIERS = ("the", "key", "main", "primary", "principal", "essential", "core", "major",
               "general", "specific", "typical", "basic", "job", "position", "role", "your",
               "our", "minimum", "other", "additional", "detailed", "list of", "summary of")
_TRAILERS = (" include the following", " includes the following", " include", " includes",
             " are as follows", " will include", " of the position", " of the role",
             " of the job", " for this role", " for this position")
_BULLET = re.compile(r"^\s*(?:[-*+\u2022\u25aa\u25cf\u2013\u2014\u00b7]|\d{1,2}[.)]|[a-z][.)])\s+")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_EMPHASIS = re.compile(r"^[*_]{1,3}(.*?)[*_]{1,3}$")
_FIELD = re.compile(r"^\s*([A-Za-z][A-Za-z '/-]{1,30}?)\s*:\s+(\S.*)$")
_FIELD_KEYS = {
    "reports to": "reports_to", "reporting to": "reports_to", "reports to position":
    "reports_to", "supervisor": "reports_to", "supervised by": "reports_to",
    "supervises": "supervises", "hours": "hours", "hours per week": "hours",
    "schedule": "schedule", "function": "function", "purpose": "function",
    "position purpose": "function", "job purpose": "function", "job summary": "function",
    "position summary": "function", "summary": "function",
}
_END_PUNCT = (".", "!", "?", ";", ",")
_ORDER_NOTE = re.compile(r"^\(?(?:listed |given )?in (?:the )?order of (?:importance|priority)",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Labelled:
    """A heading found in the text and the stretch of text it covers."""

    label: str
    start: int
    end: int


@dataclass(frozen=True)
class Outline:
    """What the heuristic found in one document."""

    duties: tuple[Span, ...] = ()
    grouped: bool = False  # the duties sit under responsibility-area titles
    signals: frozenset[str] = frozenset()  # function, duties, qualifications, reporting
    headings: tuple[Labelled, ...] = ()
    job_description: JobDescription | None = None  # when recognized as one

    @property
    def recognized(self) -> bool:
        return self.job_description is not None

    def heading_at(self, offset: int) -> str:
        for h in reversed(self.headings):
            if h.start <= offset < h.end:
                return h.label
        return ""


@dataclass
class _Line:
    start: int
    end: int
    text: str  # stripped of bullets and emphasis
    raw: str
    bullet: bool
    md_level: int  # Markdown heading level, 0 when none


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        raw = text[pos:end].rstrip("\r")
        if raw.strip():
            md = _MD_HEADING.match(raw)
            level = len(md.group(1)) if md else 0
            body = md.group(2) if md else raw
            bullet = bool(_BULLET.match(body)) and not md
            body = _BULLET.sub("", body, count=1) if bullet else body.strip()
            emph = _EMPHASIS.match(body.strip())
            if emph:
                body = emph.group(1)
            body = body.replace("**", "").replace("__", "")
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(pos + lead, pos + len(raw.rstrip()), body.strip(), raw, bullet,
                             level))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _normal(text: str) -> str:
    t = " ".join(text.lower().replace("&", "and").replace("\u2019", "'").split())
    return t.strip(" :.-\u2013\u2014*_")


def heading_kind(text: str) -> str | None:
    """The section a heading line names, or None when it is not a known heading."""
    t = _normal(text)
    if not t or len(t.split()) > MAX_HEADING_WORDS:
        return None
    seen: set[str] = set()
    while t and t not in seen:
        seen.add(t)
        if t in _HEADINGS:
            return _HEADINGS[t]
        for trailer in _TRAILERS:
            if t.endswith(trailer) and len(t) > len(trailer):
                t = t[: -len(trailer)].strip()
                break
        else:
            for q in _QUALIFIERS:
                if t.startswith(q + " ") and len(t) > len(q) + 1:
                    t = t[len(q) + 1:].strip()
                    break
    return _HEADINGS.get(t)


def _looks_like_heading(line: _Line) -> bool:
    if line.md_level:
        return True
    if line.bullet:
        return False
    t = line.text.rstrip()
    return bool(t) and len(t.split()) <= MAX_HEADING_WORDS and not t.endswith(_END_PUNCT)


def _is_preferred(text: str) -> bool:
    t = _normal(text)
    return any(w in t for w in _PREFERRED_WORDS)


def _short_title(line: _Line) -> bool:
    t = line.text
    return (len(t.split()) <= MAX_HEADING_WORDS and len(t) <= 70
            and not t.rstrip().endswith(_END_PUNCT)) or bool(line.md_level)


def outline(text: str) -> Outline:
    """Find headings, duties and the other parts of a job description in `text`."""
    lines = _lines(text)
    jd = JobDescription()
    signals: set[str] = set()
    headings: list[Labelled] = []
    duties: list[Span] = []
    grouped = False
    area: ResponsibilityArea | None = None
    function_parts: list[str] = []
    supervision: list[str] = []
    kind: str | None = None
    section_level = 0
    preferred = False
    open_heading: tuple[str, int] | None = None

    def close_heading(at: int) -> None:
        nonlocal open_heading
        if open_heading is not None:
            headings.append(Labelled(open_heading[0], open_heading[1], at))
            open_heading = None

    def open_section(line: _Line, new_kind: str) -> None:
        nonlocal open_heading, kind, section_level, area
        close_heading(line.start)
        open_heading = (line.text.rstrip(":"), line.start)
        kind, section_level, area = new_kind, line.md_level, None

    body = lines
    if lines and not heading_kind(lines[0].text) and _short_title(lines[0]) \
            and not _FIELD.match(lines[0].text):
        jd.title = lines[0].text.rstrip(":")
        body = lines[1:]
    for i, line in enumerate(body):
        found = heading_kind(line.text) if _looks_like_heading(line) else None
        if found:
            open_section(line, found)
            if found == QUALIFICATIONS:
                preferred = _is_preferred(line.text)
            continue
        if line.md_level and kind is not None and line.md_level <= section_level:
            open_section(line, OTHER)  # an unknown heading at the level of the last one
            continue
        field = _FIELD.match(line.text)
        key = _FIELD_KEYS.get(_normal(field.group(1))) if field else None
        if field is not None and key is not None:
            value = field.group(2).strip()
            if key == "reports_to":
                jd.reports_to = [v.strip() for v in value.split(";") if v.strip()]
                signals.add(REPORTING)
                continue
            if key == "supervises":
                jd.supervises = [value]
                continue
            if key in ("hours", "schedule"):
                setattr(jd, key, value)
                continue
            if key == "function" and kind in (None, FUNCTION):
                function_parts.append(value)
                continue
        if kind == FUNCTION:
            function_parts.append(line.text)
        elif kind == DUTIES:
            nxt = body[i + 1] if i + 1 < len(body) else None
            if nxt is not None and _short_title(line) and not heading_kind(nxt.text) and (
                    line.md_level or (not line.bullet
                                      and (nxt.bullet or not _short_title(nxt)))):
                area = ResponsibilityArea(title=line.text.rstrip(":"))
                jd.areas.append(area)
                grouped = True
                continue
            if len(line.text.split()) < 3:
                continue
            if area is None:
                area = ResponsibilityArea(title="")
                jd.areas.append(area)
            area.duties.append(line.text)
            duties.append(Span(line.start, line.end))
        elif kind == QUALIFICATIONS:
            if _ORDER_NOTE.match(line.text):
                continue  # "In order of importance." says how the list is ordered
            jd.qualifications.append(
                Qualification(line.text, "preferred" if preferred else "required"))
        elif kind == CONDITIONS:
            jd.employment_conditions.append(line.text)
        elif kind == ABILITIES:
            jd.abilities.append(line.text)
        elif kind == REPORTING:
            supervision.append(line.text)
    close_heading(len(text))
    jd.function = " ".join(function_parts).strip()
    jd.supervision = " ".join(supervision)
    if jd.function:
        signals.add(FUNCTION)
    if duties:
        signals.add(DUTIES)
    if jd.qualifications:
        signals.add(QUALIFICATIONS)
    recognized = len(signals & {FUNCTION, DUTIES, QUALIFICATIONS, REPORTING}) >= 3
    return Outline(duties=tuple(duties), grouped=grouped, signals=frozenset(signals),
                   headings=tuple(headings), job_description=jd if recognized else None)
