"""The spaCy pipeline: blank English plus the lookup lemmatizer, built once per process.

This is the only module that imports spaCy. Nothing is downloaded: the lemma table comes from the
`spacy-lookups-data` package.

Design note: running the lemmatizer component over every token costs about ten times the
tokenizer (measured in `benchmarks/bench_language.py`). The checker therefore uses the lemma
table at *compile* time instead: every lemma in a rule is expanded to all the surface forms the
table maps to it, and a check only tokenizes and compares lower-case hashes. Matching by lemma
and matching by these expanded forms accept exactly the same tokens.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import types
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import numpy as np


@contextlib.contextmanager
def _without_download_code() -> Iterator[None]:
    """spaCy's package imports its command-line tools, and their download command imports
    `requests`, whose urllib3 opens a socket at import to probe for IPv6. jdbuilder never
    downloads anything, so while spaCy is imported `requests` is a placeholder that refuses to
    be used; the real package stays importable for anything else afterwards."""
    if "requests" in sys.modules:
        yield
        return
    placeholder = types.ModuleType("requests")

    def refuse(name: str) -> Any:  # AttributeError: hasattr() and inspect stay quiet
        raise AttributeError(f"requests.{name}: jdbuilder never downloads (spaCy's download "
                             "code is not loaded)")

    placeholder.__getattr__ = refuse  # type: ignore[method-assign]
    sys.modules["requests"] = placeholder
    try:
        yield
    finally:
        if sys.modules.get("requests") is placeholder:
            del sys.modules["requests"]


with _without_download_code():
    import spacy
    from spacy.attrs import LIKE_NUM, LOWER
    from spacy.strings import hash_string  # type: ignore[attr-defined]

_lock = threading.Lock()


@cache
def pipeline() -> Any:
    """spacy.blank('en') with a lookup-mode lemmatizer, initialized from spacy-lookups-data."""
    with _lock:
        nlp = spacy.blank("en")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        return nlp


@cache
def _lemma_table() -> Any:
    return pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


@cache
def _reverse_lemmas() -> dict[str, tuple[int, ...]]:
    """lemma -> hashes of every form the lookup table maps to that lemma."""
    rev: dict[str, list[int]] = {}
    for key, lemma in _lemma_table().items():
        rev.setdefault(lemma, []).append(key)
    return {k: tuple(v) for k, v in rev.items()}


def lemma(word: str) -> str:
    """The lookup lemma of a lower-case word (the word itself when the table has none)."""
    value = _lemma_table().get(word, word)
    return value if isinstance(value, str) else word


def word_hash(word: str) -> int:
    return int(hash_string(word))


def inflections(word: str) -> set[int]:
    """Hashes of the word and of every form whose lemma is the word's lemma."""
    base = lemma(word)
    forms = {word_hash(word), word_hash(base)}
    forms.update(_reverse_lemmas().get(base, ()))
    forms.update(_reverse_lemmas().get(word, ()))
    return forms


def tokenize(text: str) -> Any:
    """A Doc with tokens only (see the design note above)."""
    return pipeline().make_doc(text)


def tokenize_many(texts: Iterable[str], batch_size: int = 256) -> Iterator[Any]:
    """Tokenize a batch of texts with the pipeline's batched tokenizer."""
    docs: Iterator[Any] = pipeline().tokenizer.pipe(texts, batch_size=batch_size)
    return docs


def lower_hashes(doc: Any) -> np.ndarray[Any, np.dtype[np.uint64]]:
    arr: np.ndarray[Any, np.dtype[np.uint64]] = doc.to_array(LOWER)
    return arr


def number_positions(doc: Any) -> np.ndarray[Any, np.dtype[np.intp]]:
    """Indexes of tokens that look like numbers ("3", "two", "10,000")."""
    return np.flatnonzero(doc.to_array(LIKE_NUM))


def lemmatize(doc: Any) -> list[str]:
    """Run the pipeline's lemmatizer on a Doc (used where every lemma is wanted)."""
    lemmatizer = pipeline().get_pipe("lemmatizer")
    return [t.lemma_ for t in lemmatizer(doc)]


def pattern_pieces(word: str) -> list[str]:
    """How the tokenizer splits one pattern word (e.g. "non-compliant" -> non, -, compliant)."""
    return [t.lower_ for t in pipeline().make_doc(word)]


def verb_form(word: str, form: str) -> str:
    """`word` (any inflection of a verb) as the base form, the -s form or the -ing form.

    Candidates are built by spelling rules and confirmed against the lemma table, so
    "supports" -> "support" / "supporting", "stays" -> "staying", "plans" -> "planning".
    """
    low = word.lower()
    base = lemma(low)
    if form == "base":
        return base
    if form == "s":
        if base in ("be", "have"):
            return {"be": "is", "have": "has"}[base]
        if base.endswith(("s", "x", "z", "ch", "sh", "o")):
            return base + "es"
        if base.endswith("y") and base[-2:-1] not in "aeiou":
            return base[:-1] + "ies"
        return base + "s"
    if form != "ing":
        raise ValueError(f"unknown verb form '{form}'")
    if base == "be":
        return "being"
    candidates = []
    if base.endswith("ie"):
        candidates.append(base[:-2] + "ying")
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        candidates.append(base[:-1] + "ing")
    if (len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou"
            and base[-3] not in "aeiou"):
        candidates.append(base + base[-1] + "ing")
    candidates.append(base + "ing")
    for cand in candidates:
        if lemma(cand) == base:
            return cand
    return candidates[-1] if not (base.endswith("e") and not base.endswith("ee")) \
        else base[:-1] + "ing"
