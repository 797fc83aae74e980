"""Inspection teams: roles beside names, joint letters' signature blocks, places that are not people."""

from __future__ import annotations

import pytest

from ofsted_kg.api import extract_text
from ofsted_kg.extract.context import lines
from ofsted_kg.extract.team import joint_signatories, role_near

HEADERS_ABOVE = """Yours sincerely

Ofsted Care Quality Commission



Eleanor Schooling
National Director, Social Care



Ursula Gallagher
Deputy Chief Inspector

HMI Constabulary HMI Probation


Wendy Williams
Her Majesty's Inspector of Constabulary



Helen Mercer
Assistant Chief Inspector
"""

STACKED = """Yours sincerely

Yvette Stanley
National Director Regulation and Social Care, Ofsted

Dr Sean O'Kelly BSc MB ChB MSc DCH FRCA
Chief Inspector of Health Care, CQC

Michelle Skeer OBE QPM
His Majesty's Inspector of Constabulary
His Majesty's Inspector of Fire & Rescue Services

Martin Jones CBE
His Majesty's Chief Inspector of Probation
"""

COLUMNS = """Yours sincerely

Yvonne Castellane  Dr Samir Quayle
National Director, Regulation and Social Care  Deputy Chief Inspector, Children's Services
Ofsted  Care Quality Commission

Rosalind Thewlis  Bernard Ilsley
His Majesty's Inspector of Constabulary  Assistant Chief Inspector
HMICFRS  HM Inspectorate of Probation
"""


def _signers(block: str) -> list[tuple[str, str | None, str | None]]:
    start = block.index("\n")
    return [(n, r, o) for n, _, _, r, o in joint_signatories(block, lines(block, start, len(block)))]


def test_header_lines_name_the_inspectorates_of_the_blocks_below() -> None:
    assert _signers(HEADERS_ABOVE) == [
        ("Eleanor Schooling", "National Director, Social Care", "Ofsted"),
        ("Ursula Gallagher", "Deputy Chief Inspector", "CQC"),
        ("Wendy Williams", "Her Majesty's Inspector of Constabulary", "HMICFRS"),
        ("Helen Mercer", "Assistant Chief Inspector", "HMI Probation"),
    ]


def test_each_block_names_its_own_inspectorate_and_post_nominals_are_dropped() -> None:
    assert [(n, o) for n, _, o in _signers(STACKED)] == [
        ("Yvette Stanley", "Ofsted"), ("Sean O'Kelly", "CQC"), ("Michelle Skeer", "HMICFRS"),
        ("Martin Jones", "HMI Probation")]


def test_blocks_double_spaced_by_a_converter() -> None:
    """pdfminer puts a blank line after every line of a stacked signature: each title still goes with the
    name above it."""
    double = STACKED.replace("\n\n", "\n").replace("\n", "\n\n").replace("Yours sincerely\n\n", "Yours sincerely\n")
    assert "\nYvette Stanley\n\nNational Director" in double
    assert [(n, o) for n, _, o in _signers(double)] == [
        ("Yvette Stanley", "Ofsted"), ("Sean O'Kelly", "CQC"), ("Michelle Skeer", "HMICFRS"),
        ("Martin Jones", "HMI Probation")]


SIDE_BY_SIDE_DOUBLE_SPACED = """Yours sincerely

Ofsted

Care Quality Commission

Yvette Stanley

Ursula Gallagher

National Director, Social Care

Deputy Chief Inspector

HMI Constabulary and Fire & Rescue HMI Probation
Services

Wendy Williams

Helen Davies

HMI Constabulary and Fire & Rescue
Services

Assistant Chief Inspector
"""


def test_blocks_side_by_side_double_spaced_come_row_after_row() -> None:
    """pdftotext reads two double-spaced blocks side by side a cell a line: both names, then both titles."""
    assert _signers(SIDE_BY_SIDE_DOUBLE_SPACED) == [
        ("Yvette Stanley", "National Director, Social Care", "Ofsted"),
        ("Ursula Gallagher", "Deputy Chief Inspector", "CQC"),
        ("Wendy Williams", "HMI Constabulary and Fire & Rescue Services", "HMICFRS"),
        ("Helen Davies", "Assistant Chief Inspector", "HMI Probation"),
    ]


def test_blocks_side_by_side_in_two_columns() -> None:
    assert _signers(COLUMNS) == [
        ("Yvonne Castellane", "National Director, Regulation and Social Care", "Ofsted"),
        ("Samir Quayle", "Deputy Chief Inspector, Children's Services", "CQC"),
        ("Rosalind Thewlis", "His Majesty's Inspector of Constabulary", "HMICFRS"),
        ("Bernard Ilsley", "Assistant Chief Inspector", "HMI Probation"),
    ]


def test_roles_beside_names() -> None:
    text = ("The inspectors were Steve Lowe, Her\nMajesty's Inspector, and Joy Howick HMI. "
            "Lead inspector: Jane Doe")
    def role(name: str) -> str | None:
        x = text.index(name)
        return role_near(text, x, x + len(name))
    assert role("Steve Lowe") == "Her Majesty's Inspector"
    assert role("Joy Howick") == "HMI"
    assert role("Jane Doe") == "Lead inspector"


JOINT_LETTER = """12 June 2018

Emma Taylor, Director of Children's Services, Cheshire West and Chester local authority

Dear local partnership

Joint targeted area inspection of the multi-agency response to abuse and neglect in Cheshire West and Chester

Between 25 and 29 September 2017, Ofsted, the Care Quality Commission (CQC), Her Majesty's Inspectorate of
Constabulary and Fire & Rescue Services (HMICFRS) and HMI Probation undertook a joint inspection of the
multi-agency response to abuse and neglect in Cheshire West and Chester.

Audit activity was undertaken by the Countess of Chester NHS Hospital Foundation Trust.

Yours sincerely

""" + HEADERS_ABOVE.split("\n", 1)[1]


def test_a_joint_letter_names_every_signer_and_no_place_or_trust_as_an_inspector() -> None:
    rec = extract_text(JOINT_LETTER)[0]
    assert rec.inspectors == ["Eleanor Schooling", "Ursula Gallagher", "Wendy Williams", "Helen Mercer"]
    assert rec.signatory == "Eleanor Schooling"
    assert [m.organisation for m in rec.inspection_team] == ["Ofsted", "CQC", "HMICFRS", "HMI Probation"]


def test_services_named_like_people_are_not_inspectors() -> None:
    letter = ("21 February 2019\n\nJulian Wooster\nDirector of Children's Services\nSomerset County Council\n\n"
              "Dear Mr Wooster\n\nFocused visit to Somerset local authority children's services\n\n"
              "This letter summarises the findings of a focused visit to Somerset local authority children's "
              "services on 29 and 30 January 2019. The inspectors were Steve Lowe, Her Majesty's Inspector, "
              "and Joy Howick, Her Majesty's Inspector, who looked at decisions made within the First Response "
              "Team and the Early Help Hub, as carried out by Somerset.\n\nYours sincerely\n\nSteve Lowe\n"
              "Her Majesty's Inspector\n")
    rec = extract_text(letter)[0]
    assert rec.inspectors == ["Steve Lowe", "Joy Howick"]
    assert [m.role for m in rec.inspection_team] == ["Her Majesty's Inspector", "Her Majesty's Inspector"]


def test_a_surname_that_is_a_country_is_still_a_name() -> None:
    from ofsted_kg.extract.names import find_names
    assert [n for n, _, _ in find_names("His Majesty's Inspectors for this visit were Sophie\nWales and Margaret Burke.")] \
        == ["Sophie\nWales".replace("\n", " "), "Margaret Burke"]


def test_ofsteds_online_survey_is_not_a_person() -> None:
    from ofsted_kg.extract.names import find_names
    text = ("The inspection was led by one of Her Majesty's Inspectors, Ann Lowe. Members of the team considered "
            "481 responses from parents to the online survey, Ofsted Parent View.")
    assert [n for n, _, _ in find_names(text)] == ["Ann Lowe"]


def test_a_sif_reports_team_list_gives_its_inspectors_not_its_analysts() -> None:
    from ofsted_kg.extract.team import team_list
    text = ("The inspection team\nLead inspector: Helen Cawston HMI\nDeputy lead inspector: Janet Fraser HMI\n"
            "Team inspectors: Ali Mekki HMI, Karen Wareing (Contracted Inspector), Louise\nHocking HMI, "
            "Sean Tarpey, Acting Senior HMI, Steve Stanley HMI.\nShadow inspectors: Maire Atherton SCRI\n"
            "Senior data analyst: Judith Swindell\nQuality assurance manager: Carolyn Adcock, Senior HMI\n")
    assert [(n, r) for n, _, _, r in team_list(text, 0, len(text))] == [
        ("Helen Cawston", "lead inspector"), ("Janet Fraser", "deputy lead inspector"),
        ("Ali Mekki", "team inspector"), ("Karen Wareing", "team inspector"), ("Louise Hocking", "team inspector"),
        ("Sean Tarpey", "team inspector"), ("Steve Stanley", "team inspector"), ("Maire Atherton", "shadow inspector")]
    assert team_list("Lead inspector: Tracey Scott\nHer Majesty's Inspector\n", 0, 45) == []


def test_a_joint_letters_areas_for_improvement_are_findings_not_recommendations() -> None:
    letter = JOINT_LETTER.replace(
        "Audit activity was undertaken",
        "Areas for improvement\n\n- Thresholds are not consistently understood and applied across all agencies.\n"
        "- Pathways to early help are not well understood among agencies.\n\nAudit activity was undertaken")
    rec = extract_text(letter)[0]
    assert rec.recommendations == []
    with_list = letter.replace("Areas for improvement\n", "What needs to improve?\n\n- The response to neglect.\n\n"
                               "Areas for improvement\n")
    assert extract_text(with_list)[0].recommendations == ["The response to neglect."]


def test_a_joint_letters_areas_for_improvement_written_as_what_must_improve_are_recommendations() -> None:
    letter = JOINT_LETTER.replace(
        "Audit activity was undertaken",
        "Areas for improvement\n\n- The quality of multi-agency risk assessments for children at risk of "
        "exploitation.\n- Access to emotional and mental health support for children who have been exploited.\n\n"
        "Audit activity was undertaken")
    assert extract_text(letter)[0].recommendations == [
        "The quality of multi-agency risk assessments for children at risk of exploitation.",
        "Access to emotional and mental health support for children who have been exploited."]


def test_a_joint_letters_focus_is_its_subject_or_the_deep_dive_of_a_generic_one() -> None:
    rec = extract_text(JOINT_LETTER)[0]
    # "abuse and neglect" is every 2016-2019 letter's subject: no deep dive named, the subject stands
    assert rec.focus_areas == ["the multi-agency response to abuse and neglect"]
    dived = JOINT_LETTER.replace(
        "Cheshire West and Chester.\n\nAudit",
        "Cheshire West and Chester. This inspection included a 'deep dive' focus on the response to children "
        "living with domestic abuse.\n\nAudit")
    assert extract_text(dived)[0].focus_areas == ["the response to children living with domestic abuse"]
    # the PDF's line broken between "deep" and "dive"
    assert extract_text(dived.replace("'deep dive'", "'deep\ndive'"))[0].focus_areas == [
        "the response to children living with domestic abuse"]
    titled = JOINT_LETTER.replace("abuse and neglect in Cheshire West and Chester\n",
                                  "children who are victims of domestic abuse in Cheshire West and Chester\n", 1)
    assert extract_text(titled)[0].focus_areas == [
        "the multi-agency response to children who are victims of domestic abuse"]


def test_names_as_printed_and_the_text_layers_slips() -> None:
    letter = JOINT_LETTER.replace("Eleanor Schooling\n", "EleanorSchooling\n").replace(
        "Helen Mercer\n", "Dr Helen O’Mercer BSc MB ChB\n").replace(
        "Audit activity was undertaken by", "Improvement work was led by West Midlands Police and")
    rec = extract_text(letter)[0]
    assert rec.inspectors == ["Eleanor Schooling", "Ursula Gallagher", "Wendy Williams", "Helen O’Mercer"]


def test_team_label_with_a_note_and_a_name_broken_at_its_hyphen() -> None:
    from ofsted_kg.extract.team import team_list
    text = ("Lead inspector: Jansy Kelly HMI\nDeputy lead inspector: Brendan Parkinson HMI\n"
            "Team inspectors (all HMI unless otherwise stated): Dominic Porter-\nMoore, Deane Jennings (Associate "
            "Inspector)\nand Teresa Lavelle-Hill (Associate Inspector)\nQuality assurance manager: Jo Bloggs\n")
    assert [n for n, *_ in team_list(text, 0, len(text))] == [
        "Jansy Kelly", "Brendan Parkinson", "Dominic Porter-Moore", "Deane Jennings", "Teresa Lavelle-Hill"]



def test_a_grade_in_brackets_after_a_team_members_name_is_not_part_of_it() -> None:
    """"Mary Candlin (OI)": an Ofsted Inspector among HMI, the bracket wrapped onto the next line."""
    from ofsted_kg.extract.team import team_list
    text = ("Lead inspector: Louise Warren\nDeputy lead inspector: Marcie Taylor\n"
            "Team inspectors: Brenda McInerney, Jon Bowman, Mary Candlin \n(OI) \nSenior data analyst: Philip Noden\n")
    assert [n for n, *_ in team_list(text, 0, len(text))] == [
        "Louise Warren", "Marcie Taylor", "Brenda McInerney", "Jon Bowman", "Mary Candlin"]

def test_the_director_of_childrens_services_is_the_recipient_among_a_joint_letters_addressees() -> None:
    letter = JOINT_LETTER.replace(
        "Emma Taylor, Director of Children's Services, Cheshire West and Chester local authority\n",
        "Tom McCabe, Chief Executive Officer, Cheshire West and Chester Council\n"
        "Emma Taylor OBE, Executive Director Children's Services, Cheshire West and Chester Council\n"
        "Paul Sanford, Chief Constable, Cheshire Constabulary\n")
    rec = extract_text(letter)[0]
    assert rec.recipient is not None and rec.recipient.name == "Emma Taylor"


def test_signature_images_read_by_ocr_between_the_blocks_do_not_end_the_letter() -> None:
    """A scanned joint letter: OCR reads each handwritten signature as a short run of letters."""
    scanned = STACKED.replace("Yours sincerely\n", "Yours sincerely\n\n} ,\nLom |S\n").replace(
        "\nDr Sean", "\nU. Gutlo-duss.\n\nDr Sean").replace(
        "\nMichelle Skeer", "\nWeererea\n\nMichelle Skeer").replace("\nMartin Jones", "\nMmaswn Jar?\n\nMartin Jones")
    rec = extract_text(JOINT_LETTER.split("Yours sincerely")[0] + scanned)[0]
    assert rec.inspectors == ["Yvette Stanley", "Sean O'Kelly", "Michelle Skeer", "Martin Jones"]
    assert [m.organisation for m in rec.inspection_team] == ["Ofsted", "CQC", "HMICFRS", "HMI Probation"]


# pdftotext -layout: the second column's block set a row lower than the first's
OFFSET_COLUMNS = """Yours sincerely

 Ofsted                                           Care Quality Commission

 Yvette Stanley                                   Ursula Gallagher
 National Director, Social Care                   Deputy Chief Inspector
 HMI Constabulary                                 HMI Probation

 Wendy Williams
 Her Majesty's Inspector of Constabulary          Helen Davies
                                                  Assistant Chief Inspector
"""


def test_blocks_in_columns_set_off_by_a_row() -> None:
    assert _signers(OFFSET_COLUMNS) == [
        ("Yvette Stanley", "National Director, Social Care", "Ofsted"),
        ("Ursula Gallagher", "Deputy Chief Inspector", "CQC"),
        ("Wendy Williams", "Her Majesty's Inspector of Constabulary", "HMICFRS"),
        ("Helen Davies", "Assistant Chief Inspector", "HMI Probation")]


def test_a_signature_read_by_ocr_is_not_a_signer() -> None:
    """"Ak Crt U. Catlodnss" and "L Onan" are handwriting read as letters; "Fiona J Millns" and "Sean
    O'Kelly" are names."""
    block = STACKED.replace("\nYvette Stanley", "\nAk Crt U. Catlodnss\n\nYvette Stanley").replace(
        "\nMichelle Skeer", "\nL Onan\n\nMichelle Skeer").replace("Martin Jones CBE", "Fiona J Millns")
    assert [n for n, _, _ in _signers(block)] == ["Yvette Stanley", "Sean O'Kelly", "Michelle Skeer", "Fiona J Millns"]


def test_ocr_signature_blocks_with_scrawls_and_a_wrapped_title_keep_every_signer() -> None:
    """Read back by OCR: a scrawl ending in a full stop inside the first blocks' paragraph, the last word
    of a title wrapped onto a line of its own, then a two-line scrawl before the next signers."""
    sign_off = ("Yours sincerely\n\nOfsted\nCare Quality Commission\nU. Gablo-diss.\nYvette Stanley\n"
                "National Director, Social Care\nUrsula Gallagher\nDeputy Chief Inspector\n"
                "HMI Constabulary and Fire & Rescue\n\nServices\n\nAQudy 8 ENR ROO\n— CUKCQ\n\n"
                "Wendy Williams\nHMI Constabulary and Fire & Rescue Services\n\nHelen Davies\n"
                "Assistant Chief Inspector, HMI Probation\n")
    rec = extract_text(JOINT_LETTER.split("Yours sincerely")[0] + sign_off)[0]
    assert rec.inspectors == ["Yvette Stanley", "Ursula Gallagher", "Wendy Williams", "Helen Davies"]


@pytest.mark.parametrize("scraps", ["Services\n\nZs wd nr LD ds a . “TY — » c\nCc 4",
                                    "LO ma Fld. Wow\n; aa | — wS VLIOARKC\n—"])
def test_ocr_scraps_that_look_like_a_copy_list_or_run_over_three_lines_and_names_glued_together(scraps: str) -> None:
    """"Cc 4" is a scrawl, not a copy list; a scrawl may run over three lines; "YvetteStanley Ursula
    Gallagher" is two signers, the first with her space lost."""
    sign_off = ("Yours sincerely\n\nOfsted Care Quality Commission\nUL. Cablo-das.\n&\nYvetteStanley Ursula Gallagher\n"
                "National Director, Social Care Deputy Chief Inspector\n\n"
                f"HMI Constabulary and Fire & Rescue | HMI Probation\n\n{scraps}\n\n"
                "Wendy Williams Helen Davies\n\nHMI Constabulary and Fire & Rescue Assistant Chief Inspector\n")
    rec = extract_text(JOINT_LETTER.split("Yours sincerely")[0] + sign_off)[0]
    assert rec.inspectors == ["Yvette Stanley", "Ursula Gallagher", "Wendy Williams", "Helen Davies"]


def _joined(block: str) -> str:
    """`block` as a converter that joins each text block's lines prints it: one line per signer."""
    head, _, rest = block.partition("\n\n")
    return head + "\n\n" + "\n\n".join(" ".join(p.split("\n")) for p in rest.strip().split("\n\n")) + "\n"


def test_a_signers_block_joined_into_one_line_keeps_name_title_and_inspectorate() -> None:
    """'Dr Sean O'Kelly BSc MB ChB MSc DCH FRCA Chief Inspector of Health Care, CQC': the name, its
    post-nominals dropped, then the title, as paragraph-per-line text prints a stacked block."""
    joined = _joined(STACKED)
    assert "\nMichelle Skeer OBE QPM His Majesty's Inspector of Constabulary His Majesty's" in joined
    assert _signers(joined) == [
        ("Yvette Stanley", "National Director Regulation and Social Care, Ofsted", "Ofsted"),
        ("Sean O'Kelly", "Chief Inspector of Health Care, CQC", "CQC"),
        ("Michelle Skeer", "His Majesty's Inspector of Constabulary His Majesty's Inspector of Fire & Rescue Services",
         "HMICFRS"),
        ("Martin Jones", "His Majesty's Chief Inspector of Probation", "HMI Probation")]
    # headers above the blocks still give the inspectorates of blocks whose titles name none
    assert [(n, o) for n, _, o in _signers(_joined(HEADERS_ABOVE))] == [
        ("Eleanor Schooling", "Ofsted"), ("Ursula Gallagher", "CQC"), ("Wendy Williams", "HMICFRS"),
        ("Helen Mercer", "HMI Probation")]


def test_two_signers_blocks_joined_into_one_line() -> None:
    line = ("Yours sincerely\n\nYvette Stanley National Director Regulation and Social Care, Ofsted Rosie Benneyworth "
            "Chief Inspector of Primary Medical Services and Integrated Care, Care Quality Commission\n\n"
            "Wendy Williams, CBE Her Majesty's Inspector of Constabulary and Fire & Rescue Services\n")
    assert _signers(line) == [
        ("Yvette Stanley", "National Director Regulation and Social Care, Ofsted", "Ofsted"),
        ("Rosie Benneyworth", "Chief Inspector of Primary Medical Services and Integrated Care, Care Quality Commission",
         "CQC"),
        ("Wendy Williams", "Her Majesty's Inspector of Constabulary and Fire & Rescue Services", "HMICFRS")]
