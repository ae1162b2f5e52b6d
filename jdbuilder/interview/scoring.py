"""Committee scoring: pure functions over an interview kit's recorded scores.

Weights are normalised so they sum to the number of questions: with equal weights a weighted
total is the plain sum of the scores. Missing scores are reported and never count as zero; a
total built from incomplete scores is marked incomplete.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jdbuilder.model.kit import InterviewKit, KitQuestion

DIVERGENCE = 2


def normalised_weights(questions: Iterable[KitQuestion]) -> dict[str, float]:
    qs = list(questions)
    total = sum(q.weight for q in qs)
    if not qs or total <= 0:
        return {}
    return {q.id: q.weight * len(qs) / total for q in qs}


@dataclass(frozen=True)
class Total:
    candidate: str
    interviewer: str  # "" for a candidate-level total
    total: float | None  # weighted total over the questions scored; None when none scored
    mean: float | None  # weighted mean on the 1-5 scale
    missing: tuple[str, ...]  # question ids (or "interviewer:question") with no score

    @property
    def complete(self) -> bool:
        return not self.missing and self.total is not None


@dataclass(frozen=True)
class Spread:
    candidate: str
    question: str
    scores: dict[str, int]
    spread: int | None
    divergent: bool
    missing: tuple[str, ...]


@dataclass
class ScoreSummary:
    interviewer_totals: list[Total] = field(default_factory=list)
    candidate_totals: list[Total] = field(default_factory=list)
    consensus_totals: list[Total] = field(default_factory=list)
    spreads: list[Spread] = field(default_factory=list)
    ranking: list[tuple[int, str, float | None, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def total(t: Total) -> dict[str, Any]:
            return {"candidate": t.candidate, "interviewer": t.interviewer or None,
                    "total": _r(t.total), "mean": _r(t.mean), "complete": t.complete,
                    "missing": list(t.missing)}

        return {
            "interviewer_totals": [total(t) for t in self.interviewer_totals],
            "candidate_totals": [total(t) for t in self.candidate_totals],
            "consensus_totals": [total(t) for t in self.consensus_totals],
            "spreads": [{"candidate": s.candidate, "question": s.question, "scores": s.scores,
                         "spread": s.spread, "divergent": s.divergent,
                         "missing": list(s.missing)} for s in self.spreads],
            "ranking": [{"rank": r, "candidate": c, "total": _r(v), "basis": b}
                        for r, c, v, b in self.ranking],
            "problems": list(self.problems),
        }


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def _latest(kit: InterviewKit) -> dict[tuple[str, str, str], int]:
    out: dict[tuple[str, str, str], int] = {}
    for s in kit.scores:
        out[(s.interviewer, s.candidate, s.question)] = s.score
    return out


def _weighted(pairs: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not pairs:
        return None, None
    wsum = sum(w for w, _ in pairs)
    total = sum(w * s for w, s in pairs)
    return total, total / wsum


def summarise(kit: InterviewKit) -> ScoreSummary:
    """Totals per interviewer and per candidate, spreads, consensus totals and the ranking."""
    out = ScoreSummary(problems=[p.message for p in kit.problems()])
    weights = normalised_weights(kit.questions)
    scores = _latest(kit)
    interviewers = [i.id for i in kit.interviewers]
    assigned = {i.id: [q.id for q in kit.questions_for(i.id)] for i in kit.interviewers}
    for cand in kit.candidates:
        for iv in interviewers:
            pairs: list[tuple[float, float]] = []
            missing: list[str] = []
            for qid in assigned[iv]:
                s = scores.get((iv, cand, qid))
                if s is None:
                    missing.append(qid)
                else:
                    pairs.append((weights[qid], float(s)))
            total, mean = _weighted(pairs)
            out.interviewer_totals.append(Total(cand, iv, total, mean, tuple(missing)))
        cand_pairs: list[tuple[float, float]] = []
        cand_missing: list[str] = []
        for q in kit.questions:
            by_iv: dict[str, int] = {}
            miss = []
            for iv in interviewers:
                if q.id not in assigned[iv]:
                    continue
                s = scores.get((iv, cand, q.id))
                if s is None:
                    miss.append(iv)
                else:
                    by_iv[iv] = s
            spread = max(by_iv.values()) - min(by_iv.values()) if by_iv else None
            out.spreads.append(Spread(cand, q.id, by_iv, spread,
                                      spread is not None and spread >= DIVERGENCE, tuple(miss)))
            cand_missing.extend(f"{iv}:{q.id}" for iv in miss)
            if by_iv:
                cand_pairs.append((weights[q.id], sum(by_iv.values()) / len(by_iv)))
            elif not miss:
                cand_missing.append(f"(no interviewer):{q.id}")
        total, mean = _weighted(cand_pairs)
        out.candidate_totals.append(Total(cand, "", total, mean, tuple(cand_missing)))
        agreed = {c.question: c.score for c in kit.consensus if c.candidate == cand}
        c_pairs = [(weights[q.id], float(agreed[q.id])) for q in kit.questions
                   if q.id in agreed]
        c_missing = tuple(q.id for q in kit.questions if q.id not in agreed)
        total, mean = _weighted(c_pairs)
        out.consensus_totals.append(Total(cand, "", total, mean, c_missing))
    out.ranking = _rank(out)
    return out


def _rank(summary: ScoreSummary) -> list[tuple[int, str, float | None, str]]:
    consensus_ready = bool(summary.consensus_totals) and all(
        t.complete for t in summary.consensus_totals)
    basis = "consensus" if consensus_ready else "interviewer average"
    totals = summary.consensus_totals if consensus_ready else summary.candidate_totals
    rows = sorted(totals, key=lambda t: (t.mean is None, -(t.mean or 0.0), t.candidate))
    ranked = []
    for i, t in enumerate(rows, start=1):
        note = basis if t.complete else f"{basis}, incomplete"
        ranked.append((i, t.candidate, t.mean, note))
    return ranked


def format_text(kit: InterviewKit, summary: ScoreSummary) -> str:
    """A plain-text report for `jdbuilder scores`."""
    lines = []
    names = {i.id: i.name or i.id for i in kit.interviewers}
    for p in summary.problems:
        lines.append(f"Problem: {p}")
    lines.append("Ranked summary (weighted mean on the 1-5 scale):")
    for rank, cand, mean, basis in summary.ranking:
        value = "no scores" if mean is None else f"{mean:.2f}"
        lines.append(f"  {rank}. {cand}: {value} ({basis})")
    lines.append("")
    lines.append("Totals per interviewer (weighted total; weighted mean):")
    for t in summary.interviewer_totals:
        value = "no scores" if t.total is None else f"{t.total:.2f}; {t.mean:.2f}"
        miss = f"  missing: {', '.join(t.missing)}" if t.missing else ""
        lines.append(f"  {t.candidate} / {names.get(t.interviewer, t.interviewer)}: "
                     f"{value}{miss}")
    lines.append("")
    lines.append(f"Spreads (divergent at {DIVERGENCE} points or more):")
    for s in summary.spreads:
        if s.spread is None:
            continue
        flag = "  DIVERGENT" if s.divergent else ""
        shown = ", ".join(f"{names.get(k, k)} {v}" for k, v in s.scores.items())
        lines.append(f"  {s.candidate} / {s.question}: spread {s.spread} ({shown}){flag}")
    missing = [t for t in summary.candidate_totals if t.missing]
    if missing:
        lines.append("")
        lines.append("Missing scores (not counted as zero):")
        for t in missing:
            lines.append(f"  {t.candidate}: {', '.join(t.missing)}")
    return "\n".join(lines)
