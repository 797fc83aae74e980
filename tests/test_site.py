"""`publish` as a linked-data site: every IRI resolves through nginx by content negotiation, the
catalogue meets DCAT-AP 3, pages look right in Chromium; bad input is refused cleanly."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, URIRef
from typer.testing import CliRunner

from ofsted_kg.cli.app import app
from ofsted_kg.serve import wait_listening
from ofsted_kg.store import OxigraphStore

from .conftest import EXAMPLES, ROOT
from .test_viz import chromium

runner = CliRunner()
SHAPES = ROOT / "shapes" / "vendor" / "dcat-ap-3.0.1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ofsted_kg.api import ingest

    path = tmp_path_factory.mktemp("store")
    st = OxigraphStore(path)
    assert not ingest([EXAMPLES], st).failed
    st.flush()
    del st
    return path


@pytest.fixture(scope="module")
def served(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The published folder, served by Debian's nginx with the folder's own nginx.conf and nginx-site.conf."""
    nginx = shutil.which("nginx", path=os.environ.get("PATH", "") + ":/usr/sbin")
    assert nginx, "nginx is needed for the site tests (scripts/test.sh installs Debian's nginx-light)"
    tmp = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/ofsted"
    site = tmp / "www" / "ofsted"
    result = runner.invoke(app, ["publish", str(site), "--store", str(store), "--base-url", base_url,
                                 "--publisher", "Test Publisher", "--publisher-type", "NonProfitOrganisation",
                                 "--contact", "data@example.org",
                                 "--sparql-endpoint", "http://127.0.0.1:7878/query", "--dataset-version", "1.2.0"])
    assert result.exit_code == 0, result.output
    conf = tmp / "nginx-test.conf"
    conf.write_text(f"""daemon off; pid {tmp}/nginx.pid; error_log {tmp}/error.log;
{"user root;" if os.geteuid() == 0 else ""}
events {{}}
http {{
  include /etc/nginx/mime.types; access_log off;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  include {site}/nginx.conf;
  server {{ listen 127.0.0.1:{port}; root {tmp}/www; include {site}/nginx-site.conf; }}
}}
""", encoding="utf-8")
    proc = subprocess.Popen([nginx, "-c", str(conf), "-p", str(tmp)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_listening(proc, port), proc.stderr.read().decode() if proc.stderr else "nginx stopped"
        yield base_url, site
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _iris(site: Path, base: str) -> set[str]:
    """Every IRI under the published base in the Turtle dump and the catalogue, fragment removed."""
    g = Graph().parse(site / "ofsted-kg.ttl")
    g.parse(site / "void.ttl")
    return {str(t).split("#", 1)[0] for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(base)}


ACCEPTS = {"text/html": ".html", "text/turtle": ".ttl", "application/ld+json": ".jsonld"}


def test_every_iri_resolves_to_html_turtle_and_jsonld(served: tuple[str, Path]) -> None:
    base_url, site = served
    iris = _iris(site, base_url + "/id/")
    kinds = {iri[len(base_url) + 4:].split("/", 1)[0] for iri in iris}
    assert {"authority", "person", "visit", "letter", "dataset"} <= kinds, kinds
    assert any("/finding/" in i for i in iris) and len(iris) > 500
    # the data's IRIs moved under --base-url: nothing left on w3id.org's instance base
    assert "https://w3id.org/ofsted-kg/id/" not in (site / "ofsted-kg.ttl").read_text(encoding="utf-8")
    failures = []
    with httpx.Client(timeout=30) as client:
        for iri in sorted(iris):
            for accept, ext in ACCEPTS.items():
                r = client.get(iri, headers={"Accept": accept})
                if r.status_code != 303 or not r.headers["location"].endswith(ext):
                    failures.append((iri, accept, r.status_code, r.headers.get("location")))
                    continue
                page = client.get(r.headers["location"])
                if page.status_code != 200 or not page.headers["content-type"].startswith(accept):
                    failures.append((iri, accept, page.status_code, page.headers.get("content-type")))
    assert not failures, failures[:10]


def test_pages_state_facts_with_evidence_in_three_formats(served: tuple[str, Path]) -> None:
    base_url, site = served
    visit = next(iri for iri in sorted(_iris(site, base_url + "/id/visit/")) if "worcestershire" in iri)
    with httpx.Client(timeout=30, follow_redirects=True) as client:
        html = client.get(visit, headers={"Accept": "text/html"}).text
        turtle = client.get(visit, headers={"Accept": "text/turtle"}).text
        ld = client.get(visit, headers={"Accept": "application/ld+json"}).json()
    assert "<h2>Evidence</h2>" in html and "<blockquote>" in html
    assert "examples/letters/" in html or ".txt" in html  # the source document of the quoted words
    assert 'href="../../../authority/worcestershire.html"' in html  # links onwards, relative
    a = Graph().parse(data=turtle, format="turtle", publicID=visit)
    b = Graph().parse(data=json.dumps(ld), format="json-ld", publicID=visit)
    assert len(a) > 5 and a.isomorphic(b)
    assert isinstance(ld["@context"], dict) and ld["@context"]["okg"] == "https://w3id.org/ofsted-kg/ontology#"
    assert any(str(s) == visit for s in a.subjects())
    finding = next(iri for iri in sorted(_iris(site, base_url + "/id/letter/")) if "/finding/" in iri)
    with httpx.Client(timeout=30, follow_redirects=True) as client:
        page = client.get(finding, headers={"Accept": "text/html"}).text
    assert "<h2>Quoted words</h2>" in page and "characters " in page
    index = httpx.get(base_url + "/").text
    assert "Open Government Licence" in index and "ofsted-kg-1.2.0.nq.gz" in index and "Worcestershire" in index
    assert "http://127.0.0.1:7878/query" in index


def test_catalogue_meets_dcat_ap_3(served: tuple[str, Path]) -> None:
    import pyshacl

    _, site = served
    shapes = Graph()
    for name in ("shapes.ttl", "range.ttl"):
        shapes.parse(SHAPES / name)
    data = Graph().parse(site / "void.ttl")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes)
    assert conforms, text[:3000]
    q = """PREFIX void: <http://rdfs.org/ns/void#> PREFIX dcat: <http://www.w3.org/ns/dcat#>
    PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX spdx: <http://spdx.org/rdf/terms#>
    PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX vcard: <http://www.w3.org/2006/vcard/ns#>
    SELECT ?triples ?version ?start ?end ?name ?email ?endpoint WHERE {
      ?cat a dcat:Catalog ; dcat:dataset ?ds ; dcterms:publisher/foaf:name ?name .
      ?ds void:triples ?triples ; dcat:version ?version ; dcterms:spatial ?england ;
          dcterms:temporal [ dcat:startDate ?start ; dcat:endDate ?end ] ;
          dcat:contactPoint/vcard:hasEmail ?email ; void:sparqlEndpoint ?endpoint }"""
    (row,) = list(data.query(q))
    turtle = Graph().parse(site / "ofsted-kg.ttl")
    assert int(row.triples) == len(turtle)  # type: ignore[union-attr]
    assert str(row.version) == "1.2.0" and str(row.name) == "Test Publisher"  # type: ignore[union-attr]
    assert str(row.email) == "mailto:data@example.org" and str(row.start) <= str(row.end)  # type: ignore[union-attr]
    dists = list(data.query("""PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX spdx: <http://spdx.org/rdf/terms#>
      SELECT ?url ?size ?sum WHERE { ?d a dcat:Distribution ; dcat:accessURL ?url ; dcat:downloadURL ?url ;
      dcat:byteSize ?size ; dcat:mediaType ?m ; spdx:checksum [ a spdx:Checksum ; spdx:algorithm ?alg ;
      spdx:checksumValue ?sum ] }"""))
    assert len(dists) == 6
    import hashlib

    for url, size, digest in dists:  # type: ignore[misc]
        path = site / str(url).rsplit("/", 1)[1]
        assert path.stat().st_size == int(size) and hashlib.sha256(path.read_bytes()).hexdigest() == str(digest)
    with gzip.open(site / "ofsted-kg-1.2.0.ttl.gz") as fh:
        assert len(Graph().parse(fh, format="turtle")) == len(turtle)


def _results(data: Graph, *names: str) -> list[tuple[str, str | None, str | None]]:
    """The top-level results (severity, path, value) of the vendored shapes `names` on `data`."""
    import pyshacl
    from rdflib.namespace import SH

    shapes = Graph()
    for name in names:
        shapes.parse(SHAPES / name)
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes)
    found = []
    for r in report.objects(None, SH.result):
        path, value = report.value(r, SH.resultPath), report.value(r, SH.value)
        found.append((str(report.value(r, SH.resultSeverity)), str(path) if path else None,
                      str(value) if value is not None else None))
    return found


def test_catalogue_meets_dcat_ap_3_recommendations(served: tuple[str, Path]) -> None:
    """No result at all (warnings included) from the recommended shapes; against the controlled
    vocabularies, the only violations are SPDX's checksum algorithm, which the SEMIC shape wants under
    `https://spdx.org/rdf/terms` although SPDX's namespace (and DCAT-AP 3's) is `http://spdx.org/rdf/terms#`."""
    from rdflib.namespace import SH

    _, site = served
    data = Graph().parse(site / "void.ttl")
    assert _results(data, "shapes_recommended.ttl") == []
    vocab = _results(data, "mdr-vocabularies.shape.ttl")
    violations = [(path, value) for severity, path, value in vocab if severity == str(SH.Violation)]
    assert {path for path, _ in violations} <= {"http://spdx.org/rdf/terms#algorithm"}, vocab
    assert {value for _, value in violations} <= {"http://spdx.org/rdf/terms#checksumAlgorithm_sha256"}, vocab
    # the warnings left say "check if a corresponding exists": the publisher is not in the EU corporate-body
    # table, England's statistical geography is not in the EU country/place tables nor GeoNames
    warned = {path for severity, path, _ in vocab if severity == str(SH.Warning)}
    assert warned <= {"http://purl.org/dc/terms/publisher", "http://purl.org/dc/terms/spatial"}, vocab
    eu = "http://publications.europa.eu/resource/authority/"
    rows = data.query("""PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dcterms: <http://purl.org/dc/terms/>
      SELECT ?url ?format ?availability WHERE { ?d a dcat:Distribution ; dcat:downloadURL ?url ;
      dcterms:format ?format ; <http://data.europa.eu/r5r/availability> ?availability }""")
    got = {str(url).rsplit("/", 1)[1]: (str(f).rsplit("/", 1)[1], str(a).rsplit("/", 1)[1])
           for url, f, a in rows}  # type: ignore[misc]
    assert got == {"ofsted-kg.trig": ("RDF_TRIG", "AVAILABLE"), "ofsted-kg.nq": ("RDF_N_QUADS", "AVAILABLE"),
                   "ofsted-kg.ttl": ("RDF_TURTLE", "AVAILABLE"), "ofsted-kg-1.2.0.nq.gz": ("RDF_N_QUADS", "TEMPORARY"),
                   "ofsted-kg-1.2.0.ttl.gz": ("RDF_TURTLE", "TEMPORARY"),
                   "ofsted-kg-1.2.0.jsonld.gz": ("JSON_LD", "TEMPORARY")}
    assert (None, URIRef("http://purl.org/dc/terms/language"), URIRef(eu + "language/ENG")) in data
    assert (None, URIRef("http://purl.org/dc/terms/type"),
            URIRef("http://purl.org/adms/publishertype/NonProfitOrganisation")) in data


def test_a_page_in_headless_chromium(served: tuple[str, Path], tmp_path: Path) -> None:
    base_url, site = served
    dom = chromium(tmp_path, "--dump-dom", base_url + "/id/authority/worcestershire")
    assert "<h1>Worcestershire</h1>" in dom and "Linked from" in dom
    shot = tmp_path / "page.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1000,800", base_url + "/id/authority/worcestershire")
    assert shot.stat().st_size > 5000
    # offline: no page loads anything from another host
    for page in list((site / "doc" / "authority").glob("*.html"))[:20] + [site / "index.html"]:
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text and "stylesheet" not in text and "<img" not in text


@pytest.mark.parametrize("args, words", [
    (["--base-url", "https://data.example.org/a b"], "--base-url"),
    (["--base-url", "ftp://data.example.org/"], "--base-url"),
    (["--dataset-version", "1/2"], "version"),
    (["--publisher-type", "Martian"], "publisher type"),
])
def test_bad_options_are_one_line_and_exit_2(store: Path, tmp_path: Path, args: list[str], words: str) -> None:
    out = tmp_path / "site"
    result = runner.invoke(app, ["publish", str(out), "--store", str(store), *args])
    assert result.exit_code == 2 and words in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() and not list(tmp_path.glob(".site.publish-*"))


def test_the_publisher_type_from_a_config_file(tmp_path: Path) -> None:
    from ofsted_kg.catalogue import CatalogueError, Publisher

    config = tmp_path / "publish.toml"
    config.write_text('[publish]\npublisher = "Ofsted"\npublisher_type = "NationalAuthority"\n', encoding="utf-8")
    who = Publisher.from_config(config)
    assert str(who.publisher_type()) == "http://purl.org/adms/publishertype/NationalAuthority"
    # the default publisher is the project's contributors; a named one without a type gets none
    assert str(Publisher().publisher_type()).endswith("/PrivateIndividual(s)")
    assert Publisher(name="Someone").publisher_type() is None
    config.write_text('[publish]\npublisher_type = "Ministry"\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match="publisher type 'Ministry'"):
        Publisher.from_config(config)


def test_a_file_or_a_foreign_folder_is_refused(store: Path, tmp_path: Path) -> None:
    file = tmp_path / "site"
    file.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["publish", str(file), "--store", str(store)])
    assert result.exit_code == 2 and "not a folder" in result.stderr and file.read_text(encoding="utf-8") == "not a folder"
    other = tmp_path / "other"
    other.mkdir()
    (other / "mine.txt").write_text("keep", encoding="utf-8")
    result = runner.invoke(app, ["publish", str(other), "--store", str(store)])
    assert result.exit_code == 2 and "other files" in result.stderr and (other / "mine.txt").exists()


def test_publishing_again_replaces_the_folder(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert runner.invoke(app, ["publish", str(out), "--store", str(store), "--no-pages"]).exit_code == 0
    (out / "stale.txt").write_text("from before", encoding="utf-8")
    assert runner.invoke(app, ["publish", str(out), "--store", str(store), "--no-pages"]).exit_code == 0
    assert not (out / "stale.txt").exists() and (out / "void.ttl").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_the_same_store_publishes_the_same_bytes_whatever_the_hash_seed(store: Path, tmp_path: Path) -> None:
    """Catalogue pages are built from an rdflib graph (its order follows the hash seed) and the dumps are
    gzipped (a header with a time): neither may change a byte between two publications of one store."""
    code = ("import sys; from ofsted_kg.cli.app import app; "
            "app(sys.argv[1:], prog_name='ofsted-kg', standalone_mode=True)")
    for seed in ("1", "2"):
        args = ["publish", str(tmp_path / seed), "--store", str(store), "--base-url", "http://example.org/kg"]
        done = subprocess.run([sys.executable, "-c", code, *args], env={**os.environ, "PYTHONHASHSEED": seed},
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    files = {p.relative_to(tmp_path / "1") for p in (tmp_path / "1").rglob("*") if p.is_file()}
    assert files == {p.relative_to(tmp_path / "2") for p in (tmp_path / "2").rglob("*") if p.is_file()}
    assert any(f.suffix == ".gz" for f in files) and any("checksum" in str(f) for f in files)
    differ = sorted(str(f) for f in files if (tmp_path / "1" / f).read_bytes() != (tmp_path / "2" / f).read_bytes())
    assert differ == []


def _which(name: str) -> str | None:
    return shutil.which(name, path=os.environ.get("PATH", "") + ":/usr/sbin")


def _wait(port: int, proc: subprocess.Popen[bytes]) -> None:
    while proc.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(proc.stderr.read().decode() if proc.stderr else "the server stopped")


def _sample(site: Path, base: str) -> list[str]:
    """One IRI of each kind (authority, person, visit, letter, finding, evidence, dataset, ...)."""
    by_kind: dict[str, str] = {}
    for iri in sorted(_iris(site, base)):
        rest = iri[len(base):]
        kind = "finding" if "/finding/" in rest else "evidence" if "/evidence/" in rest else rest.split("/", 1)[0]
        by_kind.setdefault(kind, iri)
    return list(by_kind.values())


def _check_conneg(served_url: str, site: Path, published_base: str) -> None:
    """The sample's IRIs, asked of the server at `served_url`, answer 303 to the page for each Accept."""
    with httpx.Client(timeout=30) as client:
        for iri in _sample(site, published_base):
            path = iri[len(published_base) - len("/id/"):]  # "/id/..." kept
            for accept, ext in ACCEPTS.items():
                r = client.get(served_url + path, headers={"Accept": accept})
                assert r.status_code == 303 and r.headers["location"].endswith(ext), (iri, accept, r.status_code)
                page = client.get(httpx.URL(served_url + path).join(r.headers["location"]))
                assert page.status_code == 200 and page.headers["content-type"].startswith(accept), (iri, accept)


@pytest.mark.skipif(not _which("caddy"), reason="Debian's caddy is not installed (optional: apt-get install caddy)")
def test_the_caddy_config_negotiates(served: tuple[str, Path], tmp_path: Path) -> None:
    base_url, site = served
    port = _free_port()
    conf = tmp_path / "Caddyfile"
    conf.write_text(f"""{{
\tadmin off
\tauto_https off
\tstorage file_system {tmp_path}/data
}}
http://127.0.0.1:{port} {{
\troot * {site.parent}
\timport {site}/Caddyfile.ofsted-kg
\tfile_server
}}
""", encoding="utf-8")
    caddy = _which("caddy")
    assert caddy
    proc = subprocess.Popen([caddy, "run", "--config", str(conf), "--adapter", "caddyfile"], env={**os.environ, "HOME": str(tmp_path)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait(port, proc)
        _check_conneg(f"http://127.0.0.1:{port}/ofsted", site, base_url + "/id/")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


APACHE = """ServerRoot /usr/lib/apache2
ServerName 127.0.0.1
LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule dir_module modules/mod_dir.so
LoadModule mime_module modules/mod_mime.so
LoadModule rewrite_module modules/mod_rewrite.so
LoadModule headers_module modules/mod_headers.so
Listen 127.0.0.1:{port}
PidFile {tmp}/httpd.pid
ErrorLog {tmp}/error.log
{user}
TypesConfig /etc/mime.types
DocumentRoot {www}
<Directory {www}>
  AllowOverride All
  Require all granted
</Directory>
"""


@pytest.mark.skipif(not _which("apache2"), reason="Debian's apache2 is not installed (optional: apt-get install apache2)")
def test_the_htaccess_negotiates_in_apache(served: tuple[str, Path]) -> None:
    import tempfile

    base_url, site = served
    port = _free_port()
    tmp = Path(tempfile.mkdtemp(prefix="ofsted-kg-apache-", dir="/tmp"))  # readable by Apache's own user
    try:
        tmp.chmod(0o755)
        www = tmp / "www"
        shutil.copytree(site, www / "ofsted")
        for p in [www, *www.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)
        user = "User www-data\nGroup www-data" if os.geteuid() == 0 else ""
        (tmp / "httpd.conf").write_text(APACHE.format(port=port, tmp=tmp, www=www, user=user), encoding="utf-8")
        proc = subprocess.Popen([_which("apache2") or "apache2", "-f", str(tmp / "httpd.conf"), "-X"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _wait(port, proc)
            _check_conneg(f"http://127.0.0.1:{port}/ofsted", www / "ofsted", base_url + "/id/")
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def test_a_killed_publish_leaves_nothing_behind_the_next_one(tmp_path: Path) -> None:
    """The scratch folder of a publish killed with SIGKILL is removed by the next publish beside it; one
    killed while the old site was moved aside puts the old site back; a running publish's is left alone."""
    from ofsted_kg.publish import _clear_stale_scratch

    dead = subprocess.Popen(["true"])
    dead.wait()
    site = tmp_path / "site"
    killed = tmp_path / f".site.publish-{dead.pid}"
    (killed / "previous").mkdir(parents=True)
    (killed / "previous" / "index.html").write_text("old site", encoding="utf-8")
    (killed / "site").mkdir()
    running = tmp_path / f".site.publish-{os.getppid()}"
    running.mkdir()
    _clear_stale_scratch(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "old site"
    assert not killed.exists() and running.exists()
