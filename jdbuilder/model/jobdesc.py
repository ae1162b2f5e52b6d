"""The job description in the structure the Provider's Handbook recommends.

Function in one sentence; reporting relationships; 4-6 core responsibility areas with duties;
qualifications in order of importance (required, then preferred); employment conditions; and
abilities and attributes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from jdbuilder.model.posting import (
    EmploymentType,
    FlsaStatus,
    Location,
    Pay,
    choice,
    closing_date,
)
from jdbuilder.model.serial import Json, obj_list, split_known, text, text_list

TITLE_LIMIT = 300  # characters of a title: documents' properties hold up to 255


@dataclass
class ResponsibilityArea:
    title: str
    duties: list[str] = field(default_factory=list)
    extra: Json = field(default_factory=dict)

    _FIELDS = ("title", "duties")

    def to_dict(self) -> Json:
        return {"title": self.title, "duties": list(self.duties), **self.extra}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ResponsibilityArea:
        _, extra = split_known(data, cls._FIELDS)
        return cls(title=text(data, "title"), duties=text_list(data, "duties"), extra=extra)


@dataclass
class Qualification:
    text: str
    level: str = "required"  # required | preferred
    extra: Json = field(default_factory=dict)

    _FIELDS = ("text", "level")

    @property
    def required(self) -> bool:
        return self.level == "required"

    def to_dict(self) -> Json:
        return {"text": self.text, "level": self.level, **self.extra}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Qualification:
        _, extra = split_known(data, cls._FIELDS)
        level = text(data, "level", "required")
        if level not in ("required", "preferred"):
            raise ValueError(f"qualification level '{level}' is not 'required' or 'preferred'")
        return cls(text=text(data, "text"), level=level, extra=extra)


@dataclass
class JobDescription:
    title: str = ""
    program: str = ""
    reports_to: list[str] = field(default_factory=list)
    supervises: list[str] = field(default_factory=list)
    supervision: str = ""
    hours: str = ""
    schedule: str = ""
    function: str = ""
    areas: list[ResponsibilityArea] = field(default_factory=list)
    qualifications: list[Qualification] = field(default_factory=list)
    employment_conditions: list[str] = field(default_factory=list)
    abilities: list[str] = field(default_factory=list)
    # the facts a posting needs (jdbuilder.model.posting)
    pay: Pay = field(default_factory=Pay)
    location: Location = field(default_factory=Location)
    flsa: str = ""  # FlsaStatus value, or "" when not stated
    employment_type: str = ""  # EmploymentType value, or ""
    closing_date: dt.date | None = None
    apply: str = ""  # how to apply
    accommodation_contact: str = ""  # whom to ask for an accommodation during hiring
    role_id: str = ""
    extra: Json = field(default_factory=dict)

    _FIELDS = (
        "title", "program", "reports_to", "supervises", "supervision", "hours", "schedule",
        "function", "areas", "qualifications", "employment_conditions", "abilities", "pay",
        "location", "flsa", "employment_type", "closing_date", "apply",
        "accommodation_contact", "role_id",
    )

    @property
    def required_qualifications(self) -> list[Qualification]:
        return [q for q in self.qualifications if q.required]

    @property
    def preferred_qualifications(self) -> list[Qualification]:
        return [q for q in self.qualifications if not q.required]

    def all_text(self) -> list[tuple[str, str]]:
        """Every piece of text the language check reads, with a label saying where it is."""
        from jdbuilder.model.fields import text_items

        return [(item.label, item.text) for item in text_items(self)]

    def to_dict(self) -> Json:
        return {
            "role_id": self.role_id,
            "title": self.title,
            "program": self.program,
            "reports_to": list(self.reports_to),
            "supervises": list(self.supervises),
            "supervision": self.supervision,
            "hours": self.hours,
            "schedule": self.schedule,
            "function": self.function,
            "areas": [a.to_dict() for a in self.areas],
            "qualifications": [q.to_dict() for q in self.qualifications],
            "employment_conditions": list(self.employment_conditions),
            "abilities": list(self.abilities),
            "pay": self.pay.to_dict() if self.pay.is_set else None,
            "location": self.location.to_dict() if self.location.is_set else "",
            "flsa": self.flsa,
            "employment_type": self.employment_type,
            "closing_date": self.closing_date.isoformat() if self.closing_date else "",
            "apply": self.apply,
            "accommodation_contact": self.accommodation_contact,
            **self.extra,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JobDescription:
        _, extra = split_known(data, cls._FIELDS)
        return cls(
            title=text(data, "title", limit=TITLE_LIMIT),
            program=text(data, "program", limit=TITLE_LIMIT),
            reports_to=text_list(data, "reports_to"),
            supervises=text_list(data, "supervises"),
            supervision=text(data, "supervision"),
            hours=text(data, "hours"),
            schedule=text(data, "schedule"),
            function=text(data, "function"),
            areas=[ResponsibilityArea.from_dict(a) for a in obj_list(data, "areas")],
            qualifications=[Qualification.from_dict(q) for q in obj_list(data, "qualifications")],
            employment_conditions=text_list(data, "employment_conditions"),
            abilities=text_list(data, "abilities"),
            pay=Pay.from_dict(data.get("pay")),
            location=Location.from_dict(data.get("location")),
            flsa=choice(data, "flsa", FlsaStatus),
            employment_type=choice(data, "employment_type", EmploymentType),
            closing_date=closing_date(data),
            apply=text(data, "apply"),
            accommodation_contact=text(data, "accommodation_contact"),
            role_id=text(data, "role_id"),
            extra=extra,
        )
