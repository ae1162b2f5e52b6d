from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from jdbuilder.errors import ContentError
from jdbuilder.interview.bank import COMPETENCIES, SECTIONS, default_bank, load_bank
from jdbuilder.interview.questions import check_question, check_with_probes


def test_bank_size_and_sections() -> None:
    bank = default_bank()
    assert len(bank) >= 60
    assert set(SECTIONS) == {q.section for q in bank}
    counts = Counter(q.competency for q in bank)
    for c in ("mutuality", "self-determination", "advocacy", "change-agent", "boundaries",
              "group-facilitation", "unlearning-the-fixer-reflex"):
        assert counts[c] >= 1, c
    assert set(counts) <= set(COMPETENCIES)


def test_every_bank_question_has_a_scoring_guide() -> None:
    for q in default_bank():
        assert 2 <= len(q.probes) <= 3, q.id
        assert q.good_answer and q.red_flags, q.id
        assert set(q.anchors) == {1, 3, 5}, q.id
        assert q.source, q.id


def test_every_bank_question_and_probe_checks_ok_or_noted_caution() -> None:
    for q in default_bank():
        for text in (q.text, *q.probes):
            v = check_question(text)
            assert v.verdict != "not_allowed", (q.id, text, v.category)
            if v.verdict == "caution":
                assert q.interviewer_note, (q.id, text)


def test_every_probe_checks_with_its_question() -> None:
    for q in default_bank():
        main, probes = check_with_probes(q.text, q.probes)
        assert main.verdict != "not_allowed", (q.id, main.category)
        for text, v in zip(q.probes, probes, strict=True):
            assert v.verdict != "not_allowed", (q.id, text, v.category)
            if v.verdict == "caution":
                assert q.interviewer_note, (q.id, text)


def test_broken_bank_file(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(
        "section: peer-skills\ntitle: T\nquestions:\n  - id: q.x\n    text: Why?\n"
        "    competency: juggling\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_bank(tmp_path)
    assert info.value.entry == "q.x"
