"""Interview documents: one packet per interviewer, score sheets, the consensus sheet, the chair's
summary and the candidate ID key. Candidate names appear only in the key.

Questions carry one number in every document: their place in the kit. Text that names a field
("{hours}") is filled from the project by a `Filler` (jdbuilder.interview.blanks); what the
project lacks prints as a line to write on and is collected for `build`'s warnings.
"""

from __future__ import annotations

from collections.abc import Mapping

from jdbuilder.doctree import (
    BulletList,
    Cell,
    CellValue,
    Checklist,
    Document,
    Heading,
    KeepTogether,
    Node,
    NoteLines,
    NumberedList,
    PageBreak,
    Paragraph,
    RatingGrid,
    Run,
    ScoreBox,
    Table,
    Title,
    plain,
)
from jdbuilder.interview.blanks import Filler, kit_values, packet_values
from jdbuilder.interview.kits import section_title
from jdbuilder.interview.questions import check_with_probes
from jdbuilder.interview.references import ReferenceGuide
from jdbuilder.interview.scoring import DIVERGENCE, ScoreSummary, Spread
from jdbuilder.interview.scripts import InterviewScript, opening_and_closing
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.kit import Interviewer, InterviewKit, KitQuestion
from jdbuilder.vocab import Paper, Verdict

PROTOCOL = (
    "Ask every candidate the same questions, in the same order.",
    "Use the follow-up probes to draw out an answer; ask nothing that is not in this kit.",
    "Score each answer on your own, with the anchors, before the panel discusses the "
    "candidate.",
    "Note what the candidate said and did, not impressions, and never write down health "
    "information a candidate shares.",
    "Bring your scores and notes to the consensus meeting.",
)
ADA_DO = (
    "Ask how the candidate would do the tasks of the job.",
    "State the schedule and other requirements, then ask whether they can be met.",
    "Ask how the candidate would use their lived experience in this role.",
    "Ask whether the candidate needs an accommodation for the interview.",
)
ADA_DONT = (
    "Ask about a diagnosis, treatment, hospital stays or medication.",
    "Ask about past substance use, rehabilitation or time in recovery.",
    "Ask about sick days, workers' compensation or family medical history.",
    "Ask about age, origin, religion, family plans or other protected characteristics.",
    "Follow up on anything a candidate discloses about their health.",
)


def competency_label(competency: str) -> str:
    text = competency.replace("-", " ").strip()
    return text[:1].upper() + text[1:] if text else "Not set"


def _doc(title: str, body: list[Node], organisation: str, large_print: bool, paper: Paper,
         *, running: str = "", landscape: bool = False) -> Document:
    return Document(title=title, author=organisation, header=organisation, body=tuple(body),
                    large_print=large_print, paper=paper, running=running,
                    landscape=landscape)


def _label(label: str, value: str) -> Paragraph:
    return Paragraph((Run(f"{label}: ", bold=True), Run(value)))


def weight_text(kit: InterviewKit) -> str:
    """What the weights are and why, for every form that shows a weighted total."""
    if not kit.unequal_weights:
        return "Every question has the same weight: a weighted total is the sum of the scores."
    weights = ", ".join(f"question {kit.number(q.id)}: {q.weight:g}" for q in kit.questions
                        if q.weight != 1)
    why = kit.weight_justification.strip().rstrip(".") or "no justification written yet"
    return (f"Weights (1 unless listed): {weights}. Why: {why}. Totals are weighted means on "
            "the 1-5 scale, so they can be checked against the scores.")


def timing(kit: InterviewKit, questions: int) -> tuple[InterviewScript, InterviewScript, int]:
    opening, closing = opening_and_closing()
    return opening, closing, opening.minutes + questions * kit.question_minutes + closing.minutes


def question_block(number: int, total: int, q: KitQuestion, fill: Filler, *,
                   interviewer: bool = True, lead: tuple[Node, ...] = (),
                   facts: Mapping[str, str] | None = None) -> KeepTogether:
    """A question with its scoring guide, kept on one page (with any section heading that
    introduces it, so a heading is never left alone at the foot of a page). The question and
    each probe are checked, each probe read with its question; a caution prints with it."""
    weight = f" \u00b7 Weight: {q.weight:g}" if q.weight != 1 else ""
    parts: list[Node] = [
        *lead,
        Heading(f"Question {number}. {fill(q.text)}", 2),
        Paragraph((Run("Competency: ", bold=True), Run(competency_label(q.competency)),
                   Run(weight))),
    ]
    verdict, probe_verdicts = check_with_probes(q.text, q.probes, facts=facts)
    note = q.note or verdict.note
    if verdict.verdict == Verdict.CAUTION:
        rewrite = f" Try instead: {fill(verdict.rewrite)}" if verdict.rewrite else ""
        parts.append(Paragraph((Run("Check before asking: ", bold=True),
                                Run(f"{verdict.reason}{rewrite}")), style="note"))
    for k, pv in enumerate(probe_verdicts, start=1):
        if pv.verdict == Verdict.CAUTION:
            parts.append(Paragraph((Run(f"Check probe {k} before asking: ", bold=True),
                                    Run(pv.reason)), style="note"))
    if note:
        parts.append(Paragraph((Run("Interviewer note: ", bold=True), Run(note)), style="note"))
    if q.probes:
        parts += [Heading("Follow-up probes", 3),
                  BulletList(tuple(plain(fill(p)) for p in q.probes))]
    if q.good_answer:
        parts += [Heading("A good answer includes", 3),
                  BulletList(tuple(plain(p) for p in q.good_answer))]
    if q.red_flags:
        parts += [Heading("Red flags", 3), BulletList(tuple(plain(p) for p in q.red_flags))]
    parts.append(RatingGrid(tuple(sorted(q.anchors.items()))))
    if interviewer:
        parts.append(ScoreBox("Score (1-5)"))
    return KeepTogether(tuple(parts))


def _script(script: InterviewScript, fill: Filler) -> list[Node]:
    return [Heading(f"{script.title} (about {script.minutes} minutes)", 1),
            Paragraph(plain("Read these words to every candidate."), style="note"),
            NumberedList(tuple(plain(fill(step)) for step in script.steps))]


def compose_packet(jd: JobDescription, kit: InterviewKit, interviewer: Interviewer | None,
                   *, organisation: str = "", large_print: bool = False,
                   paper: Paper = Paper.LETTER, fill: Filler | None = None,
                   facts: Mapping[str, str] | None = None) -> Document:
    """The packet one interviewer carries into the room: the plan, the opening script, a page
    per question with the scoring guide and room for notes, the closing script, and a score
    summary with an overall recommendation. Interviewer and candidate ID on every page."""
    questions = kit.questions_for(interviewer.id) if interviewer else list(kit.questions)
    who = (interviewer.name or interviewer.id) if interviewer else "____________________"
    opening, closing, minutes = timing(kit, len(questions))
    if fill is None:
        fill = Filler(kit_values(jd, kit, interview_minutes=minutes))
    values = packet_values(fill.values, kit, interviewer)
    values["interview_minutes"] = str(minutes)
    fill = Filler(values, fill.missing)
    total = len(kit.questions)
    competencies = sorted({competency_label(q.competency) for q in questions})
    plan = (f"About {minutes} minutes: the opening ({opening.minutes} minutes), "
            f"{len(questions)} questions (about {kit.question_minutes} minutes each) and the "
            f"closing ({closing.minutes} minutes).")
    body: list[Node] = [
        Title(f"Interview packet: {jd.title or 'Peer role'}"),
        _label("Interviewer", who),
        _label("Timing", plan),
        Heading("The role", 1),
        Paragraph(plain(jd.function or jd.title)),
        Heading("Competencies assessed", 1),
        BulletList(tuple(plain(c) for c in competencies)),
        Heading("How a structured interview works", 1),
        BulletList(tuple(plain(p) for p in PROTOCOL)),
        Heading("Before an offer: do and don't", 1),
        Table(("Do", "Don't"), tuple(
            (ADA_DO[i] if i < len(ADA_DO) else "", ADA_DONT[i] if i < len(ADA_DONT) else "")
            for i in range(max(len(ADA_DO), len(ADA_DONT)))), (1, 1)),
        Heading("Your questions", 1),
        Table(("#", "Competency", "Weight", "Question"), tuple(
            (str(kit.number(q.id)), competency_label(q.competency), f"{q.weight:g}",
             fill(q.text)) for q in questions), (0.4, 1.4, 0.6, 6)),
        Paragraph(plain(weight_text(kit)), style="note"),
        PageBreak(),
        *_script(opening, fill),
    ]
    section = None
    for q in questions:
        lead: tuple[Node, ...] = ()
        if q.section != section:
            section = q.section
            lead = (Heading(section_title(section), 1),)
        body += [PageBreak(),  # one question per page: nothing is ever split
                 question_block(kit.number(q.id), total, q, fill, lead=lead, facts=facts),
                 Heading("Notes", 3), NoteLines(6, fill=True)]
    body += [PageBreak(), *_script(closing, fill), PageBreak(),
             Heading("Your scores", 1),
             Paragraph(plain("Score each answer on your own before the panel discussion. Leave "
                             "a box empty if you did not hear the answer: an empty box is not "
                             "a zero."), style="note"),
             Table(("#", "Competency", "Weight", "Your score (1 to 5)"), tuple(
                 (str(kit.number(q.id)), competency_label(q.competency), f"{q.weight:g}", "")
                 for q in questions), (0.4, 3, 0.8, 1.2)),
             Heading("Overall recommendation", 2),
             Checklist((("Recommend", False), ("Recommend with reservations", False),
                        ("Do not recommend", False))),
             Paragraph(plain("The evidence for it, from the answers:")),
             NoteLines(5),
             Table(("Interviewer", "Signature", "Date"), ((who, "", ""),), (2, 3, 1.5))]
    running = f"Interviewer: {who}      Candidate ID: ____________      Date: ____________"
    return _doc(f"{jd.title or 'Peer role'}: interview packet for {who}", body, organisation,
                large_print, paper, running=running)


def compose_score_sheets(jd: JobDescription, kit: InterviewKit, *, organisation: str = "",
                         large_print: bool = False, paper: Paper = Paper.LETTER,
                         fill: Filler | None = None) -> Document:
    """A blank score sheet for each candidate (by ID), questions numbered as in the packets."""
    fill = fill or Filler(kit_values(jd, kit))
    body: list[Node] = []
    candidates = kit.candidates or ["____________"]
    for k, cand in enumerate(candidates):
        if k:
            body.append(PageBreak())
        body += [
            Title(f"Score sheet: candidate {cand}"),
            _label("Role", jd.title),
            Paragraph((Run("Interviewer: ", bold=True), Run("______________________   "),
                       Run("Date: ", bold=True), Run("____________"))),
            Paragraph(plain("Score every answer on your own before the panel discussion. "
                            "Leave a box empty if you did not hear the answer: an empty box "
                            "is not a zero. Questions are numbered as in the packets."),
                      style="note"),
            Table(("#", "Question", "Competency", "Weight", "Score (1-5)", "Evidence"),
                  tuple((str(kit.number(q.id)), _opening_words(fill(q.text)),
                         competency_label(q.competency), f"{q.weight:g}", "", "")
                        for q in kit.questions),
                  (0.1, 5, 1.3, 0.1, 0.2, 3)),
            Paragraph(plain(weight_text(kit)), style="note"),
        ]
    return _doc(f"{jd.title}: score sheets", body, organisation, large_print, paper,
                landscape=large_print)


def _opening_words(text: str, words: int = 12) -> str:
    """The start of a question, enough to recognize it beside its number."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " \u2026"


NOT_ASSIGNED = "\u2013"  # en dash: this interviewer was not given the question
MISSING = "missing"  # given the question, no score recorded


def _score_cell(kit: InterviewKit, sp: Spread | None, iv: Interviewer, qid: str) -> CellValue:
    assigned = not kit.questions_for(iv.id) or any(
        q.id == qid for q in kit.questions_for(iv.id))
    if not assigned:
        return NOT_ASSIGNED
    if sp is None or iv.id not in sp.scores:
        return Cell(MISSING, bold=True)
    return str(sp.scores[iv.id])


def _spread_cell(sp: Spread | None) -> CellValue:
    if sp is None or len(sp.scores) < 2 or sp.spread is None:
        return ""  # one score has no spread
    if sp.divergent:
        return Cell(f"{sp.spread}: discuss", bold=True, shade=True)
    return str(sp.spread)


def _legend() -> Paragraph:
    return Paragraph(plain(f"{NOT_ASSIGNED} not assigned to this interviewer.   {MISSING}: "
                           "assigned, but no score recorded (never counted as zero).   "
                           f"\u201cdiscuss\u201d (shaded): scores differ by {DIVERGENCE} or "
                           "more. A spread is shown only where two or more scores exist."),
                     style="note")


def compose_consensus(jd: JobDescription, kit: InterviewKit, summary: ScoreSummary, *,
                      organisation: str = "", large_print: bool = False,
                      paper: Paper = Paper.LETTER) -> Document:
    """Each interviewer's scores side by side, the spread, the agreed score and evidence."""
    body: list[Node] = []
    candidates = kit.candidates or ["____________"]
    spreads = {(s.candidate, s.question): s for s in summary.spreads}
    for k, cand in enumerate(candidates):
        if k:
            body.append(PageBreak())
        body += [Title(f"Consensus sheet: candidate {cand}"), _label("Role", jd.title),
                 _label("Interviewers", ", ".join(i.name or i.id for i in kit.interviewers)
                        or "none yet")]
        agreed = {c.question: c for c in kit.consensus if c.candidate == cand}
        rows = []
        for q in kit.questions:
            sp = spreads.get((cand, q.id))
            scores = [_score_cell(kit, sp, iv, q.id) for iv in kit.interviewers]
            c = agreed.get(q.id)
            rows.append((str(kit.number(q.id)), competency_label(q.competency),
                         f"{q.weight:g}", *scores, _spread_cell(sp), str(c.score) if c else "",
                         c.note if c else ""))
        names = tuple(i.name or i.id for i in kit.interviewers)
        if large_print or len(names) > 4:
            # Too many columns for one readable grid: the scores, then the agreement.
            body += [Table(("#", "Competency", "Weight", *names, "Spread"),
                           tuple(r[:-2] for r in rows), (0.3, 1.6, 0.6, *(1 for _ in names), 1)),
                     _legend(), Heading("Agreed scores and evidence", 2),
                     Table(("#", "Agreed", "Evidence note"),
                           tuple((r[0], r[-2], r[-1]) for r in rows), (0.3, 0.8, 8))]
        else:
            body += [Table(("#", "Competency", "Weight", *names, "Spread", "Agreed",
                            "Evidence note"), tuple(rows),
                           (0.3, 1.6, 0.6, *(0.9 for _ in names), 0.9, 0.8, 4)), _legend()]
        body.append(Paragraph(plain(weight_text(kit)), style="note"))
        total = next((t for t in summary.consensus_totals if t.candidate == cand), None)
        if total is not None and total.complete and total.mean is not None:
            body.append(Paragraph(plain(f"Agreed weighted total: {total.total:.2f} "
                                        f"(weighted mean {total.mean:.2f} on the 1-5 "
                                        "scale).")))
        else:
            body.append(Paragraph(plain("Agreed weighted total: ________ (complete every "
                                        "agreed score first)."), style="note"))
    body.append(KeepTogether((
        Heading("Signatures", 1),
        Paragraph(plain(f"For every candidate above ({', '.join(candidates)}):")),
        Checklist((("Every score was given independently before discussion.", False),
                   ("Agreed scores rest on evidence from the interview.", False))),
        Table(("Interviewer", "Signature", "Date"),
              tuple((i.name or i.id, "", "") for i in kit.interviewers)
              or (("", "", ""),), (2, 3, 1.5)))))
    return _doc(f"{jd.title}: committee consensus sheet", body, organisation, large_print,
                paper, landscape=True)


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def compose_summary(jd: JobDescription, kit: InterviewKit, summary: ScoreSummary, *,
                    organisation: str = "", large_print: bool = False,
                    paper: Paper = Paper.LETTER) -> Document:
    """The chair's summary: totals per interviewer, each candidate's weighted total and mean,
    missing scores, the ranking (as `jdbuilder scores` ranks), the decision and a sign-off.
    With no scores yet it is a blank form."""
    names = {i.id: i.name or i.id for i in kit.interviewers}
    scored = {t.candidate for t in summary.candidate_totals if t.mean is not None}
    body: list[Node] = [
        Title(f"Chair's summary: {jd.title or 'Peer role'}"),
        _label("Candidates", ", ".join(kit.candidates) or "none yet"),
        _label("Interviewers", ", ".join(names.values()) or "none yet"),
        Paragraph(plain(weight_text(kit)), style="note"),
        Heading("Weighted mean by interviewer", 1),
    ]
    by = {(t.candidate, t.interviewer): t for t in summary.interviewer_totals}
    rows = []
    for cand in kit.candidates or ["____________"]:
        cells: list[CellValue] = [cand]
        for iv in kit.interviewers:
            t = by.get((cand, iv.id))
            value: CellValue = _num(t.mean) if t is not None else ""
            if t is not None and t.missing and t.mean is not None:
                value = f"{_num(t.mean)} ({len(t.missing)} missing)"
            elif t is not None and t.mean is None:
                value = Cell(MISSING, bold=True) if cand in scored else ""
            cells.append(value)
        ct = next((t for t in summary.candidate_totals if t.candidate == cand), None)
        cells += [_num(ct.total) if ct else "", _num(ct.mean) if ct else ""]
        rows.append(tuple(cells))
    body += [Table(("Candidate", *names.values(), "Weighted total", "Mean (1-5)"),
                   tuple(rows), (1, *(1 for _ in names), 1, 1)),
             Heading("Ranking", 1)]
    ranked = [(r, c, v, b) for r, c, v, b in summary.ranking if c in scored]
    body.append(Table(("Rank", "Candidate", "Weighted mean (1-5)", "Basis"), tuple(
        (str(r), c, _num(v), b) for r, c, v, b in ranked) or (("", "", "", ""),),
        (0.6, 1.2, 1.4, 2.6)))
    unscored = [c for c in kit.candidates if c not in scored]
    if unscored:
        body.append(Paragraph(plain(f"Not ranked (no scores yet): {', '.join(unscored)}."),
                              style="note"))
    body.append(Heading("Missing scores", 1))
    missing = []
    for t in summary.candidate_totals:
        for item in t.missing:
            iv_id, _, qid = item.partition(":")
            number = kit.number(qid) if kit.question(qid) else qid
            who = names.get(iv_id, "no interviewer assigned")
            missing.append(f"{t.candidate}: {who}, question {number}")
    body.append(BulletList(tuple(plain(m) for m in missing)) if missing and scored else
                Paragraph(plain("None." if scored else "No scores are entered yet."),
                          style="note"))
    body.append(KeepTogether((
        Heading("Decision", 1),
        Checklist((("Offer to the candidate ranked first", False),
                   ("Offer to another candidate (record why below)", False),
                   ("No offer; reopen the search", False))),
        _label("Candidate ID", "____________"),
        Paragraph(plain("Reasons, from the evidence:")), NoteLines(4),
        Heading("Sign-off", 2),
        Table(("Chair", "Signature", "Date"), (("", "", ""),), (2, 3, 1.5)))))
    return _doc(f"{jd.title}: chair's summary", body, organisation, large_print, paper,
                landscape=len(kit.interviewers) > 3 or large_print)


def compose_key(jd: JobDescription, kit: InterviewKit, *, organisation: str = "",
                large_print: bool = False, paper: Paper = Paper.LETTER) -> Document:
    """The only document that links candidate IDs to names. Keep it apart from the kit."""
    rows = tuple((cid, kit.name_key.get(cid, "")) for cid in kit.candidates)
    body: list[Node] = [
        Title(f"Candidate ID key: {jd.title}"),
        Paragraph(plain("Confidential. Keep this key apart from interview packets, score sheets "
                        "and consensus sheets, which use candidate IDs only."), style="note"),
        Table(("Candidate ID", "Name"), rows or (("", ""),), (1, 3)),
    ]
    return _doc(f"{jd.title}: candidate ID key", body, organisation, large_print, paper,
                running="Confidential: candidate names")


def compose_reference_checks(jd: JobDescription, kit: InterviewKit, guide: ReferenceGuide, *,
                             organisation: str = "", large_print: bool = False,
                             paper: Paper = Paper.LETTER) -> Document:
    """The reference-check packet: how to run a check, what no reference may be asked, the
    questions with what each is for, what to listen for and the follow-ups that cross the line;
    then an answer form per candidate ID."""
    def joined(items: tuple[str, ...]) -> str:
        return "; ".join(i.rstrip(". ") for i in items) + "."

    body: list[Node] = [
        Title(f"Reference checks: {jd.title or 'Peer role'}"),
        Paragraph(plain(guide.purpose)),
        Heading("How to run a reference check", 1),
        BulletList(tuple(plain(p) for p in guide.practice)),
        Heading("Never ask a reference about", 1),
        Table(("Subject", "Why"), tuple((n.topic, n.why) for n in guide.never_ask), (1, 2)),
        Heading("The questions", 1),
    ]
    for n, q in enumerate(guide.questions, start=1):
        parts: list[Node] = [
            Heading(f"{n}. {q.text}", 3),
            Paragraph((Run("What it finds out: ", bold=True), Run(q.purpose))),
            Paragraph((Run("Listen for: ", bold=True), Run(joined(q.look_fors))))]
        if q.do_not_ask:
            parts += [Paragraph((Run("Do not follow up with:", bold=True),), style="note"),
                      BulletList(tuple(plain(f"{d.question} {d.why}") for d in q.do_not_ask))]
        body.append(KeepTogether(tuple(parts)))
    for cand in kit.candidates or ["____________"]:
        body += [PageBreak(), Heading(f"Reference check: candidate {cand}", 1),
                 Table(("Reference's name", "Relationship to the candidate", "Date"),
                       (("", "", ""),), (2, 2, 1))]
        for n, q in enumerate(guide.questions, start=1):
            body.append(KeepTogether((Paragraph((Run(f"{n}. ", bold=True), Run(q.text))),
                                      NoteLines(2))))
    return _doc(f"{jd.title}: reference checks", body, organisation, large_print, paper,
                running="Reference check: keep with the candidate's file, never with health "
                        "information")
