"""How the checker reads a question before its rules run: canonical forms, whose topic it is,
reference checks read in the second person, word classes in the rules file."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdbuilder.errors import ContentError
from jdbuilder.interview.questions import (
    check_question,
    check_reference_question,
    load_rules,
    normalize,
    second_person,
)


@pytest.mark.parametrize(("text", "canonical"), [
    ("Would you say you're in good health?", "are you in good health?"),
    ("Do you think you drink more than your friends?", "do you drink more than your friends?"),
    ("How do you think you'd handle a hard shift?", "how would you handle a hard shift?"),
    ("Do you consider yourself religious?", "are you religious?"),
    ("How would you describe yourself as a teammate?",
     "how would you describe yourself as a teammate?"),
    ("any health probs?", "any health problems?"),
    ("r u married", "are you married"),
])
def test_canonical_forms(text: str, canonical: str) -> None:
    assert normalize(text) == canonical


@pytest.mark.parametrize(("text", "reads"), [
    ("was he hospitalized while he worked for you?",
     "were you hospitalized while you worked for you?"),
    ("what church does she go to?", "what church do you go to?"),
    ("she takes a lot of pills, right?", "you take a lot of pills, right?"),
    ("did she tell her clients about her diagnosis?",
     "did you tell your clients about your diagnosis?"),
    # another person, or the other gender, is not the candidate
    ("did she help a participant when he relapsed?",
     "did you help a participant when he relapsed?"),
    ("did he mention his wife? is she expecting?",
     "did you mention your wife? is she expecting?"),
    ("was our candidate's attendance good?", "was your attendance good?"),
])
def test_reference_checks_read_in_the_second_person(text: str, reads: str) -> None:
    assert second_person(text, they=True) == reads


def test_unmarked_pronouns_change_only_after_the_candidate_is_a_subject() -> None:
    assert second_person("would you ask her directly?", marked=False) == \
        "would you ask her directly?"
    assert second_person("did she ask for her records?", marked=False) == \
        "did you ask for your records?"


@pytest.mark.parametrize("text", [
    "Reference check: has she been in the hospital since she started with you?",
    "(To a reference) Did his drinking ever cause problems at work?",
    "(To a reference) Do you know which church he attends?",
    "(To a reference) Did she seem emotionally stable to you?",
    "As her manager, did you notice signs she was drinking again?",
])
def test_reference_questions_meet_the_second_person_rules(text: str) -> None:
    v = check_question(text)
    assert v.reference and v.verdict == "not_allowed", v


@pytest.mark.parametrize("text", [
    "(To a reference) Would you hire her again for a peer role?",
    "(To a reference) How did he support people who were in crisis?",
    "(To a reference) How many days was she absent in her last year with you?",
])
def test_reference_questions_about_the_work_stay_ok(text: str) -> None:
    assert check_reference_question(text).verdict == "ok"


@pytest.mark.parametrize(("text", "verdict"), [
    # the clause that holds the topic names the candidate
    ("Lots of our staff are in recovery, so no worries, but how many years sober are you?",
     "not_allowed"),
    ("A coworker just went on maternity leave, so I need to ask: any plans for a baby?",
     "not_allowed"),
    # the clause names another person, or names nobody and is not a question
    ("A participant tells you she is pregnant, so what would you say to her?", "ok"),
])
def test_the_clause_decides_whose_topic_it_is(text: str, verdict: str) -> None:
    assert check_question(text).verdict == verdict


def _rules(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "rules.yaml"
    p.write_text(body, encoding="utf-8")
    return p


RULE = ("rules:\n  - id: x\n    verdict: not_allowed\n    law: ada\n    about: applicant\n"
        "    topics: ['\\b(your|a) (?P<t>{limb}) (injury|problem)']\n    reason: r\n"
        "    rewrites: [{text: 'Can you do the job?', purpose: p}]\n    source: s\n")


def test_word_classes_expand_in_patterns(tmp_path: Path) -> None:
    rules = load_rules(_rules(tmp_path, "classes:\n  limb: [arms?, legs?, knees?]\n" + RULE))
    assert check_question("Is there a knee injury we should know about?", rules=rules
                          ).verdict == "not_allowed"
    assert check_question("How is your eye problem?", rules=rules).verdict == "ok"


def test_unknown_word_class_names_rule_and_field(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as info:
        load_rules(_rules(tmp_path, "classes:\n  arm: [arms?]\n" + RULE))
    assert info.value.entry == "x" and info.value.field == "topics[1]"
    assert "limb" in str(info.value)
    with pytest.raises(ContentError) as info:
        load_rules(_rules(tmp_path, "classes:\n  limb: []\n" + RULE))
    assert info.value.field == "classes"


@pytest.mark.parametrize(("text", "verdict"), [
    # a scenario about another person sets the scene with the candidate's things
    ("How would you handle it if a participant turned up at your mosque?", "ok"),
    ("What would you do if your son got sick on a workday?", "not_allowed"),
    # an opinion on a subject, not on the candidate's own state
    ("What do you think about forced treatment in state hospitals?", "ok"),
    ("How do you feel about having been hospitalized?", "not_allowed"),
    # a coworker the candidate notices is not the candidate
    ("What would you do if you saw a colleague who seemed drunk at work?", "ok"),
])
def test_scenarios_opinions_and_other_people(text: str, verdict: str) -> None:
    assert check_question(text).verdict == verdict


@pytest.mark.parametrize(("text", "verdict"), [
    ("Plenty of our peer staff have spent time in a psych unit. Have you?", "not_allowed"),
    ("Many people in this field take medication for their mood. What about you?",
     "not_allowed"),
    ("Everyone on the team has a driver's license. Do you?", "ok"),
    ("A participant told me she was hospitalized. How would you respond?", "ok"),
])
def test_a_short_question_turns_the_sentence_before_it_to_the_candidate(text: str,
                                                                        verdict: str) -> None:
    assert check_question(text).verdict == verdict


@pytest.mark.parametrize(("text", "verdict"), [
    # what a piece of work is about, an opinion on a subject, another person's words
    ("How would you plan a workshop on living with depression?", "ok"),
    ("What is your stance on medication in recovery?", "ok"),
    ("A participant keeps asking about your family life. How would you handle it?", "ok"),
    # a stated requirement asked about is not an open invitation to disclose
    ("Shifts start at 6 a.m. Is there anything that would keep you from making that start "
     "time?", "ok"),
    # the same words about the candidate
    ("How do you live with your depression?", "not_allowed"),
    ("When did your sobriety begin?", "not_allowed"),
])
def test_work_subjects_opinions_and_stated_requirements(text: str, verdict: str) -> None:
    assert check_question(text).verdict == verdict


@pytest.mark.parametrize(("text", "verdict"), [
    ("Is your family originally from Haiti?", "not_allowed"),
    ("Do you speak Vietnamese with your parents?", "not_allowed"),
    ("Do you identify as Asian American?", "not_allowed"),
    ("How would you work with a family who just arrived from Haiti?", "ok"),
    ("Our participants speak Vietnamese. Can you lead a group in Vietnamese?", "ok"),
    ("How would you support a participant through a move to new housing, a big transition?",
     "ok"),
])
def test_country_language_and_race_classes(text: str, verdict: str) -> None:
    assert check_question(text).verdict == verdict


@pytest.mark.parametrize(("text", "verdict"), [
    ("A lot of our peers have had a rough time with their health. Would that be a concern "
     "with you?", "not_allowed"),
    ("Staff here often need time for their own appointments. Does that apply to you?",
     "not_allowed"),
    ("Participants often tell you about their relapses. Is that something you would share "
     "with the team?", "ok"),
])
def test_a_question_about_that_turns_the_sentence_before_it_to_the_candidate(
        text: str, verdict: str) -> None:
    assert check_question(text).verdict == verdict


@pytest.mark.parametrize(("text", "verdict"), [
    ("Have you lived through abuse or domestic violence?", "not_allowed"),
    ("Were you in an intensive outpatient program?", "not_allowed"),
    ("Do you have a representative payee?", "not_allowed"),
    ("Are you on medication-assisted treatment?", "not_allowed"),
    ("Do you go to a recovery group?", "not_allowed"),
    ("How would you support someone who lived through domestic violence?", "ok"),
    ("Have you worked in an intensive outpatient program?", "ok"),
    ("Do you have a counselor license or another clinical credential?", "ok"),
    ("What experience do you have with people on medication-assisted treatment?", "ok"),
])
def test_trauma_services_and_recovery_supports(text: str, verdict: str) -> None:
    assert check_question(text).verdict == verdict


@pytest.mark.parametrize(("text", "verdict"), [
    ("Are you hoping to get married soon?", "not_allowed"),
    ("How do you manage work and raising three kids?", "not_allowed"),
    ("Are you a gay man?", "not_allowed"),
    ("Will you need somewhere to pump during the day?", "not_allowed"),
    ("Would you want a baby in the next few years?", "not_allowed"),
    ("Is that a holy day for you?", "not_allowed"),
    ("What religion was your family raised in?", "not_allowed"),
    ("Is your family Haitian?", "not_allowed"),
    ("Do you carry the BRCA gene?", "not_allowed"),
    ("Did you ever report your boss to HR for harassment?", "not_allowed"),
    ("How would you help a participant raising two kids alone?", "ok"),
    ("How would you support a gay youth whose parents kicked him out?", "ok"),
    ("What do you know about genetic testing for the families we serve?", "ok"),
])
def test_title_vii_and_gina_forms(text: str, verdict: str) -> None:
    assert check_question(text).verdict == verdict


@pytest.mark.parametrize(("text", "verdict"), [
    ("Height: ____ Weight: ____", "not_allowed"),
    ("Would you need an ergonomic chair or other special equipment?", "not_allowed"),
    ("Do you stay home a lot when you're under the weather?", "not_allowed"),
    ("Were you wounded during your deployment?", "not_allowed"),
    ("Which therapies worked for you?", "not_allowed"),
    ("Have you slept at our shelter before?", "not_allowed"),
    ("Could this job affect your sobriety?", "not_allowed"),
    ("How would you help a participant who needs an ergonomic chair at their job?", "ok"),
    ("Which therapies have you seen help the people you support?", "ok"),
    ("Name: ____ Phone: ____ Email: ____", "ok"),
])
def test_accommodation_attendance_service_and_form_forms(text: str, verdict: str) -> None:
    assert check_question(text).verdict == verdict


@pytest.mark.parametrize(("text", "verdict", "category"), [
    # the health vocabulary backstop: health, conditions and care named about the candidate
    ("Is there a neurologist who follows you?", "not_allowed", "health-subject"),
    ("How many pills a day for you?", "not_allowed", "medication"),
    # ... but never for the people served, the work, knowledge or a rule that already applies
    ("What are the early warning signs of psychosis?", "ok", "none"),
    ("How would you explain outpatient therapy to a new participant?", "ok", "none"),
    ("How do you look after your own mental health?", "caution", "disclosure-invite"),
    # the protected-subject backstop is a caution
    ("Will your nanny be able to cover late evenings?", "caution", "sensitive-subject"),
])
def test_vocabulary_backstops(text: str, verdict: str, category: str) -> None:
    v = check_question(text)
    assert (v.verdict, v.category) == (verdict, category), v
