"""A portfolio like an organization's: the shipped roles' job descriptions exported as DOCX,
documents seeded with flagged wording (this suite's own words), a project file and one
broken file."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from jdbuilder import project as projects
from jdbuilder.export.build import BuildOptions, build
from jdbuilder.library import load_library, template_job_description
from jdbuilder.project import Project

SEEDED_DOCX = [
    ("Title", "Recovery House Aide"),
    ("Heading 1", "Purpose"),
    ("Normal", "Keeps the recovery house running day to day."),
    ("Normal", "Reports to: House Manager"),
    ("Heading 1", "Duties"),
    ("List Bullet", "Administers medication to residents at bedtime."),
    ("List Bullet", "Helps addicts and alcoholics find a place to live."),
    ("List Bullet", "Keeps the junkies out of the lobby."),
    ("List Bullet", "Runs the weekly house meeting with the residents."),
    ("Heading 1", "Qualifications"),
    ("List Bullet", "Must have been clean for at least one year."),
    ("List Bullet", "Lived experience of recovery from substance use."),
]
SEEDED_MD = """# Peer Outreach Worker

## About the role
The outreach worker meets people where they are and connects them with peer support.

## What you'll do
- Works with the mentally ill in the day program.
- Writes the treatment plan for every member of the group.
- Supports people who suffer from schizophrenia to find work they enjoy.

## Qualifications
- Personal experience of recovery from a mental health condition.

## Benefits
Paid time off and a training budget.
"""
SEEDED_TXT = ("Evening Peer Monitor\n\nDuties:\nSupervises residents during free time.\n"
              "Makes sure residents are compliant with their medication.\n")


def write_docx(path: Path, paragraphs: list[tuple[str, str]]) -> None:
    d = docx.Document()
    for style, text in paragraphs:
        d.add_paragraph(text, style=style)
    d.save(str(path))


def role_docx(folder: Path) -> list[Path]:
    """Every shipped role's job description, exported as DOCX by jdbuilder build."""
    lib = load_library()
    out: list[Path] = []
    for role_id in sorted(lib.roles):
        proj = Project(job_description=template_job_description(lib.role(role_id)))
        out += build(proj, folder, BuildOptions(formats=("docx",), documents=("jd",)))
    return out


@pytest.fixture(scope="session")
def roles_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("roles")
    role_docx(folder)
    return folder


@pytest.fixture
def portfolio(roles_folder: Path, tmp_path: Path) -> Path:
    """The roles, three seeded documents, a project in a sub-folder and a broken file."""
    folder = tmp_path / "portfolio"
    shutil.copytree(roles_folder, folder / "roles")
    seeded = folder / "seeded"
    seeded.mkdir()
    write_docx(seeded / "recovery-house-aide.docx", SEEDED_DOCX)
    (seeded / "outreach-ad.md").write_text(SEEDED_MD, encoding="utf-8")
    (seeded / "evening-monitor.txt").write_text(SEEDED_TXT, encoding="utf-8")
    (seeded / "broken.docx").write_bytes(b"PK\x03\x04 this is not a whole zip archive")
    lib = load_library()
    jd = template_job_description(lib.role("recovery-coach"))
    (folder / "projects").mkdir()
    projects.save(Project(job_description=jd), folder / "projects" / "recovery-coach.jdb")
    return folder
