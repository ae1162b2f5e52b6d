"""The language check: `check(text) -> list[Finding]`, offsets into the original text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from jdbuilder.language import context, nlp
from jdbuilder.language.concepts import Membership, clause_ids, member
from jdbuilder.language.lexicon import Lexicon, Rule, builtin_lexicon, pair_keys
from jdbuilder.language.normalize import Normalized, normalize
from jdbuilder.language.patterns import Match, TokenView, Variant, match_variant
from jdbuilder.language.policy import Policy
from jdbuilder.vocab import Preference, Severity

MAX_FINDINGS = 5_000  # per text: keeps time and memory bounded on hostile input
MAX_CHECK_CHARS = 400_000  # longer texts are checked in pieces (spaCy's limit is 1,000,000)


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    suggestions: tuple[str, ...]
    source: str
    contested: bool = False
    # What a peer version of a duty does instead (duty rules only).
    peer_version: str = ""
    # The part of the text a suggestion replaces, when it is more than [start, end): a
    # duty's rewrites replace the whole duty so the sentence still reads well.
    replace: tuple[int, int] | None = None
    # Other rules that found the same words or the same duty (one finding per idea).
    also: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule, "category": self.category, "severity": str(self.severity),
            "start": self.start, "end": self.end, "text": self.text, "message": self.message,
            "suggestions": list(self.suggestions), "source": self.source}
        if self.peer_version:
            out["peer_version"] = self.peer_version
        if self.replace is not None:
            out["replace"] = list(self.replace)
        if self.also:
            out["also"] = list(self.also)
        return out

    def moved(self, offset: int) -> Finding:
        replace = None if self.replace is None else (self.replace[0] + offset,
                                                     self.replace[1] + offset)
        return Finding(self.rule, self.category, self.severity, self.start + offset,
                       self.end + offset, self.text, self.message, self.suggestions,
                       self.source, self.contested, self.peer_version, replace, self.also)


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)
    truncated: bool = False  # more than MAX_FINDINGS: the rest of the text was not reported


class _Doc:
    """One tokenized text and the per-text arrays context rules share (built when first used)."""

    def __init__(self, text: str, norm: Normalized, doc: Any, lex: Lexicon) -> None:
        self.text = text
        self.norm = norm
        self.doc = doc
        self.lex = lex
        self.view = TokenView(doc, nlp.lower_hashes(doc))
        self.member = Membership(self.view.lowers)
        self._clauses: Any = None
        self._sentences: Any = None
        self._verbs: Any = None
        self._quotes: dict[int, list[tuple[int, int]]] = {}

    @property
    def clauses(self) -> Any:
        if self._clauses is None:
            self._clauses = clause_ids(self.view.lowers, self.lex.concepts.marks, self.member)
        return self._clauses

    def is_verb(self, i: int) -> bool:
        """Token i starts a duty (a clause verb)."""
        if self._verbs is None:
            self._verbs = self.member(self.lex.concepts.marks.verb)
        return bool(self._verbs[i])

    @property
    def sentences(self) -> Any:
        """A sentence (or list item) number per token."""
        if self._sentences is None:
            hard = self.member(self.lex.concepts.marks.hard)
            start = hard.copy()
            start[1:] |= hard[:-1]
            self._sentences = np.cumsum(start)
        return self._sentences

    def quotes(self, char_start: int) -> list[tuple[int, int]]:
        """Quoted spans on the line of `char_start` (a quotation never crosses a line end, so
        searching the line finds exactly the spans a search of the whole text would)."""
        text = self.norm.text
        lo = text.rfind("\n", 0, char_start) + 1
        found = self._quotes.get(lo)
        if found is None:
            hi = text.find("\n", char_start)
            found = context.quoted_spans(text, lo, len(text) if hi < 0 else hi)
            self._quotes[lo] = found
        return found

    def bounds(self, ids: Any, i: int) -> tuple[int, int]:
        """[start, end) of the run of tokens sharing token i's id."""
        value = ids[i]
        lo = int(np.searchsorted(ids, value, side="left"))
        hi = int(np.searchsorted(ids, value, side="right"))
        return lo, hi


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


def _context_rejects(rule: Rule, m: Match, d: _Doc) -> bool:
    view = d.view
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
    if rule.not_with:
        lo, hi = d.bounds(d.clauses, m.start)
        if _any_match(rule.not_with, view, max(lo, m.start - 10), min(hi, m.end + 10),
                      lambda x: x.end <= hi and not _beside_staff(view, x)):
            return True
    if rule.only_with:
        lo, hi = d.bounds(d.sentences, m.start)
        at_start = rule.or_at_start and context.starts_sentence(view, lo, m.start)
        if not at_start and not _any_match(rule.only_with, view, lo, hi,
                                           lambda x: x.end <= hi):
            return True
    if _any_match_names(d.lex, view, m):
        return True
    if context.in_capitalized_name(view, m):
        return True
    cs = doc[m.rep_start].idx
    ce = doc[m.rep_end - 1].idx + len(doc[m.rep_end - 1])
    if context.is_mention(view, m, cs, ce, d.quotes(cs)):
        return True
    if context.contrasted(view, m):
        return True
    if rule.others_people and context.others_people(view, m, d.bounds(d.sentences, m.start)[0]):
        return True
    if rule.with_consent and context.consented(view, *d.bounds(d.sentences, m.start)):
        return True
    if rule.negatable:
        if context.is_negated(view, m):
            return True
        lo, hi = d.bounds(d.sentences, m.start)
        if context.criticised(view, lo, hi):
            return True
    return rule.agent_check and context.someone_else_acts(view, m, d.is_verb)


def _beside_staff(view: TokenView, x: Match) -> bool:
    """A not_with match that is only a modifier, or whose people are not the point, does not
    clear a duty: "their individual therapists", "for community members" (the match modifies
    the noun after it), "alerts staff to residents" (the staff are told about the people)."""
    after = view.text(x.end) if x.end < view.n else ""
    before = view.text(x.start - 1) if x.start > 0 else ""
    told = view.text(x.start) == "to" and (before in context.STAFF or before == "staff")
    modifier = view.text(x.end - 1) not in context.PREPOSITIONS and (
        after in context.STAFF or after in context.PERSONS)
    return modifier or told


def _one_per_duty(found: list[_Hit], d: _Doc) -> list[_Hit]:
    """Findings of duty rules (rules with whole-duty rewrites) of one category inside one
    clause become one finding over their joint span ("room checks, head counts, and property
    searches"); the most severe rule, then the one with the longest match, speaks for it, and
    the others are listed in `also`."""
    if sum(1 for h in found if h.rule.rewrites) < 2:
        return found
    groups: dict[tuple[str, int], list[_Hit]] = {}
    out: list[_Hit] = []
    for hit in found:
        if hit.rule.rewrites:  # a duty rule: its finding is about a clause, not a word
            key = (hit.rule.category, int(d.clauses[hit.m.rep_start]))
            groups.setdefault(key, []).append(hit)
        else:
            out.append(hit)
    for members in groups.values():
        members.sort(key=lambda h: (-h.rule.severity.rank, -(h.m.rep_end - h.m.rep_start),
                                    h.m.rep_start))
        head = members[0]
        if len(members) > 1:
            start = min(h.m.rep_start for h in members)
            end = max(h.m.rep_end for h in members)
            m = Match(min(head.m.start, start), max(head.m.end, end), start, end)
            also = set().union(*({h.rule.id} | h.also for h in members))
            head = _Hit(head.rule, m, also)
        out.append(head)
    return out


def _exact_forms(rule: Rule) -> frozenset[str]:
    """Case-exact words a case-sensitive rule accepts (acronyms)."""
    words = set()
    for pattern in rule.patterns + tuple(c.text for c in rule.concepts):
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


def _phrase_suggestions(rule: Rule, matched: str) -> tuple[str, ...]:
    low = " ".join(matched.lower().split())
    if low in rule.forms:
        return (rule.forms[low],)
    last = matched.split()[-1] if matched.split() else matched
    if rule.plural_suggestions and _is_plural(last.split("-")[-1]):
        return rule.plural_suggestions
    return rule.suggestions


_LEADING = frozenset({",", "and", "or", "then", "&", "-", "*", "\u2022", "(", '"', "'"})
_TRAILING = frozenset({",", ".", ";", ":", "!", "?", ")", '"', "'", "-", "\u2014", "\u2013"})
_BASE_BEFORE = frozenset({"to", "will", "would", "shall", "should", "must", "may", "might",
                          "can", "could", "not", "n't", "never", "also", "help", "helps",
                          "and", "or"})
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"})
_GERUND_BEFORE = frozenset({"for", "of", "in", "with", "by", "about", "around", "including",
                            "include", "includes", "involve", "involves", "without", "from",
                            "as", "like", "on", "after", "before", "while", "when"})


def _duty_span(d: _Doc, m: Match) -> tuple[int, int]:
    """Token span of the whole duty around a match: its clause, from the verb that governs
    the match (or the clause start) to the clause end."""
    view = d.view
    marks = d.lex.concepts.marks
    lo, hi = d.bounds(d.clauses, m.start)
    while lo < m.start and (view.text(lo) in _LEADING or view.text(lo).isspace()
                            or (view.like_num(lo) and view.text(lo + 1) in (".", ")"))):
        lo += 1
    while hi > m.end and (view.text(hi - 1) in _TRAILING or view.text(hi - 1).isspace()):
        hi -= 1
    start = m.start
    verbs = d.member(marks.verb)[lo:m.start + 1]
    before = view.text(m.start - 1) if m.start > lo else ""
    if not verbs[-1] and before not in _GERUND_BEFORE and before not in _BASE_BEFORE:
        back = [k for k in range(len(verbs) - 1) if verbs[k]]
        start = lo + back[-1] if back and lo + back[-1] >= m.start - 4 else lo
    return start, max(hi, m.end)


def _verb_shape(d: _Doc, start: int, lo: int) -> str:
    """How the duty's first word reads: "s" (Administers), "base" (Administer, to administer)
    or "ing" (administering)."""
    view = d.view
    word = view.text(start)
    prev = view.text(start - 1) if start > lo else ""
    if prev in _BASE_BEFORE:
        return "base"
    if word.endswith("ing") and nlp.lemma(word) != word:
        return "ing"
    if prev in _GERUND_BEFORE:
        return "ing"
    if start == lo and nlp.lemma(word) == word and bool(
            d.is_verb(start)):
        return "base"
    return "s"


def _rewrite(template: str, shape: str) -> str:
    first, _, rest = template.partition(" ")
    word = nlp.verb_form(first, shape) if shape != "s" else first
    return f"{word} {rest}" if rest else word


_PLACEHOLDER = re.compile(r"\{(-?\d+)(:?)\}")


def _fill(template: str, words: list[str]) -> str:
    """`{1}`, `{2}`, `{-1}` in a suggestion stand for words of the matched text; `{2:}` for
    the second word to the last."""
    def word(found: re.Match[str]) -> str:
        k = int(found.group(1))
        index = k - 1 if k > 0 else k
        if found.group(2):
            return " ".join(words[index:])
        return words[index] if -len(words) <= index < len(words) else ""

    return " ".join(_PLACEHOLDER.sub(word, template).split())


def _suggest(rule: Rule, m: Match, d: _Doc, phrase: str
             ) -> tuple[tuple[str, ...], tuple[int, int] | None]:
    """Suggestions and the character span they replace (None: the finding's own words)."""
    view = d.view
    doc = view.doc
    nxt = m.rep_end
    if rule.before_noun and nxt < view.n and view.text(nxt) in context.PERSONS:
        # a label right before the people it names: "mentally ill adults" -> "adults living
        # with ..."
        noun = doc[nxt].text
        cs = doc[m.rep_start].idx
        start, end = d.norm.span(cs, doc[nxt].idx + len(doc[nxt]))
        return tuple(t.replace("{noun}", noun) for t in rule.before_noun), (start, end)
    phrase_level = tuple(_fill(t, phrase.split()) for t in _phrase_suggestions(rule, phrase))
    if phrase_level or not rule.rewrites:
        return phrase_level, None
    start, end = _duty_span(d, m)
    lo = d.bounds(d.clauses, m.start)[0]
    while lo < start and (view.text(lo) in _LEADING or view.text(lo).isspace()):
        lo += 1
    if start > lo and view.text(start - 1) in _COPULAS:
        start = lo  # a passive duty ("medications are administered by ..."): the whole clause
    if not all(_is_s_verb(r.split()[0]) for r in rule.rewrites):
        # a qualification written as a noun phrase ("Lived experience of recovery ...")
        # replaces the whole clause, as it stands
        cs, ce = d.norm.span(doc[lo].idx, doc[end - 1].idx + len(doc[end - 1]))
        return rule.rewrites, (cs, ce)
    shape = _verb_shape(d, start, lo)
    cs, ce = d.norm.span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    return tuple(_rewrite(r, shape) for r in rule.rewrites), (cs, ce)


def _is_s_verb(word: str) -> bool:
    """A third-person verb form ("Supports", "Offers"), as rewrites of duties start."""
    low = word.lower()
    return low.endswith("s") and not low.endswith("ss") and nlp.lemma(low) != low


def _active(rule: Rule, policy: Policy) -> bool:
    if not rule.contested:
        return True
    if rule.prefer:
        return policy.preference not in (Preference.NEUTRAL, rule.prefer)
    return policy.show_contested


def _raw_matches(view: TokenView, lex: Lexicon,
                 test: Membership | None = None) -> list[tuple[Rule, Match]]:
    lowers = view.lowers
    test = test or Membership(lowers)
    if not len(lowers) or not (len(lex.any_triggers) or len(lex.pair_triggers)
                               or lex.number_groups):
        return []
    cand = np.flatnonzero(test(lex.any_triggers))
    if len(lowers) > 1 and len(lex.pair_triggers):
        pairs = np.flatnonzero(member(pair_keys(lowers[:-1], lowers[1:]), lex.pair_triggers))
        cand = np.union1d(cand, pairs)
        # a phrase joined by a hyphen ("substance-abuse"): pair the words across it
        hyphens = np.flatnonzero(lowers[1:-1] == lex.hyphen)
        if len(hyphens):
            keys = pair_keys(lowers[hyphens], lowers[hyphens + 2])
            cand = np.union1d(cand, hyphens[member(keys, lex.pair_triggers)])
    numbers: set[int] = set()
    if lex.number_groups:
        positions = nlp.number_positions(view.doc)
        if lex.number_probe is not None and len(positions):
            # keep a number only where a word some pattern needs after it follows closely
            near = test(lex.number_probe)
            reach = lex.number_reach
            positions = positions[[bool(near[p + 1:p + 1 + reach].any()) for p in positions]]
        numbers = set(positions.tolist())
        cand = np.union1d(cand, positions)
    out: list[tuple[Rule, Match]] = []
    n = len(lowers)
    ints = view.ints
    hyphen = int(lex.hyphen)
    for i in cand.tolist():
        h = ints[i]
        groups = list(lex.any_groups.get(h, ()))
        by_second = lex.pair_groups.get(h)
        if by_second and i + 1 < n:
            groups += by_second.get(ints[i + 1], ())
            if i + 2 < n and ints[i + 1] == hyphen:
                groups += by_second.get(ints[i + 2], ())
        if i in numbers:
            groups += lex.number_groups
        seen: set[str] = set()
        for probe, reach, members in groups:
            # quick reject, once per group: a word the variants need must follow closely
            if probe is not None and probe.isdisjoint(ints[i + 1:i + 2 + reach]):
                continue
            for rule, v in members:
                if rule.id in seen:
                    continue
                m = match_variant(v, view, i)
                if m is not None:
                    out.append((rule, m))
                    seen.add(rule.id)
    return out


@dataclass
class _Hit:
    """A match that passed its context rules, and the other rules that found the same idea."""

    rule: Rule
    m: Match
    also: set[str] = field(default_factory=set)


def _check_doc(text: str, norm: Normalized, doc: Any, lex: Lexicon,
               policy: Policy) -> CheckReport:
    d = _Doc(text, norm, doc, lex)
    raw = _raw_matches(d.view, lex, d.member)
    n_patterns = len(raw)
    if lex.concepts.entries and len(d.view.lowers):
        raw += lex.concepts.scan(d.view, d.clauses, d.member)
    report = CheckReport()
    if not raw:
        return report
    kept: dict[tuple[int, int], _Hit] = {}
    concept_hits: list[_Hit] = []
    for k, (rule, m) in enumerate(raw):
        if len(kept) + len(concept_hits) >= MAX_FINDINGS:
            report.truncated = True
            break
        if not _active(rule, policy) or _context_rejects(rule, m, d):
            continue
        reason = policy.allows(rule.id, _phrase(d, m))
        if reason:  # suppressed findings are reported one by one, never merged away
            report.suppressed.append((_finding(d, _Hit(rule, m)), reason))
            continue
        if k >= n_patterns:
            concept_hits.append(_Hit(rule, m))
            continue
        key = (m.rep_start, m.rep_end)
        prev = kept.get(key)
        if prev is None or rule.severity.rank > prev.rule.severity.rank:
            hit = _Hit(rule, m)
            if prev is not None:
                hit.also |= {prev.rule.id} | prev.also
            kept[key] = hit
        elif rule.id != prev.rule.id:
            prev.also.add(rule.id)
    # Drop a finding wholly inside a longer one of the same rule.
    final: list[_Hit] = []
    for (s, e), hit in sorted(kept.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        if any(f.rule.id == hit.rule.id and f.m.rep_start <= s and e <= f.m.rep_end
               for f in final):
            continue
        final.append(hit)
    # A concept match adds a finding only where no finding of its category stands: one
    # finding per idea, the most severe and then the longest concept first.
    concept_hits.sort(key=lambda h: (-h.rule.severity.rank, -(h.m.rep_end - h.m.rep_start),
                                     h.m.rep_start))
    for hit in concept_hits:
        same = [f for f in final if f.rule.category == hit.rule.category
                and f.m.rep_start < hit.m.rep_end and hit.m.rep_start < f.m.rep_end]
        if same:
            head = same[0]
            if hit.rule.id != head.rule.id:
                head.also.add(hit.rule.id)
            if head.rule.rewrites and hit.rule.rewrites and (
                    hit.m.rep_start < head.m.rep_start or hit.m.rep_end > head.m.rep_end):
                # the same duty in more words ("handles UAs, searches ..."): one finding
                # over both, so every part of the duty is shown
                head.m = Match(min(head.m.start, hit.m.start), max(head.m.end, hit.m.end),
                               min(head.m.rep_start, hit.m.rep_start),
                               max(head.m.rep_end, hit.m.rep_end))
            continue
        final.append(hit)
    for hit in _one_per_duty(final, d):
        report.findings.append(_finding(d, hit))
    report.findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return report


def _phrase(d: _Doc, m: Match) -> str:
    doc = d.view.doc
    start, end = d.norm.span(doc[m.rep_start].idx, doc[m.rep_end - 1].idx + len(doc[m.rep_end - 1]))
    return d.text[start:end]


def _finding(d: _Doc, hit: _Hit) -> Finding:
    rule, m = hit.rule, hit.m
    doc = d.view.doc
    start, end = d.norm.span(doc[m.rep_start].idx, doc[m.rep_end - 1].idx + len(doc[m.rep_end - 1]))
    phrase = d.text[start:end]
    suggestions, replace = _suggest(rule, m, d, phrase)
    message = rule.why + (f" A peer version: {rule.peer_version}" if rule.peer_version else "")
    return Finding(
        rule=rule.id, category=rule.category, severity=rule.severity, start=start, end=end,
        text=phrase, message=message, suggestions=suggestions,
        source="; ".join(rule.sources), contested=rule.contested,
        peer_version=rule.peer_version, replace=replace,
        also=tuple(sorted(hit.also - {rule.id})),
    )


def check_report(text: str, policy: Policy | None = None,
                 lexicon: Lexicon | None = None) -> CheckReport:
    """Check one text; returns findings and the findings the policy suppressed.

    `lexicon` is the compiled lexicon to use (`load_lexicon(sources).lexicon`); None means the
    built-in lexicon only.
    """
    if not text:
        return CheckReport()
    lex = lexicon if lexicon is not None else builtin_lexicon()
    pol = policy or Policy()
    if len(text) > MAX_CHECK_CHARS:
        merged = CheckReport()
        for offset, part in _chunks(text, MAX_CHECK_CHARS):
            piece = check_report(part, pol, lex)
            merged.findings += [f.moved(offset) for f in piece.findings]
            merged.suppressed += [(f.moved(offset), r) for f, r in piece.suppressed]
            if piece.truncated or len(merged.findings) >= MAX_FINDINGS:
                merged.findings = merged.findings[:MAX_FINDINGS]
                merged.truncated = True
                break
        return merged
    norm = normalize(text)
    return _check_doc(text, norm, nlp.tokenize(norm.text), lex, pol)


def check(text: str, policy: Policy | None = None,
          lexicon: Lexicon | None = None) -> list[Finding]:
    """Findings for `text`, sorted by position; offsets are code points, end exclusive."""
    return check_report(text, policy, lexicon).findings


def check_many(texts: Iterable[str], policy: Policy | None = None,
               lexicon: Lexicon | None = None, batch_size: int = 256) -> Iterator[CheckReport]:
    """Check a batch of texts with the pipeline's batched tokenizer."""
    lex = lexicon if lexicon is not None else builtin_lexicon()
    pol = policy or Policy()
    items = list(texts)
    norms = [normalize(t) for t in items]
    docs = nlp.tokenize_many((n.text for n in norms), batch_size=batch_size)
    for text, norm, doc in zip(items, norms, docs, strict=True):
        if not text:
            yield CheckReport()
        elif len(text) > MAX_CHECK_CHARS:
            yield check_report(text, pol, lex)
        else:
            yield _check_doc(text, norm, doc, lex, pol)


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


def _match_case(template: str, replacement: str) -> str:
    letters = [c for c in template if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()  # words in capitals
    first = template.split()[0] if template.split() else ""
    if len(first) > 1 and first.isupper():
        return replacement  # an acronym ("PTSD clients") says nothing about sentence case
    if letters and template.lstrip()[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def apply_suggestion(text: str, finding: Finding, suggestion: str | int = 0) -> str:
    """Replace the finding's words (or, for a duty, the whole duty) with a suggestion, keeping
    case and fixing a/an before it."""
    if isinstance(suggestion, int):
        if not finding.suggestions:
            raise ValueError(f"rule '{finding.rule}' offers no suggestion")
        suggestion = finding.suggestions[suggestion]
    if text[finding.start:finding.end] != finding.text:
        raise ValueError("the text has changed since it was checked")
    start, end = finding.replace or (finding.start, finding.end)
    new = _match_case(text[start:end], suggestion)
    before = text[:start]
    stripped = before.rstrip()
    gap = before[len(stripped):]
    words = stripped.rsplit(None, 1)
    if words and words[-1].lower() in ("a", "an") and gap:
        article = "an" if new[:1].lower() in "aeiou" else "a"
        old = words[-1]
        article = article.capitalize() if old[:1].isupper() else article
        stripped = stripped[: len(stripped) - len(old)] + article
        before = stripped + gap
    return before + new + text[end:]
