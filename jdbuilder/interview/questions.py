"""The pre-offer question checker: `check_question(text) -> QuestionVerdict`.

Rules are data (`resources/interview/rules.yaml`). The engine adds the judgements the rules brief
describes: *whose* health a clinical word concerns (the candidate's, or the people served),
reported speech in scenarios ("a participant asks what medication worked for you"), explicit
non-asks ("without telling us your diagnosis"), and use versus content of lived experience.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from jdbuilder.datafile import load_yaml
from jdbuilder.datapaths import resource
from jdbuilder.errors import ContentError
from jdbuilder.schema import Field, validate

VERDICTS = ("ok", "caution", "not_allowed")
RANK = {v: i for i, v in enumerate(VERDICTS)}
LAWS = {
    "ada": "ADA/GINA: asking is itself the violation before a conditional offer",
    "gina": "ADA/GINA: asking is itself the violation before a conditional offer",
    "title-vii": "Title VII and related laws: the question is evidence of discrimination and "
                 "has no job purpose",
    "adea": "Age Discrimination in Employment Act: the question is evidence of discrimination "
            "and has no job purpose",
    "fair-chance": "Jurisdiction-dependent: fair-chance and arrest-record laws vary by state "
                   "and city",
    "practice": "Good practice: a proxy for a protected characteristic",
}
LIVED_EXPERIENCE_NOTE = (
    "Let the candidate choose what to share. Do not follow up on diagnosis, medication, "
    "hospital stays, treatment or time in recovery, and record no health details in notes."
)

RULE_SCHEMA = {
    "id": Field("id"),
    "verdict": Field("str", choices=frozenset({"caution", "not_allowed"})),
    "law": Field("str", choices=frozenset(LAWS)),
    "about": Field("str", choices=frozenset({"applicant", "any"})),
    "topics": Field("list", items=Field("text"), min_items=1),
    "allow": Field("list", items=Field("text"), required=False),
    "reason": Field("text"),
    "rewrites": Field("list", items=Field("text"), min_items=1),
    "source": Field("text"),
    "note": Field("str", required=False),
}

APPLICANT = frozenset({"you", "your", "yours", "yourself", "you've", "you're", "you'd",
                       "you'll", "ya", "u"})
OTHER = frozenset({
    "they", "them", "their", "theirs", "themselves", "he", "she", "his", "her", "him", "hers",
    "they've", "they're", "they'd", "they'll", "he's", "she's", "he'd", "she'd", "he'll",
    "she'll",
    "participant", "participants", "participant's", "person", "person's", "people", "people's",
    "someone", "someone's", "somebody", "client", "clients", "member", "members", "individual",
    "individuals", "youth", "mentee", "mentees", "family", "families", "relative", "relatives",
    "patient", "patients", "resident", "residents", "guest", "guests", "caller", "callers",
    "student", "students", "parent", "parents", "child", "children", "kid", "kids", "anyone",
    "everyone", "others", "coworker", "coworkers", "co-worker", "co-workers", "colleague",
    "colleagues", "peer", "peers", "adult", "adults", "veteran", "veterans", "man", "woman",
    "men", "women", "friend", "friends", "loved", "who", "whose", "mother", "father", "sibling",
    "siblings", "brother", "sister", "son", "daughter", "teen", "teens", "teenager",
    "teenagers", "survivor", "survivors", "worker", "workers", "supervisee", "supervisees",
    "staff", "team", "boy", "girl", "young", "neighbor", "neighbour", "partner",
    "officer", "officers", "nurse", "nurses", "doctor", "doctors", "psychiatrist",
    "psychiatrists", "clinician", "clinicians", "therapist", "therapists", "counselor",
    "counselors", "counsellor", "counsellors", "supervisor", "supervisors", "manager",
    "managers", "judge", "lawyer", "attorney", "prescriber", "landlord", "employer", "teacher",
    "teachers", "caseworker", "advocate", "coach", "mentor", "roommate", "housemate",
})
_NOT_NAMES = frozenset({
    "i", "peer", "peers", "recovery", "certified", "monday", "mondays", "tuesday", "tuesdays",
    "wednesday", "wednesdays", "thursday", "thursdays", "friday", "fridays", "saturday",
    "saturdays", "sunday", "sundays", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "english", "spanish",
    "christmas", "easter", "ramadan", "passover", "diwali", "eid", "sabbath", "god", "church",
    "wrap", "ada", "ssi", "ssdi", "er", "ed", "us", "usa", "america", "american",
})
ASK_STARTS = frozenset({"any", "ever", "history", "list", "please", "have", "has", "had", "do",
                        "does", "did", "are", "is", "were", "was", "will", "would", "can",
                        "could", "when", "date", "how", "tell", "describe", "share",
                        "explain", "your"})
_PROPER = re.compile(r"(?<![.?!;:]\s)(?<!^)(?<![.?!;:])\b([A-Z][a-z]+)\b")
SPEECH = frozenset({"ask", "asks", "asked", "asking", "tell", "tells", "told", "telling", "say",
                    "says", "said", "saying", "mention", "mentions", "mentioned", "confide",
                    "confides", "confided", "disclose", "discloses", "disclosed", "reveal",
                    "reveals", "revealed", "share", "shares", "shared", "question", "questions",
                    "questioned", "wonders", "wants", "want"})
_WORD = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_SENTENCE = re.compile(r"[^.?!;]+[.?!;]*")
_NOT_ASKING = re.compile(
    r"\b(without (telling|sharing|disclosing|naming|mentioning|going into|revealing|"
    r"describing|giving)|(do not|don't|no need to|not need to|never|not required to|"
    r"not have to|don't have to|do not have to|not expected to)( need to| have to)? "
    r"(share|disclose|tell|name|mention|reveal|describe|discuss|talk about)|"
    r"we (will not|won't|do not|don't|are not going to|aren't going to) ask|"
    r"(not|never) ask(ing)? (you )?about|(keep|leave) (out|aside))\b[^.?!,]*$")
_USE_FRAME = re.compile(
    r"\b(how|when|why|in what ways?|what) (would|will|might|could|do|did|can|should) you "
    r"(\w+ ){0,2}(use|draw on|draw upon|share|bring|apply|decide|choose|integrate|balance|"
    r"offer|know when|tell when|judge|weigh|put|channel|turn)\b|\b(using|sharing|drawing on) "
    r"(parts of )?your\b|\bwhat would you share\b|\bhow much (of your|would you share)")
_LIVED = re.compile(r"\b(lived|personal|own) experiences?\b|\byour (own )?(story|journey)\b")


@dataclass(frozen=True)
class QuestionRule:
    id: str
    verdict: str
    law: str
    about: str
    topics: tuple[re.Pattern[str], ...]
    allow: tuple[re.Pattern[str], ...]
    reason: str
    rewrites: tuple[str, ...]
    source: str
    note: str


@dataclass(frozen=True)
class Hit:
    rule: str
    verdict: str
    phrase: str


@dataclass(frozen=True)
class QuestionVerdict:
    text: str
    verdict: str  # ok | caution | not_allowed
    category: str  # rule id, or "none"
    reason: str
    rewrite: str | None
    source: str
    note: str = ""
    law: str = ""
    rewrites: tuple[str, ...] = ()
    hits: tuple[Hit, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "verdict": self.verdict, "category": self.category,
                "reason": self.reason, "rewrite": self.rewrite, "source": self.source,
                "note": self.note}


_CONTRACTION = re.compile(r"\b(what|how|where|who|when|why|that|there|here|it)'s\b")


def normalise(text: str) -> str:
    t = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    t = t.replace("\u201d", '"').replace("\u2014", " - ").replace("\u2013", " - ")
    t = " ".join(t.lower().split())
    return _CONTRACTION.sub(r"\1 is", t)


def load_rules(path: Path | None = None) -> tuple[QuestionRule, ...]:
    p = path or resource("interview", "rules.yaml")
    data = load_yaml(p)
    items = data.get("rules") if isinstance(data, Mapping) else None
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
        if item["id"] in seen:
            raise ContentError(p, "duplicate rule id", entry=entry, field="id")
        seen.add(item["id"])

        def compiled(key: str, patterns: Sequence[str], rid: str = item["id"]) -> tuple[
                re.Pattern[str], ...]:
            out_p = []
            for i, pat in enumerate(patterns, start=1):
                try:
                    out_p.append(re.compile(pat))
                except re.error as exc:
                    raise ContentError(p, f"invalid pattern: {exc}", entry=rid,
                                       field=f"{key}[{i}]") from None
            return tuple(out_p)

        out.append(QuestionRule(
            id=item["id"], verdict=item["verdict"], law=item["law"], about=item["about"],
            topics=compiled("topics", item["topics"]),
            allow=compiled("allow", item.get("allow") or ()),
            reason=item["reason"].strip(), rewrites=tuple(item["rewrites"]),
            source=item["source"], note=(item.get("note") or "").strip(),
        ))
    return tuple(out)


@cache
def default_rules() -> tuple[QuestionRule, ...]:
    return load_rules()


def _words_before(sentence: str, pos: int) -> list[str]:
    return _WORD.findall(sentence[:pos])


def proper_names(text: str) -> frozenset[str]:
    """Lower-cased capitalised words inside sentences: names of people in scenarios ("Sam")."""
    return frozenset(m.group(1).lower() for m in _PROPER.finditer(text)
                     if m.group(1).lower() not in _NOT_NAMES
                     and not m.group(1).lower().endswith(("es", "ers", "ists", "ors")))


WORK_RELATIONS = frozenset({"employer", "employers", "supervisor", "supervisors", "manager",
                            "managers", "boss", "coworker", "coworkers", "co-worker",
                            "co-workers", "colleague", "colleagues", "references", "reference",
                            "referee", "referees"})
DESCRIPTIVE = frozenset({"person", "someone", "somebody", "client", "patient", "member",
                         "consumer", "survivor", "individual", "recipient", "user", "resident",
                         "participant", "peer", "veteran", "parent", "mother", "father",
                         "woman", "man", "adult", "student", "guest", "caller"})
_ADVERBS = frozenset({"once", "ever", "currently", "still", "now", "yourself", "also", "really",
                      "personally", "previously", "formerly"})
_COPULAS = frozenset({"been", "are", "were", "you're", "being", "be", "was"})


def _describes_applicant(before: list[str]) -> bool:
    """The words before a person noun make it the candidate: "as a", "yourself a", "you a"."""
    words = [w for w in before[-6:] if w not in _ADVERBS or w == "yourself"]
    if words and words[-1] in ("a", "an"):
        words = words[:-1]
    if not words:
        return False
    last = words[-1]
    if last == "yourself" or last in APPLICANT:
        return True
    if last == "as":
        return any(x in APPLICANT for x in before)
    if last in _COPULAS:
        return any(x in APPLICANT for x in words[-3:-1])
    return False


def experiencer(sentence: str, pos: int, end: int,
                names: frozenset[str] = frozenset()) -> str:
    """Whose is the topic at [pos, end): 'applicant', 'other' or 'unknown'."""
    before = _words_before(sentence, pos)
    for i in range(len(before) - 1, -1, -1):
        w = before[i]
        prev = before[i - 1] if i > 0 else ""
        if w in APPLICANT:
            # "someone you support", "a participant you work with": a relative clause about
            # another person, not the candidate.
            if prev in OTHER and prev not in ("who", "whose"):
                return "other"
            return "applicant"
        if w in WORK_RELATIONS and "your" in before[max(0, i - 3):i]:
            continue  # "your last employer mentioned some absences": still about the candidate
        if w in OTHER or w in names:
            # "do you see yourself as someone with ...", "have you ever been a client of ...",
            # "are you a person in recovery": the candidate described, not another person.
            if w in DESCRIPTIVE and _describes_applicant(before[:i]):
                return "applicant"
            return "other"
    for w in _WORD.findall(sentence[end:]):
        if w in APPLICANT:
            return "applicant"
        if w in OTHER or w in names:
            return "other"
    # No person named at all: a short or direct question ("Any hospital stays?") is put to the
    # candidate; a longer general one ("What makes a peer group different from a therapy
    # group?") is about the work.
    words = _WORD.findall(sentence)
    if len(words) <= 8 or (words and words[0] in ASK_STARTS):
        return "applicant"
    return "unknown"


_RESPONSE_FRAME = re.compile(
    r"\b(how|what) (would|will|might|could|should|do|did|can) you\b|\bwhat (is|would be) "
    r"your (response|answer|reply)|\bhow you('d| would)\b|\bwhat you('d| would) do\b")


def _reported(sentence: str, pos: int, question: str) -> bool:
    """The topic sits inside someone else's words in a scenario: "a participant asks what
    medication worked for you. How would you handle that?" (but not "your last employer
    mentioned some absences: what were they for?")."""
    if not _RESPONSE_FRAME.search(question):
        return False
    words = _words_before(sentence, pos)
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
                       "understanding", "learned", "learnt", "training", "trained", "views",
                       "view", "opinion", "opinions", "perspective", "educate", "thoughts"})
ACTIONS = SPEECH | frozenset({"wants", "recommends", "suggests", "prescribes", "decides",
                              "calls", "refers", "changes", "writes", "wrote", "thinks",
                              "believes", "insists", "orders", "requires", "expects",
                              "reports", "pressures", "urges", "tries"})


def _job_knowledge(sentence: str, pos: int) -> bool:
    """"What do you know about medications for opioid use disorder?" is job knowledge."""
    words = _words_before(sentence, pos)[-6:]
    for i, w in enumerate(words):
        if w in KNOWLEDGE and not any(x in APPLICANT for x in words[i + 1:]):
            return True
    return False


MODIFIED = frozenset({"prevention", "awareness", "education", "training", "curriculum",
                      "workshop", "workshops", "field", "sector", "literature", "policy",
                      "policies", "research", "model", "models", "topic", "topics", "class",
                      "classes", "course", "courses", "certification", "setting", "settings",
                      "system", "systems", "professionals", "providers", "agencies",
                      "resources"})


def _topic_is_modifier(sentence: str, end: int) -> bool:
    """"a group on relapse prevention": the topic word names a kind of work, not a person."""
    after = _WORD.findall(sentence[end:])
    return bool(after) and after[0] in MODIFIED


def _topic_is_speaker(sentence: str, end: int) -> bool:
    """"A psychiatrist asks you to ...": the topic word is a third party who acts."""
    after = _WORD.findall(sentence[end:])
    return bool(after) and after[0] in ACTIONS


_REQUIREMENT = re.compile(r"\b(need|needs|require|requires|required|must|should have|expect|"
                          r"expects|looking for)\b")


def _hits(sentence: str, rules: Sequence[QuestionRule], names: frozenset[str] = frozenset(),
          whole: bool = False, question: str = "") -> list[tuple[QuestionRule, str, int]]:
    """Rule hits in one sentence (or, with `whole`, the cross-sentence patterns in a question)."""
    out: list[tuple[QuestionRule, str, int]] = []
    for rule in rules:
        if any(a.search(sentence) for a in rule.allow if not a.pattern.startswith("(?#span)")):
            continue
        covering = [(m.start(), m.end()) for a in rule.allow
                    if a.pattern.startswith("(?#span)") for m in a.finditer(sentence)]
        for pat in rule.topics:
            if pat.pattern.startswith("(?#whole)") != whole:
                continue
            for m in pat.finditer(sentence):
                start, end = (m.start("t"), m.end("t")) if "t" in pat.groupindex and \
                    m.group("t") is not None else (m.start(), m.end())
                if _NOT_ASKING.search(sentence[:start]):
                    continue
                if any(s0 <= start and end <= e0 for s0, e0 in covering):
                    continue
                if rule.about == "applicant":
                    inside = _WORD.findall(sentence[start:end])
                    who = "applicant-own" if any(w in APPLICANT for w in inside) else \
                        experiencer(sentence, start, end, names)
                    if who == "unknown" and _REQUIREMENT.search(sentence) and any(
                            w in APPLICANT for w in _WORD.findall(question)):
                        # "Coaches here need two years of ... Do you have that?"
                        who = "applicant"
                    if who in ("other", "unknown"):
                        continue
                    if rule.law in ("ada", "gina") and who != "applicant-own" and (
                            _reported(sentence, start, question)
                            or _job_knowledge(sentence, start)
                            or _topic_is_speaker(sentence, end)
                            or _topic_is_modifier(sentence, end)):
                        continue
                out.append((rule, m.group(0), start))
                break
    return out


def check_question(text: str, rules: Sequence[QuestionRule] | None = None) -> QuestionVerdict:
    """The verdict for one interview question, with reason, rule source and a compliant rewrite."""
    if rules is None:
        return _check_default(text)
    return _check(text, rules)


@lru_cache(maxsize=4096)
def _check_default(text: str) -> QuestionVerdict:
    return _check(text, default_rules())


def _check(text: str, rules: Sequence[QuestionRule]) -> QuestionVerdict:
    active = rules
    norm = normalise(text)
    hits: list[tuple[QuestionRule, str, int]] = []
    use_frame = False
    names = proper_names(text)
    for sentence in _SENTENCE.findall(norm) or [norm]:
        sentence_hits = _hits(sentence, active, names, question=norm)
        if _USE_FRAME.search(sentence) and _LIVED.search(sentence):
            use_frame = True
            # "How would you use your lived experience ..." asks about a job function. A named
            # condition inside it still presumes a disclosure: caution, not a block.
            sentence_hits = [(r, ph, pos) for r, ph, pos in sentence_hits
                             if r.id != "lived-experience-content"]
            sentence_hits = [(_downgraded(r), ph, pos) if r.verdict == "not_allowed" else
                             (r, ph, pos) for r, ph, pos in sentence_hits]
        hits.extend(sentence_hits)
    hits.extend(_hits(norm, active, names, whole=True, question=norm))
    if not hits:
        note = LIVED_EXPERIENCE_NOTE if (use_frame or _LIVED.search(norm)) else ""
        return QuestionVerdict(text, "ok", "none", "No pre-offer rule applies to this question.",
                               None, "", note=note)
    order = {r.id: i for i, r in enumerate(active)}
    hits.sort(key=lambda h: (-RANK[h[0].verdict], order.get(h[0].id.removesuffix("~caution"),
                                                             len(order)), h[2]))
    rule = hits[0][0]
    rewrite = rule.rewrites[0]
    note = rule.note or (LIVED_EXPERIENCE_NOTE if rule.verdict == "caution" else "")
    return QuestionVerdict(
        text=text, verdict=rule.verdict, category=rule.id.removesuffix("~caution"),
        reason=f"{rule.reason} ({LAWS[rule.law]}.)", rewrite=rewrite, source=rule.source,
        note=note, law=rule.law, rewrites=rule.rewrites,
        hits=tuple(Hit(r.id.removesuffix("~caution"), r.verdict, ph) for r, ph, _ in hits),
    )


@cache
def _downgraded_cache(rule: QuestionRule) -> QuestionRule:
    return QuestionRule(
        id=rule.id + "~caution", verdict="caution", law=rule.law, about=rule.about,
        topics=rule.topics, allow=rule.allow,
        reason="Asking how the candidate would use their lived experience is fine, but this "
               "wording names a condition or service, which presumes a disclosure. Keep the "
               "question general.",
        rewrites=("How would you decide what parts of your own experience to share with "
                  "someone you support, and when?",),
        source=rule.source, note=LIVED_EXPERIENCE_NOTE)


def _downgraded(rule: QuestionRule) -> QuestionRule:
    return _downgraded_cache(rule)


def check_questions(texts: Sequence[str]) -> list[QuestionVerdict]:
    return [check_question(t) for t in texts]
