"""Errors cross process boundaries intact, and print safely on a terminal."""

from __future__ import annotations

import pickle

from jdbuilder.errors import ContentError, InputError, JdbError, ProjectError, printable


def test_every_error_survives_pickling_with_its_fields() -> None:
    errors: list[JdbError] = [
        JdbError("plain words"),
        InputError("/out/jd.docx", "could not be written (read-only file system)"),
        ProjectError("p.jdb", "is cut short (truncated)"),
        ContentError("terms.yaml", "unknown class", entry="org-x", field="patterns[1]", line=4),
    ]
    for err in errors:
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err) and str(back) == str(err)
        for name in ("path", "reason", "entry", "field", "line"):
            assert getattr(back, name, None) == getattr(err, name, None)


def test_file_names_cannot_drive_the_terminal() -> None:
    name = "jd\x1b[2J\x1b]0;owned\x07\u202egnp.docx"
    shown = printable(name)
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert shown == "jd\\x1b[2J\\x1b]0;owned\\x07\\u202egnp.docx"
    assert printable("caf\udce9.txt") == "caf\\xe9.txt"  # an undecodable byte of a name
    assert printable("Nguyễn Văn An.docx") == "Nguyễn Văn An.docx"
    err = InputError(name, "file not found")
    assert "\x1b" not in str(err) and err.path == name
