from __future__ import annotations

import re
from pathlib import Path

import pytest

from jdbuilder.errors import ContentError
from jdbuilder.interview.questions import check_question
from jdbuilder.interview.scripts import (
    SCRIPT_IDS,
    default_scripts,
    load_scripts,
    opening_and_closing,
    planned_minutes,
)
from jdbuilder.language import check_many

GOOD = """\
scripts:
  - id: opening
    title: Opening
    minutes: 5
    steps: ["Welcome.", "We take notes."]
    source: Our guide
    reviewed_on: 2026-12-01
  - id: closing
    title: Closing
    minutes: 8
    steps: ["What would you like to ask us?", "Thank you."]
    source: Our guide
    reviewed_on: 2026-12-01
"""


def _covers(steps: tuple[str, ...], pattern: str) -> bool:
    return any(re.search(pattern, s, re.IGNORECASE) for s in steps)


def test_shipped_scripts_load() -> None:
    scripts = default_scripts()
    assert tuple(scripts) == SCRIPT_IDS
    for s in scripts.values():
        assert s.title and s.source and s.reviewed_on and len(s.steps) >= 2
        assert 1 <= s.minutes <= 30


@pytest.mark.parametrize("topic", [
    r"\bwelcome\b",  # welcome
    r"introduce ourselves|panel member",  # introductions
    r"how the interview will go",  # structure
    r"about \{interview_minutes\} minutes",  # length (filled from the kit's timing)
    r"take notes",  # notes are taken
    r"every candidate the same questions",  # same questions for everyone
    r"\bbreak\b.*\bformat\b|accommodat",  # accommodation offer
    r"you decide what.*share",  # the candidate chooses what to share
])
def test_opening_covers(topic: str) -> None:
    opening, _ = opening_and_closing()
    assert _covers(opening.steps, topic), topic


@pytest.mark.parametrize("topic", [
    r"what would you like to ask us",  # the candidate's questions
    r"what happens next",  # next steps
    r"decision by \{decision_date\}",  # timeline (filled from the kit's details)
    r"conditional offer",  # fair-chance order
    r"\bthank you\b",  # thanks
])
def test_closing_covers(topic: str) -> None:
    _, closing = opening_and_closing()
    assert _covers(closing.steps, topic), topic


def test_scripts_ask_nothing_unlawful_and_read_cleanly() -> None:
    steps = [s for script in default_scripts().values() for s in script.steps]
    asked = [q for s in steps for q in re.findall(r"[^.?!]*\?", s)]
    assert len(asked) >= 3  # the scripts do put questions to the candidate
    for question in asked:
        verdict = check_question(question.strip())
        assert verdict.verdict == "ok", (question, verdict.category)
    findings = [(t, f.rule) for t, r in zip(steps, check_many(steps), strict=True)
                for f in r.findings if f.severity != "info"]
    assert findings == []


def test_planned_minutes_adds_opening_and_closing() -> None:
    opening, closing = opening_and_closing()
    assert planned_minutes(30) == opening.minutes + 30 + closing.minutes


def test_custom_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "scripts.yaml"
    path.write_text(GOOD, encoding="utf-8")
    scripts = load_scripts(path)
    assert scripts["closing"].minutes == 8
    assert scripts["opening"].steps == ("Welcome.", "We take notes.")


@pytest.mark.parametrize(("change", "entry", "field"), [
    (("id: closing", "id: middle"), "middle", "id"),
    (("minutes: 8", "minutes: 0"), "closing", "minutes"),
    (("minutes: 8", "minutes: eight"), "closing", "minutes"),
    (('steps: ["What would you like to ask us?", "Thank you."]', "steps: [Thanks.]"),
     "closing", "steps"),
    (("    source: Our guide\n    reviewed_on: 2026-12-01\n  - id: closing",
      "    reviewed_on: 2026-12-01\n  - id: closing"), "opening", "source"),
    (("id: closing", "id: opening"), "opening", "id"),
])
def test_broken_script_is_reported(tmp_path: Path, change: tuple[str, str], entry: str,
                                   field: str) -> None:
    path = tmp_path / "scripts.yaml"
    path.write_text(GOOD.replace(*change, 1), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_scripts(path)
    assert (info.value.entry, info.value.field) == (entry, field)
    assert "scripts.yaml" in str(info.value)


def test_missing_closing_script(tmp_path: Path) -> None:
    path = tmp_path / "scripts.yaml"
    path.write_text(GOOD.split("  - id: closing")[0], encoding="utf-8")
    with pytest.raises(ContentError, match=r"missing script.*closing"):
        load_scripts(path)
