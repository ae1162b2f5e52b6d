"""Portfolio report speed and memory: `jdbuilder report` on 1,000 two-page Word documents.

Run: python benchmarks/bench_report.py [N]   (N documents, default 1000)

Builds N job descriptions as DOCX (each about two pages: a shipped role's description with
more duties and qualifications, some with flagged wording), then measures in the same run:
- `jdbuilder report FOLDER --out R` (HTML, PDF and JSON): wall time and peak memory;
- the reference, `jdbuilder check FOLDER --format json` on the same files: wall time;
- the ratio of the two, the report's time per phase (in process) and its peak memory on a
  quarter of the files, to show that memory does not grow with the number of documents.
Target: under 60 s for 1,000 documents on two cores.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx

from jdbuilder.library import load_library, template_job_description

# Wording the report should flag, in this benchmark's own words.
SEEDED = [
    "Keeps the addicts on the unit away from the front door after curfew.",
    "Will administer medications to residents on the evening shift.",
    "Reports clients who are non-compliant with their treatment plan to the nurse.",
    "Writes the treatment plan for each consumer on the caseload.",
    "Makes sure the mentally ill residents take part in every group.",
    "Acts as representative payee for members who cannot manage their money.",
]
WORDS_PER_DOC = 900  # about two printed pages


def make_corpus(folder: Path, n: int) -> int:
    """N documents in `folder` (spread over sub-folders); returns the words written."""
    lib = load_library()
    roles = sorted(lib.roles.values(), key=lambda r: r.id)
    duties = sorted(s.text for s in lib.statements.values() if s.kind.value == "duty")
    quals = sorted(s.text for s in lib.statements.values() if s.kind.value == "qualification")
    rnd = random.Random(20)
    total = 0
    for k in range(n):
        role = roles[k % len(roles)]
        jd = template_job_description(role)
        d = docx.Document()
        d.add_paragraph(f"{jd.title} ({k + 1})", style="Title")
        d.add_paragraph(f"Hours: {jd.hours}")
        d.add_heading("Function", 1)
        d.add_paragraph(jd.function)
        d.add_heading("Reporting relationships", 1)
        d.add_paragraph("Reports to: " + "; ".join(jd.reports_to))
        d.add_heading("Responsibilities", 1)
        words = 0
        for i, area in enumerate(jd.areas):
            d.add_heading(area.title, 2)
            items = list(area.duties) + rnd.sample(duties, 3)
            if i < k % 4:  # none to three seeded duties per document
                items.append(SEEDED[(k + i) % len(SEEDED)])
            for t in items:
                d.add_paragraph(t, style="List Bullet")
                words += len(t.split())
        d.add_heading("Qualifications", 1)
        for q in jd.qualifications:
            d.add_paragraph(q.text, style="List Bullet")
            words += len(q.text.split())
        while words < WORDS_PER_DOC:
            t = rnd.choice(quals)
            d.add_paragraph(t, style="List Bullet")
            words += len(t.split())
        d.add_heading("Employment conditions", 1)
        for c in jd.employment_conditions:
            d.add_paragraph(c, style="List Bullet")
        sub = folder / f"program-{k % 10}"
        sub.mkdir(exist_ok=True)
        d.save(str(sub / f"{role.id}-{k + 1:04d}.docx"))
        total += words
    return total


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall time and peak memory (MB, the largest of the process and its workers)."""
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
             "print(time.perf_counter() - t, "
             "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True,
                         check=True).stdout.split()
    if out[2] not in ("0", "1"):
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {out[2]}")
    return float(out[0]), int(out[1]) / 1024


def phases(folder: Path, out: Path) -> dict[str, float]:
    """The report's time per phase, in this process."""
    from jdbuilder.report import ReportOptions
    from jdbuilder.report.data import write_json
    from jdbuilder.report.page import write_html
    from jdbuilder.report.portfolio import category_titles, read_portfolio
    from jdbuilder.report.printout import write_pdf

    times: dict[str, float] = {}
    t = time.perf_counter()
    p = read_portfolio([folder], ReportOptions(parallel=True))
    times["read and check (2 processes)"] = time.perf_counter() - t
    titles = category_titles()
    for name, write, suffix in (("write HTML", write_html, ".html"),
                                ("write PDF", write_pdf, ".pdf"),
                                ("write JSON", write_json, ".json")):
        t = time.perf_counter()
        write(p, out.with_suffix(suffix), titles)
        times[name] = time.perf_counter() - t
    p.close()
    return times


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    jdb = [sys.executable, "-m", "jdbuilder"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        docs, quarter = root / "docs", root / "quarter"
        docs.mkdir()
        quarter.mkdir()
        t = time.perf_counter()
        words = make_corpus(docs, n)
        make_corpus(quarter, max(n // 4, 1))
        print(f"corpus: {n} DOCX documents, {words:,} words ({words / n:,.0f} per document), "
              f"built in {time.perf_counter() - t:.1f} s; cores: {os.cpu_count()}")
        check_s, check_mb = timed([*jdb, "check", "--format", "json", str(docs)])
        report_s, report_mb = timed([*jdb, "report", str(docs), "--out", str(root / "r")])
        _, quarter_mb = timed([*jdb, "report", str(quarter), "--out", str(root / "q")])
        sizes = {s: (root / f"r.{s}").stat().st_size / 1e6 for s in ("html", "pdf", "json")}
        data = json.loads((root / "r.json").read_text(encoding="utf-8"))
        print(f"report: {data['summary']['documents']} documents, "
              f"{data['summary']['findings']} findings; HTML {sizes['html']:.1f} MB, "
              f"PDF {sizes['pdf']:.1f} MB, JSON {sizes['json']:.1f} MB")
        print(f"reference, jdbuilder check --format json: {check_s:6.1f} s, "
              f"peak {check_mb:5.0f} MB")
        print(f"jdbuilder report (HTML, PDF, JSON):     {report_s:6.1f} s, "
              f"peak {report_mb:5.0f} MB  (target < 60 s)")
        print(f"ratio report / check:                   {report_s / check_s:6.2f}x")
        print(f"peak memory with {max(n // 4, 1)} documents: {quarter_mb:.0f} MB "
              f"({report_mb / quarter_mb:.2f}x for {n / max(n // 4, 1):.0f}x the documents)")
        for name, secs in phases(docs, root / "p").items():
            print(f"  {name:<30} {secs:6.1f} s")
        browser = shutil.which("chromium") or shutil.which("google-chrome")
        if browser:
            flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", f"--user-data-dir={root / 'profile'}", "--dump-dom"]
            blank = root / "blank.html"
            blank.write_text("<!DOCTYPE html><title>blank</title>", encoding="utf-8")
            t = time.perf_counter()
            subprocess.run([browser, *flags, blank.as_uri()], capture_output=True, check=True)
            empty_s = time.perf_counter() - t
            t = time.perf_counter()
            subprocess.run([browser, *flags, (root / "r.html").as_uri()], capture_output=True,
                           check=True)
            page_s = time.perf_counter() - t
            print(f"headless Chromium, open the page and run its paging script: {page_s:.1f} s "
                  f"(an empty page: {empty_s:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
