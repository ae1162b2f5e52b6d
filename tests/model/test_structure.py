from __future__ import annotations

import copy

import pytest

from jdbuilder.model.jobdesc import JobDescription, Qualification, ResponsibilityArea
from jdbuilder.model.structure import check_structure, count_sentences


def codes(jd: JobDescription) -> set[str]:
    return {f.code for f in check_structure(jd)}


def good_jd() -> JobDescription:
    return JobDescription(
        title="Peer Specialist",
        program="Community Services",
        reports_to=["Peer Services Supervisor"],
        hours="30 hours per week",
        function="Offers mutual support grounded in lived experience of recovery.",
        areas=[ResponsibilityArea(f"Area {i}", [f"Duty {i}."]) for i in range(4)],
        qualifications=[
            Qualification("Lived experience of a psychiatric diagnosis or trauma.", "required"),
            Qualification("Group facilitation experience.", "preferred"),
        ],
        employment_conditions=["Some evening work."],
    )


def test_good_job_description_has_no_findings() -> None:
    assert check_structure(good_jd()) == []


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("One sentence.", 1),
        ("One sentence, e.g. with an abbreviation, etc. and more.", 1),
        ("First. Second.", 2),
        ("Is it one? Yes it is.", 2),
        ("No full stop at the end", 1),
        ("Costs 3.5 hours.", 1),
        ("", 0),
    ],
)
def test_count_sentences(text: str, n: int) -> None:
    assert count_sentences(text) == n


def test_function_longer_than_one_sentence() -> None:
    jd = good_jd()
    jd.function = "Offers support. Also runs groups."
    assert "function-too-long" in codes(jd)


def test_missing_function() -> None:
    jd = good_jd()
    jd.function = " "
    assert "no-function" in codes(jd)


@pytest.mark.parametrize(("n", "code"), [(3, "too-few-areas"), (7, "too-many-areas")])
def test_area_count(n: int, code: str) -> None:
    jd = good_jd()
    jd.areas = [ResponsibilityArea(f"A{i}", ["d"]) for i in range(n)]
    assert code in codes(jd)


def test_area_without_duties() -> None:
    jd = good_jd()
    jd.areas[2].duties = []
    found = [f for f in check_structure(jd) if f.code == "area-no-duties"]
    assert found and found[0].section == "area:3" and "Area 2" in found[0].message


def test_no_reporting_relationship() -> None:
    jd = good_jd()
    jd.reports_to = []
    assert "no-reporting" in codes(jd)


def test_qualifications_not_required_first() -> None:
    jd = good_jd()
    jd.qualifications = list(reversed(jd.qualifications))
    assert "qualifications-order" in codes(jd)


def test_no_employment_conditions() -> None:
    jd = good_jd()
    jd.employment_conditions = []
    assert "no-conditions" in codes(jd)


def test_lived_experience_requirement_missing() -> None:
    jd = good_jd()
    jd.qualifications = [Qualification("High school diploma.", "required")]
    assert "no-lived-experience" in codes(jd)


def test_check_does_not_modify() -> None:
    jd = good_jd()
    before = copy.deepcopy(jd)
    check_structure(jd)
    assert jd == before
