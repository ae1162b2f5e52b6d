from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from jdbuilder.interview.kits import coverage
from jdbuilder.interview.scoring import normalised_weights, summarise
from jdbuilder.model.jobdesc import JobDescription, ResponsibilityArea
from jdbuilder.model.kit import (
    Consensus,
    Interviewer,
    InterviewKit,
    KitProblem,
    KitQuestion,
    ScoreEntry,
)


def make_kit(weights: list[float] | None = None) -> InterviewKit:
    ws = weights or [1.0, 1.0, 1.0]
    g = InterviewKit(
        questions=[KitQuestion(id=f"q{i}", text=f"Question {i}?", weight=w)
                   for i, w in enumerate(ws, start=1)],
        interviewers=[Interviewer("a", "Ana"), Interviewer("b", "Ben")],
        candidates=["C1", "C2"],
        name_key={"C1": "Nguyễn Thị Lan", "C2": "Zoë Łukasz"},
    )
    return g


def test_equal_weights_give_plain_sums_and_divergence() -> None:
    g = make_kit()
    for iv, cand, q, s in [("a", "C1", "q1", 5), ("a", "C1", "q2", 4), ("a", "C1", "q3", 3),
                           ("b", "C1", "q1", 3), ("b", "C1", "q2", 4), ("b", "C1", "q3", 3)]:
        g.scores.append(ScoreEntry(iv, cand, q, s))
    summary = summarise(g)
    totals = {(t.candidate, t.interviewer): t for t in summary.interviewer_totals}
    assert totals[("C1", "a")].total == 12 and totals[("C1", "a")].complete
    assert totals[("C1", "b")].total == 10
    spread = next(s for s in summary.spreads if s.candidate == "C1" and s.question == "q1")
    assert spread.spread == 2 and spread.divergent
    c2 = totals[("C2", "a")]
    assert c2.total is None and not c2.complete and c2.missing == ("q1", "q2", "q3")
    assert summary.ranking[0][1] == "C1"
    assert summary.ranking[1][2] is None


def test_missing_scores_are_not_zero() -> None:
    g = make_kit()
    g.scores += [ScoreEntry("a", "C1", "q1", 4), ScoreEntry("b", "C1", "q1", 4),
                 ScoreEntry("a", "C2", "q1", 3), ScoreEntry("a", "C2", "q2", 3),
                 ScoreEntry("a", "C2", "q3", 3)]
    summary = summarise(g)
    by = {t.candidate: t for t in summary.candidate_totals}
    assert by["C1"].mean == 4.0 and not by["C1"].complete
    assert "a:q2" in by["C1"].missing


def test_consensus_ranks_when_complete() -> None:
    g = make_kit()
    for q in ("q1", "q2", "q3"):
        g.consensus.append(Consensus("C1", q, 3, "Evidence noted."))
        g.consensus.append(Consensus("C2", q, 4))
    summary = summarise(g)
    assert [r[1] for r in summary.ranking] == ["C2", "C1"]
    assert summary.ranking[0][3] == "consensus"


def test_unequal_weights_need_a_justification() -> None:
    g = make_kit([2.0, 1.0, 1.0])
    assert any("justification" in p.message for p in g.problems())
    assert [p.code for p in g.problems()] == [KitProblem.UNJUSTIFIED_WEIGHTS]
    g.weight_justification = "Lived-experience use matters most for this role."
    assert g.problems() == []


def test_round_trip_and_assignment() -> None:
    g = make_kit()
    g.interviewers[1].questions = ["q2"]
    g.scores.append(ScoreEntry("b", "C1", "q2", 5, "Clear example."))
    again = InterviewKit.from_dict(g.to_dict())
    assert again == g
    assert [q.id for q in again.questions_for("b")] == ["q2"]
    totals = {(t.candidate, t.interviewer): t for t in summarise(again).interviewer_totals}
    assert totals[("C1", "b")].complete and totals[("C1", "b")].total == 5


def test_coverage_report() -> None:
    jd = JobDescription(areas=[ResponsibilityArea("Mutual support", ["d"]),
                               ResponsibilityArea("Advocacy", ["d"])])
    g = make_kit()
    g.questions[0].areas = ["Mutual support"]
    cov = coverage(g, jd)
    assert cov.uncovered_areas == ["Advocacy"]
    assert cov.unlinked_questions == ["q2", "q3"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=0.1, max_value=10), min_size=1, max_size=8))
def test_normalised_weights_sum_to_question_count(ws: list[float]) -> None:
    qs = [KitQuestion(id=f"q{i}", text="?", weight=w) for i, w in enumerate(ws)]
    assert abs(sum(normalised_weights(qs).values()) - len(ws)) < 1e-9


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), st.sampled_from(["C1", "C2"]),
                          st.sampled_from(["q1", "q2", "q3"]), st.integers(1, 5)),
                max_size=12, unique_by=lambda t: t[:3]), st.randoms())
def test_scores_are_order_independent(entries: list[tuple[str, str, str, int]],
                                      rnd: random.Random) -> None:
    g1, g2 = make_kit([1.0, 2.0, 1.5]), make_kit([1.0, 2.0, 1.5])
    g1.scores = [ScoreEntry(*e) for e in entries]
    shuffled = list(entries)
    rnd.shuffle(shuffled)
    g2.scores = [ScoreEntry(*e) for e in shuffled]
    assert summarise(g1).to_dict() == summarise(g2).to_dict()
    for t in summarise(g1).interviewer_totals:
        if t.mean is not None:
            assert 1.0 <= t.mean <= 5.0
