"""A small declarative schema for content files, with messages that name entry and field.

Content is validated loudly at load: an author who mistypes a field name or a controlled value
learns which file, which entry and which field, instead of meeting a silent gap later.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

ID_RE = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")


@dataclass(frozen=True)
class Field:
    """One field of a mapping: its kind, whether it is required, and what values it allows."""

    kind: str  # str | text | int | bool | date | list | map | dict | id | any
    required: bool = True
    choices: frozenset[str] | None = None
    items: Field | None = None
    schema: Mapping[str, Field] | None = None
    min_items: int = 0
    max_items: int | None = None
    check: Callable[[Any], str | None] | None = None
    allow_extra: bool = False
    values: Field | None = field(default=None)


@dataclass(frozen=True)
class Problem:
    field: str
    reason: str
    line: int | None = None


def _line(value: Any) -> int | None:
    return getattr(value, "line", None)


def validate(data: Any, schema: Mapping[str, Field], *, allow_extra: bool = False,
             prefix: str = "") -> list[Problem]:
    """Check a mapping against a schema; returns the problems found (empty when valid)."""
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        return [Problem(prefix or "(entry)", f"expected a mapping, found {_kind_name(data)}")]
    for name, spec in schema.items():
        path = f"{prefix}{name}"
        if name not in data or data[name] is None:
            if spec.required:
                problems.append(Problem(path, "is required", _line(data)))
            continue
        problems.extend(_check(data[name], spec, path, _line(data)))
    if not allow_extra:
        for name in data:
            if name not in schema:
                known = ", ".join(sorted(schema))
                problems.append(Problem(f"{prefix}{name}", f"unknown field (known: {known})",
                                        _line(data)))
    return problems


def _kind_name(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "nothing"
    return type(value).__name__


def _check(value: Any, spec: Field, path: str, line: int | None) -> list[Problem]:
    kind = spec.kind
    problems: list[Problem] = []
    if kind in ("str", "text", "id"):
        if not isinstance(value, str) or isinstance(value, bool):
            if isinstance(value, (int, float)) and kind == "str":
                value = str(value)
            else:
                return [Problem(path, f"expected text, found {_kind_name(value)}", line)]
        if kind in ("text", "id") and not value.strip():
            return [Problem(path, "must not be empty", line)]
        if kind == "id" and not ID_RE.match(value):
            return [Problem(path, f"'{value}' is not a valid id (a-z, 0-9, '.', '-')", line)]
        if spec.choices is not None and value not in spec.choices:
            allowed = ", ".join(sorted(spec.choices))
            return [Problem(path, f"'{value}' is not one of: {allowed}", line)]
    elif kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            return [Problem(path, f"expected a whole number, found {_kind_name(value)}", line)]
    elif kind == "bool":
        if not isinstance(value, bool):
            return [Problem(path, f"expected true or false, found {_kind_name(value)}", line)]
    elif kind == "date":
        if isinstance(value, dt.date):
            pass
        elif isinstance(value, str):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return [Problem(path, f"'{value}' is not a date (YYYY-MM-DD)", line)]
        else:
            return [Problem(path, f"expected a date, found {_kind_name(value)}", line)]
    elif kind == "list":
        if not isinstance(value, list):
            return [Problem(path, f"expected a list, found {_kind_name(value)}", line)]
        if len(value) < spec.min_items:
            problems.append(Problem(path, f"needs at least {spec.min_items} item(s)", line))
        if spec.max_items is not None and len(value) > spec.max_items:
            problems.append(Problem(path, f"allows at most {spec.max_items} item(s)", line))
        if spec.items is not None:
            for i, item in enumerate(value):
                problems.extend(_check(item, spec.items, f"{path}[{i + 1}]", _line(item) or line))
    elif kind == "dict":
        if spec.schema is None:
            raise ValueError("dict field without schema")
        problems.extend(validate(value, spec.schema, allow_extra=spec.allow_extra,
                                 prefix=f"{path}."))
    elif kind == "map":
        if not isinstance(value, Mapping):
            return [Problem(path, f"expected a mapping, found {_kind_name(value)}", line)]
        if spec.values is not None:
            for key, item in value.items():
                problems.extend(_check(item, spec.values, f"{path}.{key}", _line(value) or line))
    elif kind != "any":
        raise ValueError(f"unknown field kind {kind}")
    if not problems and spec.check is not None:
        reason = spec.check(value)
        if reason:
            problems.append(Problem(path, reason, line))
    return problems
