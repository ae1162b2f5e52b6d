"""Questions read with what comes before them: lead-ins, probes, reference checks, several
sentences to one question, and input of any length."""

from __future__ import annotations

import pytest

from jdbuilder.interview.questions import (
    MAX_CHARS,
    check_probe,
    check_question,
    check_reference_question,
    check_with_probes,
    normalize,
)
from jdbuilder.vocab import Verdict


@pytest.mark.parametrize(("context", "text", "verdict", "category"), [
    # A follow-up after a disclosure is judged with its lead-in.
    ("You said earlier that you are in recovery.", "How long has it been?", "not_allowed",
     "after-disclosure"),
    ("You mentioned a psychiatric stay last spring.", "What led to that?", "not_allowed",
     "after-disclosure"),
    ("You told us you have a son with autism.", "Who looks after him when you work?",
     "not_allowed", "after-disclosure"),
    # The one follow-up the EEOC allows after a disclosure: the accommodation needed.
    ("You mentioned that you use a wheelchair.",
     "What accommodation, if any, would you need to do the job?", "caution",
     "disclosed-accommodation"),
    # A probe that points back to a prohibited question takes its verdict.
    ("Have you ever been hospitalized?", "How long were you there?", "not_allowed",
     "hospitalization"),
    ("What medication do you take?", "Does it make you drowsy?", "not_allowed", "medication"),
    # A probe after an allowed question, or after a scenario about someone else, stays ok.
    ("Tell us about a time you shared part of your story with someone.",
     "How did you decide where to stop?", "ok", "none"),
    ("Maria tells you she stopped taking her medication last week.",
     "What would you say to her first?", "ok", "none"),
    ("A participant was discharged from the hospital yesterday.",
     "How would you spend your first visit with them?", "ok", "none"),
])
def test_context_is_read_with_the_question(context: str, text: str, verdict: str,
                                           category: str) -> None:
    v = check_question(text, context=context)
    assert (v.verdict, v.category) == (verdict, category), v
    if verdict != "ok":
        assert v.from_context and v.reason.startswith("Read with what comes before it")


def test_the_same_follow_up_alone_is_fine() -> None:
    assert check_question("How long has it been?").verdict == Verdict.OK
    assert check_question("What led to that?").verdict == Verdict.OK


@pytest.mark.parametrize(("text", "verdict", "category"), [
    # Several sentences on one line, lead-in and question together.
    ("Earlier you told us you have PTSD. How do you keep it in check at work?", "not_allowed",
     "after-disclosure"),
    ("Because you shared that you're sober, I have to ask: how long?", "not_allowed",
     "after-disclosure"),
    ("You mentioned your depression. How would you use that experience with participants?",
     "caution", "after-disclosure"),
    ("(To an applicant who uses a wheelchair) Will you need a reasonable accommodation to "
     "do this job?", "caution", "disclosed-accommodation"),
    ("(To an applicant who told us she has diabetes) How often would you need breaks?",
     "caution", "disclosed-accommodation"),
    ("(To an applicant who disclosed that he has epilepsy) When were you diagnosed?",
     "not_allowed", "after-disclosure"),
    # A requirement the posting states is not itself an inquiry; the yes/no attestation to it
    # is a caution.
    ("Our ad lists lived experience of a psychiatric condition as a requirement. Without "
     "telling us anything more, can you confirm you meet that requirement?", "caution",
     "lived-experience-attestation"),
    ("This role requires lived experience of mental health challenges. How would you use "
     "your experience in the job?", "ok", "none"),
])
def test_several_sentences_in_one_question(text: str, verdict: str, category: str) -> None:
    v = check_question(text)
    assert (v.verdict, v.category) == (verdict, category), v


def test_probe_api_and_kit_question_with_probes() -> None:
    q = "Tell us about a time you supported someone after a hospital stay."
    main, probes = check_with_probes(q, ["What did you do first?",
                                         "Have you been in the hospital yourself?"])
    assert main.verdict == Verdict.OK
    assert [p.verdict for p in probes] == [Verdict.OK, Verdict.NOT_ALLOWED]
    assert check_probe("How long were you there?", "Were you ever in a psych unit?"
                       ).verdict == Verdict.NOT_ALLOWED
    assert check_probe("How long were you there?", "Describe your last job."
                       ).verdict == Verdict.OK


@pytest.mark.parametrize(("text", "verdict", "category"), [
    ("Did she take much sick time while she worked for you?", "not_allowed", "sick-leave"),
    ("Was he ever hospitalized during his time on your team?", "not_allowed",
     "hospitalization"),
    ("Does the candidate have any health problems?", "not_allowed", "disability"),
    ("Did he ever ask for an accommodation?", "not_allowed", "accommodation"),
    ("Is her recovery stable?", "not_allowed", "recovery-stability"),
    ("Does she have young kids?", "not_allowed", "family-status"),
    ("How many days was she absent in her last year with you?", "ok", "none"),
    ("Did he meet the attendance expectations you set for everyone?", "ok", "none"),
    ("How did she handle it when participants were in crisis?", "ok", "none"),
    ("Would you hire him again?", "ok", "none"),
])
def test_reference_questions_get_the_same_rules(text: str, verdict: str, category: str
                                                ) -> None:
    for v in (check_reference_question(text),
              check_question(f"(To a reference) {text}"),
              check_question(text, context="Reference check")):
        assert (v.verdict, v.category) == (verdict, category), v
        assert v.reference


def test_third_person_cues_without_a_marker() -> None:
    assert check_question("Did the applicant ever go to rehab?").verdict == Verdict.NOT_ALLOWED
    assert check_question("While she worked for you, was she ever in a psych ward?"
                          ).verdict == Verdict.NOT_ALLOWED
    # A scenario about someone else is not a reference question.
    v = check_question("A participant tells you she relapsed. What do you say to her?")
    assert v.verdict == Verdict.OK and not v.reference


def test_canonical_form() -> None:
    assert normalize("You're still hearing voices, aren't you?") == \
        "you are hearing voices, are you?"
    assert normalize("When was the last time you used?") == "when did you last used?"
    assert normalize("Do you drink at all — just curious?") == "do you drink?"
    assert normalize("Are you a U.S. citizen?") == "are you a us citizen?"
    assert normalize("So, how are you doing mental-health-wise?") == \
        "so, how are you doing mental health wise?"


def test_long_input_is_bounded() -> None:
    text = "Have you ever been hospitalized? " + "word " * 1_000_000
    v = check_question(text)
    assert v.truncated and v.verdict == Verdict.NOT_ALLOWED and v.text == text
    v = check_question("x" * (MAX_CHARS + 1))
    assert v.truncated and v.verdict == Verdict.OK
    assert not check_question("Have you ever been hospitalized?").truncated
