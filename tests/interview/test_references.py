"""The reference-check guide: data, loader and the checker's verdict on every entry."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jdbuilder.datapaths import resource
from jdbuilder.errors import ContentError
from jdbuilder.interview.questions import check_question, check_reference_question
from jdbuilder.interview.references import (
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    default_reference_guide,
    load_reference_guide,
)
from jdbuilder.vocab import Verdict


def test_guide_loads_with_every_field() -> None:
    g = default_reference_guide()
    assert g.title and g.purpose and g.source and g.reviewed_on and g.practice
    assert MIN_QUESTIONS <= len(g.questions) <= MAX_QUESTIONS
    ids = [q.id for q in g.questions] + [n.id for n in g.never_ask]
    assert len(ids) == len(set(ids))
    for q in g.questions:
        assert q.text.endswith("?") and q.purpose and q.look_fors and q.source, q.id
        assert q.do_not_ask and all(d.question and d.why for d in q.do_not_ask), q.id
        assert g.question(q.id) is q
    topics = " ".join(n.topic.lower() for n in g.never_ask)
    for word in ("health", "recovery", "family", "age", "religion", "arrest"):
        assert word in topics, word
    with pytest.raises(KeyError):
        g.question("ref.nothing")


def test_every_reference_question_checks_ok() -> None:
    for q in default_reference_guide().questions:
        for v in (check_reference_question(q.text),
                  check_question(q.text, context="(To a reference)")):
            assert v.verdict == Verdict.OK and v.reference, (q.id, v.category)


def test_every_example_of_what_not_to_ask_is_flagged() -> None:
    g = default_reference_guide()
    examples = [(q.id, d.question) for q in g.questions for d in q.do_not_ask]
    examples += [(n.id, e) for n in g.never_ask for e in n.examples]
    for entry, text in examples:
        v = check_reference_question(text)
        assert v.verdict != Verdict.OK, (entry, text)
        if entry != "ref.never.records":
            assert v.verdict == Verdict.NOT_ALLOWED, (entry, text, v.category)


def _write(tmp_path: Path, change: dict[str, object]) -> Path:
    data = yaml.safe_load(resource("references", "reference-check.yaml").read_text("utf-8"))
    data.update(change)
    p = tmp_path / "guide.yaml"
    p.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return p


def test_loader_errors_name_entry_and_field(tmp_path: Path) -> None:
    good = yaml.safe_load(resource("references", "reference-check.yaml").read_text("utf-8"))
    questions = good["questions"]
    broken = [dict(questions[0], look_fors=[]), *questions[1:]]
    with pytest.raises(ContentError) as info:
        load_reference_guide(_write(tmp_path, {"questions": broken}))
    assert info.value.entry == questions[0]["id"] and info.value.field == "look_fors"
    with pytest.raises(ContentError) as info:
        load_reference_guide(_write(tmp_path, {"questions": questions[:MIN_QUESTIONS - 1]}))
    assert info.value.field == "questions"
    twice = [*questions[:-1], dict(questions[-1], id=questions[0]["id"])]
    with pytest.raises(ContentError) as info:
        load_reference_guide(_write(tmp_path, {"questions": twice}))
    assert "duplicate" in str(info.value)
    no_why = [dict(good["never_ask"][0], why=""), *good["never_ask"][1:]]
    with pytest.raises(ContentError) as info:
        load_reference_guide(_write(tmp_path, {"never_ask": no_why}))
    assert info.value.field == "never_ask[1].why"
