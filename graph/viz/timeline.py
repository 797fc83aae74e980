"""The authority timeline as a chart over time (matplotlib): what static.py draws for `authority-timeline`.

One row (lane) per kind of fact, time running left to right on a real date axis:

- **Visits**: each visit at its start date, its marker shape and colour by kind, with a dotted line down
  through every lane so an analyst can read what each visit brought;
- **Overall effectiveness**: judgements *awarded* by a report drawn filled, judgements *restated* by a
  later letter ("the last inspection, in 2018, judged the authority requires improvement") drawn hollow at
  the date the letter gives them, coloured by grade; a restated judgement that a report in the store
  awarded is drawn once, as awarded;
- one lane per **judgement area** graded (help and protection, children in care, leadership...): the
  framework-neutral area the report's own wording is a skos:broadMatch of (ontology/judgement-areas.ttl),
  or the area as written when the scheme has none;
- **Directors**: each director's post as a span, from the first to the last letter addressed to them
  there (or the people graph's org:memberDuring interval when the store holds it), at least two months
  wide so a post seen in one letter is still a bar.

Every mark is labelled, and the labels are placed by labels.py so that none overlaps another, a mark, the
axis labels or the legend. `draw_timeline(graph, ax)` returns a drawing.Drawing whose `artists` hold the
collections drawn ("awarded", "restated", "spans", "visits") and whose `facts` hold what they stand for, so
tests assert on marks rather than pixels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ofsted_kg.graph.viz.drawing import Drawing
from ofsted_kg.graph.viz.palette import (
    GRADE_COLOURS,
    GRADE_NAMES,
    KIND_COLOURS,
    VISIT_KIND_COLOURS,
    VISIT_KIND_NAMES,
)

if TYPE_CHECKING:
    import networkx as nx

VISIT_MARKERS = {"inspection": "D", "focused_visit": "o", "monitoring_visit": "s", "joint_targeted_area_inspection": "^",
                 "assurance_visit": "v", "annual_unannounced_inspection": "P", "other": "X"}
# the framework-neutral areas (judgement-areas.ttl's top concepts), in the order their lanes are drawn
AREA_ORDER = ("leadership", "help and protection", "children in care", "care leavers", "adoption",
              "local safeguarding children board", "capacity to improve")
OVERALL = "overall effectiveness"
MIN_SPAN_DAYS = 60.0  # a post seen in one letter is still drawn as a bar
SPAN_HEIGHT = 0.36  # in lanes
LANE_CHARS = 30


def day(text: str | None) -> float | None:
    """'2019', '2019-12' or '2019-12-17' -> matplotlib's date number (the first day of the period), else None."""
    from matplotlib.dates import date2num

    if not text:
        return None
    parts = str(text)[:10].split("-")
    try:
        y, m, d = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
        return float(date2num(dt.date(y, m, d)))
    except (ValueError, IndexError):
        return None


def _grade_name(grade: str) -> str:
    return GRADE_NAMES.get(grade, grade.replace("_", " ").capitalize())


def lanes_of(table: dict[str, Any]) -> list[str]:
    """Lane names top to bottom: visits, overall effectiveness, each graded area, directors."""
    areas = {a["area_name"] or a["area"] for a in table["awarded"]} - {OVERALL}
    ordered = [a for a in AREA_ORDER if a in areas] + sorted(areas - set(AREA_ORDER))
    lanes = ["Visits", "Overall effectiveness", *dict.fromkeys(_lane(a) for a in ordered)]
    return [*lanes, "Directors"] if table["directors"] else lanes


def _lane(name: str) -> str:
    """A lane's name: capitalised, and cut to LANE_CHARS so the lanes' names keep to the left margin."""
    name = name[:1].upper() + name[1:]
    return name if len(name) <= LANE_CHARS else name[:LANE_CHARS - 1].rstrip() + "…"


def restated_marks(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The restated judgements to draw: one per grade and date, none that an awarded overall judgement
    of the same grade in the same period already shows."""
    awarded = {(a["grade"], (a["date"] or "")) for a in table["awarded"] if a["area_name"] == OVERALL}
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for r in sorted(table["restated"], key=lambda r: (r["date"] or r["stated"] or "", r["grade"])):
        key = (r["grade"], r["date"])
        if key in seen:
            continue
        seen.add(key)
        if r["date"] and any(g == r["grade"] and d.startswith(r["date"]) for g, d in awarded):
            continue  # the report that awarded it is in the store: drawn once, as awarded
        out.append(r)
    return out


def director_spans(table: dict[str, Any]) -> dict[str, tuple[str, float, float]]:
    """Director node -> (name, first day, last day) of the post as the letters (or the people graph) show it."""
    out: dict[str, tuple[str, float, float]] = {}
    for node, d in table["directors"].items():
        days = [x for x in (day(v) for v in [*d["letters"], *d["visits"], d["post_from"], d["post_to"]]) if x is not None]
        if not days:
            continue
        first, last = min(days), max(days)
        if last - first < MIN_SPAN_DAYS:
            mid = (first + last) / 2
            first, last = mid - MIN_SPAN_DAYS / 2, mid + MIN_SPAN_DAYS / 2
        out[node] = (str(d["name"]), first, last)
    return out


@dataclass
class _Marks:
    """The marks to label: each one's place (data coordinates), label and radius (display pixels)."""

    pos: dict[Any, tuple[float, float]] = field(default_factory=dict)
    labels: dict[Any, str] = field(default_factory=dict)
    radius: dict[Any, float] = field(default_factory=dict)

    def add(self, key: Any, where: tuple[float, float], label: str, radius: float | None = None) -> None:
        self.pos[key] = where
        self.labels[key] = label
        if radius is not None:
            self.radius[key] = radius


def draw_timeline(graph: nx.Graph, ax: Any) -> Drawing:
    """Draw the authority's timeline on `ax` (see the module's doc) and return what was drawn."""
    table: dict[str, Any] = graph.graph.get("timeline") or {"visits": {}, "awarded": [], "restated": [], "directors": {}}
    lanes = lanes_of(table)
    y_of = {name: -float(i) for i, name in enumerate(lanes)}
    drawn = Drawing()
    marks = _Marks()
    points = ax.figure.dpi / 72.0
    visits = _draw_visits(graph, table, ax, y_of["Visits"], marks, drawn, 6.0 * points)
    awarded = _draw_awarded(table, ax, y_of, marks, drawn, 5.5 * points)
    restated = _draw_restated(table, ax, y_of["Overall effectiveness"], marks, drawn, 5.5 * points)
    spans, bar_px = _draw_director_spans(table, ax, y_of, marks, drawn)
    _frame(graph, ax, lanes, y_of, marks, len(spans))
    legend = _legend(ax, drawn, awarded, restated, bool(spans))
    drawn.artists["legend"] = legend
    _label_marks(ax, drawn, marks, legend, bar_px)
    drawn.facts = {"lanes": lanes, "awarded": awarded, "restated": restated, "spans": spans,
                   "visits": [(v, d["kind"], d["start"]) for v, d in visits]}
    return drawn


def _draw_visits(graph: nx.Graph, table: dict[str, Any], ax: Any, y: float, marks: _Marks, drawn: Drawing,
                 radius: float) -> list[tuple[str, dict[str, Any]]]:
    """Visits: a marker on the visits' lane by kind, a dotted line down through the lanes; the visits drawn."""
    facts = graph.graph.get("visit_facts", {})
    names = {v: str(d.get("label", "")) for v, d in graph.nodes(data=True)}
    visits = sorted(((v, d) for v, d in table["visits"].items() if day(d["start"]) is not None),
                    key=lambda vd: (vd[1]["start"], vd[0]))
    drawn.artists["visits"] = {}
    for kind in dict.fromkeys(d["kind"] for _, d in visits):
        mine = [(v, d) for v, d in visits if d["kind"] == kind]
        xs = [day(d["start"]) or 0.0 for _, d in mine]
        colour = VISIT_KIND_COLOURS.get(kind, VISIT_KIND_COLOURS["other"])
        drawn.artists["visits"][kind] = ax.scatter(xs, [y] * len(xs), s=110, marker=VISIT_MARKERS.get(kind, "X"),
                                                   c=colour, edgecolors="white", linewidths=0.8, zorder=4, gid=f"visits-{kind}")
        for x in xs:
            ax.axvline(x, color=colour, lw=0.8, ls=":", alpha=0.6, zorder=1)
        for (v, d), x in zip(mine, xs, strict=True):
            leads = [names.get(p, "") for p in facts.get(v, {}).get("leads", []) if names.get(p)]
            text = f"{VISIT_KIND_NAMES.get(kind, kind.replace('_', ' ').capitalize())} {d['start']}"
            marks.add(("visit", v), (x, y), text + (f"\nlead: {', '.join(leads)}" if leads else ""), radius)
            drawn.nodes.append(v)
    return visits


def _draw_awarded(table: dict[str, Any], ax: Any, y_of: dict[str, float], marks: _Marks, drawn: Drawing,
                  radius: float) -> list[dict[str, Any]]:
    """Judgements a report awarded, filled and coloured by grade, on their area's lane; the ones drawn."""
    awarded = [a for a in table["awarded"] if day(a["date"]) is not None]
    ax_, ay, ac = [], [], []
    for i, a in enumerate(awarded):
        lane = "Overall effectiveness" if a["area_name"] == OVERALL else _lane(a["area_name"] or a["area"])
        x, y = day(a["date"]) or 0.0, y_of[lane]
        ax_.append(x)
        ay.append(y)
        ac.append(GRADE_COLOURS.get(a["grade"], GRADE_COLOURS[""]))
        marks.add(("awarded", i), (x, y), _grade_name(a["grade"]), radius)
    drawn.artists["awarded"] = ax.scatter(ax_, ay, s=120, marker="o", c=ac or "none", edgecolors=ac or "none",
                                          linewidths=1.5, zorder=4, gid="awarded-judgements")
    return awarded


def _draw_restated(table: dict[str, Any], ax: Any, y: float, marks: _Marks, drawn: Drawing,
                   radius: float) -> list[dict[str, Any]]:
    """Judgements a later letter restated, hollow and coloured by grade, on the overall lane; the ones drawn."""
    restated = [r for r in restated_marks(table) if day(r["date"] or r["stated"]) is not None]
    rx, rc = [], []
    for i, r in enumerate(restated):
        x = day(r["date"] or r["stated"]) or 0.0
        rx.append(x)
        rc.append(GRADE_COLOURS.get(r["grade"], GRADE_COLOURS[""]))
        marks.add(("restated", i), (x, y), f"{_grade_name(r['grade'])} (restated, {r['date'] or 'undated'})", radius)
    drawn.artists["restated"] = ax.scatter(rx, [y] * len(rx), s=120, marker="o",
                                           facecolors="none", edgecolors=rc or "none", linewidths=2.2, zorder=4,
                                           gid="restated-judgements")
    return restated


def _draw_director_spans(table: dict[str, Any], ax: Any, y_of: dict[str, float], marks: _Marks,
                         drawn: Drawing) -> tuple[dict[str, tuple[str, float, float]], float]:
    """Directors' posts as spans, one sub-row each so overlapping posts stay apart; returns the spans and
    half a bar's height in display pixels (0 when there is none)."""
    spans = director_spans(table)
    drawn.artists["spans"] = {}
    bar_px = 0.0
    for k, (node, (name, first, last)) in enumerate(sorted(spans.items(), key=lambda kv: (kv[1][1], kv[1][0]))):
        y = y_of["Directors"] - (k % 2) * 0.42
        bars = ax.barh([y], [last - first], left=[first], height=SPAN_HEIGHT, color=KIND_COLOURS["director"], alpha=0.85,
                       zorder=3, gid=f"director-span-{k}")
        drawn.artists["spans"][name] = bars.patches[0]
        marks.add(("director", node), ((first + last) / 2, y), name)
        bar_px = bar_px or abs(ax.transData.transform((0, SPAN_HEIGHT))[1] - ax.transData.transform((0, 0))[1]) / 2
        drawn.nodes.append(node)
    return spans, bar_px


def _frame(graph: nx.Graph, ax: Any, lanes: list[str], y_of: dict[str, float], marks: _Marks, spans: int) -> None:
    """Lanes down the left, years along the bottom, the title; limits fixed before labels are measured."""
    from matplotlib.dates import DateFormatter, YearLocator

    xs = [p[0] for p in marks.pos.values()] or [day("2020") or 0.0]
    pad = max((max(xs) - min(xs)) * 0.08, 240.0)
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    low = min(y_of.values()) - (0.9 if spans > 1 else 0.6)
    ax.set_ylim(low, 0.7)
    ax.set_autoscale_on(False)
    ax.set_yticks(list(y_of.values()), lanes)
    ax.xaxis.set_major_locator(YearLocator())
    ax.xaxis.set_major_formatter(DateFormatter("%Y"))
    ax.tick_params(axis="y", length=0, labelsize=9)
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", color="#e6e6e6", lw=0.6, zorder=0)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    for y in y_of.values():
        ax.axhline(y, color="#f0f0f0", lw=6, zorder=0)
    ax.set_title(str(graph.graph.get("title", "")))


def _legend(ax: Any, drawn: Drawing, awarded: list[dict[str, Any]], restated: list[dict[str, Any]],
            spans: bool) -> Any:
    """The legend beside the chart: visit kinds, filled and hollow, the grades shown and the directors' posts."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = [Line2D([], [], marker=VISIT_MARKERS.get(k, "X"), linestyle="", markersize=8,
                                 markerfacecolor=VISIT_KIND_COLOURS.get(k, VISIT_KIND_COLOURS["other"]),
                                 markeredgecolor="white", label=VISIT_KIND_NAMES.get(k, k)) for k in drawn.artists["visits"]]
    handles += [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor="#555555", markeredgecolor="#555555",
                       label="Awarded (filled)"),
                Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor="none", markeredgecolor="#555555",
                       markeredgewidth=2, label="Restated (hollow)")]
    grades = dict.fromkeys([*(a["grade"] for a in awarded), *(r["grade"] for r in restated)])
    handles += [Patch(color=GRADE_COLOURS.get(g, GRADE_COLOURS[""]), label=_grade_name(g)) for g in GRADE_COLOURS if g in grades]
    if spans:
        handles.append(Patch(color=KIND_COLOURS["director"], alpha=0.85, label="Director's post"))
    return ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=True, fontsize=8,
                     borderaxespad=0.0)


def _label_marks(ax: Any, drawn: Drawing, marks: _Marks, legend: Any, bar_px: float) -> None:
    """Every mark's label, none over another, a mark, the axis labels, the title or the legend."""
    from ofsted_kg.graph.viz.labels import place_labels, renderer_of

    pos, radius = marks.pos, marks.radius
    renderer = renderer_of(ax.figure)
    ax.figure.canvas.draw()
    obstacles = [legend.get_window_extent(renderer), ax.title.get_window_extent(renderer),
                 *(t.get_window_extent(renderer) for t in [*ax.get_yticklabels(), *ax.get_xticklabels()] if t.get_text())]
    for key in pos:
        if key[0] == "director":
            radius[key] = bar_px
    order = sorted(pos, key=lambda k: (("director", "awarded", "restated", "visit").index(k[0]), pos[k][0]))
    placed = place_labels(ax, pos, order, marks.labels, set(pos), 0, radius, fontsize=7.5,
                          obstacles=[(b.x0, b.y0, b.x1, b.y1) for b in obstacles])
    drawn.labels = {k: marks.labels[k] for k in placed.texts}
    drawn.artists["labels"] = placed.texts
    drawn.label_boxes = placed.boxes
    drawn.unlabelled = placed.missing


def figure_size(graph: nx.Graph) -> tuple[float, float]:
    """Inches: wide for the years, tall enough for the lanes."""
    table = graph.graph.get("timeline") or {"visits": {}, "awarded": [], "restated": [], "directors": {}}
    return 15.0, 2.5 + 0.6 * len(lanes_of(table)) + 0.3 * max(len(table["directors"]) - 1, 0)
