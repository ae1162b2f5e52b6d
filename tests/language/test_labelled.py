"""The language check scored on labelled job-description sentences, gated per category.

`labelled_sentences.yaml` was written for tuning; `holdout_sentences.yaml` was written
independently of the rules and is only measured against. Both gate the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jdbuilder.language.evaluate import Score, load_items, score
from jdbuilder.language.lexicon import CATEGORIES

DATA = Path(__file__).parent / "data"

# (overall recall, overall precision, clean-sentence flag rate, per-category recall and precision)
GATES = {
    "labelled_sentences.yaml": (0.97, 0.97, 0.02, 0.95, 0.92),
    "holdout_sentences.yaml": (0.95, 0.95, 0.03, 0.90, 0.90),
}


@pytest.fixture(scope="module", params=sorted(GATES))
def scored(request: pytest.FixtureRequest) -> tuple[str, Score]:
    path = DATA / request.param
    if not path.exists():
        pytest.fail(f"missing labelled set {path}")
    return request.param, score(load_items(str(path)))


MIN_PER_CATEGORY = 5  # expected phrases per category, so each category's gate means something


def test_set_is_large_and_balanced(scored: tuple[str, Score]) -> None:
    name, result = scored
    total = result.total
    assert result.sentences >= 300 and total.expected >= 150, name
    assert result.clean_sentences >= 0.35 * result.sentences, name
    thin = {c: result.cat(c).expected for c in CATEGORIES
            if result.cat(c).expected < MIN_PER_CATEGORY}
    assert thin == {}, name


@pytest.mark.parametrize(("name", "size"), [
    ("fresh_holdout.yaml", 250), ("fresh_holdout2.yaml", 400), ("fresh_holdout3.yaml", 150),
    ("fresh_holdout4.yaml", 120)])
def test_fresh_holdouts_are_well_formed(name: str, size: int) -> None:
    """The fresh hold-outs (each written before a round of rule changes and first measured
    blind) are measured with `python -m jdbuilder.language.evaluate`, not gated; here only
    their format is checked: size, phrases found in their sentences, known categories, no
    sentence twice, and about half of them clean."""
    items = load_items(str(DATA / name))
    assert len(items) >= size
    texts = [str(item["text"]) for item in items]
    assert len(set(texts)) == len(texts)
    assert sum(1 for item in items if not item.get("expect")) >= 0.5 * len(items)
    for item in items:
        for e in item.get("expect") or []:
            assert e["phrase"] in item["text"] and e["category"] in CATEGORIES, item


def test_overall_gates(scored: tuple[str, Score]) -> None:
    name, result = scored
    recall, precision, clean_rate, _, _ = GATES[name]
    t = result.total
    report = result.table()
    assert t.recall >= recall, report
    assert t.precision >= precision, report
    assert result.clean_flag_rate <= clean_rate, report


def test_per_category_gates(scored: tuple[str, Score]) -> None:
    name, result = scored
    _, _, _, cat_recall, cat_precision = GATES[name]
    low = {c: (round(s.recall, 3), round(s.precision, 3)) for c, s in result.categories.items()
           if c in CATEGORIES and (s.recall < cat_recall or s.precision < cat_precision)}
    assert low == {}, result.table()
