"""Helpers for turning model objects into JSON-ready data and back, keeping unknown fields.

A project written by a newer minor version may carry fields this version does not know; they are
kept in `extra` and written back untouched, so opening and saving never loses them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

Json = dict[str, Any]


def split_known(data: Mapping[str, Any], known: Iterable[str]) -> tuple[Json, Json]:
    """Split a mapping into the known fields and everything else."""
    known_set = set(known)
    ours = {k: v for k, v in data.items() if k in known_set}
    extra = {k: v for k, v in data.items() if k not in known_set}
    return ours, extra


def text(data: Mapping[str, Any], key: str, default: str = "") -> str:
    value = data.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise TypeError(f"'{key}' should be text, not {type(value).__name__}")
    return value


def text_list(data: Mapping[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"'{key}' should be a list of text")
    return list(value)


def obj_list(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise TypeError(f"'{key}' should be a list of objects")
    return list(value)
