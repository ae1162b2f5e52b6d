from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jdbuilder.language.normalize import normalize


def test_plain_text_is_unchanged() -> None:
    n = normalize("Supports people.")
    assert n.text == "Supports people." and n.span(0, 8) == (0, 8)


def test_line_end_hyphen_is_joined_and_mapped_back() -> None:
    text = "Works with non-\n  compliant people."
    n = normalize(text)
    assert "noncompliant" in n.text
    i = n.text.index("noncompliant")
    s, e = n.span(i, i + len("noncompliant"))
    assert text[s:e] == "non-\n  compliant"


def test_wrapped_phrase_joins_but_new_items_stay_apart() -> None:
    n = normalize("suffers\nfrom anxiety.\n- Does not drive\n- Administers pills")
    assert "suffers from anxiety" in n.text
    assert "drive\n- Administers" in n.text


def test_curly_quotes_and_runs_of_spaces() -> None:
    n = normalize("Avoid \u201caddict\u201d   now")
    assert n.text == 'Avoid "addict" now'


@given(st.text(alphabet=st.sampled_from(list("ab -\n\t\r\u201c.")), max_size=60))
def test_mapping_is_monotonic_and_in_bounds(text: str) -> None:
    n = normalize(text)
    prev = -1
    for i in range(len(n.text)):
        o = n.to_original(i)
        assert 0 <= o < max(len(text), 1)
        assert o > prev
        prev = o
