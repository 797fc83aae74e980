// Checks RDF files (merged, any syntax the OWL API reads) against the OWL 2 DL profile with the OWL API
// inside owlready2's HermiT jar; prints each violation and exits 1 if there is one, 0 if none.
import java.io.File;
import java.util.HashSet;
import java.util.Set;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;

public class DLProfile {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        Set<OWLAxiom> axioms = new HashSet<OWLAxiom>();
        for (String a : args) {
            OWLOntologyManager one = OWLManager.createOWLOntologyManager();
            one.setSilentMissingImportsHandling(true);
            OWLOntology o = one.loadOntologyFromOntologyDocument(new File(a));
            axioms.addAll(o.getAxioms());
        }
        OWLOntology merged = m.createOntology(axioms, IRI.create("urn:ofsted-kg:profile-check"));
        OWLProfileReport r = new OWL2DLProfile().checkOntology(merged);
        for (OWLProfileViolation v : r.getViolations()) {
            System.out.println(v.toString().replace('\n', ' '));
        }
        System.out.println("axioms " + merged.getAxiomCount() + " violations " + r.getViolations().size());
        System.exit(r.isInProfile() ? 0 : 1);
    }
}
