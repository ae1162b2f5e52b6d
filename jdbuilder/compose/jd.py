"""The job description as a document, in the handbook's section order."""

from __future__ import annotations

from jdbuilder.export.tree import (
    BulletList,
    Document,
    Heading,
    Node,
    Paragraph,
    Run,
    Title,
    plain,
)
from jdbuilder.model.jobdesc import JobDescription

SECTION_ORDER = (
    "Function",
    "Reporting relationships",
    "Responsibilities",
    "Qualifications",
    "Employment conditions",
    "Abilities and attributes",
)


def _label(label: str, value: str) -> Paragraph:
    return Paragraph((Run(f"{label}: ", bold=True), Run(value)))


def compose_job_description(jd: JobDescription, *, organisation: str = "",
                            large_print: bool = False, paper: str = "letter") -> Document:
    body: list[Node] = [Title(jd.title or "Job description")]
    if jd.program:
        body.append(_label("Program or department", jd.program))
    if jd.hours:
        body.append(_label("Hours", jd.hours))
    if jd.schedule:
        body.append(_label("Schedule", jd.schedule))

    body.append(Heading("Function", 1))
    body.append(Paragraph(plain(jd.function or "(not yet written)")))

    body.append(Heading("Reporting relationships", 1))
    body.append(_label("Reports to", ", ".join(jd.reports_to) or "(not stated)"))
    body.append(_label("Supervises", ", ".join(jd.supervises) or "No supervisory duties"))
    if jd.supervision:
        body.append(Paragraph(plain(jd.supervision)))

    body.append(Heading("Responsibilities", 1))
    for area in jd.areas:
        body.append(Heading(area.title, 2))
        if area.duties:
            body.append(BulletList(tuple(plain(d) for d in area.duties)))

    body.append(Heading("Qualifications", 1))
    body.append(Paragraph(plain("In order of importance."), style="note"))
    for label, items in (("Required", jd.required_qualifications),
                         ("Preferred", jd.preferred_qualifications)):
        if items:
            body.append(Heading(label, 2))
            body.append(BulletList(tuple(plain(q.text) for q in items)))

    body.append(Heading("Employment conditions", 1))
    if jd.employment_conditions:
        body.append(BulletList(tuple(plain(c) for c in jd.employment_conditions)))

    if jd.abilities:
        body.append(Heading("Abilities and attributes", 1))
        body.append(BulletList(tuple(plain(a) for a in jd.abilities)))

    return Document(
        title=f"{jd.title or 'Job description'}: job description",
        author=organisation,
        header=organisation,
        body=tuple(body),
        large_print=large_print,
        paper=paper,
    )
