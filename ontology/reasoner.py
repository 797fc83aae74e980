"""Load the ontology into owlready2 and check it with HermiT.

owlready2 does not read Turtle, so the shipped Turtle is converted to RDF/XML with rdflib first. HermiT
is a Java program: `check_consistency` needs `java` on PATH (Debian: `apt-get install
default-jre-headless`). owlready2 is imported inside the functions, so importing this module is cheap.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from owlready2 import Ontology

ONTOLOGY_FILE = "ofsted-kg.ttl"
JAVA_HINT = "install a Java runtime, on Debian or Ubuntu: sudo apt-get install default-jre-headless"

# xsd:date (the range of okg:startDate, okg:endDate, okg:letterDate) is not in the OWL 2 datatype map,
# so HermiT is told to treat such datatypes as opaque instead of refusing the ontology.
_IGNORE_UNSUPPORTED_DATATYPES = True


def _turtle(path: str | os.PathLike[str] | Traversable | None) -> str:
    if path is None:
        from ofsted_kg import ontology

        path = ontology.path(ONTOLOGY_FILE)
    source: Traversable = Path(path) if isinstance(path, str | os.PathLike) else path
    return source.read_text(encoding="utf-8")


def load_owlready(path: str | os.PathLike[str] | Traversable | None = None) -> Ontology:
    """The ontology (the shipped one, or the Turtle file at `path`) loaded into a fresh owlready2 World."""
    import owlready2
    from rdflib import Graph

    graph = Graph().parse(data=_turtle(path), format="turtle")
    with tempfile.NamedTemporaryFile("wb", suffix=".owl", delete=False) as tmp:
        tmp.write(graph.serialize(format="xml", encoding="utf-8"))
    try:
        world = owlready2.World()
        onto: Ontology = world.get_ontology(Path(tmp.name).as_uri()).load()
    finally:
        os.unlink(tmp.name)
    return onto


def check_consistency(path: str | os.PathLike[str] | Traversable | None = None) -> tuple[bool, str]:
    """Run HermiT on the ontology: (True, summary) if it is consistent and every class is satisfiable.

    Raises RuntimeError when Java is missing or HermiT fails for another reason than inconsistency.
    """
    import owlready2

    java = str(owlready2.JAVA_EXE)
    if shutil.which(java) is None:
        raise RuntimeError(f"the HermiT reasoner needs Java, and {java!r} is not on PATH: {JAVA_HINT}")
    onto = load_owlready(path)
    world: Any = onto.world
    try:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0,
                                       ignore_unsupported_datatypes=_IGNORE_UNSUPPORTED_DATATYPES)
    except owlready2.OwlReadyInconsistentOntologyError:
        return False, "HermiT: the ontology is inconsistent"
    except owlready2.OwlReadyJavaError as e:
        raise RuntimeError(f"HermiT failed: {e}") from e
    unsatisfiable = sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing)
    if unsatisfiable:
        return False, "HermiT: unsatisfiable classes: " + ", ".join(unsatisfiable)
    n = len(list(onto.classes()))
    return True, f"HermiT: {onto.base_iri} is consistent and its {n} classes are satisfiable"
