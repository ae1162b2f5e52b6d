"""Helpers for turning model objects into JSON-ready data and back, keeping unknown fields.

A project written by a newer minor version may carry fields this version does not know; they are
kept in `extra` and written back untouched, so opening and saving never loses them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

Json = dict[str, Any]


def split_known(data: Mapping[str, Any], known: Iterable[str]) -> tuple[Json, Json]:
    """Split a mapping into the known fields and everything else."""
    known_set = set(known)
    ours = {k: v for k, v in data.items() if k in known_set}
    extra = {k: v for k, v in data.items() if k not in known_set}
    return ours, extra


MAX_TEXT = 20_000  # characters of one text value (a duty, a note, a question ...)
MAX_ITEMS = 1_000  # items of one list of text
# Lone surrogates: JSON can spell them (\ud800) but no UTF-8 writer accepts them, so a file
# holding one was not written by jdbuilder and could not be saved again. Control characters
# are kept as they are (the renderers drop those a document cannot hold), so what was saved
# loads unchanged.
_BAD = re.compile("[\ud800-\udfff]")


def checked(value: str, key: str, limit: int = MAX_TEXT) -> str:
    """A text value as documents can print it, or a `ValueError` naming the field."""
    bad = _BAD.search(value)
    if bad:
        raise ValueError(f"'{key}' contains half of a UTF-16 pair "
                         f"(U+{ord(bad.group()):04X})")
    if len(value) > limit:
        raise ValueError(f"'{key}' is {len(value):,} characters long; the limit is {limit:,}")
    return value


def text(data: Mapping[str, Any], key: str, default: str = "", limit: int = MAX_TEXT) -> str:
    value = data.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise TypeError(f"'{key}' should be text, not {type(value).__name__}")
    return checked(value, key, limit)


def text_list(data: Mapping[str, Any], key: str, limit: int = MAX_TEXT,
              max_items: int = MAX_ITEMS) -> list[str]:
    value = data.get(key, [])
    if value is None:
        return []
    if isinstance(value, str):
        return [checked(value, key, limit)] if value.strip() else []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"'{key}' should be a list of text")
    if len(value) > max_items:
        raise ValueError(f"'{key}' has {len(value):,} items; the limit is {max_items:,}")
    return [checked(v, key, limit) for v in value]


def obj_list(data: Mapping[str, Any], key: str, max_items: int = MAX_ITEMS
             ) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise TypeError(f"'{key}' should be a list of objects")
    if len(value) > max_items:
        raise ValueError(f"'{key}' has {len(value):,} items; the limit is {max_items:,}")
    return list(value)
