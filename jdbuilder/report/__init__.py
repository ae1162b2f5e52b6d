"""The portfolio report: many job descriptions and ads checked at once, summarized with charts,
as a self-contained HTML page, a PDF for print and JSON (docs/REPORT.md).

`build_report(inputs, targets, options, progress)` reads every document once (streamed),
then writes each output asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from jdbuilder.errors import InputError
from jdbuilder.report.portfolio import (
    Portfolio,
    Progress,
    ReportOptions,
    Step,
    category_titles,
    read_portfolio,
)

FORMATS = ("html", "pdf", "json")
TITLE = "Portfolio report"

__all__ = ["FORMATS", "ReportOptions", "ReportResult", "Step", "build_report", "output_targets"]


@dataclass(frozen=True)
class ReportResult:
    files: tuple[Path, ...]
    documents: int
    findings: int
    unreadable: tuple[tuple[str, str], ...]


def output_targets(out: str | Path, formats: Sequence[str] | None = None) -> dict[str, Path]:
    """The files `--out REPORT [--format ...]` writes.

    `REPORT` without an extension writes REPORT.html, REPORT.pdf and REPORT.json; with one of
    those extensions, only that file unless `formats` says otherwise (the extension is then
    replaced). `formats` chooses among html, pdf and json. An existing folder gets
    `portfolio-report.*` inside it.
    """
    p = Path(out)
    if p.is_dir():
        p = p / "portfolio-report"
    suffix = p.suffix.lower().lstrip(".")
    base = p.with_suffix("") if suffix in FORMATS else p
    chosen = list(formats) if formats else ([suffix] if suffix in FORMATS else list(FORMATS))
    bad = [f for f in chosen if f not in FORMATS]
    if bad:
        raise ValueError(f"unknown report format '{bad[0]}': choose from {', '.join(FORMATS)}")
    return {fmt: base.with_name(f"{base.name}.{fmt}") for fmt in FORMATS if fmt in chosen}


def write_outputs(p: Portfolio, targets: Mapping[str, Path], options: ReportOptions,
                  progress: Progress | None = None) -> list[Path]:
    from jdbuilder.report.data import write_json
    from jdbuilder.report.page import write_html
    from jdbuilder.report.printout import write_pdf

    titles = category_titles(options.lexicon)
    written: list[Path] = []
    for i, (fmt, path) in enumerate(targets.items(), start=1):
        if progress:
            progress(Step("write", i - 1, len(targets), str(path)))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if fmt == "html":
                write_html(p, path, titles, TITLE)
            elif fmt == "pdf":
                write_pdf(p, path, titles, TITLE)
            else:
                write_json(p, path, titles)
        except OSError as exc:
            raise InputError(path, f"could not be written ({exc.strerror or exc})") from None
        written.append(path)
    if progress:
        progress(Step("write", len(targets), len(targets)))
    return written


def build_report(inputs: Sequence[str | Path], targets: Mapping[str, Path],
                 options: ReportOptions | None = None, progress: Progress | None = None,
                 json_stream: IO[str] | None = None) -> ReportResult:
    """Read and check every document under `inputs`, then write `targets` ({format: path});
    `json_stream` receives the JSON too (standard output for `--out -`)."""
    opts = options or ReportOptions()
    portfolio = read_portfolio(inputs, opts, progress)
    try:
        files = write_outputs(portfolio, targets, opts, progress)
        if json_stream is not None:
            from jdbuilder.report.data import write_json_stream

            write_json_stream(json_stream, portfolio, category_titles(opts.lexicon))
        return ReportResult(tuple(files), len(portfolio.rows), portfolio.findings,
                            tuple(portfolio.unreadable))
    finally:
        portfolio.close()
