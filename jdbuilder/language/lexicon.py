"""Lexicons: one YAML file per category, validated at load and compiled to token patterns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from jdbuilder.datafile import load_yaml
from jdbuilder.datapaths import lexicons_dir
from jdbuilder.errors import ContentError
from jdbuilder.language import nlp
from jdbuilder.language.patterns import (
    PatternError,
    Variant,
    Vocabulary,
    compile_pattern,
    set_hyphen_hash,
)
from jdbuilder.schema import Field, validate

CATEGORIES = (
    "stigmatizing-label",
    "clinical-jargon",
    "diagnosis-as-identity",
    "ableist-metaphor",
    "addiction-stigma",
    "suicide-wording",
    "coercive-language",
    "peer-role-conflict",
)
SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}
PREFERENCES = ("person-first", "identity-first")

_TEXT = Field("text")
_TEXTS = Field("list", items=_TEXT, required=False)

ENTRY = {
    "id": Field("id"),
    "severity": Field("str", choices=frozenset(SEVERITIES)),
    "patterns": Field("list", items=_TEXT, min_items=1),
    "exceptions": _TEXTS,
    "not_followed_by": _TEXTS,
    "not_preceded_by": _TEXTS,
    "negatable": Field("bool", required=False),
    "agent_check": Field("bool", required=False),
    "case_sensitive": Field("bool", required=False),
    "suggestions": _TEXTS,
    "plural_suggestions": _TEXTS,
    "forms": Field("map", required=False, values=Field("str")),
    "why": _TEXT,
    "sources": Field("list", items=_TEXT, min_items=1),
    "contested": Field("bool", required=False),
    "prefer": Field("str", required=False, choices=frozenset(PREFERENCES)),
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
    severity: str
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
    examples_flag: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    file: str = ""


@dataclass(frozen=True)
class CategoryInfo:
    id: str
    title: str
    description: str


@dataclass
class Lexicon:
    rules: list[Rule]
    categories: dict[str, CategoryInfo]
    names: tuple[Variant, ...]
    index: dict[int, list[tuple[Rule, Variant]]]
    triggers: np.ndarray[Any, np.dtype[np.uint64]]
    # first-token hash -> (second-token hash -> variants), for variants with a fixed second
    # token; `index_any` holds the rest. Together they hold the same variants as `index`.
    index2: dict[int, dict[int, list[tuple[Rule, Variant]]]]
    index_any: dict[int, list[tuple[Rule, Variant]]]
    any_triggers: np.ndarray[Any, np.dtype[np.uint64]]  # first tokens of `index_any`
    pair_triggers: np.ndarray[Any, np.dtype[np.uint64]]  # pair_keys of `index2`
    name_index: dict[int, list[Variant]]
    number_heads: list[tuple[Rule, Variant]] = field(default_factory=list)
    hyphen: np.uint64 = field(default_factory=lambda: np.uint64(nlp.word_hash("-")))

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


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


def _load_rules(path: Path, vocab: Vocabulary, seen: dict[str, Path]) -> tuple[CategoryInfo,
                                                                             list[Rule]]:
    data = load_yaml(path)
    problems = validate(data, CATEGORY_FILE)
    if problems:
        p = problems[0]
        raise ContentError(path, p.reason, field=p.field, line=p.line)
    category = data["category"]
    info = CategoryInfo(category, data["title"], data["description"])
    rules: list[Rule] = []
    for item in data["entries"]:
        entry = item.get("id") if isinstance(item, Mapping) else None
        line = getattr(item, "line", None)
        problems = validate(item, ENTRY)
        if problems:
            p = problems[0]
            raise ContentError(path, p.reason, entry=entry, field=p.field, line=p.line or line)
        rid = item["id"]
        if rid in seen:
            raise ContentError(path, f"duplicate rule id (also in {seen[rid].name})", entry=rid,
                               field="id", line=line)
        seen[rid] = path
        if item.get("prefer") and not item.get("contested"):
            raise ContentError(path, "'prefer' is only for contested entries", entry=rid,
                               field="prefer", line=line)
        forms = {str(k).lower(): str(v) for k, v in (item.get("forms") or {}).items()}
        examples = item["examples"]
        rules.append(Rule(
            id=rid,
            category=category,
            severity=item["severity"],
            why=item["why"].strip(),
            sources=tuple(item["sources"]),
            suggestions=tuple(item.get("suggestions") or ()),
            plural_suggestions=tuple(item.get("plural_suggestions") or ()),
            forms=forms,
            contested=bool(item.get("contested")),
            prefer=item.get("prefer"),
            negatable=bool(item.get("negatable")),
            agent_check=bool(item.get("agent_check")),
            case_sensitive=bool(item.get("case_sensitive")),
            patterns=tuple(item["patterns"]),
            variants=_compile_all(item["patterns"], vocab, path, rid, "patterns", line),
            not_followed_by=_compile_all(item.get("not_followed_by") or (), vocab, path, rid,
                                         "not_followed_by", line),
            not_preceded_by=_compile_all(item.get("not_preceded_by") or (), vocab, path, rid,
                                         "not_preceded_by", line),
            exceptions=_compile_all(item.get("exceptions") or (), vocab, path, rid,
                                    "exceptions", line),
            examples_flag=tuple(examples.get("flag") or ()),
            examples_pass=tuple(examples.get("pass") or ()),
            file=path.name,
        ))
    return info, rules


def build_lexicon(folders: Sequence[Path], user_folders: Sequence[Path] = (),
                  problems: list[ContentError] | None = None) -> Lexicon:
    """Load and compile every category file in the folders (later folders add rules).

    `user_folders` (organisation and personal lexicons) are lenient: a broken file there is
    skipped and reported in `problems`, and everything else still loads.
    """
    report = problems if problems is not None else []
    every = [(f, True) for f in folders] + [(f, False) for f in user_folders if f.is_dir()]
    classes: dict[str, tuple[str, ...]] = {}
    for folder, strict in every:
        try:
            found_classes = _load_classes(folder)
        except ContentError as err:
            if strict:
                raise
            report.append(err)
            continue
        for name, words in found_classes.items():
            classes[name] = tuple(dict.fromkeys(classes.get(name, ()) + words))
    vocab = _vocab(classes)
    rules: list[Rule] = []
    categories: dict[str, CategoryInfo] = {}
    names: list[Variant] = []
    seen: dict[str, Path] = {}
    for folder, strict in every:
        try:
            names.extend(_load_names(folder, vocab))
        except ContentError as err:
            if strict:
                raise
            report.append(err)
        for path in sorted(folder.glob("*.yaml")):
            if path.name in ("classes.yaml", "names.yaml"):
                continue
            before = dict(seen)
            try:
                info, found = _load_rules(path, vocab, seen)
            except ContentError as err:
                if strict:
                    raise
                seen.clear()
                seen.update(before)
                report.append(err)
                continue
            categories.setdefault(info.id, info)
            rules.extend(found)
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
    triggers = np.array(sorted(index), dtype=np.uint64)
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
    return Lexicon(rules, categories, tuple(names), index, triggers, index2, index_any,
                   any_triggers, pair_triggers, name_index, number_heads)


_MIX = np.uint64(0x9E3779B97F4A7C15)


def pair_keys(first: np.ndarray[Any, np.dtype[np.uint64]],
              second: np.ndarray[Any, np.dtype[np.uint64]]) -> np.ndarray[Any, np.dtype[np.uint64]]:
    """One 64-bit key per (token, next token) pair, for a vectorised pre-check."""
    with np.errstate(over="ignore"):
        keys: np.ndarray[Any, np.dtype[np.uint64]] = (first * _MIX) ^ second
    return keys


def user_lexicon_dirs() -> list[Path]:
    """Organisation lexicons (`lexicons/` in the organisation library folder) and personal ones
    (`lexicons/` in the user-data folder): organisation terms added to the shipped rules."""
    from jdbuilder.library.loader import organisation_library_dir
    from jdbuilder.settings import load_settings
    from jdbuilder.userdata import user_data_dir

    settings, _ = load_settings()
    out = []
    org = organisation_library_dir(settings.organisation_library)
    if org is not None:
        out.append(org / "lexicons")
    out.append(user_data_dir() / "lexicons")
    return out


_PROBLEMS: list[ContentError] = []


@cache
def default_lexicon() -> Lexicon:
    """The shipped lexicons plus the organisation's and the user's, compiled once per process."""
    _PROBLEMS.clear()
    return build_lexicon([lexicons_dir()], user_lexicon_dirs(), _PROBLEMS)


def lexicon_problems() -> list[ContentError]:
    """Broken user lexicon files skipped when the lexicon was loaded."""
    default_lexicon()
    return list(_PROBLEMS)
