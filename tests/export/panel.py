"""A hiring panel as a new user would set one up: three interviewers (one named in Chinese),
eight questions with one weighted, four candidates, one score missing and one divergence."""

from __future__ import annotations

from jdbuilder.interview.bank import default_bank
from jdbuilder.interview.kits import from_bank
from jdbuilder.library import load_library, template_job_description
from jdbuilder.model.kit import Consensus, Interviewer, InterviewKit, ScoreEntry
from jdbuilder.model.posting import Location, Pay
from jdbuilder.project import Project

INTERVIEWERS = [Interviewer("i1", "王芳"), Interviewer("i2", "Zoë O'Brien"),
                Interviewer("i3", "Łukasz Wiśniewski")]
CANDIDATES = {"C1": "Nguyễn Thị Lan", "C2": "李娜", "C3": "Наталья Иванова",
              "C4": "Mariana Álvarez"}
MISSING = ("i2", "C3", 3)  # interviewer, candidate, question number without a score
DIVERGENT = ("C2", 2)  # candidate and question number where the scores differ by 3


def panel_project() -> Project:
    lib = load_library()
    jd = template_job_description(lib.role("peer-specialist"))
    jd.pay = Pay(21.5, 25.0)
    jd.location = Location(place="Springfield, MA", travel="Hampden County")
    jd.apply = "Apply at jobs.example.org/peer, or call 555-0100 to apply another way."
    jd.accommodation_contact = "Dana Ruiz, 555-0101"
    bank = [q for q in default_bank() if q.suits_role("peer-specialist")]
    by_section: dict[str, list[object]] = {}
    for q in bank:
        by_section.setdefault(q.section, []).append(q)
    chosen = [q for qs in by_section.values() for q in qs[:2]][:8]
    questions = [from_bank(q) for q in chosen]  # type: ignore[arg-type]
    questions[0].weight = 2.0
    kit = InterviewKit(
        questions=questions, interviewers=list(INTERVIEWERS), candidates=list(CANDIDATES),
        name_key=dict(CANDIDATES),
        weight_justification="Using lived experience with purpose is the heart of the role.",
        details={"decision_date": "January 29", "contact_method": "phone or email",
                 "notice_period": "two weeks'", "commitment": "12 months",
                 "restrictive_settings": "the inpatient unit"})
    for c_index, cand in enumerate(CANDIDATES):
        for n, q in enumerate(kit.questions, start=1):
            for iv in kit.interviewers:
                if (iv.id, cand, n) == MISSING:
                    continue
                score = 3 + (c_index + n) % 3 - 1  # 2..4
                if (cand, n) == DIVERGENT:
                    score = {"i1": 5, "i2": 2, "i3": 4}[iv.id]
                kit.scores.append(ScoreEntry(iv.id, cand, q.id, score))
            agreed = {"C1": 3, "C2": 4, "C3": 2, "C4": 5}[cand]
            kit.consensus.append(Consensus(cand, q.id, agreed, "Evidence noted in the meeting."))
    return Project(job_description=jd, kit=kit)
