"""The job description as a document, in the handbook's section order."""

from __future__ import annotations

from jdbuilder.compose.posting import labelled, posting_facts
from jdbuilder.doctree import (
    BulletList,
    Document,
    Heading,
    Node,
    Paragraph,
    Title,
    plain,
)
from jdbuilder.model.fields import JD, field_spec
from jdbuilder.model.jobad import accommodation_line
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.vocab import Paper


def _heading(key: str) -> Heading:
    return Heading(field_spec(JD, key).label, 1)


def compose_job_description(jd: JobDescription, *, organisation: str = "",
                            large_print: bool = False, paper: Paper = Paper.LETTER) -> Document:
    body: list[Node] = [Title(jd.title or "Job description")]
    if jd.program:
        body.append(labelled("program", jd.program))
    if jd.hours:
        body.append(labelled("hours", jd.hours))
    if jd.schedule:
        body.append(labelled("schedule", jd.schedule))
    body += posting_facts(jd)

    body.append(_heading("function"))
    body.append(Paragraph(plain(jd.function or "(not yet written)")))

    body.append(Heading("Reporting relationships", 1))
    body.append(labelled("reports_to", ", ".join(jd.reports_to) or "(not stated)"))
    body.append(labelled("supervises", ", ".join(jd.supervises) or "No supervisory duties"))
    if jd.supervision:
        body.append(Paragraph(plain(jd.supervision)))

    body.append(Heading("Responsibilities", 1))
    for area in jd.areas:
        body.append(Heading(area.title, 2))
        if area.duties:
            body.append(BulletList(tuple(plain(d) for d in area.duties)))

    body.append(_heading("qualifications"))
    body.append(Paragraph(plain("In order of importance."), style="note"))
    for label, items in (("Required", jd.required_qualifications),
                         ("Preferred", jd.preferred_qualifications)):
        if items:
            body.append(Heading(label, 2))
            body.append(BulletList(tuple(plain(q.text) for q in items)))

    body.append(_heading("employment_conditions"))
    if jd.employment_conditions:
        body.append(BulletList(tuple(plain(c) for c in jd.employment_conditions)))

    if jd.abilities:
        body.append(_heading("abilities"))
        body.append(BulletList(tuple(plain(a) for a in jd.abilities)))

    if jd.apply.strip():
        body.append(_heading("apply"))
        body.append(Paragraph(plain(jd.apply)))
    if jd.accommodation_contact.strip():
        body.append(Paragraph(plain(accommodation_line(jd.accommodation_contact)),
                              style="note"))

    return Document(
        title=f"{jd.title or 'Job description'}: job description",
        author=organisation,
        header=organisation,
        body=tuple(body),
        large_print=large_print,
        paper=paper,
    )
