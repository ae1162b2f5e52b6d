from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jdbuilder import project as projects
from jdbuilder.errors import ProjectError
from jdbuilder.model.jobdesc import JobDescription
from jdbuilder.model.kit import InterviewKit


def make(title: str = "Peer Specialist") -> projects.Project:
    return projects.Project(job_description=JobDescription(title=title, reports_to=["Boss"]))


def test_save_load_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "a.jdb"
    proj = make()
    proj.kit = InterviewKit()
    projects.save(proj, p)
    data = json.loads(p.read_text(encoding="utf-8"))
    assert data["format"] == "jdbuilder-project"
    assert data["schema_version"] == projects.SCHEMA_VERSION
    assert projects.load(p) == proj


def test_unknown_fields_survive_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "a.jdb"
    data = make().to_dict()
    data["added_later"] = {"x": [1, 2, 3]}
    data["job_description"]["new_section"] = "kept"
    p.write_text(json.dumps(data), encoding="utf-8")
    projects.save(projects.load(p), p)
    again = json.loads(p.read_text(encoding="utf-8"))
    assert again["added_later"] == {"x": [1, 2, 3]}
    assert again["job_description"]["new_section"] == "kept"


def test_previous_version_kept_as_bak(tmp_path: Path) -> None:
    p = tmp_path / "a.jdb"
    projects.save(make("First"), p)
    projects.save(make("Second"), p)
    assert projects.load(p).job_description.title == "Second"
    bak = tmp_path / "a.jdb.bak"
    assert projects.load(bak).job_description.title == "First"
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]


def test_newer_version_refused_and_never_overwritten(tmp_path: Path) -> None:
    p = tmp_path / "new.jdb"
    data = make().to_dict()
    data["schema_version"] = projects.SCHEMA_VERSION + 1
    raw = json.dumps(data).encode()
    p.write_bytes(raw)
    with pytest.raises(ProjectError, match="newer jdbuilder"):
        projects.load(p)
    with pytest.raises(ProjectError, match="not overwritten"):
        projects.save(make(), p)
    assert p.read_bytes() == raw


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b'{"format": "jdbuilder-project", "schema_version": 1, "job_desc', "truncated"),
        (b"not json at all", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b'{"format": "something-else"}', "not a jdbuilder project"),
        (b'[1, 2, 3]', "not a jdbuilder project"),
        (b'{"format": "jdbuilder-project", "schema_version": "one"}', "schema_version"),
        (b'{"format": "jdbuilder-project", "schema_version": 1, "job_description": []}',
         "invalid content"),
        (b'{"format": "jdbuilder-project", "schema_version": 1, '
         b'"job_description": {"title": 7}}', "invalid content"),
        (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
    ],
)
def test_bad_files_give_an_error_naming_the_file(tmp_path: Path, content: bytes,
                                                 message: str) -> None:
    p = tmp_path / "bad.jdb"
    p.write_bytes(content)
    with pytest.raises(ProjectError, match=message) as info:
        projects.load(p)
    assert str(p) in str(info.value)
    assert p.read_bytes() == content


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="not found"):
        projects.load(tmp_path / "nope.jdb")


def test_migration_hook_runs_for_older_files(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(projects, "SCHEMA_VERSION", 2)

    def upgrade(data: dict[str, object]) -> dict[str, object]:
        jd = dict(data["job_description"])  # type: ignore[call-overload]
        jd["title"] = jd.pop("name")
        return {**data, "job_description": jd}

    monkeypatch.setitem(projects.MIGRATIONS, 1, upgrade)
    p = tmp_path / "old.jdb"
    p.write_text(json.dumps({"format": "jdbuilder-project", "schema_version": 1,
                             "job_description": {"name": "Old Title"}}), encoding="utf-8")
    assert projects.load(p).job_description.title == "Old Title"


_SAVER = r"""
import sys
from jdbuilder import project as projects
from jdbuilder.model.jobdesc import JobDescription, ResponsibilityArea
path = sys.argv[1]
i = 0
print("ready", flush=True)
while True:
    tag = "A" if i % 2 == 0 else "B"
    jd = JobDescription(title=tag, areas=[ResponsibilityArea(tag * 50, [tag * 200] * 200)])
    projects.save(projects.Project(job_description=jd), path)
    i += 1
"""


def test_sigkill_during_repeated_saves_never_leaves_a_broken_file(tmp_path: Path) -> None:
    """Kill a saving process at random moments; the file is always the old or the new one."""
    p = tmp_path / "k.jdb"
    projects.save(make("A"), p)
    rng = random.Random(1234)
    for _ in range(12):
        proc = subprocess.Popen([sys.executable, "-c", _SAVER, str(p)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        loaded = projects.load(p)
        title = loaded.job_description.title
        assert title in ("A", "B")
        for area in loaded.job_description.areas:
            assert area.title == title * 50
            assert all(d == title * 200 for d in area.duties)


def test_a_version_1_file_is_upgraded(tmp_path: Path) -> None:
    """Version 1 kept the kit under "interview"; it opens as the typed kit and saves as 2."""
    p = tmp_path / "old.jdb"
    p.write_text(json.dumps({
        "format": "jdbuilder-project", "schema_version": 1,
        "job_description": {"title": "Peer Mentor"},
        "interview": {"questions": [{"id": "q1", "text": "Tell us about a time you listened."}],
                      "candidates": ["C1"]},
        "job_ad": {"title": "Peer Mentor", "summary": "Walk alongside young people."},
    }), encoding="utf-8")
    proj = projects.load(p)
    assert proj.kit is not None and proj.kit.questions[0].id == "q1"
    assert proj.job_ad is not None and proj.job_ad.summary.startswith("Walk")
    assert "interview" not in proj.extra
    projects.save(proj, p)
    data = json.loads(p.read_text(encoding="utf-8"))
    assert data["schema_version"] == 2 and data["interview_kit"]["candidates"] == ["C1"]
    assert "interview" not in data


@pytest.mark.parametrize(("part", "value", "named"), [
    ("job_ad", {"required": "x", "summary": 3}, "job ad"),
    ("interview_kit", {"scores": [{"score": 7}]}, "interview kit"),
    ("policy", {"allow_phrases": "not a list"}, "language policy"),
    ("job_description", {"areas": "no"}, "job description"),
])
def test_a_broken_part_is_named_when_the_file_is_opened(tmp_path: Path, part: str,
                                                        value: object, named: str) -> None:
    p = tmp_path / "broken.jdb"
    data = make().to_dict()
    data[part] = value
    p.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectError, match=named):
        projects.load(p)


def test_a_project_without_an_ad_generates_one() -> None:
    proj = make("Recovery Coach")
    assert proj.job_ad is None
    assert proj.ad("Harbor Recovery").title == "Recovery Coach"
    assert "Harbor Recovery is an equal opportunity employer" in \
        proj.ad("Harbor Recovery").equal_opportunity


def test_a_newer_file_this_version_cannot_parse_is_not_overwritten(tmp_path: Path) -> None:
    p = tmp_path / "newer.jdb"
    raw = (b'{"format": "jdbuilder-project", "schema_version": 9, '
           b'"job_description": {"title": "x"}, "new_part": [1, 2,')  # cut short
    p.write_bytes(raw)
    with pytest.raises(ProjectError, match="newer jdbuilder"):
        projects.save(make(), p)
    assert p.read_bytes() == raw


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="POSIX permissions; root writes anything")
def test_a_read_only_project_is_not_replaced(tmp_path: Path) -> None:
    p = tmp_path / "locked.jdb"
    projects.save(make("Old"), p)
    raw = p.read_bytes()
    p.chmod(0o444)
    try:
        with pytest.raises(ProjectError, match="read-only"):
            projects.save(make("New"), p)
        assert p.read_bytes() == raw
    finally:
        p.chmod(0o644)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
def test_saving_through_a_symlink_updates_its_target(tmp_path: Path) -> None:
    target = tmp_path / "shared" / "real.jdb"
    target.parent.mkdir()
    projects.save(make("Old"), target)
    link = tmp_path / "link.jdb"
    link.symlink_to(target)
    projects.save(make("New"), link)
    assert link.is_symlink()
    assert projects.load(target).job_description.title == "New"


@pytest.mark.parametrize(("content", "message"), [
    (b'{"format": "jdbuilder-project", "schema_version": 2, "interview_kit": '
     b'{"questions": [{"id": "q", "text": "Tell us.", "weight": NaN}]}}', "NaN"),
    (b'{"format": "jdbuilder-project", "schema_version": 2, "interview_kit": '
     b'{"questions": [{"id": "q", "text": "Tell us.", "weight": Infinity}]}}', "Infinity"),
    (b'{"format": "jdbuilder-project", "schema_version": 2, "x": ' + b"9" * 5000 + b"}",
     "not a valid project"),
    (b'{"format": "jdbuilder-project", "schema_version": 2, "interview_kit": '
     b'{"questions": [{"id": "q", "text": "Tell us.", "weight": 1e300}]}}', "at most"),
    (b'{"format": "jdbuilder-project", "schema_version": 2, '
     b'"job_description": {"title": "a\\ud800b"}}', "U\\+D800"),
    (b'{"format": "jdbuilder-project", "schema_version": 2, '
     b'"job_description": {"title": "' + b"T" * 400 + b'"}}', "limit is 300"),
    (b'{"format": "jdbuilder-project", "schema_version": 2, "interview_kit": {"candidates": '
     + json.dumps([f"C{i}" for i in range(600)]).encode() + b"}}", "600"),
])
def test_values_no_project_could_hold_are_refused(tmp_path: Path, content: bytes,
                                                  message: str) -> None:
    p = tmp_path / "odd.jdb"
    p.write_bytes(content)
    with pytest.raises(ProjectError, match=message) as info:
        projects.load(p)
    assert "\n" not in str(info.value)


def test_control_characters_survive_a_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "c.jdb"
    projects.save(make("Peer\x07 Specialist\x1f"), p)
    assert projects.load(p).job_description.title == "Peer\x07 Specialist\x1f"
