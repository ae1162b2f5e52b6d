"""Posting facts from the command line: `new` and `set` write them, `build` prints them in the
ad and warns about what a posting lacks."""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from jdbuilder import project as projects
from jdbuilder.cli import main, parse_pay
from jdbuilder.model.posting import PayPeriod

FACTS = ["--pay", "$21.50-$25.00 per hour", "--location", "Springfield, MA",
         "--arrangement", "hybrid", "--closing-date", "2027-01-15",
         "--apply", "Apply at example.org/jobs, or call 555-0100 to apply another way.",
         "--flsa", "non-exempt", "--employment-type", "full-time",
         "--accommodation-contact", "Dana Ruiz, hr@example.org"]


def _pdf_text(path: Path) -> str:
    text = " ".join(p.extract_text() for p in PdfReader(str(path)).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def _docx_text(path: Path) -> str:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml)


def test_the_ad_prints_every_posting_fact(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    jdb = tmp_path / "p.jdb"
    assert main(["new", "--role", "recovery-coach", "--out", str(jdb), *FACTS]) == 0
    data = json.loads(jdb.read_text(encoding="utf-8"))["job_description"]
    assert data["pay"] == {"min": 21.5, "max": 25.0, "per": "hour"}
    assert data["closing_date"] == "2027-01-15" and data["flsa"] == "non-exempt"
    capsys.readouterr()
    assert main(["build", str(jdb), "--out", str(tmp_path / "out"), "--documents", "ad"]) == 0
    assert "warning" not in capsys.readouterr().err
    for text in (_pdf_text(tmp_path / "out" / "recovery-coach-job-ad.pdf"),
                 _docx_text(tmp_path / "out" / "recovery-coach-job-ad.docx")):
        for fact in ("$21.50-$25.00 per hour", "Springfield, MA; hybrid", "January 15, 2027",
                     "Apply at example.org/jobs", "Full time", "Non-exempt",
                     "contact Dana Ruiz, hr@example.org"):
            assert fact in text, fact


def test_build_warns_when_the_ad_has_no_pay_range_or_way_to_apply(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jdb = tmp_path / "p.jdb"
    main(["new", "--role", "peer-specialist", "--out", str(jdb)])
    capsys.readouterr()
    assert main(["build", str(jdb), "--out", str(tmp_path / "o"), "--documents", "ad"]) == 0
    err = capsys.readouterr().err
    assert "No pay range" in err and "pay-transparency" in err and "No way to apply" in err


def test_set_changes_only_what_it_is_given(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    jdb = tmp_path / "p.jdb"
    main(["new", "--role", "peer-specialist", "--out", str(jdb), *FACTS])
    assert main(["set", str(jdb), "--pay", "52000-60000/year", "--arrangement", "remote"]) == 0
    assert "pay, arrangement" in capsys.readouterr().out
    jd = projects.load(jdb).job_description
    assert jd.pay.per is PayPeriod.YEAR and jd.pay.min == 52000
    assert jd.location.place == "Springfield, MA" and jd.location.arrangement == "remote"
    assert (tmp_path / "p.jdb.bak").is_file()
    assert main(["set", str(jdb), "--closing-date", ""]) == 0
    assert projects.load(jdb).job_description.closing_date is None


@pytest.mark.parametrize("args", [["--pay", "a lot"], ["--pay", "30-20/hour"],
                                  ["--pay", "20/week"], ["--closing-date", "2026-02-30"], []])
def test_set_refuses_bad_values_and_leaves_the_file(tmp_path: Path, args: list[str],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    jdb = tmp_path / "p.jdb"
    main(["new", "--role", "peer-specialist", "--out", str(jdb)])
    before = jdb.read_bytes()
    capsys.readouterr()
    assert main(["set", str(jdb), *args]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("jdbuilder: error:") and "\n" not in err
    assert jdb.read_bytes() == before


def test_pay_is_read_the_ways_people_write_it() -> None:
    assert parse_pay("21.5-25/hour").display() == "$21.50-$25.00 per hour"
    assert parse_pay("$52,000 - $60,000 per year").display() == "$52,000-$60,000 per year"
    assert parse_pay("22 an hour").display() == "$22.00 per hour"
    assert parse_pay("48000/yr").per is PayPeriod.YEAR
