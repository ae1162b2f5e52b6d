"""Lexicons: one YAML file per category, validated at load and compiled to token patterns and
concepts.

`load_lexicon(sources)` loads the layers named by a `LexiconSources`: the built-in folder is
strict (a broken file raises `ContentError`); the organization and personal folders are lenient
(a bad entry is skipped and reported naming its file, entry and field; a broken classes or names
file is skipped and reported). Nothing here reads settings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from jdbuilder.datafile import load_yaml
from jdbuilder.errors import ContentError
from jdbuilder.language import nlp
from jdbuilder.language.concepts import ClauseMarks, Concept, ConceptIndex, compile_concept
from jdbuilder.language.patterns import (
    PatternError,
    Variant,
    Vocabulary,
    compile_pattern,
    set_hyphen_hash,
)
from jdbuilder.language.sources import LexiconSources
from jdbuilder.schema import Field, validate
from jdbuilder.vocab import Preference, Severity, values

CATEGORIES = (
    "stigmatizing-label",
    "clinical-jargon",
    "diagnosis-as-identity",
    "ableist-metaphor",
    "addiction-stigma",
    "suicide-wording",
    "coercive-language",
    "peer-role-conflict",
    "health-status-requirement",
)
# `prefer` names the preference an entry serves; "neutral" is not one.
PREFERS = tuple(p for p in values(Preference) if p != Preference.NEUTRAL)
CLAUSE_VERB_CLASS = "clause_verb"  # words that start a new duty inside a list of duties
DEFAULT_WINDOW = 8

_TEXT = Field("text")
_TEXTS = Field("list", items=_TEXT, required=False)

ENTRY = {
    "id": Field("id"),
    "severity": Field("str", choices=frozenset(values(Severity))),
    "patterns": Field("list", items=_TEXT, required=False),
    "concepts": _TEXTS,
    "window": Field("int", required=False,
                    check=lambda v: None if 1 <= v <= 30 else "must be between 1 and 30"),
    "exceptions": _TEXTS,
    "not_followed_by": _TEXTS,
    "not_preceded_by": _TEXTS,
    "not_with": _TEXTS,
    "only_with": _TEXTS,
    "or_at_start": Field("bool", required=False),
    "negatable": Field("bool", required=False),
    "agent_check": Field("bool", required=False),
    "others_people": Field("bool", required=False),
    "with_consent": Field("bool", required=False),
    "case_sensitive": Field("bool", required=False),
    "suggestions": _TEXTS,
    "plural_suggestions": _TEXTS,
    "before_noun": _TEXTS,
    "forms": Field("map", required=False, values=Field("str")),
    "peer_version": Field("text", required=False),
    "rewrites": _TEXTS,
    "why": _TEXT,
    "sources": Field("list", items=_TEXT, min_items=1),
    "contested": Field("bool", required=False),
    "prefer": Field("str", required=False, choices=frozenset(PREFERS)),
    "examples": Field("dict", schema={
        "flag": Field("list", items=_TEXT, min_items=1),
        "pass": Field("list", items=_TEXT, required=False),
    }),
}
CATEGORY_FILE = {
    "category": Field("str", choices=frozenset(CATEGORIES)),
    "title": _TEXT,
    "description": _TEXT,
    "entries": Field("list", items=Field("any"), min_items=1),
}


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: Severity
    why: str
    sources: tuple[str, ...]
    suggestions: tuple[str, ...]
    plural_suggestions: tuple[str, ...]
    forms: Mapping[str, str]
    contested: bool
    prefer: str | None
    negatable: bool
    agent_check: bool
    case_sensitive: bool
    patterns: tuple[str, ...]
    variants: tuple[Variant, ...] = field(repr=False)
    not_followed_by: tuple[Variant, ...] = field(repr=False)
    not_preceded_by: tuple[Variant, ...] = field(repr=False)
    exceptions: tuple[Variant, ...] = field(repr=False)
    concepts: tuple[Concept, ...] = field(default=(), repr=False)
    window: int = DEFAULT_WINDOW
    not_with: tuple[Variant, ...] = field(default=(), repr=False)
    only_with: tuple[Variant, ...] = field(default=(), repr=False)
    or_at_start: bool = False
    others_people: bool = False
    with_consent: bool = False  # fine when done at the person's request or with their consent
    peer_version: str = ""
    rewrites: tuple[str, ...] = ()
    before_noun: tuple[str, ...] = ()
    examples_flag: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    file: str = ""


@dataclass(frozen=True)
class CategoryInfo:
    id: str
    title: str
    description: str


# (words one of which must follow the head, how far after it, the variants that need them)
ProbeGroup = tuple[frozenset[int] | None, int, list[tuple[Rule, Variant]]]


def _groups(pairs: Iterable[tuple[Rule, Variant]]) -> list[ProbeGroup]:
    found: dict[tuple[frozenset[int] | None, int], list[tuple[Rule, Variant]]] = {}
    for rule, v in pairs:
        probe = v.probe
        key = (probe[0], probe[1]) if probe is not None else (None, 0)
        found.setdefault(key, []).append((rule, v))
    return [(hashes, reach, members) for (hashes, reach), members in found.items()]


@dataclass
class Lexicon:
    rules: list[Rule]
    categories: dict[str, CategoryInfo]
    # Candidate tests, vectorized over a text's lower-case hashes: the first word of a variant
    # whose second word is not fixed (`any_triggers`), and (first, second) pair keys otherwise.
    any_triggers: np.ndarray[Any, np.dtype[np.uint64]]
    pair_triggers: np.ndarray[Any, np.dtype[np.uint64]]
    # The variants behind each trigger, grouped by their quick-reject probe so a check tests
    # each distinct probe once per position: first hash -> groups; first -> second -> groups.
    any_groups: dict[int, list[ProbeGroup]]
    pair_groups: dict[int, dict[int, list[ProbeGroup]]]
    name_index: dict[int, list[Variant]]
    concepts: ConceptIndex
    # Variants that start with a number, what must follow a number for any of them to match,
    # and how far after it.
    number_groups: list[ProbeGroup] = field(default_factory=list)
    number_probe: np.ndarray[Any, np.dtype[np.uint64]] | None = None
    number_reach: int = 0
    hyphen: np.uint64 = field(default_factory=lambda: np.uint64(nlp.word_hash("-")))


@dataclass(frozen=True)
class LoadedLexicon:
    """A compiled lexicon and the problems met in the lenient (organization, personal) layers."""

    lexicon: Lexicon
    problems: tuple[ContentError, ...]


def _vocab(classes: Mapping[str, Sequence[str]]) -> Vocabulary:
    set_hyphen_hash(nlp.word_hash("-"))
    return Vocabulary(inflections=nlp.inflections, word_hash=nlp.word_hash,
                      pieces=nlp.pattern_pieces, classes=classes)


def _compile_all(patterns: Iterable[str], vocab: Vocabulary, path: Path, entry: str,
                 field_name: str, line: int | None) -> tuple[Variant, ...]:
    out: list[Variant] = []
    for i, pattern in enumerate(patterns, start=1):
        try:
            out.extend(compile_pattern(pattern, vocab))
        except PatternError as exc:
            raise ContentError(path, f"pattern '{pattern}': {exc}", entry=entry,
                               field=f"{field_name}[{i}]", line=line) from None
    return tuple(out)


def _compile_concepts(texts: Iterable[str], vocab: Vocabulary, path: Path, entry: str,
                      line: int | None) -> tuple[Concept, ...]:
    out: list[Concept] = []
    for i, text in enumerate(texts, start=1):
        try:
            out.append(compile_concept(text, vocab))
        except PatternError as exc:
            raise ContentError(path, f"concept '{text}': {exc}", entry=entry,
                               field=f"concepts[{i}]", line=line) from None
    return tuple(out)


def _load_classes(folder: Path) -> dict[str, tuple[str, ...]]:
    path = folder / "classes.yaml"
    if not path.exists():
        return {}
    data = load_yaml(path)
    classes = data.get("classes") if isinstance(data, Mapping) else None
    if not isinstance(classes, Mapping):
        raise ContentError(path, "expected a mapping 'classes: {name: [words]}'")
    out: dict[str, tuple[str, ...]] = {}
    for name, words in classes.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip()
                                                  for w in words):
            raise ContentError(path, "a class must be a list of words", entry=str(name),
                               line=getattr(classes, "line", None))
        out[str(name)] = tuple(w.strip() for w in words)
    return out


def _load_names(folder: Path, vocab: Vocabulary) -> tuple[Variant, ...]:
    path = folder / "names.yaml"
    if not path.exists():
        return ()
    data = load_yaml(path)
    names = data.get("names") if isinstance(data, Mapping) else None
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise ContentError(path, "expected 'names:' followed by a list of proper names")
    exact = [" ".join("=" + w for w in name.split()) for name in names]
    return _compile_all(exact, vocab, path, "names", "names", None)


def _rule(item: Mapping[str, Any], category: str, path: Path, vocab: Vocabulary,
          line: int | None) -> Rule:
    """One validated entry -> a compiled Rule; raises ContentError naming entry and field."""
    entry = item.get("id") if isinstance(item.get("id"), str) else None
    problems = validate(item, ENTRY)
    if problems:
        p = problems[0]
        raise ContentError(path, p.reason, entry=entry, field=p.field, line=p.line or line)
    rid = item["id"]
    if not item.get("patterns") and not item.get("concepts"):
        raise ContentError(path, "needs at least one pattern or concept", entry=rid,
                           field="patterns", line=line)
    for i, text in enumerate(item.get("before_noun") or (), start=1):
        if "{noun}" not in text:
            raise ContentError(path, "a before_noun suggestion must contain {noun}", entry=rid,
                               field=f"before_noun[{i}]", line=line)
    if item.get("prefer") and not item.get("contested"):
        raise ContentError(path, "'prefer' is only for contested entries", entry=rid,
                           field="prefer", line=line)
    forms = {str(k).lower(): str(v) for k, v in (item.get("forms") or {}).items()}
    examples = item["examples"]

    def variants(name: str) -> tuple[Variant, ...]:
        return _compile_all(item.get(name) or (), vocab, path, rid, name, line)

    return Rule(
        id=rid,
        category=category,
        severity=Severity(item["severity"]),
        why=" ".join(item["why"].split()),
        sources=tuple(item["sources"]),
        suggestions=tuple(item.get("suggestions") or ()),
        plural_suggestions=tuple(item.get("plural_suggestions") or ()),
        forms=forms,
        contested=bool(item.get("contested")),
        prefer=item.get("prefer"),
        negatable=bool(item.get("negatable")),
        agent_check=bool(item.get("agent_check")),
        case_sensitive=bool(item.get("case_sensitive")),
        patterns=tuple(item.get("patterns") or ()),
        variants=variants("patterns"),
        not_followed_by=variants("not_followed_by"),
        not_preceded_by=variants("not_preceded_by"),
        exceptions=variants("exceptions"),
        concepts=_compile_concepts(item.get("concepts") or (), vocab, path, rid, line),
        window=int(item.get("window") or DEFAULT_WINDOW),
        not_with=variants("not_with"),
        only_with=variants("only_with"),
        or_at_start=bool(item.get("or_at_start")),
        others_people=bool(item.get("others_people")),
        with_consent=bool(item.get("with_consent")),
        peer_version=" ".join(str(item.get("peer_version") or "").split()),
        rewrites=tuple(item.get("rewrites") or ()),
        before_noun=tuple(item.get("before_noun") or ()),
        examples_flag=tuple(examples.get("flag") or ()),
        examples_pass=tuple(examples.get("pass") or ()),
        file=path.name,
    )


def _load_rules(path: Path, vocab: Vocabulary, seen: dict[str, Path], strict: bool,
                problems: list[ContentError]) -> tuple[CategoryInfo, list[Rule]]:
    """A category file. Strict: the first problem raises. Lenient: a bad entry is reported and
    skipped, the rest of the file loads; a broken file header raises (the caller skips it)."""
    data = load_yaml(path)
    found = validate(data, CATEGORY_FILE)
    if found:
        p = found[0]
        raise ContentError(path, p.reason, field=p.field, line=p.line)
    category = data["category"]
    info = CategoryInfo(category, data["title"], data["description"])
    rules: list[Rule] = []
    for item in data["entries"]:
        line = getattr(item, "line", None)
        try:
            if not isinstance(item, Mapping):
                raise ContentError(path, "an entry must be a mapping", line=line)
            rule = _rule(item, category, path, vocab, line)
            if rule.id in seen:
                raise ContentError(path, f"duplicate rule id (also in {seen[rule.id].name})",
                                   entry=rule.id, field="id", line=line)
        except ContentError as err:
            if strict:
                raise
            problems.append(err)
            continue
        seen[rule.id] = path
        rules.append(rule)
    return info, rules


def load_lexicon(sources: LexiconSources) -> LoadedLexicon:
    """Load and compile the built-in layer, then the organization and personal layers over it.

    Layers add rules, word classes and names. The built-in layer must be valid; in the other
    layers one bad entry skips only that entry, and each skipped entry or file is reported.
    """
    problems: list[ContentError] = []
    layers = [(sources.builtin, True)] + [(p, False) for _, p in sources.user_layers()
                                          if p.is_dir()]
    classes: dict[str, tuple[str, ...]] = {}
    for folder, strict in layers:
        try:
            found_classes = _load_classes(folder)
        except ContentError as err:
            if strict:
                raise
            problems.append(err)
            continue
        for name, words in found_classes.items():
            classes[name] = tuple(dict.fromkeys(classes.get(name, ()) + words))
    vocab = _vocab(classes)
    rules: list[Rule] = []
    categories: dict[str, CategoryInfo] = {}
    names: list[Variant] = []
    seen: dict[str, Path] = {}
    for folder, strict in layers:
        try:
            names.extend(_load_names(folder, vocab))
        except ContentError as err:
            if strict:
                raise
            problems.append(err)
        for path in sorted(folder.glob("*.yaml")):
            if path.name in ("classes.yaml", "names.yaml"):
                continue
            try:
                info, found = _load_rules(path, vocab, seen, strict, problems)
            except ContentError as err:
                if strict:
                    raise
                problems.append(err)
                continue
            categories.setdefault(info.id, info)
            rules.extend(found)
    marks = ClauseMarks.build(vocab, classes.get(CLAUSE_VERB_CLASS, ()))
    return LoadedLexicon(_index(rules, categories, names, marks), tuple(problems))


def _index(rules: list[Rule], categories: dict[str, CategoryInfo], names: list[Variant],
           marks: ClauseMarks) -> Lexicon:
    index: dict[int, list[tuple[Rule, Variant]]] = {}
    number_heads: list[tuple[Rule, Variant]] = []
    for rule in rules:
        for v in rule.variants:
            for h in v.first.hashes:
                index.setdefault(h, []).append((rule, v))
            if v.first.number:
                number_heads.append((rule, v))
    name_index: dict[int, list[Variant]] = {}
    for v in names:
        for h in v.first.hashes:
            name_index.setdefault(h, []).append(v)
    # first-token hash -> (second-token hash -> variants), for variants with a fixed second
    # token; `index_any` holds the rest.
    index2: dict[int, dict[int, list[tuple[Rule, Variant]]]] = {}
    index_any: dict[int, list[tuple[Rule, Variant]]] = {}
    for h, pairs in index.items():
        for rule, v in pairs:
            second = v.second
            if second is None:
                index_any.setdefault(h, []).append((rule, v))
            else:
                by_second = index2.setdefault(h, {})
                for h2 in second:
                    by_second.setdefault(h2, []).append((rule, v))
    any_triggers = np.array(sorted(index_any), dtype=np.uint64)
    firsts = np.array([h1 for h1, seconds in index2.items() for _ in seconds], dtype=np.uint64)
    seconds = np.array([h2 for seconds in index2.values() for h2 in seconds], dtype=np.uint64)
    pair_triggers = np.unique(pair_keys(firsts, seconds))
    concept_index = ConceptIndex.build(
        [(rule, c, rule.window) for rule in rules for c in rule.concepts], marks)
    probes = [v.probe for _, v in number_heads]
    number_probe = None
    number_reach = 0
    if probes and all(p is not None for p in probes):
        number_probe = np.array(sorted(set().union(*(p[0] for p in probes if p))),
                                dtype=np.uint64)
        number_reach = max(p[1] for p in probes if p) + 1
    return Lexicon(
        rules, categories, any_triggers, pair_triggers,
        any_groups={h: _groups(p) for h, p in index_any.items()},
        pair_groups={h: {h2: _groups(p) for h2, p in by.items()} for h, by in index2.items()},
        name_index=name_index, concepts=concept_index, number_groups=_groups(number_heads),
        number_probe=number_probe, number_reach=number_reach)


_MIX = np.uint64(0x9E3779B97F4A7C15)


def pair_keys(first: np.ndarray[Any, np.dtype[np.uint64]],
              second: np.ndarray[Any, np.dtype[np.uint64]]) -> np.ndarray[Any, np.dtype[np.uint64]]:
    """One 64-bit key per (token, next token) pair, for a vectorized pre-check."""
    with np.errstate(over="ignore"):
        keys: np.ndarray[Any, np.dtype[np.uint64]] = (first * _MIX) ^ second
    return keys


@cache
def builtin_lexicon() -> Lexicon:
    """The shipped lexicons only, compiled once per process (no settings are read)."""
    return load_lexicon(LexiconSources.builtin_only()).lexicon
