"""Concepts: an action and its object (or recipient) inside one clause, in whatever words.

A concept joins two or more parts, each a token pattern (`patterns.py` syntax, usually a word
class such as `@report_act` or `@person_state`): `A ~ B` means both inside one clause, in either
order ("reports relapses", "relapses are reported"); `A > B` means A before B. Every part sits
within the entry's `window` tokens of the first part.

The engine is linear. One vectorized lookup of lower-case hashes finds every token where any part
can start; parts are matched only there; clauses come from a vectorized pass over the same hashes
(sentence ends, semicolons, colons, dashes, a comma or conjunction followed by a new duty verb,
and contrast words). The blank pipeline has no parser, so clauses are built from punctuation,
conjunctions and list structure.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from jdbuilder.language.patterns import (
    Match,
    PatternError,
    TokenView,
    Variant,
    Vocabulary,
    compile_pattern,
    match_variant,
)

U64 = np.ndarray[Any, np.dtype[np.uint64]]
HARD_BREAKS = (".", ";", ":", "!", "?", "\n", "\n\n", "\u2014", "\u2013", "--", "\u2022")
CONJUNCTIONS = ("and", "or", "then", "&")
CONTRASTS = ("but", "however", "although", "though", "whereas", "while", "so", "because")


@dataclass(frozen=True)
class Concept:
    text: str
    part_texts: tuple[str, ...]
    parts: tuple[tuple[Variant, ...], ...]
    ordered: bool
    window: int | None = None  # "... /N": this concept's own window (else the entry's)


_WINDOW = re.compile(r"\s/(\d+)\s*$")


def compile_concept(text: str, vocab: Vocabulary) -> Concept:
    """`"@report_act ~ @person_state"` -> a Concept (each part compiled as a token pattern).

    A trailing `/N` sets the concept's window: every part within N tokens of the first.
    """
    window = None
    found = _WINDOW.search(text)
    if found:
        window = int(found.group(1))
        if not 1 <= window <= 30:
            raise PatternError("a window must be between 1 and 30 tokens")
        text = text[:found.start()]
    any_order = " ~ " in f" {text} "
    in_order = " > " in f" {text} "
    if any_order == in_order:
        raise PatternError("join two or more parts with ' ~ ' (any order) or ' > ' (in order), "
                           "not both")
    pieces = [p.strip() for p in text.split("~" if any_order else ">")]
    if len(pieces) < 2 or not all(pieces):
        raise PatternError("a concept needs two or more parts")
    parts = []
    for piece in pieces:
        if "[" in piece or "]" in piece:
            raise PatternError("a concept part reports all of itself: no [ ] inside")
        parts.append(tuple(compile_pattern(piece, vocab)))
    return Concept(text, tuple(" ".join(p.split()) for p in pieces), tuple(parts),
                   ordered=in_order, window=window)


@dataclass(frozen=True)
class ClauseMarks:
    """Hashes of the tokens that cut a text into clauses."""

    hard: U64
    conjunction: U64
    contrast: U64
    verb: U64  # words that start a new duty ("..., administers", "and reports")
    comma: np.uint64
    of: np.uint64  # a verb form followed by "of" is a noun ("distribution and monitoring of")

    @classmethod
    def build(cls, vocab: Vocabulary, verb_words: Sequence[str]) -> ClauseMarks:
        def arr(hashes: set[int]) -> U64:
            return np.array(sorted(hashes), dtype=np.uint64)

        verbs: set[int] = set()
        for word in verb_words:
            exact = word.startswith("=")
            verbs |= ({vocab.word_hash(word[1:])} if exact else vocab.inflections(word))
        return cls(
            hard=arr({vocab.word_hash(t) for t in HARD_BREAKS}),
            conjunction=arr({vocab.word_hash(t) for t in CONJUNCTIONS}),
            contrast=arr({vocab.word_hash(t) for t in CONTRASTS}),
            verb=arr(verbs),
            comma=np.uint64(vocab.word_hash(",")),
            of=np.uint64(vocab.word_hash("of")),
        )


def member(values: U64, sorted_keys: U64) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Vectorized membership test against a sorted array."""
    if not len(sorted_keys) or not len(values):
        return np.zeros(len(values), dtype=bool)
    pos = np.searchsorted(sorted_keys, values)
    pos[pos == len(sorted_keys)] = 0
    out: np.ndarray[Any, np.dtype[np.bool_]] = sorted_keys[pos] == values
    return out


class Membership:
    """Membership tests for one text's tokens, against many sorted key arrays.

    The test runs on the text's distinct hashes (a few hundred in a page) and is spread back
    to every token, so each extra key array costs little; results are kept per key array.
    """

    def __init__(self, lowers: U64) -> None:
        self.lowers = lowers
        self._uniq: U64 | None = None
        self._inverse: np.ndarray[Any, np.dtype[np.intp]] | None = None
        self._cache: dict[int, np.ndarray[Any, np.dtype[np.bool_]]] = {}

    def __call__(self, keys: U64) -> np.ndarray[Any, np.dtype[np.bool_]]:
        found = self._cache.get(id(keys))
        if found is None:
            if self._uniq is None:
                self._uniq, self._inverse = np.unique(self.lowers, return_inverse=True)
            assert self._inverse is not None
            found = member(self._uniq, keys)[self._inverse]
            self._cache[id(keys)] = found
        return found


def clause_ids(lowers: U64, marks: ClauseMarks,
               test: Membership | None = None) -> np.ndarray[Any, np.dtype[np.intp]]:
    """A clause number per token; a break token opens the clause that follows it."""
    n = len(lowers)
    start = np.zeros(n, dtype=bool)
    if n == 0:
        return start.astype(np.intp)
    test = test or Membership(lowers)
    hard = test(marks.hard)
    verb = test(marks.verb)
    conj = test(marks.conjunction)
    comma = lowers == marks.comma
    start |= hard
    start[1:] |= hard[:-1]
    start |= test(marks.contrast)
    start[1:] |= comma[:-1] & verb[1:]  # "..., administers medication"
    start[2:] |= comma[:-2] & conj[1:-1] & verb[2:]  # "..., and reports"
    # "... vital signs and reports changes": a new verb after a conjunction, unless the word
    # before the conjunction is a verb sharing the object ("monitor and record vital signs")
    # (a verb form followed by "of" is a noun sharing the object: "distribution and monitoring
    # of medications")
    of_after = np.zeros(n, dtype=bool)
    of_after[:-1] = lowers[1:] == marks.of
    start[1:-1] |= conj[1:-1] & verb[2:] & ~verb[:-2] & ~of_after[2:]
    ids: np.ndarray[Any, np.dtype[np.intp]] = np.cumsum(start)
    return ids


@dataclass
class _Part:
    """One concept part: the hashes that alone make a one-token match, and the longer variants."""

    single: frozenset[int]
    longer: tuple[Variant, ...]


@dataclass
class ConceptIndex:
    """Every concept of a lexicon, compiled for one vectorized candidate test per text."""

    keys: U64  # sorted first-token hashes of every part variant
    by_hash: dict[int, tuple[int, ...]]  # first-token hash -> part ids
    parts: list[_Part]
    entries: list[tuple[Any, Concept, tuple[int, ...], int]]  # (rule, concept, part ids, window)
    marks: ClauseMarks

    @classmethod
    def build(cls, items: Sequence[tuple[Any, Concept, int]], marks: ClauseMarks) -> ConceptIndex:
        part_ids: dict[str, int] = {}
        parts: list[_Part] = []
        entries = []
        by_hash: dict[int, set[int]] = {}
        for rule, concept, window in items:
            ids = []
            for key, variants in zip(concept.part_texts, concept.parts, strict=True):
                if key not in part_ids:
                    part_ids[key] = len(parts)
                    single = frozenset().union(*(v.first.hashes for v in variants
                                                 if len(v.elems) == 1))
                    parts.append(_Part(single, tuple(v for v in variants if len(v.elems) > 1)))
                    for v in variants:
                        for h in v.first.hashes:
                            by_hash.setdefault(h, set()).add(part_ids[key])
                ids.append(part_ids[key])
            entries.append((rule, concept, tuple(ids), concept.window or window))
        keys = np.array(sorted(by_hash), dtype=np.uint64)
        return cls(keys, {h: tuple(sorted(p)) for h, p in by_hash.items()}, parts, entries,
                   marks)

    def scan(self, view: TokenView, clauses: np.ndarray[Any, np.dtype[np.intp]],
             test: Membership | None = None) -> list[tuple[Any, Match]]:
        """Every concept match in the text: (rule, match), one per anchor at most.

        Candidate positions come from one vectorized lookup; a part is matched only where a
        concept's anchor has matched and only within the window, so the Python work grows with
        the number of anchors, not with the text.
        """
        lowers = view.ints
        test = test or Membership(view.lowers)
        hits = np.flatnonzero(test(self.keys))
        if not len(hits):
            return []
        cand: dict[int, list[int]] = {}
        for i in hits.tolist():
            for pid in self.by_hash.get(lowers[i], ()):
                cand.setdefault(pid, []).append(i)
        memo: dict[tuple[int, int], tuple[int, int] | None] = {}

        def at(pid: int, i: int) -> tuple[int, int] | None:
            key = (pid, i)
            if key in memo:
                return memo[key]
            part = self.parts[pid]
            found: tuple[int, int] | None = None
            for v in part.longer:
                if lowers[i] in v.first.hashes:
                    m = match_variant(v, view, i)
                    if m is not None:
                        found = (m.start, m.end)
                        break
            if found is None and lowers[i] in part.single:
                found = (i, i + 1)
            memo[key] = found
            return found

        out: list[tuple[Any, Match]] = []
        for rule, concept, ids, window in self.entries:
            if not all(pid in cand for pid in ids):
                continue
            # the rarest other part must have a candidate within the window of an anchor
            # before the anchor is matched at all (most anchors in running text fail here)
            rare = min((cand[pid] for pid in ids[1:]), key=len)
            for i in cand[ids[0]]:
                k = bisect.bisect_left(rare, i - window)
                if k == len(rare) or rare[k] > i + window:
                    continue
                first = at(ids[0], i)
                if first is None:
                    continue
                span = _complete(concept, ids, cand, at, first, window, clauses)
                if span is not None:
                    out.append((rule, Match(span[0], span[1], span[0], span[1])))
        return out


def _complete(concept: Concept, ids: tuple[int, ...], cand: dict[int, list[int]],
              at: Any, first: tuple[int, int], window: int,
              clauses: np.ndarray[Any, np.dtype[np.intp]]) -> tuple[int, int] | None:
    """The other parts nearest the anchor, in its clause; None when one is absent."""
    s0, e0 = first
    clause = clauses[s0]
    taken = [first]
    prev_end = e0
    for pid in ids[1:]:
        best: tuple[int, int] | None = None
        positions = cand[pid]
        lo = bisect.bisect_left(positions, s0 - window)
        hi = bisect.bisect_right(positions, s0 + window)
        for j in positions[lo:hi]:
            if clauses[j] != clause:
                continue
            if concept.ordered and j < prev_end:
                continue
            if best is not None and abs(j - s0) >= abs(best[0] - s0):
                continue
            found = at(pid, j)
            if found is None or clauses[found[1] - 1] != clause:
                continue
            if any(found[0] < te and ts < found[1] for ts, te in taken):
                continue
            best = found
        if best is None:
            return None
        taken.append(best)
        prev_end = best[1]
    return min(s for s, _ in taken), max(e for _, e in taken)
