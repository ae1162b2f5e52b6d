from __future__ import annotations

from jdbuilder.library import Library
from jdbuilder.library.search import SearchIndex, stem
from jdbuilder.model.statement import Statement, StatementKind


def st(i: str, text: str, kind: StatementKind = StatementKind.DUTY,
       roles: tuple[str, ...] = ("all",), settings: tuple[str, ...] = ("community",)) -> Statement:
    return Statement(i, kind, text, roles=roles, settings=settings, populations=("adults",))


def test_stemming() -> None:
    assert (stem("groups") == stem("group") and stem("facilitating") == stem("facilitate")[:-1]) \
        or stem("facilitating") == "facilitat"


def test_ranking_prefix_and_filters() -> None:
    idx = SearchIndex([
        st("a", "Facilitates peer support groups each week."),
        st("b", "Supports families to find groups in the community."),
        st("c", "Shares parts of their story with purpose.", roles=("recovery-coach",)),
        st("d", "Group facilitation experience.", kind=StatementKind.QUALIFICATION,
           settings=("inpatient",)),
    ])
    assert [h.statement.id for h in idx.search("facilitat")][:2] in (["a", "d"], ["d", "a"])
    assert idx.search("peer support groups")[0].statement.id == "a"
    assert [h.statement.id for h in idx.search("story", role="peer-specialist")] == []
    assert [h.statement.id for h in idx.search("story", role="recovery-coach")] == ["c"]
    assert [h.statement.id for h in idx.search("group", kind=StatementKind.QUALIFICATION)] \
        == ["d"]
    assert [h.statement.id for h in idx.search("group", tags=["inpatient"])] == ["d"]
    assert idx.search("zebra") == []


def test_real_library_search(library: Library) -> None:
    hits = library.index().search("naloxone", role="ed-peer-recovery-specialist")
    assert hits and "naloxone" in hits[0].statement.text.lower()
