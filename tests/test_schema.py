from __future__ import annotations

from jdbuilder.datafile import parse_yaml
from jdbuilder.schema import Field, validate

SCHEMA = {
    "id": Field("id"),
    "kind": Field("str", choices=frozenset({"a", "b"})),
    "items": Field("list", items=Field("text"), min_items=1),
    "when": Field("date", required=False),
    "flag": Field("bool", required=False),
}


def problems(text: str) -> list[tuple[str, str, int | None]]:
    return [(p.field, p.reason, p.line) for p in validate(parse_yaml(text, "x.yaml"), SCHEMA)]


def test_valid() -> None:
    assert problems("id: ok.id\nkind: a\nitems: [x]\nwhen: 2026-01-02\nflag: true\n") == []


def test_each_problem_names_the_field_and_line() -> None:
    found = problems("id: Bad Id\nkind: c\nitems: []\nwhen: soon\nflag: 3\nextra: 1\n")
    fields = {f for f, _, _ in found}
    assert fields == {"id", "kind", "items", "when", "flag", "extra"}
    assert all(line == 1 for _, _, line in found)


def test_missing_required() -> None:
    assert ("kind", "is required", 1) in problems("id: x\nitems: [a]\n")


def test_list_items_are_checked() -> None:
    found = problems("id: x\nkind: a\nitems: ['', 5]\n")
    assert {f for f, _, _ in found} == {"items[1]", "items[2]"}
