"""Loading the lexicon explicitly: a strict built-in layer, lenient organisation and personal
layers that skip and name one bad entry, and results that follow the lexicon passed in."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdbuilder.datapaths import lexicons_dir
from jdbuilder.errors import ContentError
from jdbuilder.language import check, check_many, check_report
from jdbuilder.language.lexicon import builtin_lexicon, load_lexicon
from jdbuilder.language.sources import LexiconSources

GOOD = (
    "  - id: org-service-user\n    severity: info\n    patterns: ['service user']\n"
    "    suggestions: ['member']\n    why: We say member.\n    sources: ['House style']\n"
    "    examples: {flag: ['Each service user.']}\n")
BAD_PATTERN = (
    "  - id: org-broken\n    severity: info\n    patterns: ['@no-such-class word']\n"
    "    why: Broken on purpose.\n    sources: ['House style']\n"
    "    examples: {flag: ['word']}\n")
HEADER = "category: clinical-jargon\ntitle: Our terms\ndescription: House style.\nentries:\n"
SENTENCE = "Each service user gets a call."


def _layer(root: Path, name: str, files: dict[str, str]) -> Path:
    folder = root / name
    folder.mkdir()
    for file, body in files.items():
        (folder / file).write_text(body, encoding="utf-8")
    return folder


def _sources(**layers: Path) -> LexiconSources:
    return LexiconSources(builtin=lexicons_dir(), **layers)


def test_builtin_only_names_the_shipped_folder() -> None:
    sources = LexiconSources.builtin_only()
    assert sources.builtin == lexicons_dir()
    assert sources.organisation is None and sources.personal is None


def test_one_bad_entry_skips_only_that_entry_and_is_named(tmp_path: Path) -> None:
    org = _layer(tmp_path, "org", {"terms.yaml": HEADER + BAD_PATTERN + GOOD})
    loaded = load_lexicon(_sources(organisation=org))
    assert "org-service-user" in {f.rule for f in check(SENTENCE, lexicon=loaded.lexicon)}
    (problem,) = loaded.problems
    assert problem.entry == "org-broken" and problem.field == "patterns[1]"
    assert "terms.yaml" in str(problem)
    assert "org-broken" not in {r.id for r in loaded.lexicon.rules}


def test_an_entry_reusing_a_builtin_id_is_skipped_and_named(tmp_path: Path) -> None:
    dup = GOOD.replace("org-service-user", "addict")
    personal = _layer(tmp_path, "personal", {"mine.yaml": HEADER + dup})
    loaded = load_lexicon(_sources(personal=personal))
    (problem,) = loaded.problems
    assert problem.entry == "addict" and problem.field == "id"
    assert "mine.yaml" in str(problem)
    assert [r.file for r in loaded.lexicon.rules if r.id == "addict"] == ["addiction-stigma.yaml"]


def test_a_broken_user_file_is_reported_and_the_rest_loads(tmp_path: Path) -> None:
    org = _layer(tmp_path, "org", {"terms.yaml": HEADER + GOOD})
    personal = _layer(tmp_path, "personal", {"mine.yaml": "category: clinical-jargon\n"
                                                          "entries: [\n"})
    loaded = load_lexicon(_sources(organisation=org, personal=personal))
    assert "org-service-user" in {r.id for r in loaded.lexicon.rules}
    (problem,) = loaded.problems
    assert "mine.yaml" in str(problem) and "line" in str(problem)


def test_broken_classes_and_names_in_a_user_layer_are_reported_and_skipped(
        tmp_path: Path) -> None:
    org = _layer(tmp_path, "org", {"classes.yaml": "classes: [not, a, mapping]\n",
                                   "names.yaml": "names: oops\n",
                                   "terms.yaml": HEADER + GOOD})
    loaded = load_lexicon(_sources(organisation=org))
    assert sorted(Path(p.path).name for p in loaded.problems) == ["classes.yaml", "names.yaml"]
    assert "org-service-user" in {f.rule for f in check(SENTENCE, lexicon=loaded.lexicon)}


def test_missing_user_folders_are_not_problems(tmp_path: Path) -> None:
    loaded = load_lexicon(_sources(organisation=tmp_path / "none", personal=tmp_path / "no"))
    assert loaded.problems == ()
    assert len(loaded.lexicon.rules) == len(builtin_lexicon().rules)


def test_the_builtin_layer_is_strict(tmp_path: Path) -> None:
    builtin = _layer(tmp_path, "builtin", {"terms.yaml": HEADER + GOOD + BAD_PATTERN})
    with pytest.raises(ContentError) as info:
        load_lexicon(LexiconSources(builtin=builtin))
    assert info.value.entry == "org-broken" and info.value.field == "patterns[1]"


def test_the_lexicon_passed_in_decides_the_results(tmp_path: Path) -> None:
    org = _layer(tmp_path, "org", {"terms.yaml": HEADER + GOOD})
    lex = load_lexicon(_sources(organisation=org)).lexicon
    assert "org-service-user" in {f.rule for f in check(SENTENCE, lexicon=lex)}
    assert "org-service-user" not in {f.rule for f in check(SENTENCE)}
    assert "org-service-user" in {f.rule for f in check_report(SENTENCE, lexicon=lex).findings}
    (report,) = check_many([SENTENCE], lexicon=lex)
    assert "org-service-user" in {f.rule for f in report.findings}


def test_rules_doc_uses_the_builtin_layer_only(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from jdbuilder.language import docs

    home = tmp_path / "home"
    _layer(home.parent, "home", {})
    _layer(home, "lexicons", {"mine.yaml": HEADER + GOOD})
    monkeypatch.setenv("JDBUILDER_HOME", str(home))
    out = tmp_path / "rules.md"
    assert docs.main([str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "`addict`" in text and "org-service-user" not in text


def test_cli_check_loads_the_personal_layer_and_warns_about_bad_entries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from jdbuilder.cli import main

    home = tmp_path / "home"
    home.mkdir()
    _layer(home, "lexicons", {"mine.yaml": HEADER + BAD_PATTERN + GOOD})
    monkeypatch.setenv("JDBUILDER_HOME", str(home))
    monkeypatch.delenv("JDBUILDER_LIBRARY_PATH", raising=False)
    text = tmp_path / "jd.txt"
    text.write_text(SENTENCE, encoding="utf-8")
    main(["check", str(text)])
    captured = capsys.readouterr()
    assert "org-service-user" in captured.out
    warnings = [line for line in captured.err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "mine.yaml" in warnings[0] and "org-broken" in warnings[0]
