from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jdbuilder.errors import ContentError
from jdbuilder.interview.questions import check_question, default_rules, load_rules
from jdbuilder.vocab import Verdict

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(("text", "verdict", "category"), [
    ("What medications are you currently taking?", "not_allowed", "medication"),
    ("A participant stopped their medication. What would you do?", "ok", "none"),
    ("Have you ever been hospitalized?", "not_allowed", "hospitalization"),
    ("Tell us about a time you supported someone after a hospital stay.", "ok", "none"),
    ("Can you perform the essential functions of this job with or without reasonable "
     "accommodation?", "ok", "none"),
    ("Do you have any medical condition that would prevent you from lifting 25 pounds?",
     "not_allowed", "disability"),
    ("How many days were you absent from work last year?", "ok", "none"),
    ("How many sick days did you take last year?", "not_allowed", "sick-leave"),
    ("Do you currently use illegal drugs?", "ok", "none"),
    ("Have you ever been to rehab?", "not_allowed", "past-addiction"),
    ("How would you decide when to share your lived experience with someone you support?",
     "ok", "none"),
    ("What is your diagnosis?", "not_allowed", "medical-history"),
    ("Does mental illness run in your family?", "not_allowed", "genetic-information"),
    ("What year did you graduate from high school?", "not_allowed", "age"),
    ("Are you at least 18 years old?", "ok", "none"),
    ("Are you legally authorized to work in the United States?", "ok", "none"),
    ("Where were you born?", "not_allowed", "national-origin"),
    ("Which church do you attend?", "not_allowed", "religion"),
    ("Do you have children?", "not_allowed", "family-status"),
    ("Have you ever been arrested?", "caution", "arrest-record"),
    ("How do you look after your own mental health?", "caution", "disclosure-invite"),
    ("Will you need an accommodation for the interview?", "ok", "none"),
    ("What role has peer support played in your own recovery?", "caution",
     "disclosure-invite"),
])
def test_core_decisions(text: str, verdict: str, category: str) -> None:
    v = check_question(text)
    assert (v.verdict, v.category) == (verdict, category), v


def test_every_verdict_explains_itself() -> None:
    v = check_question("Have you ever filed for workers' compensation?")
    assert v.verdict == "not_allowed"
    assert "ADA" in v.reason and v.source and v.rewrite


def test_every_rewrite_checks_ok() -> None:
    for rule in default_rules():
        for rewrite in rule.rewrites:
            text, _ = rewrite.render()
            assert check_question(text).verdict == "ok", (rule.id, text)


def test_lived_experience_use_carries_interviewer_note() -> None:
    v = check_question("How would you use your lived experience in this role?")
    assert v.verdict == "ok" and "choose what to share" in v.note


def test_rules_file_errors_name_entry_and_field(tmp_path: Path) -> None:
    p = tmp_path / "rules.yaml"
    p.write_text("rules:\n  - id: x\n    verdict: maybe\n    law: ada\n    about: any\n"
                 "    topics: [a]\n    reason: r\n    rewrites: [{text: w, purpose: p}]\n"
                 "    source: s\n",
                 encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_rules(p)
    assert info.value.entry == "x" and info.value.field == "verdict"
    p.write_text("rules:\n  - id: x\n    verdict: caution\n    law: ada\n    about: any\n"
                 "    topics: ['(unclosed']\n    reason: r\n    rewrites: [{text: w, purpose: p}]\n"
                 "    source: s\n",
                 encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_rules(p)
    assert info.value.field == "topics[1]"


def _load(name: str) -> list[dict[str, object]]:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    questions: list[dict[str, object]] = data["questions"]
    return questions


# (clear prohibited -> not_allowed, all prohibited flagged, allowed blocked at most)
GATES = {
    "labelled_questions.yaml": (0.97, 0.97, 0.02),
    "holdout_questions.yaml": (0.95, 0.95, 0.03),
    "area_questions.yaml": (0.97, 0.98, 0.01),
}


@pytest.mark.parametrize("name", sorted(GATES))
def test_labelled_question_sets(name: str) -> None:
    items = _load(name)
    assert len(items) >= 200
    verdicts = [(q, check_question(str(q["text"])).verdict) for q in items]
    prohibited = [(q, v) for q, v in verdicts if q["expect"] != "ok"]
    clear = [(q, v) for q, v in verdicts if q["expect"] == "not_allowed" and q.get("clear")]
    allowed = [(q, v) for q, v in verdicts if q["expect"] == "ok"]
    assert len(clear) >= 50 and len(allowed) >= 80
    clear_rate = sum(v == "not_allowed" for _, v in clear) / len(clear)
    flagged_rate = sum(v != "ok" for _, v in prohibited) / len(prohibited)
    blocked_rate = sum(v == "not_allowed" for _, v in allowed) / len(allowed)
    want_clear, want_flagged, max_blocked = GATES[name]
    misses = [q["text"] for q, v in prohibited if v == "ok"]
    blocks = [q["text"] for q, v in allowed if v == "not_allowed"]
    assert clear_rate >= want_clear, misses
    assert flagged_rate >= want_flagged, misses
    assert blocked_rate <= max_blocked, blocks


def _families() -> list[dict[str, object]]:
    data = yaml.safe_load((DATA / "paraphrase_families.yaml").read_text(encoding="utf-8"))
    families: list[dict[str, object]] = data["families"]
    return families


@pytest.mark.parametrize("family", _families(), ids=lambda f: str(f["name"]))
def test_paraphrases_get_one_verdict(family: dict[str, object]) -> None:
    questions = family["questions"]
    assert isinstance(questions, list) and len(questions) >= 2
    got = {q: check_question(q) for q in questions}
    wrong = {q: (str(v.verdict), v.category) for q, v in got.items()
             if v.verdict != family["expect"]
             or ("category" in family and v.category != family["category"])}
    assert not wrong, wrong


def test_every_protected_area_has_a_family() -> None:
    categories = {f.get("category") for f in _families()}
    for rule in default_rules():
        if rule.follow_up or rule.id in ("drug-test-explanation", "voluntary-self-identification",
                                         "other-proxy", "disclosure-invite", "arrest-record",
                                         "conviction-record", "sex-gender", "disability",
                                         "medical-history", "symptoms", "treatment",
                                         "family-lived-experience"):
            continue  # covered by the labeled sets or by families without one category
        assert rule.id in categories, rule.id


@pytest.mark.parametrize(("text", "verdict", "category"), [
    ("Do you drink alcohol?", "caution", "alcohol-use"),
    ("How much do you drink on weekends?", "not_allowed", "past-addiction"),
    ("Have you ever used illegal drugs?", "caution", "drug-use-past"),
    ("How often did you use illegal drugs in the past?", "not_allowed", "past-addiction"),
    ("Have you ever been addicted to drugs?", "not_allowed", "past-addiction"),
    ("Have you used illegal drugs in the last six months?", "ok", "none"),
    ("After a positive drug test, we ask which prescribed medications might explain the "
     "result. Which are you taking?", "caution", "drug-test-explanation"),
])
def test_drug_and_alcohol_rules_follow_the_eeoc_line(text: str, verdict: str, category: str
                                                     ) -> None:
    v = check_question(text)
    assert (v.verdict, v.category) == (verdict, category), v
    if verdict == "caution":
        assert v.note and "EEOC" in v.reason


def test_lived_experience_position() -> None:
    attest = check_question("Our posting asks for lived experience of recovery. Yes or no, "
                            "do you meet that requirement?")
    assert (attest.verdict, attest.category) == ("caution", "lived-experience-attestation")
    assert "voluntary" in attest.reason.lower() and "certification" in attest.reason
    use = check_question("How would you use your lived experience with the people we serve?")
    assert use.verdict == "ok" and "choose what to share" in use.note
    family = check_question("How would your experience as a family member of someone with an "
                            "addiction shape how you support families here?")
    assert family.verdict == "caution" and "GINA" in family.note
    justice = check_question("How would you draw on your own time in prison to support "
                             "someone coming home?")
    assert justice.verdict == "ok" and "fair-chance" in justice.note
    for text in ("What was your diagnosis?", "Were you ever hospitalized?",
                 "What medication helped you most?", "How long have you been in recovery?",
                 "What treatment did you receive?"):
        assert check_question(text).verdict == "not_allowed", text


def test_verdicts_are_the_shared_enum() -> None:
    v = check_question("Are you pregnant?")
    assert isinstance(v.verdict, Verdict) and v.verdict is Verdict.NOT_ALLOWED
    d = v.to_dict()
    assert d["verdict"] == "not_allowed" and type(d["verdict"]) is str
    assert {"text", "verdict", "category", "reason", "rewrite", "source", "note", "law",
            "purpose", "blanks"} <= set(d)
    assert d["law"] == "pregnancy" and d["blanks"] == ["schedule"]


# Sets written as interviewers write, with allowed | prohibited labels (scored as the shared
# dev scorer scores: see tests/interview/setscore.py): (blocked, flagged, false_block at most)
FRESH_GATES = {
    "fresh_questions.yaml": (0.97, 0.97, 0.01),
    "round_questions.yaml": (0.97, 0.97, 0.01),
    "fresh_questions2.yaml": (0.97, 0.97, 0.01),
    "fresh_questions3.yaml": (0.97, 0.97, 0.01),
    "fresh_questions4.yaml": (0.97, 0.97, 0.01),
}


@pytest.mark.parametrize("name", sorted(FRESH_GATES))
def test_fresh_question_sets(name: str) -> None:
    from tests.interview.setscore import load_set, score

    items = _load(name)
    assert len(items) >= 100 and {q["label"] for q in items} == {"allowed", "prohibited"}
    assert load_set(name) == items
    s = score(items)
    want_blocked, want_flagged, max_blocked = FRESH_GATES[name]
    assert s.blocked >= want_blocked, s.unblocked + s.misses
    assert s.flagged >= want_flagged, s.misses
    assert s.false_block <= max_blocked, s.false_blocks
    assert not s.bad_rewrites, s.bad_rewrites


@pytest.mark.parametrize(("text", "verdict", "category"), [
    ("Have you ever filed a discrimination charge against an employer?", "not_allowed",
     "protected-activity"),
    ("How would you help a participant who wants to file a discrimination complaint?", "ok",
     "none"),
    ("What were you paid at your last job?", "caution", "pay-history"),
    ("What are your pay expectations for this job?", "ok", "none"),
    ("Will you be deployed with the Guard anytime soon?", "caution", "military-obligations"),
    ("How would you support a veteran who was deployed three times?", "ok", "none"),
])
def test_retaliation_pay_history_and_service_rules(text: str, verdict: str, category: str
                                                   ) -> None:
    v = check_question(text)
    assert (v.verdict, v.category) == (verdict, category), v
    if verdict != "ok":
        assert v.rewrite and check_question(v.rewrite).verdict == "ok"
