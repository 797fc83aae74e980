"""People's names: finding them in running text, stripping honorifics, matching short forms."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ofsted_kg.extract.lexicon import HONORIFIC_RE, HONORIFICS

__all__ = ["HONORIFICS"]


def slug(text: str) -> str:
    """A name's part of an IRI, ASCII-folded: 'Siân Jones' -> 'sian-jones', 'Bournemouth, Christchurch and
    Poole' -> 'bournemouth-christchurch-and-poole'. The one slug for people, authorities and visits."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", t.lower().replace("'", "")).strip("-") or "unnamed"

_HON_RE = re.compile(rf"^(?:(?:{HONORIFIC_RE})\.?\s+)+", re.I)
POST_NOMINALS = re.compile(
    r"(?:,?\s+(?:OBE|MBE|CBE|DBE|KBE|QPM|JP|MP|PhD|MA|MSc|BA|BSc|CQSW|DipSW|HMI|FRSA|FCA))+\.?$"
)

# Name-ish token: capitalised word incl. McX, O'X, hyphenated (Mary-Jane), or an initial.
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'\-]*\.?")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][A-Za-zà-öø-ÿ'\-]*[a-zà-öø-ÿ]|[A-Z]\.?)$")
_PARTICLES = {"de", "da", "van", "von", "der", "den", "le", "la", "du", "di", "bin", "al"}

NOT_NAME_WORDS = {
    "her", "his", "majesty's", "majestys", "majesty", "inspector", "inspectors", "hmi", "senior", "ofsted",
    "the", "and", "social", "care", "regulatory", "lead", "team", "children's", "childrens", "services",
    "service", "local", "authority", "council", "county", "city", "borough", "director", "of", "for",
    "department", "education", "regulation", "national", "deputy", "chief", "assistant", "principal",
    "this", "visit", "were", "was", "with", "by", "quality", "commission", "probation", "constabulary",
    "fire", "rescue", "services'", "officer", "ofsted's", "inspection", "inspections", "monitoring",
    "focused", "yours", "sincerely", "faithfully", "dear", "copy", "cc", "inspectorate", "health",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "on", "at", "in", "to", "is", "are", "it", "they", "we", "i", "a",
    "who", "our", "your", "also", "other", "both", "joint", "targeted", "area", "agency", "trust",
    "executive", "member", "cabinet", "chair", "safeguarding", "board", "partnership", "officers",
    "independent", "reviewing", "manager", "managers", "worker", "workers", "head", "strategic",
    "interim", "acting", "corporate", "group", "people", "families", "family", "lscb", "mash",
    "act", "acts", "unit", "hub", "panel", "committee", "partners",
    "plan", "plans", "programme", "framework", "regulations", "section", "schedule", "appendix", "item",
    "agenda", "minutes", "report", "hall", "street", "road", "house", "building", "centre",
    "school", "schools", "college", "university", "nhs", "police",
    # sentence openers that follow a heading on the next line in PDF text ("... in Nottingham / Between")
    "between", "during", "since", "following", "however", "although", "while", "whilst", "when", "where",
    "what", "these", "those", "there", "their",
    # services' names that read like names ("the First Response Team, Early Help Hub")
    "early", "help", "response", "front", "door", "hospital", "foundation", "clinical", "commissioning",
    # Ofsted's online surveys ("481 responses to the online survey, Ofsted Parent View")
    "view", "survey",
}

NICKNAMES = {
    "andy": "andrew", "drew": "andrew", "bob": "robert", "rob": "robert", "robbie": "robert",
    "bill": "william", "will": "william", "liam": "william", "jim": "james", "jimmy": "james",
    "jamie": "james", "mike": "michael", "mick": "michael", "steve": "stephen", "steven": "stephen",
    "chris": "christopher", "dave": "david", "tony": "anthony", "pete": "peter", "tom": "thomas",
    "nick": "nicholas", "matt": "matthew", "kate": "katherine", "katie": "katherine",
    "kath": "katherine", "cathy": "catherine", "cath": "catherine", "liz": "elizabeth",
    "beth": "elizabeth", "sue": "susan", "jo": "joanne", "pat": "patricia", "trish": "patricia",
    "alex": "alexander", "sam": "samuel", "ben": "benjamin", "jenny": "jennifer", "jen": "jennifer",
    "mandy": "amanda", "becky": "rebecca", "dan": "daniel", "danny": "daniel", "phil": "philip",
    "tim": "timothy", "ed": "edward", "ted": "edward", "rich": "richard", "rick": "richard",
    "dick": "richard", "nat": "natalie", "vicky": "victoria", "ali": "alison", "jon": "jonathan",
    "greg": "gregory", "fran": "frances", "jackie": "jacqueline", "jacqui": "jacqueline",
    "maggie": "margaret", "meg": "margaret", "debbie": "deborah", "deb": "deborah", "nicky": "nicola",
    "rosie": "rosemary", "sandy": "sandra", "di": "diane", "gill": "gillian", "gilly": "gillian",
    "mel": "melanie", "lou": "louise", "nikki": "nicola", "tina": "christina", "val": "valerie",
}


def strip_honorific(name: str) -> tuple[str, str | None]:
    """("Dr Catherine Driscoll") -> ("Catherine Driscoll", "Dr"); post-nominals dropped too."""
    name = re.sub(r"\s+", " ", name).strip(" ,.;:")
    m = _HON_RE.match(name)
    honorific = None
    if m:
        honorific = m.group(0).split()[0].rstrip(".").title()
        if honorific == "Councillor":
            honorific = "Cllr"
        name = name[m.end():]
    name = POST_NOMINALS.sub("", name).strip(" ,.;:")
    return name, honorific


def is_plausible_name(name: str) -> bool:
    toks = name.split()
    if not 2 <= len(toks) <= 6:
        return False
    if any(len(t.strip(".,")) > 1 and t.lower().strip(".,") in NOT_NAME_WORDS for t in toks):
        return False
    if sum(1 for t in toks if t[:1].isalpha()) < 2:  # "0161 618 8524": a phone number, not a name
        return False
    return not all(len(t.rstrip(".")) == 1 for t in toks)


def find_names(text: str) -> list[tuple[str, int, int]]:
    """Plausible personal names in `text` with their offsets, in order.

    A name is a run of 2-4 capitalised tokens (particles such as "de" allowed inside) on one line,
    none of them a known non-name word ("Her Majesty's Inspector", months, roles).
    """
    out: list[tuple[str, int, int]] = []
    run: list[re.Match[str]] = []

    def flush() -> None:
        while run and run[-1].group(0).lower() in _PARTICLES:
            run.pop()
        if 2 <= sum(1 for t in run if t.group(0).lower() not in _PARTICLES) <= 4:
            a, b = run[0].start(), run[-1].end()
            if text[b - 1] == "." and len(run[-1].group(0)) > 2:
                b -= 1
            name = re.sub(r"\s+", " ", text[a:b])
            if is_plausible_name(name):
                out.append((name, a, b))
        run.clear()

    for m in _WORD.finditer(text):
        tok = m.group(0)
        bare = tok[:-1] if tok.endswith(".") and len(tok) > 2 else tok
        if run and text[run[-1].end():m.start()] not in (" ", "\n"):  # a name may wrap onto the next line
            flush()
        if bare.rstrip(".") in HONORIFICS:
            flush()
            continue
        if _NAME_TOKEN.match(bare) and bare.lower() not in NOT_NAME_WORDS:
            run.append(m)
            if bare is not tok:  # a full stop after a word ends the sentence
                flush()
        elif run and tok.lower() in _PARTICLES:
            run.append(m)
        else:
            flush()
    flush()
    return out


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """A name's words in lower case and without accents ("Máire" -> "maire"), with everything but
    letters, apostrophes and hyphens dropped."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    return tuple(re.sub(r"[^a-z\s'\-]", " ", folded.replace("\u2019", "'")).split())


def person_key(name: str | None) -> tuple[str, str] | None:
    if not name:
        return None
    name, _ = strip_honorific(name)
    toks = name_tokens(name)
    if not toks:
        return None
    first, last = toks[0], toks[-1]
    return NICKNAMES.get(first, first), last


def same_person(a: str | None, b: str | None) -> bool:
    """Same surname and the same first name, a nickname of it, or a matching initial."""
    ka, kb = person_key(a), person_key(b)
    if not ka or not kb or ka[1] != kb[1]:
        return False
    fa, fb = ka[0], kb[0]
    return fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))
