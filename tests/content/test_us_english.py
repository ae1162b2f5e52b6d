"""Shipped content is written in US English and US employment terms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.content.british_terms import british_findings, british_terms

ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIRS = [ROOT / "resources" / "library", ROOT / "resources" / "questions"]
CONTENT_FILES = [ROOT / "resources" / "interview" / "scripts.yaml"]
DOCS = [ROOT / "docs" / "library.md", ROOT / "docs" / "CONTENT-FORMAT.md"]
# Identifiers stay stable once shipped (some predate the US spelling rule); they are not text.
IDENTIFIER_KEYS = frozenset({"id"})


def _content_files() -> list[Path]:
    files = [p for d in CONTENT_DIRS for p in sorted(d.rglob("*.yaml"))]
    return files + [p for p in CONTENT_FILES if p.is_file()]


def _strings(node: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if str(key) not in IDENTIFIER_KEYS:
                yield from _strings(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            label = node[i].get("id", i) if isinstance(value, dict) else i
            yield from _strings(value, f"{where}[{label}]")
    elif isinstance(node, str):
        yield where, node


def test_content_files_are_found() -> None:
    files = _content_files()
    assert len(files) >= 20
    assert any(p.parent.name == "roles" for p in files)
    assert any(p.parent.name == "questions" for p in files)


@pytest.mark.parametrize("path", _content_files(), ids=lambda p: p.name)
def test_shipped_content_uses_us_english(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = [(where, f.term, f.suggestion)
                for where, text in _strings(data, path.name)
                for f in british_findings(text)]
    assert problems == []


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_content_docs_use_us_english(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    problems = british_terms(text, ignore_code_spans=True)
    assert problems == [], [(t, text.count("\n", 0, o) + 1) for t, o in problems]


@pytest.mark.parametrize("text", [
    "The programme is run by the organisation.",
    "Their behaviour, colour and favourite neighbourhood.",
    "A person-centred drop-in centre.",
    "Use good judgement; be non-judgemental.",
    "Recognises strengths and prioritises what matters.",
    "Travelling, labelled, counselling and modelling.",
    "A counsellor will fulfil the enrolment.",
    "Holds a driving licence; defence and offence.",
    "Practise the skill whilst amongst friends.",
    "Peer staff are on a zero-hours contract.",
    "Shifts follow a rota and supervision is fortnightly.",
    "Includes public holidays and bank holidays.",
    "Supports people leaving custody.",
    "Supports young people leaving care.",
    "Knows about student finance.",
    "Send your CV to the manager.",
    "Family carers are welcome.",
    "Went to A&E and then saw their GP.",
    "Call me on my mobile phone.",
    "While they are in hospital.",
    "Works at weekends.",
    "Takes annual leave or goes on holiday.",
    "The NHS trust and the local council.",
    "Monday to Friday, one-to-one.",
    "Analyse the results and minimise harm.",
    "Visits happen at short notice; staff cover reception.",
    "Coordinates schedules, cover and resources.",
    "She wants to drop out of her college course.",
    "Helps people fill in a form at the chemist.",
    "Peer mentors are on a sessional, zero-hour basis.",
    "Reasonable adjustments are available.",
])
def test_british_forms_are_found(text: str) -> None:
    assert british_terms(text), text


@pytest.mark.parametrize("text", [
    "Advise, exercise, supervise and otherwise use expertise.",
    "A promise, an enterprise, a compromise and a surprise.",
    "Raised funds at the fundraising event; revised the premises.",
    "Two crises; improvisation; a wise, precise choice.",
    "The program center is organized around behavior and color.",
    "Recognizes good judgment; nonjudgmental and traveling.",
    "Works on weekends and paid holidays, in the hospital.",
    "Schedules are shared every two weeks, one-on-one.",
    "Joint custody of her children; child custody hearings.",
    "A flat rate and a flat no; a color scheme.",
    "Caregivers call a primary care provider from a cell phone.",
    "The Centre for Mental Health and the NHS Confederation published it.",
    "Hospital settings, hospital staff and hospital-based care.",
    "A valid driver's license and insurance, or another reliable way to travel.",
    "Visits happen on short notice; costs are covered; a training course.",
])
def test_us_forms_and_proper_names_pass(text: str) -> None:
    assert british_terms(text) == [], text


def test_offsets_point_at_the_term() -> None:
    text = "The new programme helps organisations."
    found = british_terms(text)
    assert [t for t, _ in found] == ["programme", "organisations"]
    assert all(text[o:o + len(t)] == t for t, o in found)


def test_extra_allowed_phrases_and_code_spans() -> None:
    assert british_terms("Run by Hilltown Programme Trust.",
                         allowed=("Hilltown Programme Trust",)) == []
    assert british_terms("Set `organisation` in settings.",
                         ignore_code_spans=True) == []
    assert british_terms("Set `organisation` in settings.") != []
