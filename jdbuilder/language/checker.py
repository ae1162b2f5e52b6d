"""The language check: `check(text) -> list[Finding]`, offsets into the original text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from jdbuilder.language import context, nlp
from jdbuilder.language.lexicon import (
    SEVERITY_RANK,
    Lexicon,
    Rule,
    default_lexicon,
    pair_keys,
)
from jdbuilder.language.normalize import Normalized, normalize
from jdbuilder.language.patterns import Match, TokenView, Variant, match_variant
from jdbuilder.language.policy import Policy

MAX_FINDINGS = 5_000  # per text: keeps time and memory bounded on hostile input
MAX_CHECK_CHARS = 400_000  # longer texts are checked in pieces (spaCy's limit is 1,000,000)


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestions: tuple[str, ...]
    source: str
    contested: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "category": self.category, "severity": self.severity,
                "start": self.start, "end": self.end, "text": self.text,
                "message": self.message, "suggestions": list(self.suggestions),
                "source": self.source}


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)
    truncated: bool = False  # more than MAX_FINDINGS: the rest of the text was not reported

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out


def _any_match(variants: Iterable[Variant], view: TokenView, lo: int, hi: int,
               cond: Any) -> bool:
    for i in range(max(lo, 0), min(hi, view.n)):
        h = int(view.lowers[i])
        for v in variants:
            if h in v.first.hashes:
                m = match_variant(v, view, i)
                if m and cond(m):
                    return True
    return False


def _context_rejects(rule: Rule, m: Match, view: TokenView, norm: Normalized,
                     lex: Lexicon, quotes: list[tuple[int, int]]) -> bool:
    doc = view.doc
    if rule.case_sensitive:
        allowed = _exact_forms(rule)
        if any(doc[i].is_alpha and doc[i].text not in allowed
               for i in range(m.rep_start, m.rep_end)):
            return True
    if rule.not_followed_by and _any_match(rule.not_followed_by, view, m.end, m.end + 1,
                                           lambda x: True):
        return True
    if rule.not_preceded_by and _any_match(rule.not_preceded_by, view, m.start - 8, m.start,
                                           lambda x: x.end == m.start):
        return True
    if rule.exceptions and _any_match(rule.exceptions, view, m.rep_start - 10, m.rep_end,
                                      lambda x: x.start <= m.rep_start and x.end >= m.rep_end):
        return True
    if _any_match_names(lex, view, m):
        return True
    if context.in_capitalised_name(view, m):
        return True
    cs = doc[m.rep_start].idx
    ce = doc[m.rep_end - 1].idx + len(doc[m.rep_end - 1])
    if context.is_mention(view, m, cs, ce, quotes):
        return True
    if rule.negatable and context.is_negated(view, m):
        return True
    return rule.agent_check and context.someone_else_acts(view, m)


def _exact_forms(rule: Rule) -> frozenset[str]:
    """Case-exact words a case-sensitive rule accepts (acronyms)."""
    words = set()
    for pattern in rule.patterns:
        for tok in pattern.replace("[", " ").replace("]", " ").split():
            for alt in tok.rstrip("?").split("|"):
                words.add(alt.lstrip("="))
    return frozenset(words)


def _any_match_names(lex: Lexicon, view: TokenView, m: Match) -> bool:
    for i in range(max(m.rep_start - 8, 0), min(m.rep_end, view.n)):
        for v in lex.name_index.get(int(view.lowers[i]), ()):
            nm = match_variant(v, view, i)
            if nm and nm.start < m.rep_end and nm.end > m.rep_start:
                return True
    return False


def _is_plural(word: str) -> bool:
    w = word.lower()
    return w.endswith("s") and not w.endswith("ss") and nlp.lemma(w) != w


def _suggestions(rule: Rule, matched: str) -> tuple[str, ...]:
    low = " ".join(matched.lower().split())
    if low in rule.forms:
        return (rule.forms[low],)
    last = matched.split()[-1] if matched.split() else matched
    if rule.plural_suggestions and _is_plural(last.split("-")[-1]):
        return rule.plural_suggestions
    return rule.suggestions


def _active(rule: Rule, policy: Policy) -> bool:
    if not rule.contested:
        return True
    if rule.prefer:
        return policy.preference not in ("neutral", rule.prefer)
    return policy.show_contested


def _member(values: Any, sorted_keys: Any) -> Any:
    """Vectorised membership test against a sorted array (no per-call sort of the keys)."""
    if not len(sorted_keys):
        return np.zeros(len(values), dtype=bool)
    pos = np.searchsorted(sorted_keys, values)
    pos[pos == len(sorted_keys)] = 0
    return sorted_keys[pos] == values


def _raw_matches(view: TokenView, lex: Lexicon) -> list[tuple[Rule, Match]]:
    lowers = view.lowers
    if not len(lowers) or not len(lex.triggers):
        return []
    cand = np.flatnonzero(_member(lowers, lex.any_triggers))
    if len(lowers) > 1 and len(lex.pair_triggers):
        pairs = np.flatnonzero(_member(pair_keys(lowers[:-1], lowers[1:]), lex.pair_triggers))
        cand = np.union1d(cand, pairs)
        # a phrase joined by a hyphen ("substance-abuse"): pair the words across it
        hyphens = np.flatnonzero(lowers[1:-1] == lex.hyphen)
        if len(hyphens):
            keys = pair_keys(lowers[hyphens], lowers[hyphens + 2])
            cand = np.union1d(cand, hyphens[_member(keys, lex.pair_triggers)])
    numbers: set[int] = set()
    if lex.number_heads:
        positions = nlp.number_positions(view.doc)
        numbers = set(positions.tolist())
        cand = np.union1d(cand, positions)
    out: list[tuple[Rule, Match]] = []
    n = len(lowers)
    for i in cand.tolist():
        h = int(lowers[i])
        heads = list(lex.index_any.get(h, ()))
        by_second = lex.index2.get(h)
        if by_second and i + 1 < n:
            heads += by_second.get(int(lowers[i + 1]), ())
            if i + 2 < n and lowers[i + 1] == lex.hyphen:
                heads += by_second.get(int(lowers[i + 2]), ())
        if i in numbers:
            heads += lex.number_heads
        seen: set[str] = set()
        for rule, v in heads:
            if rule.id in seen:
                continue
            m = match_variant(v, view, i)
            if m is not None:
                out.append((rule, m))
                seen.add(rule.id)
    return out


def _check_doc(text: str, norm: Normalized, doc: Any, lex: Lexicon,
               policy: Policy) -> CheckReport:
    view = TokenView(doc, nlp.lower_hashes(doc))
    raw = _raw_matches(view, lex)
    report = CheckReport()
    if not raw:
        return report
    quotes = context.quoted_spans(norm.text)
    kept: dict[tuple[int, int], tuple[Rule, Match]] = {}
    for rule, m in raw:
        if len(kept) >= MAX_FINDINGS:
            report.truncated = True
            break
        if not _active(rule, policy):
            continue
        if _context_rejects(rule, m, view, norm, lex, quotes):
            continue
        key = (m.rep_start, m.rep_end)
        prev = kept.get(key)
        if prev is None or SEVERITY_RANK[rule.severity] > SEVERITY_RANK[prev[0].severity]:
            kept[key] = (rule, m)
    # Drop a finding wholly inside a longer one of the same rule.
    spans = sorted(kept.items(), key=lambda kv: (kv[0][0], -kv[0][1]))
    final: list[tuple[Rule, Match]] = []
    for (s, e), (rule, m) in spans:
        if any(r.id == rule.id and fm.rep_start <= s and e <= fm.rep_end for r, fm in final):
            continue
        final.append((rule, m))
    for rule, m in final:
        cs = doc[m.rep_start].idx
        ce = doc[m.rep_end - 1].idx + len(doc[m.rep_end - 1])
        start, end = norm.span(cs, ce)
        phrase = text[start:end]
        finding = Finding(
            rule=rule.id, category=rule.category, severity=rule.severity, start=start, end=end,
            text=phrase, message=rule.why, suggestions=_suggestions(rule, phrase),
            source="; ".join(rule.sources), contested=rule.contested,
        )
        reason = policy.allows(rule.id, phrase)
        if reason:
            report.suppressed.append((finding, reason))
        else:
            report.findings.append(finding)
    report.findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return report


def check_report(text: str, policy: Policy | None = None,
                 lexicon: Lexicon | None = None) -> CheckReport:
    """Check one text; returns findings and the findings the policy suppressed."""
    if not text:
        return CheckReport()
    lex = lexicon or default_lexicon()
    pol = policy or Policy()
    if len(text) > MAX_CHECK_CHARS:
        merged = CheckReport()
        for offset, part in _chunks(text, MAX_CHECK_CHARS):
            piece = _shifted(check_report(part, pol, lex), offset)
            merged.findings += piece.findings
            merged.suppressed += piece.suppressed
            if piece.truncated or len(merged.findings) >= MAX_FINDINGS:
                merged.findings = merged.findings[:MAX_FINDINGS]
                merged.truncated = True
                break
        return merged
    norm = normalize(text)
    return _check_doc(text, norm, nlp.tokenize(norm.text), lex, pol)


def check(text: str, policy: Policy | None = None) -> list[Finding]:
    """Findings for `text`, sorted by position; offsets are code points, end exclusive."""
    return check_report(text, policy).findings


def check_many(texts: Iterable[str], policy: Policy | None = None,
               batch_size: int = 256) -> Iterator[CheckReport]:
    """Check a batch of texts with the pipeline's batched tokenizer."""
    lex = default_lexicon()
    pol = policy or Policy()
    items = list(texts)
    norms = [normalize(t) for t in items]
    docs = nlp.tokenize_many((n.text for n in norms), batch_size=batch_size)
    for text, norm, doc in zip(items, norms, docs, strict=True):
        yield _check_doc(text, norm, doc, lex, pol) if text else CheckReport()


def _chunks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """Split very long text at line or sentence ends near `size` characters."""
    pos = 0
    while pos < len(text):
        end = min(pos + size, len(text))
        if end < len(text):
            cut = max(text.rfind("\n", pos, end), text.rfind(". ", pos, end))
            if cut <= pos + size // 2:
                cut = text.rfind(" ", pos, end)  # one very long line: cut between words
            if cut > pos + size // 2:
                end = cut + 1
        yield pos, text[pos:end]
        pos = end


def _shifted(report: CheckReport, offset: int) -> CheckReport:
    def move(f: Finding) -> Finding:
        return Finding(f.rule, f.category, f.severity, f.start + offset, f.end + offset, f.text,
                       f.message, f.suggestions, f.source, f.contested)

    return CheckReport([move(f) for f in report.findings],
                       [(move(f), r) for f, r in report.suppressed])


def _match_case(template: str, replacement: str) -> str:
    letters = [c for c in template if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and template.lstrip()[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def apply_suggestion(text: str, finding: Finding, suggestion: str | int = 0) -> str:
    """Replace the finding's words with a suggestion, keeping case and fixing a/an before it."""
    if isinstance(suggestion, int):
        if not finding.suggestions:
            raise ValueError(f"rule '{finding.rule}' offers no suggestion")
        suggestion = finding.suggestions[suggestion]
    if text[finding.start:finding.end] != finding.text:
        raise ValueError("the text has changed since it was checked")
    new = _match_case(finding.text, suggestion)
    before = text[:finding.start]
    stripped = before.rstrip()
    gap = before[len(stripped):]
    words = stripped.rsplit(None, 1)
    if words and words[-1].lower() in ("a", "an") and gap:
        article = "an" if new[:1].lower() in "aeiou" else "a"
        old = words[-1]
        article = article.capitalize() if old[:1].isupper() else article
        stripped = stripped[: len(stripped) - len(old)] + article
        before = stripped + gap
    return before + new + text[finding.end:]
