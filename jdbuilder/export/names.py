"""File names for what the app writes: ASCII-safe, stable and never the same twice in a build.

A name in any script gets a readable ASCII form where one exists (accents dropped, Polish,
Nordic, German and Cyrillic letters spelled in Latin letters) and a short suffix derived from
the person's stable id where it has none (Chinese, Japanese, Korean, Arabic ...) or where two
people would otherwise share a file name. The same project always gives the same names.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence

# Letters that do not decompose into an ASCII letter and an accent.
_LATIN = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
          "ß": "ss", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i",
          "ħ": "h", "Ħ": "H", "ŋ": "ng", "Ŋ": "NG"}
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґў",
                     ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m",
                      "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",
                      "y", "", "e", "yu", "ya", "ye", "i", "yi", "g", "u"], strict=True))
MAX_STEM = 60  # characters of a readable stem, before any suffix


def ascii_form(text: str) -> str:
    """The text in ASCII letters where a spelling exists; other characters are dropped."""
    out = []
    for ch in text:
        low = ch.lower()
        if low in _CYRILLIC:
            latin = _CYRILLIC[low]
            out.append(latin.capitalize() if ch != low and latin else latin)
        elif ch in _LATIN:
            out.append(_LATIN[ch])
        else:
            out.append(unicodedata.normalize("NFKD", ch))
    return "".join(out).encode("ascii", "ignore").decode("ascii")


def slug(text: str) -> str:
    """A lower-case ASCII file-name stem ("peer-specialist"); "untitled" if nothing is left."""
    s = re.sub(r"[^a-z0-9]+", "-", ascii_form(text).lower()).strip("-")[:MAX_STEM].strip("-")
    return s or "untitled"


def short_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:6]


def person_stem(name: str, key: str) -> str:
    """A stem for one person's file: their name in ASCII, or, when the name has no ASCII
    form, a suffix from their stable `key` (the interviewer's id)."""
    readable = re.sub(r"[^a-z0-9]+", "-", ascii_form(name).lower()).strip("-")
    readable = readable[:MAX_STEM].strip("-")
    if len(readable) >= 2:
        return readable
    suffix = short_hash(key or name)
    return f"{readable}-{suffix}" if readable else suffix


def unique_stems(stems: Sequence[str], keys: Iterable[str]) -> list[str]:
    """The stems, with a stable suffix from each key added where two would be the same."""
    keys = list(keys)
    seen: dict[str, int] = {}
    for s in stems:
        seen[s] = seen.get(s, 0) + 1
    out = [f"{s}-{short_hash(k)}" if seen[s] > 1 else s for s, k in zip(stems, keys,
                                                                         strict=True)]
    # two keys could still collide on the suffix (one in sixteen million); never overwrite
    final: list[str] = []
    for s in out:
        candidate, n = s, 2
        while candidate in final:
            candidate, n = f"{s}-{n}", n + 1
        final.append(candidate)
    return final
