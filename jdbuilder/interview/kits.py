"""Building an interview kit from the question bank: the default kit for a role, adding a bank
question, section titles and the coverage of responsibility areas. The kit's data classes are
in `jdbuilder.model.kit`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from jdbuilder.interview.bank import SECTIONS, BankQuestion
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.kit import InterviewKit, KitQuestion


def from_bank(q: BankQuestion) -> KitQuestion:
    """A kit question copied from the bank (the kit keeps its own copy, which the user edits)."""
    return KitQuestion(id=q.id, text=q.text, section=q.section, competency=q.competency,
                       bank_id=q.id, probes=list(q.probes), good_answer=list(q.good_answer),
                       red_flags=list(q.red_flags), anchors=dict(q.anchors),
                       note=q.interviewer_note)


@dataclass(frozen=True)
class Coverage:
    uncovered_areas: list[str]
    unlinked_questions: list[str]
    by_area: dict[str, list[str]]


def coverage(kit: InterviewKit, jd: JobDescription) -> Coverage:
    """Which responsibility areas no question assesses, and which questions assess no area."""
    titles = [a.title for a in jd.areas]
    by_area: dict[str, list[str]] = {t: [] for t in titles}
    unlinked = []
    for q in kit.questions:
        linked = [a for a in q.areas if a in by_area]
        for a in linked:
            by_area[a].append(q.id)
        if not linked:
            unlinked.append(q.id)
    return Coverage([t for t, qs in by_area.items() if not qs], unlinked, by_area)


def section_title(section: str) -> str:
    return SECTIONS.get(section, "Questions written for this role")


_WORDS = re.compile(r"[a-z]{4,}")
_COMMON = frozenset({"with", "that", "their", "they", "them", "this", "from", "what", "when",
                     "would", "your", "about", "have", "into", "people", "person", "peer",
                     "support", "supports", "work", "role", "tell", "time", "each", "other"})


def _terms(text: str) -> set[str]:
    return {w[:6] for w in _WORDS.findall(text.lower()) if w not in _COMMON}


def default_kit(role_id: str, jd: JobDescription, bank: Sequence[BankQuestion],
                per_section: int = 3) -> InterviewKit:
    """A starting kit: a few bank questions per section that suit the role, each linked to the
    responsibility area its wording shares most with (the user reviews the links)."""
    chosen: list[KitQuestion] = []
    for section in SECTIONS:
        pool = [q for q in bank if q.section == section and q.suits_role(role_id)]
        specific = [q for q in pool if "all" not in q.roles]
        picks = (specific + [q for q in pool if q not in specific])[:per_section]
        chosen += [from_bank(q) for q in picks]
    area_terms = {a.title: _terms(a.title + " " + " ".join(a.duties)) for a in jd.areas}
    for q in chosen:
        qt = _terms(" ".join([q.text, q.competency, *q.good_answer]))
        best = max(area_terms.items(), key=lambda kv: len(kv[1] & qt), default=None)
        if best is not None and len(best[1] & qt) >= 2:
            q.areas = [best[0]]
    return InterviewKit(questions=chosen)
