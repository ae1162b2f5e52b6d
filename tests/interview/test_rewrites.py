"""Rewrites keep the question's purpose and use the project's facts, never invented ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jdbuilder.errors import ContentError
from jdbuilder.interview.questions import (
    BLANK,
    FACT_KEYS,
    Rewrite,
    check_question,
    clean_facts,
    default_rules,
    load_rules,
)
from jdbuilder.vocab import Verdict

# Facts as a project might hold them (from the shipped role templates' wording style).
FACTS = {
    "hours": "30 hours per week",
    "schedule": "Weekdays 9 to 5, with one evening group a week",
    "travel": "driving to home visits across the county",
    "essential_functions": "leading peer groups, meeting people one to one and keeping "
                           "contact notes",
    "setting": "an inpatient psychiatric unit and the community",
    "location": "Springfield",
    "languages": "fluency in Spanish and English",
    "physical_requirements": "standing at outreach events for up to two hours",
    "minimum_age": "18",
}


def test_fact_keys_are_the_documented_set() -> None:
    assert set(FACT_KEYS) >= {"hours", "schedule", "travel", "essential_functions", "setting",
                              "location", "languages", "physical_requirements"}
    assert set(FACTS) == set(FACT_KEYS)


def test_every_rule_and_every_rewrite_checks_ok_with_and_without_facts() -> None:
    for rule in default_rules():
        assert rule.rewrites, rule.id
        for rw in rule.rewrites:
            assert rw.purpose, (rule.id, rw.text)
            for facts in (None, FACTS, {k: FACTS[k] for k in ("schedule",)}):
                text, blanks = rw.render(facts)
                assert "{" not in text and "}" not in text, (rule.id, text)
                assert set(blanks) == set(rw.facts) - set(facts or ()), (rule.id, text)
                v = check_question(text)
                assert v.verdict == Verdict.OK, (rule.id, text, v.category)


def test_rewrites_invent_no_job_facts() -> None:
    # Numbers, places and physical demands come from facts, never from the rule text.
    invented = re.compile(r"\d|pounds|\bjail\b|\bcounty\b|\bspanish\b|\bweekend|\bevening")
    for rule in default_rules():
        for rw in rule.rewrites:
            text, _ = rw.render(None)
            assert not invented.search(text.lower()), (rule.id, text)


@pytest.mark.parametrize(("question", "purpose", "words"), [
    ("Is English your first language?", "language skills the job needs", "language skills"),
    ("Are you a U.S. citizen?", "work authorization", "authorized to work"),
    ("Where are you from originally?", "getting to know the candidate", "apply"),
    ("What year did you finish high school?", "education the job requires", "diploma"),
    ("How old are you?", "a legal minimum age", "at least"),
    ("How many sick days did you take at your last job?", "attendance record", "absent"),
    ("Why were you out sick so much?", "attendance", "attendance requirements"),
    ("Will you need an accommodation to do this job?", "whether the candidate can do the job",
     "essential functions"),
    ("Do you have a bad back?", "the physical demands of the job", "physical demands of this job"),
    ("Which church do you go to?", "availability for the job's schedule", "schedule"),
    ("Do you believe in a higher power?",
     "supporting the people served with their own beliefs", "participant"),
    ("Have you ever received services from our agency?",
     "managing dual relationships under the conflict-of-interest policy", "conflict-of-interest"),
    ("Do you own a car?", "getting to work and appointments", "reliable way"),
    ("What is your credit score?", "handling money responsibly", "money"),
])
def test_the_rewrite_matches_the_purpose(question: str, purpose: str, words: str) -> None:
    v = check_question(question)
    assert v.verdict != Verdict.OK
    assert v.purpose == purpose, v
    assert v.rewrite and words in v.rewrite, v.rewrite


def test_missing_facts_show_as_blanks_and_given_ones_fill_in() -> None:
    q = "Are you married?"
    bare = check_question(q)
    assert bare.blanks == ("schedule", "travel") and bare.rewrite is not None
    assert bare.rewrite.count(BLANK) == 2
    full = check_question(q, facts=FACTS)
    assert full.blanks == () and full.rewrite is not None and BLANK not in full.rewrite
    assert "weekdays 9 to 5" in full.rewrite and "travel requirement: driving to home" in \
        full.rewrite
    part = check_question(q, facts={"schedule": "Evenings and every other weekend."})
    assert part.blanks == ("travel",) and part.rewrite is not None
    assert "evenings and every other weekend. Its travel" in part.rewrite
    assert check_question("Is English your first language?", facts=FACTS).rewrite == (
        "This job needs these language skills: fluency in Spanish and English. Are you able "
        "to work at that level?")
    age = check_question("When were you born?", facts={"minimum_age": "21 years old"})
    assert age.rewrite == ("This job requires workers to be at least 21 years old. Do you meet "
                           "that requirement?")


def test_a_fact_that_reads_as_an_inquiry_is_left_blank() -> None:
    v = check_question("Are you married?", facts={"schedule": "whatever suits your kids"})
    assert v.rewrite is not None and v.blanks == ("schedule", "travel")
    assert check_question(v.rewrite).verdict == Verdict.OK


def test_facts_are_checked() -> None:
    with pytest.raises(ValueError, match="unknown fact keys: shift"):
        check_question("Are you married?", facts={"shift": "nights"})
    assert clean_facts({"hours": "  30 hours per week. ", "travel": "  "}) == {
        "hours": "30 hours per week"}


def test_rewrite_render() -> None:
    rw = Rewrite("{schedule} is the schedule; the job is {hours}.", "p")
    assert rw.facts == ("schedule", "hours")
    assert rw.render({"schedule": "Weekdays", "hours": "Part time"}) == (
        "Weekdays is the schedule; the job is part time.", ())
    assert rw.render(None) == (f"{BLANK} is the schedule; the job is {BLANK}.",
                               ("schedule", "hours"))


RULE = ("rules:\n  - id: x\n    verdict: caution\n    law: ada\n    about: any\n"
        "    topics: {topics}\n    reason: r\n    rewrites: {rewrites}\n    source: s\n{extra}")


@pytest.mark.parametrize(("topics", "rewrites", "extra", "field"), [
    ("[a]", "[{text: 'Do you {shift}?', purpose: p}]", "", "rewrites[1].text"),
    ("[a]", "[{text: w}]", "", "rewrites[1].purpose"),
    ("[a]", "[{text: w, purpose: p, when: ['(']}]", "", "rewrites[1].when[1]"),
    ("[{pattern: a, across: true}]", "[{text: w, purpose: p}]", "", "topics[1].across"),
    ("[a]", "[{text: w, purpose: p}]", "    allow: [{pattern: b, scope: word}]\n",
     "allow[1].scope"),
    ("[a]", "[{text: w, purpose: p}]", "    use_frame: {verdict: maybe}\n", "use_frame.verdict"),
    ("[a]", "[{text: w, purpose: p}]", "    overrides: [nothing]\n", "overrides"),
])
def test_rule_schema_errors_name_the_field(tmp_path: Path, topics: str, rewrites: str,
                                           extra: str, field: str) -> None:
    p = tmp_path / "rules.yaml"
    p.write_text(RULE.format(topics=topics, rewrites=rewrites, extra=extra), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_rules(p)
    assert info.value.entry == "x" and info.value.field == field, str(info.value)


def test_allow_scope_and_cross_sentence_topics(tmp_path: Path) -> None:
    p = tmp_path / "rules.yaml"
    p.write_text(
        "rules:\n  - id: hours\n    verdict: not_allowed\n    law: practice\n    about: any\n"
        "    topics:\n      - 'night shifts?'\n"
        "      - {pattern: 'overtime[^?]*\\?[^?]*why', across_sentences: true}\n"
        "    allow:\n      - {pattern: 'paid night shifts?', scope: span}\n"
        "      - 'union rules'\n"
        "    reason: r\n    rewrites: [{text: Can you work the schedule?, purpose: p}]\n"
        "    source: s\n", encoding="utf-8")
    rules = load_rules(p)
    assert [t.across_sentences for t in rules[0].topics] == [False, True]
    assert [a.scope for a in rules[0].allow] == ["span", "sentence"]

    def verdict(text: str) -> str:
        return str(check_question(text, rules=rules).verdict)

    assert verdict("Can you work night shifts?") == "not_allowed"
    assert verdict("Can you work paid night shifts?") == "ok"  # the span allow covers it
    assert verdict("Paid night shifts and night shifts: can you?") == "not_allowed"
    assert verdict("Under union rules, can you work night shifts?") == "ok"
    assert verdict("Do you work overtime? If not, why?") == "not_allowed"
    assert verdict("Do you work overtime? If not, when?") == "ok"
