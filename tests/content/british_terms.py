"""British spellings and UK-only employment terms that shipped US content must not use.

`british_terms(text)` returns every match as `(term, offset)`; `british_findings(text)` adds
the US wording to use instead. The lists are plain data so other content checks (lexicons,
rules, UI strings, docs) can reuse them. Proper names that legitimately keep a British
spelling are listed in `PROPER_NAMES`; words that end in -ise in US English too (advise,
exercise, supervise, otherwise, expertise, promise, enterprise ...) are never flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["PROPER_NAMES", "TERMS", "Finding", "british_findings", "british_terms"]


@dataclass(frozen=True)
class Finding:
    term: str  # the text as found
    offset: int  # character offset in the text checked
    suggestion: str  # the US wording


_I = re.IGNORECASE

# (regex, suggestion). Matched case-insensitively unless the regex sets its own flags.
_SPELLINGS: list[tuple[str, str]] = [
    (r"\bprogramm(?:e|es|ed|ing)\b", "program"),
    (r"\b(?:behavi|col|fav|hon|neighb|lab|harb|hum|rum|sav|savi|flav|endeav|vig|rig|val|od"
     r"|arm|parl|cand|splend|clam|ferv|ard|tum|vap|demean)our\w*", "-or (behavior, color ...)"),
    (r"\w*(?:centre|centred|centres|centring)\b", "center"),
    (r"\b(?:theatre|theatres|fibre|fibres|calibre|sombre|spectre|lustre|sabre|meagre|litre"
     r"|litres|(?:kilo|centi|milli)?metres?)\b", "-er (theater, fiber ...)"),
    (r"\w*judgement\w*", "judgment"),
    (r"\w*acknowledgement\w*", "acknowledgment"),
    (r"\blicen[cs]e(?=[ -]plate)|\blicence[sd]?\b|\blicencing\b", "license"),
    (r"\b(?:defence|defences|offence|offences|pretence)\b", "defense / offense / pretense"),
    (r"\bpractis(?:e|es|ed|ing)\b", "practice (verb)"),
    (r"\btravell(?:ed|ing|er|ers)\b", "traveled / traveling / traveler"),
    (r"\blabell(?:ed|ing)\b", "labeled / labeling"),
    (r"\bcounsell(?:ed|ing|or|ors)\b", "counseling / counselor"),
    (r"\bmodell(?:ed|ing|er|ers)\b", "modeled / modeling"),
    (r"\bcancell(?:ed|ing)\b", "canceled / canceling"),
    (r"\b(?:fuell|signall|levell|totall|channell|tunnell|diall|equall|rivall|quarrell|grovell"
     r"|shovell|swivell|pedall|marshall|bevell)(?:ed|ing)\b", "single l (signaled ...)"),
    (r"\bjewell(?:er|ers|ery)\b|\bwoollen\b|\bmarvellous\b", "jeweler / woolen / marvelous"),
    (r"\bfulfil(?:s|ment|ments)?\b", "fulfill / fulfillment"),
    (r"\benrol(?:s|ment|ments)?\b", "enroll / enrollment"),
    (r"\b(?:instil|instils|distil|distils|skilful|skilfully|wilful|wilfully|instalment"
     r"|instalments)\b", "instill / skillful / installment"),
    (r"\b(?:whilst|amongst|amidst)\b", "while / among / amid"),
    (r"\b(?:learnt|spelt|dreamt|spoilt)\b", "learned / spelled ..."),
    (r"\btowards\b", "toward"),
    (r"\bageing\b", "aging"),
    (r"\bwellbeing\b", "well-being"),
    (r"\benquir(?:e|es|ed|ing|y|ies)\b", "inquire / inquiry"),
    (r"\bcatalogu(?:e|es|ed|ing)\b", "catalog"),
    (r"\banalogue\b", "analog"),
    (r"\b(?:ana|para|cata|dia|electro|hydro)lys(?:e|es|ed|ing|er|ers)\b", "-yze (analyze)"),
    (r"\b(?:per cent|focuss(?:ed|ing)|benefitt(?:ed|ing)|targett(?:ed|ing))\b",
     "percent / focused / benefited"),
    (r"\b(?:grey|greys|cheque|cheques|tyre|tyres|kerb|aluminium|plough|storey|storeys|mould"
     r"|moulds|smoulder\w*|draught|draughts|cosy|sceptic\w*|speciality|specialities|artefacts?"
     r"|aeroplanes?|maths|mum|mums|pyjamas|moustache)\b", "US spelling"),
    (r"\w*(?:paediatr|orthopaed|anaem|anaesth|haemo|haema|oesophag|oestrogen|foet|diarrhoea"
     r"|manoeuvr|oedema|leukaem|gynaecolog|encyclopaed)\w*", "US medical spelling (e not ae/oe)"),
]

# UK-only employment, service and everyday terms.
_UK_TERMS: list[tuple[str, str]] = [
    (r"\bzero[- ]hours?(?:[- ]contracts?)?\b", "no guaranteed hours (per-diem / on-call)"),
    (r"\bsessional\b", "per-diem or hourly"),
    (r"\brotas?\b", "schedule"),
    (r"\bfortnight(?:s|ly)?\b", "every two weeks"),
    (r"\b(?:public|bank) holidays?\b", "paid holidays"),
    (r"\bon holiday\b|\bholiday (?:pay|entitlement|allowance|leave|cover)\b|\bannual leave\b",
     "vacation / paid time off"),
    (r"\bdriving licen[cs]es?\b", "valid driver's license"),
    (r"\bcustody\b", "incarceration / jail or prison"),
    (r"\bleaving care\b|\bcare leavers?\b|\blooked[- ]after (?:child|children|young)\w*",
     "aging out of foster care"),
    (r"\bstudent finance\b", "financial aid"),
    (r"\bcarers?\b", "caregiver"),
    (r"\bA&E\b", "emergency department"),
    (r"\bmobile (?:phone|phones|number|numbers)\b", "cell phone"),
    (r"\b(?:in|to|from|into|of|leave|leaves|leaving|left|entering|admitted to|discharged from)"
     r" hospital\b(?![-'\u2019]|\s+(?:stay|stays|setting|settings|staff|care|services?|visits?"
     r"|teams?|units?|wards?|discharge|admissions?|polic(?:y|ies)|rules|beds?|rooms?|systems?"
     r"|records|based|social|peer|chaplains?|emergency|departments?|work|workers?|treatment"
     r"|life|routines?|environments?|and)\b)", "the hospital"),
    (r"\bat (?:the )?weekends?\b", "on weekends"),
    (r"\b(?:local|borough|parish|district) councils?\b|\bcouncil (?:tax|house|houses|housing"
     r"|flat|flats|estate|estates)\b", "city or county agency"),
    (r"\blocal authorit(?:y|ies)\b", "city or county agency"),
    (r"\b(?:housing benefit|universal credit|jobcentre(?: plus)?|job centre)\b",
     "US program (housing assistance, SNAP, American Job Center)"),
    (r"\bsectioned\b|\bmental health act\b", "involuntary hold / state commitment law"),
    (r"\b(?:secondary|primary) schools?\b|\bsixth form\b|\bGCSEs?\b|\bA[- ]levels?\b",
     "high school / elementary school / GED"),
    (r"\bsignpost(?:s|ed|ing)?\b", "refer / point people to"),
    (r"\bpostcodes?\b", "ZIP code"),
    (r"\btimetabl(?:e|es|ed|ing)\b", "schedule"),
    (r"\bqueue(?:s|d|ing)?\b", "line / wait"),
    (r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) to (?:Monday|Tuesday"
     r"|Wednesday|Thursday|Friday|Saturday|Sunday)\b", "Monday through Friday"),
    (r"\bone[- ]to[- ]one\b", "one-on-one"),
    (r"\b(?:their|his|her|a|an|own|the|rented|shared|council) flat\b(?!\s+(?:rate|rates|fee"
     r"|fees|tire|surface|line|structure|hierarchy|amount|no|yes|refusal|denial|out|tone|voice))",
     "apartment"),
    (r"\bpetrol\b|\bcar parks?\b|\bmotorways?\b|\blorr(?:y|ies)\b", "gas / parking lot ..."),
    (r"\b(?:public|with|for|of|and|about|own|arrange|arranging|free|accessible) transport\b",
     "transportation / public transit"),
    (r"\b(?:give|gives|giving|gave|given|offer|offers|offered|offering|shared|share|sharing)"
     r" (?:\w+ ){0,2}lifts?\b", "ride / carpool"),
    (r"(?<!color )(?<!colour )\bschemes?\b", "program"),
    (r"\b(?:re)?offending\b|\breoffend(?:s|ed|ers?)?\b", "justice involvement / recidivism"),
    (r"\breferees?\b", "reference"),
    (r"\bper annum\b|\u00a3", "per year / $"),
    (r"\b(?:solicitors?|barristers?)\b", "attorney / lawyer"),
    (r"\bprison officers?\b|\byoung offenders?'? institutions?\b",
     "corrections officer / juvenile facility"),
    (r"\bon remand\b|\bremanded\b", "pretrial detention"),
    (r"\bhousing estates?\b", "public housing"),
    (r"\blone[- ]work\w*", "working alone / field safety"),
    (r"\bsafeguarding\b", "child safety / protection"),
    (r"\badverts?\b", "job posting / ad"),
    (r"\b(?:the|this|a|each|comparable|senior|non-peer|new|full-time|part-time|peer|supervisory)"
     r" posts\b|\b(?:the|this|a|each|comparable|senior|non-peer|new|full-time|part-time|peer"
     r"|supervisory) post\b(?!\s+(?:office|card|on|about|in|to))", "position"),
    (r"\bco-?produc(?:e|es|ed|ing|tion)\b", "plan and run together with"),
    (r"\byouth justice\b", "juvenile justice"),
    (r"\bat short notice\b", "on short notice"),
    (r"\breasonable adjustments?\b", "reasonable accommodation"),
    (r"\b(?:at|to) the shops\b|\b(?:cover|covers|covering|staff|staffs|at|on) reception\b",
     "at the store / the front desk"),
    (r"\b(?:schedules|rotas?), cover\b|\bcover(?= (?:is arranged|for absences|for shifts))",
     "coverage"),
    (r"\b(?:college|university|school) courses?\b|\bdrop(?:s|ped|ping)? (?:a|the|their|her|his)"
     r" course\b", "class / program"),
    (r"\bfill(?:s|ed|ing)? in (?:a|an|the|their|your|his|her) (?:form|application)s?\b",
     "fill out"),
    (r"\bpupils?\b|\bchemist(?:'s|s)?\b|\bpavements?\b", "student / pharmacy / sidewalk"),
]

# Case-sensitive acronyms.
_ACRONYMS: list[tuple[str, str]] = [
    (r"\bNHS\b", "the employer, county or state health agency"),
    (r"\bGPs?\b", "primary care provider"),
    (r"\bCVs?\b", "résumé"),
    (r"\bDWP\b", "Social Security Administration"),
]

# -ise / -isation words: flagged unless the word is also spelled -ise in US English.
_ISE = re.compile(r"\b([a-z]+?)is(e|es|ed|ing|er|ers|able|ation|ations|ational|ationally)\b",
                  _I)
# Words spelled -ise in US English too (base forms); their inflections and prefixed forms
# (revised, unsupervised, surprising ...) are allowed.
_US_ISE_WORDS = frozenset({
    "advise", "apprise", "arise", "chastise", "circumcise", "comprise", "compromise", "concise",
    "demise", "despise", "devise", "disguise", "enterprise", "excise", "exercise", "expertise",
    "franchise", "improvise", "incise", "merchandise", "otherwise", "paradise", "precise",
    "premise", "promise", "rise", "supervise", "surmise", "surprise", "televise", "treatise",
    "wise", "noise", "poise", "praise", "braise", "chaise", "cruise", "bruise", "guise", "anise",
    "valise", "reprise", "mortise", "tortoise", "porpoise", "turquoise", "vise", "cerise",
    "marquise", "chemise", "uprise", "sunrise", "moonrise", "crise", "mise", "imprecise", "lise",
    "denise", "elise", "eloise", "louise", "boise",
})
_ISE_OK_ENDINGS = ("wise", "raise", "raises", "raised", "raising", "raiser", "raisers")
_PREFIXES = ("", "un", "re", "pre", "over", "under", "self", "dis", "non", "co", "mis", "sur",
             "up", "en", "fund", "high")
# -ise words the stem rule would miss or wrongly allow (the suffix list has no -ize twin).
_ISE_EXTRA_OK = frozenset({"improvisation", "improvisational", "advisable", "advisability",
                           "exercisable", "revisable", "raisable", "promisee", "advisee"})

TERMS: list[tuple[re.Pattern[str], str]] = (
    [(re.compile(p, _I), s) for p, s in _SPELLINGS + _UK_TERMS]
    + [(re.compile(p), s) for p, s in _ACRONYMS]
)

# Proper names that keep their own spelling; a match inside one of these is not reported.
PROPER_NAMES: tuple[str, ...] = (
    "Centre for Mental Health", "NHS Confederation", "MAC-UK", "Childline",
    "National Centre for Trauma-Informed Care", "Anchor Community Recovery Centre",
    "National Council for Mental Wellbeing",
)
_PROPER = [re.compile(re.escape(n), _I) for n in PROPER_NAMES]
# "custody" in its family-law sense is US usage too.
_CHILD_CUSTODY = re.compile(
    r"\b(?:child|children|joint|shared|sole|physical|legal)(?:'s)? custody\b"
    r"|\bcustody (?:of|over) (?:\w+ ){0,2}(?:child|children|kids?|sons?|daughters?)\b", _I)


def _ise_ok(word: str, stem: str) -> bool:
    lower = word.lower()
    if lower in _ISE_EXTRA_OK or lower.endswith(_ISE_OK_ENDINGS):
        return True
    base = stem.lower() + "ise"
    return any(base.startswith(p) and base[len(p):] in _US_ISE_WORDS for p in _PREFIXES)


def _protected(text: str, extra: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for rx in _PROPER for m in rx.finditer(text)]
    spans += [(m.start(), m.end()) for m in _CHILD_CUSTODY.finditer(text)]
    for name in extra:
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(name), text, _I)]
    return spans


def british_findings(text: str, *, allowed: tuple[str, ...] = (),
                     ignore_code_spans: bool = False) -> list[Finding]:
    """Every British spelling or UK-only term in `text`, in order of offset.

    `allowed`: extra phrases (proper names, identifiers) in which a match is fine.
    `ignore_code_spans`: skip Markdown `code spans` (identifiers in docs).
    """
    if ignore_code_spans:
        text = re.sub(r"`[^`\n]*`", lambda m: " " * len(m.group()), text)
    safe = _protected(text, allowed)
    found: dict[int, Finding] = {}

    def add(start: int, end: int, suggestion: str) -> None:
        if any(a <= start and end <= b for a, b in safe):
            return
        if start not in found:
            found[start] = Finding(text[start:end], start, suggestion)

    for rx, suggestion in TERMS:
        for m in rx.finditer(text):
            add(m.start(), m.end(), suggestion)
    for m in _ISE.finditer(text):
        if not _ise_ok(m.group(0), m.group(1)):
            add(m.start(), m.end(), "-ize / -ization")
    return [found[k] for k in sorted(found)]


def british_terms(text: str, *, allowed: tuple[str, ...] = (),
                  ignore_code_spans: bool = False) -> list[tuple[str, int]]:
    """`(term, offset)` for every British spelling or UK-only term in `text`."""
    return [(f.term, f.offset) for f in british_findings(
        text, allowed=allowed, ignore_code_spans=ignore_code_spans)]
