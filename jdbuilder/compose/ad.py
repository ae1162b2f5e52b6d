"""The job ad as a document."""

from __future__ import annotations

from jdbuilder.export.tree import BulletList, Document, Heading, Node, Paragraph, Run, Title, plain
from jdbuilder.model.jobad import JobAd


def compose_job_ad(ad: JobAd, *, organisation: str = "", large_print: bool = False,
                   paper: str = "letter") -> Document:
    body: list[Node] = [Title(ad.title or "Job ad")]
    if ad.hours:
        body.append(Paragraph((Run("Hours: ", bold=True), Run(ad.hours))))
    if ad.summary:
        body.append(Heading("What you will do", 1))
        body.append(Paragraph(plain(ad.summary)))
    if ad.required:
        body.append(Heading("Required", 1))
        body.append(BulletList(tuple(plain(r) for r in ad.required)))
    if ad.preferred:
        body.append(Heading("Preferred", 1))
        body.append(BulletList(tuple(plain(p) for p in ad.preferred)))
    if ad.how_to_apply:
        body.append(Heading("How to apply", 1))
        body.append(Paragraph(plain(ad.how_to_apply)))
    if ad.equal_opportunity:
        body.append(Paragraph(plain(ad.equal_opportunity), style="note"))
    return Document(title=f"{ad.title or 'Job ad'}: job ad", author=organisation,
                    header=organisation, body=tuple(body), large_print=large_print,
                    paper=paper)
