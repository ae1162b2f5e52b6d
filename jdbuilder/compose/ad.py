"""The job ad as a document."""

from __future__ import annotations

from jdbuilder.doctree import BulletList, Document, Heading, Node, Paragraph, Run, Title, plain
from jdbuilder.model.fields import AD, field_spec
from jdbuilder.model.jobad import JobAd
from jdbuilder.vocab import Paper


def _heading(key: str) -> Heading:
    return Heading(field_spec(AD, key).label, 1)


def compose_job_ad(ad: JobAd, *, organisation: str = "", large_print: bool = False,
                   paper: Paper = Paper.LETTER) -> Document:
    body: list[Node] = [Title(ad.title or "Job ad")]
    if ad.hours:
        body.append(Paragraph((Run(f"{field_spec(AD, 'hours').label}: ", bold=True),
                               Run(ad.hours))))
    if ad.summary:
        body.append(_heading("summary"))
        body.append(Paragraph(plain(ad.summary)))
    if ad.required:
        body.append(_heading("required"))
        body.append(BulletList(tuple(plain(r) for r in ad.required)))
    if ad.preferred:
        body.append(_heading("preferred"))
        body.append(BulletList(tuple(plain(p) for p in ad.preferred)))
    if ad.how_to_apply:
        body.append(_heading("how_to_apply"))
        body.append(Paragraph(plain(ad.how_to_apply)))
    if ad.equal_opportunity:
        body.append(Paragraph(plain(ad.equal_opportunity), style="note"))
    return Document(title=f"{ad.title or 'Job ad'}: job ad", author=organisation,
                    header=organisation, body=tuple(body), large_print=large_print,
                    paper=paper)
