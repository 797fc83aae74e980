"""Per-finding cost of polarity + themes: the cue-word and trigger rules against the findings model.

    .venv/bin/python benchmarks/bench_findings_model.py

Runs both over the real labelled units, interleaved, best of 3; prints ms per finding and the ratio. The
model's time includes encoding each sentence (`ofsted_kg.encoder`), its cache emptied before each run.
"""

from __future__ import annotations

import time
from pathlib import Path

from ofsted_kg import encoder
from ofsted_kg.extract.findings import wording_polarity
from ofsted_kg.findings_model import score_themes, shipped
from ofsted_kg.findings_real import load_labels
from ofsted_kg.findings_train import neighbour_texts
from ofsted_kg.themes import assign_themes

LABELS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "findings_real" / "labels"


def main() -> None:
    units = [u for _, us in load_labels(LABELS).values() for u in us]
    model = shipped()

    def rules() -> None:
        for u in units:
            wording_polarity(u.text)
            assign_themes(u.text)

    around = neighbour_texts(units)  # each unit read with the units around it, as the extractor reads them

    def learned() -> None:
        encoder.clear()  # each run encodes its sentences again
        for u, (prev, nxt) in zip(units, around, strict=True):
            model.polarity(u.text, u.section, prev, nxt)
            score_themes(u.text, u.section, prev, nxt)

    runs = {"rules": rules, "model": learned}
    best = {name: float("inf") for name in runs}
    for f in runs.values():
        f()  # warm: compiled triggers, the model file
    for _ in range(3):
        for name, f in runs.items():
            t = time.perf_counter()
            f()
            best[name] = min(best[name], time.perf_counter() - t)
    for name, secs in best.items():
        print(f"{name}: {secs / len(units) * 1000:.3f} ms per finding")
    print(f"ratio model / rules: {best['model'] / best['rules']:.2f}")


if __name__ == "__main__":
    main()
