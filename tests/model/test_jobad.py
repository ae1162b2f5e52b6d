from __future__ import annotations

from jdbuilder.library import Library, template_job_description
from jdbuilder.model.jobad import (
    DEFAULT_APPLY,
    Employer,
    JobAd,
    accept_current,
    generate_ad,
    refresh_ad,
    use_generated,
)
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


def _jd() -> JobDescription:
    return JobDescription(title="Peer Mentor", hours="20 hours a week",
                          function="The Peer Mentor draws on their own experience to support "
                                   "young people.", reports_to=["Team Lead"],
                          areas=[ResponsibilityArea("Mentoring", ["d"])],
                          qualifications=[Qualification("Lived experience.", "required")],
                          apply="Apply at example.org/jobs.")


def test_unedited_parts_follow_the_description() -> None:
    jd = _jd()
    ad = generate_ad(jd)
    assert ad.how_to_apply == "Apply at example.org/jobs."
    jd.title, jd.hours, jd.apply = "Senior Peer Mentor", "30 hours a week", "Call 555-0100."
    jd.qualifications.append(Qualification("Spanish.", "preferred"))
    result = refresh_ad(ad, jd)
    assert result.ad.title == "Senior Peer Mentor" and result.ad.hours == "30 hours a week"
    assert result.ad.how_to_apply == "Call 555-0100." and result.ad.preferred == ["Spanish."]
    assert result.stale == () and set(result.updated) >= {"title", "hours", "how_to_apply"}
    assert ad.title == "Peer Mentor"  # the ad given is not changed


def test_edited_parts_are_kept_and_marked_out_of_date_when_their_source_changes() -> None:
    jd = _jd()
    ad = generate_ad(jd)
    ad.summary = "Our own words about the job."
    assert refresh_ad(ad, jd).stale == ()  # edited, but nothing changed underneath
    jd.function = "The Peer Mentor walks alongside young people as they find work."
    result = refresh_ad(ad, jd)
    assert result.ad.summary == "Our own words about the job."
    assert result.stale == ("summary",)
    kept = accept_current(result.ad, "summary", jd)
    assert refresh_ad(kept, jd).stale == () and kept.summary == "Our own words about the job."
    fresh = use_generated(result.ad, "summary", jd)
    assert fresh.summary.startswith("You will walk alongside")
    assert not fresh.edited("summary")


def test_the_boilerplate_is_the_organisations_and_always_current() -> None:
    jd = _jd()
    ad = generate_ad(jd, employer=Employer("Harbor Peer Network", "We hire fairly.",
                                           "Dana at hr@example.org"))
    assert ad.equal_opportunity == "We hire fairly."
    assert "Dana at hr@example.org" in ad.accommodation
    ad.equal_opportunity = "Edited by hand."
    jd.accommodation_contact = "Sam at 555-0199"
    result = refresh_ad(ad, jd, Employer("Harbor Peer Network", "We hire fairly.", "Dana"))
    assert result.ad.equal_opportunity == "We hire fairly."
    assert "Sam at 555-0199" in result.ad.accommodation  # the description's contact first


def test_an_ad_from_before_parts_were_tracked() -> None:
    jd = _jd()
    old = JobAd.from_dict({"title": "Peer Mentor", "summary": "Hand-written summary."})
    result = refresh_ad(old, jd)
    assert result.ad.summary == "Hand-written summary." and result.stale == ()
    jd.title = "Youth Peer Mentor"
    again = refresh_ad(result.ad, jd)
    assert again.ad.title == "Youth Peer Mentor"  # it matched, so it follows from now on
