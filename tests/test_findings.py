"""Findings: units, polarity and themes, measured against hand labels of the seed letters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import RDF
from typer.testing import CliRunner

from ofsted_kg.api import build_letters, extract_file, extract_text
from ofsted_kg.cli.app import app
from ofsted_kg.extract.findings import POLARITIES, heading_polarity
from ofsted_kg.extract.normalise import normalise
from ofsted_kg.findings_eval import score_findings
from ofsted_kg.graph.vocab import OKG

from .conftest import EXAMPLES

LABELS = Path(__file__).parent / "fixtures" / "findings_labels.json"
runner = CliRunner()
# a focused visit letter's head, up to its findings
_HEAD = ("1 May 2020\n\nJo Bloggs\nDirector of Children's Services\nKent County Council\n\nDear Jo\n\n"
         "Focused visit to Kent children's services\n\nThis letter summarises the findings of the focused "
         "visit to Kent children's services on 1 and 2 April 2020. His Majesty's Inspectors for this visit "
         "were Ann Lee and Bo Chan.\n\n")


def test_findings_against_hand_labels() -> None:
    scores = score_findings(LABELS, EXAMPLES).as_dict()
    print(json.dumps(scores, indent=1))
    assert scores["units"]["gold"] == sum(len(v) for v in json.loads(LABELS.read_text())["letters"].values())
    assert scores["units"]["precision"] >= 0.9 and scores["units"]["recall"] >= 0.9
    assert scores["polarity"]["accuracy"] >= 0.8
    assert scores["themes"]["precision"] >= 0.5 and scores["themes"]["recall"] >= 0.5


def test_findings_against_held_out_labels() -> None:
    """Labels made on synthetic letters the rules were not tuned on: the honest figure."""
    held_out = Path(__file__).parent / "fixtures" / "findings_labels_heldout.json"
    scores = score_findings(held_out, Path(__file__).parent / "golden" / "letters").as_dict()
    print(json.dumps(scores, indent=1))
    assert scores["units"]["gold"] == 134
    assert scores["units"]["f1"] >= 0.9
    assert scores["polarity"]["accuracy"] >= 0.7
    assert scores["themes"]["f1"] >= 0.6


def test_warwickshire_2018_has_six_recommendations() -> None:
    rec = extract_file(EXAMPLES / "004_2067af35a111929a.txt")[0]
    recs = [f for f in rec.findings if f.polarity == "recommendation"]
    assert len(recs) == 6
    assert all(f.section.startswith("What needs to improve") for f in recs)
    assert recs[0].text.startswith("Ensure children are allocated a frontline social worker")


def test_2010_unannounced_inspection_sections_set_polarity() -> None:
    rec = extract_file(EXAMPLES / "003_807445bb4780ee5e.txt")[0]
    by_section: dict[str, set[str]] = {}
    for f in rec.findings:
        by_section.setdefault(f.section, set()).add(f.polarity)
    assert by_section["Strengths"] == {"strength"}
    assert by_section["Satisfactory practice"] == {"satisfactory"}
    assert by_section["Areas for development"] == {"area for improvement"}
    assert by_section["Area for priority action"] == {"area for priority action"}
    assert sum(1 for f in rec.findings if f.section == "Areas for development") == 8


def test_priority_action_paragraph_is_one_unit_and_procedure_goes_on_to_its_paragraph_end() -> None:
    rec = extract_file(EXAMPLES / "003_807445bb4780ee5e.txt")[0]
    priority = [f.text for f in rec.findings if f.polarity == "area for priority action"]
    assert len(priority) == 1
    assert priority[0].startswith("Following the Joint Area Review in 2008")
    assert priority[0].endswith("to ensure the well-being of the child involved.")
    # the second sentence of the procedural "In addition, it is considered by Ofsted ..." paragraph
    assert not any("performs poorly" in f.text for f in rec.findings)


def test_a_procedural_paragraphs_later_sentences_are_not_findings() -> None:
    text = (_HEAD + "Findings\n\nCaseloads are too high for many social workers.\n\n"
            "We have determined that the local authority is not yet meeting its duties. This means a further "
            "visit will take place within six months.\n\nYours sincerely\n\nAnn Lee\n")
    texts = [f.text for f in extract_text(text)[0].findings]
    assert texts == ["Caseloads are too high for many social workers."]


def test_after_procedure_a_sentence_with_a_new_subject_is_a_finding_again() -> None:
    """Procedure covers only the sentences that lean on it ("They ...", "However, ..."): where paragraphs are
    lost (a letter on one line, or a text layer without paragraph gaps) the rest of the section is findings."""
    text = (_HEAD + "Findings\n\nInspectors met with a group of parents. They also spoke "
            "to managers. However, inspectors used video calls. One parent described the group as life changing. "
            "Caseloads are too high for many social workers.\n\nYours sincerely\n\nAnn Lee\n")
    texts = [f.text for f in extract_text(text)[0].findings]
    assert texts == ["One parent described the group as life changing.", "Caseloads are too high for many social workers."]


@pytest.mark.parametrize("sentence", [
    "Both inspectors were on site and held face-to-face discussions with some local authority staff.",
    "The methodology for this visit was in line with the inspection of local authority children's services framework.",
    "We have notified the Department for Education of the areas for priority action.",
    "You should submit an action plan that responds to these areas within 70 working days of receiving this letter.",
    "It would be very helpful if you can share an early draft of the action plan with us within 20 working days.",
    "The JTAI looked at how all local agencies are working together to protect children.",
])
def test_method_and_next_steps_sentences_after_a_finding_are_not_findings(sentence: str) -> None:
    text = (_HEAD + f"Findings\n\nCaseloads are too high. {sentence}\n\nYours sincerely\n\nAnn Lee\n")
    assert [f.text for f in extract_text(text)[0].findings] == ["Caseloads are too high."]


def test_grade_descriptors_back_page_asides_and_cross_references_are_not_findings() -> None:
    """A SIF report's closing pages (the grade descriptors under a wrapped heading, the complaints and email
    lines), a naming note inside a paragraph of findings, and a "(Recommendation)" split off a sentence."""
    text = (_HEAD + "Findings\n\nSchools identify neglect early. This group of children "
            "will be referred to as 'older children' for the purpose of this letter. Partners share a strong "
            "commitment to tackling neglect.\n\nIn weaker cases, strategy meetings lacked clarity about actions.\n"
            "(Recommendation).\n\nWhat the inspection judgements mean: the local\nauthority\n\nAn outstanding "
            "local authority leads highly effective services for children.\nThe welfare of looked after children "
            "is safeguarded and promoted.\n\nAny complaints about the inspection or the report should be made "
            "following the procedures set out in the guidance.\n\nYours sincerely\n\nAnn Lee\n")
    texts = [f.text for f in extract_text(text)[0].findings]
    assert texts == ["Schools identify neglect early.", "Partners share a strong commitment to tackling neglect.",
                     "In weaker cases, strategy meetings lacked clarity about actions."], texts


def test_a_section_saying_it_has_nothing_is_not_a_finding() -> None:
    """A SIF report's LSCB section: "Priority and immediate action / There are no priority actions." is not
    a priority action."""
    text = (_HEAD + "Findings\n\nSchools identify neglect early.\n\n"
            "Priority and immediate action\n\nThere are no priority actions.\n\nAreas for improvement\n\n"
            "None.\n\nYours sincerely\n\nAnn Lee\n")
    findings = extract_text(text)[0].findings
    assert [f.text for f in findings] == ["Schools identify neglect early."]


def test_an_areas_for_improvement_item_saying_what_should_be_done_is_a_recommendation_in_a_report() -> None:
    """In a SIF report's "Areas for improvement" list an item saying what should be done is a recommendation;
    in a letter's (joint letters' lists) every item is an area for improvement."""
    from ofsted_kg.extract.findings import heading_polarity

    text = (_HEAD + "Areas for improvement\n\n"
            "\u2022 Managers should offer appropriate challenge to social workers about their case work.\n"
            "\u2022 Pathway plans for care leavers are not updated when their circumstances change.\n\n"
            "Yours sincerely\n\nAnn Lee\n")
    got = {f.text[:20]: f.polarity for f in extract_text(text)[0].findings}
    assert got == {"Managers should offe": "area for improvement", "Pathway plans for ca": "area for improvement"}
    assert heading_polarity("Areas for improvement", "The response needs to be improved.", report=True) == "recommendation"
    assert heading_polarity("Areas for improvement", "The response needs to be improved.") == "area for improvement"
    assert heading_polarity("Strengths", "Leaders should be proud.", report=True) == "strength"
    assert heading_polarity("Main findings", "Leaders should act.", report=True) is None
    rec = extract_file(Path(__file__).parent / "golden" / "heldout" / "documents" / "ilacs-004.pdf")[0]
    items = [f for f in rec.findings if f.section == "Areas for improvement"]
    assert any(f.polarity == "recommendation" and " should " in f.text for f in items)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_finding_node_is_verbatim_polar_and_themed_or_marked(path: Path) -> None:
    result = build_letters([path])
    clean = re.sub(r"\s+", " ", normalise(path.read_text(encoding="utf-8")).text)
    graph = next(g for g in result.dataset.graphs() if (g.identifier, RDF.type, OKG.Document) in g)
    findings = list(graph.subjects(RDF.type, OKG.Finding))
    assert len(findings) >= 10
    for f in findings:
        text = str(graph.value(f, OKG.text))
        assert text in clean, text
        assert graph.value(f, OKG.polarity) is not None
        assert any(graph.objects(f, OKG.theme)) or graph.value(f, OKG.unthemed) is not None
        assert graph.value(f, OKG.textStart) is not None and graph.value(f, OKG.textEnd) is not None


def test_findings_skip_what_is_not_a_finding() -> None:
    rec = extract_file(EXAMPLES / "000_5f08dc2b8cd356b2.txt")[0]
    texts = " ".join(f.text for f in rec.findings)
    for not_a_finding in ("This letter summarises", "Her Majesty's Inspectors Andrew Waugh",
                          "A range of evidence", "I would like to take this opportunity", "copying this letter",
                          "Inspectors evaluated the local authority's arrangements"):
        assert not_a_finding not in texts
    assert all(f.polarity in POLARITIES for f in rec.findings)


def test_bullets_are_one_unit_and_quotes_are_not_split() -> None:
    text = (_HEAD + "Findings\n\n- Caseloads are too high. Staff turnover is high.\n"
            "- Leaders said 'we know. We are acting.' Plans are improving.\n\nYours sincerely\n\nAnn Lee\n")
    rec = extract_text(text)[0]
    assert [f.text for f in rec.findings] == ["Caseloads are too high. Staff turnover is high.",
                                              "Leaders said 'we know. We are acting.' Plans are improving."]


def test_themes_command_lists_unthemed_findings() -> None:
    result = runner.invoke(app, ["themes", "--unthemed", "--format", "json", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert all(r["text"] and r["polarity"] in POLARITIES for r in rows)
    summary = runner.invoke(app, ["themes", "--format", "json", str(EXAMPLES)])
    counts = json.loads(summary.stdout)
    assert sum(c["findings"] for c in counts if c["theme"] == "(unthemed)") == len(rows)


def test_findings_by_theme_are_library_calls_the_command_prints() -> None:
    from ofsted_kg.api import extract_letters
    from ofsted_kg.findings_model import explain_findings
    from ofsted_kg.themes import UNTHEMED, letter_findings, theme_counts, unthemed_findings

    records = extract_letters(EXAMPLES).records
    found = letter_findings(records)
    assert [f.finding for f in found] == [f for r in records for f in r.findings]
    counts = theme_counts(records)
    assert sum(c.findings for c in counts) == sum(len(f.finding.themes) or 1 for f in found)
    assert [c.findings for c in counts] == sorted((c.findings for c in counts), reverse=True)
    missing = unthemed_findings(records)
    assert missing and all(not m.finding.themes for m in missing) and len(missing) < len(found)
    assert next(c for c in counts if c.theme == UNTHEMED).findings == len(missing)
    summary = json.loads(runner.invoke(app, ["themes", "--format", "json", str(EXAMPLES)]).stdout)
    assert summary == [{"theme": c.theme, "findings": c.findings, "by_polarity": dict(c.by_polarity)} for c in counts]
    explained = explain_findings(records[:1])
    assert [e.finding for e in explained] == list(records[0].findings)
    assert all({"theme", "score", "features", "trigger"} <= set(t) for e in explained for t in e.themes)


def test_a_long_documents_units_are_featurised_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document's units are asked their polarity, all of them, then their themes: each unit's features
    must be worked out once, not twice (a doubled 900 KB letter took over 5 s of CPU when they were not)."""
    from ofsted_kg import findings_model

    model = findings_model.active()
    model._recent.clear()
    calls: list[str] = []
    real = findings_model.features

    def counting(text: str, section: str = "") -> list[str]:
        calls.append(text)
        return real(text, section)

    monkeypatch.setattr(findings_model, "features", counting)
    units = [f"Social workers visit child {i} regularly and know them well." for i in range(300)]
    for u in units:
        model.polarity(u, "Findings")
    for u in units:
        model.themes_of(u, "Findings")
    assert len(calls) == len(units)


def test_a_judgement_heading_right_after_the_last_bullet_starts_its_section() -> None:
    """ILACS 2023 reports: no blank line between "What needs to improve?"'s last item and the wrapped
    heading of the first judgement section; its paragraphs are findings of that section, one per sentence."""
    from ofsted_kg.extract.findings import _blocks

    text = ("What needs to improve?\n- The consistency of management supervision and recording.\n"
            "The experiences and progress of children who need help and\nprotection: good\n\n"
            "1. The front door is effective. Managers act quickly.\n")
    blocks = [(kind, text[s:e].strip(), section) for kind, s, e, section in _blocks(text, 0, len(text))]
    assert blocks == [
        ("item", "- The consistency of management supervision and recording.", "What needs to improve?"),
        ("item", "1. The front door is effective. Managers act quickly.",
         "The experiences and progress of children who need help and protection: good")]


def test_a_case_study_heading_ends_the_bullet_item_above_it() -> None:
    """Joint letters: "Case study: highly effective practice" straight after a bullet item, no blank line;
    the case study's sentences are units of their own section, not the end of the item."""
    from ofsted_kg.extract.findings import _blocks

    text = ("- Supervision is regular and of good quality.\nCase study: highly effective practice\n"
            "Jamie was referred to the Youth Justice Service. The key worker checked at once.\n")
    blocks = [(kind, text[s:e].strip(), section) for kind, s, e, section in _blocks(text, 0, len(text))]
    assert blocks == [("item", "- Supervision is regular and of good quality.", ""),
                      ("prose", "Jamie was referred to the Youth Justice Service. The key worker checked at once.",
                       "Case study: highly effective practice")]



@pytest.mark.parametrize("path, sentence", [
    ("real/documents/focused-visit-001.pdf", "services for care-experienced young people in North Northamptonshire "
                                             "have substantially improved."),
    ("heldout/documents/focused-visit-004.pdf", "leaders recognise the need to continue to improve the consistency of "
                                                "timeliness and quality of decision-making for all children at the front door."),
    ("real/documents/focused-visit-007.pdf", "Staff feel well supported and receive regular and reflective supervision"),
    ("real/documents/focused-visit-033.pdf", "Children and their families in Salford have access to a broad and varied "
                                             "range of resources"),
])
def test_the_letterhead_a_text_layer_puts_inside_a_sentence_is_taken_out(path: str, sentence: str) -> None:
    """pypdf gives page one's letterhead (and the date and addressee after it) after the page's last line,
    inside the sentence that runs on to page two (21 focused visits of the corpus): the sentence is one unit,
    without them."""
    rec = extract_file(Path(__file__).parent / "golden" / path)[0]
    assert any(sentence in f.text for f in rec.findings)
    assert not any(re.search(r"Piccadilly Gate|Store Street|NN15 7QX", f.text) for f in rec.findings)


def test_a_list_of_what_the_visit_looked_at_is_not_findings() -> None:
    text = (_HEAD + "Inspectors looked at the arrangements for care leavers. This visit focused specifically on:\n\n"
            "◼ Preparation and support into adulthood.\n◼ Keeping in touch.\n\nHeadline findings\n\n"
            "Care leavers are supported well.\n\nYours sincerely\n\nAnn Lee\n")
    assert [f.text for f in extract_text(text)[0].findings] == ["Care leavers are supported well."]


@pytest.mark.parametrize("sentence", [
    "This letter to all the service leaders in the area outlines our findings about the effectiveness of "
    "partnership working in Kent.",
    "The areas for improvement have been cross-referenced with the outcomes, enablers or principles in the "
    "Children's Social Care: National Framework.",
    "This statutory guidance sets out the purpose, principles for practice and expected outcomes of children's "
    "social care.",
    "The inspectorates recognise the complexities for agencies in intervening in families.",
    "We anticipate that each of these joint targeted area inspections will identify learning for all agencies.",
    "This joint targeted area inspection (JTAI) included an evaluation of the multi-agency 'front door'.",
    "They also looked at local authority performance management and quality assurance information.",
    "T: 0300 123 4234 Textphone: 0161 618 8524 E: enquiries@ofsted.gov.uk W: www.ofsted.gov.uk",
    "The joint targeted area inspection (JTAI) included an evaluation of the multi-agency 'front door' for child "
    "protection.",
    "Also included was a 'deep dive' focus on this vulnerable group of children.",
    "In this inspection, the evaluation of the multi-agency 'front door' focused on children of all ages.",
    "Specifically, they considered contacts, referrals, assessments and plans for children in need.",
    "This was the first visit by Ofsted to Kent since the COVID-19 pandemic.",
    "Alongside this, the inspection considered the effectiveness of the multi-agency leadership and management of "
    "this work.",
    "A multi-agency inspection of this area of practice is more likely to highlight some of the significant "
    "challenges to partnerships in improving practice.",
    "There are, however, a number of areas where responses could be further strengthened and these are detailed "
    "below.",
    "Below are some examples extracted from different individual cases seen by inspectors, showing how a small "
    "change in practice would have delivered more effective working.",
])
def test_joint_letters_and_focused_visits_boilerplate_is_not_findings(sentence: str) -> None:
    text = _HEAD + f"Findings\n\nCaseloads are too high.\n\n{sentence}\n\nYours sincerely\n\nAnn Lee\n"
    assert [f.text for f in extract_text(text)[0].findings] == ["Caseloads are too high."]


def test_the_covid_19_programmes_paragraph_is_not_findings() -> None:
    """The 2020-21 focused visits' note on the Chief Inspector's programme of work (a real letter)."""
    rec = extract_file(Path(__file__).parent / "golden" / "real" / "documents" / "focused-visit-011.pdf")[0]
    assert rec.findings and not any("Chief Inspector" in f.text for f in rec.findings)


def test_a_judgement_heading_with_a_full_stop_or_without_its_colon_starts_its_section() -> None:
    """Reading 2019 (a real report): "...protection: / requires improvement to be good." and "... children in
    care and care leavers requires / improvement to be good." each start their section; the "What needs to
    improve" list does not run on over the whole report."""
    rec = extract_file(Path(__file__).parent / "golden" / "heldout-3" / "documents" / "ilacs-036.pdf")[0]
    sections = {f.section for f in rec.findings}
    assert "The experiences and progress of children who need help and protection: requires improvement to be good" in sections
    assert ("The experiences and progress of children in care and care leavers requires improvement to be good"
            in sections)
    assert sum(f.section == "What needs to improve" for f in rec.findings) == 7


def _golden(path: str) -> list:
    return extract_file(Path(__file__).parent / "golden" / path)[0].findings


def test_a_sif_reports_contents_and_information_section_are_not_findings() -> None:
    """Knowsley 2017 (a real SIF re-inspection): its contents page ("Summary for children and young people 8"
    / "The experiences and progress ... 9 ...") and its information section, whose sub-headings ("Previous
    Ofsted inspections", "Children living in this area") come without "Information about this local
    authority area" above them, give no findings; its recommendations after them do."""
    texts = [f.text for f in _golden("real/documents/ilacs-019.pdf")]
    assert not any("protection 9 The experiences" in t or "(the national average is" in t or t.startswith("Approximately")
                   or "children's homes" in t.split(".")[0] for t in texts)
    assert any(t.startswith("Ensure that the virtual school supports") for t in texts)


def test_a_strengths_list_and_its_items_with_a_caveat() -> None:
    """Lincolnshire 2014 (a real SIF report): "The local authority's strengths" is a strengths list, its
    numbered items whole; a "Key strengths" item saying a weakness after a contrast, or that it is too early
    to tell, is an area for improvement; "Social work practice" after a numbered item is a sub-heading."""
    from ofsted_kg.extract.findings import heading_polarity

    found = _golden("real/documents/ilacs-021.pdf")
    listed = [f for f in found if f.section == "The local authority's strengths"]
    assert len(listed) == 12 and all(f.polarity == "strength" for f in listed)
    assert any(f.text.startswith("When child protection concerns are identified, children are quickly safeguarded. "
                                 "Strategy meetings lead to swift action.") for f in listed)
    assert not any(f.text in ("Social work practice", "Care Leavers") for f in found)
    assert heading_polarity("Key strengths", "Plans are good, although some are delayed.") == \
        "area for improvement"
    assert heading_polarity("Key strengths", "It is too early to see the impact of the new team.") == \
        "area for improvement"
    assert heading_polarity("Key strengths", "Plans are good and reviewed well.") == "strength"


def test_a_judgement_heading_saying_is_requires_improvement_starts_its_section() -> None:
    """Bradford 2018 (a real report) prints "... with children and families is requires improvement to be
    good" (sic): a heading, not a finding."""
    found = _golden("real/documents/ilacs-009.pdf")
    assert not any(f.text.startswith("The impact of leaders on social work practice") for f in found)
    assert any(f.section.endswith("is requires improvement to be good") for f in found)


def test_a_joint_letters_opening_findings_after_its_method_are_findings() -> None:
    """South Tyneside 2016 (a real letter): after the method sentences, "The inspection identified a number of
    strengths ..." is a finding, and so are the summary's sentences after it."""
    rec = extract_file(Path(__file__).parent / "golden" / "heldout-2" / "documents" / "jtai-026.pdf")[0]
    texts = [f.text for f in rec.findings]
    assert texts[0].startswith("The inspection identified a number of strengths across the partnership")
    assert texts[1].startswith("This is leading to increasing identification")
    assert not any(t.startswith(("Between 22 and 26 February", "This letter to all")) for t in texts)


def test_a_paragraphs_first_line_below_a_heading_is_not_a_heading() -> None:
    """South Tyneside 2016: "Case study: highly effective practice" / "Staff in the Community Rehabilitation
    Company (CRC) and the National" / "Probation Service (NPS) are effective ..." is one sentence."""
    rec = extract_file(Path(__file__).parent / "golden" / "heldout-2" / "documents" / "jtai-026.pdf")[0]
    first = [f for f in rec.findings if f.section == "Case study: highly effective practice"][0]
    assert first.text.startswith("Staff in the Community Rehabilitation Company (CRC) and the National Probation "
                                 "Service (NPS) are effective")


@pytest.mark.parametrize("path, passage", [
    # a full-width last line without a full stop: the sentence goes on over the page whatever its next word
    ("heldout-2/documents/jtai-026.pdf", "Local Authority Commissioning, Clinical Commissioning Group and the partnership"),
    # a bullet whose next sentence starts the next page, the next bullet after it
    ("real/documents/jtai-029.pdf", "delays are minimised. Assistant team managers within the MASH"),
])
def test_a_bullet_or_sentence_goes_on_over_a_page(path: str, passage: str) -> None:
    rec = extract_file(Path(__file__).parent / "golden" / path)[0]
    assert any(passage in f.text for f in rec.findings)


def test_a_judgement_heading_saying_is_and_its_grade_starts_its_section() -> None:
    """Blackpool 2019 (a real report): "The experiences and progress of children who need help and / protection
    is inadequate" after the "What needs to improve" list starts its section; its paragraphs are not
    recommendations and the heading is not a finding."""
    rec = extract_file(Path(__file__).parent / "golden" / "heldout" / "documents" / "ilacs-006.pdf")[0]
    section = "The experiences and progress of children who need help and protection is inadequate"
    assert sum(f.section == section for f in rec.findings) > 40
    assert sum(f.section == "What needs to improve" for f in rec.findings) == 12
    assert not any(f.text.startswith("The experiences and progress") for f in rec.findings)


@pytest.mark.parametrize("path, sentence", [
    # a joint letter's section 20 footnote at the foot of page one, inside a sentence
    ("real/documents/jtai-013.pdf", "some practice is ineffective in improving the child's day-to-day lived experience."),
    # the national framework's footnote
    ("real/documents/focused-visit-003.pdf", "evidence of sustained change in the care they receive."),
    # a page break after "the", after an unfinished noun phrase before "(PND)", and after an inline list's ";"
    ("real/documents/focused-visit-035.pdf", "makes sure that the YPAs are aware of the practice model"),
    ("real/documents/jtai-023.pdf", "police national database (PND) or police national computer (PNC) checks"),
    ("real/documents/jtai-003.pdf", "through improved communication; analysis of school nurses"),
])
def test_a_sentence_runs_on_over_a_page_break_and_its_footnote(path: str, sentence: str) -> None:
    rec = extract_file(Path(__file__).parent / "golden" / path)[0]
    assert any(sentence in f.text.replace("\u2019", "'") for f in rec.findings)


def test_a_running_header_on_page_two_is_furniture_when_the_cover_wraps_the_title_otherwise() -> None:
    """Knowsley 2021: the cover prints "Inspection of Knowsley Council local / authority children's services",
    the running header "Inspection of Knowsley local authority children's services": page two's header is not
    the title, and does not run into the sentence it interrupts."""
    rec = extract_file(Path(__file__).parent / "golden" / "heldout" / "documents" / "ilacs-018.pdf")[0]
    assert not any("Inspection of Knowsley" in f.text for f in rec.findings)
    assert any(f.text.endswith("have more recently led to a rise in the demand for children's services, particularly "
                               "for children at risk of exploitation and those experiencing domestic abuse.")
               for f in rec.findings)


def test_what_the_inspection_identified_about_children_is_a_finding() -> None:
    """"The inspection identified ..." opens the 2010 letters' list of areas (procedure), but not a sentence
    about children: "The inspection identified a small number of children aged under 16 living in unlawful
    placements." (Bradford 2022)."""
    text = _HEAD + ("Findings\n\nCaseloads are too high.\n\nThe inspection identified a small number of children "
                    "aged under 16 living in unlawful placements.\n\nYours sincerely\n\nAnn Lee\n")
    assert [f.text for f in extract_text(text)[0].findings][1:] == [
        "The inspection identified a small number of children aged under 16 living in unlawful placements."]


def test_a_2013_reports_running_header_of_council_and_kind_is_furniture() -> None:
    """Kent 2013: "Kent County Council Inspection of looked after children services" heads every page; it is
    not a finding, nor inside one ("... ownership of / [header] / these plans by young people.")."""
    rec = extract_file(Path(__file__).parent / "golden" / "heldout" / "documents" / "ilacs-016.pdf")[0]
    assert rec.findings and not any("Kent County Council Inspection" in f.text for f in rec.findings)
    assert any(f.text.endswith("ownership of these plans by young people.") for f in rec.findings)


def test_a_2013_reports_judgement_heading_over_its_grade_line_starts_its_section() -> None:
    """"Outcomes for looked after children and young / people" over "Grade 4 (Inadequate)": the heading ends the
    list above it (whose items are recommendations), and its numbered paragraphs are sentences, not items."""
    text = ("Inspection of looked after children services\nExample Council\n\nInspection dates: 1 - 5 July 2013\n"
            "Reporting inspector Ann Lee HMI\n\nAreas for improvement\n20. The local authority should take the "
            "following action.\nWithin three months:\n- ensure that plans are reviewed by managers\n"
            "Outcomes for looked after children and young\npeople\nGrade 4 (Inadequate)\n21. Outcomes are inadequate. "
            "Too many children wait too long.\nQuality of provision\nGrade 3 (Adequate)\n22. Plans are reviewed.\n")
    rec = extract_text(text)[0]
    got = [(f.section, f.text) for f in rec.findings]
    assert ("Outcomes for looked after children and young people", "Outcomes are inadequate.") in got
    assert ("Outcomes for looked after children and young people", "Too many children wait too long.") in got
    assert ("Quality of provision", "Plans are reviewed.") in got
    assert not any("ensure that plans" in t or "Outcomes for" in t or "Grade" in t for s, t in got if s != "")


@pytest.mark.parametrize("path, heading", [
    # "The experiences and progress of" / "children who need help and protection" / "Requires" / "improvement"
    # (then "Inspection findings", the section its paragraphs are under)
    ("real/documents/ilacs-019.pdf", "Inspection findings"),
    # three lines of heading, then "Requires improvement" / "to be good", then "Summary"
    ("real/documents/ilacs-041.pdf", "Inspection findings"),
    # one line: "Leadership, management and governance  Requires Improvement", under "Key Judgement Judgement Grade"
    ("heldout/documents/ilacs-004.pdf", "Leadership, management and governance"),
    # the heading, the table's header, then the row wrapped over three lines and its grade
    ("heldout-3/documents/ilacs-028.pdf", "The experiences and progress of children looked after and achieving permanence"),
])
def test_a_sif_judgement_heading_with_a_bare_grade_is_no_finding(path: str, heading: str) -> None:
    """SIF reports (real) print a judgement heading with its grade bare, capitalised, on its own line or at its
    end: the heading starts its section (its grade left out of it) and is no finding; its paragraphs are not
    read under the heading before it (Newham 2014: "Inspection judgements about the local authority")."""
    found = _golden(path)
    assert not any(re.match(r"(?:The experiences and progress|Leadership, management and governance)\b.{0,140}"
                            r"(?:Good|Outstanding|Inadequate|[Ii]mprovement(?: to be good)?)$", f.text) for f in found)
    assert sum(f.section == heading for f in found) >= 60
    assert not any(f.section.endswith(("Requires improvement", "Requires Improvement", "Key Judgement Judgement Grade"))
                   for f in found)


def test_a_paragraphs_wrapped_line_that_reads_like_a_heading_is_not_one() -> None:
    """"... and this is a real" / "strength." (a focused visit) and "... two inadequate" / "inspection judgements in
    2014 and 2017. Several ..." (a report): the paragraph goes on, one unit per sentence, the next paragraphs
    under the heading they were under."""
    text = _HEAD + ("Main findings\n\nVisits are carried out swiftly by staff when they are concerned about children's "
                    "welfare, and this is a real\nstrength.\n\nAssessments of children are comprehensive and analytical. "
                    "Plans are reviewed\nregularly.\n\nYours sincerely\n\nAnn Lee\nHis Majesty's Inspector\n")
    (rec,) = extract_text(text)
    texts = [(f.section, f.text) for f in rec.findings]
    assert ("Main findings", "Visits are carried out swiftly by staff when they are concerned about children's welfare, "
            "and this is a real strength.") in texts
    assert ("Main findings", "Assessments of children are comprehensive and analytical.") in texts


def test_a_sif_reports_lscb_section_after_its_numbered_recommendations_is_not_recommendations() -> None:
    """Wirral 2016 (a real SIF report): "Inspection findings – the Local Safeguarding Children Board" straight after
    the last numbered recommendation starts its section; its paragraphs are findings of the board, not
    recommendations."""
    rec = extract_file(Path(__file__).parent / "golden" / "real" / "documents" / "ilacs-045.pdf")[0]
    assert sum(f.section == "Recommendations" for f in rec.findings) == len(rec.recommendations) == 26
    lscb = [f for f in rec.findings if f.section.startswith("Inspection findings – the Local Safeguarding Children Board")]
    # no recommendation by heading (the model may still read an "Ensuring that ..." item of the board's
    # weaknesses as one)
    assert len(lscb) > 50 and not any(heading_polarity(f.section, f.text, True) == "recommendation" for f in lscb)
    assert sum(f.polarity == "recommendation" for f in lscb) <= 2


@pytest.mark.parametrize("path, text", [
    # a SIF report's closing grade descriptors, under "What the inspection judgements mean" / "The local authority"
    ("real/documents/ilacs-003.pdf", "An outstanding local authority leads highly effective services"),
    ("real/documents/ilacs-003.pdf", "An LSCB that is good coordinates the activity of statutory partners"),
    # a SIF report's opening boilerplate, with its footnote mark
    ("real/documents/ilacs-021.pdf", "It is Ofsted's expectation that, as a minimum"),
    # a 2013 report's grade scale and its "Service information" section (context and statistics)
    ("heldout/documents/ilacs-016.pdf", "Outstanding (Grade 1) A service that"),
    ("heldout/documents/ilacs-016.pdf", "According to the 2011 Census"),
    # ... also where the report's first prose sentence lies inside that section (Sandwell 2013)
    ("real/documents/ilacs-039.pdf", "English (74%), Punjabi"),
    # a SIF report's statutory basis and its back page's licence
    ("real/documents/ilacs-003.pdf", "This report includes the report of the inspection of local authority functions"),
    ("real/documents/ilacs-031.pdf", "You may copy all or parts of this document"),
    # a SIF report's empty priority-action list, said in words (twice: summary and body; and without its full stop)
    ("heldout/documents/ilacs-004.pdf", "The inspection did not find any areas for priority"),
    ("heldout-3/documents/ilacs-028.pdf", "The inspection did not find any areas for priority"),
    # the rest of a procedural sentence whose first line ("... should send the written statement of action to")
    # runs on into an address and a date
    ("real/documents/jtai-025.pdf", "ProtectionOfChildren@"),
])
def test_report_boilerplate_and_information_are_not_findings(path: str, text: str) -> None:
    found = _golden(path)
    assert len(found) > 100
    assert not any(f.text.startswith(text) for f in found)


def test_an_address_in_the_body_is_no_heading_and_a_sentence_running_on_is_no_heading() -> None:
    """Focused visits (real): the letterhead and addressee a text layer puts between page one and two ("...
    Bowling Green Road" / "Kettering" / "NN15 7QX improved. ...", "Manchester" / "M1 2WD") do not rename the
    section; "Unaccompanied asylum-seeking children are well supported on their arrival in" / "Reading. Their
    needs ..." is a sentence going on, not a heading."""
    for path, town in (("real/documents/focused-visit-001.pdf", "Kettering"), ("real/documents/focused-visit-013.pdf", "M1 2WD")):
        found = _golden(path)
        assert not any(f.section == town for f in found) and sum(f.section == "Main findings" for f in found) > 30
    found = _golden("heldout/documents/focused-visit-030.pdf")
    assert any(f.text == "Unaccompanied asylum-seeking children are well supported on their arrival in Reading."
               and f.section == "Main findings" for f in found)


def test_a_time_framed_improvement_lists_items_keep_its_heading() -> None:
    """Kent 2013 (a real looked-after children inspection): "Areas for improvement" / "Immediately:" / "Within three
    months:" / "Within six months:": every item is an area for improvement under the list's heading."""
    found = [f for f in _golden("heldout/documents/ilacs-016.pdf") if f.section == "Areas for improvement"]
    assert any(f.text.startswith("improve looked after children's participation in and ownership of PEPs") for f in found)
    assert len(found) >= 10 and all(f.polarity == "area for improvement" for f in found)


def test_a_quotation_is_one_sentence_of_the_report_and_a_sub_judgement_heads_its_part() -> None:
    """Isle of Wight 2014 (a real SIF report): "One young person said: 'she listens to my views ... She's a really
    good social worker.'" is one unit; "The graded judgement for adoption performance is that it requires
    improvement" heads its part and is no finding. Apostrophes inside words do not hold a sentence open."""
    from ofsted_kg.extract.context import sentences

    found = _golden("real/documents/ilacs-003.pdf")
    assert any(f.text.startswith("One young person said: 'she listens to my views and what I have to say. She can tell")
               for f in found)
    assert not any(f.text.startswith("The graded judgement") for f in found)
    assert sum(f.section == "The graded judgement for adoption performance is that it requires improvement"
               for f in found) > 20
    text = "The child's plan is clear. Parents' views are sought. She's settled."
    assert len(sentences(text, 0, len(text))) == 3


def test_a_sif_reports_lscb_judgement_heads_its_section() -> None:
    """Barnsley 2014 (a real SIF report): "The Local Safeguarding Children Board (LSCB) requires" / "improvement"
    heads the board's section; the judgement is no finding and the sentence under it is one of its own."""
    found = _golden("heldout/documents/ilacs-004.pdf")
    assert not any(f.text.startswith("The Local Safeguarding Children Board (LSCB) requires") for f in found)
    assert any(f.section == "The Local Safeguarding Children Board (LSCB) requires improvement"
               and f.text.startswith("The arrangements in place to evaluate the effectiveness") for f in found)
