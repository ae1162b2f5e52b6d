"""Context rules: when a matched phrase is not a use of the wording, or not the role's duty.

- negation and refusal ("does not administer medication", "will never act as payee");
- someone else as the agent ("supports people to write their own plan", "nurses administer");
- mention rather than use (quoted words, "words like addict");
- proper names ("Narcotics Anonymous", "Department of Mental Health");
- contrast ("members and not patients") and criticism of a duty ("peers are too often misused
  as drivers");
- someone else's people ("a doctor's patients", "when a clinician leaves, their patients ...");
- the person's own request or consent, for duties that are fine when the person asks ("shares
  updates with the team when the person agrees", "offers rides if members ask").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from jdbuilder.language.patterns import Match, TokenView

SENTENCE_BREAK = frozenset({".", ";", ":", "!", "?", "\n", "\n\n"})
NEGATORS = frozenset({
    "not", "n't", "never", "no", "without", "nor", "neither", "avoid", "avoids", "avoiding",
    "avoided", "refrain", "refrains", "refraining",
    "prohibited", "forbidden", "excludes", "exclude", "excluding", "instead", "cannot",
    "nobody", "none",
})
NEGATOR_PAIRS = frozenset({("rather", "than"), ("instead", "of"), ("other", "than"),
                           ("free", "of"), ("no", "longer"), ("not", "only"), ("no", "one"),
                           ("refuse", "to"), ("refuses", "to"), ("declines", "to"),
                           ("decline", "to"), ("refusing", "to")})
CONTRAST = frozenset({"but", "however", "although", "though", "whereas", "while", "yet"})
COPULAS = frozenset({"is", "are", "was", "were", "remains", "remain", "be", "falls", "fall",
                     "sits", "lies"})
HELPERS = frozenset({
    "support", "supports", "supporting", "supported", "help", "helps", "helping", "helped",
    "assist", "assists", "assisting", "encourage", "encourages", "encouraging", "empower",
    "empowers", "empowering", "coach", "coaches", "coaching", "enable", "enables", "enabling",
    "teach", "teaches", "teaching", "prepare", "prepares", "preparing", "guide", "guides",
    "guiding", "invite", "invites", "inviting", "equip", "equips", "mentor", "mentors",
    "mentoring", "show", "shows", "showing", "walk", "walks", "walking", "accompany",
    "accompanies", "accompanying", "advocate", "advocates", "advocating", "ask", "asks",
    "asking", "remind", "reminds", "prompting", "prompts", "explain", "explains", "explaining",
})
PERSONS = frozenset({
    "people", "person", "persons", "participant", "participants", "member", "members",
    "individual", "individuals", "youth", "young", "family", "families", "them", "him", "her",
    "someone", "each", "others", "mentee", "mentees", "guest", "guests", "resident",
    "residents", "client", "clients", "student", "students", "adults", "adult", "parents",
    "parent", "caregivers", "caregiver", "peers", "everyone", "anyone", "whoever", "those",
    "they", "he", "she", "you", "loved", "relatives", "children", "teens", "survivors",
    "consumer", "consumers", "patient", "patients", "tenant", "tenants", "veteran", "veterans",
    "caller", "callers", "recipient", "recipients", "occupant", "occupants", "youths",
})
OWN = frozenset({"own"})
# Staff words that are also the titles of the roles being described ("Residential Counselor",
# "House Manager", "Peer Provider"): capitalized, they name the role itself, not other staff.
ROLE_TITLE_WORDS = frozenset({"manager", "managers", "worker", "workers", "counselor",
                              "counselors", "counsellor", "counsellors", "provider",
                              "providers", "practitioner", "practitioners"})
_DETERMINERS = frozenset({"the", "a", "an", "all", "each", "every", "any", "their", "his", "her"})
STAFF = frozenset({
    "nurse", "nurses", "nursing", "psychiatrist", "psychiatrists", "prescriber", "prescribers",
    "doctor", "doctors", "physician", "physicians", "clinician", "clinicians", "clinical",
    "pharmacist", "pharmacists", "pharmacy", "counselor", "counselors", "counsellor",
    "counsellors", "therapist", "therapists", "medical", "licensed", "licenced", "prescribing",
    "manager", "managers", "worker", "workers", "practitioner", "practitioners", "provider",
    "providers", "psychologist", "psychologists", "payee", "court", "courts", "judge", "police",
    "researchers", "evaluators", "investigators", "authors", "scientists",
    "officer", "officers", "probation", "parole", "security", "others", "colleagues",
})
SKIPPABLE = frozenset({
    "also", "will", "may", "can", "could", "would", "should", "shall", "must", "routinely",
    "usually", "often", "typically", "always", "then", "who", "which", "that", "to", "staff",
    "team", "teams", "members", "only", "alone", "directly",
})
MENTION_NOUNS = frozenset({
    "word", "words", "term", "terms", "label", "labels", "phrase", "phrases", "language",
    "expression", "expressions", "wording", "wordings", "slur", "slurs", "jargon", "names",
    "vocabulary", "descriptions", "descriptors", "terminology",
})
MENTION_LINKS = frozenset({"like", "such", "including", ":", "as", "e.g.", "-", "--", "("})
ORG_WORDS = frozenset({
    "anonymous", "department", "administration", "institute", "institutes", "association",
    "alliance", "center", "centre", "council", "coalition", "office", "agency", "foundation",
    "services", "network", "court", "division", "bureau", "commission", "society", "board",
    "program", "programme", "act", "project", "initiative", "academy", "collaborative",
    "university", "college", "hospital", "clinic", "lifeline", "line", "month", "week", "day",
    "grant", "fund", "award", "treaty", "law", "statute", "conference", "summit",
    # titles of documents and studies ("Evaluation of the ... Pilot Scheme")
    "scheme", "study", "handbook", "toolkit", "guide", "manual", "survey", "pilot", "series",
})
# Clinicians whose patients are theirs, not the peer worker's ("a doctor's patients").
CLINICIANS = frozenset({
    "doctor", "doctors", "physician", "physicians", "psychiatrist", "psychiatrists",
    "clinician", "clinicians", "provider", "providers", "therapist", "therapists", "nurse",
    "nurses", "prescriber", "prescribers", "psychologist", "psychologists", "dentist",
    "dentists", "surgeon", "surgeons", "practitioner", "practitioners", "counselor",
    "counselors", "counsellor", "counsellors", "md", "mds",
})
# Words that make the peer worker part of the subject ("nurses and peers support patients").
PEER_WORDS = frozenset({"peer", "peers", "we", "you", "our", "us", "specialist", "specialists",
                        "coach", "coaches", "mentor", "mentors", "advocate", "advocates",
                        "worker", "workers", "outreach", "chw", "chws", "navigator",
                        "navigators"})
PREPOSITIONS = frozenset({"of", "by", "under", "with", "from", "for", "to", "in", "at", "on",
                          "within", "among", "alongside", "into", "through", "via", "per"})
RELATIVES = frozenset({"which", "that", "who", "whom", "where", "when", "while", "if"})
# Organizations that can be the actor of a sentence ("the house conducts tests").
ORG_AGENTS = frozenset({
    "house", "houses", "home", "homes", "residence", "residences", "livings", "program",
    "programs", "programme", "programmes", "facility", "facilities", "agency", "agencies",
    "organization", "organizations", "organisation", "organisations", "clinic", "clinics",
    "hospital", "hospitals", "center", "centers", "centre", "centres", "court", "courts",
    "employer", "employers", "shelter", "shelters", "state", "states", "county", "counties",
    "system", "systems", "unit", "units",
})
CRITIQUE = frozenset({
    "taxi", "taxis", "misuse", "misuses", "misused", "misusing", "inappropriate",
    "inappropriately", "co-opted", "coopted", "erode", "erodes", "eroded", "eroding",
    "undermine", "undermines", "undermined", "undermining", "exploit", "exploited", "exploits",
})
CRITIQUE_PAIRS = frozenset({("too", "often"), ("role", "drift"), ("scope", "creep"),
                            ("not", "qualified"), ("not", "appropriate"),
                            ("inconsistent", "with")})
AUXILIARIES = frozenset({"is", "are", "was", "were", "will", "would", "can", "could", "may",
                         "might", "must", "should", "shall", "does", "do", "did", "has", "have",
                         "had", "also", "often", "usually", "typically", "generally", "always",
                         "sometimes", "then"})
# Words before "not" that make it a contrast with what came before ("members and not
# patients", "people, not cases", "they are not patients").
CONTRAST_LEADS = frozenset({"and", "but", "or", ",", "is", "are", "was", "were", "be", "been",
                            "being", "am"})
_SENTENCE_LEAD = frozenset({"-", "*", "\u2022", "(", ")", '"', "'", ".", ":", ";", "\n", "\n\n"})
_QUOTED = re.compile(r"\"[^\"\n]{1,200}\"|(?<![A-Za-z0-9])'[^'\n]{1,200}'(?![A-Za-z0-9])")


def _clause_back(view: TokenView, start: int, limit: int) -> list[int]:
    """Token indexes before `start`, nearest first, up to a sentence break or contrast word."""
    out: list[int] = []
    i = start - 1
    while i >= 0 and len(out) < limit:
        t = view.text(i)
        if t in SENTENCE_BREAK or t.isspace() or t in CONTRAST:
            break
        out.append(i)
        i -= 1
    return out


def _clause_forward(view: TokenView, end: int, limit: int) -> list[int]:
    out: list[int] = []
    i = end
    while i < view.n and len(out) < limit:
        t = view.text(i)
        if t in SENTENCE_BREAK or t.isspace() or t in CONTRAST or t == ",":
            break
        out.append(i)
        i += 1
    return out


def is_negated(view: TokenView, m: Match) -> bool:
    """A negation or refusal governs the match ("does not ...", "... is not part of the role")."""
    back = _clause_back(view, m.start, 16)
    words = [view.text(i) for i in back]
    for k, w in enumerate(words):
        if w in NEGATORS:
            # "not only", "not just", "not limited to" are emphasis, not negation
            if w == "not" and k > 0 and words[k - 1] in ("only", "just", "limited"):
                continue
            return True
        if k > 0 and (w, words[k - 1]) in NEGATOR_PAIRS and (w, words[k - 1]) != ("not", "only"):
            return True
    # a negator inside the match (not its first word: a pattern may start with its own "not"),
    # unless it sits in a relative clause about the people ("discharges guests who do not
    # follow the plan")
    inside = [view.text(i) for i in range(m.start + 1, m.end)]
    for w in inside:
        if w in ("who", "that", "which", "whose"):
            break
        if w in ("not", "n't", "never"):
            return True
    # "Administering medication is not part of this role": the copula right after the match.
    fwd = [view.text(i) for i in _clause_forward(view, m.end, 4)]
    for k, w in enumerate(fwd[:2]):
        if w in COPULAS and k + 1 < len(fwd) and fwd[k + 1] in (
                "not", "n't", "never", "outside", "excluded", "nobody's", "no"):
            return True
    return False


def someone_else_acts(view: TokenView, m: Match,
                      is_verb: Callable[[int], bool] = lambda i: False) -> bool:
    """The role supports another person to act, or other staff do it."""
    back = _clause_back(view, m.start, 12)
    words = [view.text(i) for i in back]
    # "helps people write their own plan": the person acts, with support
    span = [view.text(i) for i in range(m.start, min(m.end + 3, view.n))]
    if OWN & set(span) and (PERSONS | HELPERS) & set(words):
        return True
    person_at = -1
    for k, w in zip(back, words, strict=True):
        if w == ",":
            break  # "help them find meetings, and collect urine samples": a new duty
        if w in PERSONS:
            person_at = k
        elif w in HELPERS and 0 < person_at - k <= 3 and not _title_word(view, k):
            return True  # "supports people to ...", "assists the person in ..."
    # "Nurses administer ...", "nursing staff will administer ...", and for a duty named by a
    # noun, "a licensed clinician completes all risk assessments"
    verb_skipped = is_verb(m.start)
    idx, hops = 0, 0
    while idx < len(back):
        i = back[idx]
        w = view.text(i)
        idx += 1
        if w in SKIPPABLE or w in _DETERMINERS:
            continue
        if not verb_skipped and is_verb(i):
            verb_skipped = True
            continue
        if w in ("and", "or") and hops < 2:
            # a duty joined to an earlier one shares its subject ("nurses who administer
            # medications and monitor vital signs"): look before the earlier duty's verb
            verb_at = next((k for k in range(idx, min(idx + 10, len(back)))
                            if is_verb(back[k])), None)
            if verb_at is None:
                break
            idx, hops = verb_at + 1, hops + 1
            continue
        if w in STAFF:
            prev = view.text(i - 1) if i > 0 else ""
            before = view.text(i - 2) if i > 1 else ""
            if w in ROLE_TITLE_WORDS and _in_title(view, i):
                return False  # "The Residential Counselor ...", "House Manager ...": the role
            # "peer staff administer ..." is the role itself; "helps the nurse pass
            # medications" makes the peer a co-worker in the task; "under the direction of a
            # provider to implement ..." leaves the role as the actor.
            if prev in ("the", "a") and before in HELPERS | {"with", "and"}:
                return False
            if _governed_by_preposition(view, i):
                break
            return not (prev == "peer" or prev in HELPERS or (w == "others" and prev == "with"))
        break
    if _organization_acts(view, m, back, is_verb):
        return True
    # "... is done by nursing staff", "... remains the job of the clinical team"
    fwd = [view.text(i) for i in _clause_forward(view, m.end, 8)]
    for k, w in enumerate(fwd[:-1]):
        # a passive with other staff as the actor ("is done by nursing staff"), not "when
        # directed by the charge nurse"
        if w == "by" and any(x in STAFF for x in fwd[k + 1: k + 4]) and (k == 0 or any(
                x in COPULAS or x in ("be", "been", "being") for x in fwd[:k])):
            return True
        if w in ("job", "role", "responsibility", "task", "duty", "work", "province") and \
                fwd[k + 1] == "of" and any(x in STAFF | {"team"} for x in fwd[k + 2: k + 5]):
            return True
        # "... stays with nursing staff", "... is left to other roles"
        if w in ("stays", "stay", "remains", "remain", "rests", "belongs", "belong", "left") and \
                fwd[k + 1] in ("with", "to") and any(
                    x in STAFF | {"team", "teams", "roles", "other", "nursing"}
                    for x in fwd[k + 2: k + 6]):
            return True
    return False


def quoted_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Quoted spans in text[start:end], as offsets into text."""
    piece = text[start:end]
    return [(q.start() + start, q.end() + start) for q in _QUOTED.finditer(piece)]


def is_mention(view: TokenView, m: Match, char_start: int, char_end: int,
               quotes: list[tuple[int, int]]) -> bool:
    """The words are talked about, not used: quoted, or listed after "words like"."""
    if any(s <= char_start and char_end <= e for s, e in quotes):
        return True
    back = _clause_back(view, m.start, 14)
    words = [view.text(i) for i in back]
    if words and words[0] in MENTION_NOUNS:
        return True
    if len(words) > 1 and words[0] in ("a", "an", "the") and words[1] in MENTION_NOUNS:
        return True
    for k, w in enumerate(words):
        if w in MENTION_LINKS and k + 1 < len(words) and words[k + 1] in MENTION_NOUNS:
            return True
        if w in ("as",) and k + 2 < len(words) and words[k + 1] == "such" \
                and words[k + 2] in MENTION_NOUNS:
            return True
    return False


_NAME_JOINERS = frozenset({"of", "on", "and", "for", "the", "&", "in", "to", "with"})


def in_capitalized_name(view: TokenView, m: Match) -> bool:
    """Part of a run of capitalized words that names an organization or program."""
    doc = view.doc

    def cap(i: int) -> bool:
        t = doc[i].text
        return bool(t) and (t[0].isupper() or t in ("of", "on", "and", "for", "the", "&"))

    if not all(doc[i].text[:1].isupper() or doc[i].text in _NAME_JOINERS
               for i in range(m.rep_start, m.rep_end) if doc[i].is_alpha):
        return False
    lo = m.rep_start
    while lo > 0 and cap(lo - 1) and not view.breaker(lo - 1):
        lo -= 1
    hi = m.rep_end
    while hi < view.n and cap(hi) and not view.breaker(hi):
        hi += 1
    run = [doc[i].text for i in range(lo, hi)]
    caps = [t for t in run if t[:1].isupper()]
    if len(caps) < 2:
        return False
    words = [t for t in run if t.isalpha()]
    if len(words) >= 3 and all(t.isupper() for t in words):
        return False  # a sentence in capitals, not a name
    # the words of the match itself do not make a name ("Medication Administration Certificate")
    outside = [doc[i].text for i in range(lo, hi) if not m.rep_start <= i < m.rep_end]
    return any(t[:1].isupper() and t.lower() in ORG_WORDS for t in outside)


def _in_title(view: TokenView, i: int) -> bool:
    """Token i is part of a capitalized title of several words ("House Manager", "Peer
    Support Counselor"), not just a capital at a sentence start."""
    doc = view.doc
    if not doc[i].text[:1].isupper():
        return False
    return any(0 <= k < view.n and doc[k].is_alpha and doc[k].text[:1].isupper()
               for k in (i - 1, i + 1))


def _title_word(view: TokenView, i: int) -> bool:
    """A capitalized word inside a sentence, as in a job title ("Peer Support Specialist")."""
    text = view.doc[i].text
    return i > 0 and text[:1].isupper() and not view.breaker(i - 1)


def _governed_by_preposition(view: TokenView, i: int, reach: int = 5) -> bool:
    """The noun at i is the object of a preposition ("the direction of a licensed provider"),
    looking back over its modifiers to a preposition, a relative word or a clause break."""
    for k in range(i - 1, max(i - 1 - reach, -1), -1):
        t = view.text(k)
        if t in RELATIVES or t in SENTENCE_BREAK or t == "," or t.isspace():
            return False
        if t in PREPOSITIONS:
            return True
    return False


def _organization_acts(view: TokenView, m: Match, back: list[int],
                       is_verb: Callable[[int], bool]) -> bool:
    """An organization is the subject right before the duty ("the house conducts tests",
    "most sober livings require ..."), not a place the role works in ("in the program") nor
    the object of a verb ("utilizes agency techniques")."""
    for n, i in enumerate(back[:8]):
        w = view.text(i)
        if w == "at" and view.text(i + 1) in ("least", "most"):
            continue
        if w in PREPOSITIONS or w in PEER_WORDS or w in PERSONS or w in STAFF or w == ",":
            return False
        if w in ORG_AGENTS:
            nxt = view.text(i + 1) if i + 1 < view.n else ""
            if nxt in ("'s", "'") or n > 5:
                return False
            # the subject: followed by the duty, an auxiliary or a verb, not by the noun it
            # names ("house rules are enforced")
            # (right before a duty named by a noun it is a modifier: "the house laundry", "a
            # state medication technician certificate")
            if not ((i + 1 == m.start and is_verb(m.start)) or nxt in AUXILIARIES
                    or is_verb(i + 1)):
                return False
            return not _object_of(view, i, is_verb)
    return False


def _object_of(view: TokenView, i: int, is_verb: Callable[[int], bool], reach: int = 3) -> bool:
    """The noun at i follows a preposition or a verb within its noun phrase."""
    for k in range(i - 1, max(i - 1 - reach, -1), -1):
        t = view.text(k)
        if t in RELATIVES or t in SENTENCE_BREAK or t == "," or t.isspace():
            return False
        if t in PREPOSITIONS or is_verb(k):
            return True
    return False


def others_people(view: TokenView, m: Match, sentence_start: int) -> bool:
    """The people named belong to someone else: "a doctor's patients", "doctor-patient",
    "when a clinician leaves, their patients ...", "doctors rarely tell patients ..."."""
    i = m.start
    prev = view.text(i - 1) if i > 0 else ""
    prev2 = view.text(i - 2) if i > 1 else ""
    if prev in ("'s", "'") and prev2 in CLINICIANS:
        return True
    if prev == "-" and prev2 in CLINICIANS | {"staff", "professional", "provider"}:
        return True
    earlier = range(i - 1, sentence_start - 1, -1)
    if prev in ("their", "his", "her"):
        return any(view.text(k) in CLINICIANS for k in earlier)
    for k in earlier:
        w = view.text(k)
        if w in PEER_WORDS:
            return False
        if w in CLINICIANS and not _governed_by_preposition(view, k):
            return True
    return False


def contrasted(view: TokenView, m: Match) -> bool:
    """The words are rejected right where they stand: "members and not patients", "people,
    never cases", "people rather than addicts"."""
    i = m.start
    words = [view.text(k) for k in range(max(i - 3, 0), i)]
    words = ["", "", "", *words][-3:]
    if words[2] in ("a", "an", "the"):
        words = ["", *words[:2]]
    if words[2] in ("not", "never") and words[1] in CONTRAST_LEADS:
        return True
    return (words[1], words[2]) in (("rather", "than"), ("instead", "of"))


def criticised(view: TokenView, lo: int, hi: int) -> bool:
    """The sentence criticises a duty instead of assigning it ("peers are too often misused
    as drivers", "role drift into enforcement")."""
    words = [view.text(k) for k in range(lo, hi)]
    if CRITIQUE & set(words):
        return True
    return any((a, b) in CRITIQUE_PAIRS for a, b in itertools.pairwise(words))


# What a person may want "to" do that is the duty itself ("when members want to share").
_CONSENTED_ACTS = frozenset({"share", "talk", "do", "have", "be", "go", "come", "join",
                             "attend", "meet", "ride", "use", ".", ","})
# "when the person asks", "if they choose", "with their permission", "at the member's request"
CONSENT_LEADS = frozenset({"when", "if", "whenever", "once", "where", "as", "after"})
CONSENT_VERBS = frozenset({
    "ask", "asks", "asked", "want", "wants", "wanted", "request", "requests", "requested",
    "agree", "agrees", "agreed", "consent", "consents", "consented", "choose", "chooses",
    "chose", "invite", "invites", "invited", "prefer", "prefers", "wish", "wishes", "wished",
    "permit", "permits", "allow", "allows", "like",
})
CONSENT_NOUNS = frozenset({"permission", "consent", "agreement", "knowledge", "approval",
                           "authorization", "authorisation", "release", "request", "invitation"})
_CONSENT_HOLDERS = frozenset({"their", "his", "her", "its", "written", "signed", "informed",
                              "explicit", "express", "own", "'s", "'", "a", "the"})


def consented(view: TokenView, lo: int, hi: int) -> bool:
    """The sentence makes the duty the person's choice: "when the person agrees", "if they
    ask", "with their permission", "at the member's request" (not "with the supervisor's
    approval")."""
    words = [view.text(k) for k in range(lo, hi)]
    for k, w in enumerate(words):
        if w in CONSENT_LEADS:
            # a person (or pronoun) as the subject, then a consent verb, within a few words
            subject = False
            for j in range(k + 1, min(k + 6, len(words))):
                x = words[j]
                if x in PERSONS:
                    subject = True
                elif x in CONSENT_VERBS and subject:
                    # "if they want to", "when the person wants to share": the duty itself;
                    # "when a resident wants to leave" asks for something else
                    after = words[j + 1:j + 3]
                    if after[:1] == ["to"] and after[1:] and after[1] not in _CONSENTED_ACTS:
                        break
                    return True
                elif x in SENTENCE_BREAK or x == ",":
                    break
        elif w in ("with", "at", "upon", "on", "by") and k + 1 < len(words):
            between = words[k + 1:k + 7]
            for j, x in enumerate(between):
                if x in CONSENT_NOUNS:
                    held = between[:j]
                    if (w == "with" or x in ("request", "invitation")) and all(
                            y in _CONSENT_HOLDERS or y in PERSONS for y in held) and (
                            w == "with" or any(y in PERSONS or y in ("their", "his", "her")
                                               for y in held)):
                        return True
                    break
                if x in STAFF or x in SENTENCE_BREAK:
                    break
    return False


def starts_sentence(view: TokenView, lo: int, start: int) -> bool:
    """Only bullets, numbers or punctuation come before `start` in its sentence."""
    return all(view.text(k) in _SENTENCE_LEAD or view.text(k).isspace() or view.like_num(k)
               for k in range(lo, start))
