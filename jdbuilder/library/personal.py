"""The personal library: statements a user writes, kept in the user-data folder.

`add_personal_statement(...)` appends one entry to `library/statements/personal.yaml` in the
user-data folder, in the format of docs/CONTENT-FORMAT.md. The entry is validated with the same
schema the loader uses before anything is written, the file is replaced atomically, and the
entries already in it are never lost: the new text is appended to the file as it is (keeping
comments and layout) and the result is parsed back and compared with the old entries plus the
new one; only if that check fails is the file rewritten from its parsed data. A file that cannot
be parsed is left alone and reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from jdbuilder.datafile import MAX_CONTENT_BYTES, parse_yaml, read_text_file
from jdbuilder.errors import ContentError
from jdbuilder.library.schemas import ROLE_IDS, statement_schema
from jdbuilder.model.statement import POPULATIONS, SETTINGS, Statement, StatementKind
from jdbuilder.schema import validate
from jdbuilder.userdata import user_data_dir, write_private

PERSONAL_FILE = "personal.yaml"
DEFAULT_SOURCE = "Personal library"
PREFIXES = {
    StatementKind.FUNCTION: "function",
    StatementKind.RESPONSIBILITY_AREA: "area",
    StatementKind.DUTY: "duty",
    StatementKind.QUALIFICATION: "qual",
    StatementKind.EMPLOYMENT_CONDITION: "cond",
    StatementKind.ABILITY: "ability",
}
HEADER = ("# Personal library: statements written in jdbuilder (format: docs/CONTENT-FORMAT.md).\n"
          "statements:\n")
_SLUG_WORDS = 6


def personal_statements_file(folder: Path | None = None) -> Path:
    """The file new personal statements go to (`folder` is the personal library folder)."""
    base = folder if folder is not None else user_data_dir() / "library"
    return base / "statements" / PERSONAL_FILE


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:_SLUG_WORDS]) or "statement"


def _ids_in(data: Any) -> set[str]:
    if not isinstance(data, Mapping) or not isinstance(data.get("statements"), list):
        return set()
    return {str(item["id"]) for item in data["statements"]
            if isinstance(item, Mapping) and isinstance(item.get("id"), str)}


def _ids_in_folder(folder: Path, skip: Path) -> set[str]:
    """Ids in the other YAML files of the personal statements folder (best effort)."""
    out: set[str] = set()
    if not folder.is_dir():
        return out
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".yaml", ".yml") or not path.is_file() or path == skip:
            continue
        try:
            out |= _ids_in(parse_yaml(read_text_file(path), path))
        except ContentError:
            continue
    return out


def _unique_id(prefix: str, text: str, taken: set[str]) -> str:
    base = f"{prefix}.{_slug(text)}"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


def _plain(value: Any) -> Any:
    """Parsed YAML (with line-numbered mappings) as plain dicts and lists for dumping."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _dump_entry(entry: dict[str, Any]) -> str:
    """One entry as a YAML block-sequence item indented under `statements:`."""
    text = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True,
                          default_flow_style=None, width=10_000)
    return "".join(f"  {line}\n" if line.strip() else "\n" for line in text.splitlines())


def _load_existing(path: Path) -> tuple[str, list[Any]]:
    """The file's text and its statements; raises ContentError if it cannot be used safely."""
    if not path.exists():
        return "", []
    raw = read_text_file(path)
    data = parse_yaml(raw, path)
    if data is None:
        return raw, []
    if not isinstance(data, Mapping):
        raise ContentError(path, "expected a mapping with a 'statements' list; the file was "
                                 "left unchanged")
    items = data.get("statements")
    if items is None:
        items = []
    if not isinstance(items, list):
        raise ContentError(path, "'statements' should be a list; the file was left unchanged",
                           field="statements")
    return raw, list(items)


def _statement_list(text: str, path: Path) -> list[Any] | None:
    try:
        data = parse_yaml(text, path)
    except ContentError:
        return None
    if not isinstance(data, Mapping) or not isinstance(data.get("statements"), list):
        return None
    items: list[Any] = _plain(data["statements"])
    return items


def add_personal_statement(
    text: str,
    kind: StatementKind | str,
    *,
    roles: Iterable[str] = ("all",),
    settings: Iterable[str] = SETTINGS,
    populations: Iterable[str] = POPULATIONS,
    area: str = "",
    level: str = "",
    source: str = DEFAULT_SOURCE,
    reviewed_by: str = "",
    reviewed_on: dt.date | None = None,
    statement_id: str | None = None,
    taken_ids: Iterable[str] = (),
    role_ids: Iterable[str] = (),
    folder: Path | None = None,
) -> Statement:
    """Append a statement to the personal library and return it (layer "personal").

    `taken_ids` are ids already used elsewhere (the loaded library), so a generated id never
    overrides a built-in or organisation statement by accident. `role_ids` adds roles known
    beyond the built-in ones. `folder` is the personal library folder (default: the user-data
    folder's `library`). Raises `ContentError` for invalid input or an unusable file.
    """
    target = personal_statements_file(folder)
    try:
        kind = StatementKind(kind)
    except ValueError:
        raise ContentError(target, f"'{kind}' is not a statement kind", field="kind") from None
    raw, existing = _load_existing(target)
    taken = set(taken_ids) | _ids_in({"statements": existing})
    taken |= _ids_in_folder(target.parent, target)
    if statement_id is None:
        statement_id = _unique_id(PREFIXES[kind], text, taken)
    elif statement_id in taken:
        raise ContentError(target, f"the id '{statement_id}' is already used",
                           entry=statement_id, field="id")
    entry: dict[str, Any] = {
        "id": statement_id,
        "kind": kind.value,
        "text": " ".join(text.split()),
        "roles": list(dict.fromkeys(roles)),
        "settings": list(dict.fromkeys(settings)),
        "populations": list(dict.fromkeys(populations)),
    }
    if kind is StatementKind.DUTY and area.strip():
        entry["area"] = area.strip()
    if kind is StatementKind.QUALIFICATION:
        entry["level"] = level or "required"
    elif level:
        raise ContentError(target, "only a qualification has a level", entry=statement_id,
                           field="level")
    entry["source"] = source.strip() or DEFAULT_SOURCE
    entry["reviewed_on"] = reviewed_on or dt.date.today()
    if reviewed_by.strip():
        entry["reviewed_by"] = reviewed_by.strip()
    problems = validate(entry, statement_schema(frozenset(ROLE_IDS | set(role_ids))))
    if problems:
        p = problems[0]
        raise ContentError(target, p.reason, entry=statement_id, field=p.field)

    new_text = _appended(raw, existing, entry, target)
    if len(new_text.encode("utf-8")) > MAX_CONTENT_BYTES:  # the loader would skip the file
        raise ContentError(target, f"is full: one more statement would pass the "
                                   f"{MAX_CONTENT_BYTES // (1024 * 1024)} MB a library file "
                                   "may hold; remove statements you no longer use",
                           entry=statement_id)
    write_private(target, new_text)
    return Statement(
        id=statement_id, kind=kind, text=entry["text"], roles=tuple(entry["roles"]),
        settings=tuple(entry["settings"]), populations=tuple(entry["populations"]),
        area=entry.get("area", ""), level=entry.get("level", ""), source=entry["source"],
        reviewed_on=entry["reviewed_on"].isoformat(), reviewed_by=entry.get("reviewed_by", ""),
        layer="personal",
    )


def _appended(raw: str, existing: list[Any], entry: dict[str, Any], path: Path) -> str:
    """The file's new text: the old text with the entry appended, checked by parsing it back;
    if appending does not give exactly the old entries plus the new one, the parsed data is
    written out again (other top-level keys included)."""
    expected = [*_plain(existing), entry]
    if not raw.strip():
        return HEADER + _dump_entry(entry)
    text = (raw if raw.endswith("\n") else raw + "\n") + _dump_entry(entry)
    if _statement_list(text, path) == expected:
        return text
    data = parse_yaml(raw, path)
    full = _plain(data) if isinstance(data, Mapping) else {}
    full["statements"] = expected
    text = HEADER.splitlines(keepends=True)[0] + yaml.safe_dump(
        full, sort_keys=False, allow_unicode=True, default_flow_style=None, width=10_000)
    if _statement_list(text, path) != expected:  # pragma: no cover - defensive
        raise ContentError(path, "the statement could not be added safely; the file was left "
                                 "unchanged")
    return text
