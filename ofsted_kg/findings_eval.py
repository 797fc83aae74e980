"""Measuring finding extraction against hand labels (tests/fixtures/findings_labels.json).

Units are matched by their words (the same first 60 normalised characters, or 80% token overlap);
polarity is scored on matched units; themes as precision/recall of (unit, theme) pairs.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower().replace("\u2019", "'"))


def _tokens(s: str) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", s.lower()))


def _same_unit(a: str, b: str) -> bool:
    na, nb = _norm(a), _norm(b)
    if na[:60] == nb[:60]:
        return True
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and len(ta & tb) / len(ta | tb) >= 0.8


@dataclass
class FindingScores:
    gold_units: int = 0
    found_units: int = 0
    matched: int = 0
    polarity_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    theme_tp: int = 0
    theme_fp: int = 0
    theme_fn: int = 0

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        up = self.matched / self.found_units if self.found_units else 0.0
        ur = self.matched / self.gold_units if self.gold_units else 0.0
        tp = self.theme_tp / (self.theme_tp + self.theme_fp) if self.theme_tp + self.theme_fp else 0.0
        tr = self.theme_tp / (self.theme_tp + self.theme_fn) if self.theme_tp + self.theme_fn else 0.0
        return {
            "units": {"precision": up, "recall": ur, "f1": self._f(up, ur), "gold": self.gold_units,
                      "found": self.found_units, "matched": self.matched},
            "polarity": {"accuracy": self.polarity_right / self.matched if self.matched else 0.0,
                         "confusion": {f"{g} -> {p}": n for (g, p), n in sorted(self.confusion.items())}},
            "themes": {"precision": tp, "recall": tr, "f1": self._f(tp, tr)},
        }


def score_findings(labels_path: Path, letters_dir: Path) -> FindingScores:
    from ofsted_kg.api import extract_file

    labels = json.loads(labels_path.read_text(encoding="utf-8"))["letters"]
    s = FindingScores()
    for stem, gold in sorted(labels.items()):
        recs = extract_file(letters_dir / f"{stem}.txt")
        found = recs[0].findings if recs else []
        s.gold_units += len(gold)
        s.found_units += len(found)
        used: set[int] = set()
        for g in gold:
            hit = next((i for i, f in enumerate(found) if i not in used and _same_unit(g["text"], f.text)), None)
            if hit is None:
                s.theme_fn += len(g["themes"])
                continue
            used.add(hit)
            f = found[hit]
            s.matched += 1
            s.polarity_right += f.polarity == g["polarity"]
            s.confusion[(g["polarity"], f.polarity)] += 1
            gt, pt = set(g["themes"]), set(f.themes)
            s.theme_tp += len(gt & pt)
            s.theme_fp += len(pt - gt)
            s.theme_fn += len(gt - pt)
        for i, f in enumerate(found):
            if i not in used:
                s.theme_fp += len(f.themes)
    return s
