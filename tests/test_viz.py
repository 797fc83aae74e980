"""Network views: the graphs built from the store, the drawings, the interchange files, the CLI and the
HTML page in a real headless Chromium."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx
import pytest
from typer.testing import CliRunner

from ofsted_kg.api import ingest
from ofsted_kg.cli.app import app
from ofsted_kg.graph.viz import FORMATS, VIEWS, VizError, build_view, get_format, write
from ofsted_kg.graph.viz.html import page_data, render_html
from ofsted_kg.graph.viz.interchange import coerce, portable
from ofsted_kg.store import OxigraphStore

from .conftest import EXAMPLES

runner = CliRunner()

WORCESTERSHIRE = {"Andrew Waugh", "Alison Smale", "Rebecca Quested", "Matthew Hedges", "Karen McKeown"}
WARWICKSHIRE = {"Peter McEntee", "Pauline Higham"}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("vizstore")
    store = OxigraphStore(path)
    result = ingest([EXAMPLES], store, workers=1)
    assert not result.failed, result.problems
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def store(store_path: Path) -> Any:
    return OxigraphStore(store_path, read_only=True)


def by_label(g: nx.Graph, label: str) -> Any:
    found = [v for v, d in g.nodes(data=True) if d["label"] == label]
    assert len(found) == 1, f"{label!r}: {len(found)} nodes"
    return found[0]


def neighbour_labels(g: nx.Graph, label: str) -> set[str]:
    return {g.nodes[u]["label"] for u in g.neighbors(by_label(g, label))}


# --- the graphs -------------------------------------------------------------------------------------------

def test_inspectors_authorities_links_the_seed_inspectors(store: Any) -> None:
    g = build_view("inspectors-authorities", store)
    assert neighbour_labels(g, "Worcestershire") == WORCESTERSHIRE
    assert neighbour_labels(g, "Warwickshire") == WARWICKSHIRE
    for a, b in g.edges:  # bipartite: every edge joins an authority and an inspector
        assert {g.nodes[a]["kind"], g.nodes[b]["kind"]} == {"authority", "inspector"}
    waugh = g.edges[by_label(g, "Worcestershire"), by_label(g, "Andrew Waugh")]
    assert waugh["weight"] == 2 and waugh["years"] == [2018, 2019]
    assert waugh["dates"] == ["2018-04-18", "2019-01-08"]
    assert g.nodes[by_label(g, "Andrew Waugh")]["dates"] == ["2018-04-18", "2019-01-08"]
    assert all(0.0 <= d["x"] <= 1.0 and 0.0 <= d["y"] <= 1.0 for _, d in g.nodes(data=True))


def test_layout_is_seeded(store: Any) -> None:
    a = build_view("inspectors-authorities", store)
    b = build_view("inspectors-authorities", store)
    assert {v: (d["x"], d["y"]) for v, d in a.nodes(data=True)} == {v: (d["x"], d["y"]) for v, d in b.nodes(data=True)}


def test_years_and_authorities_are_bound_as_values(store: Any) -> None:
    g = build_view("inspectors-authorities", store, from_year=2018, to_year=2019,
                   authorities=["Worcestershire County Council"])
    assert neighbour_labels(g, "Worcestershire") == {"Andrew Waugh", "Alison Smale"}
    assert {d["label"] for _, d in g.nodes(data=True) if d["kind"] == "authority"} == {"Worcestershire"}
    two = build_view("inspectors-authorities", store, authorities=["Worcestershire", "warwickshire"])
    assert {d["label"] for _, d in two.nodes(data=True) if d["kind"] == "authority"} == {"Worcestershire", "Warwickshire"}
    hostile = build_view("inspectors-authorities", store, authorities=['x" } } SELECT * WHERE { ?s ?p ?o } #'])
    assert hostile.number_of_nodes() == 0
    with pytest.raises(VizError, match="after"):
        build_view("co-inspectors", store, from_year=2020, to_year=2010)


def test_co_inspectors(store: Any) -> None:
    g = build_view("co-inspectors", store)
    assert all(d["kind"] == "inspector" for _, d in g.nodes(data=True))
    assert g.edges[by_label(g, "Andrew Waugh"), by_label(g, "Alison Smale")]["weight"] == 2
    assert neighbour_labels(g, "Peter McEntee") == {"Pauline Higham"}
    assert neighbour_labels(g, "Rebecca Quested") == {"Matthew Hedges"}
    assert g.degree(by_label(g, "Karen McKeown")) == 0  # alone on her 2010 visit, still drawn
    assert g.edges[by_label(g, "Andrew Waugh"), by_label(g, "Alison Smale")]["authorities"] == ["Worcestershire"]


def test_authority_timeline(store: Any) -> None:
    g = build_view("authority-timeline", store, authorities=["Worcestershire"])
    kinds: dict[str, set[str]] = {}
    for _, d in g.nodes(data=True):
        kinds.setdefault(d["kind"], set()).add(d["label"])
    assert kinds["authority"] == {"Worcestershire"}
    assert kinds["inspector"] == WORCESTERSHIRE
    assert {"Catherine Driscoll", "Gail Quinton"} <= kinds["director"]
    assert "inadequate (2016-11)" in kinds["judgement"]
    visits = sorted((d["start"], v) for v, d in g.nodes(data=True) if d["kind"] == "visit")
    assert [s for s, _ in visits][:3] == ["2010-07-06", "2018-04-18", "2019-01-08"]
    xs = [g.nodes[v]["x"] for _, v in visits]
    assert xs == sorted(xs)  # time runs left to right
    restated = by_label(g, "inadequate (2016-11)")
    assert {g.nodes[v]["start"] for v in g.neighbors(restated)} == {"2018-04-18", "2019-01-08"}
    assert g.edges[visits[0][1], by_label(g, "Karen McKeown")]["relation"] == "inspected by"
    with pytest.raises(VizError, match="needs exactly one --authority"):
        build_view("authority-timeline", store)
    with pytest.raises(VizError, match="no visits"):
        build_view("authority-timeline", store, authorities=["Worcestershire"], from_year=2030)


# --- static drawings ---------------------------------------------------------------------------------------

def test_drawing_takes_an_ax_and_returns_what_it_drew(store: Any, tmp_path: Path) -> None:
    from matplotlib.figure import Figure

    from ofsted_kg.graph.viz.static import draw

    g = build_view("inspectors-authorities", store)
    ax = Figure().add_subplot()
    drawn = draw(g, ax)
    assert set(drawn.nodes) == set(g.nodes) and len(drawn.edges) == g.number_of_edges()
    assert {"Worcestershire", "Andrew Waugh", "Pauline Higham"} <= set(drawn.labels.values())
    assert {t.get_text() for t in drawn.artists["labels"].values()} == set(drawn.labels.values())
    assert [t.get_text() for t in drawn.artists["legend"].get_texts()] == [
        "Authority", "Inspector", "Monitoring visit", "Focused visit", "Annual unannounced inspection"]
    assert ax.get_title() == "Inspectors and the authorities they visited"
    few = draw(g, Figure().add_subplot(), max_labels=1)  # the authorities always, then one more
    assert set(few.labels.values()) == {"Worcestershire", "Warwickshire", "Alison Smale"}  # ties: by name
    assert_labels_apart(drawn)
    for fmt in ("png", "svg"):
        out = tmp_path / f"net.{fmt}"
        assert write(g, out).name == fmt
        assert out.stat().st_size > 1000 and not (tmp_path / f"net.{fmt}.part").exists()
    assert (tmp_path / "net.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Worcestershire" in (tmp_path / "net.svg").read_text(encoding="utf-8")


def assert_labels_apart(drawn: Any) -> None:
    """No two label boxes overlap, and each box is where its text is drawn (measured again after drawing)."""
    from ofsted_kg.graph.viz.labels import overlap, renderer_of

    boxes = list(drawn.label_boxes.items())
    clashes = [(a, b) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1:] if overlap(ba, bb)]
    assert not clashes, clashes[:5]
    texts = drawn.artists["labels"]
    some = next(iter(texts.values()), None)
    if some is not None:
        some.figure.canvas.draw()
        renderer = renderer_of(some.figure)
        for v, text in texts.items():
            e = text.get_window_extent(renderer) if not hasattr(text, "xyann") else _words(text, renderer)
            x0, y0, x1, y1 = drawn.label_boxes[v]
            assert x0 <= e.x0 + 0.5 and e.x1 <= x1 + 0.5 and y0 <= e.y0 + 0.5 and e.y1 <= y1 + 0.5, (v, e)


def _words(text: Any, renderer: Any) -> Any:
    from matplotlib.text import Text

    return Text.get_window_extent(text, renderer)


def test_static_labels_on_a_crowded_picture_do_not_collide() -> None:
    """Thirty authorities in one tight cluster: each keeps its label, none overlaps, leader lines where needed."""
    import random

    from matplotlib.figure import Figure

    from ofsted_kg.graph.viz.static import draw

    rng = random.Random(3)
    g = nx.Graph(title="crowded")
    for i in range(30):
        g.add_node(f"a{i}", kind="authority", label=f"Authority number {i}", x=0.5 + rng.uniform(-0.06, 0.06),
                   y=0.5 + rng.uniform(-0.06, 0.06))
    for j in range(60):
        g.add_node(f"i{j}", kind="inspector", label=f"Inspector {j}", x=rng.random(), y=rng.random())
        g.add_edge(f"i{j}", f"a{j % 30}")
    fig = Figure(figsize=(11, 8), dpi=110)
    drawn = draw(g, fig.add_axes((0.01, 0.01, 0.98, 0.94)))
    assert drawn.unlabelled == []
    assert {f"Authority number {i}" for i in range(30)} <= set(drawn.labels.values())
    assert_labels_apart(drawn)


# --- GraphML and GEXF ----------------------------------------------------------------------------------------

def test_attributes_are_coerced_for_gephi_and_cytoscape() -> None:
    assert coerce(["2018-04-18", "2019-01-08"]) == "2018-04-18; 2019-01-08"
    assert coerce([2018, None, 2019]) == "2018; 2019"
    assert coerce(None) is None and coerce(3) == 3 and coerce(True) is True
    g = nx.Graph(title="t", empty=None)
    g.add_node("a", label="A", sequence=4, dates=[], start=None)
    g.add_node("b", label="B", sequence="n/a")
    g.add_edge("a", "b", weight=2, years=[2018, 2019], note=None)
    p = portable(g)
    assert p.nodes["a"] == {"label": "A", "sequence": "4", "dates": ""}  # mixed int/str -> str everywhere
    assert p.edges["a", "b"] == {"weight": 2, "years": "2018; 2019"}
    assert "empty" not in p.graph


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_interchange_files_read_back(store: Any, tmp_path: Path, fmt: str) -> None:
    g = build_view("authority-timeline", store, authorities=["Worcestershire"])
    out = tmp_path / f"net.{fmt}"
    write(g, out)
    back = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
    labels = {d["label"] for _, d in back.nodes(data=True)}
    assert WORCESTERSHIRE | {"Worcestershire"} <= labels
    waugh = [d for _, d in back.nodes(data=True) if d["label"] == "Andrew Waugh"][0]
    assert waugh["kind"] == "inspector" and waugh["dates"] == "2018-04-18; 2019-01-08"
    text = out.read_text(encoding="utf-8")
    assert "None" not in text
    if fmt == "gexf":
        assert "viz:position" in text and "viz:color" in text


# --- registries and CLI ----------------------------------------------------------------------------------------

def test_registries() -> None:
    assert list(VIEWS) == ["inspectors-authorities", "co-inspectors", "authority-timeline"]
    assert list(FORMATS) == ["html", "png", "svg", "graphml", "gexf"]
    assert get_format(None, "x.HTM").name == "html" and get_format("svg", "x.png").name == "svg"
    with pytest.raises(VizError, match="known: html, png, svg, graphml, gexf"):
        get_format("pdf", "x.pdf")


def test_cli(store_path: Path, tmp_path: Path) -> None:
    unknown = runner.invoke(app, ["viz", "nope", "--output", str(tmp_path / "x.html"), "--store", str(store_path)])
    assert unknown.exit_code == 2
    assert "inspectors-authorities, co-inspectors, authority-timeline" in unknown.output
    suffix = runner.invoke(app, ["viz", "co-inspectors", "-o", str(tmp_path / "x.txt"), "--store", str(store_path)])
    assert suffix.exit_code == 2 and "--format" in suffix.output
    bad_format = runner.invoke(app, ["viz", "co-inspectors", "-o", str(tmp_path / "x.html"), "--format", "pdf",
                                     "--store", str(store_path)])
    assert bad_format.exit_code == 2 and "graphml" in bad_format.output
    no_authority = runner.invoke(app, ["viz", "authority-timeline", "-o", str(tmp_path / "t.svg"),
                                       "--store", str(store_path)])
    assert no_authority.exit_code == 2 and "--authority" in no_authority.output
    no_store = runner.invoke(app, ["viz", "co-inspectors", "-o", str(tmp_path / "x.html"),
                                   "--store", str(tmp_path / "missing")])
    assert no_store.exit_code == 2
    ok = runner.invoke(app, ["viz", "inspectors-authorities", "-o", str(tmp_path / "net.graphml"), "--from", "2018",
                             "--to", "2019", "--authority", "Warwickshire", "--store", str(store_path)])
    assert ok.exit_code == 0, ok.output
    back = nx.read_graphml(tmp_path / "net.graphml")
    assert {d["label"] for _, d in back.nodes(data=True)} == WARWICKSHIRE | {"Warwickshire"}
    forced = runner.invoke(app, ["viz", "authority-timeline", "-a", "Worcestershire", "-o", str(tmp_path / "t.out"),
                                 "--format", "gexf", "--store", str(store_path)])
    assert forced.exit_code == 0, forced.output
    assert "<gexf" in (tmp_path / "t.out").read_text(encoding="utf-8")


def test_help_does_not_import_networkx_or_matplotlib() -> None:
    import sys

    code = ("import sys, ofsted_kg.cli.app; "
            "print(any(m.split('.')[0] in ('networkx', 'matplotlib') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- the HTML page in headless Chromium ------------------------------------------------------------------------

CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium(tmp_path: Path, *args: str) -> str:
    exe = shutil.which("chromium")
    assert exe, "chromium is needed for the HTML tests (scripts/test.sh installs Debian's chromium)"
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    out = subprocess.run([exe, *CHROMIUM[1:], f"--user-data-dir={profile}", *args], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def loaded(tmp_path: Path, page: Path, budget: int | None = 5000) -> dict[str, str]:
    """The page's body attributes and collected errors after it has rendered (its first frame is drawn
    during load, so without a virtual-time budget the DOM is read right after it)."""
    dom = chromium(tmp_path, *([f"--virtual-time-budget={budget}"] if budget else []), "--dump-dom", page.as_uri())
    body = re.search(r"<body([^>]*)>", dom)
    assert body, dom[:500]
    attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', body.group(1)))
    errors = re.search(r'<pre id="errors">(.*?)</pre>', dom, re.S)
    attrs["errors-text"] = errors.group(1) if errors else "(no error element)"
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    attrs["title"] = title.group(1) if title else ""
    return attrs


def test_html_page_renders_the_view_without_errors(store: Any, tmp_path: Path) -> None:
    g = build_view("inspectors-authorities", store)
    page = tmp_path / "net.html"
    write(g, page)
    text = page.read_text(encoding="utf-8")
    assert "http://" not in text.replace("http://www.w3.org", "") and "https://cdn" not in text  # offline
    assert "<script src" not in text  # sigma and graphology inlined
    attrs = loaded(tmp_path, page)
    assert attrs["errors-text"] == "" and attrs["data-errors"] == "0"
    assert attrs["data-drawn-nodes"] == attrs["data-nodes"] == str(g.number_of_nodes())
    assert attrs["data-drawn-edges"] == str(g.number_of_edges())
    assert attrs["title"].endswith(f"({g.number_of_nodes()} nodes)")
    assert float(attrs["data-first-frame-ms"]) > 0
    assert not [k for k in attrs if k.startswith("data-st-")]  # the self-test runs only with #selftest


def test_html_page_hides_isolated_nodes_until_asked(store: Any, tmp_path: Path) -> None:
    g = build_view("co-inspectors", store)
    alone = [v for v in g if g.degree(v) == 0]
    assert [g.nodes[v]["label"] for v in alone] == ["Karen McKeown"]
    page = tmp_path / "co.html"
    write(g, page)
    attrs = loaded(tmp_path, page)
    assert attrs["data-errors"] == "0", attrs["errors-text"]
    assert attrs["data-nodes"] == str(g.number_of_nodes())
    assert attrs["data-drawn-nodes"] == str(g.number_of_nodes() - 1) and attrs["data-hidden-isolated"] == "1"
    st = self_test(tmp_path, page, "Andrew Waugh")
    assert st["isolated-shown"] == str(g.number_of_nodes())  # the checkbox brings her back


def self_test(tmp_path: Path, page: Path, label: str) -> dict[str, str]:
    """What the page's handlers did when selftest.js drove them with synthetic events at `label`'s node."""
    dom = chromium(tmp_path, "--virtual-time-budget=15000", "--dump-dom", f"{page.as_uri()}#selftest={quote(label)}")
    body = re.search(r"<body([^>]*)>", dom)
    assert body, dom[:500]
    attrs = {k: html.unescape(v) for k, v in re.findall(r'([\w-]+)="([^"]*)"', body.group(1))}
    errors = re.search(r'<pre id="errors">(.*?)</pre>', dom, re.S)
    assert attrs["data-errors"] == "0", errors.group(1) if errors else dom[:500]
    assert attrs.get("data-st-done") == "yes", attrs
    return {k.removeprefix("data-st-"): v for k, v in attrs.items() if k.startswith("data-st-")}


def test_html_page_interactions(store: Any, tmp_path: Path) -> None:
    g = build_view("inspectors-authorities", store)
    page = tmp_path / "net.html"
    write(g, page)
    st = self_test(tmp_path, page, "Worcestershire")
    worcs = g.nodes[by_label(g, "Worcestershire")]
    others = {d["label"] for _, d in g.nodes(data=True)} - WORCESTERSHIRE - {"Worcestershire"}
    assert st["target"] == "Worcestershire"
    # hover: the node under the pointer, its tooltip beside the pointer with visit kinds and the latest
    # grade; moving off the node hides it
    assert st["hover"] == "Worcestershire"
    assert st["tip-display"] == "block"
    assert st["tip-label"] == "Worcestershire"
    assert st["tip-text"].startswith(f"WorcestershireAuthority · {g.degree(by_label(g, 'Worcestershire'))} link(s)")
    assert worcs["dates"] and all(d in st["tip-text"] for d in worcs["dates"])
    assert "Monitoring visit ×2" in st["tip-text"] and "Latest grade: Good (restated)" in st["tip-text"]
    assert [round(float(x)) for x in st["tip-offset"].split(",")] == [14, 14]
    assert st["leave-hover"] == "" and st["leave-tip-display"] == "none"
    # the hover layers are displayed only while a node is hovered or selected; the edge-label layer never
    assert st["hover-layers"] == "," and st["leave-hover-layers"] == "none,none"
    assert st["edge-label-layer"] == "none"
    # click: the node and its neighbours lit, every other node drawn faded, the side panel lists its visits
    # (kind, date, grade) with the quoted words and the source document; a second click, or a click on
    # empty space, clears it
    assert st["dimmed-before"] == ""
    assert st["selected"] == "Worcestershire"
    assert st["lit"].split("|") == sorted(WORCESTERSHIRE | {"Worcestershire"})
    assert others and st["dimmed"].split("|") == sorted(others)
    assert st["panel-display"] == "block" and st["panel-title"] == "Worcestershire"
    assert st["panel-visits"] == str(len(worcs["dates"])) == "4"
    panel = st["panel-text"]
    assert "West Midlands" in panel and "latest grade: Good (restated)" in panel
    assert "2019-01-08 · Monitoring visit · Worcestershire" in panel
    assert "Restates: Inadequate (2016-11)" in panel and "\u201cjudged inadequate\u201d \u2014 restated" in panel
    assert "\u201cAndy Waugh\u201d \u2014 inspector" in panel  # the words as the 2018 letter wrote them
    assert panel.index("2024-12-03") < panel.index("2019-01-08") < panel.index("2010-07-06")  # latest first
    # the graph keeps source paths relative to the folder ingested (never absolute): the links are too
    assert sorted(st["panel-links"].split("|")) == [n for n in (
        "000_5f08dc2b8cd356b2.txt", "001_86c9a5ce8fa1226d.txt", "002_a2bb1c2b670b0846.txt", "003_807445bb4780ee5e.txt")]
    assert "Source: 000_5f08dc2b8cd356b2.txt" in panel
    assert st["toggled-selected"] == st["toggled-lit"] == "" and st["toggled-panel-display"] == "none"
    assert st["cleared-selected"] == st["cleared-lit"] == st["dimmed-after"] == ""
    # drag: the view follows the pointer, the tooltip hides, and a drag is not a click
    assert st["pan-node-shift"] == st["pan-settled-shift"] == "40,25"
    assert st["pan-dragging-down"] == "true" and st["pan-dragging-up"] == "false"  # grabbing while held
    assert st["pan-tip-display"] == "none"
    assert st["pan-selected"] == ""
    assert st["pan-after-hover"] == "Worcestershire"  # no picking during the drag, drawn again after it
    # wheel: zooms about the pointer (sigma's step, 1.7), not the page, and the node stays under the pointer
    assert float(st["zoom-in"]) == pytest.approx(1.7)
    assert float(st["zoom-drift"]) <= 1.5  # synthetic events' coordinates are whole pixels
    assert st["zoom-prevented"] == "true"  # the page itself does not scroll
    assert st["zoom-hover"] == "Worcestershire"
    assert float(st["zoom-back"]) == pytest.approx(1.0)
    # find: part of a name, any case, then Enter selects the node and centres it; an unknown name is marked
    # and changes nothing; Esc clears the highlight and the panel
    assert st["find-selected"] == "Worcestershire"
    assert st["find-centred"] == "true"
    assert st["find-missing"] == "true,Worcestershire"
    assert st["escape-selected"] == st["escape-lit"] == "" and st["escape-panel-display"] == "none"
    # filters and colours
    assert st["shown"] == str(g.number_of_nodes()) and st["no-kinds-shown"] == "0"
    assert st["legend-grade"].startswith("Good (1)No grade stated (1)Other nodes (7)")
    assert st["colour-grade"].lower() == "#91cf60"  # Worcestershire's latest grade: good
    assert st["legend-role"].startswith("Team inspector (7)Other nodes (2)")


def big_graph(n_authorities: int = 150, n_inspectors: int = 2200) -> nx.Graph:
    """A graph the size of years of national data, positioned on a grid (layout is not what is tested here)."""
    g = nx.Graph(title="big")
    for i in range(n_authorities):
        g.add_node(f"a{i}", kind="authority", label=f"Authority {i}", x=(i % 15) / 14, y=(i // 15) / 9,
                   dates=["2019-01-08"], visits=1)
    for j in range(n_inspectors):
        g.add_node(f"i{j}", kind="inspector", label=f"Inspector {j}", x=(j % 50) / 49, y=(j // 50) / 43.0,
                   dates=[], visits=1)
        g.add_edge(f"a{j % n_authorities}", f"i{j}", weight=1 + j % 3, years=[2019])
    g.add_node("evil", kind="inspector", label='</script><script>throw new Error("x")</script>&amp;', x=0.5, y=0.5)
    return g


def test_html_page_draws_thousands_of_nodes(tmp_path: Path) -> None:
    g = big_graph()
    page = tmp_path / "big.html"
    page.write_text(render_html(g), encoding="utf-8")
    attrs = loaded(tmp_path, page)
    assert attrs["errors-text"] == "" and attrs["data-errors"] == "0"
    assert attrs["data-nodes"] == str(g.number_of_nodes()) == "2351"
    assert attrs["data-drawn-nodes"] == "2350" and attrs["data-hidden-isolated"] == "1"  # "evil" has no links


def test_error_capture_reports_script_errors(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(render_html(big_graph(3, 3)).replace("</body>", "<script>noSuchFunction();</script></body>"),
                    encoding="utf-8")
    attrs = loaded(tmp_path, page)
    assert attrs["data-errors"] == "1" and "noSuchFunction" in attrs["errors-text"]


def test_html_screenshot_is_not_blank(store: Any, tmp_path: Path) -> None:
    from matplotlib.image import imread

    g = build_view("authority-timeline", store, authorities=["Worcestershire"])
    page = tmp_path / "timeline.html"
    write(g, page)
    shot = tmp_path / "shot.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,800", page.as_uri())
    assert shot.is_file()
    pixels = imread(shot)
    assert pixels.shape[:2] == (800, 1200)
    rgb = pixels[..., :3].reshape(-1, 3)
    assert rgb.std() > 0.02  # not a blank page
    assert (abs(rgb - [0x00 / 255, 0x72 / 255, 0xB2 / 255]) < 0.03).all(axis=1).sum() > 50  # an authority node drawn


# --- visit facts: grades, roles, evidence ----------------------------------------------------------------------

def fact(visit: str, fact: str, value: str, **kw: Any) -> dict[str, Any]:
    row = {"visit": visit, "start": kw.pop("start", "2020-01-01"), "authority": kw.pop("authority", "Worcestershire"),
           "letter": "l", "fact": fact, "node": kw.pop("node", f"{visit}/{fact}"), "value": value, "area": None,
           "date": None, "exact": None, "page": None, "path": "a.pdf", "url": None}
    row.update(kw)
    return row


def test_visit_table_latest_grade_and_roles() -> None:
    from ofsted_kg.graph.viz.facts import annotate, latest_grade, visit_table

    rows = [fact("v1", "kind", "inspection", start="2019-03-01", exact="Inspection of", page=1),
            fact("v1", "awarded", "inadequate", area="Overall effectiveness", start="2019-03-01",
                 exact="Inadequate", page=2),
            fact("v1", "awarded", "requires_improvement", area="The experiences of children in care",
                 start="2019-03-01"),
            fact("v1", "inspector", "lead", node="p/lead", start="2019-03-01", exact="Jo Lead", page=9),
            fact("v1", "inspector", "p/team", node="p/team", start="2019-03-01"),
            fact("v2", "kind", "focused_visit", start="2021-05-01"),
            fact("v2", "restated", "good", date="2018-12", start="2021-05-01"),
            fact("v3", "kind", "joint_targeted_area_inspection", start="2022-02-01", url="https://files.example/x.pdf"),
            fact("v3", "inspector", "p/cqc", node="p/cqc", start="2022-02-01")]
    visits = visit_table(rows)
    assert visits["v1"]["awarded"][0] == {"area": "Overall effectiveness", "grade": "inadequate"}
    assert visits["v1"]["leads"] == ["p/lead"] and visits["v3"]["url"] == "https://files.example/x.pdf"
    assert {"fact": "awarded", "words": "Inadequate", "page": 2, "node": ""} in visits["v1"]["evidence"]
    # the 2019 overall judgement is later than the 2018 one a 2021 letter restates; area grades do not count
    assert latest_grade(list(visits.values())) == ("inadequate", "awarded")
    assert latest_grade([visits["v2"]]) == ("good", "restated") and latest_grade([visits["v3"]]) == ("", "")
    g = nx.Graph()
    g.add_node("a", kind="authority", label="Worcestershire", visit_ids=["v1", "v2", "v3"])
    for p, vs in (("p/lead", ["v1"]), ("p/team", ["v1", "v3"]), ("p/cqc", ["v3"])):
        g.add_node(p, kind="inspector", label=p, visit_ids=vs)
        g.add_edge("a", p, visit_ids=vs)
    annotate(g, visits)
    assert g.nodes["a"]["region"] == "West Midlands" and g.nodes["a"]["latest_grade"] == "inadequate"
    assert [g.nodes[p]["role"] for p in ("p/lead", "p/team", "p/cqc")] == ["lead", "team", "joint"]
    assert g.edges["a", "p/cqc"]["kind"] == "joint_targeted_area_inspection"
    assert visits["v2"]["authority_grade"] == "inadequate"  # what the page's grade filter reads
    assert "visit_facts" not in portable(g).graph  # a table is no GraphML attribute


def test_html_screenshot_at_10000_nodes_is_drawn_across_the_canvas(tmp_path: Path) -> None:
    """10,000 nodes and 50,000 edges spread over the square: every part of the drawing has ink (WebGL
    really drew, with the big-graph programs), and the page reports no error."""
    import random

    from matplotlib.image import imread

    rng = random.Random(5)
    g = nx.Graph(title="national")
    for i in range(10_000):
        g.add_node(i, kind="authority" if i < 150 else "inspector", label=f"N{i}", x=rng.random(), y=rng.random())
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < 50_000:  # (networkx counts its edges by walking every node)
        pairs.add((rng.randrange(150), rng.randrange(150, 10_000)))
    g.add_edges_from(sorted(pairs), weight=1, years=[2020])
    page = tmp_path / "national.html"
    page.write_text(render_html(g), encoding="utf-8")
    shot = tmp_path / "national.png"
    # no virtual time here: it has Chromium draw frame after frame of 50,000 edges in software
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,900", page.as_uri())
    pixels = imread(shot)[..., :3]
    background = pixels[-2, -2]  # the page's own background, bottom-right
    top = 120  # below the title and controls
    ink = abs(pixels[top:] - background).sum(axis=2) > 0.1
    rows, cols = ink.any(axis=1).nonzero()[0], ink.any(axis=0).nonzero()[0]
    assert rows.size, "nothing drawn below the controls"
    y0, y1, x0, x1 = rows[0], rows[-1], cols[0], cols[-1]
    assert y1 - y0 > 0.8 * (ink.shape[0] - 40) and x1 - x0 > 0.5 * ink.shape[1]  # the square fills the height
    box = ink[y0:y1, x0:x1]
    h, w = box.shape
    cells = [box[r * h // 4:(r + 1) * h // 4, c * w // 4:(c + 1) * w // 4].mean() for r in range(4) for c in range(4)]
    assert min(cells) > 0.3, [round(c, 3) for c in cells]  # ink in every sixteenth of the drawing
    attrs = loaded(tmp_path, page, budget=None)
    assert attrs["data-errors"] == "0", attrs["errors-text"]
    isolated = sum(1 for v in g if g.degree(v) == 0)
    assert int(attrs["data-drawn-nodes"]) == 10_000 - isolated and attrs["data-hidden-isolated"] == str(isolated)
    assert attrs["data-drawn-edges"] == "50000"


# --- the authority timeline on real documents ----------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
# Haringey in ../shared/corpus: a joint targeted area inspection (December 2017, letter to Margaret
# Dennison), a focused visit (December 2019, letter to Ann Graham), the ILACS inspection of February 2023
# (overall good; help and protection good, children in care requires improvement, care leavers good,
# leaders good; it restates the 2018 judgement, requires improvement) and a SEND area inspection (2024).
HARINGEY = ["jtai-013.pdf", "focused-visit-018.pdf", "ilacs-025.pdf", "jtai-012.pdf"]


@pytest.fixture(scope="module")
def haringey(tmp_path_factory: pytest.TempPathFactory) -> Any:
    if not all((CORPUS / f).is_file() for f in HARINGEY):
        pytest.skip("the shared corpus is not beside the project")
    s = OxigraphStore(tmp_path_factory.mktemp("haringey") / "store")
    assert not ingest([CORPUS / f for f in HARINGEY], s, workers=1).failed
    return build_view("authority-timeline", s, authorities=["Haringey"])


def lane_marks(collection: Any, y: float) -> int:
    return sum(abs(oy - y) < 1e-9 for _, oy in collection.get_offsets())


def test_authority_timeline_on_real_documents(haringey: nx.Graph, tmp_path: Path) -> None:
    """Awarded and restated judgements drawn apart, area grades in their lanes, directors' posts as spans,
    every visit kind marked, and no two texts of the picture overlapping (measured after drawing)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import to_rgba
    from matplotlib.figure import Figure

    from ofsted_kg.graph.viz.static import draw
    from ofsted_kg.graph.viz.timeline import day, figure_size

    fig = Figure(figsize=figure_size(haringey), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.15, 0.08, 0.68, 0.84))
    drawn = draw(haringey, ax)
    lanes = drawn.facts["lanes"]
    y = {name: ax.get_yticks()[i] for i, name in enumerate(lanes)}
    assert lanes == ["Visits", "Overall effectiveness", "Leadership", "Help and protection", "Children in care",
                     "Care leavers", "Directors"]
    # visits of each kind on the time axis, in their own marker
    assert [(k, s) for _, k, s in drawn.facts["visits"]] == [
        ("joint_targeted_area_inspection", "2017-12-04"), ("focused_visit", "2019-12-17"), ("inspection", "2023-02-13"),
        ("other", "2024-01-29")]
    shapes = {k: c.get_paths()[0].vertices.round(3).tobytes() for k, c in drawn.artists["visits"].items()}
    assert len(set(shapes.values())) == 4
    # awarded filled, restated hollow; both coloured by grade
    awarded, restated = drawn.artists["awarded"], drawn.artists["restated"]
    assert lane_marks(awarded, y["Overall effectiveness"]) == 1 and lane_marks(restated, y["Overall effectiveness"]) == 1
    assert all(f[3] > 0.9 for f in awarded.get_facecolors())
    assert len(restated.get_facecolors()) == 0 or all(f[3] == 0 for f in restated.get_facecolors())
    assert [tuple(e) for e in restated.get_edgecolors()] == [to_rgba("#FC8D59")]  # requires improvement
    assert [(r["grade"], r["date"]) for r in drawn.facts["restated"]] == [("requires_improvement", "2018")]
    assert "Requires improvement (restated, 2018)" in drawn.labels.values()
    # area grades, each in its lane, coloured by grade
    grades = {(a["area_name"], a["grade"]) for a in drawn.facts["awarded"]}
    assert grades == {("overall effectiveness", "good"), ("leadership", "good"), ("help and protection", "good"),
                      ("children in care", "requires_improvement"), ("care leavers", "good")}
    for lane in ("Leadership", "Help and protection", "Children in care", "Care leavers"):
        assert lane_marks(awarded, y[lane]) == 1, lane
    # directors' posts: a bar over each one's letters
    spans = drawn.artists["spans"]
    assert set(spans) == {"Margaret Dennison", "Ann Graham"}
    for name, letter in (("Margaret Dennison", "2018-01-30"), ("Ann Graham", "2020-01-21")):
        bar = spans[name]
        assert bar.get_width() >= 59 and bar.get_x() <= (day(letter) or 0) <= bar.get_x() + bar.get_width()
    assert spans["Margaret Dennison"].get_x() + spans["Margaret Dennison"].get_width() < spans["Ann Graham"].get_x()
    # every mark labelled, and no two texts of the whole picture overlap
    assert drawn.unlabelled == [] and len(drawn.labels) == 4 + 5 + 1 + 2  # visits, awarded, restated, directors
    assert_texts_apart(fig)
    # the SVG keeps the difference: hollow restated marks, filled awarded ones, the spans
    write(haringey, tmp_path / "haringey.svg")
    svg = (tmp_path / "haringey.svg").read_text(encoding="utf-8")
    restated_svg = svg.split('<g id="restated-judgements">', 1)[1].split("</g>", 1)[0]
    awarded_svg = svg.split('<g id="awarded-judgements">', 1)[1].split('<g id="restated-judgements">', 1)[0]
    assert "fill: none; stroke: #fc8d59" in restated_svg
    assert "fill: #91cf60" in awarded_svg and "fill: #fc8d59" in awarded_svg
    assert '<g id="director-span-0">' in svg and '<g id="director-span-1">' in svg
    write(haringey, tmp_path / "haringey.png")
    # the HTML view says which judgements are only restated, and lists each visit's area grades
    data = page_data(haringey)
    assert [n["label"] for n in data["nodes"] if n["how"] == "restated"] == ["requires improvement (2018) (restated)"]
    assert [n["label"] for n in data["nodes"] if n["how"] == "awarded"] == ["good (2023-02)"]
    (areas,) = [n["areas"] for n in data["nodes"] if n["areas"]]
    assert sorted(areas) == ["care leavers: good", "children in care: requires improvement", "help and protection: good",
                             "leadership: good"]
    assert (tmp_path / "haringey.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def assert_texts_apart(fig: Any) -> None:
    """No two texts of the whole figure (labels, lane names, years, title, legend) overlap once drawn."""
    from matplotlib.text import Text

    from ofsted_kg.graph.viz.labels import overlap, renderer_of

    fig.canvas.draw()
    renderer = renderer_of(fig)
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    boxes = [(t.get_text(), _text_box(t, renderer)) for t in texts]
    clashes = [(a, b) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1:] if overlap(ba, bb)]
    assert not clashes, clashes[:5]
    assert len(boxes) > 20


def test_timeline_labels_on_a_crowded_year_do_not_collide() -> None:
    """Judgements restated months apart, an inspection and a visit in the same weeks, directors overlapping:
    every mark keeps its label and no two texts overlap."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from ofsted_kg.graph.viz.static import draw
    from ofsted_kg.graph.viz.timeline import figure_size
    from ofsted_kg.graph.viz.views import authority_timeline

    def row(visit: str, start: str, kind: str, role: str | None, **kw: Any) -> dict[str, Any]:
        base = {"auth": "a", "authority": "Kent", "visit": visit, "start": start, "end": None, "kind": kind,
                "sequence": None, "role": role, "node": None, "node_name": None, "grade": None, "date": None,
                "area": None, "area_name": None, "rank": None, "letter_date": None, "post_from": None, "post_to": None}
        return {**base, **kw}

    rows = [row("v1", "2013-07-15", "inspection", "judgement", node="j1", grade="adequate", area="Overall effectiveness"),
            row("v1", "2013-07-15", "inspection", "area", node="j2", grade="good", area="Capacity to improve",
                area_name="capacity to improve", rank=2),
            row("v2", "2013-08-20", "monitoring_visit", "previous", node="p1", grade="inadequate", date="2013-01"),
            row("v2", "2013-08-20", "monitoring_visit", "previous", node="p2", grade="requires_improvement", date="2013-03"),
            row("v3", "2013-09-02", "focused_visit", "previous", node="p3", grade="inadequate", date="2013-05"),
            row("v2", "2013-08-20", "monitoring_visit", "director", node="d1", node_name="Patrick Leeson",
                letter_date="2013-09-01"),
            row("v3", "2013-09-02", "focused_visit", "director", node="d2", node_name="Matt Dunkley",
                letter_date="2013-10-01")]
    g = authority_timeline(rows)
    g.graph.update(view="authority-timeline", title="Authority timeline: Kent")
    fig = Figure(figsize=figure_size(g), dpi=110)
    FigureCanvasAgg(fig)
    drawn = draw(g, fig.add_axes((0.15, 0.08, 0.68, 0.84)))
    assert drawn.unlabelled == [] and len(drawn.labels) == 3 + 2 + 3 + 2
    assert len(drawn.artists["restated"].get_offsets()) == 3
    assert_texts_apart(fig)


def _text_box(text: Any, renderer: Any) -> tuple[float, float, float, float]:
    """A text's box in display pixels: the words only for an annotation (not its leader line)."""
    from matplotlib.text import Text

    e = Text.get_window_extent(text, renderer)
    return (e.x0, e.y0, e.x1, e.y1)
