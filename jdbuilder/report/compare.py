"""Comparing a portfolio with an earlier report (`--since OLD_REPORT.json`): what improved and
what is new, per document and per phrase.

Documents are matched by their key (the path as collected, e.g. `jds/peer-specialist.docx`);
a document whose key is not in the earlier report is matched by file name when that name is
unique in both reports (a folder that moved or was given differently).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jdbuilder.errors import InputError

REPORT_FORMAT = "jdbuilder-report"
REPORT_VERSION = 1
MAX_REPORT_BYTES = 200 * 1024 * 1024

Entry = dict[str, Any]


@dataclass(frozen=True)
class Then:
    """One document as the earlier report saw it."""

    key: str
    name: str
    findings: int
    phrases: Counter[str]


@dataclass
class Earlier:
    path: Path
    generated: str
    documents: dict[str, Then]
    phrases: Counter[str]
    findings: int
    without_findings: int
    matched: set[str] = field(default_factory=set)
    _names: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key, then in self.documents.items():
            self._names[then.name] = None if then.name in self._names else key

    def match(self, key: str, name: str, names_now: Counter[str]) -> Then | None:
        if key in self.documents:
            return self.documents[key]
        by_name = self._names.get(name)
        if by_name is not None and names_now[name] == 1:
            return self.documents[by_name]
        return None

    def compare(self, entry: Entry, names_now: Counter[str]) -> Entry:
        """What changed in one document; recorded in its entry as "since"."""
        then = self.match(entry["key"], entry["name"], names_now)
        now = Counter({str(k): int(v) for k, v in entry["phrases"].items()})
        after = sum(entry["counts"].values())
        if then is None:
            return {"status": "new", "before": None, "after": after,
                    "resolved": {}, "added": dict(now.most_common())}
        self.matched.add(then.key)
        resolved = then.phrases - now
        added = now - then.phrases
        status = ("improved" if after < then.findings else "worse" if after > then.findings
                  else "changed" if resolved or added else "unchanged")
        return {"status": status, "before": then.findings, "after": after,
                "matched": then.key, "resolved": dict(resolved.most_common()),
                "added": dict(added.most_common())}


def _phrases(value: Any) -> Counter[str]:
    if not isinstance(value, dict):
        raise ValueError("a document's phrases are not a table of counts")
    return Counter({str(k): int(v) for k, v in value.items()})


def load_earlier(path: str | Path) -> Earlier:
    """Read an earlier report's JSON; raises `InputError` naming the file when it is not one."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise InputError(p, f"is too large to be a report ({size // (1024 * 1024)} MB)")
        data = json.loads(p.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise InputError(p, "file not found") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InputError(p, "is not a report's JSON file (invalid JSON)") from None
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        raise InputError(p, "is not a jdbuilder report (write one with "
                            "'jdbuilder report ... --format json')")
    if not isinstance(data.get("version"), int) or data["version"] > REPORT_VERSION:
        raise InputError(p, "was written by a newer jdbuilder; update jdbuilder to compare "
                            "with it")
    try:
        docs: dict[str, Then] = {}
        for d in data.get("documents") or []:
            then = Then(str(d["key"]), str(d["name"]), sum(int(v) for v in d["counts"].values()),
                        _phrases(d["phrases"]))
            docs[then.key] = then
        summary = data.get("summary") or {}
        phrases = Counter({str(x["phrase"]): int(x["count"]) for x in data.get("phrases") or []})
        return Earlier(p, str(data.get("generated", "")), docs, phrases,
                       int(summary.get("findings", sum(t.findings for t in docs.values()))),
                       int(summary.get("documents_without_findings", 0)))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(p, f"is a damaged report ({type(exc).__name__}: {exc})") from None


def _rows(counter: Counter[str], limit: int) -> list[Entry]:
    return [{"phrase": k, "count": v} for k, v in counter.most_common(limit)]


def portfolio_changes(earlier: Earlier, phrases_now: Counter[str], findings_now: int,
                      without_now: int, documents: list[Entry], limit: int = 50) -> Entry:
    """The portfolio's changes; `documents` are {key, name, status, before, after} rows."""
    gone = sorted(k for k in earlier.documents if k not in earlier.matched)
    by_status: dict[str, list[Entry]] = {}
    for d in documents:
        by_status.setdefault(d["status"], []).append(d)
    improved = sorted(by_status.get("improved", []), key=lambda d: d["after"] - d["before"])
    worse = sorted(by_status.get("worse", []), key=lambda d: d["before"] - d["after"])
    resolved = Counter({k: v for k, v in earlier.phrases.items() if k not in phrases_now})
    new = Counter({k: v for k, v in phrases_now.items() if k not in earlier.phrases})
    fewer = Counter({k: earlier.phrases[k] - v for k, v in phrases_now.items()
                     if k in earlier.phrases and v < earlier.phrases[k]})
    more = Counter({k: v - earlier.phrases[k] for k, v in phrases_now.items()
                    if k in earlier.phrases and v > earlier.phrases[k]})
    return {
        "since": str(earlier.path),
        "generated": earlier.generated,
        "findings": {"before": earlier.findings, "after": findings_now},
        "documents_without_findings": {"before": earlier.without_findings,
                                       "after": without_now},
        "documents": {
            "improved": improved, "worse": worse,
            "unchanged": len(by_status.get("unchanged", [])),
            "changed": len(by_status.get("changed", [])),  # same count, other phrases
            "new": [d["key"] for d in by_status.get("new", [])],
            "gone": gone,
        },
        "phrases": {
            "resolved": _rows(resolved, limit),
            "new": _rows(new, limit),
            "fewer": [{"phrase": k, "before": earlier.phrases[k],
                       "after": earlier.phrases[k] - v} for k, v in fewer.most_common(limit)],
            "more": [{"phrase": k, "before": earlier.phrases[k],
                      "after": earlier.phrases[k] + v} for k, v in more.most_common(limit)],
        },
    }
