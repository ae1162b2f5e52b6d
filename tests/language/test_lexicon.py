"""Every shipped lexicon loads, and every entry's own examples behave as declared."""

from __future__ import annotations

import re

import pytest

from jdbuilder.language import nlp
from jdbuilder.language.checker import apply_suggestion, check_report
from jdbuilder.language.context import PERSONS
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
        for s in rule.suggestions + rule.plural_suggestions + rule.rewrites + (
                rule.peer_version[:1].upper() + rule.peer_version[1:],):
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


_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
_HAVE = frozenset({"has", "have", "had"})
_BASE_CONTEXT = frozenset({"to", "will", "would", "shall", "should", "must", "may", "might",
                           "can", "could", "does", "do", "did", "not", "never"})
_GERUND_CONTEXT = frozenset({"for", "of", "in", "by", "about", "around", "including",
                             "without", "after", "before"})
_STACKED = frozenset({"of", "by", "from", "to", "for"})
_PREPOSITIONS = frozenset({"with", "from", "of", "to", "for", "by", "in", "on", "about"})
_PLURAL_HEADS = frozenset({"people", "persons", "individuals", "members", "participants",
                           "survivors", "residents", "adults", "users"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "their", "his",
                          "her", "its", "our", "my", "your", "any", "each", "every", "all",
                          "some"})


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'-]*", text)


def _form(word: str) -> str:
    """base, s, ing or ed (any other inflection) by the lemma table."""
    low = word.lower()
    if low in _PLURAL_HEADS or low in PERSONS or nlp.lemma(low) == low:
        return "base"  # people words are nouns, not verb forms
    if low.endswith("ing"):
        return "ing"
    if low.endswith("s") and not low.endswith("ss"):
        return "s"
    return "ed"


def _reads_badly(before: str, new: str, after: str, old: str, whole_duty: bool) -> str | None:
    """A reason the text around a replacement does not read well, or None."""
    left = _words(before)[-1:] or [""]
    right = _words(after)[:1] or [""]
    words = _words(new)
    if not words:
        return "empty replacement"
    if "(" in new or ")" in new:
        return "a placeholder in brackets, not wording"
    first, last = words[0], words[-1]
    prev = left[0].lower()
    old_first = (_words(old)[:1] or [""])[0]
    if prev and prev == first.lower():
        return f"doubled word '{first}'"
    if right[0] and right[0].lower() == last.lower():
        return f"doubled word '{last}'"
    if last.lower() in _PREPOSITIONS and right[0].lower() in _STACKED:
        return f"'{last} {right[0]}'"
    if prev in ("a", "an") and first.lower() in _PLURAL_HEADS:
        return f"'{prev} {first}'"
    if (not before.strip() or before.rstrip()[-1:] in ".!?:;\n") and not new[:1].isupper():
        return "a sentence starts in lower case"
    if prev in _BE and _form(first) == "s":
        return f"'{prev} {first}'"
    if prev in _HAVE and _form(old_first) == "ed" and _form(first) != "ed":
        return f"'{prev} {first}' (a participle expected)"
    if prev in _BASE_CONTEXT and _form(old_first) == "base" and \
            old_first.lower() not in _DETERMINERS and _form(first) != "base":
        return f"'{prev} {first}' (base form expected)"
    if whole_duty and prev in _GERUND_CONTEXT and _form(first) != "ing":
        return f"'{prev} {first}' (-ing form expected)"
    return None


def test_every_suggestion_leaves_text_that_reads_well(lex: Lexicon) -> None:
    """Apply each suggestion of each finding on every rule's examples: the seams read well
    (article, number, verb form, no doubled or stacked words) and the same rule does not fire
    on the new words."""
    problems = []
    duty_rules = {r.id for r in lex.rules if r.rewrites}
    for rule in lex.rules:
        policy = _policy_for(rule)
        for text in rule.examples_flag:
            for f in check_report(text, policy, lexicon=lex).findings:
                start, end = f.replace or (f.start, f.end)
                for k in range(len(f.suggestions)):
                    new_text = apply_suggestion(text, f, k)
                    tail = len(text) - end
                    new = new_text[start:len(new_text) - tail]
                    reason = _reads_badly(new_text[:start], new, new_text[len(new_text) - tail:],
                                          text[start:end], f.replace is not None
                                          and f.rule in duty_rules)
                    again = [g for g in check_report(new_text, policy, lexicon=lex).findings
                             if g.rule == f.rule and g.start < start + len(new)
                             and g.end > start]
                    if again:
                        reason = f"the rule still fires on {again[0].text!r}"
                    if reason:
                        problems.append(f"{f.rule}: {new_text!r}: {reason}")
    assert problems == []


def test_duties_explain_the_peer_version(lex: Lexicon) -> None:
    """A duty rule offers whole-duty rewrites and says what a peer version does instead."""
    for rule in lex.rules:
        if rule.rewrites:
            assert rule.peer_version and not rule.suggestions, rule.id
    text = "Administers evening medications to residents on the unit."
    (f,) = [f for f in check_report(text, lexicon=lex).findings
            if f.rule == "administer-medication"]
    assert f.peer_version and f.peer_version in f.message
    assert f.replace == (0, len(text) - 1)
    assert apply_suggestion(text, f).startswith("Supports people to ")
    assert apply_suggestion(text, f).endswith(".")


@pytest.mark.parametrize(("text", "start"), [
    ("Must be able to administer medications safely.", "Must be able to support people to "),
    ("Responsible for administering medications each evening.",
     "Responsible for supporting people to "),
    ("Administer medications on the evening shift.", "Support people to "),
    ("Peers will administer medications at night.", "Peers will support people to "),
])
def test_rewrites_take_the_duty_verb_form(lex: Lexicon, text: str, start: str) -> None:
    (f,) = [f for f in check_report(text, lexicon=lex).findings
            if f.rule == "administer-medication"]
    assert apply_suggestion(text, f).startswith(start)


def test_a_qualification_rewrite_replaces_the_whole_requirement(lex: Lexicon) -> None:
    """Rewrites written as noun phrases ("Lived experience of recovery ...") are not verbs:
    they replace the whole requirement as they stand."""
    text = "Must be willing to disclose your recovery date."
    (f,) = check_report(text, lexicon=lex).findings
    assert apply_suggestion(text, f).startswith("Lived experience of recovery")


def test_no_entry_repeats_a_field() -> None:
    """YAML keeps the last of two equal keys, so a repeated field silently drops the first."""
    from collections import Counter
    from pathlib import Path

    import yaml

    repeated: list[str] = []

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[object, object]:
        keys = Counter(loader.construct_object(k) for k, _ in node.value)
        repeated.extend(f"line {node.start_mark.line + 1}: {k}" for k, n in keys.items() if n > 1)
        return yaml.SafeLoader.construct_mapping(loader, node)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    for path in sorted((Path(__file__).resolve().parents[2] / "lexicons").glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
        assert repeated == [], path.name
