"""The pre-offer question checker: `check_question(text, *, context, facts) -> QuestionVerdict`.

Rules are data (`resources/interview/rules.yaml`, format in `docs/CONTENT-FORMAT.md`). The
engine adds the judgments the rules brief describes:

- *whose* health or status a word concerns: the candidate's (you, your; in a reference check
  he, she, the candidate), or the people served;
- reported speech in scenarios ("a participant asks what medication worked for you"), job
  knowledge ("what do you know about ..."), explicit non-asks ("without telling us ...");
- use versus content of lived experience;
- what comes before a question: a disclosure lead-in ("You said you're in recovery. How long
  has it been?"), the question a probe follows, a stated requirement of the posting.

Text is read in a canonical form (curly quotes, contractions, hyphens and filler words such as
"still", "ever", "really" normalized) so that two wordings of one question get one verdict.
Only the first `MAX_CHARS` characters of a question (and of its context) are read, and every
pattern is bounded, so the time taken grows linearly with the input.
"""

from __future__ import annotations

import importlib
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jdbuilder.datafile import load_yaml
from jdbuilder.datapaths import resource
from jdbuilder.errors import ContentError
from jdbuilder.schema import Field, validate
from jdbuilder.vocab import Verdict, values

MAX_CHARS = 2_000
"""Characters of a question (and, separately, of its context) that are read."""

BLANK = "________"
"""What a rewrite shows where the project lacks a fact."""

FACT_KEYS: Mapping[str, str] = MappingProxyType({
    "hours": "weekly hours, for example '30 hours per week'",
    "schedule": "days and times, for example 'weekdays 9 to 5 with one evening group a week'",
    "travel": "travel the job involves, for example 'driving to home visits across the county'",
    "essential_functions": "the essential functions, for example 'leading peer groups, meeting "
                           "people one to one and keeping contact notes'",
    "setting": "where the work happens, for example 'an inpatient unit and the community'",
    "location": "the town or address of the workplace",
    "languages": "language skills the job needs, for example 'fluency in Spanish'",
    "physical_requirements": "physical demands, for example 'standing at outreach events for "
                             "two hours'",
    "minimum_age": "a legal minimum age for the job, as a number, for example '18'",
})
"""The facts a rewrite may use, with what each holds. Callers take them from the open
project's job description; a missing or empty fact is shown as `BLANK`."""

VERDICTS = values(Verdict)
LAWS: Mapping[str, str] = MappingProxyType({
    "ada": "ADA: asking is itself the violation before a conditional offer",
    "gina": "GINA: asking for genetic information, including family medical history, is itself "
            "the violation",
    "title-vii": "Title VII and related laws: the question is evidence of discrimination and "
                 "has no job purpose",
    "pregnancy": "Title VII as amended by the Pregnancy Discrimination Act, and the Pregnant "
                 "Workers Fairness Act: the question is evidence of sex discrimination, and a "
                 "need for a pregnancy accommodation may not count against the candidate",
    "adea": "Age Discrimination in Employment Act and state law: the question is evidence of "
            "age discrimination and has no job purpose",
    "fair-chance": "Jurisdiction-dependent: fair-chance and arrest-record laws vary by state "
                   "and city",
    "practice": "Good practice: a proxy for a protected characteristic, or a form with "
                "conditions attached",
    "retaliation": "Anti-retaliation provisions of Title VII, the ADA and the ADEA: a "
                   "question about protected activity is evidence of retaliation",
    "pay-history": "State and city pay-history laws: many bar the question outright, and "
                   "elsewhere it carries past pay gaps into the offer",
    "userra": "USERRA: service in the Guard, the Reserves or the armed forces, and the "
              "obligation to serve, may not count against a candidate",
})
LIVED_EXPERIENCE_NOTE = (
    "Let the candidate choose what to share. Do not follow up on diagnosis, medication, "
    "hospital stays, treatment or time in recovery, and record no health details in notes."
)
_GENERIC_USE_REASON = (
    "Asking how the candidate would use their lived experience is fine, but this wording names "
    "a condition or service, which presumes a disclosure. Keep the question general."
)
_PROTECTED_LAWS = frozenset({"ada", "gina", "pregnancy"})

_TOPIC = {"pattern": Field("text"), "across_sentences": Field("bool", required=False)}
_ALLOW = {"pattern": Field("text"), "scope": Field("str", choices=frozenset({"sentence",
                                                                              "span"}))}
_REWRITE = {
    "text": Field("text"),
    "purpose": Field("text"),
    "when": Field("list", items=Field("text"), required=False, min_items=1),
}
_USE_FRAME_SCHEMA = {
    "verdict": Field("str", choices=frozenset({"ok", "caution"})),
    "note": Field("text", required=False),
}
RULE_SCHEMA = {
    "id": Field("id"),
    "verdict": Field("str", choices=frozenset({"caution", "not_allowed"})),
    "law": Field("str", choices=frozenset(LAWS)),
    "about": Field("str", choices=frozenset({"applicant", "any"})),
    "topics": Field("list", items=Field("any"), min_items=1),
    "allow": Field("list", items=Field("any"), required=False),
    "reason": Field("text"),
    "rewrites": Field("list", items=Field("dict", schema=_REWRITE), min_items=1),
    "source": Field("text"),
    "note": Field("str", required=False),
    "use_frame": Field("dict", schema=_USE_FRAME_SCHEMA, required=False),
    "lead_in": Field("bool", required=False),
    "follow_up": Field("bool", required=False),
    "overrides": Field("list", items=Field("id"), required=False),
    "fallback": Field("bool", required=False),
}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


# --- rules -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Topic:
    pattern: re.Pattern[str]
    across_sentences: bool = False
    factors: tuple[str, ...] | None = None  # one of these must be in a text the pattern matches
    key: int = field(default_factory=lambda: next(_TOPIC_KEYS), compare=False)

    @property
    def trigrams(self) -> frozenset[str] | None:
        """The first three characters of each factor (None: the topic is always tried)."""
        if self.factors is None or any(len(f) < 3 for f in self.factors):
            return None
        return frozenset(f[:3] for f in self.factors)


_TOPIC_KEYS: Iterator[int] = itertools.count()


def required_factors(pattern: str) -> tuple[str, ...] | None:
    """Literal strings of which at least one occurs in any text the pattern matches (None when
    no such set is found). A cheap substring test on them skips most patterns for most
    sentences before the regular expression runs."""
    try:
        parser: Any = importlib.import_module("re._parser")
        tree = parser.parse(pattern)
    except Exception:  # another Python's internals: no shortcut, just the full match
        return None
    found = _factors(list(tree), parser)
    if not found or any(not f for f in found):
        return None
    return tuple(sorted(found))


def _factors(items: list[Any], sp: Any) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is sp.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        sub: frozenset[str] | None = None
        if op is sp.SUBPATTERN:
            sub = _factors(list(av[-1]), sp)
        elif op is sp.BRANCH:
            parts = [_factors(list(b), sp) for b in av[1]]
            if parts and all(x for x in parts):
                sub = frozenset().union(*(x for x in parts if x))
        elif op in (sp.MAX_REPEAT, sp.MIN_REPEAT, getattr(sp, "POSSESSIVE_REPEAT", None)) \
                and av[0] >= 1:
            sub = _factors(list(av[2]), sp)
        if sub:
            candidates.append(sub)
    if run:
        candidates.append(frozenset({run}))
    if not candidates:
        return None
    return max(candidates, key=lambda c: (not any(_common(x) for x in c),
                                          min(len(x) for x in c), -len(c)))


_COMMON = frozenset({
    "you", "your", "yours", "the", "and", "or", "a", "an", "to", "of", "in", "on", "at", "for",
    "with", "do", "did", "does", "have", "has", "had", "are", "is", "was", "were", "be", "been",
    "what", "how", "when", "who", "which", "why", "that", "this", "it", "any", "will", "would",
    "can", "could", "from", "about", "as", "by", "we", "us", "our", "they", "their", "he",
    "she", "his", "her", "if", "not", "so", "there", "get", "got", "work", "job"})


def _common(factor: str) -> bool:
    words = factor.split()
    return not words or all(w in _COMMON for w in words) or len(factor.strip()) < 3


@dataclass(frozen=True)
class Allow:
    pattern: re.Pattern[str]
    scope: str = "sentence"  # sentence: clears the rule for the sentence; span: only its match


@dataclass(frozen=True)
class Rewrite:
    """A compliant wording with the purpose it serves. `when` patterns (on the canonical
    question) pick it for questions with that purpose; `{fact}` fields come from the project."""

    text: str
    purpose: str
    when: tuple[re.Pattern[str], ...] = ()

    @property
    def facts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_PLACEHOLDER.findall(self.text)))

    def render(self, facts: Mapping[str, str] | None = None) -> tuple[str, tuple[str, ...]]:
        """The text with facts filled in, and the fact keys left as blanks."""
        given = facts or {}
        blanks: list[str] = []

        def fill(m: re.Match[str]) -> str:
            value = given.get(m.group(1), "")
            if not value:
                blanks.append(m.group(1))
                return BLANK
            return value if m.start() == 0 else _mid_sentence(m.group(1), value)

        return _PLACEHOLDER.sub(fill, self.text), tuple(dict.fromkeys(blanks))


@dataclass(frozen=True)
class UseFrame:
    verdict: Verdict
    note: str = ""


@dataclass(frozen=True)
class QuestionRule:
    id: str
    verdict: Verdict
    law: str
    about: str
    topics: tuple[Topic, ...]
    allow: tuple[Allow, ...]
    reason: str
    rewrites: tuple[Rewrite, ...]
    source: str
    note: str
    use_frame: UseFrame | None = None
    lead_in: bool = False
    follow_up: bool = False
    overrides: frozenset[str] = frozenset()
    fallback: bool = False  # counts only when no other rule found anything in the question


_CLASS_REF = re.compile(r"\{([a-z][a-z_]*)\}")
_CLASS_NAME = re.compile(r"[a-z][a-z_]*")


def load_classes(p: Path, data: Any) -> dict[str, str]:
    """The word classes a rules file names (`classes: {name: [alternatives]}`), each as one
    non-capturing group. A class may use classes defined before it."""
    raw = data.get("classes") if isinstance(data, Mapping) else None
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise ContentError(p, "expected 'classes:' with a mapping of name to alternatives")
    out: dict[str, str] = {}
    for name, words in raw.items():
        if not isinstance(name, str) or not _CLASS_NAME.fullmatch(name):
            raise ContentError(p, "a class name is lower-case letters and '_'", entry=str(name),
                               field="classes")
        if not isinstance(words, list) or not words or not all(
                isinstance(w, str) and w.strip() for w in words):
            raise ContentError(p, "a class is a non-empty list of patterns", entry=name,
                               field="classes")
        body = "|".join(_expand_classes(p, name, f"classes.{name}", w, out) for w in words)
        out[name] = f"(?:{body})"
        _compile(p, name, f"classes.{name}", out[name])
    return out


def _expand_classes(p: Path, rid: str, where: str, pattern: str, classes: Mapping[str, str]
                    ) -> str:
    def sub(m: re.Match[str]) -> str:
        if m.group(1) not in classes:
            raise ContentError(p, f"unknown word class {{{m.group(1)}}} (known: "
                               f"{', '.join(sorted(classes)) or 'none'})", entry=rid, field=where)
        return classes[m.group(1)]

    return _CLASS_REF.sub(sub, pattern)


def _compile(p: Path, rid: str, where: str, pattern: str,
             classes: Mapping[str, str] | None = None) -> re.Pattern[str]:
    expanded = _expand_classes(p, rid, where, pattern, classes or {})
    try:
        return re.compile(expanded)
    except re.error as exc:
        raise ContentError(p, f"invalid pattern: {exc}", entry=rid, field=where) from None


def _pattern_item(p: Path, rid: str, where: str, item: Any, schema: Mapping[str, Field]
                  ) -> Mapping[str, Any]:
    """A topic or allow entry: a plain pattern string, or a mapping with options."""
    if isinstance(item, str):
        if not item.strip():
            raise ContentError(p, "must not be empty", entry=rid, field=where)
        return {"pattern": item}
    problems = validate(item, schema, prefix=f"{where}.")
    if problems:
        pr = problems[0]
        raise ContentError(p, pr.reason, entry=rid, field=pr.field, line=pr.line)
    return dict(item)


def load_rules(path: Path | None = None) -> tuple[QuestionRule, ...]:
    p = path or resource("interview", "rules.yaml")
    data = load_yaml(p)
    items = data.get("rules") if isinstance(data, Mapping) else None
    classes = load_classes(p, data)
    if not isinstance(items, list) or not items:
        raise ContentError(p, "expected 'rules:' with a list of rules")
    out: list[QuestionRule] = []
    seen: set[str] = set()
    for item in items:
        entry = item.get("id") if isinstance(item, Mapping) else None
        problems = validate(item, RULE_SCHEMA)
        if problems:
            pr = problems[0]
            raise ContentError(p, pr.reason, entry=entry, field=pr.field, line=pr.line)
        rid = item["id"]
        if rid in seen:
            raise ContentError(p, "duplicate rule id", entry=rid, field="id")
        seen.add(rid)
        topics = []
        for i, t in enumerate(item["topics"], start=1):
            spec = _pattern_item(p, rid, f"topics[{i}]", t, _TOPIC)
            compiled = _compile(p, rid, f"topics[{i}]", spec["pattern"], classes)
            topics.append(Topic(compiled, bool(spec.get("across_sentences", False)),
                                required_factors(compiled.pattern)))
        allows = []
        for i, a in enumerate(item.get("allow") or (), start=1):
            spec = _pattern_item(p, rid, f"allow[{i}]", a, _ALLOW)
            allows.append(Allow(_compile(p, rid, f"allow[{i}]", spec["pattern"], classes),
                                spec.get("scope", "sentence")))
        rewrites = []
        for i, rw in enumerate(item["rewrites"], start=1):
            unknown = set(_PLACEHOLDER.findall(rw["text"])) - set(FACT_KEYS)
            if unknown or re.search(r"[{}]", _PLACEHOLDER.sub("", rw["text"])):
                what = ", ".join(sorted(unknown)) or "a stray brace"
                raise ContentError(p, f"unknown fact field {what} (known: "
                                   f"{', '.join(FACT_KEYS)})", entry=rid,
                                   field=f"rewrites[{i}].text")
            when = tuple(_compile(p, rid, f"rewrites[{i}].when[{j}]", w, classes)
                         for j, w in enumerate(rw.get("when") or (), start=1))
            rewrites.append(Rewrite(rw["text"].strip(), rw["purpose"].strip(), when))
        frame = item.get("use_frame")
        unknown_ids = set(item.get("overrides") or ()) - {
            r.get("id") for r in items if isinstance(r, Mapping)}
        if unknown_ids:
            raise ContentError(p, f"overrides an unknown rule: {', '.join(sorted(unknown_ids))}",
                               entry=rid, field="overrides")
        out.append(QuestionRule(
            id=rid, verdict=Verdict(item["verdict"]), law=item["law"], about=item["about"],
            topics=tuple(topics), allow=tuple(allows), reason=item["reason"].strip(),
            rewrites=tuple(rewrites), source=item["source"],
            note=(item.get("note") or "").strip(),
            use_frame=UseFrame(Verdict(frame["verdict"]), (frame.get("note") or "").strip())
            if frame else None,
            lead_in=bool(item.get("lead_in", False)),
            follow_up=bool(item.get("follow_up", False)),
            overrides=frozenset(item.get("overrides") or ()),
            fallback=bool(item.get("fallback", False)),
        ))
    return tuple(out)


@cache
def default_rules() -> tuple[QuestionRule, ...]:
    return load_rules()


# --- verdicts --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Hit:
    rule: str
    verdict: str
    phrase: str


@dataclass(frozen=True)
class QuestionVerdict:
    """The checker's answer for one question.

    `verdict` is a `Verdict`; `category` the rule id (or "none"); `reason` names the rule and
    which kind of law applies; `rewrite` a compliant wording that keeps the question's purpose
    (`purpose`), with the project's facts filled in and `BLANK` where `blanks` names a missing
    fact; `rewrites` every alternative the rule offers (rendered the same way). `reference` is
    true when the question was read as one put to a reference about the candidate;
    `from_context` when the verdict comes from the lead-in or question it follows; `truncated`
    when only the first `MAX_CHARS` characters were read.
    """

    text: str
    verdict: Verdict
    category: str
    reason: str
    rewrite: str | None
    source: str
    note: str = ""
    law: str = ""
    rewrites: tuple[str, ...] = ()
    purpose: str = ""
    blanks: tuple[str, ...] = ()
    reference: bool = False
    from_context: bool = False
    truncated: bool = False
    hits: tuple[Hit, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "verdict": str(self.verdict), "category": self.category,
                "reason": self.reason, "rewrite": self.rewrite, "source": self.source,
                "note": self.note, "law": self.law, "purpose": self.purpose,
                "blanks": list(self.blanks), "reference": self.reference}


# --- canonical text --------------------------------------------------------------------------

_TRANSLATE = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'", "\u201c": '"',
    "\u201d": '"', "\u2014": ", ", "\u2013": ", ", "\u2010": "-", "\u2011": "-", "\u00a0": " ",
    "\u2026": ". ",
})
_ABBREV = re.compile(r"\b(u\.s\.a\.|u\.s\.|e\.g\.|i\.e\.|a\.m\.|p\.m\.|etc\.|dr\.|mr\.|mrs\.|"
                     r"ms\.|st\.|vs\.|approx\.)")
_ABBREV_TO = {"u.s.a.": "usa", "u.s.": "us", "e.g.": "for example", "i.e.": "that is",
              "a.m.": "am", "p.m.": "pm", "etc.": "etc", "dr.": "dr", "mr.": "mr",
              "mrs.": "mrs", "ms.": "ms", "st.": "st", "vs.": "vs", "approx.": "about"}
_HYPHEN = re.compile(r"(?<=[a-z0-9])-+(?=[a-z0-9])")
_DASH = re.compile(r"\s-+\s|\s-+(?=\w)|(?<=\w)-+\s")
_APOSTROPHE = re.compile(r"\b([a-z]+)'([a-z]{1,2})\b")
_NOT_STEMS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
_S_IS = frozenset({"what", "how", "where", "who", "when", "why", "that", "there", "here", "it",
                   "he", "she", "let", "this", "which"})
_BARE = re.compile(r"\b(dont|doesnt|didnt|isnt|arent|wasnt|werent|havent|hasnt|hadnt|"
                   r"couldnt|wouldnt|shouldnt|youre|youve|youll|youd|theyre|im|ive|u|ur|ya|"
                   r"gonna|wanna|gotta|probs|abt|bc)\b|\br(?= (you|u|ya)\b)")
_BARE_TO = {"dont": "do not", "doesnt": "does not", "didnt": "did not", "isnt": "is not",
            "arent": "are not", "wasnt": "was not", "werent": "were not", "havent": "have not",
            "hasnt": "has not", "hadnt": "had not", "couldnt": "could not",
            "wouldnt": "would not", "shouldnt": "should not", "youre": "you are",
            "youve": "you have", "youll": "you will", "youd": "you would", "theyre": "they are",
            "im": "i am", "ive": "i have", "u": "you", "ur": "your", "ya": "you",
            "gonna": "going to", "wanna": "want to", "gotta": "have to", "probs": "problems",
            "abt": "about", "bc": "because", "r": "are"}
_WOULD_HAD = re.compile(r"\b(you|they|he|she|i|we) would (been|had|gotten|got|done|used|taken|"
                        r"gone|seen|received|ever)\b")
_LAST_TIME = re.compile(r"\b(when (was|is) )?the last time (that )?(you|he|she|they)\b")
_FILLER = re.compile(
    r"\b(if you do not mind (me |my )?asking|just (curious|wondering|to (check|confirm|ask))|"
    r"out of curiosity|i am curious|i was wondering( if)?|i wonder( if)?|may i ask|can i ask|"
    r"by any chance|these days|at present|at the moment|at this time|right now|"
    r"at this point|as of now|at all|kind of|sort of|type of|really|actually|just|even|also|"
    r"perhaps|maybe|possibly|basically|honestly|truly|ever|still|currently|presently|recently|"
    r"lately|nowadays|quickly|briefly|roughly|approximately|generally|typically|"
    r"usually|normally)\b,?")
_YOU_KNOW = re.compile(r"(^|, )you know, ")
_YOURSELF = re.compile(r"\b(you|your) yourself\b|\b(you) personally (?=(have|had|been|use|used|"
                       r"take|taken|took|are|were|experienced|struggle|struggled|received|gone|"
                       r"went|got|get|attend|attended|need|needed|do|did|deal|dealt|know|"
                       r"identify)\b)")
_SPACES = re.compile(r"\s+")
_SPACE_PUNCT = re.compile(r"\s+([,.?!;:])")
_EMPTY_COMMA = re.compile(r",\s*(?=[,.?!;:]|$)|^\s*,\s*")
_OPINION_AUX = re.compile(
    r"\b(would you say|do you think|do you feel|do you believe|would you agree|do you reckon|"
    r"would you consider|do you consider|would you describe) (that )?you (are|were|have|had|"
    r"can|could|will|would|should|might|may|need|do|did)\b")
_OPINION_VERB = re.compile(
    r"\b(would you say|do you think|do you feel|do you believe|do you reckon) (that )?you "
    r"(?!(are|were|have|had|can|could|will|would|should|might|may|need|do|did|know)\b)"
    r"(?=[a-z]+\b)")
_SELF_VIEW = re.compile(
    r"(?<!how )(?<!what )\b(do|would|did) you (consider|see|describe|call|think of|regard|"
    r"view|count) yourself (as )?")
_NEGATIVE_ASK = re.compile(r"\b(do|does|did|are|is|were|was|have|has|had|can|could|would|will|"
                           r"should) not (you|he|she|they|we)\b")


def _expand(m: re.Match[str]) -> str:
    a, b = m.group(1), m.group(2)
    if b == "t" and a.endswith("n"):
        stem = a[:-1]
        return ("cannot" if stem == "ca" else f"{_NOT_STEMS.get(stem, stem)} not")
    if b in ("re", "ve", "ll", "m", "d"):
        return a + {"re": " are", "ve": " have", "ll": " will", "m": " am", "d": " would"}[b]
    if b == "s" and a in _S_IS:
        return "let us" if a == "let" else f"{a} is"
    return m.group(0)


def normalize(text: str) -> str:
    """The canonical form the rules read: lower case, straight quotes, contractions written
    out, hyphens as spaces, filler words removed, single spaces."""
    t = text[:MAX_CHARS].translate(_TRANSLATE).lower()
    t = _ABBREV.sub(lambda m: _ABBREV_TO[m.group(1)], t)
    t = _DASH.sub(", ", t)
    t = _HYPHEN.sub(" ", t)
    t = _APOSTROPHE.sub(_expand, t)
    t = _BARE.sub(lambda m: _BARE_TO[m.group(0)], t)
    t = _WOULD_HAD.sub(r"\1 had \2", t)
    t = _LAST_TIME.sub(lambda m: f"when did {m.group(4)} last", t)
    t = _YOU_KNOW.sub(r"\1", t)
    t = _FILLER.sub(" ", t)
    t = _YOURSELF.sub(lambda m: (m.group(1) or m.group(2)) + " ", t)
    t = _NEGATIVE_ASK.sub(r"\1 \2", t)
    # "Would you say you're healthy?", "Do you think you drink more than most?", "Do you
    # consider yourself disabled?" ask what "Are you healthy?", "Do you drink more than
    # most?" and "Are you disabled?" ask.
    t = _OPINION_AUX.sub(r"\3 you", t)
    t = _OPINION_VERB.sub("do you ", t)
    t = _SELF_VIEW.sub("are you ", t)
    t = _SPACE_PUNCT.sub(r"\1", _SPACES.sub(" ", t))
    return _EMPTY_COMMA.sub("", t).strip()


def _mid_sentence(key: str, value: str) -> str:
    v = " ".join(value.split()).rstrip(".;,: ")
    if key == "minimum_age":
        v = re.sub(r"\s*(years?( of age| old)?|yrs?\.?)$", "", v, flags=re.I)
    first = v.split(" ", 1)[0].lower().strip(",;:")
    if key != "location" and len(v) > 1 and v[0].isupper() and v[1].islower() and \
            first not in _PROPER_START:
        v = v[0].lower() + v[1:]
    return v


_PROPER_START = frozenset({
    "english", "spanish", "french", "american", "asl", "haitian", "portuguese", "vietnamese",
    "chinese", "mandarin", "cantonese", "arabic", "russian", "korean", "somali", "tagalog",
    "polish", "creole", "navajo", "hmong", "italian", "german", "japanese", "hindi", "urdu",
    "bengali", "farsi", "swahili", "amharic", "ukrainian", "monday", "mondays", "tuesday",
    "tuesdays", "wednesday", "wednesdays", "thursday", "thursdays", "friday", "fridays",
    "saturday", "saturdays", "sunday", "sundays", "i"})


def clean_facts(facts: Mapping[str, str] | None) -> dict[str, str]:
    """The facts as the rewrites use them; unknown keys are an error (a typo would otherwise
    leave a blank unnoticed)."""
    if not facts:
        return {}
    unknown = set(facts) - set(FACT_KEYS)
    if unknown:
        raise ValueError(f"unknown fact keys: {', '.join(sorted(unknown))} "
                         f"(known: {', '.join(FACT_KEYS)})")
    out = {}
    for k, v in facts.items():
        text = " ".join(str(v or "").split())[:300].rstrip(".;,: ")
        if text:
            out[k] = text
    return out


# --- who is asked about ----------------------------------------------------------------------

APPLICANT = frozenset({"you", "your", "yours", "yourself", "yourselves"})
CANDIDATE_NOUNS = frozenset({"candidate", "applicant", "candidate's", "applicant's", "interviewee",
                             "interviewee's"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
_FIRST_PERSON_VERBS = frozenset({"am", "was", "have", "had", "take", "took", "used", "went",
                                 "go", "struggled", "live", "lived", "got", "spent", "stayed"})
THIRD_SINGULAR = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THIRD_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
OTHER_NOUNS = frozenset({
    "participant", "participants", "participant's", "participants'", "person", "person's",
    "people", "people's", "someone", "someone's", "somebody", "client", "clients", "client's",
    "member", "members", "individual", "individuals", "youth", "youths", "mentee", "mentees",
    "family", "families", "relative", "relatives", "patient", "patients", "patient's",
    "resident", "residents", "guest", "guests", "caller", "callers", "student", "students",
    "parent", "parents", "child", "children", "kid", "kids", "anyone", "everyone", "others",
    "coworker", "coworkers", "colleague", "colleagues", "peer", "peers", "adult", "adults",
    "veteran", "veterans", "man", "woman", "men", "women", "friend", "friends", "loved", "who",
    "whose", "mother", "father", "mothers", "fathers", "sibling", "siblings", "brother",
    "sister", "son", "daughter", "teen", "teens", "teenager", "teenagers", "survivor",
    "survivors", "worker", "workers", "supervisee", "supervisees", "staff", "team", "boy",
    "girl", "boys", "girls", "neighbor", "partner", "officer", "officers", "nurse",
    "nurses", "doctor", "doctors", "psychiatrist", "psychiatrists", "clinician", "clinicians",
    "therapist", "therapists", "counselor", "counselors", "supervisor", "supervisors",
    "manager", "managers", "judge", "lawyer", "attorney", "prescriber", "landlord", "employer",
    "teacher", "teachers", "caseworker", "advocate", "coach", "mentor", "roommate",
    "housemate", "mom", "moms", "dad", "dads", "consumer", "consumers", "user", "users",
    "recipient", "recipients", "immigrants", "refugees", "newcomers", "caregivers",
    "households", "communities", "community", "moms'", "infants",
    "babies", "baby", "newborns", "elders",
    "seniors", "persons", "humans", "visitors", "attendees", "victims", "offenders",
    "defendants", "inmates", "detainees", "citizens", "neighbors", "tenants", "homeowners",
    "ones",
})
OTHER = OTHER_NOUNS | THIRD_SINGULAR | THIRD_PLURAL | frozenset({
    "they've", "they're", "they'd", "they'll", "he's", "she's", "he'd", "she'd", "he'll",
    "she'll"})
_NOT_NAMES = frozenset({
    "i", "peer", "peers", "recovery", "certified", "monday", "mondays", "tuesday", "tuesdays",
    "wednesday", "wednesdays", "thursday", "thursdays", "friday", "fridays", "saturday",
    "saturdays", "sunday", "sundays", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "english", "spanish",
    "christmas", "easter", "ramadan", "passover", "diwali", "eid", "sabbath", "god", "church",
    "wrap", "ada", "ssi", "ssdi", "er", "ed", "us", "usa", "america", "american", "to", "for",
    "reference", "references", "black", "white", "latino", "latina", "asian", "hispanic",
    "native", "jewish", "muslim", "christian", "catholic", "hindu", "buddhist", "sikh",
    "medicaid", "medicare", "narcotics", "alcoholics", "anonymous", "hearing", "voices",
    "fmla", "hipaa", "smart", "naloxone", "narcan", "suboxone", "vivitrol", "methadone",
})
ASK_STARTS = frozenset({"any", "ever", "history", "list", "please", "have", "has", "had", "do",
                        "does", "did", "are", "is", "were", "was", "will", "would", "can",
                        "could", "when", "date", "how", "tell", "describe", "share",
                        "explain", "your", "so", "and", "what", "which", "who", "where", "why",
                        "should", "may", "might", "whether", "name", "give", "talk", "walk"})
_PROPER = re.compile(r"(?<![.?!;:]\s)(?<!^)(?<![.?!;:(])\b([A-Z][a-z]+)\b")
SPEECH = frozenset({"ask", "asks", "asked", "asking", "tell", "tells", "told", "telling", "say",
                    "says", "said", "saying", "mention", "mentions", "mentioned", "confide",
                    "confides", "confided", "disclose", "discloses", "disclosed", "reveal",
                    "reveals", "revealed", "share", "shares", "shared", "question", "questions",
                    "questioned", "wonders", "wants", "want", "admits", "admitted", "explains",
                    "explained", "reports", "reported", "calls", "called", "texts", "texted"})
_WORD = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_SENTENCE = re.compile(r"[^.?!;]+[.?!;]*")
_NOT_ASKING = re.compile(
    r"\b(without (telling|sharing|disclosing|naming|mentioning|going into|revealing|"
    r"describing|giving|explaining)|(do not|never|not required to|not have to|do not have to|"
    r"no need to|not need to|not expected to|are not asking you to|will not ask you to|"
    r"not asking you to)( need to| have to)? (share|disclose|tell|name|mention|reveal|"
    r"describe|discuss|talk about|explain|go into)|"
    r"we (will not|do not|are not going to|are not) ask(ing)?|"
    r"(not|never) ask(ing)? (you )?about|(keep|leave) (out|aside))\b[^.?!,]*$")
_USE_FRAME = re.compile(
    r"\b(how|when|why|in what ways?|what|which) (would|will|might|could|do|did|can|should) "
    r"you (\w+ ){0,2}(use|draw on|draw upon|share|bring|apply|decide|choose|integrate|balance|"
    r"offer|know when|tell when|judge|weigh|put|channel|turn|see yourself)\b|"
    r"\b(using|sharing|drawing on) (parts of )?your\b|\bwhat would you share\b|"
    r"\bhow much (of your|would you share)|"
    r"\b(how|in what ways?) (would|will|could|might|does|can|did) (that|this|your|the|such)"
    r"( own| lived| personal)? (experience|experiences|story|background|history|journey)\b"
    r"[^?.]{0,80}\b(shape|help|inform|guide|support|influence|affect|strengthen|benefit|"
    r"prepare|make|change|serve)\b")
_LIVED = re.compile(r"\b(lived|personal|own|life) experiences?\b|"
                    r"\byour (own )?(recovery |life |personal |lived )?(story|journey)\b|"
                    r"\bexperience (as|of being) (a |an )?(family member|parent|caregiver|"
                    r"person|peer|relative|loved one)")
_EXPERIENCE_REF = re.compile(r"\b(that|this|those|these|such|your) (own |lived |personal )?"
                             r"(experience|experiences|story|background|history)\b|"
                             r"\byour own\b")
_REFERENCE_MARK = re.compile(
    r"^\W*(\(|\[)?\s*(to|for|ask|asking|question for|questions for) (a |an |the |each |his |"
    r"her |their )?(former |previous |past |prior )?(references?|referees?|employers?|"
    r"supervisors?|managers?|bosses)\b\s*(\)|\])?\W*|^\W*(references?|reference checks?|"
    r"reference calls?)\s*(\)|\]|:|,| -)\W*")
_REFERENCE_CUES = re.compile(
    r"\b(while|when|during the time|the whole time|all the time) (he|she|they) (worked|was "
    r"working|were working|was employed|were employed|reported|volunteered|was on your team|"
    r"were on your team|was with you|were with you|was there|were there)\b|"
    r"\b(he|she|they) (worked|reported|volunteered) (for|to|under|with) you\b|"
    r"\b(his|her|their) (time|employment|tenure|years|job|role|work) (with you|at your|there|"
    r"on your team|under you)\b|\bas (his|her|their) (supervisor|manager|boss)\b|"
    r"\b(your|a) (former|previous|past) (employee|staff member|supervisee|report|worker)\b|"
    r"\b(the|this|our) (candidate|applicant|interviewee)\b|\breference (check|call)\b")
_RESPONSE_FRAME = re.compile(
    r"\b(how|what) (would|will|might|could|should|do|did|can) you\b|\bwhat (is|would be) "
    r"your (response|answer|reply|approach|next step)|\bhow you (would|might)\b|"
    r"\bwhat you (would|might) do\b|\bwhat (steps|would be)\b|\bhow do you (respond|handle)\b")
_REQUIREMENT = re.compile(r"\b(need|needs|require|requires|required|must|should have|expect|"
                          r"expects|looking for)\b")
_REQUIREMENT_STATEMENT = re.compile(
    r"\b(this|the|our) (role|job|position|posting|ad|advertisement|opening|vacancy|program|job "
    r"description|description|listing|post)\b[^?]{0,40}\b(lists|list|listed|requires|require|"
    r"required|asks for|ask for|calls for|call for|includes|include|needs|seeks|prefers|looks "
    r"for|is open to|states|names|specifies|mentions)\b|\bas a (requirement|qualification|"
    r"preferred qualification|minimum qualification)\b|\b(is|are) (a )?(required|requirement|"
    r"qualification|preferred|requirements) (for|of|in) (this|the|our)\b")
_BACKREF = re.compile(
    r"\b(it|that|this|those|these|them|there|then|the condition|the diagnosis|the illness|"
    r"the experience)\b|^(and |so )?(how long|how often|how many|how much|when|since when|why|"
    r"what happened|what helped|tell (me|us) more|can you tell (me|us) more|is it|was it|"
    r"does it|did it|are you|do you|have you)\b")
_ASK_WORDS = ASK_STARTS | frozenset({"tell", "describe", "explain", "walk", "talk", "give",
                                     "list", "name", "please", "if"})


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


_CAPITALIZED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][a-z]+)+")


def proper_names(text: str) -> frozenset[str]:
    """Lower-cased capitalized words inside sentences: names of people in scenarios ("Sam").
    Runs of capitalized words ("Social Security", "Hearing Voices Network") name things."""
    bounded = text[:MAX_CHARS]
    runs = {w.lower() for m in _CAPITALIZED_RUN.finditer(bounded) for w in m.group(0).split()}
    # A capitalized word before a colon labels a form field ("Height: ____ Weight: ____").
    return frozenset(m.group(1).lower() for m in _PROPER.finditer(bounded)
                     if m.group(1).lower() not in _NOT_NAMES and m.group(1).lower() not in runs
                     and not m.group(1).lower().endswith(("es", "ers", "ists", "ors"))
                     and not bounded[m.end():m.end() + 3].lstrip().startswith(":"))


@dataclass(frozen=True)
class _People:
    """Who the candidate is in this question: 'you', or (a reference check) he, she, they."""

    reference: bool
    names: frozenset[str]

    def is_candidate(self, w: str, earlier: Sequence[str]) -> bool:
        if w in APPLICANT or w in CANDIDATE_NOUNS:
            return True
        if not self.reference:
            return False
        if w in THIRD_SINGULAR or w in THIRD_PLURAL or w in self.names:
            # "how did she respond when participants said they ...": a pronoun after another
            # person in the sentence refers to that person, not to the candidate.
            return not any(x in OTHER_NOUNS for x in earlier)
        return False

    def is_other(self, w: str) -> bool:
        return w in OTHER or w in self.names


WORK_RELATIONS = frozenset({"employer", "employers", "supervisor", "supervisors", "manager",
                            "managers", "boss", "coworker", "coworkers", "colleague",
                            "colleagues", "references", "reference", "referee", "referees"})
DESCRIPTIVE = frozenset({"person", "someone", "somebody", "client", "patient", "member",
                         "consumer", "survivor", "individual", "recipient", "user", "resident",
                         "participant", "peer", "veteran", "parent", "mother", "father",
                         "woman", "man", "adult", "student", "guest", "caller", "one", "ones"})
_ADVERBS = frozenset({"once", "ever", "currently", "still", "now", "yourself", "also", "really",
                      "personally", "previously", "formerly", "former", "past", "of"})
_COPULAS = frozenset({"been", "are", "were", "being", "be", "was", "is", "become", "became"})
_SERVICE_WORDS = frozenset({
    "support", "supports", "program", "programs", "services", "service", "group", "groups",
    "specialist", "specialists", "worker", "workers", "mentor", "mentors", "mentoring", "coach",
    "coaches", "coaching", "work", "role", "roles", "movement", "network", "center", "centers",
    "respite", "run", "led", "advocacy", "court", "system", "team", "teams", "meetings",
    "meeting", "shelter", "housing", "home", "homes", "agency", "organization", "services'",
    "ministry", "club", "night", "activities", "events", "caseload", "office", "unit", "shift",
    "site", "class", "session", "sessions", "classes", "building", "clients", "participants"})
_POSSESSIVES = frozenset({"your", "his", "her", "their"})
_NOT_DESCRIBED = frozenset({"who", "whose", "loved", "young", "team", "staff", "others"})


def _describes_candidate(before: list[str], people: _People) -> bool:
    """The words before a person noun make it the candidate: "as a", "yourself a", "you a"."""
    words = [w for w in before[-6:] if w not in _ADVERBS or w == "yourself"]
    if words and words[-1] in ("a", "an", "one"):
        words = words[:-1]
    if not words:
        return False
    last = words[-1]
    if last == "yourself" or people.is_candidate(last, ()):
        return True
    if last == "as":
        return any(people.is_candidate(x, ()) for x in before)
    if last in _COPULAS:
        return any(people.is_candidate(x, ()) for x in words[-3:-1])
    return False


_CLAUSE_BREAK = re.compile(
    r"(?:[:;]|,\s*(?:but|so|and so|yet|though|although|anyway|because)\b)\s*")


def experiencer(sentence: str, pos: int, end: int, people: _People) -> str:
    """Whose is the topic at [pos, end): 'applicant', 'other' or 'unknown'.

    The clause the topic sits in is read first ("Everyone here is in recovery, so no pressure,
    but how much clean time do you have?": the clause names the candidate); only a clause that
    names nobody is read with what comes before it."""
    lo = max(0, pos - 240)
    before = _words(sentence[lo:pos])
    after = _words(sentence[end:end + 80])
    # "pregnant participants", "Black and Latino youth": the topic describes other people
    # (but "are you a religious person" describes the candidate).
    described = after[:1] + (after[1:3] if after[:1] and after[0] in ("and", "or") else [])
    for w in described:
        if w in OTHER_NOUNS and w not in _NOT_DESCRIBED and not (
                w in DESCRIPTIVE and _describes_candidate(before, people)):
            return "other"
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, lo, pos)]
    if breaks:
        clause = _words(sentence[breaks[-1]:pos])
        nxt = _CLAUSE_BREAK.search(sentence, end)
        who = _scan_back(clause, people) or _scan_forward(
            _words(sentence[end:nxt.start() if nxt else end + 240]), clause, after, people)
        if who:
            return who
        words = _words(sentence[breaks[-1]:breaks[-1] + 160])
        if words and words[0] in ASK_STARTS and words[0] not in ("so", "and", "your") and \
                _words(sentence[:breaks[-1]])[:1] != ["if"]:
            return "applicant"  # "..., so I have to ask: any plans for a baby?"
    who = _scan_back(before, people) or _scan_forward(
        _words(sentence[end:end + 240]), before, after, people)
    if who:
        return who
    # No person named at all: a short or direct question ("Any hospital stays?") is put to the
    # candidate; a longer general one ("What makes a peer group different from a therapy
    # group?") is about the work.
    words = _words(sentence[:160])
    if len(words) <= 8 or (words and words[0] in ASK_STARTS):
        return "applicant"
    lead = sentence.rfind(",", 0, pos)
    clause = _words(sentence[lead + 1:lead + 160]) if lead >= 0 else []
    if clause and clause[0] in ASK_STARTS and clause[0] not in ("so", "and", "your") and \
            sentence.rstrip().endswith("?"):
        return "applicant"  # "Before we go on, is there a medical issue that ...?"
    return "unknown"


_RELATION_WORDS = frozenset({"last", "former", "previous", "old", "current", "past", "prior",
                             "most", "recent", "new", "direct"})


def _scan_back(before: list[str], people: _People) -> str | None:
    """The nearest person before a topic decides whose it is (None: nobody named)."""
    for i in range(len(before) - 1, -1, -1):
        w = before[i]
        prev = before[i - 1] if i > 0 else ""
        nxt = before[i + 1] if i + 1 < len(before) else ""
        if w in _TARGETS and prev in ("a", "an", "any", "the", "one", "each"):
            continue  # "has an employer ever paid out workers' comp for you": an institution
        if nxt in _SERVICE_WORDS and (w in OTHER_NOUNS or w in _POSSESSIVES):
            # "a peer support program", "a youth group", "a participant in your group": a kind
            # of work or the candidate's workplace, not whose the topic is
            continue
        if w in FIRST_PERSON:
            if w in ("my", "mine", "myself") or nxt in _FIRST_PERSON_VERBS:
                return "other"  # the interviewer about themselves: "I'm in recovery myself"
            continue
        if people.is_candidate(w, before[:i]):
            # "someone you support", "a participant you work with": a relative clause about
            # another person, not the candidate.
            if prev in OTHER and prev not in ("who", "whose") and not \
                    people.is_candidate(prev, before[:i - 1]):
                return "other"
            return "applicant"
        if w in WORK_RELATIONS and "your" in before[max(0, i - 3):i] and all(
                x in _RELATION_WORDS for x in before[before.index("your", max(0, i - 3)) + 1:i]):
            continue  # "your last employer mentioned some absences": still about the candidate
        if people.is_other(w):
            # "do you see yourself as someone with ...", "have you been a client of ...",
            # "are you a person in recovery": the candidate described, not another person.
            if w in DESCRIPTIVE and _describes_candidate(before[:i], people):
                return "applicant"
            return "other"
    return None


_TARGETS = frozenset({"employer", "employers", "boss", "bosses", "landlord", "company"})


def _scan_forward(words: list[str], before: list[str], after: list[str], people: _People
                  ) -> str | None:
    """With nobody named before it, the first person after a topic decides."""
    for j, w in enumerate(words):
        if w == "myself":
            return "other"
        if w in _TARGETS or (j == 0 and w in ("who", "whose", "that")):
            # "ever sued an employer?": what the topic is aimed at; "a psychiatrist who sees
            # you": the relative clause names whose care it is
            continue
        if people.is_candidate(w, before + after[:j]):
            return "applicant"
        if people.is_other(w):
            return "other"
    return None


def _reported(sentence: str, pos: int, question: str) -> bool:
    """The topic sits inside someone else's words in a scenario: "a participant asks what
    medication worked for you. How would you handle that?" (but not "your last employer
    mentioned some absences: what were they for?")."""
    if not _RESPONSE_FRAME.search(question):
        return False
    words = _words(sentence[max(0, pos - 240):pos])
    for i, w in enumerate(words):
        if w in SPEECH:
            earlier = words[:i]
            later = words[i + 1: i + 4]
            third_party = any(x in OTHER and x not in ("who", "whose") for x in earlier)
            by_other = bool(later) and later[0] == "by"
            if third_party or by_other:
                return True
    return False


KNOWLEDGE = frozenset({"know", "knowledge", "familiar", "familiarity", "understand",
                       "understanding", "learned", "training", "trained", "views",
                       "view", "opinion", "opinions", "perspective", "educate", "thoughts",
                       "teach", "research", "evidence", "explain", "describe"})
ACTIONS = SPEECH | frozenset({"wants", "recommends", "suggests", "prescribes", "decides",
                              "calls", "refers", "changes", "writes", "wrote", "thinks",
                              "believes", "insists", "orders", "requires", "expects",
                              "reports", "pressures", "urges", "tries", "asks", "disagrees",
                              "leads", "runs", "says", "works", "joins", "visits"})


_WORK_EXPERIENCE = re.compile(
    r"\b((what|any|much|your|some|prior|previous) (work |professional |prior |job )?"
    r"experience (do|did|have) you (have |had )?|(experience|experienced|skilled|trained) "
    r"(in|at) |(experience|worked|working|volunteered) (working|supporting|facilitating|running|"
    r"leading|delivering|providing|helping) )(with|in|of|around|on|supporting|working with|"
    r"facilitating|running|leading|using|delivering)?[^?.]{0,50}$")


_YOUR_EXPERIENCE = re.compile(r"\b(your|any|much|some) (work |professional |prior )?experiences? "
                              r"(with|in|of|working with|supporting)\b[^?.]{0,20}$")
_SERVICES = frozenset({"services", "service", "programs", "program", "units", "unit", "clinic",
                       "clinics", "groups", "centers", "center", "teams", "team", "providers",
                       "settings", "setting", "field", "population", "populations"})


def _job_knowledge(sentence: str, pos: int, end: int, people: _People) -> bool:
    """"What do you know about medications for opioid use disorder?" and "What experience do
    you have with twelve-step groups?" are about knowledge and work experience."""
    before = sentence[max(0, pos - 120):pos]
    if _WORK_EXPERIENCE.search(before):
        return True
    if _YOUR_EXPERIENCE.search(before) and any(
            w in _SERVICES for w in _words(sentence[end:end + 60])[:3]):
        return True  # "your experience with eating disorder programs"
    words = _words(sentence[max(0, pos - 160):pos])[-10:]
    for i, w in enumerate(words):
        if w == "know" and words[i + 1:i + 2] and words[i + 1] in _EMBEDDED:
            continue  # "do you know what church he goes to?" asks the fact itself
        if w in KNOWLEDGE and not any(people.is_candidate(x, ()) for x in words[i + 1:]):
            return True
    # An opinion on a subject ("What do you think about restraints in psychiatric hospitals?"),
    # not on the candidate's own state ("How do you feel about being hospitalized?").
    if _DEFINITION.match(sentence) and not any(people.is_candidate(x, ()) for x in
                                                _words(sentence)):
        return True  # "What are common symptoms of PTSD?": about the subject, asked of no one
    m = _OPINION_ON.search(sentence, max(0, pos - 80), pos)
    if m is None:
        return False
    return not any(people.is_candidate(x, ()) or x in _SELF_STATE
                   for x in _words(sentence[m.end():pos]))


_DEFINITION = re.compile(
    r"^(so |and )?(what|which|how) (are|is|do|does|would|can) (some |the |a few |common |the main |"
    r"the early |typical |usual |key |early )?(warning )?(signs?|symptoms|causes?|effects?|side "
    r"effects|types?|kinds?|risks?|stages?|treatments?|examples?|myths?|facts?|features|"
    r"differences?) (of|for|between|in)\b")
_EMBEDDED = frozenset({"what", "which", "where", "if", "whether", "who", "when", "how"})
_OPINION_ON = re.compile(
    r"\b((what|how|why) do you (think|feel)|how do you (view|see)|in your (view|opinion)|how "
    r"(familiar|comfortable|experienced|knowledgeable|confident) (are|were) you (with|about|in|"
    r"at|using|working with)|(your|"
    r"what is your|what are your) (philosophy|views?|opinions?|thoughts|take|stance|position|"
    r"perspective|approach) (on|about|of|regarding|toward|towards|to)|what (are|is) (some |the |"
    r"a few |common |the main |the early )?(warning )?(signs?|symptoms|causes?|effects?|side "
    r"effects|types?|kinds?|risks?|stages?|treatments?|examples?|myths?|facts?) (of|for))\b")
_SELF_STATE = frozenset({"being", "having", "getting", "going", "taking", "needing", "staying",
                         "becoming", "had", "been"})


MODIFIED = frozenset({"prevention", "awareness", "education", "training", "curriculum",
                      "workshop", "workshops", "field", "sector", "literature", "policy",
                      "policies", "research", "model", "models", "topic", "topics", "class",
                      "classes", "course", "courses", "certification", "setting", "settings",
                      "system", "systems", "professionals", "providers", "agencies",
                      "resources", "movement", "network", "advocacy", "advocates",
                      "specialist", "specialists", "navigation", "navigator", "law", "laws",
                      "rights", "protections", "stigma", "month", "coaching"})


def _topic_is_modifier(sentence: str, end: int) -> bool:
    """"a group on relapse prevention": the topic word names a kind of work, not a person."""
    after = _words(sentence[end:end + 40])
    return bool(after) and after[0] in MODIFIED


def _topic_is_speaker(sentence: str, end: int) -> bool:
    """"A psychiatrist asks you to ...": the topic word is a third party who acts."""
    after = _words(sentence[end:end + 40])
    return bool(after) and after[0] in ACTIONS


def _reference_mode(full: str, names: frozenset[str]) -> bool:
    """A question put to a reference about the candidate: a marker ("(To a reference)"), a
    work-relation cue ("while she worked for you", "the candidate"), or a he/she that points
    to nobody named before it in a question that is not a scenario."""
    if _REFERENCE_MARK.search(full) or _REFERENCE_CUES.search(full):
        return True
    if _RESPONSE_FRAME.search(full):
        return False
    for w in _words(full):
        if w in THIRD_SINGULAR:
            return True
        if w in OTHER_NOUNS or w in THIRD_PLURAL or w in names:
            return False
    return False


_APPLICANT_NOTE = re.compile(
    r"^\W*[(\[]\s*(to|for|asked of|with) (an? |the |this )?(applicant|candidate|interviewee)s? "
    r"(who|with|that|whose)\b[^)\]]{0,200}[)\]]")
_CANDIDATE_POSSESSIVE = re.compile(r"\b(the|this|our) (candidate|applicant|interviewee)'s\b")
_PRONOUN = re.compile(r"\b(he|she|they|him|them|his|her|their)\b")


_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^a-z0-9\s]+|\s+")
_SENTENCE_END = frozenset({".", "?", "!", ";"})
_AGREE = {"is": "are", "was": "were", "has": "have", "does": "do"}
_NOT_VERBS = frozenset({"always", "sometimes", "perhaps", "less", "unless", "yes", "thus",
                        "this", "his", "its", "us", "was", "is", "has", "does", "across",
                        "afterwards", "towards", "nevertheless", "regardless", "besides"})
_OBJECT_NEXT = frozenset({
    "to", "for", "at", "in", "on", "about", "with", "from", "as", "that", "if", "when",
    "while", "and", "or", "but", "so", "again", "a", "an", "the", "up", "out", "back", "off",
    "down", "over", "into", "through", "after", "before", "since", "because", "he", "she",
    "they", "you", "know", "do", "did", "was", "is", "any", "anything", "something", "this",
    "these", "those", "there", "here", "then", "how", "what", "why", "whether", "go", "leave",
    "feel", "seem", "be", "get", "take", "stay", "very", "too", "more", "less"})
_PLURAL_OTHERS = frozenset({"people", "children", "men", "women", "staff", "others", "everyone",
                            "kids", "youth", "families", "team"})
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_THEY = frozenset({"they", "them", "their", "theirs", "themselves"})
_CANDIDATE_PHRASE = re.compile(
    r"\b(the|this|our) (candidate|applicant|interviewee)('s)?|\byour (former|previous|past) "
    r"(employee|staff member|supervisee|worker|direct report|report)('s)?")


def _plain_verb(w: str) -> str:
    """The form of a present-tense verb after "you" ("goes" -> "go", "has" -> "have")."""
    if w in _AGREE:
        return _AGREE[w]
    if len(w) < 4 or not w.endswith("s") or w in _NOT_VERBS or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "zes", "oes")):
        return w[:-2]
    return w[:-1]


_ASKING_AUX = frozenset({"did", "does", "do", "was", "were", "is", "are", "has", "have", "had",
                         "would", "could", "will", "can", "should", "might"})


def second_person(text: str, *, they: bool = False, marked: bool = True) -> str:
    """A reference check read as if put to the candidate: "Was he ever hospitalized while he
    worked for you?" reads "were you hospitalized while you worked for you?", so every rule
    written for "you" applies. A pronoun after another singular person ("a participant told her
    he ...") or of the other gender than the candidate's first one is left alone; they, them and
    their change only when the question is marked as a reference check (`they`). In a question
    not `marked` as one (read as a reference check only because its he or she points to nobody
    named) the candidate must first appear as he or she; "Would you ask her directly?" stays as
    it is."""
    text = _CANDIDATE_PHRASE.sub(
        lambda m: "your" if (m.group(3) or m.group(6)) else "you", text)
    tokens = _TOKEN.findall(text)
    words = [i for i, t in enumerate(tokens) if t[:1].isalnum()]
    out = list(tokens)
    gender = ""
    other = False
    for k, i in enumerate(words):
        w = tokens[i]
        prev_i = words[k - 1] if k else -1
        if prev_i >= 0 and any(c in _SENTENCE_END for t in tokens[prev_i + 1:i] for c in t):
            other = False
        nxt = tokens[words[k + 1]] if k + 1 < len(words) and not any(
            c in _SENTENCE_END for t in tokens[i + 1:words[k + 1]] for c in t) else ""
        sex = "m" if w in _MALE else "f" if w in _FEMALE else ""
        if sex and not marked and not gender and w not in ("he", "she"):
            continue  # "would you ask her directly?": the candidate has not appeared yet
        if (sex and not other and gender in ("", sex)) or (they and w in _THEY and not other):
            gender = gender or sex
            if w in ("he", "she", "they"):
                out[i] = "you"
                if prev_i >= 0 and tokens[prev_i] in _AGREE and out[prev_i] == tokens[prev_i]:
                    out[prev_i] = _AGREE[tokens[prev_i]]  # "was he" -> "were you"
                elif nxt and w != "they":
                    out[words[k + 1]] = _plain_verb(nxt)  # "she goes" -> "you go"
            elif w in ("him", "them"):
                out[i] = "you"
            elif w in ("himself", "herself", "themselves"):
                out[i] = "yourself"
            elif w in ("hers", "theirs"):
                out[i] = "yours"
            elif w == "his":
                out[i] = "your" if nxt and nxt not in _OBJECT_NEXT else "yours"
            elif w == "her":
                out[i] = "you" if not nxt or nxt in _OBJECT_NEXT else "your"
            elif w == "their":
                out[i] = "your"
            continue
        owned = prev_i >= 0 and out[prev_i] in ("your", "his", "her") and w in WORK_RELATIONS
        if w in OTHER_NOUNS and w not in THIRD_SINGULAR and w not in THIRD_PLURAL and (
                w not in _PLURAL_OTHERS and not w.endswith("s")) and w not in ("who", "whose") \
                and not owned:  # "as his supervisor, did you see ...": the reference
            other = True
    return "".join(out)


def _candidate_pronouns(m: re.Match[str]) -> str:
    """In a note on who is asked ("(To an applicant who told us she has diabetes)"), he and she
    are the candidate."""
    return _PRONOUN.sub(lambda p: "the candidate's" if p.group(1) in ("his", "their")
                        else "the candidate", m.group(0))


def _is_ask(sentence: str) -> bool:
    if sentence.endswith("?"):
        return True
    words = _words(sentence[:40])
    return bool(words) and words[0] in _ASK_WORDS


# --- the engine ------------------------------------------------------------------------------

@dataclass
class _Found:
    rule: QuestionRule
    phrase: str
    sent: int
    pos: int
    verdict: Verdict
    reason: str = ""
    note: str = ""
    rewrites: tuple[Rewrite, ...] = ()
    law: str = ""
    from_context: bool = False


@dataclass
class _Sent:
    text: str
    in_text: bool
    ask: bool
    found: list[_Found] = field(default_factory=list)
    lead_in: list[_Found] = field(default_factory=list)
    follow: list[_Found] = field(default_factory=list)


_PARTS: dict[int, tuple[Sequence[QuestionRule], tuple[tuple[QuestionRule, ...], ...]]] = {}


def _partition(rules: Sequence[QuestionRule]) -> tuple[tuple[QuestionRule, ...], ...]:
    """The topic rules, the lead-in rules and the follow-up rules (the same objects for the
    same rules, so the topic index built for them is reused)."""
    entry = _PARTS.get(id(rules))
    if entry is None or entry[0] is not rules:
        parts = (tuple(r for r in rules if not r.lead_in and not r.follow_up),
                 tuple(r for r in rules if r.lead_in), tuple(r for r in rules if r.follow_up))
        if len(_PARTS) > 32:
            _PARTS.clear()
        entry = _PARTS[id(rules)] = (rules, parts)
    return entry[1]


_INDEXES: dict[int, tuple[Sequence[QuestionRule], dict[str, list[tuple[int, str]]], set[int]]] = {}


def _candidates(text: str, rules: Sequence[QuestionRule]) -> set[int]:
    """Keys of the topics worth trying on this text: those with a required factor that occurs
    in it (found through the factor's first three characters), and those that cannot be
    screened that way."""
    entry = _INDEXES.get(id(rules))
    if entry is None or entry[0] is not rules:
        index: dict[str, list[tuple[int, str]]] = {}
        always: set[int] = set()
        for rule in rules:
            for topic in rule.topics:
                if topic.trigrams is None:
                    always.add(topic.key)
                    continue
                for f in topic.factors or ():
                    index.setdefault(f[:3], []).append((topic.key, f))
        if len(_INDEXES) > 32:
            _INDEXES.clear()
        entry = _INDEXES[id(rules)] = (rules, index, always)
    _, index, always = entry
    found = set(always)
    for t in {text[i:i + 3] for i in range(len(text) - 2)}:
        for key, factor in index.get(t, ()):
            if key not in found and factor in text:
                found.add(key)
    return found


def _sentence_hits(sentence: str, idx: int, rules: Sequence[QuestionRule], people: _People,
                   question: str, across: bool = False, anyone: bool = False) -> list[_Found]:
    """Rule hits in one sentence (or, with `across`, the cross-sentence topics of a text).
    With `anyone`, a topic counts whoever it is about (the sentence is turned to the
    candidate by the question after it)."""
    out: list[_Found] = []
    candidates = _candidates(sentence, rules)
    for rule in rules:
        covering: list[tuple[int, int]] | None = None
        allowed: bool | None = None
        for topic in rule.topics:
            if topic.across_sentences != across or topic.key not in candidates:
                continue
            for m in topic.pattern.finditer(sentence):
                if allowed is None:
                    allowed = any(a.scope == "sentence" and a.pattern.search(sentence)
                                  for a in rule.allow)
                if allowed:
                    break
                has_t = "t" in topic.pattern.groupindex and m.group("t") is not None
                start, end = (m.start("t"), m.end("t")) if has_t else (m.start(), m.end())
                if _NOT_ASKING.search(sentence[max(0, start - 300):start]):
                    continue
                if covering is None:
                    covering = [(a.start(), a.end()) for al in rule.allow if al.scope == "span"
                                for a in al.pattern.finditer(sentence)]
                if any(s0 <= start and end <= e0 for s0, e0 in covering):
                    continue
                if rule.about == "applicant" and not anyone and not _about_candidate(
                        rule, sentence, start, end, people, question):
                    continue
                out.append(_Found(rule, m.group(0), idx, start, rule.verdict))
                break
            else:
                continue
            break
    return out


def _about_candidate(rule: QuestionRule, sentence: str, start: int, end: int, people: _People,
                     question: str) -> bool:
    inside = _words(sentence[start:end])
    own = any(people.is_candidate(w, ()) for w in inside)
    who = "applicant-own" if own else experiencer(sentence, start, end, people)
    if who == "unknown" and _REQUIREMENT.search(sentence) and any(
            people.is_candidate(w, ()) for w in _words(question)):
        who = "applicant"  # "Coaches here need two years of ... Do you have that?"
    if who in ("other", "unknown"):
        return False
    if _reported(sentence, start, question):
        return False  # "a participant keeps asking about your personal life": their words
    return not (who != "applicant-own" and (
        _job_knowledge(sentence, start, end, people) or _work_subject(sentence, start)
        or _topic_is_speaker(sentence, end) or _topic_is_modifier(sentence, end)
        or _others_hypothetical(sentence, start, question)))


_WORK_SUBJECT = re.compile(
    r"\b(groups?|class(es)?|workshops?|sessions?|trainings?|presentations?|talks?|curriculum|"
    r"modules?|lessons?|programs?|discussions?|handouts?|flyers?|resources?|materials?|"
    r"activit(y|ies)|meetings?) (about|on|for|around|covering|focused on|addressing|that "
    r"(covers|addresses|teaches)|to help (people|participants|someone|members) (with|cope with|"
    r"manage|handle|understand))( \w+){0,3} ?$")


def _work_subject(sentence: str, pos: int) -> bool:
    """"Describe how you'd run a group about coping with anxiety": the topic is what a piece
    of work is about, not the candidate's condition."""
    return bool(_WORK_SUBJECT.search(sentence[max(0, pos - 80):pos]))


_HYPOTHETICAL = re.compile(r"\b(if|when|whenever|suppose|imagine|say) (?P<who>(a|an|the|one "
                           r"of (your|our|the)|some|another|someone|somebody|one)\b[^,?.]{0,40})")


def _others_hypothetical(sentence: str, pos: int, question: str) -> bool:
    """"What would you do if a participant showed up at your church?": in a scenario whose
    subject is another person, the candidate's things named in it (your church, your
    neighborhood) set the scene; nothing is asked about them. Only a possessive right before the
    topic counts: "... if a participant's story triggered you" still asks about the candidate."""
    if not _RESPONSE_FRAME.search(question):
        return False
    before = _words(sentence[max(0, pos - 200):pos])
    if not before or before[-1] not in ("your", "yours"):
        return False
    found = list(_HYPOTHETICAL.finditer(sentence, max(0, pos - 200), pos))
    if not found:
        return False
    words = _words(found[-1].group("who"))
    subject = next((w for w in words if w not in ("a", "an", "the", "one", "of", "your", "our",
                                                   "some", "another")), "")
    return subject in OTHER_NOUNS and subject not in THIRD_SINGULAR


def _split(norm: str, in_text: bool) -> list[_Sent]:
    out = []
    for m in _SENTENCE.finditer(norm):
        s = m.group(0).strip()
        if _words(s):
            out.append(_Sent(s, in_text, _is_ask(s)))
    return out


def _protected(f: _Found) -> bool:
    r = f.rule
    return not r.lead_in and not r.follow_up and (
        r.verdict == Verdict.NOT_ALLOWED or r.law in _PROTECTED_LAWS)


@dataclass(frozen=True)
class _Judgment:
    """The cached core of a verdict (everything but the text and the rendered rewrites)."""

    verdict: Verdict
    rule: QuestionRule | None
    reason: str
    note: str
    law: str
    rewrites: tuple[Rewrite, ...]
    reference: bool
    from_context: bool
    norm: str
    hits: tuple[Hit, ...]


def _judge(text: str, context: str, rules: Sequence[QuestionRule], reference: bool
           ) -> _Judgment:
    norm, ctx_norm = normalize(text), normalize(context)
    marker = _REFERENCE_MARK.match(ctx_norm) or _REFERENCE_MARK.match(norm)
    full = f"{ctx_norm} {norm}".strip()
    names = proper_names(context.strip()) | proper_names(text.strip())
    explicit = reference or bool(marker) or bool(_REFERENCE_CUES.search(full))
    reference = reference or _reference_mode(full, names)
    if marker and marker.string is norm:
        norm = norm[marker.end():]
    norm = _APPLICANT_NOTE.sub(_candidate_pronouns, norm, count=1)
    if reference:
        ctx_norm, _, norm = second_person(f"{ctx_norm}\n{norm}", they=explicit,
                                          marked=explicit).partition("\n")
    people = _People(reference, names)
    sents = _split(ctx_norm, False) + _split(norm, True)
    question = " ".join(s.text for s in sents)
    normal, leads, follows = _partition(rules)
    for i, s in enumerate(sents):
        s.found = _sentence_hits(s.text, i, normal, people, question)
        s.lead_in = _sentence_hits(s.text, i, leads, people, question) if leads else []
    # Cross-sentence topics, placed in the sentence where their match ends.
    offsets, pos = [], 0
    for s in sents:
        offsets.append(pos)
        pos += len(s.text) + 1
    for f in _sentence_hits(question, 0, normal, people, question, across=True):
        end = f.pos + len(f.phrase)
        f.sent = max(i for i, o in enumerate(offsets) if o <= max(0, end - 1))
        sents[f.sent].found.append(f)
    # A requirement the posting states is not an inquiry ("Our posting lists lived experience
    # of ... as a requirement."): only the question that follows is judged.
    for s in sents:
        if not s.ask and _REQUIREMENT_STATEMENT.search(s.text):
            s.found = [f for f in s.found if not (f.rule.law in _PROTECTED_LAWS and
                                                  f.verdict == Verdict.NOT_ALLOWED)]
    _turn_to_candidate(sents, normal, people, question)
    _follow_disclosures(sents, follows)
    # A probe inherits only what is wrong with the question it follows, as that question is
    # judged on its own: a question that asks how the candidate would use their experience is
    # fine, and so is a probe that points back to it.
    context_ok = not context.strip() or _judge(context, "", rules, reference).verdict == \
        Verdict.OK
    from_context = False if context_ok else _inherit_context(sents)
    use_note = _apply_use_frames(sents, question)
    found = [f for s in sents if s.in_text for f in s.found]
    if any(not f.rule.fallback for f in found):
        # a rule that names the subject (even one a use frame made fine) judges it; the
        # vocabulary backstops count only where no such rule applies
        found = [f for f in found if not f.rule.fallback]
    hits = tuple(Hit(f.rule.id, str(f.verdict), f.phrase) for f in found)
    found = [f for f in found if f.verdict != Verdict.OK]
    if not found:
        lived = use_note or (LIVED_EXPERIENCE_NOTE if _LIVED.search(question) else "")
        return _Judgment(Verdict.OK, None, "No pre-offer rule applies to this question.", lived,
                         "", (), reference, False, norm, hits)
    order = {r.id: i for i, r in enumerate(rules)}
    found.sort(key=lambda f: (-f.verdict.rank, order.get(f.rule.id, len(order)), f.sent, f.pos))
    top = found[0]
    rule = top.rule
    law = top.law or rule.law
    reason = top.reason or rule.reason
    if top.from_context:
        reason = "Read with what comes before it: " + reason
    note = top.note or rule.note or (LIVED_EXPERIENCE_NOTE if top.verdict == Verdict.CAUTION
                                     else "")
    return _Judgment(top.verdict, rule, f"{reason} ({LAWS[law]}.)", note, law,
                     top.rewrites or rule.rewrites, reference, top.from_context or (
                         from_context and any(f.from_context for f in found)), norm, hits)


_TURN = re.compile(
    r"^(and|so|what about|how about|and what about|and how about)? ?(you|yourself)\W*$|"
    r"^(and |so )?(do|did|are|were|have|has|had|will|would|can|could|is|was) you( too| as well|"
    r" yourself| also)?\W*$|^(is|was) that (true|the case|so) (for|of|with) you\W*$|"
    r"^(does|did|would) that (apply to|describe|include|fit) you\W*$|^same (for|with) you\W*$|"
    r"^(is|was) that you\W*$|^what about you\W*$")


_TURN_STATE = re.compile(
    r"^(is|would|will|could|does|do|might|was|should|can) (that|this|it|any of (that|this)|"
    r"something like that|all that|the same)\b[^.?!]{0,60}\b((issue|problem|concern|worry|"
    r"factor|struggle|risk|challenge) (for|with) you|worry about\b[^.?!]{0,20}\b(with|for|in) "
    r"you|(true|the case) (for|of|with) you|(apply|applies) to you|(describe|describes|sound "
    r"like|sounds like) you|(affect|affects) you|happen(ed)? to you)\W*$")


def _turn_to_candidate(sents: list[_Sent], rules: Sequence[QuestionRule], people: _People,
                       question: str) -> None:
    """"Some of our staff have health stuff going on, and that's fine. Do you?" and "... Is
    that something we'd need to worry about with you?": a short question that turns the
    sentence before it to the candidate asks the candidate about what that sentence names."""
    for i, s in enumerate(sents):
        if i == 0 or not s.in_text or not (_TURN.match(s.text) or _TURN_STATE.match(s.text)):
            continue
        for f in _sentence_hits(sents[i - 1].text, i, rules, people, question, anyone=True):
            if f.rule.about == "applicant":
                s.found.append(replace(f, sent=i, pos=0))


def _follow_disclosures(sents: list[_Sent], follows: Sequence[QuestionRule]) -> None:
    """A lead-in that reports a disclosure ("You said you're in recovery.") makes every question
    after it a follow-up about what was disclosed: not allowed, unless it only asks what
    accommodation the candidate needs (the one follow-up the EEOC allows). One pass over the
    sentences; each follow-up is read against the latest lead-in before it."""
    leads = [bool(s.lead_in) and any(_protected(f) for f in s.found) for s in sents]
    if not any(leads):
        return
    current: int | None = None
    followed: set[int] = set()
    for i, t in enumerate(sents):
        if leads[i]:
            current = i
        if current is None or not (t.ask and t.in_text):
            continue
        lead_sent = sents[current]
        followed.add(current)
        disclosed = next((f for f in lead_sent.found if _protected(f)), None)
        law = disclosed.rule.law if disclosed else lead_sent.lead_in[0].rule.law
        fu = _sentence_hits(t.text, i, follows, _People(False, frozenset()), t.text) \
            if follows else []
        if fu:
            dropped = set().union(*(f.rule.overrides for f in fu))
            t.found = [f for f in t.found if f.rule.id not in dropped] + [
                replace(f, from_context=not lead_sent.in_text) for f in fu]
        else:
            lead = lead_sent.lead_in[0]
            t.found.append(_Found(lead.rule, lead.phrase, i, 0, lead.rule.verdict, law=law,
                                  from_context=not lead_sent.in_text))
    for i in followed:  # the disclosure itself is not an inquiry; the follow-ups are
        sents[i].found = [f for f in sents[i].found if not _protected(f)]


def _inherit_context(sents: list[_Sent]) -> bool:
    """A probe or follow-up that points back ("How long were you there?") to a context question
    that was itself about the candidate's protected status takes that question's verdict."""
    ctx = [f for s in sents if not s.in_text for f in s.found if f.rule.about == "applicant"
           and f.verdict != Verdict.OK]
    text = [s for s in sents if s.in_text]
    if not ctx or not text or not _BACKREF.search(text[0].text):
        return False
    first = sents.index(text[0])
    for f in ctx:
        text[0].found.append(replace(f, sent=first, pos=0, from_context=True))
    return True


def _apply_use_frames(sents: list[_Sent], question: str) -> str:
    """Asking how the candidate would *use* their experience is a job function. Where every
    question asked is of that kind, what the setup sentences name is softened too."""
    frames = [s.in_text and bool(_USE_FRAME.search(s.text)) and (
        bool(_LIVED.search(s.text)) or bool(_EXPERIENCE_REF.search(s.text))) for s in sents]
    asks = [i for i, s in enumerate(sents) if s.in_text and s.ask]
    whole = bool(asks) and all(frames[i] for i in asks)
    note = ""
    for i, s in enumerate(sents):
        if not (frames[i] or (whole and s.in_text)):
            continue
        kept = []
        for f in s.found:
            frame = f.rule.use_frame
            if frame is not None:
                f = replace(f, verdict=frame.verdict, note=frame.note or f.note)
                if frame.verdict == Verdict.OK:
                    note = note or frame.note or LIVED_EXPERIENCE_NOTE
            elif f.verdict == Verdict.NOT_ALLOWED and f.rule.law in _PROTECTED_LAWS:
                f = replace(f, verdict=Verdict.CAUTION, reason=_GENERIC_USE_REASON,
                            note=LIVED_EXPERIENCE_NOTE, rewrites=(_USE_REWRITE,))
            kept.append(f)
        s.found = kept
        note = note or LIVED_EXPERIENCE_NOTE
    return note


_USE_REWRITE = Rewrite("How would you decide what parts of your own experience to share with "
                       "someone you support, and when?",
                       "how the candidate would use their own experience")


def _pick(rewrites: Sequence[Rewrite], norm: str) -> Rewrite:
    for rw in rewrites:
        if rw.when and any(w.search(norm) for w in rw.when):
            return rw
    return next((rw for rw in rewrites if not rw.when), rewrites[0])


@lru_cache(maxsize=4096)
def _judge_default(text: str, context: str, reference: bool) -> _Judgment:
    return _judge(text, context, default_rules(), reference)


def _verdict(text: str, context: str, facts: Mapping[str, str] | None,
             rules: Sequence[QuestionRule] | None, reference: bool) -> QuestionVerdict:
    bounded, ctx = text[:MAX_CHARS], context[:MAX_CHARS]
    j = _judge_default(bounded, ctx, reference) if rules is None else \
        _judge(bounded, ctx, rules, reference)
    given = clean_facts(facts)
    truncated = len(text) > MAX_CHARS
    if j.rule is None or j.verdict == Verdict.OK:
        return QuestionVerdict(text, j.verdict, "none", j.reason, None, "", note=j.note,
                               reference=j.reference, truncated=truncated, hits=j.hits)
    chosen = _pick(j.rewrites, j.norm)
    rewrite, blanks = chosen.render(given)
    if given and blanks != chosen.facts and _verdict(rewrite, "", None, rules, False
                                                     ).verdict != Verdict.OK:
        rewrite, blanks = chosen.render(None)  # a fact that reads as an inquiry: leave blanks
    return QuestionVerdict(
        text=text, verdict=j.verdict, category=j.rule.id, reason=j.reason, rewrite=rewrite,
        source=j.rule.source, note=j.note, law=j.law,
        rewrites=tuple(rw.render(given)[0] for rw in j.rewrites), purpose=chosen.purpose,
        blanks=blanks, reference=j.reference, from_context=j.from_context, truncated=truncated,
        hits=j.hits)


def check_question(text: str, *, context: str = "", facts: Mapping[str, str] | None = None,
                   rules: Sequence[QuestionRule] | None = None) -> QuestionVerdict:
    """The verdict for one interview question.

    `context` is what comes before it: a lead-in, or the question a probe follows; it is read
    but only the question itself is judged. `facts` (keys in `FACT_KEYS`) fill the rewrite;
    missing ones are shown as `BLANK` and named in `blanks`. `rules` replaces the shipped rules
    (for tests and content authors)."""
    return _verdict(text, context, facts, rules, False)


def check_reference_question(text: str, *, context: str = "",
                             facts: Mapping[str, str] | None = None) -> QuestionVerdict:
    """A question put to a reference about the candidate (he, she, they, the candidate): the
    same rules as a question put to the candidate."""
    return _verdict(text, context, facts, None, True)


def check_probe(probe: str, question: str, *, facts: Mapping[str, str] | None = None
                ) -> QuestionVerdict:
    """A follow-up probe, judged with the question it follows."""
    return _verdict(probe, question, facts, None, False)


def check_with_probes(question: str, probes: Iterable[str], *, context: str = "",
                      facts: Mapping[str, str] | None = None
                      ) -> tuple[QuestionVerdict, tuple[QuestionVerdict, ...]]:
    """A kit question and each of its probes (every probe read after the question)."""
    main = check_question(question, context=context, facts=facts)
    lead = f"{context} {question}".strip() if context else question
    return main, tuple(_verdict(p, lead, facts, None, False) for p in probes)


def check_questions(texts: Iterable[str], *, facts: Mapping[str, str] | None = None
                    ) -> list[QuestionVerdict]:
    return [check_question(t, facts=facts) for t in texts]
