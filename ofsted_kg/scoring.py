"""Scoring extraction against gold records, field by field (`ofsted-kg eval`).

The comparison rules are those of the project's reference scorer (shared/tools/score_extract.py):
people match on surname and first name or nickname or initial, authorities after dropping
"County Council" and the like, recommendations on their first 60 normalised characters, focus areas
on half their words, judgements on normalised area and grade. A test checks the two agree.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ofsted_kg.extract.lexicon import grade_concept_name
from ofsted_kg.extract.names import same_person

_AUTH_NOISE = [
    "county council", "city council", "metropolitan borough council", "borough council", "district council",
    "council", "local authority", "children's services", "childrens services", "children’s services",
    "royal borough of", "london borough of", "city of", "county of", "the ",
]
LETTER_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")


def norm_authority(s: str | None) -> str | None:
    if not s:
        return None
    s = s.lower().replace("&", "and")
    for n in _AUTH_NOISE:
        s = s.replace(n, " ")
    s = re.sub(r"[^a-z]", "", s)
    return s or None


def norm_text(s: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (s or "").lower().replace("’", "'"))


def norm_grade(g: str | None) -> str | None:
    if not g:
        return None
    return grade_concept_name(g)


def norm_area(a: str | None) -> str:
    a = re.sub(r"^[\d.\s]+", "", (a or "").lower().replace("\u2019", "'"))
    rules = [
        ("overall", lambda x: "overall" in x),
        ("lscb", lambda x: "safeguarding children board" in x or "lscb" in x),
        ("leaders", lambda x: "leader" in x),
        ("adoption", lambda x: "adoption" in x),
        ("in_care_and_leavers", lambda x: "care leaver" in x and ("in care" in x or "looked after" in x)),
        ("care_leavers", lambda x: "care leaver" in x),
        ("in_care", lambda x: "in care" in x or "looked after" in x),
        ("help_protection", lambda x: "help and protection" in x),
    ]
    for key, test in rules:
        if test(a):
            return key
    return norm_text(a)


def _tokens(s: str) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", s.lower()))


@dataclass
class Tally:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[str] = field(default_factory=list)
    letters: int = 0

    def scalar(self, name: str, gold: Any, pred: Any, equal: Callable[[Any, Any], bool], letter: str,
               skip_if_gold_null: bool = False) -> None:
        if gold is None and skip_if_gold_null:
            return
        if gold is not None and pred is not None and equal(gold, pred):
            self.tp[name] += 1
            return
        if pred is not None:
            self.fp[name] += 1
        if gold is not None:
            self.fn[name] += 1
        if gold is not None or pred is not None:
            self.misses.append(f"{letter}: {name}: gold={gold!r} pred={pred!r}")

    def sets(self, name: str, gold: list[Any], pred: list[Any], equal: Callable[[Any, Any], bool], letter: str) -> None:
        used: set[int] = set()
        for g in gold:
            hit = next((i for i, p in enumerate(pred) if i not in used and equal(g, p)), None)
            if hit is None:
                self.fn[name] += 1
                self.misses.append(f"{letter}: {name}: missing {g!r}")
            else:
                used.add(hit)
                self.tp[name] += 1
        for i, p in enumerate(pred):
            if i not in used:
                self.fp[name] += 1
                self.misses.append(f"{letter}: {name}: extra {p!r}")

    # --- results --------------------------------------------------------------------------------
    def fields(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def prf(self, name: str | None = None) -> tuple[float, float, float]:
        names = [name] if name else self.fields()
        tp = sum(self.tp[n] for n in names)
        fp = sum(self.fp[n] for n in names)
        fn = sum(self.fn[n] for n in names)
        default = 1.0 if name else 0.0
        p = tp / (tp + fp) if tp + fp else default
        r = tp / (tp + fn) if tp + fn else default
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f1

    @property
    def micro_f1(self) -> float:
        return self.prf()[2]

    def as_dict(self) -> dict[str, Any]:
        fields_ = {}
        for n in self.fields():
            p, r, f1 = self.prf(n)
            fields_[n] = {"precision": p, "recall": r, "f1": f1, "tp": self.tp[n], "fp": self.fp[n], "fn": self.fn[n]}
        p, r, f1 = self.prf()
        return {"letters": self.letters, "fields": fields_, "micro": {"precision": p, "recall": r, "f1": f1},
                "misses": self.misses}

    def table(self, verbose: bool = False) -> str:
        rows = [f"{'field':22} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn"]
        for n in self.fields():
            p, r, f1 = self.prf(n)
            rows.append(f"{n:22} {p:6.3f} {r:6.3f} {f1:6.3f}  {self.tp[n]:3} {self.fp[n]:3} {self.fn[n]:3}")
        if verbose:
            rows.extend(self.misses)
        p, r, f1 = self.prf()
        rows.append(f"letters={self.letters} micro P={p:.3f} R={r:.3f} F1={f1:.3f}")
        return "\n".join(rows)


def score_record(t: Tally, gold: dict[str, Any], pred: dict[str, Any], letter: str) -> None:
    """Add one letter's comparison to the tally."""
    complete = gold.get("complete", True)
    _score_visit(t, gold, pred, letter)
    _score_people(t, gold, pred, letter, complete)
    _score_lists(t, gold, pred, letter, complete)


def _same_text(a: Any, b: Any) -> bool:
    """Equal as printed."""
    return str(a) == str(b)


def _lower_or_none(text: str | None) -> str | None:
    return (text or "").lower() or None


def _previous_judgement_key(record: dict[str, Any]) -> tuple[str | None, Any] | None:
    """(normalised grade, date) of the record's previous judgement, or None when it gives none."""
    pj = record.get("previous_judgement") or {}
    return (norm_grade(pj.get("grade")), pj.get("date")) if pj else None


def _score_visit(t: Tally, gold: dict[str, Any], pred: dict[str, Any], letter: str) -> None:
    """Dates, authority, kind and number of the visit, and the judgement the letter restates."""
    for f in ("letter_date", "visit_start", "visit_end"):
        t.scalar(f, gold.get(f), pred.get(f), _same_text, letter)
    t.scalar("authority", norm_authority(gold.get("authority")), norm_authority(pred.get("authority")), _same_text,
             letter)
    t.scalar("visit_type", _lower_or_none(gold.get("visit_type")), _lower_or_none(pred.get("visit_type")),
             _same_text, letter)
    t.scalar("visit_sequence", gold.get("visit_sequence"), pred.get("visit_sequence"), _same_text, letter)
    t.scalar("previous_judgement", _previous_judgement_key(gold), _previous_judgement_key(pred), _same_text, letter)


def _score_people(t: Tally, gold: dict[str, Any], pred: dict[str, Any], letter: str, complete: bool) -> None:
    """Inspectors (the gold signatory counts as one), signatory and recipient."""
    ginsp = list(gold.get("inspectors") or [])
    if gold.get("signatory") and not any(same_person(gold["signatory"], g) for g in ginsp):
        ginsp.append(gold["signatory"])
    t.sets("inspectors", ginsp, list(pred.get("inspectors") or []), same_person, letter)
    t.scalar("signatory", gold.get("signatory"), pred.get("signatory"), same_person, letter,
             skip_if_gold_null=not complete)
    gr, pr = gold.get("recipient") or {}, pred.get("recipient") or {}
    t.scalar("recipient.name", gr.get("name"), pr.get("name"), same_person, letter)
    t.scalar("recipient.title", norm_text(gr.get("title")) or None, norm_text(pr.get("title")) or None, _same_text,
             letter)


def _same_recommendation(g: str, p: str) -> bool:
    """One starts with the other's first 60 normalised characters."""
    return norm_text(p).startswith(norm_text(g)[:60]) or norm_text(g).startswith(norm_text(p)[:60])


def _same_focus_area(g: str, p: str) -> bool:
    """At least half the gold area's words are in the predicted one."""
    return len(_tokens(g) & _tokens(p)) >= 0.5 * max(1, len(_tokens(g)))


def _judgement_pair(j: dict[str, Any]) -> tuple[str, str | None]:
    return norm_area(j.get("area")), norm_grade(j.get("grade"))


def _score_lists(t: Tally, gold: dict[str, Any], pred: dict[str, Any], letter: str, complete: bool) -> None:
    """Recommendations, judgements and focus areas, each when the gold record has them."""
    grec = gold.get("recommendations") or []
    if complete or grec:
        t.sets("recommendations", grec, pred.get("recommendations") or [], _same_recommendation, letter)
    if "judgements" in gold:
        t.sets("judgements", [_judgement_pair(j) for j in gold["judgements"]],
               [_judgement_pair(j) for j in (pred.get("judgements") or []) if isinstance(j, dict)], _same_text, letter)
    gfa, pfa = gold.get("focus_areas") or [], pred.get("focus_areas") or []
    if gfa or pfa:
        t.sets("focus_areas", gfa, pfa, _same_focus_area, letter)


def find_letter(letters: Path, stem: str) -> Path | None:
    for ext in LETTER_SUFFIXES:
        p = letters / (stem + ext)
        if p.exists():
            return p
    return None


def score_dirs(gold_dir: Path, letters_dir: Path) -> Tally:
    """Extract each gold file's letter in-process and score the first record found."""
    from ofsted_kg.api import extract_letters

    t = Tally()
    for gf in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        lp = find_letter(letters_dir, gf.stem)
        if lp is None:
            continue
        t.letters += 1
        result = extract_letters([lp])
        pred = result.records[0].to_dict() if result.records else {}
        if not result.records:
            t.misses.append(f"{gf.stem}: nothing extracted: {'; '.join(str(p) for p in result.problems)}")
        score_record(t, gold, pred, gf.stem)
    return t
