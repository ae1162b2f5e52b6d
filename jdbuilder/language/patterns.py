"""Token patterns: parsing the lexicon's pattern syntax and matching it over a token stream.

Syntax (docs/CONTENT-FORMAT.md): `word` any inflection by lemma; `=word` that form only; `a|b`
alternatives; `word?` optional; `@class` a word class; `...` (or `...N`) a gap of up to 3 (N)
tokens inside a clause; `[` `]` the reported part. A hyphenated word also matches its spaced
and closed forms.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

HYPHEN = hash("-")  # replaced by the vocabulary's hash of "-" in `set_hyphen_hash`

# Tokens a gap may not cross.
GAP_BREAKERS = frozenset({".", ",", ";", ":", "!", "?", "(", ")", '"', "\n", "\n\n"})


class PatternError(ValueError):
    """A pattern that does not follow the syntax."""


@dataclass(frozen=True)
class Tok:
    """One token position: the set of lower-case form hashes it accepts."""

    hashes: frozenset[int]
    optional: bool = False
    report: bool = False
    number: bool = False


@dataclass(frozen=True)
class Gap:
    size: int
    report: bool = False


Elem = Tok | Gap


@dataclass(frozen=True)
class Variant:
    """A flat sequence of elements; one pattern compiles to one or more variants."""

    elems: tuple[Elem, ...]
    marked: bool  # True when [ ] marks a reported sub-span

    @property
    def second(self) -> frozenset[int] | None:
        """Hashes the token right after the first must have, when that is fixed (for a fast
        pre-check); None when the second element is optional, a gap, a number or absent."""
        if len(self.elems) < 2:
            return None
        nxt = self.elems[1]
        if isinstance(nxt, Gap) or nxt.optional or nxt.number:
            return None
        return nxt.hashes

    @property
    def first(self) -> Tok:
        head = self.elems[0]
        assert isinstance(head, Tok)
        return head

    @cached_property
    def probe(self) -> tuple[frozenset[int], int] | None:
        """The first required word after the head and how far after the head it can sit, for a
        quick reject before any backtracking; None when there is no such word."""
        reach = 0
        for k, e in enumerate(self.elems[1:], start=1):
            if isinstance(e, Gap):
                reach += e.size
            elif e.optional or e.number:
                reach += 1
            else:
                return e.hashes, reach + k  # + k: a hyphen may follow each word before it
        return None


    @cached_property
    def tail(self) -> tuple[frozenset[int], int] | None:
        """The last word a match needs and how far after the head it can sit at most (a second
        quick reject: "two years of experience" never reaches a pattern's "sobriety"); None
        when the last element is optional or a number, or when it is the probe's word."""
        last = self.elems[-1]
        if len(self.elems) < 3 or isinstance(last, Gap) or last.optional or last.number:
            return None
        reach = 0
        for e in self.elems[1:]:
            reach += e.size if isinstance(e, Gap) else 2  # a hyphen may follow each word
        return last.hashes, reach


@dataclass(frozen=True)
class Match:
    start: int  # first token
    end: int  # one past the last token
    rep_start: int
    rep_end: int


def set_hyphen_hash(value: int) -> None:
    global HYPHEN
    HYPHEN = value


class Vocabulary:
    """What the compiler needs from the NLP layer, injected so this module stays spaCy-free."""

    def __init__(self, *, inflections: Callable[[str], set[int]], word_hash: Callable[[str], int],
                 pieces: Callable[[str], list[str]],
                 classes: Mapping[str, Sequence[str]]) -> None:
        self.inflections = inflections
        self.word_hash = word_hash
        self.pieces = pieces
        self.classes = classes


def _split_alternatives(token: str) -> list[str]:
    return [a for a in token.split("|") if a]


def _word_sequences(item: str, vocab: Vocabulary) -> list[list[frozenset[int]]]:
    """One pattern item (`word`, `=word`, `@class`) -> alternative token sequences of hash sets."""
    exact = item.startswith("=")
    word = item[1:] if exact else item
    word = word.lower()
    if not word:
        raise PatternError(f"empty word in '{item}'")
    pieces = vocab.pieces(word)
    variants: list[list[str]] = [pieces]
    if "-" in pieces and len(pieces) > 1:
        spaced = [p for p in pieces if p != "-"]
        variants.append(spaced)
        variants.append(["".join(spaced)])
    out: list[list[frozenset[int]]] = []
    for seq in variants:
        sets: list[frozenset[int]] = []
        for k, piece in enumerate(seq):
            last = k == len(seq) - 1
            if last and not exact and piece.isalpha():
                sets.append(frozenset(vocab.inflections(piece)))
            else:
                sets.append(frozenset({vocab.word_hash(piece)}))
        out.append(sets)
    return out


def _slot(token: str, vocab: Vocabulary, report: bool) -> list[list[Tok]]:
    """A pattern token -> alternative sequences of Tok elements."""
    optional = token.endswith("?") and len(token) > 1
    if optional:
        token = token[:-1]
    single: set[int] = set()
    number = False
    multi: list[list[Tok]] = []
    for alt in _split_alternatives(token):
        if alt.startswith("@"):
            name = alt[1:]
            if name == "number":
                number = True
            if name not in vocab.classes and name != "number":
                raise PatternError(f"unknown word class '@{name}'")
            for word in vocab.classes.get(name, ()):
                for seq in _word_sequences(word, vocab):
                    if len(seq) == 1:
                        single |= seq[0]
                    else:
                        multi.append([Tok(s, report=report) for s in seq])
            continue
        for seq in _word_sequences(alt, vocab):
            if len(seq) == 1:
                single |= seq[0]
            else:
                multi.append([Tok(s, report=report) for s in seq])
    out: list[list[Tok]] = []
    if optional and multi:
        # An optional slot with multi-word forms: the forms, or nothing at all.
        if single or number:
            out.append([Tok(frozenset(single), report=report, number=number)])
        out.extend(multi)
        out.append([])
        return out
    if single or number:
        out.append([Tok(frozenset(single), optional=optional, report=report, number=number)])
    out.extend(multi)
    if not out:
        raise PatternError(f"'{token}' matches nothing")
    return out


def compile_pattern(pattern: str, vocab: Vocabulary, *, max_variants: int = 64) -> list[Variant]:
    """Compile one pattern string into its variants."""
    tokens = pattern.replace("[", " [ ").replace("]", " ] ").split()
    if not tokens:
        raise PatternError("empty pattern")
    marked = "[" in tokens
    if marked and (tokens.count("[") != 1 or tokens.count("]") != 1
                   or tokens.index("[") > tokens.index("]")):
        raise PatternError("use exactly one [ ... ] pair")
    slots: list[list[list[Elem]]] = []
    inside = not marked
    for tok in tokens:
        if tok == "[":
            inside = True
            continue
        if tok == "]":
            inside = False
            continue
        if tok.startswith("..."):
            rest = tok[3:]
            size = int(rest) if rest.isdigit() else 3
            if rest and not rest.isdigit():
                raise PatternError(f"bad gap '{tok}'")
            slots.append([[Gap(size, report=inside)]])
            continue
        slots.append([list(seq) for seq in _slot(tok, vocab, inside)])
    variants: list[Variant] = []
    for combo in itertools.product(*slots):
        for elems in _expand_leading_optional(tuple(e for part in combo for e in part)):
            head = elems[0]
            if isinstance(head, Gap):
                raise PatternError("a pattern must start with a word")
            if isinstance(elems[-1], Gap):
                raise PatternError("a pattern must not end with a gap")
            variants.append(Variant(elems, marked))
            if len(variants) > max_variants:
                raise PatternError(f"pattern expands to more than {max_variants} variants")
    return variants


def _expand_leading_optional(elems: tuple[Elem, ...]) -> list[tuple[Elem, ...]]:
    """An optional first token becomes two variants: with it required, and without it."""
    if not elems or all(isinstance(e, Gap) or e.optional for e in elems):
        raise PatternError("a pattern needs at least one required word")
    head = elems[0]
    if isinstance(head, Tok) and head.optional:
        with_head = (Tok(head.hashes, False, head.report, head.number), *elems[1:])
        return [with_head, *_expand_leading_optional(elems[1:])]
    return [elems]


class TokenView:
    """The per-document arrays the matcher reads."""

    __slots__ = ("_text", "doc", "ints", "lowers", "n")

    def __init__(self, doc: Any, lowers: Any) -> None:
        self.doc = doc
        self.lowers = lowers  # numpy array, for vectorized tests
        self.ints: list[int] = lowers.tolist()  # the same hashes, for fast scalar access
        self.n = len(lowers)
        self._text: dict[int, str] = {}

    def text(self, i: int) -> str:
        t = self._text.get(i)
        if t is None:
            t = self.doc[i].lower_
            self._text[i] = t
        return t

    def like_num(self, i: int) -> bool:
        return bool(self.doc[i].like_num)

    def breaker(self, i: int) -> bool:
        t = self.text(i)
        return t in GAP_BREAKERS or t.isspace()


def match_variant(v: Variant, view: TokenView, start: int) -> Match | None:
    """Match a variant whose first element sits at `start`; shortest match wins."""
    elems = v.elems
    n = view.n
    lowers = view.ints
    # Quick reject: the first required word after the head must occur within its reach (most
    # candidate positions in running text fail here, before any backtracking).
    probe = v.probe
    if probe is not None:
        hashes, reach = probe
        if hashes.isdisjoint(lowers[start + 1:start + 2 + reach]):
            return None
    tail = v.tail
    if tail is not None:
        hashes, reach = tail
        if hashes.isdisjoint(lowers[start + 1:start + 1 + reach]):
            return None

    def rec(k: int, i: int, rs: int, re_: int) -> Match | None:
        if k == len(elems):
            if not v.marked:
                return Match(start, i, start, i)
            return Match(start, i, rs, re_)
        e = elems[k]
        if isinstance(e, Gap):
            for g in range(e.size + 1):
                if g and (i + g - 1 >= n or view.breaker(i + g - 1)):
                    break
                nrs, nre = rs, re_
                if e.report and g:
                    nrs, nre = min(rs, i), max(re_, i + g)
                found = rec(k + 1, i + g, nrs, nre)
                if found:
                    return found
            return None
        if i < n and (lowers[i] in e.hashes or (e.number and view.like_num(i))):
            nrs, nre = (min(rs, i), max(re_, i + 1)) if e.report else (rs, re_)
            found = rec(k + 1, i + 1, nrs, nre)
            if found:
                return found
            # "substance-abuse", "acting-out": a hyphen may join two words of a phrase
            nxt = elems[k + 1] if k + 1 < len(elems) else None
            if (isinstance(nxt, Tok) and i + 2 < n and view.text(i + 1) == "-"
                    and HYPHEN not in nxt.hashes):
                found = rec(k + 1, i + 2, nrs, nre)
                if found:
                    return found
        if e.optional:
            return rec(k + 1, i, rs, re_)
        return None

    return rec(0, start, n + 1, -1)

