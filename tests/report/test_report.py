"""`jdbuilder report`: a folder of job descriptions in, an HTML page, a PDF and JSON out."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from jdbuilder.cli import main
from jdbuilder.library import load_library
from jdbuilder.report import ReportOptions, build_report, output_targets
from jdbuilder.settings import Settings, save_settings

SEEDED = {"recovery-house-aide.docx", "outreach-ad.md", "evening-monitor.txt"}


def run_report(folder: Path, out: Path, *extra: str) -> int:
    return main(["report", str(folder), "--out", str(out), *extra])


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def made(portfolio: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """The report of the portfolio, written once per test that needs it."""
    out = tmp_path / "out" / "report"
    assert run_report(portfolio, out) == 0
    captured = capsys.readouterr()
    return {"out": out, "stdout": captured.out, "stderr": captured.err,
            "json": load(out.with_suffix(".json")),
            "html": out.with_suffix(".html").read_text(encoding="utf-8")}


def by_name(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {d["name"]: d for d in data["documents"]}


def test_report_writes_the_three_files_and_lists_the_broken_one(made: dict[str, Any]) -> None:
    out = made["out"]
    assert made["stdout"].split() == [str(out.with_suffix(s)) for s in (".html", ".pdf",
                                                                         ".json")]
    assert "broken.docx: is not a DOCX file" in made["stderr"]
    data = made["json"]
    roles = len(load_library().roles)
    assert data["format"] == "jdbuilder-report" and data["version"] == 1
    assert data["summary"]["documents"] == roles + len(SEEDED) + 1  # and the project
    assert [(Path(u["path"]).name, u["error"]) for u in data["unreadable"]] == [
        ("broken.docx", "is not a DOCX file (not a zip archive)")]
    docs = by_name(data)
    assert set(docs) >= SEEDED | {"recovery-coach.jdb"}
    clean = [d for d in data["documents"] if d["name"] not in SEEDED]
    assert all(sum(d["counts"].values()) == 0 for d in clean)
    assert data["summary"]["documents_without_findings"] == len(clean)


def test_findings_in_context_and_their_counts(made: dict[str, Any]) -> None:
    data = made["json"]
    aide = by_name(data)["recovery-house-aide.docx"]
    phrases = {f["phrase"]: f for f in aide["findings"]}
    assert set(phrases) == {"administers medication", "addicts", "alcoholics", "junkies",
                            "clean"}
    assert aide["counts"] == {"error": 1, "warning": 4, "info": 0}
    for f in aide["findings"]:
        a, b = f["mark"]
        assert f["sentence"][a:b] == f["text"]
    assert phrases["addicts"]["sentence"] == "Helps addicts and alcoholics find a place to live."
    assert phrases["clean"]["section"] == "Qualifications"
    s = data["summary"]
    assert s["findings"] == sum(sum(d["counts"].values()) for d in data["documents"])
    assert s["by_category"]["peer-role-conflict"] == 2
    assert s["by_severity"]["error"] == 1


def test_duties_that_contradict_a_peer_role(made: dict[str, Any]) -> None:
    docs = by_name(made["json"])
    assert docs["recovery-house-aide.docx"]["duties"] == {"total": 4, "conflicting": 1,
                                                          "from": "headings"}
    assert docs["outreach-ad.md"]["duties"] == {"total": 3, "conflicting": 1,
                                                "from": "headings"}
    project = docs["recovery-coach.jdb"]
    assert project["kind"] == "project" and project["duties"]["from"] == "project"
    assert project["duties"]["total"] > 10 and project["duties"]["conflicting"] == 0
    chart = made["json"]["charts"]["duties"]
    assert chart["labels"] == ["outreach-ad.md", "recovery-house-aide.docx"]
    assert chart["values"] == [round(1 / 3, 4), 0.25]


def test_structure_results_for_projects_and_recognized_descriptions(
        made: dict[str, Any]) -> None:
    docs = by_name(made["json"])
    for name, d in docs.items():
        if name.endswith("-job-description.docx"):
            assert d["kind"] == "job-description", name
            assert d["structure"]["checked"]
            assert not [x for x in d["structure"]["findings"] if x["severity"] == "error"]
    aide = docs["recovery-house-aide.docx"]
    assert aide["kind"] == "job-description"
    codes = {x["code"] for x in aide["structure"]["findings"]}
    assert {"duties-not-grouped", "no-conditions"} <= codes
    monitor = docs["evening-monitor.txt"]  # duties only: not held to the structure
    assert monitor["kind"] == "document" and not monitor["structure"]["checked"]
    assert monitor["structure"]["signals"] == ["duties"]


def test_the_charts_data(made: dict[str, Any]) -> None:
    charts = made["json"]["charts"]
    assert set(charts) == {"categories", "rates", "phrases", "duties"}
    cats = charts["categories"]
    assert sum(cats["values"]) == made["json"]["summary"]["findings"]
    assert cats["values"] == sorted(cats["values"], reverse=True)
    assert "Duties that conflict with a peer role" in cats["labels"]
    assert set(charts["rates"]["labels"]) == SEEDED
    assert charts["rates"]["values"] == sorted(charts["rates"]["values"], reverse=True)
    phrases = made["json"]["phrases"]
    assert charts["phrases"]["labels"][0] == f"\u201c{phrases[0]['phrase']}\u201d"
    assert len(charts["phrases"]["labels"]) == min(20, len(phrases))


def test_the_page_shows_summary_charts_and_documents(made: dict[str, Any]) -> None:
    page = made["html"]
    data = made["json"]
    for key in ("summary", "categories", "rates", "phrases", "duties", "unreadable",
                "documents"):
        assert f'id="{key}"' in page
    assert page.count("<svg") == 4
    assert page.count('role="img"') == 4
    assert page.count("The numbers in this chart as a table") == 4
    assert page.count('<article class="doc"') == data["summary"]["documents"]
    assert "<blockquote>Keeps the <mark>junkies</mark> out of the lobby.</blockquote>" in page
    assert "is not a DOCX file (not a zip archive)" in page
    # every document links to itself, relative to the page's folder
    links = re.findall(r'<a href="([^"]+)">Open the document</a>', page)
    assert len(links) == data["summary"]["documents"]
    assert "../portfolio/seeded/recovery-house-aide.docx" in links


class _Refs(HTMLParser):
    """Every URL-bearing attribute, tag and style or script text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.attrs: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.code: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for k, v in attrs:
            self.attrs.append((tag, k, v or ""))
        self._in = tag if tag in ("style", "script") else None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.code.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in = None


def external_references(page: str) -> list[str]:
    """What in a page could make a browser fetch something from outside the page."""
    refs = _Refs()
    refs.feed(page)
    bad: list[str] = []
    url_attrs = {"href", "src", "srcset", "action", "formaction", "data", "poster",
                 "xlink:href", "background", "ping", "manifest", "cite"}
    for tag, name, value in refs.attrs:
        v = value.strip().lower()
        if name in url_attrs and (re.match(r"[a-z][a-z0-9+.-]*:", v) or v.startswith("//")
                                  or name != "href"):
            bad.append(f"<{tag} {name}={value!r}>")
        if name == "style" and (("url(" in v and "url(#" not in v) or "@import" in v):
            bad.append(f"<{tag} style={value!r}>")
    bad += [f"<{t}>" for t in refs.tags if t in ("link", "img", "iframe", "object", "embed",
                                                 "base", "audio", "video", "source")]
    for code in refs.code:
        for m in re.finditer(r"url\(\s*['\"]?([^)'\"]*)", code):
            if not m.group(1).startswith("#"):
                bad.append(f"url({m.group(1)})")
        bad += [m.group(0) for m in re.finditer(r"@import|\bfetch\s*\(|XMLHttpRequest|"
                                                 r"\bimport\s*\(|WebSocket|EventSource", code)]
    return bad


def test_the_page_makes_no_network_request(made: dict[str, Any]) -> None:
    page = made["html"]
    assert external_references(page) == []
    assert not re.search(r"https?:", page)
    assert "//" not in page  # no protocol-relative URL, no namespace URI, no comment
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None and "default-src 'none'" in csp.group(1)


def test_the_url_check_finds_what_it_looks_for() -> None:
    for page in ('<link rel="stylesheet" href="https://cdn.example/x.css">',
                 '<script src="app.js"></script>', '<img src="data:image/png;base64,AA">',
                 '<a href="//example.org/x">x</a>', '<style>@import "x.css";</style>',
                 '<style>body{background:url(bg.png)}</style>',
                 '<svg><image xlink:href="http://example.org/a.png"/></svg>',
                 "<script>fetch('/api')</script>"):
        assert external_references(page), page
    assert external_references('<a href="#doc-3">x</a><a href="../a%20b.docx">y</a>') == []


def test_urls_in_a_document_stay_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    (tmp_path / "ad.txt").write_text("Helps addicts (see https://example.org/jobs).\n",
                                     encoding="utf-8")
    assert run_report(tmp_path / "ad.txt", tmp_path / "r", "--format", "html") == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "https://example.org/jobs" in page  # quoted in the finding's context
    assert external_references(page) == []


def test_the_pdf_has_the_summary_the_charts_and_every_document(made: dict[str, Any]) -> None:
    reader = PdfReader(str(made["out"].with_suffix(".pdf")))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for heading in ("Portfolio report", "Summary", "Findings by category",
                    "Documents with the most findings per 1,000 words",
                    "The 20 most frequent flagged phrases", "Duties that contradict a peer role",
                    "Files that could not be read", "Documents"):
        assert heading in flat
    for d in made["json"]["documents"]:
        assert d["name"] in flat
    assert "is not a DOCX file (not a zip archive)" in flat
    assert "Keeps the junkies out of the lobby." in flat
    outline = [o.title for o in reader.outline if not isinstance(o, list)]
    assert "Findings by category" in outline and "Documents" in outline
    assert len(reader.pages) >= 4


def test_each_chart_is_drawn_in_the_pdf(made: dict[str, Any]) -> None:
    reader = PdfReader(str(made["out"].with_suffix(".pdf")))
    text = "".join(page.extract_text() for page in reader.pages[:4])
    # the axis titles are drawn by the charts, not printed anywhere else
    for axis in ("findings per 1,000 words", "times flagged across the portfolio",
                 "share of the document's duties"):
        assert axis in text


def test_a_comparison_with_an_earlier_report(portfolio: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    first = tmp_path / "2025"
    assert run_report(portfolio, first, "--format", "json") == 0
    seeded = portfolio / "seeded"
    md = seeded / "outreach-ad.md"
    md.write_text(md.read_text(encoding="utf-8").replace(
        "Works with the mentally ill in the day program.",
        "Works with people in the day program."), encoding="utf-8")
    txt = seeded / "evening-monitor.txt"
    txt.write_text(txt.read_text(encoding="utf-8") + "Keeps the psychos at the front desk "
                   "calm.\n", encoding="utf-8")
    (seeded / "recovery-house-aide.docx").unlink()
    (seeded / "new-peer-role.txt").write_text("Duties\nHelps addicts with paperwork.\n",
                                              encoding="utf-8")
    second = tmp_path / "2026"
    assert run_report(portfolio, second, "--since", str(first.with_suffix(".json"))) == 0
    data = load(second.with_suffix(".json"))
    c = data["comparison"]
    assert c["since"] == str(first.with_suffix(".json"))
    improved = {Path(d["key"]).name: (d["before"], d["after"]) for d in
                c["documents"]["improved"]}
    worse = {Path(d["key"]).name: (d["before"], d["after"]) for d in c["documents"]["worse"]}
    assert improved == {"outreach-ad.md": (3, 2)}
    assert worse == {"evening-monitor.txt": (2, 3)}
    assert [Path(k).name for k in c["documents"]["new"]] == ["new-peer-role.txt"]
    assert [Path(k).name for k in c["documents"]["gone"]] == ["recovery-house-aide.docx"]
    resolved = {x["phrase"] for x in c["phrases"]["resolved"]}
    new = {x["phrase"] for x in c["phrases"]["new"]}
    assert resolved == {"the mentally ill", "junkies", "administers medication", "alcoholics",
                        "clean"}
    assert new == {"psychos"}
    # "addicts" moved from the removed document to the new one: the same count
    assert c["phrases"]["fewer"] == [] and c["phrases"]["more"] == []
    assert c["findings"] == {"before": 10, "after": 6}
    docs = by_name(data)
    assert docs["outreach-ad.md"]["since"]["resolved"] == {"the mentally ill": 1}
    assert docs["evening-monitor.txt"]["since"]["added"] == {"psychos": 1}
    assert docs["new-peer-role.txt"]["since"]["status"] == "new"
    assert docs["peer-specialist-job-description.docx"]["since"]["status"] == "unchanged"
    page = second.with_suffix(".html").read_text(encoding="utf-8")
    assert 'id="since"' in page and "What improved" in page and "New phrases" in page
    pdf = " ".join(" ".join(p.extract_text() for p in
                            PdfReader(str(second.with_suffix(".pdf"))).pages).split())
    assert "Changes since the earlier report" in pdf and "psychos" in pdf


def test_a_moved_folder_is_matched_by_file_name(portfolio: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    first = tmp_path / "then.json"
    assert run_report(portfolio / "seeded", first) == 0
    moved = tmp_path / "moved"
    (portfolio / "seeded").rename(moved)
    now = tmp_path / "now.json"
    assert run_report(moved, now, "--since", str(first)) == 0
    c = load(now)["comparison"]
    assert c["documents"]["new"] == [] and c["documents"]["gone"] == []
    assert c["documents"]["unchanged"] == len(SEEDED)


def test_the_organization_policy_applies(portfolio: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    save_settings(Settings(allow_phrases=["Addicts"], allow_rules=[]))
    out = tmp_path / "r.json"
    assert run_report(portfolio / "seeded", out) == 0
    data = load(out)
    assert data["summary"]["suppressed"] == 1
    assert "addicts" not in {x["phrase"] for x in data["phrases"]}
    assert data["policy"]["allow_phrases"] == ["addicts"]


def test_unreadable_files_never_stop_the_run(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.docx").write_bytes(b"not a zip")
    (folder / "b.txt").write_bytes(b"abc \xff\xfa broken")
    (folder / "c.jdb").write_text("{ truncated", encoding="utf-8")
    (folder / "d.txt").write_text("Helps addicts.", encoding="utf-8")
    assert main(["report", str(folder), str(tmp_path / "missing.docx"), "--out",
                 str(tmp_path / "r"), "--format", "json"]) == 0
    data = load(tmp_path / "r.json")
    assert data["summary"]["documents"] == 1
    reasons = {Path(u["path"]).name: u["error"] for u in data["unreadable"]}
    assert set(reasons) == {"a.docx", "b.txt", "c.jdb", "missing.docx"}
    assert reasons["missing.docx"] == "file not found"
    err = capsys.readouterr().err
    assert err.count("(listed in the report; skipped)") == 4


def test_output_names() -> None:
    assert output_targets("r") == {"html": Path("r.html"), "pdf": Path("r.pdf"),
                                   "json": Path("r.json")}
    assert output_targets("out/r.html") == {"html": Path("out/r.html")}
    assert output_targets("out/r.PDF") == {"pdf": Path("out/r.pdf")}
    assert output_targets("r.pdf", ["json", "html"]) == {"html": Path("r.html"),
                                                         "json": Path("r.json")}
    assert output_targets("2026.portfolio") == {"html": Path("2026.portfolio.html"),
                                                "pdf": Path("2026.portfolio.pdf"),
                                                "json": Path("2026.portfolio.json")}
    with pytest.raises(ValueError, match="unknown report format 'docx'"):
        output_targets("r", ["docx"])


def test_an_existing_folder_gets_the_report_inside(tmp_path: Path) -> None:
    assert output_targets(tmp_path, ["html"]) == {"html": tmp_path / "portfolio-report.html"}


def test_a_file_given_twice_is_read_once(portfolio: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    seeded = portfolio / "seeded"
    assert main(["report", str(seeded), str(seeded / "outreach-ad.md"), "--out",
                 str(tmp_path / "r.json")]) == 0
    assert sorted(d["name"] for d in load(tmp_path / "r.json")["documents"]) == sorted(SEEDED)


def test_json_to_standard_output(portfolio: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(portfolio / "seeded"), "--out", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["name"] for d in data["documents"]} == SEEDED
    assert list(tmp_path.glob("*.html")) == []
    assert main(["report", str(portfolio), "--out", "-", "--format", "html"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == ("jdbuilder: error: --out - writes the JSON to standard output: use it with "
                   "--format json")


@pytest.mark.parametrize("content", [b"{}", b"[1, 2]", b"not json", b'{"format": "other"}'])
def test_since_must_be_a_report(portfolio: Path, tmp_path: Path, content: bytes,
                                capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.json"
    old.write_bytes(content)
    assert run_report(portfolio / "seeded", tmp_path / "r", "--since", str(old)) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"jdbuilder: error: {old}: is not a")
    assert not list(tmp_path.glob("r.*"))


def test_nothing_to_read_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    assert run_report(tmp_path, tmp_path / "r") == 2
    assert "no .docx, .txt, .md or .jdb files found" in capsys.readouterr().err
    assert not list(tmp_path.glob("r.*"))


def test_no_progress_bar_when_stderr_is_not_a_terminal(made: dict[str, Any]) -> None:
    assert "\r" not in made["stderr"] and "Checking [" not in made["stderr"]


def test_two_worker_processes_give_the_same_report(portfolio: Path, tmp_path: Path) -> None:
    entries = []
    for parallel in (False, True):
        out = tmp_path / f"p{parallel}.json"
        build_report([portfolio], output_targets(out), ReportOptions(parallel=parallel))
        data = load(out)
        entries.append((data["documents"], data["summary"], data["phrases"]))
    assert entries[0] == entries[1]
    assert len(entries[0][0]) >= 16  # enough files for the worker processes to be used
