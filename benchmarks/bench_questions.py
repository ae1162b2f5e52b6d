"""Question-checker speed: 1,000 different questions, warm, against a plain regex scan of the
same text; one very long line; lead-ins and probes.

Run: python benchmarks/bench_questions.py
Prints each figure and its ratio to a reference measured in the same run.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from jdbuilder.interview import questions
from jdbuilder.interview.bank import default_bank
from jdbuilder.interview.references import default_reference_guide

LEADS = ("", "So, ", "Quick question: ", "Next, ", "One more: ", "To start, ", "And ",
         "If you don't mind, ", "Thinking about this job, ", "Last one: ")


def corpus(n: int) -> list[str]:
    """n different questions from the shipped content: bank questions and probes, reference
    questions and what not to ask, and every rule's rewrites, with varied lead words."""
    base: list[str] = []
    for q in default_bank():
        base += [q.text, *q.probes]
    guide = default_reference_guide()
    for r in guide.questions:
        base += [r.text, *(d.question for d in r.do_not_ask)]
    base += [e for n in guide.never_ask for e in n.examples]
    base += [rw.render()[0] for rule in questions.default_rules() for rw in rule.rewrites]
    base = list(dict.fromkeys(base))
    out: list[str] = []
    k = 0
    while len(out) < n:
        lead = LEADS[(k // len(base)) % len(LEADS)]
        text = base[k % len(base)]
        out.append(lead + (text[:1].lower() + text[1:] if lead else text))
        k += 1
    assert len(set(out)) == len(out), "questions must differ, or the cache would answer"
    return out


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> int:
    texts = corpus(1000)
    chars = sum(len(t) for t in texts)
    questions.check_question("Warm up: have you ever been hospitalized?")  # load the rules

    def check_all() -> None:
        questions._judge_default.cache_clear()  # every run checks every question afresh
        for t in texts:
            questions.check_question(t)

    scan = re.compile(r"\b(hospital\w*|medication\w*|diagnos\w*|recovery|sober|pregnan\w*|"
                      r"church|married|children|arrest\w*|disabilit\w*|age)\b")

    def scan_all() -> None:
        for t in texts:
            for _ in scan.finditer(t.lower()):
                pass

    full = timed(check_all)
    ref = timed(scan_all)
    verdicts = [questions.check_question(t).verdict for t in texts]
    print(f"corpus: {len(texts)} different questions, {chars:,} characters; "
          f"{sum(v == 'not_allowed' for v in verdicts)} not allowed, "
          f"{sum(v == 'caution' for v in verdicts)} caution")
    print(f"checker, 1,000 questions (warm, uncached): {full:.3f} s = {full:.3f} ms/question "
          f"(target < 1 s)")
    print(f"plain regex scan of the same text:         {ref * 1000:.2f} ms")
    print(f"ratio checker / regex scan:                {full / ref:.0f}x")

    cached = timed(lambda: [questions.check_question(t) for t in texts])
    print(f"the same 1,000 again from the cache:       {cached * 1000:.2f} ms "
          f"({cached / ref:.1f}x the regex scan)")

    probes = [(p, q.text) for q in default_bank() for p in q.probes]

    def check_probes() -> None:
        questions._judge_default.cache_clear()
        for p, q in probes:
            questions.check_probe(p, q)

    with_context = timed(check_probes)
    print(f"{len(probes)} probes, each read after its question: {with_context * 1000:.1f} ms "
          f"({with_context / len(probes) * 1000:.3f} ms each)")

    one = "Have you ever been hospitalized for your mental health? "
    huge = one + "and then some more words " * 200_000

    def fresh(text: str) -> Callable[[], object]:
        def run() -> object:
            questions._judge_default.cache_clear()
            return questions.check_question(text)
        return run

    short = timed(fresh(one), 20)
    long_line = timed(fresh(huge), 3)
    print(f"one line of {len(huge) / 1e6:.1f} MB: {long_line * 1000:.2f} ms "
          f"({long_line / short:.1f}x one short question; only the first "
          f"{questions.MAX_CHARS:,} characters are read)")
    return 0 if full < 1.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
