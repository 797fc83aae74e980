"""Do more labels help? Held-out figures on the first batch of real labels, trained with and without the second.

    .venv/bin/python benchmarks/findings_more_labels.py [--batch 2026-12-07]

5-fold cross-validation grouped by document over the documents labelled before the batch (the label files
without that `batch`); each fold's model (theme threshold chosen by its own inner CV, as
`scripts/train_findings_model.py` does) is trained on the fold's training documents alone ("base") and on
them plus every document of the batch ("more"), and both label the same held-out documents. Needs
scikit-learn (`pip install -e '.[train]'`). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from ofsted_kg import themes as th
from ofsted_kg.extract.findings import heading_polarity
from ofsted_kg.findings_model import Model
from ofsted_kg.findings_real import LabelledUnit, kind_of, load_labels
from ofsted_kg.findings_train import _feature_lists, fit, neighbour_texts

LABELS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "findings_real" / "labels"
KINDS = ("all", "focused-visit", "jtai", "ilacs")


def split(batch: str) -> tuple[list[LabelledUnit], list[LabelledUnit]]:
    """(units labelled before the batch, units of the batch)."""
    labels = load_labels(LABELS)
    in_batch = {p.stem for p in LABELS.glob("*.json") if json.loads(p.read_text(encoding="utf-8")).get("batch") == batch}
    before = [u for stem, (_, us) in labels.items() if stem not in in_batch for u in us]
    added = [u for stem, (_, us) in labels.items() if stem in in_batch for u in us]
    return before, added


def main() -> None:
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", default="2026-12-07")
    args = ap.parse_args()
    old, new = split(args.batch)
    names = sorted(th.iri_by_label())
    of, nf, around = _feature_lists(old), _feature_lists(new), neighbour_texts(old)
    counts: dict[str, Counter[tuple[str, str]]] = {"base": Counter(), "more": Counter()}
    for tr, te in GroupKFold(5).split(old, groups=[u.document for u in old]):
        for name, (units, feats) in {"base": ([old[i] for i in tr], of.take(tr)),
                                     "more": ([old[i] for i in tr] + new, of.take(tr) + nf)}.items():
            m = Model.from_dict(fit(units, names, feats=feats))
            c = counts[name]
            for i in te:
                u = old[i]
                pol = heading_polarity(u.section, u.text, kind_of(u.document) == "ilacs") or m.polarity(u.text, u.section, *around[i])[0]
                chosen, gold = {t for t, _ in m.themes_of(u.text, u.section, *around[i])}, set(u.themes)
                for k in ("all", kind_of(u.document)):
                    c[k, "n"] += 1
                    c[k, "pol"] += pol == u.polarity
                    c[k, "tp"] += len(chosen & gold)
                    c[k, "fp"] += len(chosen - gold)
                    c[k, "fn"] += len(gold - chosen)
    print(f"Held out: {len(old)} units of {len({u.document for u in old})} documents; the batch {args.batch}: "
          f"{len(new)} units of {len({u.document for u in new})} documents.\n")
    print("| trained on | kind | units | polarity accuracy | themes P / R / F1 |\n| --- | --- | --- | --- | --- |")
    for name, c in counts.items():
        for k in KINDS:
            tp, fp, fn = c[k, "tp"], c[k, "fp"], c[k, "fn"]
            print(f"| {'the fold' if name == 'base' else 'the fold + the batch'} | {k} | {c[k, 'n']} | "
                  f"{c[k, 'pol'] / c[k, 'n']:.3f} | {tp / (tp + fp):.3f} / {tp / (tp + fn):.3f} / "
                  f"{2 * tp / (2 * tp + fp + fn):.3f} |")


if __name__ == "__main__":
    main()
