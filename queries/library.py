"""The named SPARQL questions shipped in queries/*.rq, and running them with bound parameters.

Each .rq file starts with a comment header:

    # title: Inspectors who visited an authority
    # description: ...
    # param: authority  The authority, as users type it (e.g. Worcestershire)
    # needs: listings   (optional: it reads the letters' listing graphs; "listings 2": of layout 2 or later)

Parameters are bound as values (substitutions on the embedded store, a VALUES block on a remote
endpoint), never pasted into the query text. An `authority` parameter is first matched to the
authority's canonical name, so "Worcestershire County Council" and "worcestershire" both work.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ofsted_kg.errors import QueryError as QueryError  # re-exported: the error of this module


@dataclass
class Query:
    name: str
    text: str
    title: str = ""
    description: str = ""
    params: dict[str, str] = field(default_factory=dict)  # name -> help
    needs: str = ""  # "listings": reads the letters' listing graphs (see ofsted_kg.graph.listing)

    def bind(self, pairs: list[str]) -> dict[str, Any]:
        """NAME=VALUE pairs as bindings; every declared parameter must be given, and no other name.

        A query without `# param:` lines (`--sparql`, a .rq file without a header) takes its own
        variables as parameters."""
        out: dict[str, Any] = {}
        for pair in pairs:
            if "=" not in pair:
                raise QueryError(f"--param {pair!r}: write NAME=VALUE")
            k, v = pair.split("=", 1)
            k = k.strip()
            declared = list(self.params) or query_variables(self.text)
            if k not in declared:
                raise QueryError(f"query {self.name!r} has no parameter {k!r}; it takes: {', '.join(declared) or 'none'}")
            out[k] = _canonical(k, v.strip())
        missing = [p for p in self.params if p not in out]
        if missing:
            raise QueryError(f"query {self.name!r} needs --param {missing[0]}=... ({self.params[missing[0]]})")
        return out


DEFAULT_TIMEOUT = 60.0  # seconds a user's query may run (`query --timeout`)

# what a SPARQL text holds besides its keywords, names and variables: comments, long and short strings, IRIs
_NOT_CODE = re.compile("|".join([
    r"#[^\n]*",
    r"'''(?:[^'\\]|\\.|'(?!''))*'''", r'"""(?:[^"\\]|\\.|"(?!""))*"""',
    r"'(?:[^'\\\n]|\\.)*'", r'"(?:[^"\\\n]|\\.)*"',
    r'<[^<>"{}|^`\\\x00-\x20]*>',
]))
_SERVICE_WORD = re.compile(r"(?<![\w:?$])service(?![\w:])", re.I)
_VARIABLE = re.compile(r"[?$]([A-Za-z_0-9\u00B7\u00C0-\uFFFD]+)")


def _code(sparql: str) -> str:
    """The query's text with its comments, strings and IRIs blanked out."""
    return _NOT_CODE.sub(" ", sparql)


def query_variables(sparql: str) -> list[str]:
    """The variables a query names (outside strings, IRIs and comments), in order of first use."""
    return list(dict.fromkeys(_VARIABLE.findall(_code(sparql))))


def uses_service(sparql: str) -> bool:
    """Does the query hold a `SERVICE` pattern (a request to another endpoint)?

    Decided on the parse tree (rdflib's SPARQL parser); the text is only scanned first for the keyword
    outside strings, IRIs and comments, which most queries lack. A query rdflib cannot parse but whose
    text holds the keyword counts as using it.
    """
    if not _SERVICE_WORD.search(_code(sparql)):
        return False
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(sparql)
    except Exception:  # rdflib's parser raises several kinds; the keyword is there
        return True
    return _has_service(tree)


def _has_service(node: Any) -> bool:
    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_has_service(v) for v in node.values())
    if isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
        return any(_has_service(v) for v in node)
    return False


def run_query(store: Any, query: Query, bindings: dict[str, Any] | None = None, *, allow_service: bool = False,
              timeout: float | None = DEFAULT_TIMEOUT) -> Any:
    """Run a user's query with its bindings (see `Query.bind`) on `store`: a `QueryResult`.

    On the embedded store a `SERVICE` pattern is refused unless `allow_service` (it makes the store
    send requests to other hosts), and the query is stopped after `timeout` seconds (None or 0: no
    limit); on an endpoint, `timeout` bounds the whole HTTP exchange.
    """
    from ofsted_kg.store import OxigraphStore, QueryTimeout, bind_values

    text = bind_values(query.text, bindings) if bindings else query.text
    if not allow_service and isinstance(store, OxigraphStore) and uses_service(text):
        raise QueryError(f"query {query.name!r} uses SERVICE, which makes the store send requests to other "
                         "hosts; refused (give --allow-service to allow it)")
    try:
        return store.select(text, timeout=timeout or None)
    except QueryTimeout as e:
        raise QueryTimeout(f"{e} (--timeout SECONDS gives it longer; 0 for no limit)") from None


def _canonical(name: str, value: str) -> Any:
    if name == "authority":
        from ofsted_kg.extract.authorities import match_authority

        found = match_authority(value)
        return found.name if found else value
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    return value


PERSON_PARAMS = ("inspector", "director", "person")
_PEOPLE_NAMES = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
SELECT DISTINCT ?name ?written WHERE {
  ?person a okg:Person ; okg:name ?name . OPTIONAL { ?person okg:nameAsWritten ?written } }"""


def resolve_person_params(bindings: dict[str, Any], store: Any) -> dict[str, Any]:
    """A person parameter given as any printed form of a name ("Andy Waugh", "Maire Atherton") bound
    to the name the graph shows ("Andrew Waugh", "Máire Atherton") when the value itself is not part
    of any person's name; a value that fits several people is an error naming them."""
    from ofsted_kg.extract.names import same_person

    wanted = {k: v for k, v in bindings.items() if k in PERSON_PARAMS and isinstance(v, str) and v.strip()}
    if not wanted:
        return bindings
    forms: dict[str, set[str]] = {}  # name the graph shows -> every form it was printed in
    for row in store.select(_PEOPLE_NAMES).rows:
        forms.setdefault(str(row["name"]), {str(row["name"])}).update([str(row["written"])] if row["written"] else [])
    out = dict(bindings)
    for key, value in wanted.items():
        if any(value.casefold() in name.casefold() for name in forms):
            continue  # part of a name as the graph shows it: the query's own matching finds it
        fits = sorted(name for name, printed in forms.items()
                      if any(value.casefold() in f.casefold() or same_person(value, f) for f in printed))
        if len(fits) > 1:
            raise QueryError(f"--param {key}={value!r} fits {len(fits)} people: {', '.join(fits)}; give one of these")
        if fits:
            out[key] = fits[0]
    return out


def parse_query(name: str, text: str) -> Query:
    q = Query(name, text)
    for line in text.splitlines():
        m = re.match(r"^#\s*(title|description|param|needs)\s*:\s*(.*)$", line.strip())
        if not m:
            if line.strip() and not line.strip().startswith("#"):
                break
            continue
        key, value = m.groups()
        if key == "param":
            pname, _, phelp = value.partition(" ")
            q.params[pname.strip()] = phelp.strip()
        else:
            setattr(q, key, (getattr(q, key) + " " + value).strip())
    return q


def library() -> list[Query]:
    """Every shipped query, by name (the file name without .rq)."""
    out = []
    for f in sorted(resources.files("ofsted_kg.queries").iterdir(), key=lambda p: p.name):
        if f.name.endswith(".rq"):
            out.append(parse_query(f.name[:-3], f.read_text(encoding="utf-8")))
    return out


def load_query(name: str | None, sparql: str | None = None) -> Query:
    """A library query by name, a .rq file by path, or SPARQL text."""
    if sparql:
        return Query("--sparql", sparql)
    if not name:
        raise QueryError("give a query name (see --list), a .rq file, or --sparql")
    if name.endswith(".rq") or "/" in name:
        p = Path(name)
        if not p.is_file():
            raise QueryError(f"{name}: no such query file")
        return parse_query(p.stem, p.read_text(encoding="utf-8"))
    for q in library():
        if q.name == name:
            return q
    raise QueryError(f"no query named {name!r}; known: {', '.join(q.name for q in library())}")


def print_result(result: Any, fmt: str, out: Any = None) -> None:
    out = out or sys.stdout
    names, rows = result.variables, result.rows
    if fmt == "json":
        json.dump(rows, out, indent=2, ensure_ascii=False, default=str)
        out.write("\n")
    elif fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(names)
        for r in rows:
            w.writerow(["" if r[n] is None else r[n] for n in names])
        out.write(buf.getvalue())
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table()
        for n in names:
            table.add_column(n, overflow="fold")
        for r in rows:
            table.add_row(*["" if r[n] is None else _short(r[n]) for n in names])
        console = Console(file=out) if out is not sys.stdout else Console()
        if not console.is_terminal:
            console = Console(file=out, width=200)
        console.print(table)
        console.print(f"{len(rows)} row(s)", style="dim")


def _short(v: Any) -> str:
    s = str(v)
    for prefix in ("https://w3id.org/ofsted-kg/id/", "https://w3id.org/ofsted-kg/ontology#"):
        if s.startswith(prefix):
            return s[len(prefix):]
    return s
