"""`jdbuilder check` on a project and the window's live check read exactly the same fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jdbuilder import project as projects
from jdbuilder.cli import main
from jdbuilder.readers.inputs import read_input
from jdbuilder.ui.editing.document import checkable_items, label_for


def test_the_cli_and_the_window_check_the_same_fields(make_window: Any, tmp_path: Path,
                                                      capsys: Any) -> None:
    w = make_window(checker=False)
    w.files.new_from_template("recovery-coach")
    w.doc.set_value(("jd", "hours"), "Up to 20 hours a week, flexible")
    w.doc.set_value(("jd", "schedule"), "Some evenings")
    path = tmp_path / "coach.jdb"
    projects.save(w.doc.to_project(), path)

    window = [(label_for(w.doc, p), text) for p, text in checkable_items(w.doc)]
    read = read_input(path)
    cli = [(s.label, read.text[s.start:s.end]) for s in read.sections]
    assert cli == window
    labels = [label for label, _ in window]
    assert "Hours" in labels and "Schedule" in labels and "Ad: What you will do" in labels

    # and the command itself reports findings in those fields, by the same names
    w.doc.set_value(("jd", "schedule"), "Evenings with addicts")
    projects.save(w.doc.to_project(), path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert '"addicts" [Schedule]' in out
    assert main(["check", "--format", "json", str(path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert any(f["text"] == "addicts" for f in data["files"][0]["findings"])
