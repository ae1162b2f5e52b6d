"""Load role templates and statements from the built-in library and the user's layers.

Layers, highest precedence first: the personal library (user-data folder), the organisation
library (a read-only folder, e.g. on a shared drive), and the built-in library shipped with the
app. The built-in library must be valid (a broken shipped file is a bug and raises). A broken
entry in a user layer is reported with file, entry and reason, and everything else still loads.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jdbuilder.datafile import load_yaml
from jdbuilder.datapaths import resource
from jdbuilder.errors import ContentError, JdbError
from jdbuilder.library.schemas import ROLE, ROLE_IDS, statement_schema
from jdbuilder.library.search import SearchIndex
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.statement import Role, Statement, StatementKind
from jdbuilder.schema import validate
from jdbuilder.userdata import user_data_dir

LIBRARY_ENV = "JDBUILDER_LIBRARY_PATH"


@dataclass
class Library:
    roles: dict[str, Role] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    problems: list[ContentError] = field(default_factory=list)
    _index: SearchIndex | None = field(default=None, repr=False, compare=False)

    def role(self, role_id: str) -> Role:
        try:
            return self.roles[role_id]
        except KeyError:
            known = ", ".join(sorted(self.roles))
            raise JdbError(f"unknown role '{role_id}' (known roles: {known})") from None

    def index(self) -> SearchIndex:
        """The search index over this library's statements (built once, then reused)."""
        if self._index is None:
            self._index = SearchIndex(self.statements.values())
        return self._index


def _date_text(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value or "")


def _first_problem(path: Path, entry: str | None, data: Any, problems: list[Any]) -> ContentError:
    p = problems[0]
    return ContentError(path, p.reason, entry=entry, field=p.field, line=p.line)


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def _load_role(path: Path, data: Any) -> Role:
    entry = data.get("id") if isinstance(data, Mapping) else None
    problems = validate(data, ROLE)
    if problems:
        raise _first_problem(path, entry, data, problems)
    try:
        JobDescription.from_dict(data["job_description"])
    except (TypeError, ValueError) as exc:
        raise ContentError(path, str(exc), entry=entry, field="job_description") from None
    return Role(
        id=data["id"],
        name=data["name"],
        summary=data["summary"],
        settings=tuple(data["settings"]),
        populations=tuple(data["populations"]),
        source=data["source"],
        reviewed_on=_date_text(data["reviewed_on"]),
        template=dict(data["job_description"]),
    )


def _load_statements(path: Path, data: Any, role_ids: frozenset[str], layer: str,
                     strict: bool, problems_out: list[ContentError]) -> list[Statement]:
    if not isinstance(data, Mapping) or not isinstance(data.get("statements"), list):
        err = ContentError(path, "expected a mapping with a 'statements' list")
        if strict:
            raise err
        problems_out.append(err)
        return []
    schema = statement_schema(role_ids)
    out: list[Statement] = []
    for item in data["statements"]:
        entry = item.get("id") if isinstance(item, Mapping) else None
        problems = validate(item, schema)
        if not problems and item["kind"] == "qualification" and not item.get("level"):
            err = ContentError(path, "a qualification needs 'level: required' or "
                               "'level: preferred'", entry=entry, field="level",
                               line=getattr(item, "line", None))
        elif problems:
            err = _first_problem(path, entry, item, problems)
        else:
            out.append(Statement(
                id=item["id"],
                kind=StatementKind(item["kind"]),
                text=item["text"].strip(),
                roles=tuple(item["roles"]),
                settings=tuple(item["settings"]),
                populations=tuple(item["populations"]),
                area=item.get("area") or "",
                level=item.get("level") or "",
                source=item["source"],
                reviewed_on=_date_text(item["reviewed_on"]),
                reviewed_by=item.get("reviewed_by") or "",
                layer=layer,
            ))
            continue
        if strict:
            raise err
        problems_out.append(err)
    return out


def _load_layer(folder: Path, layer: str, lib: Library, strict: bool) -> None:
    role_files = _yaml_files(folder / "roles")
    statement_files = _yaml_files(folder / "statements")
    for path in role_files:
        try:
            role = _load_role(path, load_yaml(path))
        except ContentError as err:
            if strict:
                raise
            lib.problems.append(err)
            continue
        if strict and role.id in lib.roles:
            raise ContentError(path, f"duplicate role id '{role.id}'", entry=role.id, field="id")
        lib.roles[role.id] = role
    role_ids = frozenset(ROLE_IDS | set(lib.roles))
    seen: set[str] = set()
    for path in statement_files:
        try:
            data = load_yaml(path)
        except ContentError as err:
            if strict:
                raise
            lib.problems.append(err)
            continue
        for st in _load_statements(path, data, role_ids, layer, strict, lib.problems):
            if st.id in seen:
                dup = ContentError(path, f"duplicate statement id '{st.id}'", entry=st.id,
                                   field="id")
                if strict:
                    raise dup
                lib.problems.append(dup)
                continue
            seen.add(st.id)
            lib.statements[st.id] = st


def organisation_library_dir(setting: str | None = None) -> Path | None:
    """The organisation library folder: the environment variable wins over the setting."""
    value = os.environ.get(LIBRARY_ENV) or setting
    return Path(value) if value else None


def personal_library_dir() -> Path:
    return user_data_dir() / "library"


def load_library(*, organisation: Path | None = None, personal: Path | None = None,
                 layers: Iterable[tuple[str, Path]] | None = None) -> Library:
    """Load the built-in library, then the organisation and personal layers over it."""
    lib = Library()
    _load_layer(resource("library"), "built-in", lib, strict=True)
    extra = list(layers) if layers is not None else [
        ("organisation", organisation) if organisation else None,
        ("personal", personal) if personal else None,
    ]
    for item in extra:
        if item is None:
            continue
        name, folder = item
        if folder.is_dir():
            _load_layer(folder, name, lib, strict=False)
        elif name == "organisation":
            lib.problems.append(ContentError(folder, "organisation library folder not found"))
    return lib


def load_user_library(organisation_library: str = "") -> Library:
    """The library with the organisation layer (the `organisation_library` setting, passed in,
    or JDBUILDER_LIBRARY_PATH) and the personal layer applied; problems in those layers are in
    `.problems`."""
    return load_library(organisation=organisation_library_dir(organisation_library),
                        personal=personal_library_dir())


def template_job_description(role: Role) -> JobDescription:
    jd = JobDescription.from_dict(role.template)
    jd.role_id = role.id
    return jd
