"""The spelling check of the text fields: US English, offline, with the field's own words.

Three word lists are accepted: pyspellchecker's English dictionary (US spellings; it ships inside
the package, so nothing is downloaded), the field's vocabulary in
resources/spelling/field-words.txt (WRAP, naloxone, peer-run ...), and the user's personal
dictionary, `dictionary.txt` in the user-data folder, one word a line, which "Add to dictionary"
extends.

Checking is cheap enough to run on the UI thread as the user types: a paragraph is split into
words by one regular expression and each word is a hash lookup; results are cached per
paragraph text, so a keystroke re-checks only the paragraph it changed
(benchmarks/bench_spelling.py measures it). Suggestions (edit distance 1, then 2) are worked out
only when a menu asks for them. The dictionary loads on a pool thread at start-up; until then
nothing is flagged.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from jdbuilder.datapaths import resource
from jdbuilder.userdata import user_data_dir, write_private

PERSONAL_FILE = "dictionary.txt"
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F](?:[A-Za-z\u00C0-\u024F'\u2019-]*[A-Za-z\u00C0-\u024F])?")
_SKIP = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+")
_CACHE = 2048
MAX_SUGGESTIONS = 6


@dataclass(frozen=True)
class Misspelling:
    start: int  # code points in the paragraph or text checked
    end: int
    word: str


def field_words() -> list[str]:
    """The field's vocabulary, as shipped."""
    path = resource("spelling", "field-words.txt")
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def personal_path() -> Path:
    return user_data_dir() / PERSONAL_FILE


def read_personal(path: Path | None = None) -> list[str]:
    p = path or personal_path()
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


class Speller:
    """The dictionary and the check itself (no Qt; thread-safe for reading)."""

    def __init__(self, extra: Iterable[str] = (), personal: Path | None = None) -> None:
        from spellchecker import SpellChecker

        self._checker: Any = SpellChecker(language="en", distance=1)
        self._words: Any = self._checker.word_frequency.dictionary
        self._field = {w.lower().replace("\u2019", "'") for w in (*field_words(), *extra)}
        self.personal_file = personal or personal_path()
        self._personal = {w.lower() for w in read_personal(self.personal_file)}
        self._cache: OrderedDict[str, tuple[Misspelling, ...]] = OrderedDict()
        self._lock = threading.Lock()

    # ---- words ---------------------------------------------------------------------------
    def known(self, word: str) -> bool:
        w = word.lower().replace("\u2019", "'")
        if w in self._words or w in self._field or w in self._personal:
            return True
        if w.endswith("'s"):
            return self.known(w[:-2])
        if w.endswith("'"):
            return self.known(w[:-1])
        return False

    def _skipped(self, word: str) -> bool:
        """Acronyms and initialisms (CPRS, HIPAA, LGBTQ+) are not checked, as in a word
        processor's default."""
        letters = [c for c in word if c.isalpha()]
        return len(letters) < 2 or all(c.isupper() for c in letters)

    def check(self, text: str) -> tuple[Misspelling, ...]:
        """The misspelled words of one paragraph (cached by its text)."""
        with self._lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return hit
        found = tuple(self._check(text))
        with self._lock:
            self._cache[text] = found
            if len(self._cache) > _CACHE:
                self._cache.popitem(last=False)
        return found

    def _check(self, text: str) -> Iterable[Misspelling]:
        skipped = [(m.start(), m.end()) for m in _SKIP.finditer(text)] if (
            "@" in text or "://" in text or "www." in text) else []
        for m in _WORD.finditer(text):
            start, end = m.start(), m.end()
            if skipped and any(s <= start < e for s, e in skipped):
                continue
            word = m.group()
            if self._skipped(word) or self.known(word):
                continue
            if "-" in word:  # a compound: each unknown part is flagged on its own
                pos = start
                for part in word.split("-"):
                    if part and not self._skipped(part) and not self.known(part):
                        yield Misspelling(pos, pos + len(part), part)
                    pos += len(part) + 1
                continue
            if word.endswith(("'s", "\u2019s")):
                word, end = word[:-2], end - 2
            yield Misspelling(start, end, word)

    def check_text(self, text: str) -> list[Misspelling]:
        """Every misspelling of a text of several paragraphs, offsets in the whole text."""
        out: list[Misspelling] = []
        pos = 0
        for para in text.split("\n"):
            out += [Misspelling(m.start + pos, m.end + pos, m.word) for m in self.check(para)]
            pos += len(para) + 1
        return out

    def suggestions(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Likely corrections, most frequent first, in the word's own capitalization."""
        w = word.lower().replace("\u2019", "'")
        freq = self._words
        own = [f for f in self._field | self._personal if _distance1(w, f)]
        found = set(self._checker.edit_distance_1(w)) if len(w) <= 40 else set()
        cands = {c for c in found if c in freq}
        if not cands and not own and len(w) <= 10:
            cands = {c for c in self._checker.edit_distance_2(w) if c in freq}
        ranked = sorted(cands, key=lambda c: (-freq.get(c, 0), c))
        out: list[str] = []
        for c in [*sorted(own), *ranked]:
            shaped = _shape(c, word)
            if shaped not in out and shaped.lower() != w:
                out.append(shaped)
        return out[:limit]

    # ---- personal dictionary ---------------------------------------------------------------
    def add(self, word: str) -> None:
        """Add a word to the personal dictionary file (kept sorted, one word a line)."""
        clean = word.strip().replace("\u2019", "'")
        if not clean or self.known(clean):
            return
        words = sorted({*read_personal(self.personal_file), clean}, key=str.lower)
        write_private(self.personal_file, "\n".join(words) + "\n")
        with self._lock:
            self._personal.add(clean.lower())
            self._cache.clear()

    def reload_personal(self, path: Path | None = None) -> None:
        self.personal_file = path or personal_path()
        with self._lock:
            self._personal = {w.lower() for w in read_personal(self.personal_file)}
            self._cache.clear()


def _distance1(a: str, b: str) -> bool:
    """True when b is one insertion, deletion, substitution or swap away from a."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _shape(candidate: str, like: str) -> str:
    """A suggestion in the capitalization of the word it replaces."""
    if like.isupper() and len(like) > 1:
        return candidate.upper()
    if like[:1].isupper():
        return candidate[:1].upper() + candidate[1:]
    return candidate


class SpellService(QObject):
    """The app's one speller, loaded off the UI thread. `changed` asks every field to check
    again (the dictionary finished loading, or a word was added)."""

    changed = Signal()
    _loaded = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.speller: Speller | None = None
        self.enabled = True
        self.error = ""
        self._started = False
        self._loaded.connect(self._on_loaded)

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        signal = self._loaded

        def job() -> None:
            try:
                signal.emit(Speller())
            except Exception as exc:  # the check is a help, never a blocker
                signal.emit(exc)

        QThreadPool.globalInstance().start(job)

    def load_now(self) -> Speller | None:
        """Load on this thread (tests, screenshots, benchmarks)."""
        if self.speller is None:
            self._started = True
            self._on_loaded(Speller())
        return self.speller

    def _on_loaded(self, result: object) -> None:
        if isinstance(result, Speller):
            self.speller = result
        else:
            self.error = f"The spelling check could not start: {result}"
        self.changed.emit()

    @property
    def active(self) -> Speller | None:
        return self.speller if self.enabled else None

    def check(self, text: str) -> tuple[Misspelling, ...]:
        sp = self.active
        return sp.check(text) if sp is not None else ()

    def add(self, word: str) -> None:
        if self.speller is not None:
            self.speller.add(word)
            self.changed.emit()

    def set_enabled(self, enabled: bool) -> None:
        if enabled != self.enabled:
            self.enabled = enabled
            self.changed.emit()


_service: SpellService | None = None


def spell_service() -> SpellService:
    """The process's spelling service (created on first use, on the UI thread)."""
    global _service
    if _service is None:
        _service = SpellService()
    return _service
