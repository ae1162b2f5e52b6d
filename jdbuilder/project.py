"""The project file (.jdb): JSON with a format name and a schema version.

The file is parsed once, when it is opened, into a typed `Project`. Saving is atomic and keeps
the previous version as `NAME.jdb.bak`. Fields this version does not know are kept and written
back. A file from a newer version is refused and never overwritten.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jdbuilder import __version__
from jdbuilder.atomic import atomic_write_text
from jdbuilder.errors import ProjectError
from jdbuilder.language.policy import Policy
from jdbuilder.model.jobad import JobAd, generate_ad
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.kit import InterviewKit
from jdbuilder.model.serial import Json, split_known
from jdbuilder.safeio import ReadProblem, check_regular, read_limited

FORMAT_NAME = "jdbuilder-project"
SCHEMA_VERSION = 2
SUFFIX = ".jdb"
MAX_PROJECT_BYTES = 20 * 1024 * 1024

# Migrations from version N to N+1, applied in order when an older file is opened.
Migration = Callable[[Json], Json]


def _v1_to_v2(data: Json) -> Json:
    """Version 1 kept the interview kit under "interview"; it is "interview_kit" now."""
    out = dict(data)
    if "interview" in out and "interview_kit" not in out:
        out["interview_kit"] = out.pop("interview")
    return out


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}


@dataclass
class Project:
    """Everything one hiring project holds: the job description and what is built from it.

    Parsed once, when the file is opened: the job description, the job ad and the interview
    kit are model objects, and the policy has been validated, so nothing later re-parses them.
    """

    job_description: JobDescription = field(default_factory=JobDescription)
    job_ad: JobAd | None = None  # None: generated from the job description when needed
    kit: InterviewKit | None = None
    policy: Json = field(default_factory=dict)  # the project's own language policy
    extra: Json = field(default_factory=dict)

    _FIELDS = ("format", "schema_version", "app_version", "job_description", "job_ad",
               "interview_kit", "policy")

    def ad(self, organisation: str = "") -> JobAd:
        """The project's edited ad, or one generated from its job description."""
        if self.job_ad is not None:
            return self.job_ad
        return generate_ad(self.job_description, organisation=organisation)

    def language_policy(self) -> Policy:
        return Policy.from_dict(self.policy)

    def to_dict(self) -> Json:
        data: Json = {
            "format": FORMAT_NAME,
            "schema_version": SCHEMA_VERSION,
            "app_version": __version__,
            "job_description": self.job_description.to_dict(),
        }
        if self.job_ad is not None:
            data["job_ad"] = self.job_ad.to_dict()
        if self.kit is not None:
            data["interview_kit"] = self.kit.to_dict()
        if self.policy:
            data["policy"] = self.policy
        data.update(self.extra)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Project:
        """Raises `ValueError` naming the part of the project that is wrong."""
        _, extra = split_known(data, cls._FIELDS)
        for key in ("job_description", "job_ad", "interview_kit", "policy"):
            if data.get(key) is not None and not isinstance(data[key], Mapping):
                raise ValueError(f"'{key}' should be an object")
        jd_data = data.get("job_description") or {}
        ad_data = data.get("job_ad")
        kit_data = data.get("interview_kit")
        policy = dict(data.get("policy") or {})
        try:
            jd = JobDescription.from_dict(jd_data)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"the job description is invalid: {exc}") from None
        try:
            ad = JobAd.from_dict(ad_data) if ad_data is not None else None
        except (TypeError, ValueError) as exc:
            raise ValueError(f"the job ad is invalid: {exc}") from None
        try:
            kit = InterviewKit.from_dict(kit_data) if kit_data is not None else None
        except (TypeError, ValueError) as exc:
            raise ValueError(f"the interview kit is invalid: {exc}") from None
        try:
            Policy.from_dict(policy)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"the language policy is invalid: {exc}") from None
        return cls(job_description=jd, job_ad=ad, kit=kit, policy=policy, extra=extra)


def _read(path: Path) -> bytes:
    try:
        return read_limited(path, MAX_PROJECT_BYTES)
    except ReadProblem as exc:
        raise ProjectError(path, exc.reason) from None


class _NotANumber(ValueError):
    pass


def _no_constant(name: str) -> object:
    raise _NotANumber(name)  # NaN, Infinity and -Infinity are not JSON numbers


def parse(raw: bytes, path: str | Path = "<project>") -> Project:
    """Parse the bytes of a project file; every problem becomes a `ProjectError`."""
    if not raw.strip():
        raise ProjectError(path, "is empty; it is not a jdbuilder project")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectError(path, f"is not valid UTF-8 text (byte {exc.start}); "
                                 "it is not a jdbuilder project") from None
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except _NotANumber as exc:
        raise ProjectError(path, f"has {exc} where a number should be; it is not a valid "
                                 "project") from None
    except json.JSONDecodeError as exc:
        cut = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        what = "is cut short (truncated)" if cut else "is not valid JSON"
        raise ProjectError(path, f"{what}: {exc.msg} at line {exc.lineno}, "
                                 f"column {exc.colno}") from None
    except RecursionError:
        raise ProjectError(path, "is nested too deeply to be a project file") from None
    except ValueError as exc:  # an integer of thousands of digits
        raise ProjectError(path, f"is not a valid project ({str(exc)[:80]})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ProjectError(path, f"is not a jdbuilder project (no \"format\": \"{FORMAT_NAME}\")")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectError(path, "has no valid schema_version")
    if version > SCHEMA_VERSION:
        raise ProjectError(path, f"was written by a newer jdbuilder (project format {version}; "
                                 f"this version reads up to {SCHEMA_VERSION}); please update "
                                 "jdbuilder to open it")
    while version < SCHEMA_VERSION:
        migrate = MIGRATIONS.get(version)
        if migrate is None:
            raise ProjectError(path, f"project format {version} cannot be upgraded")
        data = migrate(data)
        version += 1
        data["schema_version"] = version
    try:
        return Project.from_dict(data)
    except (TypeError, ValueError, AttributeError) as exc:
        raise ProjectError(path, f"has invalid content: {exc}") from None
    except RecursionError:
        raise ProjectError(path, "is nested too deeply to be a project file") from None


def load(path: str | Path) -> Project:
    """Load a project file. Raises `ProjectError` naming the file and what is wrong."""
    p = Path(path)
    return parse(_read(p), p)


def dumps(project: Project) -> str:
    return json.dumps(project.to_dict(), ensure_ascii=False, indent=2) + "\n"


_NEWER = re.compile(rb'"schema_version"\s*:\s*(\d{1,9})')


def refuse_overwrite(path: Path) -> None:
    """Never replace a project written by a newer version of the app (even one this version
    cannot parse: its header says so), nor a file that is read-only."""
    try:
        check_regular(path)
    except ReadProblem as exc:
        if exc.reason == "file not found":
            return
        raise ProjectError(path, f"{exc.reason}; it is not replaced") from None
    try:
        head = read_limited(path, MAX_PROJECT_BYTES)[:65536]
    except ReadProblem:
        head = b""
    found = _NEWER.search(head)
    if FORMAT_NAME.encode() in head and found and int(found.group(1)) > SCHEMA_VERSION:
        raise ProjectError(path, "was written by a newer jdbuilder; it is not overwritten "
                                 "(save under another name)")
    if not os.access(path, os.W_OK):
        raise ProjectError(path, "is read-only; it is not replaced (save under another name, "
                                 "or make the file writable)")


def disk_stamp(path: str | Path) -> str | None:
    """What the file holds now, as a SHA-256 of its bytes (None when there is no readable file):
    compared before a save, it tells whether another window or program changed the file since
    this one read or wrote it."""
    import hashlib

    try:
        return hashlib.sha256(read_limited(path, MAX_PROJECT_BYTES)).hexdigest()
    except ReadProblem:
        return None


def save(project: Project, path: str | Path) -> None:
    """Save atomically; the previous version is kept as `NAME.jdb.bak`. Saving through a
    symbolic link updates the file it points to (the link stays)."""
    p = Path(path)
    if p.is_symlink():
        p = p.resolve()
    refuse_overwrite(p)
    try:
        atomic_write_text(p, dumps(project), backup=True)
    except OSError as exc:
        raise ProjectError(p, f"could not be saved ({exc.strerror or exc})") from None
