"""The posting facts as labelled lines, shared by the job description and the job ad."""

from __future__ import annotations

from jdbuilder.doctree import Paragraph, Run
from jdbuilder.model.fields import JD, field_spec
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.posting import EmploymentType, FlsaStatus, long_date


def labelled(key: str, value: str) -> Paragraph:
    """"Pay: $21.50-$25.00 per hour", labelled as the table of fields names the field."""
    return Paragraph((Run(f"{field_spec(JD, key).label}: ", bold=True), Run(value)))


def posting_facts(jd: JobDescription, *, hours: str = "") -> list[Paragraph]:
    """Pay, location, employment type, FLSA status, hours and closing date, where stated."""
    out: list[Paragraph] = []
    if jd.pay.is_set:
        out.append(labelled("pay", jd.pay.display()))
    if jd.location.is_set:
        out.append(labelled("location", jd.location.display()))
    if jd.employment_type:
        out.append(labelled("employment_type", EmploymentType(jd.employment_type).label))
    if hours:
        out.append(labelled("hours", hours))
    if jd.flsa:
        out.append(labelled("flsa", FlsaStatus(jd.flsa).label))
    if jd.closing_date:
        out.append(Paragraph((Run("Apply by: ", bold=True), Run(long_date(jd.closing_date)))))
    return out
