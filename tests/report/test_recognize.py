"""Recognizing a job description's parts in plain text (jdbuilder.report.recognize)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdbuilder.library import load_library, template_job_description
from jdbuilder.readers.inputs import read_input
from jdbuilder.report.analyze import recognized_structure, sentence_around
from jdbuilder.report.recognize import (
    ABILITIES,
    CONDITIONS,
    DUTIES,
    FUNCTION,
    OTHER,
    QUALIFICATIONS,
    REPORTING,
    heading_kind,
    outline,
)


@pytest.mark.parametrize(("line", "kind"), [
    ("Responsibilities", DUTIES),
    ("Essential Duties and Responsibilities:", DUTIES),
    ("ESSENTIAL JOB FUNCTIONS", DUTIES),
    ("What you'll do", DUTIES),
    ("Key duties include:", DUTIES),
    ("Position Summary", FUNCTION),
    ("**Purpose**", FUNCTION),
    ("Minimum Qualifications", QUALIFICATIONS),
    ("Preferred", QUALIFICATIONS),
    ("Education & Experience", QUALIFICATIONS),
    ("Working conditions", CONDITIONS),
    ("Abilities and attributes", ABILITIES),
    ("Reporting relationships", REPORTING),
    ("About us", OTHER),
    ("How to apply", OTHER),
    ("Peer support and advocacy", None),
    ("Leads groups for people in recovery and keeps records of attendance", None),
])
def test_headings_are_recognized_by_their_words(line: str, kind: str | None) -> None:
    assert heading_kind(line) == kind


def test_every_shipped_role_exported_as_docx_is_recognized_in_full(roles_folder: Path) -> None:
    lib = load_library()
    files = sorted(roles_folder.glob("*-job-description.docx"))
    assert len(files) == len(lib.roles)
    for path in files:
        role_id = path.name.removesuffix("-job-description.docx")
        jd = template_job_description(lib.role(role_id))
        found = outline(read_input(path).text)
        got = found.job_description
        assert got is not None, path.name
        assert found.signals == {FUNCTION, DUTIES, QUALIFICATIONS, REPORTING}
        assert got.title == jd.title
        assert got.function == jd.function
        assert [a.title for a in got.areas] == [a.title for a in jd.areas]
        assert [a.duties for a in got.areas] == [a.duties for a in jd.areas]
        assert [(q.text, q.level) for q in got.qualifications] == \
            [(q.text, q.level) for q in jd.qualifications]
        assert got.reports_to == jd.reports_to
        assert got.employment_conditions == jd.employment_conditions
        assert got.abilities == jd.abilities
        assert found.grouped


MARKDOWN = """# Peer Support Specialist

**Position summary:** Offers one-on-one peer support in the community.

## Essential Duties and Responsibilities
- Meets with members each week to talk about their goals.
- Leads a wellness group twice a week.
- Other duties as assigned

## Minimum Qualifications
- High school diploma or equivalent
- Lived experience of recovery from a mental health condition

## Preferred Qualifications
- State peer certification

## Benefits
Dental and vision coverage for the whole family, with a generous plan.
"""


def test_markdown_headings_bullets_and_levels() -> None:
    found = outline(MARKDOWN)
    jd = found.job_description
    assert jd is not None
    assert jd.title == "Peer Support Specialist"
    assert jd.function == "Offers one-on-one peer support in the community."
    duties = [MARKDOWN[s.start:s.end] for s in found.duties]
    assert duties == ["- Meets with members each week to talk about their goals.",
                      "- Leads a wellness group twice a week.", "- Other duties as assigned"]
    assert not found.grouped  # one flat list of duties
    assert [(q.text, q.level) for q in jd.qualifications] == [
        ("High school diploma or equivalent", "required"),
        ("Lived experience of recovery from a mental health condition", "required"),
        ("State peer certification", "preferred")]
    # the benefits paragraph is not a duty and ends the qualifications
    assert found.heading_at(MARKDOWN.index("Dental")) == "Benefits"
    assert found.heading_at(MARKDOWN.index("wellness")) == "Essential Duties and Responsibilities"


def test_flat_duties_are_one_structure_finding_not_an_untitled_area() -> None:
    found = outline(MARKDOWN)
    codes = [f.code for f in recognized_structure(found)]
    assert "duties-not-grouped" in codes
    assert "area-no-title" not in codes and "too-few-areas" not in codes
    assert "no-reporting" in codes  # no "Reports to" line


def test_area_titles_in_plain_paragraphs() -> None:
    text = ("Community Peer Mentor\nFunction\nMentors young adults.\nReports to: Program Lead\n"
            "Responsibilities\nMentoring\nMeets each mentee every week at a place they choose.\n"
            "Plans outings with mentees and their families.\nCommunity links\n"
            "Introduces mentees to local youth programs and clubs.\n")
    found = outline(text)
    jd = found.job_description
    assert jd is not None and found.grouped
    assert [(a.title, len(a.duties)) for a in jd.areas] == [("Mentoring", 2),
                                                             ("Community links", 1)]
    assert jd.reports_to == ["Program Lead"]


def test_an_ad_with_duties_and_qualifications_only_is_not_a_job_description() -> None:
    text = ("Peer Mentor\nWhat you will do\nYou will meet young people in the community and "
            "support them with the goals they choose.\nRequired\nLived experience of the "
            "justice system.\nHow to apply\nSend a letter to the program office.\n")
    found = outline(text)
    assert found.signals == {DUTIES, QUALIFICATIONS}
    assert found.job_description is None
    assert len(found.duties) == 1  # its duties are still counted


def test_a_letter_is_not_a_job_description() -> None:
    found = outline("Dear colleagues,\nThank you for the meeting on Tuesday. We agreed on "
                    "the schedule for next month.\nBest wishes,\nSam")
    assert found.job_description is None and found.duties == () and found.signals == set()


def test_sentence_in_context_marks_the_phrase() -> None:
    text = "Intro line.\n- First sentence here. Helps addicts find housing. Third one.\nEnd"
    start = text.index("addicts")
    sentence, a, b = sentence_around(text, start, start + len("addicts"))
    assert sentence == "Helps addicts find housing."
    assert sentence[a:b] == "addicts"
    bullet = text.index("First")
    sentence, a, b = sentence_around(text, bullet, bullet + 5)
    assert sentence == "First sentence here."  # the list marker is not part of it


def test_a_long_sentence_is_cut_at_words_on_both_sides() -> None:
    words = " ".join(f"word{i}" for i in range(200))
    text = f"{words} flagged {words}."
    start = text.index("flagged")
    sentence, a, b = sentence_around(text, start, start + 7, limit=40)
    assert sentence[a:b] == "flagged"
    assert sentence.startswith("\u2026word") and sentence.endswith("\u2026")
    assert a <= 42 and len(sentence) - b <= 42
    assert " word" in sentence[:a] and sentence[1:a].split()[0].startswith("word")
