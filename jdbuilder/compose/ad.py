"""The job ad as a document: the ad's own parts, and the posting facts straight from the job
description (pay, location, employment type, FLSA status, closing date)."""

from __future__ import annotations

from jdbuilder.compose.posting import posting_facts
from jdbuilder.doctree import BulletList, Document, Heading, Node, Paragraph, Title, plain
from jdbuilder.model.fields import AD, field_spec
from jdbuilder.model.jobad import JobAd
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.vocab import Paper


def _heading(key: str) -> Heading:
    return Heading(field_spec(AD, key).label, 1)


def compose_job_ad(ad: JobAd, jd: JobDescription | None = None, *, organisation: str = "",
                   large_print: bool = False, paper: Paper = Paper.LETTER) -> Document:
    body: list[Node] = [Title(ad.title or "Job ad")]
    body += posting_facts(jd or JobDescription(), hours=ad.hours)
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
    for line in (ad.equal_opportunity, ad.accommodation):
        if line.strip():
            body.append(Paragraph(plain(line), style="note"))
    return Document(title=f"{ad.title or 'Job ad'}: job ad", author=organisation,
                    header=organisation, body=tuple(body), large_print=large_print,
                    paper=paper)
