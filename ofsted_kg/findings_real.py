"""Scoring findings against the real labelled set (tests/fixtures/findings_real/labels/*.json).

Each label file names one document of the real corpus ("document") and the `scope` its labeller read; a
document may be labelled in parts, a file each ("ilacs-023.json", "ilacs-023-leadership-lscb.json"). Units are
matched with the project's rule (`findings_eval._same_unit`); polarity is scored on matched units;
themes as (unit, theme) pairs, overall and per theme. A document labelled only in part (a report's
summary, its judgement sections) counts an unmatched extracted unit as a false unit only when it lies
between the first and the last extracted unit that matched a label: outside that stretch it is
outside what the labeller read.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ofsted_kg.findings_eval import FindingScores, _same_unit

KINDS = ("focused-visit", "jtai", "ilacs")


@dataclass(frozen=True)
class LabelledUnit:
    document: str  # the corpus document's stem, e.g. "jtai-002"
    text: str
    section: str
    polarity: str
    themes: tuple[str, ...]
    part: str = ""  # the label file's stem, when not the document's own (a document labelled in parts)

    def next_to(self, other: LabelledUnit) -> bool:
        """Read by the same labeller in the same stretch of the same document (neighbours may be)."""
        return self.document == other.document and self.part == other.part


@dataclass(frozen=True)
class FoundUnit:
    """What an extractor gave for one unit (the shape scored here, whatever produced it)."""

    text: str
    polarity: str
    themes: tuple[str, ...]


def kind_of(stem: str) -> str:
    """The document kind from a corpus file's stem ("focused-visit", "jtai" or "ilacs")."""
    return next((k for k in KINDS if stem.startswith(k)), "other")


def load_labels(labels_dir: Path) -> dict[str, tuple[str, list[LabelledUnit]]]:
    """(scope, units) by label file stem (the document's stem, or a part's)."""
    out: dict[str, tuple[str, list[LabelledUnit]]] = {}
    for path in sorted(labels_dir.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        document = Path(d.get("document") or path.stem).stem
        part = "" if document == path.stem else path.stem
        units = [LabelledUnit(document, u["text"], u.get("section", ""), u["polarity"], tuple(u["themes"]), part)
                 for u in d["units"]]
        out[path.stem] = (d.get("scope", "whole letter"), units)
    return out


@dataclass
class RealScores(FindingScores):
    """FindingScores plus per-theme counts."""

    per_theme: dict[str, Counter[str]] = field(default_factory=dict)

    def _theme(self, theme: str, outcome: str) -> None:
        self.per_theme.setdefault(theme, Counter())[outcome] += 1

    def add(self, other: RealScores) -> None:
        for name in ("gold_units", "found_units", "matched", "polarity_right", "theme_tp", "theme_fp", "theme_fn"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.confusion.update(other.confusion)
        for t, c in other.per_theme.items():
            self.per_theme.setdefault(t, Counter()).update(c)

    def theme_table(self) -> dict[str, dict[str, float]]:
        """Per theme: precision, recall, F1 and the number of labelled pairs (support)."""
        out = {}
        for t, c in sorted(self.per_theme.items()):
            p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
            r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
            out[t] = {"precision": p, "recall": r, "f1": self._f(p, r), "support": c["tp"] + c["fn"]}
        return out


def score_document(gold: list[LabelledUnit], found: list[FoundUnit], whole: bool) -> RealScores:
    """Score one document's extracted units against its labels."""
    s = RealScores()
    s.gold_units = len(gold)
    used: dict[int, LabelledUnit] = {}
    last = 0  # labels and units both in reading order: a sentence a report prints twice (its summary repeats its
    # findings) is matched after the unit matched before it, where there is one
    for g in gold:
        order = itertools.chain(range(last, len(found)), range(last))
        hit = next((i for i in order if i not in used and _same_unit(g.text, found[i].text)), None)
        if hit is None:
            s.theme_fn += len(g.themes)
            for t in g.themes:
                s._theme(t, "fn")
            continue
        used[hit] = g
        last = hit
        f = found[hit]
        s.matched += 1
        s.polarity_right += f.polarity == g.polarity
        s.confusion[(g.polarity, f.polarity)] += 1
        gt, pt = set(g.themes), set(f.themes)
        for t in gt & pt:
            s._theme(t, "tp")
        for t in pt - gt:
            s._theme(t, "fp")
        for t in gt - pt:
            s._theme(t, "fn")
        s.theme_tp += len(gt & pt)
        s.theme_fp += len(pt - gt)
        s.theme_fn += len(gt - pt)
    lo, hi = (min(used), max(used)) if used else (0, -1)
    for i, f in enumerate(found):
        if i in used or not (whole or lo <= i <= hi):
            continue
        s.found_units += 1
        s.theme_fp += len(f.themes)
        for t in f.themes:
            s._theme(t, "fp")
    s.found_units += len(used)
    return s


def score_real(labels_dir: Path, extract: Callable[[str], Iterable[FoundUnit]],
               documents: Iterable[str] | None = None) -> dict[str, RealScores]:
    """Scores by document kind and "all"; `extract(stem)` gives a document's units in reading order."""
    labels = load_labels(labels_dir)
    wanted = set(documents) if documents is not None else set(labels)
    out: dict[str, RealScores] = {"all": RealScores()}
    for stem, (scope, gold) in labels.items():
        if stem not in wanted:
            continue
        s = score_document(gold, list(extract(gold[0].document if gold else stem)), scope == "whole letter")
        out.setdefault(kind_of(stem), RealScores()).add(s)
        out["all"].add(s)
    return out


def extractor_units(corpus_dir: Path) -> Callable[[str], list[FoundUnit]]:
    """`extract(stem)` for score_real: the package's extractor run on corpus_dir/<stem>.pdf."""
    from ofsted_kg.api import extract_file

    def extract(stem: str) -> list[FoundUnit]:
        records = extract_file(corpus_dir / f"{stem}.pdf")
        return [FoundUnit(f.text, f.polarity, tuple(f.themes or ())) for r in records for f in r.findings]

    return extract


def summary(scores: dict[str, RealScores]) -> dict[str, Any]:
    """The JSON-able summary: units, polarity and themes per kind."""
    return {k: v.as_dict() for k, v in scores.items()}
