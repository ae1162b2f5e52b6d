"""Context that removes false alarms, each kind on the shipped lexicon with a control sentence
that must still be flagged."""

from __future__ import annotations

import pytest

from jdbuilder.language import check


def rules(text: str) -> set[str]:
    return {f.rule for f in check(text)} | {r for f in check(text) for r in f.also}


@pytest.mark.parametrize("text", [
    "A doctor's patients are welcome at the peer center.",
    "When a clinician leaves, their patients can still come to groups.",
    "Doctors rarely share their own stories with patients.",
    "The provider will talk to the patient before the Recovery Coach visits.",
    "The doctor-patient relationship is not the peer relationship.",
])
def test_someone_elses_patients(text: str) -> None:
    assert not rules(text) & {"patients", "patient-noun"}


@pytest.mark.parametrize("text", [
    "Nurses and peer staff support patients on the unit.",
    "Works under the direction of a physician to support patients.",
])
def test_the_roles_own_patients_are_still_flagged(text: str) -> None:
    assert rules(text) & {"patients", "patient-noun"}


@pytest.mark.parametrize(("text", "rule"), [
    ("Members here are neighbors and not patients.", "patients"),
    ("We serve people, not patients.", "patients"),
    ("This role does not drug test residents.", "drug-testing"),
    ("Peer staff never hold residents' bank cards.", "manage-funds"),
    ("Peers are not asked to enforce house rules.", "enforce-rules"),
])
def test_contrast_and_negation(text: str, rule: str) -> None:
    assert rule not in rules(text)


def test_not_limited_to_is_not_a_negation() -> None:
    assert "clinical-procedures" in rules(
        "Duties include but are not limited to checking vital signs.")


@pytest.mark.parametrize("text", [
    "Funding comes from the Anti-Drug Abuse Act of 1986.",
    "Helps members write to the Drug Enforcement Administration.",
    "Refers people to the Substance Abuse and Mental Health Services Administration.",
    "Works in the Patient Navigator Program at the county hospital.",
    "Attends Narcotics Anonymous meetings with members who ask.",
])
def test_names_of_laws_agencies_and_programs(text: str) -> None:
    assert check(text) == []


@pytest.mark.parametrize("text", [
    "Peers should not be used as drivers.",
    "Too often peers are misused to watch residents overnight.",
    "Asking peers to hand out medications undermines the trust they build.",
])
def test_criticism_of_a_duty_is_not_the_duty(text: str) -> None:
    assert not {f for f in check(text) if f.category == "peer-role-conflict"}


@pytest.mark.parametrize("text", [
    "Assists the person in writing their own plan.",
    "Supports residents to keep track of their own medications.",
    "Helps members tell their doctor about their mood, if they want.",
    "Supports people to monitor their own symptoms.",
])
def test_a_person_acting_for_themselves_with_support(text: str) -> None:
    assert not {f for f in check(text) if f.category == "peer-role-conflict"}


@pytest.mark.parametrize("text", [
    "The house conducts drug tests on Fridays.",
    "Most sober homes require a year of sobriety from their residents.",
    "Nursing staff administer medications; peers spend time with people.",
    "Medication is handled by the nursing team.",
])
def test_another_actor(text: str) -> None:
    assert not {f for f in check(text) if f.category in ("peer-role-conflict",
                                                         "health-status-requirement")}


@pytest.mark.parametrize("text", [
    "Conducts drug tests on Fridays.",
    "The peer specialist administers medications on the evening shift.",
    "House rules are enforced by the peer on duty.",
])
def test_the_role_as_actor_is_still_flagged(text: str) -> None:
    assert {f for f in check(text) if f.category in ("peer-role-conflict",
                                                     "coercive-language")}


@pytest.mark.parametrize(("text", "category"), [
    ("Manages challenging behaviours on the unit.", "coercive-language"),
    ("Tracks each resident's behaviour on the sign-out sheet.", "peer-role-conflict"),
    ("No psychiatric hospitalisation in the last two years.", "health-status-requirement"),
    ("Supports the mentally ill in the neighbourhood.", "stigmatizing-label"),
])
def test_british_spellings_in_pasted_text_still_match(text: str, category: str) -> None:
    assert category in {f.category for f in check(text)}


@pytest.mark.parametrize("text", [
    "Shares updates with the care team when the person agrees.",
    "Talks with hospital staff to plan a warm handoff when the member asks.",
    "Passes concerns on to the nurse with the person's written consent.",
    "Drives members to appointments at their request.",
    "Reports rights violations to the protection and advocacy office if a member asks.",
])
def test_the_persons_own_request_or_consent(text: str) -> None:
    assert not {f for f in check(text) if f.category in ("peer-role-conflict",
                                                         "coercive-language")}


@pytest.mark.parametrize("text", [
    "Shares updates on each member's mood with the care team.",
    "Passes concerns on to the nurse with the supervisor's approval.",
    "Notifies the nurse when a resident wants to leave the unit.",
    "Administers medications when residents ask for them.",
])
def test_consent_of_someone_else_or_to_something_else_is_not_consent(text: str) -> None:
    assert {f for f in check(text) if f.category == "peer-role-conflict"}


@pytest.mark.parametrize("text", [
    "Passes along what members say in group to their individual counselors.",
    "Alerts nursing staff to residents who seem intoxicated.",
    "Conducts health screenings for community members at intake.",
])
def test_a_person_word_as_a_modifier_does_not_make_the_person_the_recipient(text: str) -> None:
    assert {f for f in check(text) if f.category == "peer-role-conflict"}


@pytest.mark.parametrize("text", [
    "Gives feedback to the individual on early signs of stress, when they ask for it.",
    "Shares observations with the person about what seems to help them.",
    "Completes a needs assessment of the neighborhood with community partners.",
    "Offers fair pay and supervision by people who have done the work.",
])
def test_the_person_as_recipient_or_a_place_as_object(text: str) -> None:
    assert not {f for f in check(text) if f.category in ("peer-role-conflict",
                                                         "coercive-language")}


def test_another_actor_of_a_duty_named_by_a_noun() -> None:
    assert not {f for f in check("A licensed clinician completes all risk assessments.")
                if f.category == "peer-role-conflict"}
    assert {f for f in check("The coach completes all risk assessments.")
            if f.category == "peer-role-conflict"}


def test_a_negation_inside_a_relative_clause_does_not_cancel_the_duty() -> None:
    assert "discharge-for-use" in rules("Discharges guests who do not follow the plan.")
    assert "discharge-for-use" not in rules("Does not discharge guests who relapse.")


def test_a_document_title_is_a_name() -> None:
    assert check("See the Evaluation of the Delivering for Mental Health Peer Worker Pilot "
                 "Scheme for details.") == []


@pytest.mark.parametrize("text", [
    "The team includes nurses who administer medications and monitor vital signs.",
    "Services include risk assessments by licensed clinicians and peer support by peers.",
])
def test_another_actor_carries_over_joined_duties_and_nouns(text: str) -> None:
    assert not {f for f in check(text) if f.category == "peer-role-conflict"}


@pytest.mark.parametrize(("text", "category"), [
    ("Administers medications and monitors vital signs.", "peer-role-conflict"),
    ("The peer helps nurses and administers medications.", "peer-role-conflict"),
    ("House Manager informs and enforces the rules of the house.", "coercive-language"),
    ("The Residential Counselor supervises youth on outings.", "coercive-language"),
])
def test_the_role_itself_is_still_the_actor(text: str, category: str) -> None:
    assert category in {f.category for f in check(text)}


@pytest.mark.parametrize("text", [
    "Does the house laundry every evening.",
    "Holds a current state medication technician certificate.",
])
def test_an_organization_word_before_a_duty_noun_is_a_modifier(text: str) -> None:
    assert {f for f in check(text) if f.category == "peer-role-conflict"}
