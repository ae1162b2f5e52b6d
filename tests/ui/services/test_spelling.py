"""The spelling check: US English from pyspellchecker, the field's own words, a personal
dictionary in the user-data folder, offsets a field can underline, suggestions on demand."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdbuilder.ui.services.spelling import Speller, field_words, read_personal


@pytest.fixture(scope="module")
def speller(tmp_path_factory: pytest.TempPathFactory) -> Speller:
    return Speller(personal=tmp_path_factory.mktemp("home") / "dictionary.txt")


def words(speller: Speller, text: str) -> list[str]:
    return [m.word for m in speller.check(text)]


def test_offsets_name_the_misspelled_words(speller: Speller) -> None:
    text = "We recieve referals from the clinic."
    found = speller.check(text)
    assert [(m.word, text[m.start:m.end]) for m in found] == [
        ("recieve", "recieve"), ("referals", "referals")]


def test_us_spelling_is_the_dictionary(speller: Speller) -> None:
    assert words(speller, "organization behavior counseling center labeled") == []
    assert words(speller, "organisation behaviour") == ["organisation", "behaviour"]


def test_the_fields_vocabulary_is_not_flagged(speller: Speller) -> None:
    text = ("Offers naloxone and WRAP planning in a peer-run center; refers to IPS "
            "supported employment; SAMHSA guidance; Medicaid billing; warmline shifts "
            "with mentees.")
    assert words(speller, text) == []
    assert {"naloxone", "peer-run", "WRAP", "IPS", "SAMHSA", "Medicaid"} <= set(field_words())


def test_acronyms_links_and_possessives(speller: Speller) -> None:
    assert words(speller, "The CPRZ and LGBTQ+ groups") == []  # all capitals: skipped
    assert words(speller, "See https://example.org/recieve or mail a.recieve@example.org") == []
    assert words(speller, "the person's own plan, the clinic\u2019s rules") == []
    text = "the recieves' plan"
    assert words(speller, text) == ["recieves"]


def test_compounds_flag_only_their_unknown_part(speller: Speller) -> None:
    text = "one-on-one and well-recieved"
    (m,) = speller.check(text)
    assert (m.word, text[m.start:m.end]) == ("recieved", "recieved")


def test_several_paragraphs(speller: Speller) -> None:
    text = "First line fine.\nSecond has a mispelling."
    (m,) = speller.check_text(text)
    assert text[m.start:m.end] == "mispelling"


def test_suggestions_keep_the_words_capitals(speller: Speller) -> None:
    assert speller.suggestions("recieve")[0] == "receive"
    assert speller.suggestions("Recieve")[0] == "Receive"
    assert "naloxone" in speller.suggestions("naloxane")  # the field's words are suggested
    assert speller.suggestions("qzxqzxqzxqzxq") == []


def test_the_personal_dictionary_is_a_file_in_the_user_data_folder(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    sp = Speller(personal=path)
    assert words(sp, "Meet Okonkwo at Brightside") == ["Okonkwo", "Brightside"]
    sp.add("Okonkwo")
    sp.add("Brightside")
    assert words(sp, "Meet Okonkwo at Brightside") == []
    assert read_personal(path) == ["Brightside", "Okonkwo"]
    assert words(Speller(personal=path), "Okonkwo") == []  # kept for next time
    sp.add("Okonkwo")  # no duplicate
    assert path.read_text(encoding="utf-8").splitlines() == ["Brightside", "Okonkwo"]
