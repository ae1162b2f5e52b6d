from __future__ import annotations

import pytest

from jdbuilder.model.jobdesc import JobDescription, Qualification


def test_round_trip_keeps_unknown_fields() -> None:
    data = {
        "title": "Recovery Coach",
        "reports_to": ["Director"],
        "areas": [{"title": "Coaching", "duties": ["Meets people."], "colour": "blue"}],
        "qualifications": [{"text": "Lived experience.", "level": "required", "rank": 1}],
        "future_field": {"nested": [1, 2]},
    }
    jd = JobDescription.from_dict(data)
    out = jd.to_dict()
    assert out["future_field"] == {"nested": [1, 2]}
    assert out["areas"][0]["colour"] == "blue"
    assert out["qualifications"][0]["rank"] == 1
    assert JobDescription.from_dict(out) == jd


def test_required_and_preferred_split() -> None:
    jd = JobDescription(qualifications=[Qualification("a", "required"),
                                        Qualification("b", "preferred")])
    assert [q.text for q in jd.required_qualifications] == ["a"]
    assert [q.text for q in jd.preferred_qualifications] == ["b"]


@pytest.mark.parametrize("bad", [
    {"title": 5},
    {"areas": "not a list"},
    {"reports_to": [1, 2]},
    {"qualifications": [{"text": "x", "level": "maybe"}]},
])
def test_wrong_types_are_rejected(bad: dict[str, object]) -> None:
    with pytest.raises((TypeError, ValueError)):
        JobDescription.from_dict(bad)


def test_all_text_labels_every_section(sample_jd: JobDescription) -> None:
    labels = {label.split(" ")[0] for label, _ in sample_jd.all_text()}
    assert {"Job", "Function", "Duty", "Qualification", "Employment"} <= labels
