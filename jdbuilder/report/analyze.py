"""One document's part of the portfolio report: its findings in context, its duties and the
ones that contradict a peer role, and its structure check.

`analyze(path, ...)` reads and checks one file and returns a JSON-ready entry (the format is in
docs/REPORT.md); nothing of the document's text is kept but the sentences around findings.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jdbuilder.language.policy import Policy, normalise_phrase
from jdbuilder.model.structure import MAX_AREAS, MIN_AREAS, StructureFinding, check_structure
from jdbuilder.readers.inputs import InputText, read_input
from jdbuilder.report.recognize import Outline, Span, outline
from jdbuilder.vocab import Severity

if TYPE_CHECKING:
    from jdbuilder.language.checker import Finding
    from jdbuilder.language.lexicon import Lexicon

Entry = dict[str, Any]

PEER_ROLE_CONFLICT = "peer-role-conflict"
CONTEXT_CHARS = 160  # at most this much of the sentence on each side of the phrase

KIND_PROJECT = "project"
KIND_JOB_DESCRIPTION = "job-description"
KIND_DOCUMENT = "document"

_BULLET = re.compile(r"[ \t]*(?:[-*+\u2022\u2013\u2014\u00b7]|\d{1,2}[.)]|#{1,6})[ \t]+")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s|$)")
_UNGROUPED = frozenset({"too-few-areas", "too-many-areas", "area-no-title"})


@dataclass(frozen=True)
class Checked:
    """What `analyze` needs from the language check (so tests and callers can pass their
    own lexicon; the default is the shipped one)."""

    policy: Policy
    lexicon: Lexicon | None = None
    organization: str = ""


def sentence_around(text: str, start: int, end: int,
                    limit: int = CONTEXT_CHARS) -> tuple[str, int, int]:
    """The sentence holding text[start:end] (within its line), cut to `limit` characters on
    each side at a word boundary; returns the sentence and where the phrase is in it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    lo = line_start
    bullet = _BULLET.match(text, line_start, start)
    if bullet:
        lo = bullet.end()  # a list item's marker is not part of its sentence
    for m in _SENTENCE_END.finditer(text, lo, start):
        lo = m.end()
    stop = _SENTENCE_END.search(text, end, line_end)
    hi = stop.end() if stop else line_end
    prefix = suffix = ""
    if start - lo > limit:
        cut = text.find(" ", start - limit, start)
        lo = cut + 1 if 0 <= cut < start else start - limit
        prefix = "\u2026"
    if hi - end > limit:
        cut = text.rfind(" ", end, end + limit)
        hi = cut if cut > end else end + limit
        suffix = "\u2026"
    before = prefix + text[lo:start].lstrip()
    after = text[end:hi].rstrip() + suffix
    phrase = text[start:end]
    return before + phrase + after, len(before), len(before) + len(phrase)


def _structure(findings: list[StructureFinding]) -> list[Entry]:
    return [{"section": f.section, "code": f.code, "severity": str(f.severity),
             "message": f.message} for f in findings]


def recognized_structure(found: Outline) -> list[StructureFinding]:
    """The structure check of a job description recognized in text. Duties not grouped under
    area titles are one finding, not "1 area with no title"."""
    jd = found.job_description
    if jd is None:
        return []
    findings = check_structure(jd)
    if found.grouped or not jd.areas:
        return findings
    kept = [f for f in findings if f.code not in _UNGROUPED]
    n = len(found.duties)
    kept.append(StructureFinding(
        "areas", "duties-not-grouped", Severity.WARNING,
        f"The {n} dut{'y is' if n == 1 else 'ies are'} not grouped into responsibility "
        f"areas; the handbook recommends {MIN_AREAS} to {MAX_AREAS} areas, each with a title "
        "and its duties."))
    return kept


def _project_parts(path: Path, doc: InputText,
                   organization: str) -> tuple[list[Span], list[StructureFinding]]:
    """The duties and structure check of a project, from its job description."""
    from jdbuilder import project
    from jdbuilder.model.fields import text_items

    proj = project.load(path)
    jd = proj.job_description
    items = text_items(jd, proj.ad(organization))
    duties: list[Span] = []
    for item, section in zip(items, doc.sections, strict=False):
        p = item.path
        if len(p) == 5 and p[0] == "jd" and p[1] == "areas" and p[3] == "duties":
            duties.append(Span(section.start, section.end))
    return duties, check_structure(jd)


def _finding(f: Finding, text: str, newlines: list[int], section: str) -> Entry:
    sentence, a, b = sentence_around(text, f.start, f.end)
    entry = f.to_dict()
    entry.update({
        "phrase": normalise_phrase(f.text),
        "line": bisect.bisect_left(newlines, f.start) + 1,
        "section": section,
        "sentence": sentence,
        "mark": [a, b],
    })
    return entry


def analyze(path: Path, key: str, checked: Checked) -> Entry:
    """Read, check and describe one document. Raises `InputError` when it cannot be read."""
    from jdbuilder.language import check_report

    doc = read_input(path, organisation=checked.organization)
    policy = checked.policy
    if doc.policy:
        # a damaged project policy: the organization's policy still applies
        with contextlib.suppress(ValueError):
            policy = policy.merged(Policy.from_dict(doc.policy))
    report = check_report(doc.text, policy, checked.lexicon)
    text = doc.text
    if path.suffix.lower() == ".jdb":
        kind = KIND_PROJECT
        duties, structure = _project_parts(path, doc, checked.organization)
        duty_source = "project"
        signals: list[str] = []
        section_at = doc.section_at
    else:
        found = outline(text)
        duties = list(found.duties)
        structure = recognized_structure(found)
        kind = KIND_JOB_DESCRIPTION if found.recognized else KIND_DOCUMENT
        duty_source = "headings" if duties else "none"
        signals = sorted(found.signals)
        section_at = found.heading_at
    newlines = [i for i, ch in enumerate(text) if ch == "\n"] if report.findings else []
    findings = [_finding(f, text, newlines, section_at(f.start)) for f in report.findings]
    conflicts = [f for f in report.findings if f.category == PEER_ROLE_CONFLICT]
    conflicting = sum(1 for d in duties
                      if any(f.start < d.end and f.end > d.start for f in conflicts))
    counts = {str(s): 0 for s in Severity.descending()}
    categories: Counter[str] = Counter()
    for f in report.findings:
        counts[f.severity] += 1
        categories[f.category] += 1
    return {
        "path": str(path),
        "key": key,
        "name": path.name,
        "kind": kind,
        "words": len(text.split()),
        "counts": counts,
        "categories": dict(sorted(categories.items())),
        "phrases": dict(Counter(f["phrase"] for f in findings).most_common()),
        "findings": findings,
        "suppressed": len(report.suppressed),
        "truncated": report.truncated,
        "duties": {"total": len(duties), "conflicting": conflicting, "from": duty_source},
        "structure": {"checked": kind != KIND_DOCUMENT, "signals": signals,
                      "findings": _structure(structure)},
    }
