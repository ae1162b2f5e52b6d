"""Score the question checker on a labeled set in tests/interview/data.

    python -m tests.interview.setscore fresh_questions.yaml [--show]

Sets with a `label` field (allowed | prohibited) are scored as the shared dev scorer scores
its sets: `blocked` is the share of prohibited questions expected `not_allowed` (and marked
`clear` when the set marks it) that get `not_allowed`; `flagged` the share of prohibited
questions that get caution or not_allowed; `false_block` the share of allowed questions that
get not_allowed; `false_caution` the share of allowed questions expected `ok` that get a
caution; `rewrite_ok` the share of rewrites (of every flagged question) that check ok. Older
sets without `label` count any `expect` other than `ok` as prohibited. The last line printed is
JSON.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from jdbuilder.interview.questions import QuestionVerdict, check_question

DATA = Path(__file__).parent / "data"


def load_set(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    items: list[dict[str, Any]] = data["questions"]
    return items


def prohibited(item: Mapping[str, Any]) -> bool:
    if "label" in item:
        return bool(item["label"] == "prohibited")
    return bool(item["expect"] != "ok")


def must_block(item: Mapping[str, Any]) -> bool:
    return prohibited(item) and item["expect"] == "not_allowed" and bool(item.get("clear", True))


@dataclass(frozen=True)
class Score:
    n: int
    blocked: float
    flagged: float
    false_block: float
    false_caution: float
    rewrite_ok: float
    counts: Mapping[str, int]
    misses: tuple[str, ...]        # prohibited, got ok
    unblocked: tuple[str, ...]     # must block, got caution
    false_blocks: tuple[str, ...]  # allowed, got not_allowed
    bad_rewrites: tuple[str, ...]

    def summary(self) -> dict[str, Any]:
        return {"n": self.n, "blocked": self.blocked, "flagged": self.flagged,
                "false_block": self.false_block, "false_caution": self.false_caution,
                "rewrite_ok": self.rewrite_ok, **self.counts}


def _rate(hits: int, total: int) -> float:
    return round(hits / total, 3) if total else 1.0


def score(items: Sequence[Mapping[str, Any]],
          check: Callable[[str], QuestionVerdict] = check_question) -> Score:
    got = [(it, check(str(it["text"]))) for it in items]
    must = [(it, v) for it, v in got if must_block(it)]
    bad = [(it, v) for it, v in got if prohibited(it)]
    good = [(it, v) for it, v in got if not prohibited(it)]
    good_ok = [(it, v) for it, v in good if it["expect"] == "ok"]
    rewrites = [rw for _, v in got if v.verdict != "ok" for rw in v.rewrites]
    bad_rewrites = tuple(rw for rw in dict.fromkeys(rewrites) if check(rw).verdict != "ok")
    return Score(
        n=len(items),
        blocked=_rate(sum(v.verdict == "not_allowed" for _, v in must), len(must)),
        flagged=_rate(sum(v.verdict != "ok" for _, v in bad), len(bad)),
        false_block=_rate(sum(v.verdict == "not_allowed" for _, v in good), len(good)),
        false_caution=_rate(sum(v.verdict == "caution" for _, v in good_ok), len(good_ok)),
        rewrite_ok=_rate(len(set(rewrites)) - len(bad_rewrites), len(set(rewrites))),
        counts={"must_block": len(must), "prohibited": len(bad), "allowed": len(good)},
        misses=tuple(f"{it['text']}  [{it.get('area', '')}]" for it, v in bad
                     if v.verdict == "ok"),
        unblocked=tuple(f"{it['text']}  [{v.category}]" for it, v in must
                        if v.verdict == "caution"),
        false_blocks=tuple(f"{it['text']}  [{v.category}]" for it, v in good
                           if v.verdict == "not_allowed"),
        bad_rewrites=bad_rewrites,
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("name", help="a file in tests/interview/data")
    ap.add_argument("--show", action="store_true", help="list every disagreement")
    a = ap.parse_args(argv)
    s = score(load_set(a.name))
    if a.show:
        for title, rows in (("missed (prohibited, got ok)", s.misses),
                            ("not blocked (clear prohibition, got caution)", s.unblocked),
                            ("false blocks (allowed, got not_allowed)", s.false_blocks),
                            ("rewrites that do not check ok", s.bad_rewrites)):
            print(f"== {title}: {len(rows)}")
            for r in rows:
                print("  ", r)
    print(json.dumps(s.summary()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
