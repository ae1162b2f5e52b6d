"""Property-based tests: the checkers never raise, offsets are sound, projects round-trip."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdbuilder import project as projects
from jdbuilder.errors import ProjectError
from jdbuilder.interview import check_question
from jdbuilder.language import check
from jdbuilder.model.jobdesc import JobDescription, Qualification, ResponsibilityArea

WORDS = ["addict", "addicts", "non-", "compliant", "suffers", "from", "the", "mentally", "ill",
         "administer", "medications", "not", "does", "\n", "-", '"', "“", "Narcotics",
         "Anonymous", "clean", "for", "2", "years", "Zoë", "مرحبا", "🙂", "  ", ".", ","]
texty = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texty)
def test_check_never_raises_and_offsets_are_sound(text: str) -> None:
    findings = check(text)
    previous = (-1, -1)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert (f.start, f.end) >= previous
        previous = (f.start, f.end)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200),
                 st.lists(st.sampled_from(["you", "your", "medication", "hospital", "have",
                                           "ever", "been", "a", "participant", "who", "?",
                                           "diagnosis", "how", "would", "lived", "experience",
                                           "children", "arrested", "age", "."]),
                          max_size=30).map(" ".join)))
def test_question_checker_never_raises(text: str) -> None:
    v = check_question(text)
    assert v.verdict in ("ok", "caution", "not_allowed")
    if v.verdict == "not_allowed":
        assert v.rewrite and check_question(v.rewrite).verdict == "ok"


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.from_type(type(None)).map(lambda _: b"{}"),
                 st.recursive(st.one_of(st.none(), st.booleans(), st.integers(),
                                        st.text(max_size=20)),
                              lambda c: st.one_of(st.lists(c, max_size=4),
                                                  st.dictionaries(st.text(max_size=8), c,
                                                                  max_size=4)),
                              max_leaves=20).map(
                     lambda v: json.dumps({"format": "jdbuilder-project", "schema_version": 1,
                                           "job_description": v}).encode())))
def test_project_parse_returns_a_project_or_a_project_error(raw: bytes) -> None:
    try:
        result = projects.parse(raw, "fuzz.jdb")
    except ProjectError:
        return
    assert isinstance(result, projects.Project)


text_field = st.text(max_size=40)
jds = st.builds(
    JobDescription,
    title=text_field, program=text_field, reports_to=st.lists(text_field, max_size=3),
    supervises=st.lists(text_field, max_size=2), hours=text_field, function=text_field,
    areas=st.lists(st.builds(ResponsibilityArea, title=text_field,
                             duties=st.lists(text_field, max_size=3)), max_size=4),
    qualifications=st.lists(st.builds(Qualification, text=text_field,
                                      level=st.sampled_from(["required", "preferred"])),
                            max_size=4),
    employment_conditions=st.lists(text_field, max_size=3),
    abilities=st.lists(text_field, max_size=3),
)


@settings(max_examples=100, deadline=None)
@given(jds)
def test_save_then_load_is_the_identity(jd: JobDescription) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.jdb"
        proj = projects.Project(job_description=jd)
        projects.save(proj, path)
        assert projects.load(path) == proj
