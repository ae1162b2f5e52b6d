"""The facts a US job posting needs: pay, location and arrangement, FLSA status, employment type,
closing date, how to apply and whom to ask for an accommodation.

They live in the job description (`pay`, `location`, `flsa`, `employment_type`,
`closing_date`, `apply`, `accommodation_contact`) and print in the description and the ad. A
file written before they existed loads without them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from jdbuilder.model.serial import Json, split_known, text

MAX_PAY = 10_000_000.0  # per year; anything above is a typing slip, not a salary


class PayPeriod(StrEnum):
    HOUR = "hour"
    YEAR = "year"


class Arrangement(StrEnum):
    ON_SITE = "on-site"
    HYBRID = "hybrid"
    REMOTE = "remote"

    @property
    def label(self) -> str:
        return {"on-site": "On site", "hybrid": "Hybrid", "remote": "Remote"}[self.value]


class FlsaStatus(StrEnum):
    NON_EXEMPT = "non-exempt"
    EXEMPT = "exempt"

    @property
    def label(self) -> str:
        return {"non-exempt": "Non-exempt (paid overtime)",
                "exempt": "Exempt (salaried, no overtime)"}[self.value]


class EmploymentType(StrEnum):
    FULL_TIME = "full-time"
    PART_TIME = "part-time"
    TEMPORARY = "temporary"
    PER_DIEM = "per-diem"
    CONTRACT = "contract"

    @property
    def label(self) -> str:
        return {"full-time": "Full time", "part-time": "Part time", "temporary": "Temporary",
                "per-diem": "Per diem", "contract": "Contract"}[self.value]


def _amount(data: Mapping[str, Any], key: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"pay '{key}' should be a number")
    amount = float(value)
    if not math.isfinite(amount) or amount <= 0 or amount > MAX_PAY:
        raise ValueError(f"pay '{key}' must be a positive amount below "
                         f"{MAX_PAY:,.0f}, not {value}")
    return amount


def money(amount: float) -> str:
    """$21.50, $52,000 (cents only where there are some)."""
    if amount == int(amount) and amount >= 1000:
        return f"${amount:,.0f}"
    return f"${amount:,.2f}"


@dataclass(frozen=True)
class Pay:
    """A pay range: "$21.50-$25.00 per hour". One end alone is a single rate."""

    min: float | None = None
    max: float | None = None
    per: PayPeriod = PayPeriod.HOUR

    def __post_init__(self) -> None:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"pay minimum {money(self.min)} is above the maximum "
                             f"{money(self.max)}")

    @property
    def is_set(self) -> bool:
        return self.min is not None or self.max is not None

    @property
    def is_range(self) -> bool:
        """Both ends given (what pay-transparency laws ask for)."""
        return self.min is not None and self.max is not None

    def display(self) -> str:
        if not self.is_set:
            return ""
        if self.min is not None and self.max is not None and self.min != self.max:
            amount = f"{money(self.min)}-{money(self.max)}"
        else:
            amount = money(self.min if self.min is not None else self.max or 0.0)
        return f"{amount} per {self.per.value}"

    def to_dict(self) -> Json:
        return {"min": self.min, "max": self.max, "per": self.per.value}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Pay:
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise ValueError("'pay' should be an object with min, max and per")
        per = data.get("per", PayPeriod.HOUR)
        if per not in {p.value for p in PayPeriod}:
            raise ValueError(f"pay 'per' must be 'hour' or 'year', not {per!r}")
        return cls(_amount(data, "min"), _amount(data, "max"), PayPeriod(per))


@dataclass(frozen=True)
class Location:
    """Where the work is and how: "Springfield, MA; hybrid; travel within Hampden County"."""

    place: str = ""
    arrangement: Arrangement | None = None
    travel: str = ""  # the travel area, if the work involves travel
    extra: Json = field(default_factory=dict, compare=False)

    _FIELDS = ("place", "arrangement", "travel")

    @property
    def is_set(self) -> bool:
        return bool(self.place.strip() or self.arrangement or self.travel.strip())

    def display(self) -> str:
        parts = [self.place.strip()]
        if self.arrangement:
            parts.append(self.arrangement.label.lower())
        if self.travel.strip():
            parts.append(f"travel within {self.travel.strip()}")
        return "; ".join(p for p in parts if p)

    def to_dict(self) -> Json:
        return {"place": self.place, "arrangement": self.arrangement.value
                if self.arrangement else "", "travel": self.travel, **self.extra}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | str | None) -> Location:
        if data is None:
            return cls()
        if isinstance(data, str):  # a plain place name
            return cls(place=data)
        if not isinstance(data, Mapping):
            raise ValueError("'location' should be text or an object with place, "
                             "arrangement and travel")
        _, extra = split_known(data, cls._FIELDS)
        arrangement = text(data, "arrangement")
        if arrangement and arrangement not in {a.value for a in Arrangement}:
            raise ValueError(f"location 'arrangement' must be on-site, hybrid or remote, "
                             f"not {arrangement!r}")
        return cls(place=text(data, "place"),
                   arrangement=Arrangement(arrangement) if arrangement else None,
                   travel=text(data, "travel"), extra=extra)


def choice(data: Mapping[str, Any], key: str, enum: type[StrEnum]) -> str:
    value = text(data, key)
    allowed = [m.value for m in enum]
    if value and value not in allowed:
        raise ValueError(f"'{key}' must be one of {', '.join(allowed)}, not {value!r}")
    return value


def closing_date(data: Mapping[str, Any]) -> dt.date | None:
    value = data.get("closing_date")
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError("'closing_date' should be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'closing_date' {value!r} is not a real date (YYYY-MM-DD)") from None


def long_date(day: dt.date) -> str:
    """January 15, 2027."""
    return f"{day:%B} {day.day}, {day.year}"
