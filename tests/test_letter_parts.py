"""Unit tests for letter parts in ofsted_kg/extract/letter.py: copy lists and the letterhead office."""

from __future__ import annotations

import pytest

from ofsted_kg.api import extract_text

_LETTER = """{head}
12 March 2026
Ms Jo Bramwell
Director of Children's Services
Wigan Council
Dear Ms Bramwell
Monitoring visit to Wigan children's services
This letter summarises the findings of the monitoring visit to Wigan children's services on 3 and 4
February 2026. The visit was carried out by His Majesty's Inspectors Carol Ashdown and Peter Lyle.
Yours sincerely
Carol Ashdown
His Majesty's Inspector
{tail}
"""


def _one(head: str = "", tail: str = ""):  # type: ignore[no-untyped-def]
    recs = extract_text(_LETTER.format(head=head, tail=tail))
    assert len(recs) == 1
    return recs[0]


def test_copy_list_right_after_the_signature_with_organisations() -> None:
    """PDF text has no blank line before 'cc:'; entries naming no person are organisations."""
    rec = _one(tail="cc: Anne Oakes, Chief Executive, Wigan Council\n"
                    "cc: Department for Education; Wigan Safeguarding Children Partnership")
    assert rec.copied_to == ["Anne Oakes", "Department for Education", "Wigan Safeguarding Children Partnership"]
    assert "Anne Oakes" not in rec.inspectors


def test_letterhead_office_is_read_when_its_postcode_is_shared() -> None:
    rec = _one(head="Alexandra House\n33 Kingsway\nLondon WC2B 6SE\nT 08456 404040\nwww.ofsted.gov.uk")
    assert rec.ofsted_office == "Alexandra House, 33 Kingsway, London WC2B 6SE"
    rec = _one(head="Ofsted\nClive House\n70 Petty France\nLondon\nSW1H 9EX\nwww.gov.uk/ofsted")
    assert rec.ofsted_office == "Clive House, 70 Petty France, London SW1H 9EX"


def test_wrapped_copy_entry_is_not_an_organisation() -> None:
    rec = _one(tail="cc: Anne Oakes, Chief Executive, Wigan\nMetropolitan Borough Council\nDepartment for Education")
    assert rec.copied_to == ["Anne Oakes", "Department for Education"]


def test_run_on_copy_list_does_not_glue_an_authoritys_last_word_to_the_next_name() -> None:
    """'... Royal Borough of Kensington and Chelsea Rosalind Okonkwo-Reed, ...' on one line: 'Chelsea'
    ends the council's name, it does not start the next person's."""
    for council, tail_word in (("Royal Borough of Kensington and Chelsea", "Chelsea"),
                               ("London Borough of Hammersmith and Fulham", "Fulham")):
        rec = _one(tail=f"Copy: Anne Oakes, Chief Executive, {council} Rosalind Okonkwo-Reed, Department for Education")
        assert rec.copied_to[:2] == ["Anne Oakes", "Rosalind Okonkwo-Reed"], rec.copied_to
        assert not any(c.startswith(tail_word) for c in rec.copied_to)


def test_jtai_without_a_focus_list_takes_its_subject() -> None:
    letter = """7 April 2022

Ms Ann Rowe, Director of Children's Services, Wigan Council

Joint targeted area inspection of Wigan

This letter summarises the findings of a joint targeted area inspection (JTAI) of the multi-agency response to children in need of help in Wigan.

This inspection took place from 28 February to 4 March 2022.

Yours sincerely

Carol Ashdown
Ofsted
"""
    rec = extract_text(letter)[0]
    assert rec.focus_areas == ["the multi-agency response to children in need of help"]


def test_focus_list_in_pdf_text_without_blank_lines() -> None:
    """The list follows a heading-less run of lines and is followed by prose and a heading."""
    letter = """12 March 2026
Ms Jo Bramwell
Director of Children's Services
Wigan Council
Dear Ms Bramwell
Monitoring visit to Wigan children's services
This letter summarises the findings of the first monitoring visit to Wigan children's services on 3 and 4
February 2026. The visit was carried out by His Majesty's Inspectors Carol Ashdown and Peter Lyle.
Areas covered by the visit
Inspectors reviewed the progress made for children in need of help and protection, with a focus on:
1. the response to children at the front door, including out
of hours
2. strategy discussions.
This visit was carried out in line with the ILACS framework.
What needs to improve
- The quality of plans.
Yours sincerely
Carol Ashdown
His Majesty's Inspector
"""
    rec = extract_text(letter)[0]
    assert rec.focus_areas == ["the response to children at the front door, including out of hours",
                               "strategy discussions"]


def test_letter_without_salutation_or_blank_lines() -> None:
    """A joint letter as PDF text: date, addressees and opening with no 'Dear' and no blank line."""
    letter = """5 November 2024
Ms Ann Rowe, Strategic Director of People Services, Wigan Council
Paul Oakes, Chief Executive, Wigan Council
Joint targeted area inspection of the multi-agency response to children who are victims of
domestic abuse in Wigan
This letter summarises the findings of a joint targeted area inspection (JTAI) of the
multi-agency response to children who are victims of domestic abuse in Wigan.
Between 16 and 20 September 2024, Ofsted and the Care Quality Commission carried out this inspection.
Yours sincerely
Carol Ashdown
Ofsted
"""
    rec = extract_text(letter)[0]
    assert rec.letter_date == "2024-11-05"
    assert rec.recipient is not None and rec.recipient.name == "Ann Rowe"
    assert rec.focus_areas == ["the multi-agency response to children who are victims of domestic abuse"]


def test_prose_improvement_items_one_per_line_in_pdf_text() -> None:
    letter = _LETTER.format(head="", tail="").replace(
        "Yours sincerely",
        "What needs to improve in this area of social work practice\n"
        "The quality and timeliness of pathway plans, so that they are updated when young people's\n"
        "circumstances change.\n"
        "Access to mental health services for care leavers aged over 18.\n"
        "Findings\n"
        "Personal advisers keep in touch with young people.\n"
        "Yours sincerely")
    rec = extract_text(letter)[0]
    assert rec.recommendations == [
        "The quality and timeliness of pathway plans, so that they are updated when young people's circumstances "
        "change.",
        "Access to mental health services for care leavers aged over 18.",
    ]


def test_reference_line_between_date_and_address_block() -> None:
    letter = _LETTER.format(head="", tail="").replace("12 March 2026\n", "Date: 12 March 2026\nOur ref: 80545/MV1\n")
    rec = extract_text(letter)[0]
    assert rec.letter_date == "2026-03-12"
    assert rec.recipient is not None
    assert (rec.recipient.name, rec.recipient.title) == ("Jo Bramwell", "Director of Children's Services")


def test_date_below_the_address_block_or_at_the_end_of_its_last_line() -> None:
    """Two-column layouts put the date right-aligned on the postcode line or under the address."""
    body = ("\n\nDear Mr Kavanagh-Doyle\n\nFocused visit to Havering children's services\n\n"
            "This letter summarises the findings of the focused visit to Havering children's services on "
            "30 and 31 August 2022. Her Majesty's Inspectors for this visit were Annika Sorensen and Ruth Lyle.\n\n"
            "Yours sincerely\n\nAnnika Sorensen\nHer Majesty's Inspector\n")
    address = "Mr Rupert Kavanagh-Doyle\nDirector of Starting Well\nLondon Borough of Havering\nRomford\nRM1 3BB"
    for head in (address + "  28 September 2022", address + "\n\n28 September 2022"):
        rec = extract_text(head + body)[0]
        assert rec.letter_date == "2022-09-28"
        assert rec.recipient is not None
        assert (rec.recipient.name, rec.recipient.title) == ("Rupert Kavanagh-Doyle", "Director of Starting Well")


def test_the_same_letter_pasted_twice_is_one_letter() -> None:
    letter = _LETTER.format(head="Ofsted\nPiccadilly Gate\nManchester\nM1 2WD\n", tail="")
    recs = extract_text("Appendix 1\n\n" + letter + "\nAppendix 2\n\nThe letter is reproduced below.\n\n" + letter)
    assert len(recs) == 1
    assert recs[0].inspectors == ["Carol Ashdown", "Peter Lyle"]


_LATE_LETTERHEAD = """Ms Ada Pryce
Director of Children's Services
Rochdale Borough Council
Number One Riverside
Rochdale
OL16 1XU

Dear Ada

Monitoring visit to Rochdale children's services

This letter summarises the findings of the third monitoring visit to Rochdale children's
services. The visit took place on 5 and 6 October 2021. Rochdale was judged inadequate
in May 2019.

Inspectors considered:

the quality of assessments for children in need, including those who are living with
neglect and domestic abuse
the work of the front door
the timeliness of child protection conferences.

Piccadilly Gate
Store Street
Manchester
M1 2WD
T 0300 123 1231
enquiries@ofsted.gov.uk

9 November 2021

Findings and progress

Leaders have made progress since the last monitoring visit in June 2021.

The inspectors were Nell Hardcastle and Omar Fenwick, Her Majesty's Inspectors.

Yours sincerely

Nell Hardcastle
Her Majesty's Inspector
"""


def test_letterhead_read_after_page_one_gives_the_date_and_office() -> None:
    """A letterhead side box the text layer put after page 1's body: its date is the letter's date and
    its address Ofsted's office, while the recipient block still ends at the salutation."""
    (rec,) = extract_text(_LATE_LETTERHEAD)
    assert rec.letter_date == "2021-11-09"
    assert rec.ofsted_office == "Piccadilly Gate, Store Street, Manchester M1 2WD"
    assert rec.recipient is not None and rec.recipient.name == "Ada Pryce"


def test_focus_list_whose_bullet_glyphs_were_lost() -> None:
    """After 'Inspectors considered:' each lower-case line is an item; a line filling the text's
    width runs on into the next (a wrapped item)."""
    (rec,) = extract_text(_LATE_LETTERHEAD)
    assert rec.focus_areas == [
        "the quality of assessments for children in need, including those who are living with neglect "
        "and domestic abuse",
        "the work of the front door",
        "the timeliness of child protection conferences",
    ]


def test_a_date_line_in_the_body_without_a_letterhead_is_not_the_letter_date() -> None:
    letter = _LATE_LETTERHEAD.replace("T 0300 123 1231\nenquiries@ofsted.gov.uk\n", "").replace(
        "Piccadilly Gate\nStore Street\nManchester\nM1 2WD\n", "Meeting of the board\n")
    (rec,) = extract_text(letter)
    assert rec.letter_date is None


def test_copy_list_with_roles_after_dashes() -> None:
    """'Copy:' entries as 'Name – Role': the name is a person (honorific dropped), an organisation loses
    the role after its dash, and no one copied becomes an inspector."""
    rec = _one(tail="Copy:\nGraham Lockwood – Chief Executive, Wigan Council\n"
                    "Councillor Prudence Aldwych – Lead Member for Children's Services\n"
                    "Department for Education - Regional Director")
    assert rec.copied_to == ["Graham Lockwood", "Prudence Aldwych", "Department for Education"]
    assert not {"Graham Lockwood", "Prudence Aldwych"} & set(rec.inspectors)


_RECENT = """9 October 2025

Ms Ann Rowe
Director of Children's Services
Wigan Council

Dear Ms Rowe

Focused visit to Wigan children's services

This letter summarises the findings of the focused visit to Wigan children's services on 2 and 3 September 2025. {extra}His Majesty's Inspectors Carol Ashdown and Peter Lyle carried out this visit.

{focus}

What needs to improve in this area of social work practice

{improve}

Main findings

Social workers know children well. Managers review plans regularly.

Yours sincerely

Carol Ashdown
His Majesty's Inspector
"""


def test_focus_list_wins_over_a_focus_verb_in_earlier_prose() -> None:
    """'Inspectors also considered progress since ...' in the opening is no focus area when a later
    focus sentence introduces a list."""
    letter = _RECENT.format(
        extra="Inspectors also considered progress since the monitoring visit on 4 and 5 March 2025, which "
              "looked at children in care. ",
        focus="Inspectors looked at the following areas:\n\n- the response to children at risk of exploitation\n"
              "- the quality of return home interviews.",
        improve="- The quality of plans for children in need.")
    rec = extract_text(letter)[0]
    assert rec.focus_areas == ["the response to children at risk of exploitation",
                               "the quality of return home interviews"]
    # with no list, the prose focus still counts
    rec = extract_text(_RECENT.format(extra="", focus="Inspectors looked at the response to children at risk "
                                      "of exploitation.", improve="- The quality of plans."))[0]
    assert rec.focus_areas == ["response to children at risk of exploitation"]


def test_improvement_items_wrapped_without_bullets_or_blank_lines() -> None:
    """Items pasted from a PDF: no bullets, each a sentence wrapped over lines, a blank line only after
    the list; every sentence ends at a line end, so each sentence is one item."""
    improve = ("The timeliness of initial child protection conferences for the children who are\n"
               "newly referred to the service.\n"
               "The quality of plans for children in need, so that they say what\n"
               "will happen if things do not improve.\n"
               "Managers' oversight of supervision.")
    rec = extract_text(_RECENT.format(extra="", focus="Inspectors looked at children in need.", improve=improve))[0]
    assert rec.recommendations == [
        "The timeliness of initial child protection conferences for the children who are newly referred to the "
        "service.",
        "The quality of plans for children in need, so that they say what will happen if things do not improve.",
        "Managers' oversight of supervision."]
    # a wrapped prose paragraph (a sentence ends mid-line) stays one item
    prose = ("Leaders should improve the timeliness of conferences. This is because too many\n"
             "children wait for help.\n"
             "Plans are improving.")
    rec = extract_text(_RECENT.format(extra="", focus="Inspectors looked at children in need.", improve=prose))[0]
    assert len(rec.recommendations) == 1


def test_short_first_line_of_a_wrapped_item_is_not_a_heading() -> None:
    """A hard-wrapped item whose first line is short and unpunctuated ('The timeliness of conferences for
    children who') runs on in lower case: it is an item, not a heading ending the section."""
    improve = ("The timeliness of conferences for children who\n"
               "are newly referred.\n"
               "\n"
               "The quality of plans for children in need.")
    rec = extract_text(_RECENT.format(extra="", focus="Inspectors looked at children in need.", improve=improve))[0]
    assert rec.recommendations == ["The timeliness of conferences for children who are newly referred.",
                                   "The quality of plans for children in need."]


def test_opening_naming_two_councils_takes_the_addressed_one() -> None:
    """A company or trust (invented) serving two councils: the opening names both, the address block one."""
    letter = """14 May 2024

Ms Ann Rowe
Director of Children's Services
Wokingham Borough Council
Shute End
Wokingham

Dear Ms Rowe

Monitoring visit to Thames Valley Children First

This letter summarises the findings of the monitoring visit to Thames Valley Children First, which delivers children's services for Reading and Wokingham, on 2 and 3 April 2024. The visit was carried out by His Majesty's Inspectors Carol Ashdown and Peter Lyle.

Yours sincerely

Carol Ashdown
His Majesty's Inspector
"""
    assert extract_text(letter)[0].authority == "Wokingham"
    # one council in the opening: it stands, whatever the address block says
    assert extract_text(letter.replace("for Reading and Wokingham", "for Reading"))[0].authority == "Reading"


_ADDRESS_AFTER_BODY = """Dear Ms Monero
Focused visit to North Northamptonshire children's services
This letter summarises the findings of the focused visit to North Northamptonshire
children's services on 1 and 2 October 2024. His Majesty's Inspectors for this visit were
Jenny Scotland and Russel Breyer.
Inspectors looked at the local authority's arrangements for care leavers aged 18 to 25.
Inspectors considered the support for former unaccompanied asylum-seeking children and
those who are parents.
Ofsted
Piccadilly Gate
Store Street
Manchester
M1 2WD
T 0300 123 1231
enquiries@ofsted.gov.uk

31 October 2024

Charisse Monero
Executive Director of Children's Services
Municipal Offices
Kettering
NN15 7QX

2

Care leavers are well supported.

Yours sincerely

Jenny Scotland
His Majesty's Inspector
"""


def test_address_block_read_with_a_late_letterhead_is_the_recipient() -> None:
    """Nothing above 'Dear': the text layer put the letterhead, its date and the address block after
    page 1's body; the block below the date is the recipient."""
    (rec,) = extract_text(_ADDRESS_AFTER_BODY)
    assert rec.letter_date == "2024-10-31"
    assert rec.recipient is not None
    assert (rec.recipient.name, rec.recipient.title, rec.recipient.honorific) == (
        "Charisse Monero", "Executive Director of Children's Services", "Ms")


def test_a_later_focus_sentence_without_also_details_the_area() -> None:
    (rec,) = extract_text(_ADDRESS_AFTER_BODY)
    assert rec.focus_areas == ["care leavers aged 18 to 25"]


def test_a_covid_period_visit_names_the_study_as_its_focus() -> None:
    """2020-21 visits name no area of practice, only the chief inspector's study they served."""
    letter = _ADDRESS_AFTER_BODY.replace(
        "Inspectors looked at the local authority's arrangements for care leavers aged 18 to 25.\n"
        "Inspectors considered the support for former unaccompanied asylum-seeking children and\nthose who are parents.\n",
        "Her Majesty's Chief Inspector of Education, Children's Services and Skills is leading\nOfsted's work into how "
        "England's social care system has delivered child-centred practice\nduring the COVID-19 (coronavirus) "
        "pandemic.\n")
    (rec,) = extract_text(letter)
    assert rec.focus_areas == ["how England's social care system has delivered child-centred practice during the "
                               "COVID-19 (coronavirus) pandemic"]


def test_the_recipients_name_keeps_its_typographic_apostrophe() -> None:
    """A joint letter's first addressee, printed "O’Brien": the name is kept as printed, as inspectors' are."""
    text = ("2 August 2016\n"
            "Collette O’Brien, Director of Children’s Services, Liverpool City Council\n"
            "Jane Kennedy, Police and Crime Commissioner\n\n"
            "Dear local partnership\n\n"
            "Joint targeted area inspection of the multi-agency response to abuse and neglect in Liverpool\n\n"
            "Between 20 and 24 June 2016, Ofsted, the Care Quality Commission (CQC), HMI Constabulary (HMIC) and "
            "HMI Probation undertook a joint inspection of the multi-agency response to abuse and neglect.\n\n"
            "Yours sincerely\n\nEleanor Schooling\nNational Director, Social Care\n")
    (rec,) = extract_text(text)
    assert rec.recipient is not None and rec.recipient.name == "Collette O’Brien"


def test_a_metropolitan_boroughs_style_is_not_part_of_its_name() -> None:
    """Joint letters name the area as "South Tyneside Metropolitan Borough" (no "Council" after it)."""
    from ofsted_kg.extract import fields

    for text, name in (("multi-agency response to abuse and neglect in South Tyneside Metropolitan Borough.\n",
                        "South Tyneside"),
                       ("the response to neglect in the Metropolitan Borough of Wirral.\n", "Wirral"),
                       ("a visit to Wigan Metropolitan Borough Council.\n", "Wigan"),
                       ("Focused visit to Hartlepool Borough children's services\n", "Hartlepool"),
                       ("Focused visit to Bedford Borough children's services\n", "Bedford Borough")):
        found = fields.authority(text, [(0, len(text))])
        assert found is not None and found.value == name, (text, found)


# Text forms of real PDFs (pdftotext, pdfminer, pymupdf4llm) print a letter's header differently from
# the PDF's own text layer; the letters below are shaped as those converters print them.
_ONE_LINE_HEADER = """Ofsted Piccadilly Gate T 0300 123 1231 Store Street Manchester M1 2WD www.gov.uk/ofsted

{header}

Dear {salutation}

# **Focused visit to {council} children's services**

This letter summarises the findings of the focused visit to {council} children's services on 1 and 2
October 2024. His Majesty's Inspectors for this visit were Carol Ashdown and Peter Lyle.

Yours sincerely

Carol Ashdown
His Majesty's Inspector
"""


def _header(header: str, salutation: str, council: str):  # type: ignore[no-untyped-def]
    recs = extract_text(_ONE_LINE_HEADER.format(header=header, salutation=salutation, council=council))
    assert len(recs) == 1
    return recs[0]


def test_a_title_on_one_line_with_its_address_ends_where_the_address_starts() -> None:
    rec = _header("31 October 2024\n\nCharisse Monero Executive Director of Children's Services Municipal Offices "
                  "Bowling Green Road Kettering NN15 7QX", "Ms Monero", "North Northamptonshire")
    assert (rec.recipient.name, rec.recipient.title) == ("Charisse Monero", "Executive Director of Children's Services")
    rec = _header("31 October 2024\n\nJo Bloggs Director of Children's Services Room 115 Civic Centre Leeds LS2 8NZ",
                  "Ms Bloggs", "Leeds")
    assert rec.recipient.title == "Director of Children's Services"
    rec = _header("31 October 2024\n\nJo Bloggs Director of Children's Services Children's Services Directorate "
                  "The Civic Centre Leeds LS2 8NZ", "Ms Bloggs", "Leeds")
    assert rec.recipient.title == "Director of Children's Services"


def test_an_address_block_on_the_dates_line_and_a_name_with_no_title() -> None:
    rec = _header("23 August 2019 Karen Dolton Executive Director, Children, Young People and Culture Bury Council "
                  "3 Knowsley Place Duke Street Bury BL9 0EJ", "Ms Dolton", "Bury")
    assert str(rec.letter_date) == "2019-08-23"
    assert (rec.recipient.name, rec.recipient.title) == ("Karen Dolton", "Executive Director, Children, Young People and Culture")
    rec = _header("12 January 2026\n\nSue Butcher Slough Borough Council Observatory House 25 Windsor Road Slough SL1 2EL",
                  "Sue", "Slough")
    assert rec.recipient.name == "Sue Butcher"


def _joint_letter(signers: str):  # type: ignore[no-untyped-def]
    """A joint targeted area inspection letter to Leeds signed by `signers` (the block as a converter gives it)."""
    text = _ONE_LINE_HEADER.format(header="12 March 2019\n\nJo Bloggs\nDirector of Children's Services\nLeeds City Council",
                                   salutation="Ms Bloggs", council="Leeds")
    text = text.replace("# **Focused visit to Leeds children's services**",
                        "Joint targeted area inspection of the multi-agency response to abuse and neglect in Leeds")
    return extract_text(text.replace("Carol Ashdown\nHis Majesty's Inspector\n", signers))[0]


def test_joint_signers_printed_side_by_side_with_one_space_and_br_line_breaks() -> None:
    signers = ("<!-- Start of picture text -->\nOfsted Care Quality Commission<br>Yvette Stanley  Ursula Gallagher<br>"
               "National Director, Social Care  Deputy Chief Inspector<br>HMI Constabulary HMI Probation<br>"
               "Wendy Williams  Helen Davies<br>Her Majesty's Inspector of Constabulary  Assistant Chief Inspector"
               "<br><!-- End of picture text -->\n")
    rec = _joint_letter(signers)
    assert {"Yvette Stanley", "Ursula Gallagher", "Wendy Williams", "Helen Davies"} <= set(rec.inspectors)
    assert rec.signatory == "Yvette Stanley"
    assert not any(" " in n and len(n.split()) >= 4 for n in rec.inspectors)


def test_a_framework_named_for_an_earlier_inspection_is_not_the_letters() -> None:
    """A joint letter (jtai-007) names the ILACS focused visit it follows up; a focused visit names the
    framework it was carried out under."""
    earlier = ("Local authority leaders have addressed the findings from previous inspections, particularly "
               "the inspection of local authority children's services (ILACS) focused visit in July 2018.")
    own = "This visit was carried out in line with the inspection of local authority children's services (ILACS) framework."
    def framework(body: str) -> str | None:
        recs = extract_text(_LETTER.format(head="", tail="").replace("Yours sincerely", body + "\n\nYours sincerely"))
        return recs[0].framework

    assert framework(earlier) is None
    assert framework(earlier + "\n\n" + own) == "ILACS"


def test_an_unbulleted_item_whose_first_line_looks_like_a_heading_goes_on() -> None:
    """Bullets lost (OCR), items as paragraphs: "Senior managers should embed the use of comprehensive
    performance" is a short capitalised line with no full stop, but the two lower-case lines under it go on."""
    body = ("What needs to improve in this area of social work practice\n\n"
            "The quality and frequency of case management oversight needs to be improved.\n\n"
            "Senior managers should embed the use of comprehensive performance\n"
            "management information and quality assurance work, in particular audit and user\n"
            "feedback, to support ongoing improvement.\n\n"
            "Senior managers should review cases of children becoming looked after in an\n"
            "emergency.\n\nFindings\n\nContacts are progressed in a timely manner.")
    recs = extract_text(_LETTER.format(head="", tail="").replace("Yours sincerely", body + "\n\nYours sincerely"))
    assert [r[:40] for r in recs[0].recommendations] == [
        "The quality and frequency of case manage", "Senior managers should embed the use of ",
        "Senior managers should review cases of c"]


def test_a_letter_pasted_from_its_opening_sentence_keeps_the_first_lines_facts() -> None:
    """A letter copied from a web page without its address block or "Dear ...": the first line is the
    opening sentence, not a salutation, and its facts are read."""
    text = ("This letter summarises the findings of the monitoring visit to Rochdale children's services on 3 and 4 "
            "May 2022. This was the third monitoring visit since the local authority was judged inadequate in "
            "March 2021. His Majesty's Inspectors for this visit were Ann Lowe and Mark Reeves.\n\n"
            "Areas covered by the visit\n\nInspectors reviewed the quality of plans for children in care.\n")
    (rec,) = extract_text(text)
    assert (rec.authority, rec.visit_start, rec.visit_end, rec.visit_sequence) == ("Rochdale", "2022-05-03", "2022-05-04", 3)
    assert rec.previous_judgement is not None
    assert (rec.previous_judgement.grade, rec.previous_judgement.date) == ("inadequate", "2021-03")
    assert rec.inspectors == ["Ann Lowe", "Mark Reeves"]


def test_an_ilacs_letter_to_children_gives_its_grades_and_focus() -> None:
    """Since 2021 an ILACS inspection comes with a letter to the area's children: greeted "To the
    children and young people in ...," (its comma does not run it into the title), with the grades in a
    table that is no finding."""
    text = ("To the children and young people in Rutland,\n\nInspection of children's services\n\n"
            "In May 2023, a team of four Ofsted inspectors visited Rutland. They looked at how workers help "
            "and protect children and young people.\n\nWhat grades did inspectors give the local authority?\n\n"
            "Judgement Grade\nThe impact of leaders on social work practice with children and families Good\n"
            "The experiences and progress of children who need help and protection Good\n"
            "The experiences and progress of children in care Requires improvement to be good\n"
            "The experiences and progress of care leavers Good\nOverall effectiveness Good\n\n"
            "Inspectors found that workers know children well.\n\nYours sincerely\n\nAnn Lowe\n")
    (rec,) = extract_text(text)
    assert (rec.kind, rec.authority, rec.visit_type) == ("letter", "Rutland", "inspection")
    assert [(j.area, j.grade) for j in rec.judgements][-2:] == [
        ("The experiences and progress of care leavers", "good"), ("Overall effectiveness", "good")]
    assert [j.grade for j in rec.judgements][2] == "requires improvement to be good"
    assert rec.focus_areas == ["how workers help and protect children and young people"]
    assert [f.text for f in rec.findings][-1] == "Inspectors found that workers know children well."
    assert not any("Overall effectiveness" in f.text for f in rec.findings)


def test_an_area_send_letter_pasted_from_its_opening_sentence() -> None:
    """An area SEND letter copied onto a web page below its subject line, without its address block: the
    joint inspection's opening sentence starts the letter, its dates come before the cue, and the subject
    line names no addressee."""
    text = ("Joint local area SEND inspection in Exampleshire\n\n"
            "Between 4 March 2019 and 8 March 2019, Ofsted and the Care Quality Commission (CQC) conducted a joint "
            "inspection of the local area of Wiltshire to judge how well the area meets the needs of children "
            "with SEND.\n\nThe inspection was led by one of Her Majesty's Inspectors from Ofsted.\n")
    (rec,) = extract_text(text)
    assert (rec.authority, rec.visit_start, rec.visit_end) == ("Wiltshire", "2019-03-04", "2019-03-08")
    assert rec.focus_areas == ["how well the area meets the needs of children with SEND"]
    assert rec.recipient is None


def test_an_opening_sentences_dates_before_its_cue_are_the_visits() -> None:
    """ "Between 19 and 21 May 2021, Ofsted and the CQC revisited ... the statement issued on 29 November
    2018": the visit's dates stand before the cue, the later date is another event's."""
    text = ("Between 19 and 21 May 2021, Ofsted and the Care Quality Commission (CQC) revisited the local area of "
            "Wiltshire to decide whether sufficient progress has been made since the written statement of action "
            "issued on 29 November 2018.\n\nThis letter outlines the findings from the revisit.\n")
    (rec,) = extract_text(text)
    assert (rec.visit_start, rec.visit_end) == ("2021-05-19", "2021-05-21")


def test_joint_signers_in_a_markdown_table_whose_cells_stack_lines_with_br() -> None:
    """pymupdf4llm prints a joint letter's signature blocks as a Markdown table, each cell a signer's name
    and title joined by <br>: each cell is a block of its own, not one run of four names and titles."""
    signers = ("|Ofsted|Care Quality Commission|\n|---|---|\n"
               "|<br> <br>Bradley Simmons<br>Regional Director|<br>Sue McMillan<br>Deputy Chief Inspector|\n"
               "|**HMI Constabulary**|**HMI Probation**|\n"
               "|<br> <br>Wendy Williams<br>Her Majesty's Inspector of Constabulary|<br>Helen Davies<br>"
               "Assistant Chief Inspector|\n")
    rec = _joint_letter(signers)
    assert {"Bradley Simmons", "Sue McMillan", "Wendy Williams", "Helen Davies"} <= set(rec.inspectors)
    assert rec.signatory == "Bradley Simmons"


def test_a_letterheads_phone_number_on_its_own_line_is_not_the_recipient() -> None:
    rec = _header("12 January 2024\n\nT 0300 123 1231\nTextphone\n0161 618 8524\nenquiries@ofsted.gov.uk\n\n"
                  "Dr Mac Heath\nDirector of Children's Services\nMilton Keynes City Council", "Dr Heath", "Milton Keynes")
    assert rec.recipient is not None
    assert (rec.recipient.name, rec.recipient.title) == ("Mac Heath", "Director of Children's Services")


def test_a_markdown_improvement_list_with_a_footnote_marker_and_notes_below_items() -> None:
    """pymupdf4llm: the heading carries its footnote marker ("... practice? [1]"), each item's first line
    is followed by a blank line, and an item's closing "(enabler 2, national framework)" stands alone."""
    body = ("**What needs to improve in this area of social work practice?** **[1]**\n\n\n"
            "- The evaluation of quality through audits. (enabler 2, national framework)\n\n\n"
            "- The quality of recording of contacts taken by the council's contact centre.\n\n"
            "(enabler 2, national framework)\n\n\n"
            "- Social worker caseloads, matched to experience and capacity to meet the services\n\n"
            "practice standards. (enabler 3, national framework)\n\n\n**Main findings**\n\n"
            "Improvements have been made through the creation of an integrated front door.\n")
    text = _ONE_LINE_HEADER.replace("Yours sincerely", body + "\nYours sincerely")
    rec = extract_text(text.format(header="12 March 2024\n\nJo Bloggs\nDirector of Children's Services",
                                   salutation="Ms Bloggs", council="Leeds"))[0]
    assert rec.recommendations == [
        "The evaluation of quality through audits. (enabler 2, national framework)",
        "The quality of recording of contacts taken by the council's contact centre. (enabler 2, national framework)",
        "Social worker caseloads, matched to experience and capacity to meet the services practice standards. "
        "(enabler 3, national framework)"]


def _leeds_letter() -> str:
    return _ONE_LINE_HEADER.format(header="31 October 2024\n\nJo Bloggs\nDirector of Children's Services\nLeeds City Council",
                                   salutation="Ms Bloggs", council="Leeds")


def test_a_signers_name_on_the_sign_off_line_or_the_sign_off_after_the_last_sentence() -> None:
    """Text whose paragraphs were joined: "Yours sincerely Carol Ashdown His Majesty's Inspector", even
    run on after the last sentence."""
    base = _leeds_letter()
    signature = "Yours sincerely\n\nCarol Ashdown\nHis Majesty's Inspector"
    assert signature in base
    (rec,) = extract_text(base.replace(signature, "Yours sincerely Carol Ashdown His Majesty's Inspector"))
    assert rec.signatory == "Carol Ashdown" and rec.complete
    (rec,) = extract_text(base.replace("Peter Lyle.\n\n" + signature,
                                       "Peter Lyle. Yours sincerely Carol Ashdown His Majesty's Inspector"))
    assert rec.signatory == "Carol Ashdown" and rec.complete


def test_a_list_heading_run_on_at_a_paragraphs_end_starts_the_list() -> None:
    items = ("Leaders know their services well. What needs to improve in this area of social work practice\n\n"
             "- The timeliness of responses to referrals.\n\n- Partner engagement in strategy discussions.\n\n")
    (rec,) = extract_text(_leeds_letter().replace("Yours sincerely\n", items + "Yours sincerely\n"))
    assert rec.recommendations == ["The timeliness of responses to referrals.", "Partner engagement in strategy discussions."]


def test_a_joint_letters_addressees_run_together_on_the_dates_line() -> None:
    """'14 April 2020 Stuart Gallimore, Director of Children's Services, East Sussex Giles York, Chief
    Constable, Sussex Police ...': the director of children's services is the recipient."""
    header = ("14 April 2020 Jo Tarrant, Chief Executive, Leeds City Council Jo Bloggs, Director of Children's Services, "
              "Leeds Giles Yorke, Chief Constable, West Yorkshire Police Katy Bourne, Police and Crime Commissioner")
    rec = _header(header, "local partnership", "Leeds")
    assert str(rec.letter_date) == "2020-04-14"
    assert (rec.recipient.name, rec.recipient.title) == ("Jo Bloggs", "Director of Children's Services")


def test_a_recipient_with_no_title_before_an_address_that_starts_with_the() -> None:
    rec = _header("9 May 2023\n\nElaine Redding The Town Hall Bridge Street Peterborough PE1 1HF", "Ms Redding",
                  "Peterborough")
    assert rec.recipient.name == "Elaine Redding"


@pytest.mark.parametrize("company", ["Brighter Futures for Children", "Achieving for Children",
                                     "Slough Children First", "Sandwell Children's Trust"])
def test_a_title_ends_where_the_company_running_the_services_starts(company: str) -> None:
    rec = _header(f"12 October 2023\n\nLara Patel Executive Director of Children's Services {company} Civic Offices "
                  "Bridge Street Reading RG1 2LU", "Ms Patel", "Reading")
    assert rec.recipient.title == "Executive Director of Children's Services"
