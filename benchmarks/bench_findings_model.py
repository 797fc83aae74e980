"""Per-finding cost of polarity + themes: the cue-word and trigger rules against the findings model.

    .venv/bin/python benchmarks/bench_findings_model.py

Runs both over the 2,667 labelled units, interleaved, best of 3; prints ms per finding and the ratio.
"""
import time
from pathlib import Path

from ofsted_kg.extract.findings import wording_polarity
from ofsted_kg.findings_model import shipped
from ofsted_kg.findings_real import load_labels
from ofsted_kg.themes import assign_themes, score_themes

units = [u for _, us in load_labels(Path('tests/fixtures/findings_real/labels')).values() for u in us]
m = shipped()
def old():
    for u in units:
        wording_polarity(u.text); assign_themes(u.text)
def new():
    for u in units:
        m.polarity(u.text, u.section); score_themes(u.text, u.section)
old(); new()
best = {}
for r in range(3):
    for name, f in (("old", old), ("new", new)):
        t = time.perf_counter(); f(); d = time.perf_counter() - t
        best[name] = min(best.get(name, 1e9), d)
print({k: f"{v / len(units) * 1000:.3f} ms/finding" for k, v in best.items()}, f"ratio new/old {best['new'] / best['old']:.1f}")
