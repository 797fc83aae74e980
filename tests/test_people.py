"""People and authorities: one node per person and per authority across letters, with national ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, XSD, Literal, URIRef
from typer.testing import CliRunner

from ofsted_kg.api import build_letters
from ofsted_kg.cli.app import app
from ofsted_kg.extract.authorities import gazetteer, match_authority
from ofsted_kg.graph.vocab import GSS, OKG, ORG, TIME
from ofsted_kg.people import Mention, load_overrides, resolve

from .conftest import EXAMPLES

runner = CliRunner()


def _quads(result):  # type: ignore[no-untyped-def]
    return list(result.dataset.quads((None, None, None, None)))


def test_seed_people_and_authorities_are_one_node_each() -> None:
    result = build_letters([EXAMPLES])
    assert not result.quarantined
    quads = _quads(result)
    people = {s for s, p, o, _ in quads if p == RDF.type and o == OKG.Person}
    names = {str(o) for s, p, o, _ in quads if p == OKG.name and s in people}
    waugh = {s for s, p, o, _ in quads if p == OKG.name and "Waugh" in str(o)}
    assert len(waugh) == 1 and "Andrew Waugh" in names and "Andy Waugh" not in names
    (waugh_iri,) = waugh
    letters_with_waugh = {g for s, p, o, g in quads if p == OKG.inspector and o == waugh_iri}
    assert len(letters_with_waugh) == 2
    assert len({s for s, p, o, _ in quads if p == OKG.name and str(o) == "Alison Smale"}) == 1
    visited = {o for s, p, o, _ in quads if p == OKG.visitOf}
    authorities = {s for s, p, o, _ in quads if p == RDF.type and o == OKG.Authority}
    assert visited == authorities and len(authorities) == 2
    worcs = next(a for a in authorities if str(a).endswith("/worcestershire"))
    assert len({g for s, p, o, g in quads if p == OKG.visitOf and o == worcs}) == 4
    assert any(s == worcs and p == OKG.governedArea and o == GSS["E10000034"] for s, p, o, _ in quads)


def test_directors_hold_time_bound_posts() -> None:
    result = build_letters([EXAMPLES])
    ds = result.dataset
    q = """PREFIX okg: <https://w3id.org/ofsted-kg/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
    PREFIX time: <http://www.w3.org/2006/time#>
    SELECT ?name ?from ?to ?interim WHERE { GRAPH ?g {
      ?m okg:director ?p ; org:memberDuring ?i ; okg:interim ?interim .
      ?i time:hasBeginning/time:inXSDDate ?from ; time:hasEnd/time:inXSDDate ?to .
      ?p okg:name ?name } }"""
    rows = {str(r.name): (str(r["from"]), str(r.to), r.interim.toPython()) for r in ds.query(q)}  # type: ignore[union-attr]
    assert rows["Catherine Driscoll"] == ("2018-05-14", "2019-01-31", False)
    assert rows["Adam Johnston"][2] is True
    assert TIME.Interval and ORG.memberDuring  # the vocabularies the query relies on


def _m(name: str, role: str = "inspector", authority: str | None = None, letter: str = "a") -> Mention:
    return Mention(name, role, letter, "2020-01-01", authority)


def test_nickname_and_initial_merge_into_one_inspector() -> None:
    res = resolve([_m("Andrew Waugh", letter="a"), _m("Andy Waugh", letter="b"), _m("A. Waugh", letter="c")])
    assert len(res.people) == 1
    p = res.people[0]
    assert p.preferred_name == "Andrew Waugh" and p.key == "andrew-waugh"
    assert set(p.variants) == {"Andrew Waugh", "Andy Waugh", "A. Waugh"}
    assert any("initial" in r for r in p.reasons) and any("andy=andrew" in r for r in p.reasons)


def test_ambiguous_initial_is_not_merged() -> None:
    res = resolve([_m("Alan Smith"), _m("Anne Smith"), _m("A. Smith")])
    assert len(res.people) == 3
    assert len({p.key for p in res.people}) == 3


def test_every_mention_of_an_ambiguous_initial_is_one_person() -> None:
    res = resolve([_m("Alan Smith"), _m("Anne Smith"), _m("A. Smith", letter="x"), _m("A. Smith", letter="y")])
    assert len(res.people) == 3
    initial = next(p for p in res.people if p.preferred_name == "A. Smith")
    assert {m.letter for m in initial.mentions} == {"x", "y"}


def test_resolution_groups_thousands_of_mentions_by_name() -> None:
    """Many letters by few people: one person per name, whatever the number of mentions."""
    names = ["Ruth Keane", "Ruth Keane", "R. Keane", "Tom Ashby", "Thomas Ashby", "Ann Ashby"]
    res = resolve([_m(names[i % len(names)], letter=str(i)) for i in range(3000)])
    assert sorted(p.preferred_name for p in res.people) == ["Ann Ashby", "Ruth Keane", "Thomas Ashby"]
    assert sum(len(p.mentions) for p in res.people) == 3000


def test_same_surname_directors_in_two_authorities_are_two_people() -> None:
    res = resolve([_m("Jane Patel", "director", "Kent"), _m("J. Patel", "director", "Leeds"),
                   _m("Jane Patel", "director", "Kent", "b")])
    keys = {p.key: p for p in res.people}
    assert set(keys) == {"jane-patel-kent", "j-patel-leeds"}
    assert len(keys["jane-patel-kent"].mentions) == 2


def test_same_name_in_two_roles_is_two_people() -> None:
    res = resolve([_m("Sam Jones", "inspector"), _m("Sam Jones", "director", "Kent")])
    assert {p.role for p in res.people} == {"inspector", "director"}
    assert len({p.key for p in res.people}) == 2
    assert res.key("Sam Jones", "inspector") != res.key("Sam Jones", "director", "Kent")


def test_overrides_merge_and_split(tmp_path: Path) -> None:
    f = tmp_path / "people.csv"
    f.write_text("name,role,authority,person\nBob Hale,inspector,,robert-hale\nRobert Hale,inspector,,robert-hale\n"
                 "John Smith,inspector,,john-smith-2\n", encoding="utf-8")
    rules = load_overrides(f)
    res = resolve([_m("Bob Hale"), _m("Robert Hale"), _m("John Smith", letter="a"), _m("John Smith", letter="b"),
                   _m("Jon Smith")], rules)
    hale = [p for p in res.people if "Hale" in p.preferred_name]
    assert len(hale) == 1 and hale[0].key == "robert-hale" and "override" in hale[0].reasons[0]
    assert res.key("John Smith", "inspector") == "john-smith-2"
    assert res.key("Jon Smith", "inspector") != "john-smith-2"
    bad = tmp_path / "bad.csv"
    bad.write_text("who,what\nx,y\n", encoding="utf-8")
    with pytest.raises(Exception, match="columns name and person"):
        load_overrides(bad)


@pytest.mark.parametrize("authority", gazetteer(), ids=lambda a: a.name)
def test_every_authority_and_its_aliases_match(authority) -> None:  # type: ignore[no-untyped-def]
    for alias in authority.aliases:
        assert match_authority(alias) == authority, alias
    assert match_authority(f"{authority.name} Council") == authority
    assert match_authority(f"{authority.name} children's services") == authority


@pytest.mark.parametrize(("written", "canonical"), [
    ("Nottingham City Council", "Nottingham"), ("Bristol City Council", "Bristol, City of"),
    ("London Borough of Tower Hamlets", "Tower Hamlets"), ("Royal Borough of Kensington and Chelsea",
                                                          "Kensington and Chelsea"),
    ("Kingston upon Hull City Council", "Kingston Upon Hull, City of"), ("Hull", "Kingston Upon Hull, City of"),
    ("City of York Council", "York"), ("County Durham", "Durham"), ("Bedford Borough Council", "Bedford Borough"),
    ("Bradford Children and Families Trust", "Bradford"), ("Birmingham Children's Trust", "Birmingham"),
    ("St Helens Council", "St. Helens"), ("Cheshire West and Chester", "Cheshire West and Chester"),
    ("BCP Council", "Bournemouth, Christchurch and Poole"), ("Southend-on-Sea", "Southend-on-Sea"),
])
def test_authority_names_as_letters_write_them(written: str, canonical: str) -> None:
    found = match_authority(written)
    assert found is not None and found.name == canonical


def test_unknown_authority_is_reported_not_invented(tmp_path: Path) -> None:
    text = (EXAMPLES / "004_2067af35a111929a.txt").read_text(encoding="utf-8").replace("Warwickshire", "Glasgow")
    p = tmp_path / "glasgow.txt"
    p.write_text(text, encoding="utf-8")
    result = build_letters([p, EXAMPLES / "000_5f08dc2b8cd356b2.txt"])
    assert any("Glasgow" in pr.message and pr.path == str(p) for pr in result.problems)
    authorities = {s for s, p_, o, _ in _quads(result) if p_ == RDF.type and o == OKG.Authority}
    assert all("glasgow" not in str(a) for a in authorities)
    assert len(result.quarantined) == 1


def test_reorganised_authorities_keep_their_own_nodes() -> None:
    from ofsted_kg.graph.build import authorities_graph

    _, g = authorities_graph(names=["Cumberland"])
    events = list(g.subjects(RDF.type, ORG.ChangeEvent))
    assert len(events) == 1
    before = {str(o) for o in g.objects(events[0], ORG.originalOrganization)}
    after = {str(o) for o in g.objects(events[0], ORG.resultingOrganization)}
    assert any(x.endswith("/cumbria") for x in before) and len(after) == 2
    assert g.value(events[0], URIRef("http://purl.org/dc/terms/date")) == Literal("2023-04-01", datatype=XSD.date)


def test_people_command_lists_merges() -> None:
    result = runner.invoke(app, ["people", "--format", "json", "--role", "inspector", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    import json

    people = json.loads(result.stdout)
    waugh = next(p for p in people if p["name"] == "Andrew Waugh")
    assert waugh["variants"] == {"Andrew Waugh": 1, "Andy Waugh": 2} and len(waugh["letters"]) == 2
    assert all(p["role"] == "inspector" for p in people)


def test_people_in_is_the_library_call_the_command_prints() -> None:
    import json

    from ofsted_kg.api import extract_letters
    from ofsted_kg.people import people_in

    records = extract_letters(EXAMPLES).records
    everyone = people_in(records)
    inspectors = people_in(records, role="inspector")
    assert inspectors == [p for p in everyone if p.role == "inspector"] and 0 < len(inspectors) < len(everyone)
    order = [(p.role, p.preferred_name.split()[-1], p.preferred_name) for p in everyone]
    assert order == sorted(order)
    waugh = next(p for p in inspectors if p.preferred_name == "Andrew Waugh")
    assert len(waugh.letters) == 2 and waugh.letters == sorted({m.letter for m in waugh.mentions})
    listed = json.loads(runner.invoke(app, ["people", "--format", "json", str(EXAMPLES)]).stdout)
    assert [(p["key"], p["letters"]) for p in listed] == [(p.key, p.letters) for p in everyone]


LETTER = """{date}

{recipient}
{title}
{council}
County Hall

Dear {salutation}

Monitoring visit to {authority} children's services

This letter summarises the findings of the monitoring visit to {authority} children's services on {visit}.
This was the second monitoring visit since the local authority was judged inadequate in March 2018.
The visit was carried out by His Majesty's Inspectors {inspectors}.

Findings and evaluation of progress

Caseloads are too high and management oversight is not consistently effective.

Yours sincerely

{signatory}
His Majesty's Inspector
"""


def _letter(tmp_path: Path, name: str, **fields: str) -> Path:
    p = tmp_path / f"{name}.txt"
    p.write_text(LETTER.format(**fields), encoding="utf-8")
    return p


def test_hard_cases_across_synthetic_letters(tmp_path: Path) -> None:
    paths = [
        _letter(tmp_path, "kent-2019", date="3 May 2019", recipient="Dr Sam Jones",
                title="Director of Children's Services", council="Kent County Council", salutation="Dr Jones",
                authority="Kent", visit="9 and 10 April 2019", inspectors="Andrew Waugh and Jane Patel",
                signatory="Andy Waugh"),
        _letter(tmp_path, "leeds-2020", date="2 March 2020", recipient="Mrs Ann Jones",
                title="Director of Children and Families", council="Leeds City Council", salutation="Mrs Jones",
                authority="Leeds", visit="4 and 5 February 2020", inspectors="A. Waugh and Lee Smith",
                signatory="Lee Smith"),
        _letter(tmp_path, "kent-2021", date="1 July 2021", recipient="Dr S. Jones",
                title="Interim Director of Children's Services", council="Kent County Council",
                salutation="Dr Jones", authority="Kent", visit="8 and 9 June 2021",
                inspectors="Sam Jones and Andy Waugh", signatory="Sam Jones"),
    ]
    result = build_letters(paths)
    assert not result.quarantined, result.problems
    quads = _quads(result)
    letters = {g for s, p, o, g in quads if p == OKG.inspector}
    assert len(letters) == 3
    inspected = {}
    for _s, p, o, g in quads:
        if p == OKG.inspector:
            inspected.setdefault(str(o).rsplit("/", 1)[-1], set()).add(g)
    assert len(inspected["andrew-waugh"]) == 3  # Andrew, Andy and A. Waugh: one inspector, three letters
    addressed = {str(o).rsplit("/", 1)[-1] for s, p, o, _ in quads if p == OKG.addressedTo}
    assert addressed == {"sam-jones-kent", "ann-jones-leeds"}  # Dr S. Jones of Kent is Sam Jones of Kent
    assert "sam-jones" in inspected  # the inspector Sam Jones is not the Kent director
    people_graph = [(s, p, o) for s, p, o, g in quads if str(g).endswith("/graph/people")]
    kent = next(s for s, p, o in people_graph if p == OKG.director and str(o).endswith("sam-jones-kent"))
    assert (kent, OKG.interim, Literal(True)) in people_graph
