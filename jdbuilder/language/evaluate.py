"""Scoring the language check on labeled sentences (used by the tests and for held-out sets).

A labeled sentence lists the problem phrases it contains (`expect: [{phrase, category}]`, empty
for a clean sentence). An expected phrase is found when a finding overlaps it. A finding that
overlaps no expected phrase is a false alarm. Run `python -m jdbuilder.language.evaluate FILE`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jdbuilder.language.checker import Finding, check_many


@dataclass
class CategoryScore:
    expected: int = 0
    found: int = 0
    findings: int = 0
    false_alarms: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return (self.findings - self.false_alarms) / self.findings if self.findings else 1.0


@dataclass
class Score:
    categories: dict[str, CategoryScore] = field(default_factory=dict)
    sentences: int = 0
    clean_sentences: int = 0
    clean_flagged: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_alarms: list[tuple[str, Finding]] = field(default_factory=list)

    def cat(self, name: str) -> CategoryScore:
        return self.categories.setdefault(name, CategoryScore())

    @property
    def total(self) -> CategoryScore:
        t = CategoryScore()
        for c in self.categories.values():
            t.expected += c.expected
            t.found += c.found
            t.findings += c.findings
            t.false_alarms += c.false_alarms
        return t

    @property
    def clean_flag_rate(self) -> float:
        return self.clean_flagged / self.clean_sentences if self.clean_sentences else 0.0

    def table(self) -> str:
        rows = [f"{'category':<24}{'expected':>9}{'recall':>8}{'findings':>9}{'precision':>10}"]
        for name in sorted(self.categories):
            c = self.categories[name]
            rows.append(f"{name:<24}{c.expected:>9}{c.recall:>8.3f}{c.findings:>9}"
                        f"{c.precision:>10.3f}")
        t = self.total
        rows.append(f"{'all':<24}{t.expected:>9}{t.recall:>8.3f}{t.findings:>9}"
                    f"{t.precision:>10.3f}")
        rows.append(f"clean sentences flagged: {self.clean_flagged}/{self.clean_sentences} "
                    f"({self.clean_flag_rate:.3f})")
        return "\n".join(rows)


def _span(text: str, phrase: str) -> tuple[int, int]:
    i = text.find(phrase)
    if i < 0:
        raise ValueError(f"phrase {phrase!r} is not in {text!r}")
    return i, i + len(phrase)


def score(items: Sequence[Mapping[str, Any]]) -> Score:
    result = Score()
    texts = [str(item["text"]) for item in items]
    for item, text, report in zip(items, texts, check_many(texts), strict=True):
        expected = [(str(e["phrase"]), str(e["category"])) for e in item.get("expect") or []]
        spans = [(*_span(text, p), c, p) for p, c in expected]
        result.sentences += 1
        if not expected:
            result.clean_sentences += 1
            if report.findings:
                result.clean_flagged += 1
        for s, e, cat, phrase in spans:
            c = result.cat(cat)
            c.expected += 1
            if any(f.start < e and f.end > s for f in report.findings):
                c.found += 1
            else:
                result.misses.append((text, phrase, cat))
        for f in report.findings:
            c = result.cat(f.category)
            c.findings += 1
            if not any(f.start < e and f.end > s for s, e, _, _ in spans):
                c.false_alarms += 1
                result.false_alarms.append((text, f))
    return result


def load_items(path: str) -> list[Mapping[str, Any]]:
    from jdbuilder.datafile import load_yaml

    data = load_yaml(path)
    items: Iterable[Any] = data.get("sentences", []) if isinstance(data, Mapping) else data
    return [i for i in items if isinstance(i, Mapping)]


def main(argv: Sequence[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m jdbuilder.language.evaluate LABELED.yaml", file=sys.stderr)
        return 2
    result = score(load_items(argv[0]))
    print(result.table())
    for text, phrase, cat in result.misses:
        print(f"MISS [{cat}] {phrase!r}: {text!r}")
    for text, f in result.false_alarms:
        print(f"FALSE ALARM [{f.rule}] {f.text!r}: {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
