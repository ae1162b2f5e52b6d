"""The table of job-description and job-ad fields: each field is declared here once.

A field's key (the attribute on the model object), its label, whether it holds one line, several
lines or a list, and whether the language check reads it. The model's text for checks, the
window's editor and its checkable items, the composers and the command line all read this
table, so they cannot disagree about which fields exist or what they are called.

Values are addressed by paths from the project as the window edits it: ("jd", "title"),
("jd", "areas", 2, "duties", 0), ("ad", "required", 1). A string step is an attribute, an
integer step an index into a list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jdbuilder.model.jobad import JobAd
    from jdbuilder.model.jobdesc import JobDescription

ValuePath = tuple[str | int, ...]

JD = "jd"
AD = "ad"


class FieldKind(Enum):
    TEXT = "text"  # one string
    TITLES = "titles"  # a list of job titles, edited as one line separated by semicolons
    TEXT_LIST = "text_list"  # a list of strings, one item each
    AREAS = "areas"  # responsibility areas, each a title and duties
    QUALIFICATIONS = "qualifications"  # text and level (required or preferred)
    PAY = "pay"  # posting.Pay
    LOCATION = "location"  # posting.Location
    CHOICE = "choice"  # one value of a vocabulary, or "" (FLSA status, employment type)
    DATE = "date"  # a date, or None


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    multiline: bool = False
    checked: bool = True  # the language check reads it
    item: str = ""  # what one item of a list is called ("duty")
    placeholder: str = ""
    mnemonic: str = ""  # the letter of the label the window underlines (Alt+letter)
    locked: bool = False  # boilerplate from the organization's settings: shown, not edited

    @property
    def accel_label(self) -> str:
        """The label with "&" before its mnemonic letter, for Qt."""
        i = self.label.lower().find(self.mnemonic.lower()) if self.mnemonic else -1
        return self.label if i < 0 else f"{self.label[:i]}&{self.label[i:]}"


@dataclass(frozen=True)
class TextItem:
    """One piece of text the language check reads, where it is, and what it is called."""

    path: ValuePath
    label: str
    text: str


T = FieldKind
JOB_DESCRIPTION_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "Job title", placeholder="For example: Certified Peer Specialist",
              mnemonic="t"),
    FieldSpec("program", "Program or department", placeholder="The program or department",
              mnemonic="p"),
    FieldSpec("reports_to", "Reports to", T.TITLES, checked=False,
              placeholder="Job titles, separated by semicolons", mnemonic="r"),
    FieldSpec("supervises", "Supervises", T.TITLES, checked=False,
              placeholder="Job titles, or leave empty", mnemonic="s"),
    FieldSpec("supervision", "Supervision", multiline=True,
              placeholder="The kind of supervision given and received (optional)",
              mnemonic="n"),
    FieldSpec("hours", "Hours", placeholder="For example: 30 hours per week", mnemonic="o"),
    FieldSpec("schedule", "Schedule", placeholder="Optional", mnemonic="d"),
    FieldSpec("function", "Function", multiline=True,
              placeholder="The position's main purpose, in one sentence"),
    FieldSpec("areas", "Responsibility areas", T.AREAS, item="responsibility area"),
    FieldSpec("qualifications", "Qualifications", T.QUALIFICATIONS, item="qualification"),
    FieldSpec("employment_conditions", "Employment conditions", T.TEXT_LIST,
              item="employment condition"),
    FieldSpec("abilities", "Abilities and attributes", T.TEXT_LIST, item="ability or attribute"),
    # the facts a posting needs (jdbuilder.model.posting)
    FieldSpec("pay", "Pay", T.PAY, checked=False, mnemonic="y"),
    FieldSpec("location", "Location", T.LOCATION, checked=False,
              placeholder="City and state, or the office address", mnemonic="l"),
    FieldSpec("flsa", "FLSA status", T.CHOICE, checked=False, mnemonic="u"),
    FieldSpec("employment_type", "Employment type", T.CHOICE, checked=False, mnemonic="m"),
    FieldSpec("closing_date", "Closing date", T.DATE, checked=False, mnemonic="c"),
    FieldSpec("apply", "How to apply", multiline=True, mnemonic="w",
              placeholder="Where to send an application, or a link; and that other ways to "
                          "apply can be arranged"),
    FieldSpec("accommodation_contact", "Accommodation contact", checked=False, mnemonic="i",
              placeholder="Who arranges accommodations during hiring: name, email or phone "
                          "(Preferences has the organization's default)"),
)
JOB_AD_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "Title", mnemonic="t"),
    FieldSpec("hours", "Hours", mnemonic="o"),
    FieldSpec("summary", "What you will do", multiline=True, mnemonic="w"),
    FieldSpec("required", "Required", T.TEXT_LIST, item="required qualification"),
    FieldSpec("preferred", "Preferred", T.TEXT_LIST, item="preferred qualification"),
    FieldSpec("how_to_apply", "How to apply", multiline=True, mnemonic="a"),
    FieldSpec("equal_opportunity", "Equal opportunity", multiline=True, locked=True),
    FieldSpec("accommodation", "Accommodation", multiline=True, locked=True),
)
del T

_BY_KEY = {JD: {f.key: f for f in JOB_DESCRIPTION_FIELDS},
           AD: {f.key: f for f in JOB_AD_FIELDS}}
_ROOT_PREFIX = {JD: "", AD: "Ad: "}


def field_spec(root: str, key: str) -> FieldSpec:
    """The declaration of one field ("jd", "hours")."""
    return _BY_KEY[root][key]


def _item_label(spec: FieldSpec, index: int) -> str:
    return f"{spec.item[:1].upper()}{spec.item[1:]} {index + 1}"


def area_label(index: int) -> str:
    return f"Responsibility area {index + 1}"


def duty_label(index: int, area_title: str, area_index: int) -> str:
    return f"Duty {index + 1} ({area_title.strip() or f'area {area_index + 1}'})"


def _items(root: str, fields: tuple[FieldSpec, ...], obj: object) -> Iterator[TextItem]:
    prefix = _ROOT_PREFIX[root]
    for spec in fields:
        if not spec.checked:
            continue
        value = getattr(obj, spec.key)
        if spec.kind is FieldKind.TEXT:
            yield TextItem((root, spec.key), prefix + spec.label, value)
        elif spec.kind is FieldKind.TITLES:
            yield TextItem((root, spec.key), prefix + spec.label, "; ".join(value))
        elif spec.kind is FieldKind.TEXT_LIST:
            for i, text in enumerate(value):
                yield TextItem((root, spec.key, i), prefix + _item_label(spec, i), text)
        elif spec.kind is FieldKind.QUALIFICATIONS:
            for i, q in enumerate(value):
                yield TextItem((root, spec.key, i, "text"), prefix + _item_label(spec, i), q.text)
        elif spec.kind is FieldKind.AREAS:
            for i, area in enumerate(value):
                yield TextItem((root, spec.key, i, "title"), prefix + area_label(i), area.title)
                for j, duty in enumerate(area.duties):
                    yield TextItem((root, spec.key, i, "duties", j),
                                   prefix + duty_label(j, area.title, i), duty)


def text_items(jd: JobDescription, ad: JobAd | None = None) -> list[TextItem]:
    """Every non-empty text the language check reads, in document order: the job description,
    then the ad when one is given."""
    out = list(_items(JD, JOB_DESCRIPTION_FIELDS, jd))
    if ad is not None:
        out += _items(AD, JOB_AD_FIELDS, ad)
    return [item for item in out if item.text.strip()]


def label_for(path: ValuePath, jd: JobDescription, ad: JobAd | None = None) -> str:
    """Where a value is, in words ("Duty 2 (Mutual peer support)"), for any path into the job
    description or the ad, checked or not."""
    if len(path) < 2 or path[0] not in _BY_KEY or not isinstance(path[1], str):
        return " / ".join(str(p) for p in path)
    root, key = str(path[0]), path[1]
    spec = _BY_KEY[root].get(key)
    if spec is None:
        return " / ".join(str(p) for p in path)
    prefix = _ROOT_PREFIX[root]
    rest = path[2:]
    if not rest or not isinstance(rest[0], int):
        return prefix + spec.label
    i = rest[0]
    if spec.kind is FieldKind.AREAS:
        if len(rest) >= 3 and isinstance(rest[2], int):
            areas = jd.areas
            title = areas[i].title if 0 <= i < len(areas) else ""
            return prefix + duty_label(rest[2], title, i)
        return prefix + area_label(i)
    return prefix + _item_label(spec, i)
