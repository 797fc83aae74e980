"""Score the extractor's findings against the real labelled set (tests/fixtures/findings_real/).

    .venv/bin/python benchmarks/findings_real.py [--corpus ../shared/corpus] [--json] [--themes]

Prints units P/R/F1, polarity accuracy and themes P/R/F1 per document kind (and per theme with
--themes). The extractor, its polarity and its themes are scored as they stand, on documents whose
labels it may have been tuned on: the held-out figure for polarity and themes is
benchmarks/findings_cv.py.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ofsted_kg.findings_real import extractor_units, score_real, summary

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "fixtures" / "findings_real" / "labels"


def table(result: dict) -> str:
    lines = ["| kind | labelled units | units P / R / F1 | polarity accuracy | themes P / R / F1 |",
             "| --- | --- | --- | --- | --- |"]
    for kind, d in result.items():
        u, p, t = d["units"], d["polarity"], d["themes"]
        lines.append(f"| {kind} | {u['gold']} | {u['precision']:.2f} / {u['recall']:.2f} / {u['f1']:.2f} | "
                     f"{p['accuracy']:.2f} | {t['precision']:.2f} / {t['recall']:.2f} / {t['f1']:.2f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--themes", action="store_true", help="per-theme precision and recall")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus}: no such folder (give --corpus)")
    scores = score_real(LABELS, extractor_units(args.corpus))
    result = summary(scores)
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(table(result))
    if args.themes:
        print("\n| theme | support | P | R | F1 |\n| --- | --- | --- | --- | --- |")
        for t, d in sorted(scores["all"].theme_table().items(), key=lambda kv: -kv[1]["support"]):
            print(f"| {t} | {d['support']:.0f} | {d['precision']:.2f} | {d['recall']:.2f} | {d['f1']:.2f} |")


if __name__ == "__main__":
    main()
