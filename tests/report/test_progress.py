"""The terminal progress bar of `jdbuilder report`."""

from __future__ import annotations

import io

from jdbuilder.report import Step
from jdbuilder.report.progress import TerminalProgress


def test_a_phase_ends_with_a_newline() -> None:
    out = io.StringIO()
    bar = TerminalProgress(out, columns=80, interval=0)
    bar(Step("read", 1, 4, "docs/a.docx"))
    bar(Step("read", 4, 4, "docs/d.docx"))
    first, last = out.getvalue().split("\r")[1:]
    assert first.rstrip() == "Checking [" + "#" * 7 + "-" * 23 + "] 1/4 a.docx"
    assert last.rstrip("\n").rstrip() == "Checking [" + "#" * 30 + "] 4/4 d.docx"
    assert last.endswith("\n") and "\n" not in first


def test_lines_fit_the_terminal_and_show_progress() -> None:
    out = io.StringIO()
    bar = TerminalProgress(out, columns=60, interval=0)
    bar(Step("read", 5, 20, "folder/some-long-document-name-that-goes-on.docx"))
    line = out.getvalue().removeprefix("\r")
    assert len(line) == 59
    assert line.startswith("Checking [" + "#" * 5 + "-" * 15 + "] 5/20 some-long")
    assert "\n" not in out.getvalue()


def test_redraws_are_limited_but_the_end_is_always_drawn() -> None:
    out = io.StringIO()
    bar = TerminalProgress(out, columns=80, interval=3600)
    for i in range(1, 101):
        bar(Step("read", i, 100, f"d{i}.txt"))
    drawn = out.getvalue().split("\r")[1:]
    assert len(drawn) == 2  # the first and the last
    assert drawn[-1].rstrip().endswith("100/100 d100.txt\n".rstrip())
    assert out.getvalue().endswith("\n")


def test_writing_names_each_file_then_says_done() -> None:
    out = io.StringIO()
    bar = TerminalProgress(out, columns=80, interval=0)
    bar(Step("write", 0, 2, "out/r.html"))
    bar(Step("write", 1, 2, "out/r.pdf"))
    bar(Step("write", 2, 2))
    drawn = [d.rstrip() for d in out.getvalue().split("\r")[1:]]
    assert drawn == ["Writing r.html (1 of 2)", "Writing r.pdf (2 of 2)", "Wrote 2 files"]
