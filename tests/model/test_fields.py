"""The table of fields declares every job-description and job-ad field exactly once."""

from __future__ import annotations

import dataclasses

from jdbuilder.model.fields import (
    AD,
    JD,
    JOB_AD_FIELDS,
    JOB_DESCRIPTION_FIELDS,
    FieldKind,
    label_for,
    text_items,
)
from jdbuilder.model.jobad import JobAd
from jdbuilder.model.jobdesc import JobDescription, Qualification, ResponsibilityArea

NOT_FIELDS = {"role_id", "extra", "basis"}  # bookkeeping, never shown or checked


def _data_fields(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls) if f.name not in NOT_FIELDS}


def test_every_model_field_is_declared_once() -> None:
    jd_keys = [f.key for f in JOB_DESCRIPTION_FIELDS]
    ad_keys = [f.key for f in JOB_AD_FIELDS]
    assert sorted(jd_keys) == sorted(set(jd_keys)) == sorted(_data_fields(JobDescription))
    assert sorted(ad_keys) == sorted(set(ad_keys)) == sorted(_data_fields(JobAd))


def test_labels_are_unique_within_each_part() -> None:
    for fields in (JOB_DESCRIPTION_FIELDS, JOB_AD_FIELDS):
        labels = [f.label for f in fields]
        assert len(labels) == len(set(labels))


def _jd() -> JobDescription:
    return JobDescription(
        title="Peer Specialist", program="Bridges", reports_to=["Peer Lead"],
        supervision="Weekly", hours="30 hours", schedule="Days", function="Walks alongside.",
        areas=[ResponsibilityArea("Support", ["Listens", "Shares"])],
        qualifications=[Qualification("Lived experience"), Qualification("Spanish", "preferred")],
        employment_conditions=["Travel"], abilities=["Warmth"],
        apply="Send a letter to the peer lead.")


def test_text_items_cover_every_checked_field_in_order() -> None:
    jd = _jd()
    ad = JobAd(title="Peer Specialist", summary="You will walk alongside.", required=["Lived"])
    items = text_items(jd, ad)
    labels = [i.label for i in items]
    assert labels[:6] == ["Job title", "Program or department", "Supervision", "Hours",
                          "Schedule", "Function"]
    assert "Duty 2 (Support)" in labels and "Qualification 2" in labels
    assert "Employment condition 1" in labels and "Ability or attribute 1" in labels
    assert "Ad: Title" in labels and "Ad: What you will do" in labels
    assert "Ad: Required qualification 1" in labels
    assert not any(i.label.startswith("Reports to") for i in items)  # job titles: not checked
    checked = {f.key for f in JOB_DESCRIPTION_FIELDS if f.checked}
    assert {i.path[1] for i in items if i.path[0] == JD} == checked
    assert {i.path[1] for i in items if i.path[0] == AD} <= {f.key for f in JOB_AD_FIELDS}


def test_every_item_path_reads_its_text_and_has_its_label() -> None:
    jd = _jd()
    ad = JobAd(title="T", required=["R"])
    roots = {JD: jd, AD: ad}
    for item in text_items(jd, ad):
        obj: object = roots[str(item.path[0])]
        for step in item.path[1:]:
            obj = obj[step] if isinstance(step, int) else getattr(obj, step)  # type: ignore[index]
        assert obj == item.text
        assert label_for(item.path, jd, ad) == item.label


def test_labels_for_paths_that_are_not_checked() -> None:
    jd = _jd()
    assert label_for((JD, "reports_to"), jd) == "Reports to"
    assert label_for((JD, "areas", 0), jd) == "Responsibility area 1"
    assert label_for((JD, "areas", 3, "duties", 0), jd) == "Duty 1 (area 4)"
    assert label_for(("kit", "questions", 0), jd) == "kit / questions / 0"


def test_kinds_match_the_model() -> None:
    jd = _jd()
    for f in JOB_DESCRIPTION_FIELDS:
        value = getattr(jd, f.key)
        assert isinstance(value, str) == (f.kind in (FieldKind.TEXT, FieldKind.CHOICE)), f.key
