"""Job facts for rewrites, read from the project's job description, never invented."""

from __future__ import annotations

from typing import Any

from jdbuilder.interview.facts import SETTING_WORDS, facts_from_job
from jdbuilder.interview.questions import BLANK, FACT_KEYS, check_question, default_rules
from jdbuilder.model.jobdesc import JobDescription, Qualification, ResponsibilityArea
from jdbuilder.model.statement import SETTINGS
from jdbuilder.vocab import Verdict


def test_facts_come_from_the_job_description() -> None:
    jd = JobDescription(
        hours="30 hours per week", schedule="Weekdays, with one evening group a week",
        areas=[ResponsibilityArea("Mutual peer support"), ResponsibilityArea("Group work"),
               ResponsibilityArea("Advocacy")],
        qualifications=[Qualification("Fluency in Spanish."),
                        Qualification("Must be at least 21 under state licensing rules.")],
        employment_conditions=["Reliable means of travel to home visits across the area.",
                               "Standing at outreach events for up to two hours."],
        extra={"location": "Springfield"})
    facts = facts_from_job(jd, settings=["inpatient", "community"])
    assert facts == {
        "hours": "30 hours per week",
        "schedule": "Weekdays, with one evening group a week",
        "essential_functions": "mutual peer support, group work and advocacy",
        "travel": "Reliable means of travel to home visits across the area.",
        "physical_requirements": "Standing at outreach events for up to two hours.",
        "languages": "Fluency in Spanish.",
        "setting": "an inpatient unit and the community",
        "location": "Springfield",
        "minimum_age": "21",
    }
    assert set(facts) <= set(FACT_KEYS)


def test_missing_facts_stay_missing() -> None:
    facts = facts_from_job(JobDescription(title="Peer Specialist"))
    assert facts == {}
    v = check_question("Do you have a bad back?", facts=facts)
    assert v.blanks == ("physical_requirements",) and v.rewrite and BLANK in v.rewrite


def test_every_setting_has_words() -> None:
    assert set(SETTING_WORDS) == set(SETTINGS)


def test_rewrites_with_every_role_templates_facts_check_ok(library: Any) -> None:
    from jdbuilder.library import template_job_description

    for role in library.roles.values():
        facts = facts_from_job(template_job_description(role), settings=role.settings)
        assert facts.get("hours") and facts.get("essential_functions"), role.id
        for rule in default_rules():
            for rw in rule.rewrites:
                text, blanks = rw.render(facts)
                assert set(blanks) == set(rw.facts) - set(facts), (role.id, rule.id)
                assert check_question(text).verdict == Verdict.OK, (role.id, rule.id, text)
