"""Interview documents: one packet per interviewer, score sheets, the consensus sheet and the
candidate ID key. Candidate names appear only in the key."""

from __future__ import annotations

from jdbuilder.doctree import (
    BulletList,
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
from jdbuilder.interview.kits import section_title
from jdbuilder.interview.questions import check_question
from jdbuilder.interview.scoring import DIVERGENCE, ScoreSummary
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


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def competency_label(competency: str) -> str:
    text = competency.replace("-", " ").strip()
    return text[:1].upper() + text[1:] if text else "Not set"


def _doc(title: str, body: list[Node], organisation: str, large_print: bool,
         paper: Paper) -> Document:
    return Document(title=title, author=organisation, header=organisation, body=tuple(body),
                    large_print=large_print, paper=paper)


def question_block(number: int, q: KitQuestion, *, interviewer: bool = True,
                   lead: tuple[Node, ...] = ()) -> KeepTogether:
    """A question with its scoring guide, kept on one page (with any section heading that
    introduces it, so a heading is never left alone at the foot of a page)."""
    head = f"Question {number}. {q.text}"
    parts: list[Node] = [
        *lead,
        Heading(head, 2),
        Paragraph((Run("Competency: ", bold=True), Run(competency_label(q.competency)),
                   Run(f"   Weight: {q.weight:g}" if q.weight != 1 else ""))),
    ]
    verdict = check_question(q.text)
    note = q.note or verdict.note
    if verdict.verdict != Verdict.OK:
        parts.append(Paragraph((Run("Check before asking: ", bold=True),
                                Run(f"{verdict.reason} Try instead: {verdict.rewrite}")),
                               style="note"))
    if note:
        parts.append(Paragraph((Run("Interviewer note: ", bold=True), Run(note)), style="note"))
    if q.probes:
        parts += [Heading("Follow-up probes", 3), BulletList(tuple(plain(p) for p in q.probes))]
    if q.good_answer:
        parts += [Heading("A good answer includes", 3),
                  BulletList(tuple(plain(p) for p in q.good_answer))]
    if q.red_flags:
        parts += [Heading("Red flags", 3), BulletList(tuple(plain(p) for p in q.red_flags))]
    parts.append(RatingGrid(tuple(sorted(q.anchors.items()))))
    if interviewer:
        parts += [Heading("Notes", 3), NoteLines(4), ScoreBox("Score (1-5)")]
    return KeepTogether(tuple(parts))


def compose_packet(jd: JobDescription, kit: InterviewKit, interviewer: Interviewer | None,
                   *, organisation: str = "", large_print: bool = False,
                   paper: Paper = Paper.LETTER) -> Document:
    """The packet one interviewer carries into the room."""
    questions = kit.questions_for(interviewer.id) if interviewer else list(kit.questions)
    who = (interviewer.name or interviewer.id) if interviewer else "__________________"
    competencies = sorted({competency_label(q.competency) for q in questions})
    body: list[Node] = [
        Title(f"Interview packet: {jd.title or 'Peer role'}"),
        Paragraph((Run("Interviewer: ", bold=True), Run(who))),
        Paragraph((Run("Candidate ID: ", bold=True), Run("__________   "),
                   Run("Date: ", bold=True), Run("__________"))),
        Heading("The role", 1),
        Paragraph(plain(jd.function or jd.title)),
        Heading("Competencies assessed", 1),
        BulletList(tuple(plain(c) for c in competencies)),
        Heading("Your questions", 1),
        NumberedList(tuple(plain(q.text) for q in questions)),
        Heading("How a structured interview works", 1),
        BulletList(tuple(plain(p) for p in PROTOCOL)),
        Heading("Before an offer: do and don't", 1),
        Table(("Do", "Don't"), tuple(
            (ADA_DO[i] if i < len(ADA_DO) else "", ADA_DONT[i] if i < len(ADA_DONT) else "")
            for i in range(max(len(ADA_DO), len(ADA_DONT))))),
        PageBreak(),
    ]
    section = None
    for n, q in enumerate(questions, start=1):
        lead: tuple[Node, ...] = ()
        if q.section != section:
            section = q.section
            lead = (Heading(section_title(section), 1),)
        if n > 1:
            body.append(PageBreak())  # one question per page: nothing is ever split
        body.append(question_block(n, q, lead=lead))
    return _doc(f"{jd.title or 'Peer role'}: interview packet for {who}", body, organisation,
                large_print, paper)


def compose_score_sheets(jd: JobDescription, kit: InterviewKit, *, organisation: str = "",
                         large_print: bool = False, paper: Paper = Paper.LETTER) -> Document:
    """A blank score sheet for each candidate (by ID)."""
    body: list[Node] = []
    candidates = kit.candidates or ["__________"]
    for k, cand in enumerate(candidates):
        if k:
            body.append(PageBreak())
        body += [
            Title(f"Score sheet: candidate {cand}"),
            Paragraph((Run("Role: ", bold=True), Run(jd.title))),
            Paragraph((Run("Interviewer: ", bold=True), Run("____________________   "),
                       Run("Date: ", bold=True), Run("__________"))),
            Heading(f"Scores for candidate {cand}", 1),
            Table(("#", "Question", "Competency", "Weight", "Score (1-5)", "Evidence"),
                  tuple((str(i), q.text, competency_label(q.competency), f"{q.weight:g}", "",
                         "") for i, q in enumerate(kit.questions, start=1)),
                  (0.4, 4, 1.6, 0.8, 1, 3)),
            Paragraph(plain("Score every answer on your own before the panel discussion. "
                            "Leave a box empty if you did not hear the answer: an empty box "
                            "is not a zero."), style="note"),
        ]
    return _doc(f"{jd.title}: score sheets", body, organisation, large_print, paper)


def compose_consensus(jd: JobDescription, kit: InterviewKit, summary: ScoreSummary, *,
                      organisation: str = "", large_print: bool = False,
                      paper: Paper = Paper.LETTER) -> Document:
    """Each interviewer's scores side by side, the spread, the agreed score and evidence."""
    names = [(i.id, i.name or i.id) for i in kit.interviewers]
    body: list[Node] = []
    candidates = kit.candidates or ["__________"]
    for k, cand in enumerate(candidates):
        if k:
            body.append(PageBreak())
        body += [Title(f"Consensus sheet: candidate {cand}"),
                 Paragraph((Run("Role: ", bold=True), Run(jd.title))),
                 Heading(f"Scores for candidate {cand}", 1)]
        agreed = {c.question: c for c in kit.consensus if c.candidate == cand}
        spreads = {(s.candidate, s.question): s for s in summary.spreads}
        rows = []
        for i, q in enumerate(kit.questions, start=1):
            sp = spreads.get((cand, q.id))
            scores = [str(sp.scores.get(iv, "")) if sp else "" for iv, _ in names]
            spread = "" if sp is None or sp.spread is None else str(sp.spread)
            if sp is not None and sp.divergent:
                spread += f" (differ by {DIVERGENCE}+: discuss)"
            c = agreed.get(q.id)
            rows.append((str(i), _short(q.text), *scores, spread,
                         str(c.score) if c else "", c.note if c else ""))
        header = ("#", "Question", *(n for _, n in names), "Spread", "Agreed", "Evidence note")
        widths = (0.4, 3.4, *(0.9 for _ in names), 1.2, 0.9, 2.8)
        body.append(Table(header, tuple(rows), widths))
        total = next((t for t in summary.consensus_totals if t.candidate == cand), None)
        if total is not None and total.complete and total.mean is not None:
            body.append(Paragraph(plain(f"Agreed weighted total: {total.total:.2f} "
                                        f"(mean {total.mean:.2f} on the 1-5 scale).")))
        else:
            body.append(Paragraph(plain("Agreed weighted total: ________ (complete every "
                                        "agreed score first)."), style="note"))
        body += [Heading("Signatures", 2),
                 Table(("Interviewer", "Signature", "Date"),
                       tuple((n, "", "") for _, n in names) or (("", "", ""),),
                       (2, 3, 1.5)),
                 Checklist((("Every score was given independently before discussion.", False),
                            ("Agreed scores rest on evidence from the interview.", False)))]
    return _doc(f"{jd.title}: committee consensus sheet", body, organisation, large_print,
                paper)


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
    return _doc(f"{jd.title}: candidate ID key", body, organisation, large_print, paper)
