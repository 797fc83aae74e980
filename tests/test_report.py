"""Inspection report openings: judgement tables, previous judgements, framework, contents pages."""

from __future__ import annotations

from datetime import date

import pytest

from ofsted_kg.api import extract_text
from ofsted_kg.extract import fields
from ofsted_kg.extract.records import PreviousJudgement

HEAD = ("Inspection of Sheffield City Council local authority children's services\n"
        "Inspection dates: 13 to 24 March 2023\n"
        "Lead inspector: Ifeoma Castellano, His Majesty's Inspector\n")
PROSE = ("Since the last inspection in June 2018, when services were judged to require improvement to be good,\n"
         "leaders have strengthened the front door and the quality of work with children in care.\n")


def _grades(table: str, head: str = HEAD, prose: str = PROSE) -> list[tuple[str, str]]:
    (rec,) = extract_text(head + table + prose)
    return [(j.area.split()[-1], j.grade) for j in rec.judgements]


def test_grade_run_glued_before_its_label_belongs_to_that_label() -> None:
    # pypdf glues a grade drawn before its label on the same baseline: "GoodThe experiences ..."
    table = ("Judgement Grade\n"
             "The impact of leaders on social work practice with children and families Good\n"
             "InadequateThe experiences and progress of children who need help and protection\n"
             "GoodThe experiences and progress of children in care\n"
             "Requires improvement to be goodThe experiences and progress of care leavers\n"
             "Overall effectiveness Requires improvement to be good\n")
    assert _grades(table) == [("families", "good"), ("protection", "inadequate"), ("care", "good"),
                              ("leavers", "requires improvement to be good"),
                              ("effectiveness", "requires improvement to be good")]


def test_table_read_column_by_column() -> None:
    table = ("Judgement\n"
             "The impact of leaders on social work practice with children and families\n"
             "The experiences and progress of children who need help and protection\n"
             "The experiences and progress of children in care and care leavers\n"
             "Overall effectiveness\n"
             "Grade\nGood\nInadequate\nRequires improvement\nto be good\nOutstanding\n")
    assert _grades(table) == [("families", "good"), ("protection", "inadequate"),
                              ("leavers", "requires improvement to be good"), ("effectiveness", "outstanding")]


def test_centred_grade_glued_inside_a_wrapped_label() -> None:
    table = ("Judgement Grade\n"
             "The impact of leaders on social work practice with\nchildren and families\n"
             "Requires improvement\nto be good\n"
             "The experiences and progress of children who need Goodhelp and protection\n"
             "The experiences and progress of children in care and care leavers Inadequate\n"
             "Overall effectiveness Requires improvement to be good\n")
    assert _grades(table) == [("families", "requires improvement to be good"), ("protection", "good"),
                              ("leavers", "inadequate"), ("effectiveness", "requires improvement to be good")]


def test_contents_page_entries_are_not_recommendations() -> None:
    contents = ("Contents\nJudgement\nWhat needs to improve?\n"
                "The experiences and progress of children who need help and protection\n"
                "Information about this local authority\n1\n2\n3\n9\n\f")
    table = ("Judgement Grade\n"
             "The impact of leaders on social work practice with children and families Good\n"
             "The experiences and progress of children who need help and protection Good\n"
             "The experiences and progress of children in care and care leavers Good\n"
             "Overall effectiveness Good\n")
    body = ("What needs to improve?\n• The timeliness of pathway plans for care leavers.\n"
            "The experiences and progress of children who need help and protection: good\n"
            "1. Children and families receive timely help from a well-established early help service.\n"
            "2. The multi-agency safeguarding hub makes proportionate decisions.\n")
    (rec,) = extract_text(contents + HEAD + table + PROSE + body)
    assert rec.recommendations == ["The timeliness of pathway plans for care leavers."]


def test_previous_judgement_is_the_last_inspection_not_another_service() -> None:
    table = ("Judgement Grade\n"
             "The impact of leaders on social work practice with children and families Good\n"
             "The experiences and progress of children who need help and protection Good\n"
             "The experiences and progress of children in care and care leavers Good\n"
             "Overall effectiveness Good\n")
    prose = ("At the last standard inspection, in March 2017, services were judged to be outstanding. Leaders\n"
             "have kept a strong focus on practice, and the council's fostering service was graded 'good' in\n"
             "2019, which is not part of this inspection.\n")
    (rec,) = extract_text(HEAD + table + prose)
    assert rec.previous_judgement is not None
    assert (rec.previous_judgement.grade, rec.previous_judgement.date) == ("outstanding", "2017-03")


@pytest.mark.parametrize("title, authority", [
    ("Inspection of London Borough of Kensington\nand Chelsea local authority children's services", "Kensington and Chelsea"),
    ("Inspection of Wigan Metropolitan Borough\nCouncil local authority children's services", "Wigan"),
    ("Inspection of Royal Borough of Kingston upon\nThames local authority children's services", "Kingston upon Thames"),
    # hyphenated names broken after one of their own hyphens
    ("Inspection of Stockton-on-\nTees Borough Council local authority\nchildren's services", "Stockton-on-Tees"),
    ("Inspection of Southend-\non-Sea City Council local authority\nchildren's services", "Southend-on-Sea"),
])
def test_authority_name_wrapped_in_the_title(title: str, authority: str) -> None:
    head = (title + "\nInspection dates: 3 to 14 February 2025\n"
            "Lead inspector: Rhodri Aldous-Penn, His Majesty's Inspector\n")
    table = "Judgement Grade\nOverall effectiveness Good\n"
    prose = "Children in this area receive good help and protection from the services of the council.\n"
    (rec,) = extract_text(head + table + prose)
    assert rec.authority == authority


@pytest.mark.parametrize("lead, quoted", [
    ("Lead inspector:\nRhodri Aldous-Penn, His Majesty's Inspector", "Rhodri Aldous-Penn"),
    ("Lead inspector: Rhodri Aldous-\nPenn, His Majesty's Inspector", "Rhodri Aldous-\nPenn"),
])
def test_lead_inspector_name_on_the_next_line_or_hyphenated(lead: str, quoted: str) -> None:
    head = HEAD.replace("Lead inspector: Ifeoma Castellano, His Majesty's Inspector", lead)
    (rec,) = extract_text(head + "Judgement Grade\nOverall effectiveness Good\n" + PROSE)
    assert rec.inspectors == ["Rhodri Aldous-Penn"]
    assert rec.evidence["inspectors"][0].text == quoted


@pytest.mark.parametrize("ri, good", [("Requires Improvement To Be Good", "Good"),
                                      ("REQUIRES IMPROVEMENT TO BE GOOD", "GOOD")])
def test_grades_in_title_case_or_capitals(ri: str, good: str) -> None:
    table = ("Judgement Grade\n"
             f"The impact of leaders on social work practice with children and families {ri}\n"
             f"The experiences and progress of children who need help and protection {good}\n"
             f"The experiences and progress of children in care and care leavers {good}\n"
             f"Overall effectiveness {ri}\n")
    assert _grades(table) == [("families", "requires improvement to be good"), ("protection", "good"),
                              ("leavers", "good"), ("effectiveness", "requires improvement to be good")]


def test_framework_from_title_and_dates_when_the_table_is_unreadable() -> None:
    (rec,) = extract_text(HEAD + "Judgement Grade\n(table not in the text layer)\n" + PROSE)
    assert rec.judgements == [] and rec.framework == "ILACS"


@pytest.mark.parametrize("sentence, expected", [
    ("The previous inspection, in October 2017, judged services to be inadequate.", ("inadequate", "2017-10")),
    ("The previous ILACS inspection, in 2022, found services to be inadequate.", ("inadequate", "2022")),
    ("The last inspection, in March 2019, found them to be outstanding.", ("outstanding", "2019-03")),
    ("Services have improved from inadequate at the last inspection in May 2018 to good.", ("inadequate", "2018-05")),
    # the date set right after the cue, a long clause before the judgement
    ("At the last inspection, in May 2015, under the single inspection framework, services for children in "
     "Hammersmith and Fulham were judged to require improvement to be good.", ("requires improvement to be good", "2015-05")),
])
def test_previous_judgement_phrasings(sentence: str, expected: tuple[str, str]) -> None:
    table = "Judgement Grade\nOverall effectiveness Good\n"
    (rec,) = extract_text(HEAD + table + sentence + "\nLeaders know their services well and act on what they find.\n")
    assert rec.previous_judgement is not None
    assert (rec.previous_judgement.grade, rec.previous_judgement.date) == expected


def test_report_body_saying_it_summarises_the_findings_is_still_a_report() -> None:
    table = "Judgement Grade\nOverall effectiveness Good\n"
    body = ("\nThis report summarises the findings of the inspection of Sheffield children's services by Ofsted.\n\n"
            "What needs to improve?\n• The timeliness of plans.\n")
    (rec,) = extract_text(HEAD + table + PROSE + body)
    assert rec.kind == "report" and rec.inspectors == ["Ifeoma Castellano"] and rec.visit_start == "2023-03-13"


def test_title_fields_after_a_long_cover_and_contents() -> None:
    cover = "Ofsted\nInspection of Sheffield City Council local authority children's services\nInspection report\n\f"
    contents = "Contents\n" + "".join(f"Section {i} on practice with children and families {i + 1}\n" for i in range(80))
    table = "Judgement Grade\nOverall effectiveness Good\n"
    (rec,) = extract_text(cover + contents + "\f" + HEAD + table + PROSE)
    assert len(cover + contents) > 4000
    assert (rec.visit_start, rec.visit_end, rec.framework) == ("2023-03-13", "2023-03-24", "ILACS")


def test_title_repeated_on_a_cover_page_is_still_the_title() -> None:
    # the cover and the first page both start with the one-line title: not a running header
    title = "Inspection of Sheffield City Council local authority children's services"
    cover = f"{title}\nInspection report\n"
    table = "Judgement Grade\nOverall effectiveness Good\n"
    page1 = title + "\n" + HEAD.split("\n", 1)[1] + table + PROSE
    page2 = "What needs to improve?\n- The timeliness of plans for children.\n"
    (rec,) = extract_text(cover + "\f" + page1 + "\f" + page2)
    assert rec.authority == "Sheffield"
    assert rec.evidence["authority"][0].text == "Sheffield City Council"


def test_table_before_the_title_fields_in_the_text_layer() -> None:
    title, fields_ = HEAD.split("\n", 1)
    table = ("Judgement Grade\n"
             "The impact of leaders on social work practice with children and families Good\n"
             "The experiences and progress of children who need help and protection Inadequate\n"
             "The experiences and progress of children in care and care leavers Good\n"
             "Overall effectiveness Good\n")
    body = ("\nThe experiences and progress of children who need help and protection: inadequate\n"
            "1. Good work is rare and children wait too long for help.\n")
    (rec,) = extract_text(title + "\n" + table + fields_ + PROSE + body)
    assert [(j.area.split()[-1], j.grade) for j in rec.judgements] == [
        ("families", "good"), ("protection", "inadequate"), ("leavers", "good"), ("effectiveness", "good")]


def test_heading_after_a_numbered_contents_listing_starts_the_recommendations() -> None:
    table = ("Judgement Grade\n"
             "The impact of leaders on social work practice with children and families Good\n"
             "The experiences and progress of children who need help and protection Good\n"
             "The experiences and progress of children in care and care leavers Good\n"
             "Overall effectiveness Good\n")
    contents = "Contents\nWhat needs to improve 2\nInformation about this local authority 9\nThe local authority\n"
    body = ("What needs to improve?\n1. Ensure that every child at risk of exploitation has a risk assessment.\n"
            "The experiences and progress of children who need help and protection: good\n"
            "2. Children and families receive timely help from a well-established early help service.\n")
    (rec,) = extract_text(HEAD + table + PROSE + contents + body)
    assert rec.recommendations == ["Ensure that every child at risk of exploitation has a risk assessment."]


def test_list_numbers_alone_on_their_lines_mark_their_items() -> None:
    head = HEAD + "Judgement Grade\nOverall effectiveness Good\n" + PROSE
    body = ("What needs to improve in this local authority?\n1.\nThe stability of homes for children in care.\n"
            "2.\nThe quality of pathway plans for care leavers, including those\naged 21 to 25.\n")
    (rec,) = extract_text(head + body)
    assert rec.recommendations == ["The stability of homes for children in care.",
                                   "The quality of pathway plans for care leavers, including those aged 21 to 25."]


def test_grade_cell_wrapped_over_three_lines_beside_a_wrapped_label() -> None:
    table = ("Judgement Grade\n"
             "The impact of leaders on social work practice with Good\n"
             "children and families\n"
             "The experiences and progress of children who need Requires\n"
             "help and protection improvement to\n"
             "be good\n"
             "The experiences and progress of children in care and Good\n"
             "care leavers\n"
             "Overall effectiveness Good\n")
    assert _grades(table) == [("families", "good"), ("protection", "requires improvement to be good"),
                              ("leavers", "good"), ("effectiveness", "good")]


def test_recommendations_stop_at_a_judgement_heading_whose_grade_wraps() -> None:
    text = (HEAD + "Judgement Grade\nOverall effectiveness Good\n" + PROSE + "\n"
            "What needs to improve in this local authority\n"
            "(a) The timeliness of assessments for children in need.\n"
            "(b) The quality of return home interviews for children who go missing.\n"
            "The experiences and progress of children who need help and protection: requires\n"
            "improvement to be good\n"
            "1. Children and families who need early help receive a prompt response.\n")
    (rec,) = extract_text(text)
    assert rec.recommendations == ["The timeliness of assessments for children in need.",
                                   "The quality of return home interviews for children who go missing."]


@pytest.mark.parametrize(("lead", "names"), [
    ("Lead inspectors: Ifeoma Castellano and Peter Brownlow, His Majesty's Inspectors",
     ["Ifeoma Castellano", "Peter Brownlow"]),
    ("Lead inspectors: Ifeoma Castellano, His Majesty's Inspector, and Peter Brownlow, His Majesty's Inspector",
     ["Ifeoma Castellano", "Peter Brownlow"]),
    ("Lead inspector: Ifeoma Castellano, His Majesty's Inspector", ["Ifeoma Castellano"]),
])
def test_every_lead_inspector_named_on_the_line(lead: str, names: list[str]) -> None:
    head = HEAD.replace("Lead inspector: Ifeoma Castellano, His Majesty's Inspector", lead)
    (rec,) = extract_text(head + "Judgement Grade\nOverall effectiveness Good\n" + PROSE)
    assert rec.inspectors == names
    assert [s.text for s in rec.evidence["inspectors"]] == names


def test_grades_as_image_alt_text_before_each_label() -> None:
    # grades drawn as images: their alternative text ("Grade: Good") comes before each row's label, and
    # there is no "Grade" column header
    table = ("Judgements\n"
             "Grade: Good\nThe impact of leaders on practice with children and families\n"
             "Grade: Good\nThe experiences and progress of children who need help and protection\n"
             "Grade: Requires improvement to be good\nThe experiences and progress of children in care\n"
             "Grade: Outstanding\nThe experiences and progress of care leavers\n"
             "Summary of findings\n")
    assert _grades(table) == [("families", "good"), ("protection", "good"),
                              ("care", "requires improvement to be good"), ("leavers", "outstanding")]


def test_recommendations_under_what_the_local_authority_needs_to_do_to_improve() -> None:
    head = HEAD + "Judgement Grade\nOverall effectiveness Good\n" + PROSE
    body = ("What the local authority needs to do to improve\n"
            "\u2022 The sufficiency of local homes for children in care.\n"
            "\u2022 The quality of care plans, so that they are specific about how children's needs\n"
            "  will be met.\n"
            "Findings\n"
            "The experiences and progress of children in care: good\n")
    (rec,) = extract_text(head + body)
    assert rec.recommendations == [
        "The sufficiency of local homes for children in care.",
        "The quality of care plans, so that they are specific about how children's needs will be met."]


def test_grade_alt_text_in_lower_case_after_each_label() -> None:
    # an image's alternative text may write the grade in lower case: after a "Grade:" label it is still a
    # table cell, not prose (nor a 2009-2012 "area grade" row called "Grade")
    table = ("Judgements\n"
             "The impact of leaders on practice with children and families\nGrade: good\n"
             "The experiences and progress of children who need help and protection\nGrade: inadequate\n"
             "The experiences and progress of children in care\nGrade: requires improvement to be good\n"
             "The experiences and progress of care leavers\nGrade: outstanding\n")
    assert _grades(table) == [("families", "good"), ("protection", "inadequate"),
                              ("care", "requires improvement to be good"), ("leavers", "outstanding")]


@pytest.mark.parametrize(("areas", "start", "version"), [
    (["Overall effectiveness", "The experiences and progress of children in care and care leavers"], "2019-05-01",
     "ILACS 2018"),
    (["Overall effectiveness", "The experiences and progress of children in care",
      "The experiences and progress of care leavers"], "2023-02-06", "ILACS 2023"),
    (["The impact of leaders on social work practice with children and families",
      "The experiences and progress of care leavers"], "2026-05-11", "ILACS 2026"),
])
def test_framework_version_from_the_judgement_areas(areas: list[str], start: str, version: str) -> None:
    from ofsted_kg.extract.records import Judgement, LetterRecord
    from ofsted_kg.extract.report import _framework_version
    rec = LetterRecord(source="x", kind="report", framework="ILACS", visit_start=start,
                       judgements=[Judgement(a, "good") for a in areas])
    assert _framework_version(rec) == version


def test_a_sif_reports_predecessor_is_the_protection_inspection_not_the_looked_after_one() -> None:
    from ofsted_kg.extract.report import _protection_inspection
    text = ("31. The last Ofsted inspection of Isle of Wight Council's services for looked after children was in "
            "September 2010. The local authority was judged to be adequate.\n- The previous inspection of Isle of "
            "Wight's arrangements for the protection of children was undertaken in November 2012. The local\n"
            "authority was judged to be inadequate.\n- The previous single inspection of local authority services "
            "for children in need of help and protection, children looked after and care leavers was in in April "
            "2014. The overall effectiveness of the local authority was judged to be inadequate.")
    assert _protection_inspection(text, 0, len(text), None).value == PreviousJudgement("inadequate", "2012-11")  # type: ignore[union-attr]
    later = text[text.index("- The previous single"):]
    assert _protection_inspection(later, 0, len(later), None).value == PreviousJudgement("inadequate", "2014-04")  # type: ignore[union-attr]
    # an inspection after the visit's start is not its predecessor
    assert _protection_inspection(text, 0, len(text), date(2012, 10, 1)) is None


def test_a_sif_reports_list_of_earlier_inspections_gives_the_follow_up_one() -> None:
    """"Previous Ofsted inspections" bullets: the first inspection, then a follow-up that took place later."""
    from ofsted_kg.extract.report import _protection_inspection
    text = ("An inspection of safeguarding and arrangements for looked after children took place in March 2010 and "
            "found overall effectiveness of safeguarding services to be inadequate. The overall effectiveness of "
            "services for looked after children was judged to be adequate.\n\uf06e A follow up inspection of the "
            "local authority's arrangements for the protection of children took place in September 2011. The local "
            "authority was judged to be \nadequate.\n")
    assert _protection_inspection(text, 0, len(text), date(2015, 5, 11)).value == PreviousJudgement(  # type: ignore[union-attr]
        "adequate", "2011-09")


def test_judged_with_the_authority_between_verb_and_grade() -> None:
    text = "47. In 2018, inspectors judged Haringey children's services to require improvement\nto be good."
    found = fields.previous_judgement(text, 0, len(text), None)
    assert found is not None and found.value == PreviousJudgement("requires improvement to be good", "2018")


SIF_HEAD = """Devon County Council
Inspection of services for children in need of help and
protection, children looked after and care leavers
Inspection date: 24 February – 18 March 2015
Report published: 12 May 2015
The overall judgement is that children's services require
improvement
The judgements on areas of the service that contribute to overall effectiveness are:
1. Children who need help and protection Require improvement
2. Children looked after and achieving
permanence
Requires
Improvement

2.1 Adoption performance Good
2.2 Experiences and progress of care leavers Inadequate
1. Leadership, management and governance Inadequate

The local authority is failing children in too many ways.
"""


def test_a_sif_table_with_a_wrapped_overall_sentence_require_and_a_misnumbered_row() -> None:
    from ofsted_kg.api import extract_text
    rec = extract_text(SIF_HEAD)[0]
    assert [(j.area, j.grade) for j in rec.judgements] == [
        ("Overall effectiveness", "requires improvement"),
        ("1. Children who need help and protection", "requires improvement"),
        ("2. Children looked after and achieving permanence", "requires improvement"),
        ("2.1 Adoption performance", "good"),
        ("2.2 Experiences and progress of care leavers", "inadequate"),
        ("3. Leadership, management and governance", "inadequate"),
    ]



def test_the_first_sif_reports_overall_sentence() -> None:
    """Late 2013: "The overall judgement is good." above the table, with no "children's services"."""
    from ofsted_kg.api import extract_text
    head = SIF_HEAD.replace("The overall judgement is that children's services require\nimprovement",
                            "The overall judgement is good.\nThe Local Authority leads effective services.")
    assert head != SIF_HEAD
    rec = extract_text(head)[0]
    assert [(j.area, j.grade) for j in rec.judgements][:2] == [
        ("Overall effectiveness", "good"), ("1. Children who need help and protection", "requires improvement")]

def test_the_safeguarding_boards_list_counts_and_no_areas_is_no_item() -> None:
    from ofsted_kg.api import extract_text
    report = SIF_HEAD + ("\nWhat does the LSCB need to improve?\n136. No areas were identified for immediate "
                         "improvement.\n\nAreas for improvement\n137. Robustly impress upon key agencies the need to "
                         "improve the system.\n138. Ensure that the board evaluates its training.\n")
    assert extract_text(report)[0].recommendations == [
        "Robustly impress upon key agencies the need to improve the system.",
        "Ensure that the board evaluates its training."]


AREA_SEND = """Local Area Partnership report

Area SEND inspection of Southend-on-Sea Local Area
Partnership

Inspection dates: 6 to 10 March 2023
Date of previous inspection: 1 to 6 October 2018

Inspection outcome

The local area partnership's arrangements lead to inconsistent experiences and outcomes
for children and young people with special educational needs and/or disabilities (SEND).

Areas for improvement

Areas for improvement
The local area partnership should evaluate the quality and impact of services more
effectively. This is a statutory duty.
Local area partnership leaders should improve the effectiveness of joint working.

Local area partnership details

Inspection team

Ofsted Care Quality Commission
Katherine Douglas, Ofsted HMI, lead inspector Liz Fox, CQC lead inspector
Margaret Burke, Ofsted HMI David Roberts, CQC Inspector
"""


def test_an_area_send_report() -> None:
    from ofsted_kg.api import extract_text
    rec = extract_text(AREA_SEND)[0]
    assert rec.visit_type == "other:area send inspection" and rec.judgements == []
    assert rec.inspectors == ["Katherine Douglas", "Liz Fox", "Margaret Burke", "David Roberts"]
    assert [m.organisation for m in rec.inspection_team] == ["Ofsted", "CQC", "Ofsted", "CQC"]
    assert rec.recommendations == [
        "The local area partnership should evaluate the quality and impact of services more effectively. "
        "This is a statutory duty.", "Local area partnership leaders should improve the effectiveness of joint working."]
    assert rec.focus_areas == ["the local area partnership's arrangements for children and young people with special "
                               "educational needs and/or disabilities (SEND)"]


def test_an_area_send_reports_findings_are_its_three_sections() -> None:
    """The real Haringey report (2024, tests/golden/heldout): its findings are the sentences and bullets of
    "What is it like ...", "What is the area partnership doing that is effective?" and "What does the area
    partnership need to do better?" and its areas for improvement; its context, outcome, details and method
    are not findings, and its running header never ends up inside one."""
    from pathlib import Path

    from ofsted_kg.api import extract_file
    pdf = Path(__file__).parent / "golden" / "heldout" / "documents" / "jtai-012.pdf"
    (rec,) = extract_file(pdf)
    sections = [f.section for f in rec.findings]
    assert sections[0] == "What is it like to be a child or young person with SEND in this area?"
    assert rec.findings[0].text.startswith("Children and young people with SEND and their families benefit")
    assert sections.count("What is the area partnership doing that is effective?") == 12
    assert {f.polarity for f in rec.findings if f.section.startswith("What is the area")} == {"strength"}
    assert sections.count("What does the area partnership need to do better?") == 9
    assert sections.count("Areas for improvement") == 3
    assert not any("Area SEND inspection report" in f.text or "Integrated Care Board" in f.text
                   or "typically lead to positive" in f.text for f in rec.findings)
    # "... (a voluntary sector ... service provided for young people aged 12 to / 24) following assessment."
    assert any(f.text.endswith("aged 12 to 24) following assessment. A number of care pathways are available for "
                               "children and young people to receive targeted work while they wait.") for f in rec.findings)


def test_an_area_send_reports_running_header_and_wrapped_question_heading() -> None:
    """The running header, its dates wrapped onto the next line, is furniture (a lone bullet glyph left before
    it too); a question heading that wraps is one heading."""
    body = ("What is it like to be a child or young person with special educational needs\n"
            "and/or disabilities (SEND) in this area?\n\n"
            "Children and young people with SEND are typically at the centre of professionals' decision-making. They\n"
            "\f\n◼\nArea SEND inspection report: Exampleshire Local Area Partnership, 2 to 6\nOctober 2023 2\n\n"
            "feel empowered and able to shape their futures.\n\nLocal area partnership details\n")
    rec = extract_text(AREA_SEND.replace("Areas for improvement\n\nAreas for improvement", body + "\nAreas for improvement"
                                         "\n\nAreas for improvement"))[0]
    first = [f for f in rec.findings if f.section.startswith("What is it like")]
    assert [f.section for f in first] == ["What is it like to be a child or young person with special educational "
                                          "needs and/or disabilities (SEND) in this area?"] * 2
    assert first[1].text == "They feel empowered and able to shape their futures."


# a 2013 report's body under its heading, as the two Sandwell heads below share it
_SANDWELL_2013_BODY = ("Overall effectiveness of services for looked after children and young people\nGrade 4 (Inadequate)\n"
                       "13. Overall effectiveness for looked after children is inadequate.\n")


@pytest.mark.parametrize("title, kind", [
    ("Inspection of looked after children\nservices", "other:inspection of looked after children services"),
    ("Inspection of local authority arrangements for the protection of children", "inspection"),
    ("Inspection of safeguarding and looked after children services", "inspection"),
])
def test_a_2012_2013_looked_after_children_inspection_is_its_own_kind(title: str, kind: str) -> None:
    head = (f"{title}\nSandwell Metropolitan Borough Council\n"
            "Inspection dates: 24 – 28 June 2013\nReporting inspector Christopher Sands HMI\n"
            "Published: 2 August 2013\n")
    (rec,) = extract_text(head + _SANDWELL_2013_BODY)
    assert rec.kind == "report"
    assert rec.visit_type == kind


def test_an_area_send_team_member_whose_grade_comes_before_the_inspectorate() -> None:
    """"Una Buckley, HMI, Ofsted Lead inspector": the rank before the inspectorate does not lose her."""
    from ofsted_kg.api import extract_text
    text = AREA_SEND.replace("Katherine Douglas, Ofsted HMI, lead inspector", "Katherine Douglas, HMI, Ofsted Lead inspector")
    rec = extract_text(text)[0]
    assert rec.inspectors == ["Katherine Douglas", "Liz Fox", "Margaret Burke", "David Roberts"]
    assert (rec.inspection_team[0].role, rec.inspection_team[0].organisation) == ("HMI, Ofsted Lead inspector", "Ofsted")


@pytest.mark.parametrize("number", ["", " Grade 4"])
def test_the_record_of_main_findings_table_with_or_without_the_grades_number(number: str) -> None:
    """2012-13 looked after children inspections end with this table; a label wraps, its grade on a line
    of its own, and some reports print the scale's number after each grade ("Inadequate Grade 4")."""
    from ofsted_kg.extract.report import _old_table
    text = ("Record of main findings\nServices for looked after children\n"
            f"Overall effectiveness Inadequate{number}\nCapacity to improve Adequate{number.replace('4', '3')}\n"
            f"Outcomes for looked after children and\nyoung people\nInadequate{number}\n"
            f"Leadership and management Inadequate{number}\n")
    assert [(area, grade) for area, grade, _, _ in _old_table(text, 0, len(text))] == [
        ("Overall effectiveness", "inadequate"), ("Capacity to improve", "adequate"),
        ("Outcomes for looked after children and young people", "inadequate"),
        ("Leadership and management", "inadequate")]


def test_a_previous_judgement_dated_by_its_year_takes_the_month_a_later_paragraph_gives() -> None:
    from ofsted_kg.extract.records import Found
    from ofsted_kg.extract.report import _with_month
    from ofsted_kg.extract.segment import Region
    text = ("Since the last inspection of local authority children's services in 2019, when Solihull Council was "
            "judged to be requires improvement to be good, services have declined.\n\n36. Children's services in "
            "Solihull were last inspected in November 2019, with a judgement of requires improvement to be good.\n")
    year_only = fields.previous_judgement(text, 0, 160, None)
    assert year_only is not None and year_only.value.date == "2019"
    region = Region("report", 0, len(text))
    assert _with_month(year_only, text, region, date(2022, 10, 1)).value == PreviousJudgement(  # type: ignore[union-attr]
        "requires improvement to be good", "2019-11")
    other = Found(PreviousJudgement("inadequate", "2019"), 0, 1)  # another grade: not the same judgement
    assert _with_month(other, text, region, None) is other


def test_a_reports_summary_under_its_judgement_table_is_findings() -> None:
    """The summary's lines are wrapped, none ending a sentence until the next page: its findings still
    start right after the table, not at the first line that ends with a full stop."""
    report = ("Isle of Wight Council\n\nInspection of children's social care services\n\n"
              "Inspection dates: 19 November 2018 to 30 November 2018\n\nLead inspector: Tracey Scott\n"
              "Her Majesty's Inspector\n\nJudgement Grade\n"
              "The impact of leaders on social work practice with children\nand families Good\n"
              "The experiences and progress of children who need help and\nprotection Good\n"
              "The experiences and progress of children in care and care\nleavers Good\n"
              "Overall effectiveness Good\n\n"
              "Services for children in the Isle of Wight have improved since the single inspection\n"
              "in 2014. The island location brings unique challenges that leaders have\n"
              "understood and responded to well. Children's lived experience is at the centre of\n"
              "social work practice on the island, and ensuring that children benefit from good\n"
              "interventions to sustain positive change for them and their families.\n\n"
              "What needs to improve\n- The response to 16- and 17-year-olds who are homeless.\n")
    rec = extract_text(report)[0]
    assert rec.kind == "report" and len(rec.judgements) == 4
    assert [f.text[:40] for f in rec.findings][:2] == [
        "Services for children in the Isle of Wig", "The island location brings unique challe"]


@pytest.mark.parametrize("cover, published", [
    ("Published: 2 August 2013\n", "2013-08-02"),
    # text read column by column: the labels, then their values
    ("Age group:\nPublished:\nAll\n23 August 2013\n", "2013-08-23"),
    # a date further on that is not the value alone on its line is not taken
    ("Published:\nAll\nSee the report of 23 August 2013\n", None),
])
def test_a_covers_publication_date_beside_or_below_its_label(cover: str, published: str | None) -> None:
    head = ("Inspection of services for children in need of help and protection, children looked after and care "
            "leavers\n" + cover + "Sandwell Metropolitan Borough Council\n"
            "Inspection dates: 24 June 2013 to 5 July 2013\nLead inspector: Christopher Sands HMI\n")
    (rec,) = extract_text(head + _SANDWELL_2013_BODY)
    assert rec.kind == "report"
    assert rec.letter_date == published


@pytest.mark.parametrize("table", [
    # the two columns one after the other, a blank line before the second inspectorate's heading
    "Ofsted\nKatherine Douglas, Ofsted HMI, lead inspector\nMargaret Burke, Ofsted HMI\n\n"
    "Care Quality Commission\nLiz Fox, CQC lead inspector\nDavid Roberts, CQC Inspector\n",
    # both headings, then the rows, each line followed by a blank line
    "Ofsted\n\nCare Quality Commission\n\nKatherine Douglas, Ofsted HMI, lead inspector  Liz Fox, CQC lead inspector\n\n"
    "Margaret Burke, Ofsted HMI\n\nDavid Roberts, CQC Inspector\n",
])
def test_an_area_send_team_table_read_column_by_column_or_double_spaced(table: str) -> None:
    head, _, _ = AREA_SEND.partition("Ofsted Care Quality Commission\n")
    rec = extract_text(head + table + "\nArea SEND inspection report: Somewhere, 6 to 10 March 2023\n")[0]
    assert sorted(rec.inspectors) == ["David Roberts", "Katherine Douglas", "Liz Fox", "Margaret Burke"]
    assert {m.name: m.organisation for m in rec.inspection_team} == {
        "Katherine Douglas": "Ofsted", "Liz Fox": "CQC", "Margaret Burke": "Ofsted", "David Roberts": "CQC"}


def test_the_scale_legend_of_a_report_opening_is_not_a_judgement() -> None:
    """The first pages of a 2012-13 looked after children inspection: its contents name "Overall
    effectiveness" and the scale is explained ("Outstanding (Grade 1) A service that ..."), but its grades
    are in a table at the end. An opening cut before that table states no judgement."""
    text = ("Sandwell Council\nInspection of services for looked after children\n\n"
            "Inspection dates: 7 – 18 January 2013\nReport published: 22 February 2013\n"
            "Lead inspector: Jane Doe HMI\n\nContents\nAbout this inspection\n2\n\n"
            "Overall effectiveness of services for looked after children and\nyoung people\n\n5\n\n"
            "Capacity to improve\n\n6\n\nRecord of main findings\n\n22\n\n\f"
            "About this inspection\n1.\n\nThe purpose of the inspection is to evaluate the contribution made by\n"
            "relevant services to the quality of service provision for looked after\nchildren and care leavers.\n\n"
            "The inspection judgements and what they\nmean\n3.\n\n"
            "All inspection judgements are made using the following four point scale:\n"
            "Outstanding (Grade 1) A service that significantly exceeds\nminimum requirements\nGood (Grade 2)\n\n"
            "A service that exceeds minimum\nrequirements\n\nAdequate (Grade 3)\n\nA service that only meets minimum\n"
            "requirements\n\nInadequate (Grade 4)\n\nA service that does not meet minimum\nrequirements\n")
    recs = extract_text(text)
    assert recs and recs[0].authority == "Sandwell"
    assert recs[0].judgements == []


def test_the_overall_judgement_of_a_sif_report_in_the_singular() -> None:
    """Newham 2014's first page: "The overall judgement is that children's service requires improvement."
    (one "service"); the body's "Children's services in Newham requires improvement" may be cut off."""
    from ofsted_kg.extract.report import SIF_OVERALL
    m = SIF_OVERALL.search("The overall judgement is that children's service requires\nimprovement.\n")
    assert m is not None and m.group("g") == "improvement"


_LAYOUT_SIF = """The judgements on areas of the service that contribute to overall effectiveness are:

                                                                       Requires
1. Children who need help and protection
                                                                       Improvement

2. Children looked after and achieving                                 Requires
   permanence                                                          Improvement

          2.1 Adoption performance                                     Good

          2.2 Experiences and progress of care leavers                 Inadequate

                                                                       Requires
3. Leadership, management and governance
                                                                       Improvement
"""

_LAYOUT_ILACS = """Judgement                                                 Grade


The impact of leaders on social work practice with        Requires improvement to
children and families                                     be good


The experiences and progress of children who need         Inadequate
help and protection


The experiences and progress of children in care and      Requires improvement to
care leavers                                              be good


Overall effectiveness                                     Inadequate
"""


def test_judgement_tables_as_pdftotext_layout_prints_them() -> None:
    """`pdftotext -layout` sets a "Requires / Improvement" cell round a one-line label, and wraps
    "Requires improvement to / be good" beside a two-line label's lines."""
    from ofsted_kg.extract.grade_tables import ILACS_AREAS, SIF_AREAS, grade_table
    sif = [(area, grade) for area, grade, _, _ in grade_table(_LAYOUT_SIF, 0, len(_LAYOUT_SIF), SIF_AREAS)]
    assert sif == [("1. Children who need help and protection", "requires improvement"),
                   ("2. Children looked after and achieving permanence", "requires improvement"),
                   ("2.1 Adoption performance", "good"), ("2.2 Experiences and progress of care leavers", "inadequate"),
                   ("3. Leadership, management and governance", "requires improvement")]
    ilacs = [grade for _, grade, _, _ in grade_table(_LAYOUT_ILACS, 0, len(_LAYOUT_ILACS), ILACS_AREAS)]
    assert ilacs == ["requires improvement to be good", "inadequate", "requires improvement to be good", "inadequate"]


def test_an_area_send_team_row_whose_first_role_ends_in_inspector() -> None:
    """"Lindsay Harris, Ofsted Inspector   Lea Pickerill, CQC inspector": "Inspector" ends a role, it
    does not start a name."""
    from ofsted_kg.api import extract_text
    text = AREA_SEND.replace("Margaret Burke, Ofsted HMI David Roberts", "Margaret Burke, Ofsted Inspector    David Roberts")
    rec = extract_text(text)[0]
    assert rec.inspectors == ["Katherine Douglas", "Liz Fox", "Margaret Burke", "David Roberts"]
    assert rec.inspection_team[2].role == "Ofsted Inspector"


@pytest.mark.parametrize("cells", [
    # every label, then every grade (Sandwell 2013 as pdfminer reads it)
    ["Overall effectiveness", "Capacity to improve", "Outcomes for looked after children and\nyoung people",
     "Quality of provision", "Leadership and management", "Inadequate", "Adequate", "Adequate", "Inadequate",
     "Inadequate"],
    # runs of labels and their grades, the scale's number after each grade
    ["Overall effectiveness", "Capacity to improve", "Outcomes for looked after children and\nyoung people",
     "Inadequate Grade 4", "Adequate Grade 3", "Adequate Grade 3", "Quality of provision", "Inadequate Grade 4",
     "Leadership and management", "Inadequate Grade 4"],
])
def test_the_record_of_main_findings_read_column_by_column(cells: list[str]) -> None:
    from ofsted_kg.extract.report import _old_table
    text = ("Contents\nRecord of main findings\n22\n\nAbout this inspection\n\n1. The purpose of the inspection is to "
            "evaluate services.\n\nRecord of main findings\n\nServices for looked after children\n\n"
            + "\n\n".join(cells) + "\n\n")
    assert [(area, grade) for area, grade, _, _ in _old_table(text, 0, len(text))] == [
        ("Overall effectiveness", "inadequate"), ("Capacity to improve", "adequate"),
        ("Outcomes for looked after children and young people", "adequate"), ("Quality of provision", "inadequate"),
        ("Leadership and management", "inadequate")]


def test_a_wrapped_prose_line_ending_in_a_grade_word_is_not_a_grade_row() -> None:
    """With no grade table, the body's "Overall effectiveness Grade 3 (adequate)" headings are read; a
    line of prose that happens to end in "inadequate" is not one."""
    from ofsted_kg.extract.report import _old_table
    text = ("Overall effectiveness Grade 4 (inadequate)\n"
            "Relationships between key agencies were also found to be poor, typified by a\n"
            "lack of trust and compounded by frequent staff changes and inadequate\n"
            "communication, sometimes perceived to be obstructive.\n")
    assert [(area, grade) for area, grade, _, _ in _old_table(text, 0, len(text))] == [
        ("Overall effectiveness", "inadequate")]


_PROGRESS_2009 = (
    "Inspection of progress made in the provision\nof safeguarding services in the London\nBorough of Camden\n\n"
    "Care Quality Commission\nOfsted\n\nAge group: All\nPublished: 9 October 2009\nReference no: 412\n\n"
    "Contents\nAbout the inspection 2\nOverall judgement on progress since March 2009 3\n\n"
    "About the inspection\n1. The inspection was carried out by Ofsted and the Care Quality Commission. It judged\n"
    "progress since the joint area review of safeguarding carried out in March 2009 and which judged\n"
    "safeguarding services to be inadequate. In particular, the inspection team was asked to\n"
    "evaluate the evidence and judge progress made in the following areas:\n"
    "\u0083 recording and tracking cases through the system, including a sample of\nrecent cases\n"
    "\u0083 developing effective performance management systems; and\n"
    "\u0083 support for front-line social workers.\n"
    "2. The inspection also took account of the action plan submitted to Ofsted in\nMay 2009.\n"
    "Overall judgement on progress since March 2009\n"
    "3. The council and its partners have made limited progress overall in addressing the weaknesses.\n"
    "Priorities for further improvement\n4. Priorities for further improvement:\n"
    "\u0083 The council should ensure that all children are adequately safeguarded.\n"
    "\u0083 The council should formally launch and disseminate the revised\nprocedure manual.\n"
    "Key findings\n5. Supervision is not yet consistently recorded on files.\n")


@pytest.mark.parametrize("bullet", ["\u0083 ", "\n\u0083 ", "\n(cid:131)\n"])
def test_a_2009_progress_inspection_report_is_read(bullet: str) -> None:
    """The 2009-2012 publication template (title, "Age group", "Published", "Reference no") makes a report;
    one that grades nothing names what it looked at in a list, and restates its priorities in a numbered
    paragraph before the bullets: a C1 control where Windows-1252 has "ƒ" (the PDF's text layer), each
    bullet a paragraph of its own (pdftotext), or pdfminer's unmapped glyph on a line of its own."""
    (rec,) = extract_text(_PROGRESS_2009.replace("\u0083 ", bullet))
    assert (rec.kind, rec.authority, rec.letter_date) == ("report", "Camden", "2009-10-09")
    assert rec.visit_type == "other:inspection of progress made in the provision of safeguarding services"
    assert rec.previous_judgement is not None and (rec.previous_judgement.grade, rec.previous_judgement.date) == (
        "inadequate", "2009-03")
    assert rec.judgements == []
    assert rec.focus_areas == ["recording and tracking cases through the system, including a sample of recent cases",
                               "developing effective performance management systems",
                               "support for front-line social workers"]
    assert rec.recommendations == [
        "The council should ensure that all children are adequately safeguarded.",
        "The council should formally launch and disseminate the revised procedure manual."]
    texts = [f.text for f in rec.findings]
    assert texts[0].startswith("The council and its partners have made limited progress")
    assert "Supervision is not yet consistently recorded on files." in texts
    assert not any("action plan submitted" in t for t in texts)


def test_a_cover_run_onto_one_line_takes_no_visit_day_from_the_publication_date() -> None:
    """A text layer that ran the cover onto one line and lost the dates' days: "Inspection dates: April
    2012" gives no visit day; the "Published:" date after the next label is the report's date, not the visit's."""
    head = ("Inspection of safeguarding and looked after children services Wigan Council Inspection dates: April 2012 "
            "Reporting inspector Ann Lowe HMI Age group: All Published: 29 May 2012\n\n")
    (rec,) = extract_text(head + _SANDWELL_2013_BODY)
    assert (rec.letter_date, rec.visit_start, rec.visit_end) == ("2012-05-29", None, None)
    assert rec.inspectors == ["Ann Lowe"]


def test_a_sif_table_as_a_markdown_converter_prints_it() -> None:
    """pymupdf4llm's Markdown: bold glued to the word before it ("is**requires improvement **"), merged
    cells repeated, "<br>" inside cells, and the board's grade after "(LSCB) is"."""
    cell = ("The overall judgement is**requires improvement **<br>There are no widespread or serious failures.<br>"
            "The authority is not yet delivering good help.")
    board = ("The effectiveness of the Local Safeguarding Children Board (LSCB) is<br>**requires improvement**<br>"
             "The arrangements in place require improvement.")
    md = ("# Devon County Council\n#### **Inspection of services for children in need of help and** **protection, "
          "children looked after and care leavers**\n**Inspection date: 24 February – 18 March 2015** "
          "**Report published: 12 May 2015**\n\n"
          f"|{cell}|{cell}|{cell}|\n|---|---|---|\n"
          "|**1. Children who need help and protection**|**1. Children who need help and protection**|**Good**|\n"
          "|**3. Leadership, management and governance**|**3. Leadership, management and governance**|"
          "**Requires**<br>**improvement**|\n"
          f"|{board}|{board}|{board}|\n\nThe local authority leads effective services.\n")
    rec = extract_text(md)[0]
    assert [(j.area, j.grade) for j in rec.judgements] == [
        ("Overall effectiveness", "requires improvement"),
        ("1. Children who need help and protection", "good"),
        ("3. Leadership, management and governance", "requires improvement"),
        ("The Local Safeguarding Children Board", "requires improvement"),
    ]


def test_an_area_send_team_heading_with_its_columns_on_one_line() -> None:
    """A Markdown form: "### **Inspection team** **Ofsted Care Quality Commission**" heads the table."""
    head, _, rows = AREA_SEND.partition("Inspection team\n\nOfsted Care Quality Commission\n")
    assert rows
    rec = extract_text(head + "### **Inspection team** **Ofsted Care Quality Commission**\n\n" + rows)[0]
    assert rec.inspectors == ["Katherine Douglas", "Liz Fox", "Margaret Burke", "David Roberts"]


def test_an_area_send_team_table_whose_rows_were_joined_into_one_line() -> None:
    """Paragraph-per-line text: "Ofsted Care Quality Commission Katherine Douglas, Ofsted HMI, lead
    inspector Liz Fox, ...": the columns' headings are not part of the first name."""
    head, _, rows = AREA_SEND.partition("Inspection team\n\nOfsted Care Quality Commission\n")
    assert rows
    joined = "Ofsted Care Quality Commission " + " ".join(rows.split("\n")).strip() + "\n"
    rec = extract_text(head + "Inspection team\n\n" + joined)[0]
    assert rec.inspectors == ["Katherine Douglas", "Liz Fox", "Margaret Burke", "David Roberts"]


@pytest.mark.parametrize("cover", [
    "Age group: Published:\n\nAll 2 August 2013\n\n",  # both labels on one line, both values below them
    "Age group:\nPublished: All 2 August 2013\n",  # the columns read row by row: the age group in the date's row
])
def test_a_covers_age_group_and_publication_date_however_a_converter_ordered_them(cover: str) -> None:
    head = ("Inspection of services for children in need of help and protection, children looked after and care "
            f"leavers\n{cover}Sandwell Metropolitan Borough Council\n"
            "Inspection dates: 24 June 2013 to 5 July 2013\nLead inspector: Christopher Sands HMI\n")
    (rec,) = extract_text(head + _SANDWELL_2013_BODY)
    assert rec.letter_date == "2013-08-02"


def test_an_area_send_reports_areas_for_improvement_run_together_on_one_line() -> None:
    """A converter that joined the table's rows: each sentence saying who should act starts an item."""
    items = ("The local area partnership should evaluate the quality and impact of services more\n"
             "effectively. This is a statutory duty.\n"
             "Local area partnership leaders should improve the effectiveness of joint working.\n")
    assert items in AREA_SEND
    rec = extract_text(AREA_SEND.replace(items, " ".join(items.split("\n")).strip() + "\n"))[0]
    assert rec.recommendations == [
        "The local area partnership should evaluate the quality and impact of services more effectively. "
        "This is a statutory duty.", "Local area partnership leaders should improve the effectiveness of joint working."]


@pytest.mark.parametrize("path, last", [
    ("heldout-3/documents/ilacs-032.pdf", "to support care leavers in making informed choices about their future life"),
    ("real/documents/ilacs-039.pdf", "reduces the opportunities for casework to be saved in different files"),
])
def test_a_2013_reports_recommendations_end_at_the_judgement_heading_over_its_grade(path: str, last: str) -> None:
    """"Outcomes for looked after children and young / people" over "Grade 4 (Inadequate)" is the next
    section's heading, not the end of the last recommendation (Medway and Sandwell, 2013)."""
    from pathlib import Path

    from ofsted_kg.api import extract_file
    (rec,) = extract_file(Path(__file__).parent / "golden" / path)
    assert rec.recommendations[-1].endswith(last)


def test_prose_after_the_table_does_not_finish_its_last_grade() -> None:
    # a SIF table's last cell "Requires improvement", then the executive summary, whose sentence says
    # "... requiring further improvement to be good": the cell stays as printed
    head = ("Dorset County Council\n"
            "Inspection of services for children in need of help and protection, children looked after and care leavers\n"
            "Inspection date: 6 March 2017 to 29 March 2017\nReport published: 22 May 2017\n\n")
    table = ("Children's services in Dorset require improvement to be good\n"
             "1. Children who need help and protection Requires improvement\n"
             "2. Children looked after and achieving permanence Good\n"
             "2.1 Adoption performance Good\n"
             "2.2 Experiences and progress of care leavers Good\n"
             "3. Leadership, management and governance Requires improvement\n\f\n2\nExecutive summary\n"
             "Since the last inspection, services for children in need, while requiring further improvement to be "
             "good, have improved.\n")
    (rec,) = extract_text(head + table + PROSE)
    assert [(j.area, j.grade) for j in rec.judgements][-1] == ("3. Leadership, management and governance",
                                                                "requires improvement")
