"""The project's vocabulary: every term the code may use, checked against ontology/ofsted-kg.ttl.

`OKG` is a closed namespace: a misspelt term raises AttributeError instead of minting a new IRI.
A test checks that these terms and the ontology's declared terms are the same set.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/ofsted-kg/ontology"
DEFAULT_BASE = "https://w3id.org/ofsted-kg/id/"

OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
GSS = Namespace("http://statistics.data.gov.uk/id/statistical-geography/")


class OKG(DefinedNamespace):
    """Terms of the ofsted-kg ontology (https://w3id.org/ofsted-kg/ontology#)."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI + "#")

    # --- classes ---------------------------------------------------------------------------------
    Authority: object  # a local authority (council); org:FormalOrganization
    Visit: object  # an Ofsted activity at an authority; prov:Activity
    MonitoringVisit: object
    FocusedVisit: object
    Inspection: object
    AnnualUnannouncedInspection: object
    JointTargetedAreaInspection: object
    AssuranceVisit: object
    OtherVisit: object
    Document: object  # prov:Entity, foaf:Document
    Letter: object
    Report: object
    SourceFile: object  # the file a document was read from
    Person: object  # foaf:Person, prov:Agent
    Inspector: object
    Director: object
    DirectorMembership: object  # org:Membership: a person as director of an authority, seen on a date
    InspectorAssociation: object  # prov:Association: an inspector's role on a visit
    Finding: object
    Judgement: object
    PreviousJudgement: object
    Evidence: object  # oa:Annotation: the words a fact was read from
    ExtractionRun: object  # prov:Activity: one run of the software
    ThemeAssignment: object  # a finding's theme with the findings model's score for it
    ThemeYearCount: object  # derived: how many findings of one theme and polarity one year's visits had
    InspectorPair: object  # a listing row: two inspectors named on one visit (see graph/listing.py)
    Quarantine: object  # a letter held back by validation, with its violations (see ofsted_kg/quarantine.py)

    # --- object properties -----------------------------------------------------------------------
    themeAssignment: object  # Finding -> ThemeAssignment: one of its themes with the model's score
    assignedTheme: object  # ThemeAssignment -> skos:Concept (also the finding's okg:theme)
    visitOf: object  # Visit -> Authority
    aboutVisit: object  # Document -> Visit (prov:wasGeneratedBy)
    quarantines: object  # Quarantine -> the letter it holds back (see ofsted_kg/quarantine.py)
    inspector: object  # Visit -> Inspector (prov:wasAssociatedWith)
    leadInspector: object  # Visit -> Inspector
    addressedTo: object  # Letter -> Person
    signedBy: object  # Letter -> Person (prov:wasAttributedTo)
    directorOf: object  # DirectorMembership -> Authority (org:organization)
    director: object  # DirectorMembership -> Person (org:member)
    attestedBy: object  # DirectorMembership -> Letter
    visitKind: object  # Visit -> skos:Concept in VisitKinds
    judgement: object  # Visit -> Judgement
    previousJudgement: object  # Visit -> PreviousJudgement
    grade: object  # Judgement -> skos:Concept in JudgementGrades
    judgementArea: object  # Judgement -> skos:Concept in a framework's scheme (ontology/judgement-areas.ttl)
    finding: object  # Document -> Finding
    polarity: object  # Finding -> skos:Concept in Polarities
    recommendationFor: object  # Finding -> Visit
    sourceFile: object  # Document -> SourceFile
    evidenceOf: object  # Evidence -> the node a fact is about (subproperty of oa:hasBody)
    evidenceProperty: object  # Evidence -> the predicate of the fact (rdf:Property)
    evidenceIn: object  # Evidence -> Document
    role: object  # InspectorAssociation -> skos:Concept in Roles
    theme: object  # Finding -> skos:Concept in the themes scheme (https://w3id.org/ofsted-kg/themes)
    unthemedPolarity: object  # listing row (graph/listing.py): an unthemed Finding -> its polarity
    pairVisit: object  # listing row: InspectorPair -> Visit
    recommendationTheme: object  # listing row: Visit -> a theme of the letter's recommendations for it
    objectValue: object  # Evidence -> the fact's object, when a resource (a literal: okg:literalValue)
    describedLetter: object  # ExtractionRun -> Document whose graph it wrote (the visit generated the letter)
    governedArea: object  # Authority -> the ONS statistical geography of the area it governs

    # --- datatype properties ---------------------------------------------------------------------
    name: object  # preferred name (foaf:name)
    nameAsWritten: object  # a name as one document writes it
    honorific: object
    title: object  # a post's title as written ("Interim Director of Children's Services")
    startDate: object
    endDate: object
    letterDate: object  # dcterms:issued
    sequenceNumber: object
    focusArea: object
    area: object  # judgement area as written
    judgementDate: object  # xsd:date of an awarded judgement; "YYYY-MM" or "YYYY" of a restated one
    rank: object  # grade concept -> xsd:integer, 1 (outstanding) to 4 (inadequate)
    region: object  # Authority -> the ONS region's name
    text: object  # a finding's words, verbatim
    section: object  # the heading a finding sits under
    textStart: object  # Finding -> character offset of its words in the source file's text
    textEnd: object
    copiedTo: object
    ofstedOffice: object
    framework: object
    complete: object
    path: object
    sha256: object
    mediaType: object
    page: object
    fieldName: object  # the JSON key of the extracted field an Evidence supports
    literalValue: object  # Evidence -> the fact's object, when a literal
    ofstedUrn: object
    dfeCode: object
    gssCode: object
    softwareVersion: object
    interim: object  # DirectorMembership -> xsd:boolean: a title said "Interim" or "Acting"
    themeScore: object  # ThemeAssignment -> xsd:decimal in [0, 1]
    unthemed: object  # Finding -> xsd:boolean: no theme rule matched (so the scheme can grow)
    year: object  # ThemeYearCount -> xsd:integer
    findingCount: object  # ThemeYearCount -> xsd:integer
    # listing rows (see graph/listing.py): copies of a letter's facts, one property per column
    unthemedText: object
    unthemedAuthority: object
    unthemedPath: object
    pairInspector1: object
    pairInspector2: object
    pairAuthority: object
    # a quarantined letter (see ofsted_kg/quarantine.py)
    quarantineSource: object  # Quarantine -> xsd:string: the file it was read from
    violationMessage: object  # Quarantine -> xsd:string: one violation, in words
    heldTriples: object  # Quarantine -> xsd:string: the letter's graph as N-Triples, not loaded as data

    # --- SKOS concept schemes and concepts -------------------------------------------------------
    VisitKinds: object
    kind_monitoring_visit: object
    kind_focused_visit: object
    kind_inspection: object
    kind_annual_unannounced_inspection: object
    kind_joint_targeted_area_inspection: object
    kind_assurance_visit: object
    kind_other: object
    JudgementGrades: object
    grade_outstanding: object
    grade_good: object
    grade_requires_improvement: object
    grade_adequate: object
    grade_inadequate: object
    Polarities: object
    polarity_strength: object
    polarity_satisfactory: object
    polarity_area_for_improvement: object
    polarity_priority_action: object
    polarity_recommendation: object
    Roles: object
    role_lead_inspector: object
    role_team_inspector: object
    role_director_of_childrens_services: object
