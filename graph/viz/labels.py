"""Label placement for the static drawings: no two labels overlap, and the labels that must be there are.

Labels are placed one at a time, most important first. Each tries spots around its node (below, above,
right, left, the diagonals), then the same directions further out with a leader line, and takes the first
spot whose box, measured by the renderer, overlaps no label already placed, no other node and stays inside
the figure. A label that finds no spot is dropped, unless it must be shown (an authority's name, say): then
it is placed further out still, and only past every spot is it given up (`Placement.missing`).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in display pixels

# (dx, dy, ha, va) in points around a node: below first, as a reader expects
_SPOTS: list[tuple[float, float, str, str]] = [(0, -1, "center", "top"), (0, 1, "center", "bottom"), (1, 0, "left", "center"), (-1, 0, "right", "center"),
          (1, -1, "left", "top"), (-1, -1, "right", "top"), (1, 1, "left", "bottom"), (-1, 1, "right", "bottom")]
_RINGS = (5.0, 14.0, 26.0, 40.0, 58.0, 80.0, 105.0, 135.0)  # distances in points; past the first, a leader line


def _directions(ring: float) -> list[tuple[float, float, str, str]]:
    """The eight spots, and further out sixteen, each aligned so the label grows away from its node."""
    if ring <= _RINGS[1]:
        return _SPOTS
    out = []
    for k in range(16):
        a = math.pi * 2 * k / 16 - math.pi / 2  # from straight below, anticlockwise
        dx, dy = math.cos(a), math.sin(a)
        ha = "center" if abs(dx) < 0.3 else ("left" if dx > 0 else "right")
        va = "center" if abs(dy) < 0.3 else ("bottom" if dy > 0 else "top")
        out.append((dx, dy, ha, va))
    return out


@dataclass
class Placement:
    texts: dict[Hashable, Any] = field(default_factory=dict)  # node -> matplotlib Text (or Annotation)
    boxes: dict[Hashable, Box] = field(default_factory=dict)  # node -> its label's box on the canvas
    missing: list[Hashable] = field(default_factory=list)  # labels that had to be shown but found no spot


class _Grid:
    """Boxes bucketed by 40-pixel cells, so a test for overlap looks only at neighbours."""

    def __init__(self, cell: float = 40.0) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[Box]] = {}

    def _keys(self, b: Box) -> list[tuple[int, int]]:
        c = self.cell
        return [(i, j) for i in range(int(b[0] // c), int(b[2] // c) + 1) for j in range(int(b[1] // c), int(b[3] // c) + 1)]

    def hits(self, b: Box) -> bool:
        return any(overlap(b, o) for k in self._keys(b) for o in self.cells.get(k, ()))

    def add(self, b: Box) -> None:
        for k in self._keys(b):
            self.cells.setdefault(k, []).append(b)


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(ax: Any, pos: dict[Hashable, tuple[float, float]], order: Sequence[Hashable], labels: dict[Hashable, str],
                 must: set[Hashable], limit: int, node_radius: dict[Hashable, float], fontsize: float = 7.5,
                 obstacles: Sequence[Box] = ()) -> Placement:
    """Place `labels` for the nodes in `order` (most important first) on `ax`, at most `limit` besides `must`.

    `node_radius` is in display pixels; `obstacles` are boxes no label may cover (the legend, say)."""
    fig = ax.figure
    renderer = renderer_of(fig)
    frame = fig.bbox
    nodes = _Grid()
    for v, (x, y) in pos.items():
        px, py = ax.transData.transform((x, y))
        r = node_radius.get(v, 3.0)
        nodes.add((px - r, py - r, px + r, py + r))
    taken = _Grid()
    for b in obstacles:
        taken.add(b)
    out = Placement()
    optional = 0
    for v in order:
        if v not in must and optional >= limit:
            continue
        found = _spot(ax, renderer, frame, pos[v], labels[v], fontsize, taken, nodes, node_radius.get(v, 3.0),
                      rings=_RINGS if v in must else _RINGS[:3])
        if found is None:
            if v in must:
                out.missing.append(v)
            continue
        text, box = found
        taken.add(box)
        out.texts[v], out.boxes[v] = text, box
        optional += v not in must
    return out


def _spot(ax: Any, renderer: Any, frame: Any, xy: tuple[float, float], label: str, fontsize: float, taken: _Grid,
          nodes: _Grid, radius: float, rings: Sequence[float]) -> tuple[Any, Box] | None:
    """The first free spot for `label`: its box is computed from the words' size, measured once."""
    probe = ax.text(0, 0, label, fontsize=fontsize)
    size = probe.get_window_extent(renderer)
    probe.remove()
    w, h = size.width, size.height
    px, py = ax.transData.transform(xy)
    points = ax.figure.dpi / 72.0
    for ring in rings:
        for dx, dy, ha, va in _directions(ring):
            d = ring + radius / points  # points
            ax_, ay = px + dx * d * points, py + dy * d * points
            x0 = ax_ - w / 2 if ha == "center" else (ax_ if ha == "left" else ax_ - w)
            y0 = ay - h / 2 if va == "center" else (ay if va == "bottom" else ay - h)
            box = (x0 - 1.5, y0 - 1.5, x0 + w + 1.5, y0 + h + 1.5)
            inside = box[0] >= frame.x0 and box[1] >= frame.y0 and box[2] <= frame.x1 and box[3] <= frame.y1
            if not inside or taken.hits(box) or nodes.hits(_shrink(box, 1.0)):
                continue
            far = ring > _RINGS[0]
            text = ax.annotate(label, xy=xy, xytext=(dx * d, dy * d), textcoords="offset points", ha=ha, va=va,
                               fontsize=fontsize, zorder=5, annotation_clip=False,
                               bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.8},
                               arrowprops={"arrowstyle": "-", "color": "#777777", "lw": 0.5,
                                           "shrinkA": 0, "shrinkB": radius / points} if far else None)
            return text, box
    return None


def _shrink(b: Box, by: float) -> Box:
    return (b[0] + by, b[1] + by, b[2] - by, b[3] - by)


def renderer_of(fig: Any) -> Any:
    """The figure's renderer, giving it an Agg canvas first when it has none that can measure text."""
    if not hasattr(fig.canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
    return fig.canvas.get_renderer()
