"""Unit tests for the genre rules in ofsted_kg/extract/fields.py (one test per rule)."""

from __future__ import annotations

from datetime import date

import pytest

from ofsted_kg.extract import fields
from ofsted_kg.extract.records import Found, PreviousJudgement
from ofsted_kg.extract.report import LAST_INSPECTION


def _items(text: str, start: int = 0) -> list[str]:
    return [fields.item_text(text, a, b)[0] for a, b in fields.section_items(text, start, len(text))]


def test_unmarked_items_under_time_frame_heads_are_split() -> None:
    """SLAC 'Areas for improvement' as PDF text: numbered intro, time-frame heads, bullet glyphs lost."""
    text = (
        "\n6. In order to improve the quality of provision, the local authority and its partners should take\n"
        "the following action.\n"
        "Immediately:\n"
        "ensure that all children subject to a child protection plan are allocated to a\n"
        "qualified social worker.\n"
        "ensure that strategy discussions involve the police and that decisions are\n"
        "recorded on the child's file.\n"
        "Within three months:\n"
        "improve the quality of core assessments so that they analyse risk and in order to\n"
        "ensure that plans are specific\n"
        "develop a multi-agency audit programme.\n"
        "Services for looked after children\n"
        "7. The overall effectiveness of services for looked after children is good.\n"
    )
    assert _items(text) == [
        "ensure that all children subject to a child protection plan are allocated to a qualified social worker.",
        "ensure that strategy discussions involve the police and that decisions are recorded on the child's file.",
        "improve the quality of core assessments so that they analyse risk and in order to ensure that plans are "
        "specific",
        "develop a multi-agency audit programme.",
    ]


def test_numbered_intro_before_a_bulleted_list_is_not_an_item() -> None:
    text = (
        "\n9. In order to improve services for care leavers, the local authority should take the\n"
        "following action.\n"
        "- ensure that pathway plans are reviewed.\n"
        "- improve the range of accommodation.\n"
    )
    assert _items(text) == ["ensure that pathway plans are reviewed.", "improve the range of accommodation."]


def test_previous_judgement_with_the_object_before_the_grade() -> None:
    """'... in November 2010 judged the overall effectiveness of safeguarding services to be adequate.'"""
    text = ("The inspection of safeguarding and looked after children services in November 2010 judged the "
            "overall effectiveness of safeguarding services to be adequate. Inspectors judged the quality of "
            "plans to be good in 2011.")
    found = fields.previous_judgement(text, 0, len(text), date(2012, 2, 28))
    assert found is not None and found.value == PreviousJudgement("adequate", "2010-11")


def test_previous_judgement_is_the_grade_services_moved_to_not_from() -> None:
    """An ILACS report's later pages: the grade improved *from* is older than the one judged then."""
    text = ("At the last full inspection in 2017, services were found to have substantially improved from a "
            "previous judgement of inadequate and were judged to require improvement. During 2018, a focused "
            "visit by Ofsted reported that there was some progress.")
    found = fields.previous_judgement(text, 0, len(text), date(2021, 10, 11), LAST_INSPECTION)
    assert found is not None and found.value == PreviousJudgement("requires improvement", "2017")


def test_previous_judgement_of_a_service_or_a_home_is_not_the_authoritys() -> None:
    """A looked after children report: the adoption service's and a children's home's own inspections
    are more recent than the authority's, but they are not its judgement."""
    text = ("The Safeguarding and Looked after Children (SLAC) inspection, in October 2010, judged both "
            "safeguarding and looked after children's services to be inadequate. An improvement board was "
            "established. The adoption service has improved and was judged to be adequate at the last "
            "inspection in March 2013. Of the six council run children's homes one is outstanding, four are "
            "good. One was judged to be inadequate at the last inspection in February 2013.")
    found = fields.previous_judgement(text, 0, len(text), date(2013, 6, 1))
    assert found is not None and found.value == PreviousJudgement("inadequate", "2010-10")


def test_ofsteds_evaluation_of_a_serious_case_review_is_not_the_previous_judgement() -> None:
    """2008-2011: Ofsted evaluated serious case reviews on the inspection scale; that grade is the review's."""
    text = ("The inspectorates judged progress since the joint area review of safeguarding carried out in November "
            "2008, which judged safeguarding services to be inadequate. The plan was produced as part of the "
            "re-commissioned serious case review which was judged good by Ofsted on 7 April 2009.")
    found = fields.previous_judgement(text, 0, len(text), date(2009, 7, 1))
    assert found is not None and found.value == PreviousJudgement("inadequate", "2008-11")


def test_focus_clause_list_without_a_serial_comma() -> None:
    sentence = ("Inspectors looked at the local authority's arrangements for children in care, focusing on the quality "
                "of care planning, the stability of children's homes and the progress of plans for permanence.")
    areas = fields.focus_from_sentence(sentence)
    assert areas[1:] == ["the stability of children's homes", "the progress of plans for permanence"]
    assert areas[0].endswith("focusing on the quality of care planning")
    # one area with an 'and' inside it stays whole
    one = fields.focus_from_sentence("The visit focused on children in care, focusing on placement stability and "
                                     "achieving permanence.")
    assert len(one) == 1


def test_sequence_of_another_kind_of_visit_is_not_this_visits() -> None:
    text = "This assurance visit took place remotely. It replaced the third monitoring visit to the council."
    assert fields.visit_sequence(text, 0, len(text), "assurance visit") is None
    third = text.index("third monitoring visit")
    assert fields.visit_sequence(text, 0, len(text), "monitoring visit") == Found(3, third, third + 22)
    text = "This letter summarises the findings of the seventh visit."
    seventh = text.index("seventh visit")
    assert fields.visit_sequence(text, 0, len(text), "monitoring visit") == Found(7, seventh, seventh + 13)


def test_a_word_ending_in_rated_is_not_a_judgement_verb() -> None:
    from ofsted_kg.extract.fields import previous_judgement

    text = ("Services have deteriorated since the last inspection in January 2022, when overall effectiveness "
            "was judged to be requires improvement to be good.")
    got = previous_judgement(text, 0, len(text), None)
    assert got is not None and got.value == PreviousJudgement("requires improvement to be good", "2022-01")


@pytest.mark.parametrize(("text", "name"), [
    ("to Bedford Borough Council children's services", "Bedford Borough"),
    ("to Worcestershire County Council children's services", "Worcestershire"),
    ("to the London Borough of Barnet children's services", "Barnet"),
])
def test_authority_keeps_the_gazetteers_name_where_cleaning_would_cut_it(text: str, name: str) -> None:
    found = fields.authority(text, [(0, len(text))])
    assert found is not None and found.value == name


def test_wrapped_item_line_is_not_a_heading_but_a_wrapped_heading_is() -> None:
    from ofsted_kg.extract.fields import item_text, section_items

    text = ("What needs to improve\n\nThe timeliness of conferences for children who\nare newly referred.\n\n"
            "The quality of plans.\n\nThe experiences and progress of children who need help and\n"
            "protection: good\n\nChildren are seen promptly.\n")
    start = text.index("\n")
    items = [item_text(text, a, b)[0] for a, b in section_items(text, start, len(text))]
    assert items == ["The timeliness of conferences for children who are newly referred.", "The quality of plans."]


@pytest.mark.parametrize("heading", ["What needs to improve in this area of social work practice?1",
                                     "What needs to improve?2", "Recommendations"])
def test_a_heading_with_a_footnote_marker_is_still_the_recommendations_heading(heading: str) -> None:
    assert fields.RECOMMENDATION_HEADING.match(heading)


def test_a_footnote_marker_does_not_make_a_sentence_a_heading() -> None:
    assert not fields.RECOMMENDATION_HEADING.match("Recommendations were made in 2019")


def test_between_two_days_is_one_block_of_fieldwork() -> None:
    text = "Between 31 October and 4 November 2016, Ofsted undertook a joint inspection."
    run = fields.visit_dates(text, [(0, len(text))], date(2016, 12, 20))
    assert run is not None and run.periods == [(date(2016, 10, 31), date(2016, 11, 4))]
    text = "The visit took place on 14 and 21 May 2019."
    run = fields.visit_dates(text, [(0, len(text))], date(2019, 6, 20))
    assert run is not None and len(run.periods) == 2


SIF_LIST = """
Capacity
1. Ensure that service managers have sufficient capacity to undertake their full
role, including supporting and monitoring the work of team managers.
2. Ensure that all children looked after are registered with a dentist.
Areas for improvement
Quality of practice
3. Further improve the quality and consistency of social work assessment,
analysis and recording.
4. The board should evaluate the impact of early help services.
Inspection findings – the Local Safeguarding Children Board
5. Following a self-assessment in September 2015, the LSCB is purposefully
addressing all recommendations arising from it.
"""


def test_a_numbered_list_goes_on_over_topic_sub_heads_but_not_into_findings() -> None:
    assert _items(SIF_LIST) == [
        "Ensure that service managers have sufficient capacity to undertake their full role, including supporting "
        "and monitoring the work of team managers.",
        "Ensure that all children looked after are registered with a dentist.",
        "Further improve the quality and consistency of social work assessment, analysis and recording.",
        "The board should evaluate the impact of early help services.",
    ]


def test_no_items_is_not_an_item() -> None:
    assert _items("\nThere are no priority actions.\nAreas for improvement\n1. Ensure that plans are timely.\n") == [
        "Ensure that plans are timely."]


def test_a_first_visit_since_an_event_numbers_no_series() -> None:
    text = "This is the first focused visit since the last inspection in May 2022."
    assert fields.visit_sequence(text, 0, len(text), "focused visit") is None
    text = "This letter summarises the findings of the third monitoring visit since the local authority was judged"
    found = fields.visit_sequence(text, 0, len(text), "monitoring visit")
    assert found is not None and found.value == 3


@pytest.mark.parametrize(("sentence", "areas"), [
    ("Inspectors looked at the local authority's arrangements for the front door, including decision-making for "
     "contacts and referrals, child protection enquiries, and child in need assessments.",
     ["front door, including decision-making for contacts and referrals, child protection enquiries, and child in "
      "need assessments"]),
    ("Inspectors looked at the local authority's arrangements for the 'front door' and the response to adults in "
     "positions of trust who may pose a risk to children.",
     ["'front door'", "the response to adults in positions of trust who may pose a risk to children"]),
    ("They evaluated transfers between the MASH and early help services, the effectiveness of child protection "
     "enquiries, and the quality of assessments.",
     ["transfers between the MASH and early help services", "the effectiveness of child protection enquiries",
      "the quality of assessments"]),
    ("Inspectors looked at arrangements for placement stability and achieving permanence.",
     ["placement stability and achieving permanence"]),
    # "those children" after a group: one group, not "children children ..."
    ("Inspectors looked at the local authority's arrangements for children in need and those children subject to "
     "a child protection plan.", ["children in need", "children subject to a child protection plan"]),
    # a second group after "with a focus on" (no comma before it) is a second area
    ("Inspectors looked at the local authority's arrangements for children in need with a focus on neglect and "
     "children subject to pre-\nproceedings under the Public Law Outline.",
     ["children in need with a focus on neglect", "children subject to pre-proceedings under the Public Law Outline"]),
    # "A, the B and the C" without a serial comma: three areas, each opening as an area does
    ("They also considered transfers to and from early help services, the effectiveness of child protection "
     "enquiries and the quality of assessments.",
     ["transfers to and from early help services", "the effectiveness of child protection enquiries",
      "the quality of assessments"]),
    # "The focus of the monitoring visit was ..." (2022 monitoring visit letters)
    ("The focus of the monitoring visit was children in need and those subject to a child protection plan.",
     ["children in need", "children subject to a child protection plan"]),
    # "children in need and children subject to ...": two populations, as "... and those subject to ..." is
    ("Inspectors looked at the local authority's arrangements for children in need, and children subject to a "
     "child protection plan.", ["children in need", "children subject to a child protection plan"]),
    ("Inspectors looked at the local authority's arrangements for children in need and children in need of "
     "protection.", ["children in need", "children in need of protection"]),
    # ", together with B": a second area (COVID-era letters: "... together with the impact of leadership ...")
    ("This visit looked at the quality and impact of key decision-making across help and protection, children in "
     "care and care leavers' services, together with the impact of leadership on service development.",
     ["quality and impact of key decision-making across help and protection, children in care and care leavers' "
      "services", "the impact of leadership on service development"]),
    # an area SEND letter: the joint inspection's purpose is its focus
    ("Over five days in March 2019, Ofsted and the CQC carried out a joint inspection of the local area of "
     "Exampleshire to judge how well the area meets the needs of children with SEND.",
     ["how well the area meets the needs of children with SEND"]),
])
def test_focus_areas_from_a_sentence(sentence: str, areas: list[str]) -> None:
    assert fields.focus_from_sentence(sentence) == areas


def test_a_numbered_items_own_sub_points_stay_in_it() -> None:
    text = ("\n1. Strengthen arrangements to reduce the risk to children of sexual exploitation\nand missing by:\n"
            "- improving information sharing\n- ensuring risk assessments are of a consistently good\nstandard.\n"
            "2. Ensure that strategy discussions are promptly considered.\n")
    assert _items(text) == [
        "Strengthen arrangements to reduce the risk to children of sexual exploitation and missing by: improving "
        "information sharing ensuring risk assessments are of a consistently good standard.",
        "Ensure that strategy discussions are promptly considered."]


def test_an_intro_wrapped_after_the_following_is_no_item() -> None:
    text = ("\nThe local authority needs to take swift and decisive action to improve the following\n"
            "areas of practice:\n\n- all children should be allocated to a social worker without delay\n"
            "- the timeliness of decision-making.\n")
    assert _items(text) == ["all children should be allocated to a social worker without delay",
                            "the timeliness of decision-making."]


def test_ofsteds_address_read_into_a_list_is_skipped() -> None:
    text = ("\n- Operational management of the front door.\n\n- Quality assurance processes.\n\nOfsted\n"
            "Piccadilly Gate\nStore Street\nManchester\nM1 2WD\n\nT 0300 123 1231\nenquiries@ofsted.gov.uk\n"
            "www.gov.uk/ofsted\n\n- The quality of supervision.\nMain findings\nThe senior leaders are new.\n")
    assert _items(text) == ["Operational management of the front door.", "Quality assurance processes.",
                            "The quality of supervision."]


def test_a_wrapped_item_line_after_an_unfinished_one_and_a_kept_running_header() -> None:
    header = "Sandwell Council Inspection of looked after children services"
    text = (f"\nImmediately:\n\n- Ensure that a clear plan is in place to improve the effectiveness of the\n"
            f"Independent Reviewing Officers service\n\n- Review the current policy\n\n{header}\n\n"
            f"Within three months:\n- Ensure the consistently high quality of PEPs\n\n{header}\n{header}\n")
    assert _items(text) == [
        "Ensure that a clear plan is in place to improve the effectiveness of the Independent Reviewing Officers "
        "service", "Review the current policy", "Ensure the consistently high quality of PEPs"]


@pytest.mark.parametrize(("written", "name"), [
    ("East Riding", "East Riding of Yorkshire"), ("Southend", "Southend-on-Sea"), ("BCP", "Bournemouth, Christchurch and Poole"),
    ("Bristol City", "Bristol, City of"), ("Telford & Wrekin", "Telford and Wrekin"),
    ("Hammersmith & Fulham", "Hammersmith and Fulham")])
def test_authorities_by_the_names_letters_print(written: str, name: str) -> None:
    from ofsted_kg.extract.authorities import find_authorities
    assert [a.name for a, _, _ in find_authorities(f"Focused visit to {written} children's services")] == [name]


@pytest.mark.parametrize(("sentence", "adds"), [
    ("They also considered the response to adults who work with children.", True),
    ("Additionally, inspectors reviewed the quality of practice in the care leavers' service.", True),
    ("Inspectors considered the response to children at risk of exploitation and those who go missing.", False),
    ("Specifically, they also considered contacts, referrals, assessments and plans.", False),
])
def test_a_later_focus_sentence_adds_areas_only_when_it_says_so(sentence: str, adds: bool) -> None:
    assert fields.adds_areas(sentence, len(fields.focus_from_sentence(sentence))) is adds


def test_a_later_list_of_three_areas_adds_them() -> None:
    sentence = "They evaluated transfers to early help, the effectiveness of enquiries, and the quality of plans."
    assert fields.adds_areas(sentence, len(fields.focus_from_sentence(sentence)))


def test_previous_judgement_from_two_judgements_named_together_is_the_later() -> None:
    """'... following two inadequate inspection judgements in 2014 and 2017' restates the 2017 one."""
    text = ("Leaders have improved practice for children in most parts of the service following two inadequate "
            "inspection judgements in 2014 and 2017. The fostering service was judged good in 2019.")
    found = fields.previous_judgement(text, 0, len(text), date(2022, 1, 10), fields.REPEATED_JUDGEMENTS)
    assert found is not None and found.value == PreviousJudgement("inadequate", "2017")


def test_a_bulleted_items_sub_points_after_a_colon_stay_in_it() -> None:
    """'◼ ... presenting to / Solihull's 'front door' services. This includes:' then '−' sub-points that
    start in lower case: one item; the next capitalised bullet is the next item."""
    text = ("\n- Leaders need to take urgent action to understand the needs of children presenting to\n"
            "Solihull's 'front door' services. This includes:\n- ensuring that there is sufficient capacity\n"
            "- ensuring that the right agencies are represented.\n- West Midlands Police need to take urgent "
            "action to improve\nthe quality of its records.\n")
    assert _items(text) == [
        "Leaders need to take urgent action to understand the needs of children presenting to Solihull's 'front "
        "door' services. This includes: ensuring that there is sufficient capacity ensuring that the right "
        "agencies are represented.",
        "West Midlands Police need to take urgent action to improve the quality of its records."]


def _items_under_heading(text: str) -> list[str]:
    """The items of the section whose heading is the text's first line."""
    return _items(text, text.index("\n"))


def test_a_lead_in_wrapped_over_two_lines_introduces_the_bullets() -> None:
    """A focused visit's priority action: the lead-in paragraph ends with "including:" on its second line."""
    text = ("Area for priority action\n\n"
            "The local authority needs to take swift and decisive action to address the delays in\n"
            "identifying and ensuring permanence for children, including:\n\n"
            "- timely application of the pre-proceedings stage of the Public Law Outline (PLO),\n"
            "where risks for children are not reducing through child protection planning\n"
            "- prioritising the swifter progression of plans for children.\n\n"
            "What needs to improve in this area of social work practice\n")
    assert _items_under_heading(text) == [
        "timely application of the pre-proceedings stage of the Public Law Outline (PLO), where risks for "
        "children are not reducing through child protection planning",
        "prioritising the swifter progression of plans for children."]


def test_a_topic_sub_head_over_the_bullets_does_not_end_the_section() -> None:
    """A joint letter's "Areas for priority actions", with a topic sub-head before its bullets."""
    text = ("Areas for priority actions\n\nLeadership\n\n"
            "- Ineffective management oversight means that enquiries are not consistently undertaken.\n"
            "- Return home interviews are not being undertaken consistently.\n\n"
            "Case study: area for priority action\n")
    assert fields.RECOMMENDATION_HEADING.match("Areas for priority actions")
    assert _items_under_heading(text) == ["Ineffective management oversight means that enquiries are not consistently undertaken.",
                            "Return home interviews are not being undertaken consistently."]


@pytest.mark.parametrize("sentence, expected", [
    # one judgement area's grade restated: not the authority's overall judgement
    ("Since the last inspection in 2023, when the experiences of children in need of help and protection were "
     "judged to require improvement to be good, leaders have made progress.", None),
    ("In March 2022, the impact of leaders on social work practice was judged to be inadequate.", None),
    # an area named earlier in the sentence, but services as the subject of the judgement
    ("The experiences of children in care have improved since the last inspection in May 2019, when services were "
     "judged inadequate.", ("inadequate", "2019-05")),
    # an inspection over two months is dated by the first; "when they required improvement"
    ("The local authority was judged as requiring improvement to be good at its inspection in April/May 2016.",
     ("requires improvement to be good", "2016-04")),
    ("Services have improved since the single inspection in 2014, when they required improvement to be good.",
     ("requires improvement to be good", "2014")),
])
def test_an_areas_grade_is_not_the_previous_judgement(sentence: str, expected: tuple[str, str] | None) -> None:
    found = fields.previous_judgement(sentence, 0, len(sentence), None)
    assert ((found.value.grade, found.value.date) if found else None) == expected


def test_a_quarterly_monitoring_visits_number_and_a_grade_written_requiring() -> None:
    text = ("This visit was the seventh quarterly monitoring visit since the local authority was judged inadequate "
            "in May 2016.")
    found = fields.visit_sequence(text, 0, len(text), "monitoring visit")
    assert found is not None and found.value == 7
    text = ("At the inspection of local authority children's services in 2022, the local authority was found to be "
            "requiring improvement to be good.")
    prev = fields.previous_judgement(text, 0, len(text), None)
    assert prev is not None and prev.value == PreviousJudgement("requires improvement to be good", "2022")


@pytest.mark.parametrize("subject, kind", [
    ("Joint area SEND inspection in Exampleshire", "other:joint area send inspection"),
    ("Joint local area SEND inspection in Exampleshire", "other:joint local area send inspection"),
    ("Joint area SEND revisit in Exampleshire", "other:joint area send revisit"),
])
def test_an_area_send_letter_is_named_by_its_own_words(subject: str, kind: str) -> None:
    text = f"Dear Ms Example\n\n{subject}\n\nBetween 4 and 8 March 2019, Ofsted and the CQC inspected.\n"
    found = fields.visit_type(text, [(0, len(text))])
    assert found is not None and found.value == kind
