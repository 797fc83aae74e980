"""Agreement between the two labellers of the findings sample (the ceiling a method can aim at).

    python3 scripts/findings_agreement.py [--sample 2] [--json]

Reads tests/fixtures/findings_real/second_labels.json (the second labeller's polarity and themes for
the units of second_sample.json, drawn from the first batch) and the first labeller's labels of the same
units (labels/*.json, by the unit's id "<document>#<index>"). With --sample 2: second_labels_2.json for
second_sample_2.json, drawn from the second and third batches. Prints polarity agreement and Cohen's kappa, and theme
micro-F1 of one labeller's (unit, theme) pairs against the other's (symmetric), with per-kind counts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "findings_real"


def cohen_kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two labellings of the same items."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def theme_f1(a: list[set[str]], b: list[set[str]]) -> float:
    """Micro-F1 of (unit, theme) pairs; symmetric in a and b."""
    both = sum(len(x & y) for x, y in zip(a, b, strict=True))
    total = sum(len(x) for x in a) + sum(len(y) for y in b)
    return 2 * both / total if total else 1.0


def pairs(real: Path = REAL, name: str = "second_labels.json") -> list[tuple[str, dict, dict]]:
    """(unit id, first labeller's unit, second labeller's unit) for each unit of the sample."""
    second = json.loads((real / name).read_text(encoding="utf-8"))["units"]
    docs: dict[str, list[dict]] = {}
    out = []
    for u in second:
        stem, index = u["id"].split("#")
        if stem not in docs:
            docs[stem] = json.loads((real / "labels" / f"{stem}.json").read_text(encoding="utf-8"))["units"]
        out.append((u["id"], docs[stem][int(index)], u))
    return out


def agreement(real: Path = REAL, name: str = "second_labels.json") -> dict:
    rows = pairs(real, name)
    pa, pb = [a["polarity"] for _, a, _ in rows], [b["polarity"] for _, _, b in rows]
    ta, tb = [set(a["themes"]) for _, a, _ in rows], [set(b["themes"]) for _, _, b in rows]
    exact = sum(x == y for x, y in zip(ta, tb, strict=True))
    return {"units": len(rows), "polarity_agreement": sum(x == y for x, y in zip(pa, pb, strict=True)) / len(rows),
            "polarity_kappa": cohen_kappa(pa, pb), "theme_micro_f1": theme_f1(ta, tb),
            "theme_sets_identical": exact / len(rows),
            "polarity_disagreements": {f"{x} / {y}": n for (x, y), n in
                                       Counter((x, y) for x, y in zip(pa, pb, strict=True) if x != y).most_common()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sample", type=int, choices=(1, 2), default=1,
                    help="1: the first batch's sample, 2: the second and third batches'")
    args = ap.parse_args()
    name = "second_labels.json" if args.sample == 1 else "second_labels_2.json"
    if not (REAL / name).exists():
        sys.exit(f"{REAL / name}: missing (the second labeller's labels)")
    a = agreement(REAL, name)
    if args.json:
        print(json.dumps(a, indent=1))
        return
    print(f"units: {a['units']}")
    print(f"polarity: agreement {a['polarity_agreement']:.3f}, Cohen's kappa {a['polarity_kappa']:.3f}")
    print(f"themes: micro-F1 between labellers {a['theme_micro_f1']:.3f}, identical sets {a['theme_sets_identical']:.3f}")
    print("polarity disagreements (first / second): " +
          "; ".join(f"{k} {n}" for k, n in a["polarity_disagreements"].items()))


if __name__ == "__main__":
    main()
