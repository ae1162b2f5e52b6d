"""The facts a US posting needs: pay, location, FLSA status, employment type, closing date."""

from __future__ import annotations

import datetime as dt

import pytest

from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.posting import Arrangement, Location, Pay, PayPeriod, long_date, money
from jdbuilder.model.structure import check_posting


def test_pay_reads_as_a_posting_writes_it() -> None:
    assert Pay(21.5, 25.0).display() == "$21.50-$25.00 per hour"
    assert Pay(52000, 60000, PayPeriod.YEAR).display() == "$52,000-$60,000 per year"
    assert Pay(22.0).display() == "$22.00 per hour"
    assert Pay(None, 64000.0, PayPeriod.YEAR).display() == "$64,000 per year"
    assert Pay().display() == "" and not Pay().is_set
    assert money(1234.5) == "$1,234.50"


@pytest.mark.parametrize("bad", [
    {"min": 30, "max": 20}, {"min": -1}, {"min": "twenty"}, {"min": True},
    {"min": float("nan")}, {"max": 1e400}, {"per": "week"}, {"min": 1e12}, "20 an hour",
])
def test_impossible_pay_is_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        Pay.from_dict(bad)  # type: ignore[arg-type]


def test_location_as_text_or_as_parts() -> None:
    assert Location.from_dict("Springfield, MA").display() == "Springfield, MA"
    loc = Location.from_dict({"place": "Holyoke, MA", "arrangement": "hybrid",
                              "travel": "Hampden County"})
    assert loc.arrangement is Arrangement.HYBRID
    assert loc.display() == "Holyoke, MA; hybrid; travel within Hampden County"
    with pytest.raises(ValueError, match="on-site, hybrid or remote"):
        Location.from_dict({"arrangement": "sometimes"})


def test_the_facts_round_trip_and_older_files_load_without_them() -> None:
    data = {"title": "Peer Specialist", "pay": {"min": 21.5, "max": 25.0, "per": "hour"},
            "location": {"place": "Springfield, MA", "arrangement": "on-site"},
            "flsa": "non-exempt", "employment_type": "full-time",
            "closing_date": "2027-01-15", "apply": "Apply at example.org/jobs.",
            "accommodation_contact": "hr@example.org"}
    jd = JobDescription.from_dict(data)
    assert jd.closing_date == dt.date(2027, 1, 15) and jd.pay.max == 25.0
    assert JobDescription.from_dict(jd.to_dict()) == jd
    assert jd.to_dict()["pay"] == {"min": 21.5, "max": 25.0, "per": "hour"}
    old = JobDescription.from_dict({"title": "Peer Specialist"})
    assert not old.pay.is_set and old.closing_date is None and old.apply == ""


@pytest.mark.parametrize(("key", "value"), [
    ("closing_date", "2026-13-45"), ("closing_date", 20270115), ("flsa", "maybe"),
    ("employment_type", "gig"),
])
def test_invalid_facts_name_the_field(key: str, value: object) -> None:
    with pytest.raises(ValueError, match=key):
        JobDescription.from_dict({key: value})


def test_long_dates() -> None:
    assert long_date(dt.date(2027, 1, 5)) == "January 5, 2027"


def test_the_posting_check_asks_for_a_pay_range_and_a_way_to_apply() -> None:
    jd = JobDescription(title="Peer Specialist")
    codes = [f.code for f in check_posting(jd)]
    assert codes == ["no-pay", "no-apply"]
    assert "pay-transparency" in check_posting(jd)[0].message
    jd.pay = Pay(21.0)
    assert check_posting(jd)[0].code == "no-pay-range"
    jd.pay, jd.apply = Pay(21.0, 24.0), "Email jobs@example.org."
    assert check_posting(jd) == []
