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
