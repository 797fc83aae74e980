"""The finding-theme scheme (ontology/themes.ttl) and its trigger rules (ofsted_kg.themes).

The sentences below were written for these tests in the style of Ofsted letters; they are not taken
from the letters in examples/ or from any fixture, so that the hand labels stay an independent check.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from ofsted_kg import ontology, themes
from ofsted_kg.themes import OKGT, SCHEME, assign_themes, compile_trigger, extra_rules, reset_rules

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "letters"

DOMAIN_THEMES = [
    "Workforce and caseloads", "Supervision", "Management oversight", "Quality assurance and audit",
    "Assessment quality", "Planning", "Drift and delay", "Child's voice and participation",
    "Education of children in care", "Children missing education", "Health and emotional well-being",
    "Placement stability and sufficiency", "Unregistered placements", "Permanence",
    "Missing children and return home interviews", "Exploitation", "Domestic abuse", "Neglect",
    "Front door, MASH and thresholds", "Child protection processes", "Public Law Outline and pre-proceedings",
    "Early help", "IROs and reviews", "Partnership working", "Leadership and governance", "Corporate parenting",
    "Care leavers", "Disabled children", "Unaccompanied asylum-seeking children", "Homeless 16-17-year-olds",
    "Private fostering", "Allegations against staff (LADO)", "Foster carers", "Youth justice",
    "Pre-birth and babies", "Recording", "Performance information and data",
]

# (sentence, a theme it must get)
SENTENCES = [
    ("Social workers' caseloads remain too high in the assessment teams, and the reliance on agency staff is reducing.", "Workforce and caseloads"),
    ("Leaders have had some success in recruiting permanent social workers, but staff turnover in the children in care teams is still high.", "Workforce and caseloads"),
    ("Some children have had several changes of social worker, which makes it hard for them to build relationships.", "Workforce and caseloads"),
    ("Supervision is regular but does not always provide reflective challenge or clear actions.", "Supervision"),
    ("Social workers say that they are well supported and that their supervisors are accessible.", "Supervision"),
    ("Frontline managers do not always record the rationale for their decisions on children's files.", "Management oversight"),
    ("Managers' oversight of work with children in need is not sufficiently rigorous.", "Management oversight"),
    ("The quality assurance framework is well established, and case file audits are moderated by senior managers.", "Quality assurance and audit"),
    ("Audits identified the same weaknesses that inspectors found.", "Quality assurance and audit"),
    ("Case records are not always up to date, and some records are written in language that families would find hard to understand.", "Recording"),
    ("Assessments are timely and comprehensive, drawing on family history and the views of other professionals.", "Assessment quality"),
    ("Too many assessments lack analysis of risk, and chronologies are not routinely used.", "Assessment quality"),
    ("Child protection plans are not specific enough, and contingency planning is weak.", "Planning"),
    ("Children's plans are not sufficiently focused on the changes parents need to make.", "Planning"),
    ("For a small number of children, there is drift and delay in progressing plans.", "Drift and delay"),
    ("The wishes and feelings of children are well recorded, and social workers undertake purposeful direct work.", "Child's voice and participation"),
    ("Children are seen alone, and their views inform their plans.", "Child's voice and participation"),
    ("The virtual school has improved the quality of personal education plans.", "Education of children in care"),
    ("Not enough children in care attend school regularly, and their attainment remains low.", "Education of children in care"),
    ("Leaders do not know how many children are electively home educated or on part-time timetables.", "Children missing education"),
    ("Initial health assessments are not completed within statutory timescales.", "Health and emotional well-being"),
    ("Children wait too long for a CAMHS service, and their emotional well-being needs are not met.", "Health and emotional well-being"),
    ("Too many children in care experience multiple placement moves.", "Placement stability and sufficiency"),
    ("A shortage of suitable local foster homes means that some children live a long way from home.", "Placement stability and sufficiency"),
    ("A small number of children have been placed in unregistered children's homes.", "Unregistered placements"),
    ("Permanence is achieved for most children through adoption or special guardianship orders.", "Permanence"),
    ("Life-story work is not routinely undertaken for children who are to be adopted.", "Permanence"),
    ("Return home interviews are not consistently offered to children who go missing from home or care.", "Missing children and return home interviews"),
    ("The response to children at risk of criminal exploitation and county lines activity is strong.", "Exploitation"),
    ("Contextual safeguarding approaches help practitioners understand extra-familial harm.", "Exploitation"),
    ("Children living with domestic abuse benefit from a well-coordinated MARAC.", "Domestic abuse"),
    ("The impact of chronic neglect on children is not always recognised.", "Neglect"),
    ("Thresholds are understood and applied well in the MASH.", "Front door, MASH and thresholds"),
    ("Referrals that do not meet the threshold for social care are passed promptly to early help services.", "Front door, MASH and thresholds"),
    ("Strategy discussions are held promptly and are well attended by police and health partners.", "Child protection processes"),
    ("Section 47 enquiries are thorough and lead to appropriate initial child protection conferences.", "Child protection processes"),
    ("Work under the Public Law Outline is not always timely, and letters before proceedings lack clarity.", "Public Law Outline and pre-proceedings"),
    ("Pre-proceedings work with parents helps to divert some families from care proceedings.", "Public Law Outline and pre-proceedings"),
    ("The early help offer is well developed, and families are stepped down from social care appropriately.", "Early help"),
    ("Independent reviewing officers do not consistently challenge drift in children's care plans.", "IROs and reviews"),
    ("Children's reviews are held on time, and IROs write to children after their reviews.", "IROs and reviews"),
    ("Information sharing with the police and schools is effective.", "Partnership working"),
    ("The local safeguarding children board does not hold partners to account.", "Partnership working"),
    ("Senior leaders and elected members have a clear understanding of the quality of practice through their self-evaluation.", "Leadership and governance"),
    ("The corporate parenting board has not been effective in improving services for children in care.", "Corporate parenting"),
    ("Care leavers have up-to-date pathway plans and regular contact with their personal advisers.", "Care leavers"),
    ("Too many care leavers are not in education, employment or training.", "Care leavers"),
    ("Disabled children receive a good service from the children with disabilities team, including short breaks.", "Disabled children"),
    ("Unaccompanied asylum-seeking children are well supported by workers who understand their experiences of trauma.", "Unaccompanied asylum-seeking children"),
    ("Sixteen- and 17-year-olds who present as homeless are not routinely offered the option of becoming looked after.", "Homeless 16-17-year-olds"),
    ("The authority's arrangements for identifying and assessing private fostering arrangements are underdeveloped.", "Private fostering"),
    ("The LADO manages allegations against people who work with children well.", "Allegations against staff (LADO)"),
    ("Foster carers feel well supported by their supervising social workers.", "Foster carers"),
    ("Children who are arrested are not always able to be transferred from police custody to local authority accommodation.", "Youth justice"),
    ("The youth offending service works closely with children's social care.", "Youth justice"),
    ("Pre-birth assessments are started early enough to enable planning before babies are born.", "Pre-birth and babies"),
    ("Leaders do not use performance data effectively to understand the quality of practice.", "Performance information and data"),
    ("Management information is accurate, and managers use it to track the progress of children's plans.", "Performance information and data"),
    ("Social workers benefit from a wide range of training opportunities, and newly qualified social workers have protected caseloads.", "Learning and development"),
    ("Too many children are accommodated under section 20 without a clear plan.", "Entry into care and legal status"),
    ("Children's family time with their brothers and sisters is well supported.", "Family time and relationships"),
    ("Children's identity needs, including their culture and religion, are not always considered.", "Identity, diversity and equality"),
    ("The response to children who display harmful sexual behaviour is underdeveloped.", "Sexual abuse and harmful sexual behaviour"),
]

NO_THEME = [
    "This letter summarises the findings of the visit.",
    "Inspectors were made welcome throughout.",
    "We will continue to monitor progress.",
    "The weather was fine on the day of the visit.",
]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(data=ontology.read("themes.ttl"), format="turtle")


@pytest.fixture
def clean_rules() -> Iterator[None]:
    reset_rules()
    yield
    reset_rules()


def _en(g: Graph, node: URIRef, prop: URIRef) -> list[str]:
    return [str(o) for o in g.objects(node, prop) if isinstance(o, Literal) and o.language == "en"]


def _tops(g: Graph) -> set[URIRef]:
    return {c for c in g.subjects(SKOS.topConceptOf, SCHEME) if isinstance(c, URIRef)}


def _narrower(g: Graph) -> set[URIRef]:
    return {c for c in g.subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef)} - _tops(g)


# ----------------------------------------------------------------------------------------------------
# The scheme
# ----------------------------------------------------------------------------------------------------


def test_scheme_parses_and_is_shipped(graph: Graph) -> None:
    assert "themes.ttl" in ontology.files()
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in graph
    assert _en(graph, SCHEME, SKOS.prefLabel)
    trig = URIRef(str(OKGT) + "trigger")
    assert (trig, RDF.type, URIRef("http://www.w3.org/2002/07/owl#AnnotationProperty")) in graph
    assert _en(graph, trig, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
    assert _en(graph, trig, SKOS.definition)


def test_top_concepts(graph: Graph) -> None:
    tops = _tops(graph)
    assert 6 <= len(tops) <= 8
    assert tops == set(graph.objects(SCHEME, SKOS.hasTopConcept))
    for t in tops:
        assert str(t).startswith(str(OKGT))
        assert (t, RDF.type, SKOS.Concept) in graph
        assert len(_en(graph, t, SKOS.prefLabel)) == 1 and _en(graph, t, SKOS.definition)
        assert (t, SKOS.inScheme, SCHEME) in graph
        assert not list(graph.objects(t, SKOS.broader))
        assert list(graph.objects(t, SKOS.narrower)), t


def test_every_narrower_concept_is_complete(graph: Graph) -> None:
    concepts = _narrower(graph)
    tops = _tops(graph)
    assert len(concepts) >= 36
    for c in concepts:
        assert str(c).startswith(str(OKGT)), c
        assert len(_en(graph, c, SKOS.prefLabel)) == 1, c
        assert len(_en(graph, c, SKOS.altLabel)) >= 2, c
        assert _en(graph, c, SKOS.definition), c
        assert (c, SKOS.inScheme, SCHEME) in graph, c
        broader = set(graph.objects(c, SKOS.broader))
        assert len(broader) == 1 and broader <= tops, c
        assert (next(iter(broader)), SKOS.narrower, c) in graph, c  # and the top says so back
        assert list(graph.objects(c, OKGT.trigger)), c
    for t in tops:
        assert set(graph.objects(t, SKOS.narrower)) <= concepts


def test_labels_and_iris_are_unique(graph: Graph) -> None:
    labels = [lab for c in _narrower(graph) | _tops(graph) for lab in _en(graph, c, SKOS.prefLabel)]
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize("label", DOMAIN_THEMES)
def test_domain_note_theme_is_present(label: str) -> None:
    assert label in {t.label for t in themes.themes()}


def test_every_trigger_compiles_and_plain_triggers_are_lower_case() -> None:
    all_themes = themes.themes()
    assert len(all_themes) >= 36
    for t in all_themes:
        assert t.triggers, t.label
        for trigger in t.triggers:
            assert isinstance(compile_trigger(trigger), re.Pattern)
            if not themes.is_regex(trigger):
                assert trigger == trigger.lower() and trigger.strip(), (t.label, trigger)


def test_themes_know_their_top_concept(graph: Graph) -> None:
    top_labels = {_en(graph, t, SKOS.prefLabel)[0] for t in _tops(graph)}
    by_label = {t.label: t for t in themes.themes()}
    assert {t.top for t in by_label.values()} <= top_labels
    assert by_label["Workforce and caseloads"].top == "Workforce and practice management"
    assert by_label["Care leavers"].top == "Children in care and care leavers"
    assert by_label["Exploitation"].top == "Protection, exploitation and specific harms"


def test_graph_builder_finds_theme_iris() -> None:
    from ofsted_kg.graph.build import theme_iri

    assert theme_iri("Care leavers") == OKGT.care_leavers
    assert theme_iri("No such theme") is None


# ----------------------------------------------------------------------------------------------------
# Triggers and assignment
# ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES, ids=[f"{i:02d}-{e}" for i, (_, e) in enumerate(SENTENCES)])
def test_sentence_gets_expected_theme(sentence: str, expected: str) -> None:
    got = assign_themes(sentence)
    assert expected in [t.label for t, _ in got], got
    for _, matched in got:
        assert matched and matched.lower() in sentence.lower()


@pytest.mark.parametrize(("sentence", "expected", "matched"), [
    ("Caseloads are too high.", "Workforce and caseloads", "Caseloads"),
    ("Management oversight is not consistently effective.", "Management oversight", "Management oversight"),
])
def test_the_plainest_findings_get_exactly_their_theme(sentence: str, expected: str, matched: str) -> None:
    assert [(t.label, m) for t, m in assign_themes(sentence)] == [(expected, matched)]


def test_sentences_cover_the_domain_themes() -> None:
    assert len(SENTENCES) >= 20
    assert set(DOMAIN_THEMES) <= {e for _, e in SENTENCES}


@pytest.mark.parametrize("sentence", NO_THEME)
def test_sentence_without_a_theme_gets_none(sentence: str) -> None:
    assert assign_themes(sentence) == []


def test_empty_text_and_zero_limit() -> None:
    assert assign_themes("") == []
    assert assign_themes("Caseloads are too high.", limit=0) == []


def test_limit_and_ranking() -> None:
    text = ("Caseloads are high and agency staff turnover is a concern; supervision is irregular and "
            "there is no recorded management oversight, while the quality of audits varies.")
    got = assign_themes(text)
    assert len(got) == 3
    # three different workforce triggers beat one trigger each for the others
    assert got[0][0].label == "Workforce and caseloads"
    assert [t.label for t, _ in got[1:]] == ["Supervision", "Management oversight"]  # then by position
    assert len(assign_themes(text, limit=1)) == 1
    assert len(assign_themes(text, limit=10)) >= 4


def test_plain_triggers_allow_plurals_apostrophes_and_spacing() -> None:
    assert compile_trigger("caseload").search("CASELOADS are high")
    assert compile_trigger("agency staff").search("agency\n staff")
    assert compile_trigger("director of children's services").search("the director of children’s services")
    assert compile_trigger("private fostering").search("private fosterings")
    assert not compile_trigger("caseload").search("caseloading")  # whole words only
    assert not compile_trigger("mash").search("smash")


def test_regex_triggers_are_case_insensitive_unless_told() -> None:
    assert compile_trigger("/\\bsupervis(?:ion|ed)\\b/").search("SUPERVISION")
    assert compile_trigger("/(?-i:\\bSEND\\b)/").search("children with SEND")
    assert not compile_trigger("/(?-i:\\bSEND\\b)/").search("they send letters")
    with pytest.raises(ValueError, match="bad theme trigger"):
        compile_trigger("/(unclosed/")


@pytest.mark.parametrize(("sentence", "not_expected"), [
    ("The court made a supervision order.", "Supervision"),
    ("Leaders have a clear plan to improve the service.", "Planning"),
    ("Leaders have adopted a new practice model.", "Permanence"),
    ("Initial health assessments are completed on time.", "Assessment quality"),
    ("Too many care leavers are not in education, employment or training.", "Children missing education"),
    ("Children missing education are identified quickly.", "Missing children and return home interviews"),
    ("Leaders have a strong track record of improvement.", "Recording"),
    ("Education, health and care plans are reviewed annually.", "Education of children in care"),
    ("Unregistered placements are rarely used.", "Placement stability and sufficiency"),
    ("Permanent social workers have replaced agency staff.", "Permanence"),
])
def test_near_misses_do_not_trigger(sentence: str, not_expected: str) -> None:
    assert not_expected not in [t.label for t, _ in assign_themes(sentence, limit=10)]


# ----------------------------------------------------------------------------------------------------
# User rules
# ----------------------------------------------------------------------------------------------------

EXTRA = r"""
@prefix okgt: <https://w3id.org/ofsted-kg/themes#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix my:   <https://example.org/my-themes#> .

my:sibling_groups a skos:Concept ;
    skos:prefLabel "Sibling groups"@en ;
    skos:definition "Brothers and sisters who come into care together."@en ;
    skos:broader okgt:children_in_care_and_care_leavers ;
    skos:inScheme <https://w3id.org/ofsted-kg/themes> ;
    okgt:trigger "sibling group", "/\\btogether with (?:their|her|his) (?:brothers|sisters)\\b/" .

okgt:neglect okgt:trigger "squalid" .
"""


def test_extra_rules_add_a_concept_and_triggers(tmp_path: Path, clean_rules: None) -> None:
    before = len(themes.themes())
    assert assign_themes("The home was squalid.") == []
    f = tmp_path / "mine.ttl"
    f.write_text(EXTRA, encoding="utf-8")
    added = extra_rules(f)
    assert {t.label for t in added} == {"Sibling groups", "Neglect"}
    assert len(themes.themes()) == before + 1
    new = next(t for t in themes.themes() if t.label == "Sibling groups")
    assert new.iri == "https://example.org/my-themes#sibling_groups"
    assert new.top == "Children in care and care leavers"
    got = assign_themes("Two sibling groups were placed together with their brothers nearby.")
    assert got[0][0].label == "Sibling groups" and got[0][1] == "sibling groups"
    assert [t.label for t, _ in assign_themes("The home was squalid.")] == ["Neglect"]
    assert "squalid" in next(t for t in themes.themes() if t.label == "Neglect").triggers
    extra_rules(f)  # loading the same file twice changes nothing
    assert len(themes.themes()) == before + 1
    reset_rules()
    assert len(themes.themes()) == before
    assert assign_themes("The home was squalid.") == []


def test_extra_rules_with_a_bad_trigger_merge_nothing(tmp_path: Path, clean_rules: None) -> None:
    before = themes.themes()
    f = tmp_path / "bad.ttl"
    f.write_text(EXTRA.replace('"squalid"', '"/(squalid/"'), encoding="utf-8")
    with pytest.raises(ValueError, match="squalid"):
        extra_rules(f)
    assert themes.themes() == before


# ----------------------------------------------------------------------------------------------------
# The substring prefilter must never rule out a trigger that matches
# ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bcaseloads?\b", ("caseload",)),
    (r"\b(?:un)?timel(?:y|iness)\b", ("timel",)),
    (r"(?<!health )\bassessments?\b", ("assessment",)),
    (r"\b(?:family|social) histor(?:y|ies)\b", (" histor",)),
    (r"\b(?:children|young people)'s voices?\b", ("children", "young people")),
    (r"\bgps?\b", None),  # too short to be worth a substring test
    (r"(?:abc)?xyz?", None),  # nothing of three letters is required
])
def test_required_literals_are_read_off_the_pattern(pattern: str, expected: tuple[str, ...] | None) -> None:
    from ofsted_kg.themes import required_literals

    got = required_literals(re.compile(pattern, re.IGNORECASE))
    assert got == expected


def test_a_branch_gives_one_literal_per_alternative() -> None:
    from ofsted_kg.themes import required_literals

    got = required_literals(re.compile(r"\b(?:neglect|squalid conditions)\b", re.IGNORECASE))
    assert got is not None and set(got) == {"neglect", "squalid conditions"}


@functools.cache
def _sentences() -> list[str]:
    from ofsted_kg.api import extract_letters

    sentences = [f.text for r in extract_letters(EXAMPLES).records for f in r.findings]
    return sentences + ["ſupervision and KASEload", "İndependent reviewing oﬃcers"]  # odd case-folding


def test_prefilter_keeps_every_match_of_every_trigger() -> None:
    """For each shipped trigger and each seed sentence it matches, each of its conditions holds."""
    from ofsted_kg.themes import _fold, _themes, compile_trigger, required_conditions

    checked = 0
    for theme in _themes():
        for trigger in theme.triggers:
            p = compile_trigger(trigger)
            conditions = required_conditions(p) or []
            for s in _sentences():
                if p.search(s):
                    checked += 1
                    for needs in conditions:
                        assert any(n in _fold(s) for n in needs), (trigger, needs, s)
    assert checked > 500


def test_candidate_triggers_include_every_trigger_that_matches() -> None:
    """The index and the conditions only ever leave out triggers that do not match."""
    from ofsted_kg.themes import _compiled, candidate_triggers

    _, rules = _compiled()
    sentences = _sentences()
    ruled_out = 0
    for s in sentences:
        candidates = candidate_triggers(s)
        matching = [i for i, (_, p) in enumerate(rules.triggers) if p.search(s)]
        assert set(matching) <= set(candidates), s
        ruled_out += len(rules.triggers) - len(candidates)
    assert ruled_out > 0.9 * len(rules.triggers) * len(sentences)  # the prefilter does its job
