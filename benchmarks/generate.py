"""Generate synthetic Ofsted letters for benchmarking the extractor.

Letters are recombined from templates and vocabularies written for this script: invented people,
real English authority names (ofsted_kg/data/authorities.csv), random dates 2010-2026 (within the
years each kind of visit existed), ordinal visit numbers, 20-40 finding paragraphs/bullets,
"What needs to improve" lists and occasional page-break noise.  Output is deterministic for a seed.

    python benchmarks/generate.py OUT_DIR --count 1000 --seed 1
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

# ---- vocabularies ------------------------------------------------------------------------------

FEMALE_NAMES = [
    "Alison", "Amara", "Bethan", "Carys", "Delia", "Eleanor", "Fiona", "Harriet", "Isobel", "Joanne", "Leona",
    "Lucinda", "Marguerite", "Naomi", "Orla", "Priyanka", "Rhiannon", "Rosalind", "Siobhan", "Ursula", "Wendy",
    "Yvette", "Zainab",
]
MALE_NAMES = [
    "Andrew", "Callum", "Dominic", "Emeka", "Gareth", "Imran", "Jasper", "Kieran", "Malcolm", "Niall",
    "Olufemi", "Quentin", "Sanjay", "Tobias", "Vikram",
]
FIRST_NAMES = FEMALE_NAMES + MALE_NAMES
SURNAMES = [
    "Ashcombe", "Balfour-Lyle", "Brackenridge", "Chaudry", "Colebrook", "Dunmore", "Eddington",
    "Fairweather", "Garside", "Hallowell", "Inchbald", "Jessop", "Kettleby", "Lamorna", "Marwood",
    "Nettlefold", "O'Halloran", "Pendleford", "Quarrington", "Rathbone", "Selwood", "Tennyford",
    "Umberleigh", "Vasquez-Hart", "Wetherall", "Yardley", "Ng", "Okonkwo-Reed", "Prendergast",
    "Stanforth", "Thistlewood", "Wrenfield",
]
DCS_TITLES = [
    "Director of Children's Services", "Interim Director of Children's Services",
    "Corporate Director, Children and Families", "Executive Director of People",
    "Strategic Director for Children, Young People and Education",
    "Director of Children and Young People's Services", "Corporate Director of Children's Services",
]
STREETS = ["Market Place", "Church Street", "Station Road", "High Street", "Civic Way", "Castle Hill",
           "Queen's Road", "Riverside", "Abbey Lane", "Victoria Square"]
BUILDINGS = ["County Hall", "Civic Centre", "Town Hall", "City Hall", "Council Offices", "One Public Square"]
OFFICES = [  # (first year used, letterhead lines)
    (2010, ["Royal Exchange Buildings", "St Ann's Square", "Manchester", "M2 7LA"]),
    (2010, ["Freshford House", "Redcliffe Way", "Bristol", "BS1 6NL"]),
    (2010, ["Aviation House", "125 Kingsway", "London", "WC2B 6SE"]),
    (2014, ["Piccadilly Gate", "Store Street", "Manchester", "M1 2WD"]),
    (2014, ["The Axis Building", "10 Holliday Street", "Birmingham", "B1 1TF"]),
    (2017, ["Agora", "6 Cumberland Place", "Nottingham", "NG1 6HJ"]),
]
ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

CHILDREN = [
    "children in care", "children in need", "care leavers", "disabled children",
    "children at risk of exploitation", "children who go missing from home or care",
    "children subject to a child protection plan", "unborn babies and infants",
    "16- and 17-year-olds who present as homeless", "children living in unregistered homes",
    "children who are privately fostered", "young carers",
]
STAFF = [
    "social workers", "team managers", "independent reviewing officers", "child protection chairs",
    "personal advisers", "practice supervisors", "early help practitioners", "advanced practitioners",
]
PROCESSES = [
    "assessments", "child protection plans", "pathway plans", "strategy discussions", "return home interviews",
    "care plans", "chronologies", "supervision records", "permanence plans", "life-story books",
]
PARTNERS = ["the police", "health visitors", "schools", "probation practitioners", "the virtual school",
            "child and adolescent mental health services", "housing providers", "youth justice workers"]
QUANT = ["Most", "Many", "Some", "A minority of", "A small number of", "Nearly all"]
FOCUS_TOPICS = [
    "the quality and timeliness of assessments for {c}",
    "management oversight and supervision in the {team} teams",
    "the use of pre-proceedings under the Public Law Outline",
    "the response to {c}",
    "decision-making at the multi-agency safeguarding hub",
    "the quality of matching, placement and decision-making for {c}",
    "the experiences and progress of {c}",
    "the local authority's arrangements for {c}",
    "the sufficiency of suitable homes for {c}",
]
TEAMS = ["assessment", "locality safeguarding", "children in care", "leaving care", "disabled children's",
         "front door", "adolescent", "court and permanence"]

SENTENCES = [
    "{Q} {s} know their children well and speak about them with warmth and understanding.",
    "{Q} {p} are completed within timescales that meet children's needs.",
    "{Q} {p} for {c} are too broad and do not say clearly what needs to change.",
    "Leaders have an accurate understanding of the strengths and weaknesses of practice for {c}.",
    "{s} told inspectors that they feel well supported and that their caseloads are manageable.",
    "Caseloads for {s} have reduced since the last visit, although they remain high in the {team} team.",
    "Management oversight is visible on most children's records, but it does not always set clear timescales.",
    "{Q} {p} make good use of family history and information from {pa}.",
    "Information is shared promptly with {pa}, and decisions are recorded clearly.",
    "Children's views are sought and recorded, and {p} are written in a way that children can understand.",
    "The quality of {p} is inconsistent, and a minority of {c} experience drift and delay.",
    "Senior leaders have invested in a stable, permanent workforce, and the use of agency staff has fallen.",
    "Audits are increasingly focused on the quality of practice rather than on compliance.",
    "{Q} {c} live in stable homes and are supported to keep in touch with people who are important to them.",
    "When risks to children increase, strategy discussions are held promptly and include {pa}.",
    "Return home interviews are offered to {c}, but too few are completed within 72 hours.",
    "Supervision is regular, but records do not always show how managers have challenged drift.",
    "Newly qualified {s} have protected caseloads and receive additional support.",
    "Performance information is accurate and is used well by managers to track the progress of {c}.",
    "Partnership work with {pa} is well established and is improving the response to {c}.",
    "{Q} {c} benefit from consistent relationships with their {s}.",
    "The local authority has strengthened its legal gateway panel, and decisions are now timely.",
    "{Q} {p} are updated when children's circumstances change.",
    "A comprehensive training offer supports the development of {s}.",
    "Leaders recognise that further work is needed to ensure that {p} are consistently of good quality.",
    "The corporate parenting board has a clear focus on the experiences of {c}.",
    "Disruption meetings are held when placements are at risk, and learning is used to inform future matching.",
    "The quality assurance framework is comprehensive, but it is not yet driving consistent improvement.",
    "{Q} {s} use direct work tools creatively to help children make sense of their experiences.",
    "Thresholds are understood by {pa}, and most contacts are screened quickly by experienced staff.",
    "For a small number of {c}, plans have been extended several times without a clear rationale.",
    "Independent reviewing officers monitor plans between reviews, but their challenge is not always effective.",
    "The response out of hours is effective, and information is passed to daytime teams the next working day.",
    "{Q} {c} are seen regularly and alone, and their wishes and feelings inform {p}.",
    "Recruitment and retention of {s} remain a challenge, particularly in the {team} team.",
]
OPEN_CLOSE = [
    "Ofsted will take the findings from this {kind} into account when planning your next inspection or visit.",
    "I am copying this letter to the Department for Education. This letter will be published on the Ofsted website.",
    "I would like to take this opportunity to thank you and your staff for your positive engagement.",
]
IMPROVE_ITEMS = [
    "The timeliness and quality of {p} for {c}, so that their needs are understood without delay.",
    "The consistency of management oversight and supervision, so that plans for {c} progress in a timely way.",
    "The quality of {p}, so that they are specific about what needs to change and by when.",
    "The sufficiency of suitable homes for {c}, including for those placed at a distance.",
    "The use of performance information by managers, so that they understand the impact of their work.",
    "The effectiveness of challenge by independent reviewing officers when plans drift.",
    "Ensure that {p} are completed with {pa} and reflect the views of {c}.",
    "The response to {c}, including access to independent advocacy.",
]
UCRA_SECTIONS = ["Strengths", "Satisfactory practice", "Areas for development", "Areas for priority action"]
GRADES = ["outstanding", "good", "requires improvement to be good", "inadequate"]
GRADE_TEXT = {  # how a focused/ILACS letter restates the last judgement
    "outstanding": "judged to be outstanding", "good": "judged to be good",
    "requires improvement to be good": "judged to require improvement to be good",
    "inadequate": "judged to be inadequate",
}
ILACS_AREAS = [
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care",
    "The experiences and progress of care leavers",
]
ILACS_GRADE_WORDS = {"outstanding": "Outstanding", "good": "Good",
                     "requires improvement to be good": "Requires improvement to be good",
                     "inadequate": "Inadequate"}
# (kind, weight, first year, last year)
KINDS = [("monitoring visit", 35, 2010, 2026), ("focused visit", 30, 2018, 2026),
         ("annual unannounced inspection", 15, 2010, 2013), ("inspection", 20, 2018, 2026)]
# authorities that only existed for part of 2010-2026: (first year, last year)
LIFESPAN = {"Cumbria": (2010, 2022), "Northamptonshire": (2010, 2020), "Poole": (2010, 2018),
            "Bournemouth, Christchurch and Poole": (2019, 2026), "Cumberland": (2023, 2026),
            "Westmorland and Furness": (2023, 2026), "North Northamptonshire": (2021, 2026),
            "West Northamptonshire": (2021, 2026), "Buckinghamshire": (2020, 2026)}
COUNCIL_NAMES = {"City of London": "City of London Corporation", "Poole": "Borough of Poole",
                 "Kingston Upon Hull, City of": "Hull City Council",
                 "Northamptonshire": "Northamptonshire County Council"}
ROYAL = {"Kensington and Chelsea", "Kingston upon Thames", "Greenwich", "Windsor and Maidenhead"}
CITIES = {"Birmingham", "Bradford", "Coventry", "Derby", "Leeds", "Leicester", "Liverpool", "Manchester",
          "Newcastle upon Tyne", "Nottingham", "Peterborough", "Plymouth", "Portsmouth", "Salford", "Sheffield",
          "Southampton", "Stoke-on-Trent", "Sunderland", "Wakefield", "Wolverhampton", "York"}


@dataclass
class Authority:
    name: str  # as in authorities.csv (the canonical name)
    short: str  # as a letter's subject line writes it
    council: str  # the council's full name, for the address block
    la_type: str


@dataclass
class Synthetic:
    """One generated letter and the facts it was built from."""

    name: str
    text: str
    truth: dict[str, Any] = field(default_factory=dict)


def load_authorities() -> list[Authority]:
    """Authorities from the package's gazetteer, with how letters write them."""
    text = resources.files("ofsted_kg.data").joinpath("authorities.csv").read_text(encoding="utf-8")
    out = []
    for row in csv.DictReader(text.splitlines()):
        name, la_type = row["name"], row["la_type"]
        short = name
        if name.endswith(", City of"):
            short = name[: -len(", City of")].replace("Kingston Upon Hull", "Kingston upon Hull")
        short = short.replace("St. ", "St ").removesuffix(" Borough")
        if name in COUNCIL_NAMES:
            council = COUNCIL_NAMES[name]
        elif short in ROYAL:
            council = f"Royal Borough of {short}"
        elif la_type == "London Borough":
            council = f"London Borough of {short}"
        elif la_type == "County" or name in {"Durham", "Northumberland", "Cornwall", "Shropshire", "Wiltshire"}:
            council = f"{short} County Council"
        elif short in CITIES or name.endswith(", City of"):
            council = "City of York Council" if short == "York" else f"{short} City Council"
        elif la_type == "Metropolitan District":
            council = f"{short} Metropolitan Borough Council"
        elif name.endswith(" Borough"):
            council = f"{name} Council"
        else:
            council = f"{short} Council"
        out.append(Authority(name, short, council, la_type))
    return out


# ---- small helpers -----------------------------------------------------------------------------

def fmt_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def fmt_range(a: date, b: date) -> str:
    """'8 and 9 January 2019', '30 November and 1 December 2023', '7 to 18 March 2022', '17 July 2018'."""
    if a == b:
        return fmt_date(a)
    joiner = " and " if (b - a).days == 1 else " to "
    if a.year != b.year:
        return f"{fmt_date(a)}{joiner}{fmt_date(b)}"
    if a.month != b.month:
        return f"{a.day} {MONTHS[a.month - 1]}{joiner}{fmt_date(b)}"
    return f"{a.day}{joiner}{fmt_date(b)}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def people(rng: random.Random, n: int, firsts: list[str] = FIRST_NAMES, avoid: list[str] | None = None) -> list[str]:
    """n people whose surnames differ from each other and from everyone in `avoid`."""
    out: list[str] = []
    taken = {x.split()[-1] for x in avoid or []}
    while len(out) < n:
        p = f"{rng.choice(firsts)} {rng.choice(SURNAMES)}"
        if p.split()[-1] not in taken:
            out.append(p)
            taken.add(p.split()[-1])
    return out


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def fill(rng: random.Random, template: str) -> str:
    """Fill a sentence template's {Q} {s} {p} {c} {pa} {team} slots."""
    q = rng.choice(QUANT)
    s = rng.choice(STAFF)
    text = template.format(Q=q, s=s, p=rng.choice(PROCESSES), c=rng.choice(CHILDREN), pa=rng.choice(PARTNERS),
                           team=rng.choice(TEAMS))
    return text[0].upper() + text[1:]


def paragraph(rng: random.Random, lo: int = 2, hi: int = 5) -> str:
    return " ".join(fill(rng, t) for t in rng.sample(SENTENCES, rng.randint(lo, hi)))


def distinct(make: Callable[[], str], n: int) -> list[str]:
    """n different texts from `make` (a letter never repeats a bullet word for word)."""
    out: list[str] = []
    while len(out) < n:
        t = make()
        if t not in out:
            out.append(t)
    return out


def lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def hmi(d: date, plural: bool = False) -> str:
    """Her Majesty's Inspector before September 2022, His Majesty's after."""
    who = "Her" if d < date(2022, 9, 8) else "His"
    return f"{who} Majesty's Inspector{'s' if plural else ''}"


def weekday_on_or_after(d: date, latest_weekday: int) -> date:
    while d.weekday() > latest_weekday:
        d += timedelta(days=1)
    return d


def random_day(rng: random.Random, y0: int, y1: int) -> date:
    start, end = date(y0, 1, 1), date(y1, 12, 31)
    return start + timedelta(days=rng.randrange((end - start).days + 1))


# ---- page-break noise --------------------------------------------------------------------------

def add_noise(rng: random.Random, blocks: list[str], rate: float, skip: int = 3) -> list[str]:
    """Insert bare page numbers (or 'Page n of m') and split a few paragraphs mid-sentence by a blank line."""
    out: list[str] = blocks[:skip]
    page = 1
    pages = max(2, sum(len(b) for b in blocks) // 3500 + 1)
    page_of = rng.random() < 0.2
    for b in blocks[skip:]:
        if rng.random() < rate and len(b) > 200 and not b.lstrip().startswith(("-", "■", "•")):
            cut = b.find(" ", rng.randrange(len(b) // 3, 2 * len(b) // 3))
            if cut > 0 and b[cut - 1] not in ".:;":
                out.extend([b[:cut], b[cut + 1:]])
                continue
        out.append(b)
        if rng.random() < rate and page < pages:
            page += 1
            out.append(f"Page {page} of {pages}" if page_of else str(page))
    return out


def bullets(items: list[str], glyph: str) -> str:
    return "\n".join(f"{glyph} {it}" for it in items)


# ---- letter kinds ------------------------------------------------------------------------------

def letterhead(rng: random.Random, d: date) -> tuple[str, str]:
    """The Ofsted letterhead and the office address it gives ("Agora, 6 Cumberland Place, Nottingham NG1 6HJ")."""
    lines = rng.choice([o for y, o in OFFICES if y <= d.year])
    office = ", ".join(lines[:-1]) + " " + lines[-1]
    extra = ["T 0300 123 1231", "Textphone 0161 618 8524", "enquiries@ofsted.gov.uk",
             "www.gov.uk/ofsted" if d.year >= 2014 else "www.ofsted.gov.uk"]
    if rng.random() < 0.4:  # pdf text often runs the letterhead together on one line
        return " ".join(lines) + "\n\n" + " ".join(extra), office
    return "Ofsted\n" + "\n".join(lines) + "\n\n" + "\n".join(extra), office


def postcode(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUWY"
    return (f"{rng.choice(letters)}{rng.choice(letters)}{rng.randint(1, 29)} "
            f"{rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}")


def address_block(rng: random.Random, auth: Authority, recipient: str, hon: str) -> tuple[str, str]:
    """The recipient block and the salutation."""
    title = rng.choice(DCS_TITLES)
    lines = [f"{hon} {recipient}" if rng.random() < 0.6 else recipient, title, auth.council,
             rng.choice(BUILDINGS), f"{rng.randint(1, 90)} {rng.choice(STREETS)}" if rng.random() < 0.5
             else rng.choice(STREETS)]
    if auth.la_type != "County" and " and " not in auth.short:
        lines.append(auth.short)
    lines.append(postcode(rng))
    if rng.random() < 0.25:
        block = " ".join(lines)  # the whole block on one run-on line, as in older pdf text
    else:
        trail = "  " if rng.random() < 0.2 else ""
        block = "\n".join(ln + trail for ln in lines)
    first, last = recipient.split()[0], recipient.split()[-1]
    salutation = f"Dear {first}" if rng.random() < 0.25 else f"Dear {hon} {last}"
    return block, salutation


def sign_off(rng: random.Random, signer: str, d: date, copies: list[str] | None = None) -> str:
    title = hmi(d)
    if rng.random() < 0.2:
        body = f"Yours sincerely\n\n{signer} **{title}**"
    else:
        body = f"Yours sincerely\n\n\n\n{signer}\n{'Senior ' if rng.random() < 0.1 else ''}{title}"
    if copies:
        body += "\n\nCopy: " + " ".join(copies) if rng.random() < 0.5 else "\n\ncc\n" + "\n".join(copies)
    return body


def inspector_sentence(rng: random.Random, names: list[str], d: date, visit: str) -> str:
    if len(names) == 1:
        return f"The {visit} was carried out by {names[0]}, {hmi(d)}."
    forms = [
        f"The visit was conducted by {hmi(d, True)} {join_names(names)}.",
        f"{hmi(d, True)} for this visit were {join_names(names)}.",
        f"The inspectors were {join_names([f'{n}, {hmi(d)},' for n in names]).rstrip(',')}.",
        f"The lead inspector was {names[0]}, {hmi(d)}. They were accompanied by {join_names(names[1:])}, "
        f"{hmi(d, len(names) > 2)}.",
    ]
    return rng.choice(forms)


def heading(rng: random.Random, text: str, md: bool) -> str:
    return f"### **{text}**" if md else text


def findings(rng: random.Random, n: int, glyph: str) -> list[str]:
    """n finding blocks: mostly paragraphs, with runs of bullets."""
    out: list[str] = []
    done = 0
    while done < n:
        if rng.random() < 0.2:
            k = min(rng.randint(3, 6), n - done)
            out.append(bullets(distinct(lambda: paragraph(rng, 1, 3), k), glyph))
            done += k
        else:
            out.append(paragraph(rng))
            done += 1
    return out


def build_letter(rng: random.Random, kind: str, auth: Authority, y0: int, y1: int) -> tuple[str, dict[str, Any]]:
    """A monitoring visit, focused visit or annual unannounced inspection letter."""
    start = weekday_on_or_after(random_day(rng, y0, y1), 2)
    days = rng.choice([1, 2, 2, 2, 3]) if kind == "focused visit" else 2
    end = start + timedelta(days=days - 1)
    letter_day = end + timedelta(days=rng.randint(12, 40))
    team = people(rng, rng.choice([1, 2, 2, 2, 3]) if kind != "annual unannounced inspection" else rng.choice([1, 2]))
    signer = team[0] if rng.random() < 0.8 else team[-1]
    female = rng.random() < 0.6
    hon = rng.choice(["Ms", "Ms", "Mrs", "Dr", "Miss"] if female else ["Mr", "Mr", "Dr"])
    recipient = people(rng, 1, FEMALE_NAMES if female else MALE_NAMES, team)[0]
    block, salutation = address_block(rng, auth, recipient, hon)
    md = rng.random() < 0.15
    glyph = rng.choice(["-", "-", "■", "•"])
    truth: dict[str, Any] = {"kind": "letter", "authority": auth.name, "visit_type": kind,
                             "letter_date": letter_day.isoformat(), "visit_start": start.isoformat(),
                             "visit_end": end.isoformat(), "visit_sequence": None, "previous_judgement": None,
                             "inspectors": team, "signatory": signer, "recommendations": 0}
    when = f"on {fmt_range(start, end)}" if rng.random() < 0.85 or days < 3 else f"from {fmt_range(start, end)}"
    blocks: list[str] = []
    n_find = rng.randint(20, 40)
    improve: list[str] = []
    topics: list[str] = []

    if kind == "monitoring visit":
        seq = rng.randint(1, 10)
        judged = start - timedelta(days=30 * (3 * seq + rng.randint(3, 9)))
        truth["visit_sequence"] = seq
        truth["previous_judgement"] = {"grade": "inadequate", "date": f"{judged.year:04d}-{judged.month:02d}"}
        ordinal = rng.choice([ORDINAL_WORDS[seq - 1], f"{seq}{'st' if seq == 1 else 'nd' if seq == 2 else 'rd' if seq == 3 else 'th'}"])
        final = " and final" if seq >= 6 and rng.random() < 0.3 else ""
        subject = rng.choice([f"Monitoring visit to {auth.short} children's services",
                              f"Monitoring visit of {auth.short} local authority children's services"])
        opening = (f"This letter summarises the findings of the monitoring visit to {auth.short} children's services "
                   f"{when}. This visit was the {ordinal}{final} monitoring visit since the local authority was "
                   f"judged {'to be ' if rng.random() < 0.5 else ''}inadequate in {MONTHS[judged.month - 1]} "
                   f"{judged.year}. {inspector_sentence(rng, team, start, 'visit')}")
        topics = [lower_first(fill(rng, t)) for t in rng.sample(FOCUS_TOPICS, rng.randint(2, 4))]
        blocks += [subject, opening, heading(rng, "Areas covered by the visit", md),
                   "Inspectors reviewed the progress made for children, with a focus on:", bullets(topics, glyph),
                   heading(rng, rng.choice(["Headline findings", "Overview"]), md), paragraph(rng, 3, 5),
                   heading(rng, rng.choice(["Main findings", "Findings and evaluation of progress"]), md)]
        blocks += findings(rng, n_find, glyph)
        if rng.random() < 0.25:
            improve = [fill(rng, t) for t in rng.sample(IMPROVE_ITEMS, rng.randint(2, 5))]
            blocks += [heading(rng, "What needs to improve", md), bullets(improve, glyph)]
        blocks += [rng.choice(["I look forward to seeing you again for the next monitoring visit.", OPEN_CLOSE[2]]),
                   OPEN_CLOSE[1]]
    elif kind == "focused visit":
        grade = rng.choice(GRADES)
        last = start - timedelta(days=rng.randint(300, 1200))
        truth["previous_judgement"] = {"grade": grade, "date": f"{last.year:04d}-{last.month:02d}"}
        topics = [lower_first(fill(rng, t)) for t in rng.sample(FOCUS_TOPICS, rng.randint(2, 4))]
        n_priority = rng.randint(1, 2) if grade == "inadequate" and rng.random() < 0.5 else 0
        items = [fill(rng, t) for t in rng.sample(IMPROVE_ITEMS, n_priority + rng.randint(2, 5))]
        priority, improve = items[:n_priority], items[n_priority:]
        blocks += [f"Focused visit to {auth.short} children's services",
                   f"This letter summarises the findings of the focused visit to {auth.short} children's services "
                   f"{when}. {inspector_sentence(rng, team, start, 'visit')}",
                   "Inspectors looked at the local authority's arrangements for children, with a particular focus on:",
                   bullets(topics, glyph),
                   "This visit was carried out in line with the inspection of local authority children's services "
                   "(ILACS) framework.",
                   heading(rng, "Headline findings", md),
                   f"Since the last inspection in {MONTHS[last.month - 1]} {last.year}, when services were "
                   f"{GRADE_TEXT[grade]}, {lower_first(paragraph(rng, 2, 4))}"]
        if priority:
            blocks += [heading(rng, "Areas for priority action", md), bullets(priority, glyph)]
        blocks += [heading(rng, "What needs to improve in this area of social work practice", md),
                   bullets(improve, glyph), heading(rng, "Main findings", md)]
        blocks += findings(rng, n_find, glyph)
        blocks.append(OPEN_CLOSE[0].format(kind="focused visit"))
        improve = priority + improve
    else:  # annual unannounced inspection of contact, referral and assessment
        blocks += [f"Annual unannounced inspection of contact, referral and assessment arrangements within "
                   f"{auth.short} children's services",
                   f"This letter summarises the findings of the recent unannounced inspection of contact, referral "
                   f"and assessment arrangements within local authority children's services in {auth.council}, "
                   f"which was conducted {when}. The inspection was led by {team[0]}, {hmi(start)}"
                   + (f", supported by {team[1]}, Social Care Inspector" if len(team) > 1 else "")
                   + ". The inspection was carried out under section 138 of the Education and Inspections Act 2006.",
                   paragraph(rng, 2, 3),
                   "From the evidence gathered, the following features of the service were identified:"]
        counts = [rng.randint(3, 8) for _ in UCRA_SECTIONS]
        counts = [max(1, round(k * n_find / sum(counts))) for k in counts]
        pool = distinct(lambda: paragraph(rng, 1, 3), sum(counts))
        for sec, k in zip(UCRA_SECTIONS, counts, strict=True):
            items, pool = pool[:k], pool[k:]
            if sec.startswith("Areas for"):
                improve += items
            blocks += [sec, bullets(items, glyph)]
        blocks.append("Any areas for development and priority action identified above will be specifically "
                      "considered in any future inspection of services to safeguard children within your area.")
    truth["recommendations"] = len(improve)
    truth["recipient"] = recipient
    if kind != "annual unannounced inspection":
        truth["focus_areas"] = len(topics)
    noisy = add_noise(rng, blocks, rng.choice([0.0, 0.03, 0.08]))
    others = people(rng, 2, avoid=[*team, recipient])
    copies = [f"{others[0]}, Chief Executive, {auth.council}", f"{others[1]}, Department for Education"] \
        if kind == "annual unannounced inspection" else None
    truth["copied_to"] = others if copies else ["Department for Education"] if OPEN_CLOSE[1] in blocks else []
    head, office = letterhead(rng, letter_day) if rng.random() < 0.8 else ("", None)
    truth["ofsted_office"] = office
    parts = [head, fmt_date(letter_day), block, salutation, *noisy, sign_off(rng, signer, letter_day, copies)]
    return "\n\n".join(p for p in parts if p) + "\n", truth


def build_report(rng: random.Random, auth: Authority, y0: int, y1: int) -> tuple[str, dict[str, Any]]:
    """The opening pages of an ILACS inspection report, with running page footers."""
    start = weekday_on_or_after(random_day(rng, y0, y1), 0)
    end = start + timedelta(days=rng.choice([4, 11, 11, 18]))
    lead = person(rng)
    title = f"Inspection of {auth.short} local authority children's services"
    grades = [rng.choice(GRADES) for _ in ILACS_AREAS]
    overall = rng.choice(grades)
    prev_grade = rng.choice(GRADES)
    last = start - timedelta(days=rng.randint(900, 1800))
    improve = [fill(rng, t) for t in rng.sample(IMPROVE_ITEMS, rng.randint(3, 6))]
    table = ["Judgement Grade", *[f"{a}\n{ILACS_GRADE_WORDS[g]}" for a, g in zip(ILACS_AREAS, grades, strict=True)],
             f"Overall effectiveness {ILACS_GRADE_WORDS[overall]}"]
    blocks = [f"{title}\nInspection dates: {fmt_range(start, end)}\nLead inspector: {lead}, {hmi(start)}",
              "\n".join(table),
              f"Since the last inspection in {MONTHS[last.month - 1]} {last.year}, when services were "
              f"{GRADE_TEXT[prev_grade]}, {lower_first(paragraph(rng, 3, 5))}",
              paragraph(rng, 3, 5), "What needs to improve?", bullets(improve, rng.choice(["■", "\uf0b7", "-"]))]
    n_find = rng.randint(20, 40)
    per_area = [n_find // 4 + (1 if i < n_find % 4 else 0) for i in range(4)]
    number = 1
    for area, g, k in zip(ILACS_AREAS, grades, per_area, strict=True):
        blocks.append(f"{area}: {g}")
        for _ in range(k):
            blocks.append(f"{number}. {paragraph(rng)}")
            number += 1
    # running footer every few blocks, as a pdf's text layer gives it
    out: list[str] = []
    page = 1
    for i, b in enumerate(blocks):
        out.append(b)
        if i and i % rng.randint(3, 5) == 0:
            page += 1
            out.append(f"{title}\n{fmt_range(start, end)}\n{page}")
    truth: dict[str, Any] = {"kind": "report", "authority": auth.name, "visit_type": "inspection",
                             "letter_date": None, "visit_start": start.isoformat(), "visit_end": end.isoformat(),
                             "visit_sequence": None,
                             "previous_judgement": {"grade": prev_grade, "date": f"{last.year:04d}-{last.month:02d}"},
                             "inspectors": [lead], "signatory": None, "recommendations": len(improve)}
    return "\n\n".join(out) + "\n", truth


# ---- entry points ------------------------------------------------------------------------------

def generate_letters(count: int, seed: int) -> list[Synthetic]:
    """`count` synthetic letters with the facts each was built from; letter i depends only on (seed, i)."""
    authorities = load_authorities()
    weights = [w for _k, w, _a, _b in KINDS]
    out = []
    for i in range(1, count + 1):
        rng = random.Random(f"{seed}:{i}")
        kind, _w, y0, y1 = rng.choices(KINDS, weights)[0]
        auth = rng.choice(authorities)
        lo, hi = LIFESPAN.get(auth.name, (2010, 2026))
        while hi < y0 or lo > y1:
            auth = rng.choice(authorities)
            lo, hi = LIFESPAN.get(auth.name, (2010, 2026))
        y0, y1 = max(y0, lo), min(y1, hi)
        if kind == "inspection":
            text, truth = build_report(rng, auth, y0, y1)
        else:
            text, truth = build_letter(rng, kind, auth, y0, y1)
        if rng.random() < 0.05:
            text = text.replace("\n", "\r\n")
        out.append(Synthetic(f"letter_{i:05d}.txt", text, truth))
    return out


def generate(count: int, seed: int) -> list[tuple[str, str]]:
    """`count` synthetic letters as (file name, text) pairs."""
    return [(s.name, s.text) for s in generate_letters(count, seed)]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, text in generate(args.count, args.seed):
        data = text.encode("utf-8")
        (args.out_dir / name).write_bytes(data)
        total += len(data)
    print(f"wrote {args.count} letters ({total / 1e6:.1f} MB) to {args.out_dir}")


if __name__ == "__main__":
    main()
