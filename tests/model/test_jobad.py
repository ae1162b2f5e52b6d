from __future__ import annotations

from jdbuilder.library import Library, template_job_description
from jdbuilder.model.jobad import DEFAULT_APPLY, JobAd, generate_ad
from jdbuilder.model.jobdesc import JobDescription, Qualification, ResponsibilityArea


def test_generated_ad_has_every_part(library: Library) -> None:
    jd = template_job_description(library.role("peer-specialist"))
    ad = generate_ad(jd, organisation="Hilltown Peer Network", how_to_apply="Email jobs@x.org.")
    assert ad.title == jd.title
    assert jd.hours in ad.hours
    assert 2 <= ad.summary.count(". ") + 1 <= 3
    assert ad.required == [q.text for q in jd.required_qualifications]
    assert ad.preferred == [q.text for q in jd.preferred_qualifications]
    assert any("lived experience" in r.lower() or "own" in r.lower() for r in ad.required)
    assert ad.how_to_apply == "Email jobs@x.org."
    assert ad.equal_opportunity.startswith("Hilltown Peer Network is an equal opportunity")
    assert "disabilities" in ad.equal_opportunity and "lived experience" in ad.equal_opportunity


def test_you_form_and_fallback() -> None:
    jd = JobDescription(title="Peer Mentor", function="The Peer Mentor draws on their own "
                        "experience to support young people.", reports_to=["Team Lead"],
                        areas=[ResponsibilityArea("Mentoring", ["d"])],
                        qualifications=[Qualification("Lived experience.", "required")])
    assert generate_ad(jd).summary.startswith("You will draw on your own experience")
    jd.function = "The Coordinator builds up, supports and speaks for peer roles."
    assert generate_ad(jd).summary.startswith("The Coordinator builds up, supports")


def test_ad_round_trip_keeps_edits_and_unknown_fields() -> None:
    ad = JobAd(title="T", summary="Edited by hand.", required=["R"])
    data = ad.to_dict() | {"salary": "$22/hour"}
    again = JobAd.from_dict(data)
    assert again.summary == "Edited by hand." and again.to_dict()["salary"] == "$22/hour"
    assert JobAd.from_dict({}).how_to_apply == DEFAULT_APPLY
