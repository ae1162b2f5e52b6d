"""The library says each thing once, and roles that sound alike do different jobs."""

from __future__ import annotations

import itertools
import re

from jdbuilder.library import Library, template_job_description
from jdbuilder.model.jobdesc import JobDescription

_STOP = frozenset({"the", "a", "an", "and", "or", "of", "to", "in", "for", "with", "on", "at",
                   "by", "as", "is", "are", "their", "them", "they", "who", "that", "this", "it",
                   "its", "from", "be"})


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z']+", text.lower()) if w not in _STOP)


def similarity(a: str, b: str) -> float:
    """Share of content words the two texts have in common (Jaccard)."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / max(1, len(wa | wb))


def _items(jd: JobDescription) -> list[str]:
    out = [jd.function, *(a.title for a in jd.areas)]
    out += [d for a in jd.areas for d in a.duties]
    out += [q.text for q in jd.qualifications]
    return out + list(jd.employment_conditions) + list(jd.abilities)


def test_similarity_measure() -> None:
    assert similarity("Keeps records of staff hours.", "Keeps records of staff hours.") == 1.0
    assert similarity("Keeps records of staff hours.", "Leads a weekly group.") == 0.0


def test_no_near_duplicate_statements(library: Library) -> None:
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for s in library.statements.values():
        by_kind.setdefault(s.kind.value, []).append((s.id, s.text))
    close = [(a[0], b[0]) for items in by_kind.values()
             for a, b in itertools.combinations(items, 2) if similarity(a[1], b[1]) >= 0.6]
    assert close == []


def test_coordinator_and_supervisor_do_different_jobs(library: Library) -> None:
    coordinator = template_job_description(library.role("peer-coordinator"))
    supervisor = template_job_description(library.role("peer-support-supervisor"))
    shared = [(a, b) for a in _items(coordinator) for b in _items(supervisor)
              if similarity(a, b) >= 0.55]
    assert shared == []
    # The coordinator runs programs without supervising staff; the supervisor supervises.
    assert coordinator.supervises == [] and supervisor.supervises
    coordinator_text = " ".join(_items(coordinator)).lower()
    assert "performance review" not in coordinator_text
    assert "interview panel" not in coordinator_text
    supervisor_text = " ".join(_items(supervisor)).lower()
    for word in ("supervision", "performance", "interview", "peer role"):
        assert word in supervisor_text, word
    for word in ("calendar", "outreach", "partner", "events"):
        assert word in coordinator_text, word


def test_supervision_statements_are_not_offered_to_the_coordinator(library: Library) -> None:
    supervision_areas = {"Peer staff supervision and development",
                         "Hiring and welcoming peer staff"}
    offered = [s.id for s in library.statements.values()
               if s.area in supervision_areas and "peer-coordinator" in s.roles]
    assert offered == []
