"""The matching engine, on a small fixture lexicon (independent of the shipped rules)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdbuilder.errors import ContentError
from jdbuilder.language.checker import apply_suggestion, check_report
from jdbuilder.language.lexicon import Lexicon, load_lexicon
from jdbuilder.language.policy import Policy
from jdbuilder.language.sources import LexiconSources

FIXTURE = Path(__file__).parent / "fixtures" / "lex"


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon(LexiconSources(builtin=FIXTURE)).lexicon


def found(lex: Lexicon, text: str, policy: Policy | None = None) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in check_report(text, policy, lexicon=lex).findings]


@pytest.mark.parametrize(("text", "expected"), [
    ("Administers medications to residents.", [("t-administer-medication",
                                                 "Administers medications")]),
    ("Will dispense all prescribed medication daily.",
     [("t-administer-medication", "dispense all prescribed medication")]),
    ("Many addicts, an addict and drug addicts.",
     [("t-addict", "addicts"), ("t-addict", "addict"), ("t-addict", "drug addicts")]),
    ("non-compliant, noncompliant, non compliant and non-\ncompliant",
     [("t-noncompliant", "non-compliant"), ("t-noncompliant", "noncompliant"),
      ("t-noncompliant", "non compliant"), ("t-noncompliant", "non-\ncompliant")]),
    ("Someone who suffered from psychosis.", [("t-suffer-from", "suffered from")]),
    ("suffers\nfrom depression", [("t-suffer-from", "suffers\nfrom")]),
])
def test_positives(lex: Lexicon, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(lex, text) == expected


@pytest.mark.parametrize("text", [
    "This role does not administer medication.",
    "The peer will never dispense medications, and is not expected to.",
    "Administering medication is not part of this role.",
    "Supports people to administer their own medication.",
    "Nurses administer medication; the peer listens.",
    "Medications are dispensed by nursing staff.",
    'Avoid words like "addict".',
    "Avoid labels such as addict or non-compliant.",
    "Attends Addict Anonymous meetings.",
    "Funded by the Substance Abuse and Mental Health Services Administration.",
    "The program suffers from delays.",
    "Be patient and stay patient with people.",
    "Supports an autistic person.",
])
def test_negatives(lex: Lexicon, text: str) -> None:
    assert found(lex, text) == []


def test_offsets_index_the_original_text(lex: Lexicon) -> None:
    text = "Zoë  works with non-\n compliant   people and addicts."
    for f in check_report(text, lexicon=lex).findings:
        assert text[f.start:f.end] == f.text


def test_person_first_policy_enables_contested_rule(lex: Lexicon) -> None:
    text = "Supports an autistic person."
    assert found(lex, text, Policy(preference="identity-first")) == []
    assert found(lex, text, Policy(preference="person-first")) == [
        ("t-autistic-person", "autistic person")]


def test_allow_list_suppresses_and_counts(lex: Lexicon) -> None:
    text = "Meets addicts and non-compliant people."
    report = check_report(text, Policy(allow_phrases=frozenset({"addicts"})), lexicon=lex)
    assert [f.text for f in report.findings] == ["non-compliant"]
    assert [f.text for f, _ in report.suppressed] == ["addicts"]
    report = check_report(text, Policy(allow_rules=frozenset({"t-noncompliant"})), lexicon=lex)
    assert [f.text for f in report.findings] == ["addicts"]
    assert len(report.suppressed) == 1


def test_suggestions_fit_number_and_form(lex: Lexicon) -> None:
    (f,) = check_report("She is suffering from anxiety.", lexicon=lex).findings
    assert f.suggestions == ("living with",)
    (f,) = check_report("Works with addicts.", lexicon=lex).findings
    assert f.suggestions == ("people with a substance use disorder",)


def test_apply_suggestion_keeps_case_and_fixes_article(lex: Lexicon) -> None:
    text = "Addicts meet an addict. Works with A PATIENT."
    report = check_report(text, lexicon=lex)
    first = report.findings[0]
    assert apply_suggestion(text, first).startswith("People with a substance use disorder meet")
    second = report.findings[1]
    assert "meet a person with a substance use disorder." in apply_suggestion(text, second)
    third = report.findings[2]
    assert apply_suggestion(text, third).endswith("Works with A PARTICIPANT.")


def test_apply_suggestion_refuses_stale_text(lex: Lexicon) -> None:
    text = "Works with addicts."
    (f,) = check_report(text, lexicon=lex).findings
    with pytest.raises(ValueError, match="changed"):
        apply_suggestion("Works with people.", f)


def _lexicon_with(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "lex"
    folder.mkdir()
    (folder / "x.yaml").write_text(
        "category: coercive-language\ntitle: T\ndescription: D\nentries:\n" + body,
        encoding="utf-8")
    return folder


@pytest.mark.parametrize(("body", "field"), [
    ("  - id: a\n    severity: loud\n    patterns: [x]\n    why: w\n    sources: [s]\n"
     "    examples: {flag: [x]}\n", "severity"),
    ("  - id: a\n    severity: info\n    patterns: ['... x']\n    why: w\n    sources: [s]\n"
     "    examples: {flag: [x]}\n", "patterns[1]"),
    ("  - id: a\n    severity: info\n    patterns: ['@nope x']\n    why: w\n    sources: [s]\n"
     "    examples: {flag: [x]}\n", "patterns[1]"),
    ("  - id: a\n    severity: info\n    patterns: [x]\n    sources: [s]\n"
     "    examples: {flag: [x]}\n", "why"),
])
def test_broken_lexicon_names_file_entry_field(tmp_path: Path, body: str, field: str) -> None:
    with pytest.raises(ContentError) as info:
        load_lexicon(LexiconSources(builtin=_lexicon_with(tmp_path, body)))
    assert info.value.entry == "a" and info.value.field == field
    assert "x.yaml" in str(info.value)


@pytest.mark.parametrize(("text", "expected"), [
    # an action and its object in either order, any inflection or nominalization
    ("Reports relapses to the team.", "Reports relapses"),
    ("Relapses are reported to the team.", "Relapses are reported"),
    ("Is responsible for the reporting of any relapse.", "reporting of any relapse"),
    ("Notifies the team about mood changes.", "Notifies the team about mood"),
    # a list of objects stays in one clause
    ("Relays sleep, appetite, and behavior to staff.", "Relays sleep, appetite, and behavior"),
])
def test_concepts_match_in_any_order_and_form(lex: Lexicon, text: str, expected: str) -> None:
    assert found(lex, text) == [("t-report-on-people", expected)]


@pytest.mark.parametrize("text", [
    "Reports to the director; relapses are discussed in supervision.",  # a semicolon
    "Attends groups on relapse, but reports to the director.",  # a contrast word
    "Talks about relapse with members, and reports to the director.",  # a new duty verb
    "Reports on the budget, the schedule, the calendar, the rota and, last, relapse.",  # window
    "Does not report relapses to anyone.",  # negation
    "Supports members to report their own relapse to the team.",  # the person acts
])
def test_concepts_stop_at_clause_breaks_and_contexts(lex: Lexicon, text: str) -> None:
    assert [r for r, _ in found(lex, text) if r == "t-report-on-people"] == []


def test_ordered_concept_and_its_own_window(lex: Lexicon) -> None:
    assert found(lex, "Drug tests new clients.") == [
        ("t-drug-test-people", "Drug tests new clients")]
    assert found(lex, "Clients ask about drug tests.") == []  # ">" keeps the order
    assert found(lex, "Drug tests are explained, in plain words, to clients.") == []  # /3


def test_duty_findings_in_one_clause_merge(lex: Lexicon) -> None:
    text = "Reports relapses and drug tests clients weekly."
    report = check_report(text, lexicon=lex)
    (f,) = [f for f in report.findings if f.category == "peer-role-conflict"]
    assert f.text == "Reports relapses and drug tests clients"
    assert set(f.also) == {"t-drug-test-people"} or f.rule == "t-drug-test-people"


def test_a_verb_form_followed_by_of_is_a_noun_sharing_the_object() -> None:
    """'Distribution and monitoring of medications' is one duty, not two clauses."""
    (f,) = [f for f in check_report("Distribution and monitoring of medications.").findings
            if f.category == "peer-role-conflict"]
    assert f.text == "Distribution and monitoring of medications"


def test_a_concept_extends_a_duty_finding_of_its_category() -> None:
    """The same duty found by a pattern and, in more words, by a concept is one finding over
    both ("handles UAs" and "handles UAs, searches")."""
    (f,) = [f for f in check_report("The aide handles UAs, searches and intake.").findings
            if f.category == "peer-role-conflict"]
    assert f.text == "handles UAs, searches"


def test_a_policy_suppresses_before_merging(lex: Lexicon) -> None:
    text = "Reports relapses and drug tests clients weekly."
    report = check_report(text, Policy(allow_rules=frozenset({"t-drug-test-people"})),
                          lexicon=lex)
    assert [f.rule for f in report.findings] == ["t-report-on-people"]
    assert [f.rule for f, _ in report.suppressed] == ["t-drug-test-people"]


@pytest.mark.parametrize(("concept", "reason"), [
    ("@report_act", "two or more parts"),
    ("@report_act ~ @person_state > relapse", "not both"),
    ("@report_act ~ [relapse]", "no [ ]"),
    ("@report_act ~ relapse /40", "between 1 and 30"),
    ("@report_act ~ @nope", "unknown word class"),
])
def test_broken_concepts_name_the_field(tmp_path: Path, concept: str, reason: str) -> None:
    body = (f"  - id: a\n    severity: info\n    concepts: ['{concept}']\n    why: w\n"
            "    sources: [s]\n    examples: {flag: [x]}\n")
    folder = _lexicon_with(tmp_path, body)
    (folder / "classes.yaml").write_text(
        "classes:\n  report_act: [report]\n  person_state: [relapse]\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_lexicon(LexiconSources(builtin=folder))
    assert info.value.entry == "a" and info.value.field == "concepts[1]"
    assert reason in str(info.value)
