"""Synthetic ILACS inspection report PDFs, built at test time from the small specs below.

Each report imitates the text layer of a real Ofsted report PDF as pypdf reads it: a running footer
(title, dates and page number, the number set at the right margin on the title's baseline), an
"Ofsted" header, judgement tables whose cells come out in different orders, ligature glyphs,
Wingdings bullets, curly quotes, words hyphenated across lines, a cover and a contents page, and the
Piccadilly Gate imprint on the back page. Authorities are real; inspectors, wording and grades are
invented. The expected records are tests/golden/expected/<name>.json.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

from .pdfmaker import Line, make_pdf

Page = list[Line]
GRADE_X = 330  # where the grade column starts, in points from the left margin
RIGHT_X = 470  # a page number at the right margin

IMPRINT = [
    "If you are not happy with the inspection or the report, you can complain to Ofsted.",
    "The Office for Standards in Education, Children’s Services and Skills (Ofsted) regulates and",
    "inspects to achieve excellence in the care of children and young people, and in education and",
    "skills for learners of all ages.",
    "You may reuse this information (not including logos) free of charge in any format or medium,",
    "under the terms of the Open Government Licence.",
    "Interested in our work? You can subscribe to our monthly newsletter for more information and",
    "updates: http://eepurl.com/iTrDn.",
    "Piccadilly Gate",
    "Store Street",
    "Manchester",
    "M1 2WD",
    "T: 0300 123 1231",
    "Textphone: 0161 618 8524",
    "E: enquiries@ofsted.gov.uk",
    "W: www.gov.uk/ofsted",
]


def wrap(text: str, width: int = 92) -> list[Line]:
    """A paragraph hard-wrapped as a PDF's text layer has it."""
    return list(textwrap.wrap(text, width))


def bullets(items: list[str], glyph: str = "•", width: int = 88, raised: float = 0) -> list[Line]:
    """A bulleted list; with `raised`, each bullet glyph is a run set that many lines above its text's
    baseline (a bullet font with another baseline: pypdf then glues it to the end of the line before)."""
    out: list[Line] = []
    for item in items:
        lines = textwrap.wrap(item, width)
        out.append([(0, glyph, raised), (12, lines[0])] if raised else f"{glyph} {lines[0]}")
        out.extend(f"  {ln}" for ln in lines[1:])
    return out


PAGE_BREAK = "<page break>"


def paginate(body: list[Line], footer: Callable[[int], list[Line]], per_page: int = 44,
             first_page: int = 1, header: list[Line] | None = None) -> list[Page]:
    """Body lines in pages of at most `per_page` lines (or up to a PAGE_BREAK), each with its footer."""
    chunks: list[list[Line]] = [[]]
    for line in body:
        if line == PAGE_BREAK or len(chunks[-1]) == per_page:
            chunks.append([])
        if line != PAGE_BREAK:
            chunks[-1].append(line)
    pages: list[Page] = []
    for chunk in chunks:
        pages.append((header or []) + chunk + [""] + footer(first_page + len(pages)))
    return pages


def split_at(lines: list[Line], i: int) -> list[Line]:
    """`lines` with a page break before line `i`."""
    return lines[:i] + [PAGE_BREAK] + lines[i:]


def footer_two_runs(title: str, dates: str) -> Callable[[int], list[Line]]:
    """Title on one line, then the dates with the page number at the right margin on the same baseline."""
    return lambda n: [title, [(0, dates), (RIGHT_X, str(n))]]


def footer_three_lines(title: str, dates: str) -> Callable[[int], list[Line]]:
    return lambda n: [title, dates, str(n)]


# --- 1. 2018, London Borough, Her Majesty's Inspector as "HMI", one row per line ---------------------

def sutton_2018() -> list[Page]:
    title = "Inspection of London Borough of Sutton local authority children’s services"
    dates = "5 November 2018 to 16 November 2018"
    body: list[Line] = [
        "London Borough of Sutton",
        "Inspection of children’s social care services",
        "Local authority: London Borough of Sutton",
        "Inspection dates: 5 November 2018 to 16 November 2018",
        # label and name are set in two cells of a layout table: the name comes out on the next line
        [(0, "Lead inspector:")],
        [(0, "Marguerite Oyelaran-Finch HMI")],
        "",
        [(0, "Judgement"), (GRADE_X, "Grade")],
        [(0, "The impact of leaders on social work practice with"), (GRADE_X, "Requires improvement to be good")],
        "children and families",
        [(0, "The experiences and progress of children who need"), (GRADE_X, "Requires improvement to be good")],
        "help and protection",
        [(0, "The experiences and progress of children in care and"), (GRADE_X, "Good")],
        "care leavers",
        [(0, "Overall effectiveness"), (GRADE_X, "Requires improvement to be good")],
        "",
        *wrap("Since the last inspection in February 2016, when services for children in Sutton were judged "
              "to be inadequate, senior leaders have made steady progress. A new director of children’s "
              "services was appointed in 2017. Seven monitoring visits found that leaders had a clear "
              "understanding of the weaknesses in practice, and that the quality of work with children in "
              "care had improved."),
        *wrap("The response to children who need help and protection is not yet good enough. Too many "
              "children experience delay in the front door, and the quality of child protection plans is "
              "variable. Children in care benefit from stable homes and from social workers who know them "
              "well."),
        "",
        "What needs to improve?",
        *bullets([
            "The timeliness of decisions in the multi-agency safeguarding hub, so that children at risk "
            "receive help without delay.",
            "The quality of child protection plans, so that they are specific about the changes parents "
            "need to make.",
            "The consistency of management oversight of work with children in need.",
            "The recording of return home interviews for children who go missing, and the use of the "
            "information they give.",
        ]),
        "",
        "The experiences and progress of children who need help and protection: requires",
        "improvement to be good",
        *wrap("1. Children and families who need early help are identified quickly, and a wide range of "
              "services is available to them. Partners understand thresholds well."),
        *wrap("2. When children are at risk of significant harm, strategy discussions are held promptly. "
              "Child protection enquiries are thorough, and children are seen alone."),
        *wrap("3. Some contacts wait too long for a decision in the multi-agency safeguarding hub. Managers "
              "have recently introduced daily checks, but these have not yet had a full impact."),
        "The experiences and progress of children in care and care leavers: good",
        *wrap("4. Children come into care when they need to. Most live in stable homes, and many live with "
              "brothers and sisters. Care leavers speak highly of their personal advisers."),
        "The impact of leaders on social work practice with children and families: requires",
        "improvement to be good",
        *wrap("5. The director of children’s services and the chief executive have a realistic view of the "
              "service. Political leaders have invested in more social workers, and caseloads have fallen."),
    ]
    return paginate(body, footer_three_lines(title, dates), per_page=40) + [IMPRINT + ["", "© Crown copyright 2018"]]


# --- 2. 2021, Royal Borough, cover and contents pages, table read column by column -----------------

def kensington_2021() -> list[Page]:
    title = "Inspection of Royal Borough of Kensington and Chelsea local authority children’s services"
    dates = "15 November to 26 November 2021"
    cover: Page = [
        "Ofsted",
        "",
        "Inspection of Royal Borough of Kensington and",
        "Chelsea local authority children’s services",
        "",
        "Inspection report",
        "Published: 7 January 2022",
    ]
    # the contents table's text layer holds the entries, then their page numbers
    contents: Page = [
        "Contents",
        "Judgement",
        "What needs to improve?",
        "The experiences and progress of children who need help and protection",
        "The experiences and progress of children in care and care leavers",
        "The impact of leaders on social work practice with children and families",
        "Information about this local authority",
        *[[(RIGHT_X, n)] for n in ("1", "2", "3", "5", "7", "9")],
    ]
    body: list[Line] = [
        "Inspection of Royal Borough of Kensington",
        "and Chelsea local authority children’s services",
        "Inspection dates: 15 November to 26 November 2021",
        "Lead inspector: Tobias Whitcombe, Her Majesty’s Inspector",
        "",
        # the text layer holds the label column first, then the grade column
        "Judgement",
        "The impact of leaders on social work practice with children and families",
        "The experiences and progress of children who need help and protection",
        "The experiences and progress of children in care and care leavers",
        "Overall effectiveness",
        "Grade",
        "Outstanding",
        "Outstanding",
        "Good",
        "Outstanding",
        "",
        *wrap("Children in Kensington and Chelsea continue to receive highly effective services. At the "
              "last standard inspection, in March 2017, services were judged to be outstanding. Leaders "
              "have maintained the quality of practice through the pandemic, and the local authority was "
              "graded “good” for its fostering service in 2019, which is not part of this inspection."),
        *wrap("Children in care are well supported, although the sufficiency of local homes remains a "
              "challenge. A small number of care leavers live in unsuitable accommodation for too long."),
        "",
        "What needs to improve?",
        *bullets([
            "The sufficiency of local homes for children in care, including for brothers and sisters "
            "who need to live together.",
            "The timeliness of suitable accommodation for care leavers who are ready to live independently.",
        ]),
        "",
        "The experiences and progress of children who need help and protection: outstanding",
        *wrap("1. Children and their families receive a swift and proportionate response when they first "
              "need help. Social workers know children well and spend time with them."),
        "The experiences and progress of children in care and care leavers: good",
        *wrap("2. Decisions for children to come into care are made at the right time. Most children live "
              "in stable homes close to their schools and friends."),
        "The impact of leaders on social work practice with children and families: outstanding",
        *wrap("3. Leaders are ambitious and child-focused. They know their services well and act quickly "
              "when practice falls short."),
        "",
        "Information about this local authority",
        *wrap("The local authority was last inspected in March 2017 under the single inspection framework, "
              "when overall effectiveness was judged to be outstanding. The director of children’s "
              "services has been in post since 2016."),
    ]
    return [cover, contents] + paginate(body, footer_two_runs(title, dates), per_page=42, first_page=1)


# --- 3. 2023, City Council, care leavers split, centred grades and glued runs, ligatures -----------

def sheffield_2023() -> list[Page]:
    title = "Inspection of Sheffield City Council local authority children’s services"
    dates = "13 to 24 March 2023"
    body: list[Line] = [
        "Inspection of Sheffield City Council local authority",
        "children’s services",
        "Inspection dates: 13 to 24 March 2023",
        "Lead inspector: Ifeoma Castellano, His Majesty’s Inspector",
        "",
        [(0, "Judgement"), (GRADE_X, "Grade")],
        # grades set vertically centred beside two-line labels: the text layer has them after the label
        # or glued to the next run
        [(0, "The impact of leaders on social work practice with")],
        [(0, "children and families"), (GRADE_X, "Requires improvement", 1.0), (GRADE_X, "to be good", 0.0)],
        [(0, "The experiences and progress of children who need"), (GRADE_X, "Good", -0.5)],
        [(0, "help and protection")],
        [(GRADE_X, "Good"), (0, "The experiences and progress of children in care")],
        [(GRADE_X, "Requires improvement to be good"), (0, "The experiences and progress of care leavers")],
        [(0, "Overall effectiveness"), (GRADE_X, "Requires improvement to be good")],
        "",
        *wrap("Since the last inspection in June 2018, when services were judged to require improvement "
              "to be good, leaders have strengthened the front door and the quality of work with children "
              "in care. The ﬁndings of a focused visit in October 2021 helped leaders to reﬂect on the "
              "quality of supervision. Services for care leavers have not improved at the same pace."),
        "Most children in need of help and protection receive a timely and effective re-",
        "sponse. Children in care live in stable homes.",
        "",
        "What needs to improve?",
        *split_at(bullets([
            "The quality and timeliness of pathway plans, so that they reﬂect care leavers’ needs and "
            "aspirations.",
            "The range of suitable accommodation for care leavers, including for those leaving custody.",
            "The oversight of ﬁnancial support for care leavers, so that they receive what they are "
            "entitled to.",
        ], glyph="\uf0a7"), 3),  # the second item runs over a page break (and the "Ofsted" header)
        "",
        "The experiences and progress of children who need help and protection: good",
        *wrap("1. Children and families receive timely help from a well-established early help service. "
              "The multi-agency safeguarding hub makes proportionate decisions."),
        "The experiences and progress of children in care: good",
        *wrap("2. Children come into care when it is right for them. Children’s plans are reviewed by "
              "independent reviewing ofﬁcers who know them well."),
        "The experiences and progress of care leavers: requires improvement to be good",
        *wrap("3. Personal advisers keep in touch with care leavers, but pathway plans are too often out of "
              "date and do not reﬂect young people’s current circumstances."),
    ]
    return paginate(body, footer_two_runs(title, dates), per_page=30, header=["Ofsted", ""]) + [
        IMPRINT + ["", "© Crown copyright 2023"]]


# --- 4. 2025, Metropolitan Borough Council, grades on their own lines, "Information" section --------

def wigan_2025() -> list[Page]:
    title = "Inspection of Wigan Metropolitan Borough Council local authority children’s services"
    dates = "3 to 14 February 2025"
    body: list[Line] = [
        "Inspection of Wigan Metropolitan Borough",
        "Council local authority children’s services",
        "Inspection dates: 3 to 14 February 2025",
        "Lead inspector: Rhodri Aldous-Penn, His Majesty’s",
        "Inspector",
        "",
        "Judgement",
        "Grade",
        "The impact of leaders on social work practice with",
        "children and families",
        "Good",
        "The experiences and progress of children who need",
        "help and protection",
        "Good",
        "The experiences and progress of children in care",
        "Requires improvement",
        "to be good",
        "The experiences and progress of care leavers",
        "Good",
        "Overall effectiveness",
        "Good",
        "",
        *wrap("Children in Wigan receive good help and protection. At the last inspection, in November "
              "2021, overall effectiveness was judged to be good. Leaders have sustained the quality of "
              "practice for most children, despite a rise in demand. The focused visit in July 2023 found "
              "that children in care had too many changes of social worker."),
        "",
        "What needs to improve?",
        *bullets([
            "The stability of social work relationships for children in care.",
            "The timeliness of initial health assessments for children when they come into care.",
            "The quality and frequency of supervision for social workers in the children in care teams.",
        ], raised=0.8),
        "",
        "The impact of leaders on social work practice with children and families: good",
        *wrap("1. The director of children’s services, appointed in 2022, and senior leaders know their "
              "services well. Leaders have responded to the findings of the focused visit."),
        "The experiences and progress of children who need help and protection: good",
        *wrap("2. Children and families receive a prompt response at the front door. Thresholds are well "
              "understood by partners."),
        "The experiences and progress of children in care: requires improvement to be good",
        *wrap("3. Too many children in care have had several changes of social worker. Some children’s "
              "plans are not reviewed when their circumstances change."),
        "The experiences and progress of care leavers: good",
        *wrap("4. Care leavers are well supported by personal advisers who know them well."),
        "",
        "Information about this local authority",
        *wrap("This local authority was last inspected under the inspection of local authority children’s "
              "services framework in November 2021, when it was judged to be good overall. It has "
              "since had a focused visit (July 2023)."),
    ]
    return paginate(body, footer_two_runs(title, dates), per_page=44) + [IMPRINT + ["", "© Crown copyright 2025"]]


# --- 5. 2026, London Borough, no overall effectiveness, honorific, URN and reference footer --------

def lewisham_2026() -> list[Page]:
    title = "Inspection of London Borough of Lewisham local authority children’s services"
    body: list[Line] = [
        "Inspection of London Borough of Lewisham local authority children’s services",
        "Inspection dates: 11 May to 22 May 2026",
        "Lead inspector: Dr Saoirse Kettleby, His Majesty’s Inspector",
        "",
        [(0, "Judgement"), (GRADE_X, "Grade")],
        [(0, "The impact of leaders on practice with children and"), (GRADE_X, "Inadequate")],
        "families",
        [(0, "The experiences and progress of children who need"), (GRADE_X, "Inadequate")],
        "help and protection",
        [(0, "The experiences and progress of children in care"), (GRADE_X, "Requires improvement")],
        [(GRADE_X, "to be good")],
        [(0, "The experiences and progress of care leavers"), (GRADE_X, "Requires improvement")],
        [(GRADE_X, "to be good")],
        "",
        *wrap("Services for children who need help and protection in Lewisham have deteriorated since the "
              "last inspection in January 2022, when overall effectiveness was judged to be requires "
              "improvement to be good. Leaders did not act quickly enough on the ﬁndings of the focused "
              "visit in September 2024. Too many children remain in situations of risk for too long."),
        "",
        "What needs to improve?",
        *split_at(bullets([
            "The response to children at risk of significant harm, including the timeliness and quality "
            "of strategy discussions and child protection enquiries.",
            "The quality of assessments and plans for children in need of help and protection.",
            "Leaders’ understanding of the quality of frontline practice, and the effectiveness of their "
            "quality assurance arrangements.",
            "The capacity of the workforce, so that social workers’ caseloads allow them to work "
            "effectively with children.",
        ]), 4),  # the third item runs over a page break
        "",
        "The experiences and progress of children who need help and protection: inadequate",
        *wrap("1. Children do not receive a timely response when concerns are first raised. Some contacts "
              "wait several days for a decision."),
        "The experiences and progress of children in care: requires improvement to be good",
        *wrap("2. Most children in care live in stable homes. Their health needs are well met."),
        "The experiences and progress of care leavers: requires improvement to be good",
        *wrap("3. Care leavers have trusting relationships with their personal advisers."),
        "The impact of leaders on practice with children and families: inadequate",
        *wrap("4. Senior leaders have not had an accurate understanding of frontline practice."),
    ]

    def footer(n: int) -> list[Line]:
        return [[(0, title), (RIGHT_X, str(n))], "URN: 80508", "Reference no: 260042"]

    return paginate(body, footer, per_page=44) + [IMPRINT + ["", "© Crown copyright 2026"]]


# --- 6. November 2022, a comma in the name, inadequate with areas for priority action, no earlier grade

def bcp_2022() -> list[Page]:
    title = "Inspection of Bournemouth, Christchurch and Poole Council local authority children’s services"
    dates = "7 to 18 November 2022"
    body: list[Line] = [
        "Inspection of Bournemouth, Christchurch and Poole",
        "Council local authority children’s services",
        "Inspection dates: 7 to 18 November 2022",
        "Lead inspector: Peregrine Ashdown-Mbeki, His Majesty’s Inspector",
        "",
        [(0, "Judgement"), (GRADE_X, "Grade")],
        [(0, "The impact of leaders on social work"), (GRADE_X, "Inadequate")],
        "practice with children and families",
        [(0, "The experiences and progress of"), (GRADE_X, "Inadequate")],
        "children who need help and",
        "protection",
        [(0, "The experiences and progress of"), (GRADE_X, "Requires improvement")],
        [(0, "children in care and care leavers"), (GRADE_X, "to be good")],
        [(0, "Overall effectiveness"), (GRADE_X, "Inadequate")],
        "",
        *wrap("This is the first standard inspection of Bournemouth, Christchurch and Poole since the "
              "council was created in April 2019. A focused visit in November 2020 identified serious "
              "weaknesses in the front door. Leaders have not acted quickly enough on those findings, and "
              "too many children who need help and protection wait too long for a response."),
        "",
        "Areas for priority action",
        *bullets([
            "The timeliness and effectiveness of the response to children at risk of significant harm "
            "when they are first referred.",
            "The capacity and stability of the workforce in the assessment teams.",
        ], glyph="\uf0b7"),
        "",
        "What needs to improve?",
        *bullets([
            "Management oversight and supervision of social workers’ practice with children in need.",
            "The quality of plans for children in need of help and protection.",
            "The timeliness of initial health assessments for children in care.",
        ], glyph="\uf0b7"),
        "",
        "The experiences and progress of children who need help and protection: inadequate",
        *wrap("1. Too many contacts wait several days before a decision is made. When children are at risk "
              "of significant harm, strategy discussions are not always held promptly."),
        "The experiences and progress of children in care and care leavers: requires improvement to be good",
        *wrap("2. Most children in care live in stable homes with carers who meet their needs well."),
        "The impact of leaders on social work practice with children and families: inadequate",
        *wrap("3. Senior leaders did not have an accurate understanding of the quality of practice."),
    ]
    return paginate(body, footer_three_lines(title, dates), per_page=36) + [IMPRINT + ["", "© Crown copyright 2023"]]


# --- 7. 2019, London Borough with "and", running header with the URN, lead inspector's title on its own
# line, grade of overall effectiveness on the line after its label, numbered list with bare numbers -----

def hammersmith_2019() -> list[Page]:
    running = "Inspection of London Borough of Hammersmith and Fulham children’s services"
    header: list[Line] = [[(0, running), (RIGHT_X, "URN: 80497")], ""]
    body: list[Line] = [
        "London Borough of Hammersmith and Fulham",
        "Inspection of children’s social care services",
        "Inspection dates: 25 February to 8 March 2019",
        "Lead inspector: Cressida Naylor-Quist",
        "Her Majesty’s Inspector",
        "",
        "Judgement",
        "Grade",
        [(0, "The impact of leaders on social work practice with"), (GRADE_X, "Good")],
        "children and families",
        [(0, "The experiences and progress of children who need"), (GRADE_X, "Good")],
        "help and protection",
        [(0, "The experiences and progress of children in care and"), (GRADE_X, "Requires improvement")],
        [(0, "care leavers"), (GRADE_X, "to be good")],
        [(0, "Overall effectiveness")],
        [(GRADE_X, "Good")],
        "",
        *wrap("At the last inspection, in May 2015, under the single inspection framework, services for "
              "children in Hammersmith and Fulham were judged to require improvement to be good. Since "
              "then, leaders have invested in the front door and in the workforce. A focused visit in "
              "October 2018 found that children in need of help and protection received a timely response."),
        *wrap("Children in care and care leavers do not yet receive a consistently good service. Too many "
              "children in care have had several changes of home, and some care leavers do not have "
              "up-to-date pathway plans."),
        "",
        "What needs to improve in this local authority?",
        "1.",
        *wrap("The stability of homes for children in care, so that fewer children experience unplanned "
              "moves."),
        "2.",
        *wrap("The quality and timeliness of pathway plans for care leavers, including those aged 21 to 25."),
        PAGE_BREAK,
        "3.",
        *wrap("The consistency of management oversight of children’s plans in the children in care teams, "
              "and the recording of managers’ decisions."),
        "",
        "The experiences and progress of children who need help and protection: good",
        *wrap("1. Children and families receive a prompt and proportionate response when concerns are "
              "first raised. Thresholds are well understood by partners."),
        "The experiences and progress of children in care and care leavers: requires improvement",
        "to be good",
        *wrap("2. Most children come into care at the right time, but too many have moved home several "
              "times in the last two years."),
        "The impact of leaders on social work practice with children and families: good",
        *wrap("3. Senior leaders and elected members know their services well and have a clear plan to "
              "improve the stability of homes for children in care."),
    ]

    def footer(n: int) -> list[Line]:
        return [[(RIGHT_X, str(n))]]

    return paginate(body, footer, per_page=40, header=header) + [IMPRINT + ["", "© Crown copyright 2019"]]


# --- 8. 2024, Royal Borough, dates and lead inspector broken over lines, "Requires improvement to be" /
# "good", a footer in the middle of a recommendation --------------------------------------------------

def greenwich_2024() -> list[Page]:
    title = "Inspection of Royal Borough of Greenwich local authority children’s services"
    dates = "26 February to 8 March 2024"
    body: list[Line] = [
        "Inspection of Royal Borough of Greenwich local authority children’s",
        "services",
        "Inspection dates: 26 February to 8",
        "March 2024",
        "Lead inspector:",
        "Ambrose Feltham-Oduya",
        "His Majesty’s Inspector",
        "",
        "Judgement",
        "Grade",
        "The impact of leaders on social work practice with",
        "children and families",
        "Requires improvement to be",
        "good",
        "The experiences and progress of children who need",
        "help and protection",
        "Requires improvement to be",
        "good",
        "The experiences and progress of children in care",
        "Good",
        "The experiences and progress of care leavers",
        "Good",
        "Overall effectiveness",
        "Requires improvement to be",
        "good",
        "",
        *wrap("Greenwich was last inspected in July 2019, when overall effectiveness was judged to be good. "
              "Since then, services for children who need help and protection have declined. A new "
              "director of children’s services took up post in 2023. Leaders have an accurate "
              "understanding of the weaknesses in practice, but their plans have not yet had an impact."),
        "",
        "What needs to improve?",
        *split_at(bullets([
            "The timeliness and quality of assessments for children in need, so that children receive "
            "the right help when they need it.",
            "The effectiveness of management oversight and supervision in the assessment and children in "
            "need teams.",
            "The response to 16- and 17-year-old children who present as homeless.",
        ]), 2),  # the second item runs over a page break
        "",
        "The experiences and progress of children who need help and protection: requires",
        "improvement to be good",
        *wrap("1. Too many assessments take too long to complete, and some do not consider children’s "
              "history. Managers do not always challenge drift."),
        "The experiences and progress of children in care: good",
        *wrap("2. Children in care live in stable homes with carers who know them well."),
        "The experiences and progress of care leavers: good",
        *wrap("3. Care leavers are well supported by personal advisers, and most live in suitable homes."),
        "The impact of leaders on social work practice with children and families: requires",
        "improvement to be good",
        *wrap("4. Leaders have recently strengthened the quality assurance framework."),
    ]
    pages = [[
        "Ofsted", "", "Inspection of Royal Borough of Greenwich", "local authority children’s services", "",
        "Inspection report", "Published: 19 April 2024"]]
    return pages + paginate(body, footer_two_runs(title, dates), per_page=36) + [
        IMPRINT + ["", "© Crown copyright 2024"]]


# --- 9. 2019, City Council, grade column read before the label column, capital "Inspector" label, an
# en dash in the dates, bullet glyphs on their own lines ----------------------------------------------

def bristol_2019() -> list[Page]:
    title = "Inspection of Bristol City Council local authority children’s services"
    dates = "11 March – 22 March 2019"
    body: list[Line] = [
        "Inspection of Bristol City Council local authority children’s services",
        "Inspection dates: 11 March – 22 March 2019",
        "Lead Inspector: Hollis Brackenbury-Amadi, Her Majesty’s Inspector",
        "",
        # the text layer holds the grade column first, then the label column
        "Grade",
        "Inadequate",
        "Requires improvement to be good",
        "Inadequate",
        "Inadequate",
        "Judgement",
        "The impact of leaders on social work practice with children and families",
        "The experiences and progress of children who need help and protection",
        "The experiences and progress of children in care and care leavers",
        "Overall effectiveness",
        "",
        *wrap("Since the last inspection in January 2014, when services for children were judged to be "
              "good, the quality of practice has deteriorated. Three changes of director of children’s "
              "services since 2016 have left the service without stable leadership. In 2017, the council’s "
              "adoption service was judged to be outstanding by another regulator’s review, which is not "
              "part of this inspection."),
        "",
        "Areas for priority action",
        "•",
        *wrap("The quality of management oversight and decision-making for children at risk of significant "
              "harm."),
        "•",
        *wrap("Leaders’ understanding of the quality of frontline practice."),
        "",
        "What needs to improve?",
        "•",
        *wrap("The timeliness of strategy discussions and child protection enquiries."),
        "•",
        *wrap("The quality of plans for children in need and children subject to child protection plans."),
        "•",
        *wrap("The sufficiency of homes for children in care close to their families."),
        "",
        "The experiences and progress of children who need help and protection: inadequate",
        *wrap("1. Too many children wait too long for a response to concerns about their safety."),
        "The experiences and progress of children in care and care leavers: requires improvement to",
        "be good",
        *wrap("2. Most children in care live in stable homes, but some live too far from their families."),
        "The impact of leaders on social work practice with children and families: inadequate",
        *wrap("3. Leaders did not know about the extent of the weaknesses in practice at the front door."),
    ]
    return paginate(body, footer_two_runs(title, dates), per_page=44, header=["Ofsted", ""]) + [
        IMPRINT + ["", "© Crown copyright 2019"]]


# --- 10. 2024, County Council wrapped in the title, header carrying the title on every page, numbered
# items with the number glued, a page break and repeated header in the middle of an item -------------

def durham_2024() -> list[Page]:
    running = "Inspection of Durham County Council local authority children’s services"
    header: list[Line] = [running, ""]
    body: list[Line] = [
        "Inspection of Durham County",
        "Council local authority children’s services",
        "Inspection dates: 29 January 2024 to 9 February 2024",
        [(0, "Lead inspector:"), (100, "Wilhelmina Drabble-Okoro, His Majesty’s Inspector")],
        "",
        [(0, "Judgement"), (GRADE_X, "Grade")],
        [(0, "Overall effectiveness"), (GRADE_X, "Outstanding")],
        [(0, "The impact of leaders on social work practice with"), (GRADE_X, "Outstanding")],
        "children and families",
        [(0, "The experiences and progress of children who need"), (GRADE_X, "Outstanding")],
        "help and protection",
        [(0, "The experiences and progress of children in care"), (GRADE_X, "Good")],
        [(0, "The experiences and progress of care leavers"), (GRADE_X, "Outstanding")],
        "",
        *wrap("Children in County Durham benefit from highly effective services. At the last inspection, "
              "in June 2019, services were judged to be good. A focused visit in May 2022 looked at the "
              "front door and found strong practice. Leaders have built on these strengths."),
        "",
        "What needs to improve?",
        *split_at(wrap("1. The timeliness of permanence decisions for children in care who cannot return "
                       "home, including the use of special guardianship orders.", 88), 1),
        *wrap("2. The range of local homes for children in care with complex needs.", 88),
        "",
        "The experiences and progress of children who need help and protection: outstanding",
        *wrap("1. Children receive the right help at the right time. Early help is highly effective."),
        "The experiences and progress of children in care: good",
        *wrap("2. Most children in care live in stable homes, but some wait too long for permanence."),
        "The experiences and progress of care leavers: outstanding",
        *wrap("3. Care leavers are exceptionally well supported by personal advisers."),
        "The impact of leaders on social work practice with children and families: outstanding",
        *wrap("4. Leaders have a detailed and accurate understanding of the quality of practice."),
    ]
    return paginate(body, footer_three_lines(running, "29 January 2024 to 9 February 2024"), per_page=44,
                    header=header) + [IMPRINT + ["", "© Crown copyright 2024"]]


# --- 11. 2018, "City of ... Council" before the title, lead inspector then a team list, a grade cell
# wrapped over three lines, lettered recommendations under a heading without a question mark, words
# split by kerning in the prose -----------------------------------------------------------------------

def wolverhampton_2018() -> list[Page]:
    title = "Inspection of City of Wolverhampton Council children’s services"
    dates = "3 December 2018 to 14 December 2018"
    body: list[Line] = [
        "City of Wolverhampton Council",
        "Inspection of children’s social care services",
        "Inspection dates: 3 December 2018 to 14 December 2018",
        "Lead inspector: Philippa Tranmere-Osei",
        "Inspection team: Gideon Ashworth-Lyle, Her Majesty’s Inspector; Rosalind",
        "Cheverton, Her Majesty’s Inspector; Marcus Ellery-Nwosu, Ofsted Inspector",
        "",
        "Judgement",
        "Grade",
        "The impact of leaders on social work practice with",
        "children and families",
        "Good",
        "The experiences and progress of children who need",
        "help and protection",
        "Requires",
        "improvement to",
        "be good",
        "The experiences and progress of children in care and",
        "care leavers",
        "Good",
        "Overall effectiveness",
        "Good",
        "",
        *wrap("Since the last inspect ion in March 2016, when services for children were judged to "
              "require improvement to be good, leaders have made sustained progress. The local "
              "authority’s self-evaluat ion is accurate, and leaders know where practice needs to "
              "improve. In 2017, a joint targeted area inspection looked at the response to children "
              "living with domestic abuse."),
        *wrap("Children in care and care leavers receive good support from social workers and personal "
              "advisers who know them well. The response to children who need help and protection is "
              "improving, but some children experience delay in assessments."),
        "",
        "What needs to improve in this local authority",
        *wrap("(a) The timeliness and quality of assessments for children in need, so that children "
              "receive the help they need without delay."),
        *wrap("(b) The consistency of management oversight of children’s plans in the children in need "
              "teams."),
        *wrap("(c) The quality of return home interviews for children who go missing."),
        "",
        "The experiences and progress of children who need help and protection: requires",
        "improvement to be good",
        *wrap("1. Children and families who need early help receive a prompt response. Thresholds are "
              "understood by partners, and the front door makes proportionate decisions."),
        "The experiences and progress of children in care and care leavers: good",
        *wrap("2. Children come into care when they need to, and most live in stable homes."),
        "The impact of leaders on social work practice with children and families: good",
        *wrap("3. Senior leaders and elected members are ambitious for children. Caseloads are manageable."),
    ]
    return paginate(body, footer_three_lines(title, dates), per_page=40) + [IMPRINT + ["", "© Crown copyright 2019"]]


# --- 12. 2022 short inspection, a day range inside one month, kerning splits in the prose and in a
# recommendation, a City Council whose name holds "upon" ------------------------------------------------

def hull_2022() -> list[Page]:
    title = "Inspection of Kingston upon Hull City Council local authority children’s services"
    dates = "6 to 10 June 2022"
    body: list[Line] = [
        "Inspection of Kingston upon Hull City Council local",
        "authority children’s services",
        "Inspection dates: 6 to 10 June 2022",
        "Lead inspector: Lorcan Featherstone-Abiola, Her Majesty’s Inspector",
        "",
        [(0, "Judgement"), (GRADE_X, "Grade")],
        [(0, "The impact of leaders on social work practice with"), (GRADE_X, "Good")],
        "children and families",
        [(0, "The experiences and progress of children who need"), (GRADE_X, "Good")],
        "help and protection",
        [(0, "The experiences and progress of children in care and"), (GRADE_X, "Good")],
        "care leavers",
        [(0, "Overall effectiveness"), (GRADE_X, "Good")],
        "",
        *wrap("Children in Hull receive good services. At the last inspect ion, in October 2018, services "
              "were judged to require improvem ent to be good. Since then, leaders have invested in "
              "the workforce, and caseloads have reduced. The focused visit in November 2020 found that "
              "leaders had responded well to the pandemic."),
        "",
        "What needs to improve?",
        *bullets([
            "The timeliness of initial health assessm ents for children when they come into care.",
            "The quality of pathway plans for care leavers, so that they reflect young people’s "
            "current needs.",
        ]),
        "",
        "The experiences and progress of children who need help and protection: good",
        *wrap("1. Children and families receive a timely and proportionate response. Strategy "
              "discussions are held promptly, and child protection enquiries are thorough."),
        "The experiences and progress of children in care and care leavers: good",
        *wrap("2. Most children in care live in stable homes, and their plans are reviewed regularly."),
        "The impact of leaders on social work practice with children and families: good",
        *wrap("3. Leaders have a clear understanding of the quality of practice through their "
              "quality assurance framework."),
    ]
    return paginate(body, footer_two_runs(title, dates), per_page=40, header=["Ofsted", ""]) + [
        IMPRINT + ["", "© Crown copyright 2022"]]


# --- 13. 2019, "Local authority children’s services inspection" wording, a name holding "upon", a grade
# cell wrapped over three lines beside a wrapped label ----------------------------------------------

def richmond_2019() -> list[Page]:
    title = "Inspection of London Borough of Richmond upon Thames children’s services"
    dates = "24 June to 5 July 2019"
    body: list[Line] = [
        "London Borough of Richmond upon Thames",
        "Local authority children’s services inspection",
        "Inspection dates: 24 June to 5 July 2019",
        "Lead inspector: Evangeline Marchbanks-Udeh, Her Majesty’s Inspector",
        "",
        [(0, "Judgement"), (GRADE_X, "Grade")],
        [(0, "The impact of leaders on social work practice with"), (GRADE_X, "Good")],
        "children and families",
        [(0, "The experiences and progress of children who need"), (GRADE_X, "Requires")],
        [(0, "help and protection"), (GRADE_X, "improvement to")],
        [(GRADE_X, "be good")],
        [(0, "The experiences and progress of children in care and"), (GRADE_X, "Good")],
        "care leavers",
        [(0, "Overall effectiveness"), (GRADE_X, "Good")],
        "",
        *wrap("When the local authority was last inspected, in May 2016, services for children were "
              "judged to be good. Children’s services in Richmond upon Thames are delivered by a "
              "community interest company on behalf of the council. Leaders have maintained good "
              "services for children in care and care leavers."),
        *wrap("The response to children who need help and protection is not consistently good. Some "
              "children in need wait too long for their plans to be reviewed."),
        "",
        "What needs to improve?",
        *bullets([
            "The timeliness of reviews of child in need plans, so that drift is identified and "
            "addressed.",
            "The quality of supervision for social workers in the locality teams.",
            "The response to children aged 16 and 17 who present as homeless.",
        ]),
        "",
        "The experiences and progress of children who need help and protection: requires",
        "improvem ent to be good",
        *wrap("1. Children who need help and protection receive a timely response at the front door, but "
              "some child in need plans are not reviewed when circumstances change."),
        "The experiences and progress of children in care and care leavers: good",
        *wrap("2. Children in care live in stable homes and are supported to stay in touch with their "
              "families."),
        "The impact of leaders on social work practice with children and families: good",
        *wrap("3. Leaders have a realistic view of the quality of practice."),
    ]
    return paginate(body, footer_two_runs(title, dates), per_page=42) + [IMPRINT + ["", "© Crown copyright 2019"]]


# --- 14. 2023, letters of a lettered list alone on their lines, lead inspector then a team listed one per
# line, a three-line grade cell in a label-then-grade table, kerning in the previous judgement ---------

def calderdale_2023() -> list[Page]:
    title = "Inspection of Calderdale Metropolitan Borough Council local authority children’s services"
    dates = "9 to 20 October 2023"
    body: list[Line] = [
        "Inspection of Calderdale Metropolitan Borough",
        "Council local authority children’s services",
        "Inspection dates: 9 to 20 October 2023",
        "Lead inspector: Beatrix Holloway-Mensah, His Majesty’s Inspector",
        "Inspection team:",
        "Crispin Oduya-Fairweather, His Majesty’s Inspector",
        "Ottilie Brankson, Ofsted Inspector",
        "",
        "Judgement",
        "Grade",
        "The impact of leaders on social work practice with",
        "children and families",
        "Requires",
        "improvement",
        "to be good",
        "The experiences and progress of children who need",
        "help and protection",
        "Requires",
        "improvement",
        "to be good",
        "The experiences and progress of children in care",
        "Good",
        "The experiences and progress of care leavers",
        "Good",
        "Overall effectiveness",
        "Requires",
        "improvement",
        "to be good",
        "",
        *wrap("Calderdale was last inspected in February 2019, when its services for children were judged to be outst "
              "anding. Since then, the quality of practice for children who need help and protection "
              "has declined. A focused visit in March 2022 found that children in care were well "
              "supported. Leaders now have an accurate view of practice."),
        "",
        "What needs to improve in this local authority",
        "(a)",
        *wrap("The timeliness of child protection enquiries when children are at risk of significant "
              "harm."),
        "(b)",
        *wrap("The quality of management oversight in the assessment teams."),
        "(c)",
        *wrap("The recording of the reasons for decisions on children’s files."),
        "",
        "The experiences and progress of children who need help and protection: requires",
        "improvement to be good",
        *wrap("1. Too many children wait too long for a child protection enquiry to begin."),
        "The experiences and progress of children in care: good",
        *wrap("2. Children in care live in stable homes with carers who meet their needs."),
        "The experiences and progress of care leavers: good",
        *wrap("3. Care leavers are supported well by personal advisers."),
        "The impact of leaders on social work practice with children and families: requires",
        "improvement to be good",
        *wrap("4. Leaders have recently strengthened quality assurance."),
    ]
    return paginate(body, footer_two_runs(title, dates), per_page=44) + [IMPRINT + ["", "© Crown copyright 2023"]]


# --- 15. 2025, title over three lines with the authority's hyphenated name broken at a line end
# ("Stockton-on-" / "Tees"), dates broken inside the range ("13 to" / "24 January 2025"), grade cells
# "Requires" / "improvement to be" / "good" on three baselines beside one- and two-line labels, a
# previous judgement with a year but no month, bare page-number footer, neighbours named in the prose -

def stockton_2025() -> list[Page]:
    body: list[Line] = [
        "Inspection of Stockton-on-",
        "Tees Borough Council local authority",
        "children’s services",
        "Inspection dates: 13 to",
        "24 January 2025",
        "Lead inspector: Ptolemy Grisedale-Achebe, His Majesty’s Inspector",
        "",
        [(0, "Judgement"), (GRADE_X, "Grade")],
        [(0, "The impact of leaders on social work practice with"), (GRADE_X, "Requires")],
        [(0, "children and families"), (GRADE_X, "improvement to be")],
        [(GRADE_X, "good")],
        [(0, "The experiences and progress of children who need"), (GRADE_X, "Good")],
        "help and protection",
        [(0, "The experiences and progress of children in care"), (GRADE_X, "Requires")],
        [(GRADE_X, "improvement to be")],
        [(GRADE_X, "good")],
        [(0, "The experiences and progress of care leavers"), (GRADE_X, "Good")],
        [(0, "Overall effectiveness"), (GRADE_X, "Requires")],
        [(GRADE_X, "improvement to be")],
        [(GRADE_X, "good")],
        "",
        *wrap("At the last inspection in 2021, the local authority’s services for children were judged to "
              "be requires improvement to be good. Since then, leaders have strengthened the front door, "
              "which is shared with Hartlepool, and the regional adoption agency run with Middlesbrough "
              "and Redcar and Cleveland has improved the timeliness of adoption for children in care."),
        *wrap("Too many children in care still experience changes of social worker, and the quality of "
              "leaders’ oversight of practice is not yet consistent."),
        "",
        "What needs to improve?",
        *bullets([
            "The consistency of management oversight of children’s plans, so that drift is identified "
            "and acted on.",
            "The stability of social work relationships for children in care.",
            "The quality of life-story work for children who are adopted or live with special guardians.",
        ]),
        "",
        "The impact of leaders on social work practice with children and families: requires",
        "improvement to be good",
        *wrap("1. Leaders know where practice needs to improve, but their plans have not yet had an impact "
              "for all children."),
        "The experiences and progress of children who need help and protection: good",
        *wrap("2. Children and families receive a timely response when concerns are first raised."),
        "The experiences and progress of children in care: requires improvement to be good",
        *wrap("3. Some children in care have had several changes of social worker."),
        "The experiences and progress of care leavers: good",
        *wrap("4. Care leavers are well supported by personal advisers who know them well."),
    ]

    def footer(n: int) -> list[Line]:
        return [[(RIGHT_X, str(n))]]

    return paginate(body, footer, per_page=44) + [IMPRINT + ["", "© Crown copyright 2025"]]


# --- 16. 2020, a cover page, the judgement table's "Judgement" / "Grade" header at the foot of one page
# and its rows on the next (after the footer and running header), read column by column (labels, then
# grades), the grade before the date in the previous judgement, a recommendation broken by a running
# header AND a footer ------------------------------------------------------------------------------

def telford_2020() -> list[Page]:
    title = "Inspection of Telford and Wrekin Council local authority children’s services"
    dates = "20 January to 31 January 2020"
    header: list[Line] = [[(0, "Ofsted"), (RIGHT_X, "URN: 80570")], ""]
    cover: Page = [
        "Ofsted",
        "",
        "Inspection of Telford and Wrekin Council",
        "local authority children’s services",
        "",
        "Inspection report",
        "Published: 6 March 2020",
    ]
    body: list[Line] = [
        "Inspection of Telford and Wrekin Council local authority children’s services",
        "Inspection dates: 20 January to 31 January 2020",
        "Lead inspector: Seraphina Quarrington, Her Majesty’s Inspector",
        "",
        *wrap("Services for children in Telford and Wrekin were judged to be good at the last inspection, "
              "in October 2016. Since then, leaders have sustained and improved the quality of practice. "
              "A focused visit in May 2019 looked at the experiences of children in need and found that "
              "managers knew their teams well. Leaders in Shropshire and Telford and Wrekin share a "
              "youth offending service."),
        *wrap("Children in care are now exceptionally well supported. Care leavers benefit from strong "
              "relationships with their personal advisers and a wide range of accommodation."),
        *wrap("Children who need help and protection receive a prompt and proportionate response. "
              "Partners understand thresholds, and strategy discussions are timely."),
        *wrap("Senior leaders and elected members are ambitious for children. The council has invested "
              "in early help and in the workforce, and caseloads are manageable."),
        *wrap("Managers provide regular supervision, and social workers say that they feel well "
              "supported. Audits are thorough and lead to improvements in practice."),
        *wrap("The local authority’s self-evaluation is accurate, and leaders use it to target "
              "improvements. The director of children’s services has been in post since 2017."),
        *wrap("Independent reviewing officers and child protection chairs know children well and "
              "challenge drift when they see it."),
        "",
        "Judgement",
        "Grade",
        PAGE_BREAK,
        "The impact of leaders on social work practice with children and families",
        "The experiences and progress of children who need help and protection",
        "The experiences and progress of children in care and care leavers",
        "Overall effectiveness",
        "Good",
        "Good",
        "Outstanding",
        "Good",
        "",
        "What needs to improve?",
        *split_at(bullets([
            "The quality of written plans for children in need, so that they set out clearly what "
            "needs to change, by when and who will do it.",
            "The timeliness of return home interviews for children who go missing from home or care, and "
            "the use of the information they give in children’s plans and in the work of the "
            "exploitation panel.",
            "The consistency of written records of management supervision.",
        ], width=88), 4),  # the second item runs over a page break: footer, then running header
        "",
        "The experiences and progress of children who need help and protection: good",
        *wrap("1. Children and families receive a timely response from the front door."),
        "The experiences and progress of children in care and care leavers: outstanding",
        *wrap("2. Children in care live in stable homes with carers who understand their needs."),
        "The impact of leaders on social work practice with children and families: good",
        *wrap("3. Leaders have a clear understanding of the quality of practice."),
    ]
    return [cover] + paginate(body, footer_two_runs(title, dates), per_page=40, header=header) + [
        IMPRINT + ["", "© Crown copyright 2020"]]


# --- 17. 2026, new-style section headings, no overall effectiveness, grades drawn as images whose
# alternative text ("Grade: good") comes before each row's label in the text layer, the dates in a
# separate cell on the line after their label, a "Mx" lead inspector, the previous grade in brackets --

def north_yorkshire_2026() -> list[Page]:
    title = "Inspection of North Yorkshire Council local authority children’s services"
    body: list[Line] = [
        "Inspection of North Yorkshire Council local authority children’s services",
        [(0, "Inspection dates:")],
        [(0, "8 to 19 June 2026")],
        "Lead inspector: Mx Juniper Arkwright-Sato, His Majesty’s Inspector",
        "",
        "Judgements",
        "Grade: Good",
        "The impact of leaders on practice with children and families",
        "Grade: Good",
        "The experiences and progress of children who need help and protection",
        "Grade: Requires improvement to be good",
        "The experiences and progress of children in care",
        "Grade: Outstanding",
        "The experiences and progress of care leavers",
        "",
        "Summary of findings",
        *wrap("North Yorkshire Council became a unitary authority in April 2023. The previous inspection "
              "of children’s services (July 2022) judged them to be outstanding. Leaders have kept a "
              "strong focus on practice during the reorganisation, but the quality of care planning for "
              "some children in care has declined, and too many children live far from home."),
        "",
        "What the local authority needs to do to improve",
        *bullets([
            "The sufficiency of local homes for children in care, so that fewer children live a long "
            "way from their families and schools.",
            "The quality of care plans, so that they are specific about how children’s needs will be "
            "met.",
        ]),
        "",
        "Findings",
        "The impact of leaders on practice with children and families: good",
        *wrap("1. Leaders have a detailed understanding of practice and have acted on the findings of "
              "audits."),
        "The experiences and progress of children who need help and protection: good",
        *wrap("2. Children receive a prompt response when concerns are first raised."),
        "The experiences and progress of children in care: requires improvement to be good",
        *wrap("3. Too many children in care live more than 20 miles from home."),
        "The experiences and progress of care leavers: outstanding",
        *wrap("4. Care leavers are exceptionally well supported."),
    ]

    def footer(n: int) -> list[Line]:
        return [[(0, title), (RIGHT_X, str(n))], "8 to 19 June 2026"]

    return paginate(body, footer, per_page=44) + [IMPRINT + ["", "© Crown copyright 2026"]]


# --- 18. 2019 short inspection, a day range with an en dash and no spaces ("9–13 September 2019"),
# the overall effectiveness row first with its grade glued before the label, previous judgement with a
# year alone, recommendations running over two page breaks, the list's last item followed by a
# paragraph ----------------------------------------------------------------------------------------

def southend_2019() -> list[Page]:
    title = "Inspection of Southend-on-Sea Borough Council local authority children’s services"
    dates = "9–13 September 2019"
    body: list[Line] = [
        "Southend-on-Sea Borough Council",
        "Inspection of children’s social care services",
        "Inspection dates: 9–13 September 2019",
        "Lead inspector: Barnaby Oyelowo-Trent, Her Majesty’s Inspector",
        "",
        [(0, "Judgement"), (GRADE_X, "Grade")],
        [(GRADE_X, "Requires improvement to be good"), (0, "Overall effectiveness")],
        [(0, "The impact of leaders on social work practice with"), (GRADE_X, "Requires improvement to be good")],
        "children and families",
        [(0, "The experiences and progress of children who need"), (GRADE_X, "Requires improvement to be good")],
        "help and protection",
        [(0, "The experiences and progress of children in care and"), (GRADE_X, "Good")],
        "care leavers",
        "",
        *wrap("This was a short inspection. At the last inspection, in 2016, services for children in "
              "Southend-on-Sea were judged to be requires improvement to be good, and services for "
              "children in Essex and Thurrock, with whom the council shares a safeguarding partnership, "
              "were not inspected at that time."),
        *wrap("Leaders have improved the quality of practice for children in care, but the response to "
              "children who need help and protection is inconsistent."),
        "",
        "What needs to improve?",
        *split_at(split_at(bullets([
            "The quality and timeliness of assessments for children in need, so that children and "
            "families receive the right help at the right time.",
            "The consistency of management oversight and supervision, including the recording of "
            "managers’ decisions and the reasons for them on children’s case records.",
            "The response to children at risk of exploitation, including the use of return home "
            "interviews and of the information they give.",
        ], glyph="\uf0b7"), 3), 6),
        *wrap("Inspectors also identified a small number of strengths in practice with disabled children."),
        "",
        "The experiences and progress of children who need help and protection: requires",
        "improvement to be good",
        *wrap("1. Some children wait too long for an assessment to be completed."),
        "The experiences and progress of children in care and care leavers: good",
        *wrap("2. Children in care live in stable homes and their plans are reviewed regularly."),
        "The impact of leaders on social work practice with children and families: requires",
        "improvement to be good",
        *wrap("3. Leaders have a realistic view of the quality of practice."),
    ]
    return paginate(body, footer_three_lines(title, dates), per_page=40, header=["Ofsted", ""]) + [
        IMPRINT + ["", "© Crown copyright 2019"]]


REPORTS: dict[str, Callable[[], list[Page]]] = {
    "pdf_ilacs_2022_bcp_priority_actions": bcp_2022,
    "pdf_ilacs_2018_sutton_hmi": sutton_2018,
    "pdf_ilacs_2021_kensington_contents": kensington_2021,
    "pdf_ilacs_2023_sheffield_centred_grades": sheffield_2023,
    "pdf_ilacs_2025_wigan_grade_lines": wigan_2025,
    "pdf_ilacs_2026_lewisham_no_overall": lewisham_2026,
    "pdf_ilacs_2019_hammersmith_urn_header": hammersmith_2019,
    "pdf_ilacs_2024_greenwich_broken_lines": greenwich_2024,
    "pdf_ilacs_2019_bristol_grade_column_first": bristol_2019,
    "pdf_ilacs_2024_durham_numbered_header": durham_2024,
    "pdf_ilacs_2018_wolverhampton_team_lettered": wolverhampton_2018,
    "pdf_ilacs_2022_hull_short_kerning": hull_2022,
    "pdf_ilacs_2019_richmond_three_line_grade": richmond_2019,
    "pdf_ilacs_2023_calderdale_letters_alone": calderdale_2023,
    "pdf_ilacs_2025_stockton_hyphenated_title": stockton_2025,
    "pdf_ilacs_2020_telford_table_over_page": telford_2020,
    "pdf_ilacs_2026_north_yorkshire_grade_alt_text": north_yorkshire_2026,
    "pdf_ilacs_2019_southend_short_en_dash": southend_2019,
}


def write_reports(folder: Path) -> list[Path]:
    """Write every synthetic report PDF into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, build in REPORTS.items():
        path = folder / f"{name}.pdf"
        path.write_bytes(make_pdf(build()))
        out.append(path)
    return out


if __name__ == "__main__":  # python -m tests.report_pdfs DIR
    import sys

    for p in write_reports(Path(sys.argv[1] if len(sys.argv) > 1 else ".")):
        print(p)
