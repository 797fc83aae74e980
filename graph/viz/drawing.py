"""What a static drawing drew (static.py's network, timeline.py's chart), so tests assert on marks, not pixels."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Drawing:
    nodes: list[Any] = field(default_factory=list)  # node keys, in the order drawn
    edges: list[tuple[Any, Any]] = field(default_factory=list)
    labels: dict[Any, str] = field(default_factory=dict)  # node -> label text drawn
    artists: dict[str, Any] = field(default_factory=dict)  # "nodes", "edges", "labels", "legend"
    label_boxes: dict[Any, tuple[float, float, float, float]] = field(default_factory=dict)  # display pixels
    unlabelled: list[Any] = field(default_factory=list)  # nodes that had to be labelled but found no room
    facts: dict[str, Any] = field(default_factory=dict)  # a timeline's lanes, judgements, spans and visits
