"""Reading a portfolio: every document checked once, streamed.

Each document is read, checked and described by `analyze` (in two worker processes where the
platform forks cheaply), its entry is written to a temporary spool file and only a one-line
summary of it stays in memory, with the portfolio's counts. The writers (HTML, PDF, JSON) read
the entries back from the spool one at a time, so memory does not grow with the documents'
text.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from jdbuilder.errors import InputError, JdbError
from jdbuilder.language.policy import Policy
from jdbuilder.readers.inputs import collect_paths
from jdbuilder.report.analyze import Checked, Entry, analyze
from jdbuilder.report.compare import Earlier, load_earlier, portfolio_changes
from jdbuilder.vocab import Paper, Severity
from jdbuilder.workers import process_pool

if TYPE_CHECKING:
    from jdbuilder.language.lexicon import Lexicon

TOP = 20  # bars in each chart


@dataclass(frozen=True)
class Step:
    """Progress: `done` of `total` in a phase ("read" the documents, "write" the outputs)."""

    phase: str
    done: int
    total: int
    detail: str = ""


Progress = Callable[[Step], None]


@dataclass(frozen=True)
class ReportOptions:
    policy: Policy = field(default_factory=Policy)
    lexicon: Lexicon | None = None  # None: the shipped lexicon
    organization: str = ""
    since: Path | None = None  # an earlier report's JSON
    paper: Paper = Paper.LETTER
    # Check in two worker processes where the platform forks cheaply (Linux); callers that
    # run threads of their own (the desktop app) leave it off.
    parallel: bool = False


@dataclass(frozen=True)
class Row:
    """What stays in memory of one document."""

    index: int
    key: str
    path: str
    name: str
    kind: str
    words: int
    findings: int
    counts: dict[str, int]
    duties: int
    conflicting: int
    structure: int
    status: str = ""  # since the earlier report: improved, worse, changed, unchanged, new

    @property
    def rate(self) -> float:
        """Findings per 1,000 words."""
        return self.findings * 1000 / self.words if self.words else 0.0

    @property
    def share(self) -> float | None:
        """The share of duties that contradict a peer role (None: no duties found)."""
        return self.conflicting / self.duties if self.duties else None


@dataclass
class PhraseStat:
    count: int = 0
    documents: int = 0
    categories: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    severity: str = "info"


class Spool:
    """Entries on disk, one JSON line each, read back in order."""

    def __init__(self) -> None:
        # Kept open for the spool's life and closed by close() (the portfolio owns it).
        self._file: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.count = 0

    def write(self, entry: Entry) -> None:
        self._file.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.count += 1

    def __iter__(self) -> Iterator[Entry]:
        self._file.flush()
        self._file.seek(0)
        for line in self._file:
            yield json.loads(line)
        self._file.seek(0, os.SEEK_END)

    def close(self) -> None:
        self._file.close()


@dataclass
class Portfolio:
    """The portfolio's counts and one row per document; the entries are in `spool`."""

    inputs: list[str]
    policy: Policy
    generated: str = field(default_factory=lambda: dt.datetime.now().astimezone().isoformat(
        timespec="seconds"))
    organization: str = ""
    paper: Paper = Paper.LETTER
    rows: list[Row] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    by_category: Counter[str] = field(default_factory=Counter)
    by_severity: Counter[str] = field(default_factory=Counter)
    by_pair: Counter[tuple[str, str]] = field(default_factory=Counter)
    phrases: dict[str, PhraseStat] = field(default_factory=dict)
    words: int = 0
    suppressed: int = 0
    truncated: int = 0
    comparison: Entry | None = None
    spool: Spool = field(default_factory=Spool)

    def add(self, entry: Entry, status: str = "") -> Row:
        counts = {str(k): int(v) for k, v in entry["counts"].items()}
        row = Row(len(self.rows) + 1, entry["key"], entry["path"], entry["name"],
                  entry["kind"], entry["words"], sum(counts.values()), counts,
                  entry["duties"]["total"], entry["duties"]["conflicting"],
                  len(entry["structure"]["findings"]), status)
        self.rows.append(row)
        self.words += row.words
        self.suppressed += entry["suppressed"]
        self.truncated += bool(entry["truncated"])
        seen: set[str] = set()
        for f in entry["findings"]:
            self.by_category[f["category"]] += 1
            self.by_severity[f["severity"]] += 1
            self.by_pair[(f["category"], f["severity"])] += 1
            stat = self.phrases.setdefault(f["phrase"], PhraseStat())
            stat.count += 1
            stat.categories[f["category"]] += 1
            stat.rules[f["rule"]] += 1
            if Severity(f["severity"]).rank > Severity(stat.severity).rank:
                stat.severity = f["severity"]
            if f["phrase"] not in seen:
                seen.add(f["phrase"])
                stat.documents += 1
        self.spool.write(entry)
        return row

    # ---- what the summary and the charts show ------------------------------------------
    @property
    def findings(self) -> int:
        return sum(self.by_severity.values())

    @property
    def without_findings(self) -> int:
        return sum(1 for r in self.rows if not r.findings)

    def top_rates(self, n: int = TOP) -> list[Row]:
        ranked = sorted((r for r in self.rows if r.findings), key=lambda r: (-r.rate, r.index))
        return ranked[:n]

    def top_phrases(self, n: int = TOP) -> list[tuple[str, PhraseStat]]:
        return sorted(self.phrases.items(), key=lambda kv: (-kv[1].count, kv[0]))[:n]

    def top_shares(self, n: int = TOP) -> list[Row]:
        ranked = sorted((r for r in self.rows if r.conflicting),
                        key=lambda r: (-(r.share or 0.0), -r.conflicting, r.index))
        return ranked[:n]

    def with_duties(self) -> list[Row]:
        return [r for r in self.rows if r.duties]

    def entries(self) -> Iterator[Entry]:
        return iter(self.spool)

    def close(self) -> None:
        self.spool.close()


# ---- reading the documents -------------------------------------------------------------
_CHECKED: Checked | None = None  # set before the worker processes fork


def _analyze_job(job: tuple[str, str]) -> tuple[bool, Entry | str]:
    path, key = job
    assert _CHECKED is not None
    try:
        return True, analyze(Path(path), key, _CHECKED)
    except InputError as exc:
        return False, exc.reason
    except JdbError as exc:
        return False, str(exc)
    except Exception as exc:  # never stop the run: the file is listed with the reason
        return False, f"could not be checked ({type(exc).__name__}: {str(exc)[:200]})"


def _pool(jobs: int) -> ProcessPoolExecutor | None:
    """Two worker processes on Linux (fork is cheap there); None elsewhere or for few files."""
    if jobs < 16 or (os.cpu_count() or 1) < 2:
        return None
    return process_pool(2)


def _results(jobs: list[tuple[str, str]], checked: Checked,
             parallel: bool) -> Iterator[tuple[bool, Entry | str]]:
    global _CHECKED
    _CHECKED = checked
    pool = _pool(len(jobs)) if parallel else None
    if pool is None:
        yield from map(_analyze_job, jobs)
        return
    from jdbuilder.language import check_report

    check_report("warm up", checked.policy, checked.lexicon)  # the workers inherit it
    with pool:
        yield from pool.map(_analyze_job, jobs, chunksize=4)


def document_key(path: Path) -> str:
    """How a document is named in the report and matched with an earlier one."""
    return path.as_posix()


def read_portfolio(inputs: Sequence[str | Path], options: ReportOptions,
                   progress: Progress | None = None) -> Portfolio:
    """Read and check every document; the caller closes the portfolio when done with it."""
    earlier: Earlier | None = load_earlier(options.since) if options.since else None
    found, errors = collect_paths([str(p) for p in inputs])
    seen: set[Path] = set()
    paths: list[Path] = []
    for each in found:  # a file given on its own and inside a folder is read once
        resolved = each.resolve()
        if resolved not in seen:
            seen.add(resolved)
            paths.append(each)
    if not paths and not errors:
        raise InputError(", ".join(str(p) for p in inputs) or ".",
                         "no .docx, .txt, .md or .jdb files found")
    portfolio = Portfolio([str(p) for p in inputs], options.policy,
                          organization=options.organization, paper=options.paper)
    for e in errors:
        portfolio.unreadable.append((e.path, e.reason))
    names_now = Counter(p.name for p in paths)
    checked = Checked(options.policy, options.lexicon, options.organization)
    jobs = [(str(p), document_key(p)) for p in paths]
    moved: list[Entry] = []
    try:
        for i, ((path, _key), (ok, result)) in enumerate(
                zip(jobs, _results(jobs, checked, options.parallel), strict=True), start=1):
            if ok and isinstance(result, dict):
                status = ""
                if earlier is not None:
                    result["since"] = earlier.compare(result, names_now)
                    status = result["since"]["status"]
                    moved.append({"key": result["key"], "name": result["name"],
                                  "index": len(portfolio.rows) + 1,
                                  "status": status, "before": result["since"]["before"],
                                  "after": result["since"]["after"]})
                portfolio.add(result, status)
            else:
                portfolio.unreadable.append((path, str(result)))
            if progress:
                progress(Step("read", i, len(jobs), path))
    except BaseException:
        portfolio.close()
        raise
    if earlier is not None:
        counts = Counter({k: v.count for k, v in portfolio.phrases.items()})
        portfolio.comparison = portfolio_changes(earlier, counts, portfolio.findings,
                                                 portfolio.without_findings, moved)
    return portfolio


def category_titles(lexicon: Lexicon | None = None) -> dict[str, str]:
    """The language check's category titles ("Stigmatizing labels"), by id."""
    from jdbuilder.language.lexicon import builtin_lexicon

    return {k: v.title for k, v in (lexicon or builtin_lexicon()).categories.items()}


def plural(n: int, word: str, many: str = "") -> str:
    """ "1 document", "2 documents" (`many` for irregular plurals)."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def when(generated: str) -> str:
    """An ISO timestamp as people read it: "December 4, 2026, 14:05"."""
    try:
        t = dt.datetime.fromisoformat(generated)
    except ValueError:
        return generated
    return f"{t:%B} {t.day}, {t.year}, {t:%H:%M}"


def percent(value: float | None) -> str:
    return "\u2014" if value is None else f"{value * 100:.0f}%"


def summary_dict(p: Portfolio) -> dict[str, Any]:
    return {
        "documents": len(p.rows),
        "unreadable": len(p.unreadable),
        "words": p.words,
        "findings": p.findings,
        "by_severity": {str(s): p.by_severity.get(str(s), 0) for s in Severity.descending()},
        "by_category": dict(p.by_category.most_common()),
        "by_category_and_severity": {
            cat: {str(s): p.by_pair.get((cat, str(s)), 0) for s in Severity.descending()}
            for cat, _ in p.by_category.most_common()},
        "documents_without_findings": p.without_findings,
        "documents_with_duties": len(p.with_duties()),
        "documents_with_conflicting_duties": sum(1 for r in p.rows if r.conflicting),
        "suppressed": p.suppressed,
        "truncated_documents": p.truncated,
    }
