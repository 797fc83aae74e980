"""Graph building: extraction records in, RDF out (issue 4)."""
