"""Every shipped lexicon loads, and every entry's own examples behave as declared."""

from __future__ import annotations

import pytest

from jdbuilder.language.checker import check_report
from jdbuilder.language.lexicon import CATEGORIES, Lexicon, Rule, builtin_lexicon
from jdbuilder.language.policy import Policy


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return builtin_lexicon()


def _policy_for(rule: Rule) -> Policy:
    if rule.prefer:
        other = "identity-first" if rule.prefer == "person-first" else "person-first"
        return Policy(preference=other)
    return Policy(show_contested=True)


def _rules_found(text: str, policy: Policy, lex: Lexicon) -> set[str]:
    """Every rule behind the findings: the rule that speaks for a finding and the rules that
    found the same words or duty with it."""
    findings = check_report(text, policy, lexicon=lex).findings
    return {f.rule for f in findings} | {r for f in findings for r in f.also}


def test_every_category_has_rules(lex: Lexicon) -> None:
    assert set(CATEGORIES) <= {r.category for r in lex.rules}


def test_rule_ids_are_unique(lex: Lexicon) -> None:
    ids = [r.id for r in lex.rules]
    assert len(ids) == len(set(ids))


def test_every_rule_explains_itself(lex: Lexicon) -> None:
    for r in lex.rules:
        assert r.why and r.sources, r.id


def test_entry_examples(lex: Lexicon) -> None:
    failures = []
    for rule in lex.rules:
        policy = _policy_for(rule)
        for text in rule.examples_flag:
            if rule.id not in _rules_found(text, policy, lex):
                failures.append(f"{rule.file}:{rule.id} should flag {text!r}")
        for text in rule.examples_pass:
            if rule.id in _rules_found(text, policy, lex):
                failures.append(f"{rule.file}:{rule.id} should not flag {text!r}")
    assert failures == []


def test_suggestions_are_never_flagged_themselves(lex: Lexicon) -> None:
    bad = []
    for rule in lex.rules:
        for s in rule.suggestions + rule.plural_suggestions:
            found = [f for f in check_report(s, lexicon=lex).findings if f.severity != "info"]
            if found:
                bad.append((rule.id, s, [f.rule for f in found]))
    assert bad == []


@pytest.mark.parametrize("text", [
    "lived experience of a psychiatric diagnosis",
    "Our colleague died by suicide last year.",
    "Supports people with a substance use disorder.",
    "Plans for a return to use with each person, without judgement.",
    "A person in recovery who uses the service.",
    "People who use drugs are welcome.",
])
def test_recommended_wordings_stay_clean(text: str) -> None:
    assert check_report(text).findings == []


def test_rules_doc_is_generated_from_the_lexicons(lex: Lexicon) -> None:
    from pathlib import Path

    from jdbuilder.language.docs import DOC_PATH, render

    root = Path(__file__).resolve().parents[2]
    assert (root / DOC_PATH).read_text(encoding="utf-8") == render(lex), (
        "docs/language-rules.md is stale: run python -m jdbuilder.language.docs")
