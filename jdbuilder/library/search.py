"""Ranked search over library statements, fast enough to run on every keystroke.

An inverted index over light stems of each statement's text, area, kind and tags is built once
per library. Scoring is BM25 over the query's words; the last word also matches as a prefix
(search as you type), and a statement containing the query as a phrase gets a bonus.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from jdbuilder.model.statement import Statement, StatementKind

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"a", "an", "and", "the", "of", "to", "in", "on", "for", "with", "or", "at",
                   "by", "as", "is", "are", "be", "their", "they", "them", "who", "that"})
K1, B = 1.2, 0.75


def stem(word: str) -> str:
    """A light English stemmer: enough to match plurals and -ing/-ed forms."""
    for suffix in ("ingly", "ings", "ing", "edly", "ies", "ied", "es", "ed", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "y"
            return base
    return word


def terms(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP]


@dataclass(frozen=True)
class Hit:
    statement: Statement
    score: float


class SearchIndex:
    def __init__(self, statements: Iterable[Statement]) -> None:
        self.statements = list(statements)
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.lengths: list[int] = []
        self.lowered: list[str] = []
        for i, st in enumerate(self.statements):
            words = terms(" ".join([st.text, st.area, st.kind.label, *st.tags, *st.roles]))
            self.lengths.append(len(words))
            self.lowered.append(st.text.lower())
            for term, tf in Counter(words).items():
                self.postings[term].append((i, tf))
        self.vocabulary = sorted(self.postings)
        self.avg = (sum(self.lengths) / len(self.lengths)) if self.lengths else 1.0

    def _expand(self, term: str, prefix: bool) -> list[str]:
        if not prefix:
            return [term] if term in self.postings else []
        import bisect

        lo = bisect.bisect_left(self.vocabulary, term)
        out = []
        for t in self.vocabulary[lo:]:
            if not t.startswith(term):
                break
            out.append(t)
        return out

    def search(self, query: str, *, role: str | None = None, kind: StatementKind | None = None,
               tags: Iterable[str] = (), limit: int = 50) -> list[Hit]:
        wanted_tags = set(tags)

        def allowed(st: Statement) -> bool:
            return ((role is None or st.suits_role(role)) and (kind is None or st.kind is kind)
                    and wanted_tags <= set(st.tags))

        raw = _WORD.findall(query.lower())
        words = [w for w in raw if w not in _STOP]
        if not words:
            hits = [Hit(st, 0.0) for st in self.statements if allowed(st)]
            return hits[:limit]
        n = len(self.statements)
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, int] = defaultdict(int)
        for k, w in enumerate(words):
            last = k == len(words) - 1 and not query.endswith(" ")
            exact = stem(w)
            expanded = set(self._expand(exact, False))
            if last:
                expanded |= set(self._expand(w, True)) | set(self._expand(exact, True))
            prefix_weight = 0.35 if exact in self.postings else 0.8
            best: dict[int, float] = {}
            for term in expanded:
                postings = self.postings[term]
                idf = math.log(1 + (n - len(postings) + 0.5) / (len(postings) + 0.5))
                weight = 1.0 if term == exact else prefix_weight
                for i, tf in postings:
                    norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * self.lengths[i] / self.avg))
                    best[i] = max(best.get(i, 0.0), idf * norm * weight)
            for i, value in best.items():
                scores[i] += value
                matched[i] += 1
        phrase = " ".join(raw)
        results = []
        for i, sc in scores.items():
            st = self.statements[i]
            if not allowed(st):
                continue
            coverage = matched[i] / len(words)
            bonus = 2.0 if len(raw) > 1 and phrase in self.lowered[i] else 0.0
            results.append(Hit(st, sc * coverage + bonus))
        results.sort(key=lambda h: (-h.score, h.statement.id))
        return results[:limit]
