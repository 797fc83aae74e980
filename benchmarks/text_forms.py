"""Score extraction on text forms of the real golden PDFs (tests/golden/{real,heldout,heldout-2,heldout-3}).

Each PDF is converted by each converter of ofsted_kg.text_forms; the texts are extracted as a user would
extract a .txt/.md file, and scored against the same expected records as the PDFs (ofsted_kg.scoring,
the reference scorer's rules). Writes benchmarks/text-forms/<date>.md.

    python benchmarks/text_forms.py [--converters pdf,pdftotext,pdfminer,md] [--out FILE]

"pdf" scores the PDFs themselves, for comparison. Needs pdftotext (poppler-utils), pdfminer.six and
pymupdf4llm for the converters named; a missing one is reported and left out.
"""

from __future__ import annotations

import argparse
import datetime
import json
import tempfile
from pathlib import Path

from ofsted_kg.api import extract_letters
from ofsted_kg.scoring import Tally, score_record
from ofsted_kg.text_forms import ConverterMissing, suffix, text_form

ROOT = Path(__file__).resolve().parent.parent
SETS = ("real", "heldout", "heldout-2", "heldout-3")


def score_set(name: str, converter: str, work: Path, whole: Tally) -> Tally:
    folder = ROOT / "tests" / "golden" / name
    pdfs = sorted((folder / "documents").glob("*.pdf"))
    if converter == "pdf":
        inputs = pdfs
    else:
        out = work / converter / name
        out.mkdir(parents=True, exist_ok=True)
        inputs = []
        for pdf in pdfs:
            target = out / (pdf.stem + suffix(converter))
            target.write_text(text_form(pdf, converter), encoding="utf-8")
            inputs.append(target)
    by_stem: dict[str, dict] = {}
    for rec in extract_letters(inputs, workers=2).records:
        by_stem.setdefault(Path(rec.source).stem, rec.to_dict())
    total = Tally()
    for gold in sorted((folder / "expected").glob("*.json")):
        expected = json.loads(gold.read_text(encoding="utf-8"))
        score_record(total, expected, by_stem.get(gold.stem, {}), gold.stem)
        score_record(whole, expected, by_stem.get(gold.stem, {}), gold.stem)
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--converters", default="pdf,pdftotext,layout,pdfminer,md")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "text-forms" / f"{datetime.date.today()}.md")
    args = ap.parse_args()
    rows = ["| form | " + " | ".join(SETS) + " | weakest fields (all sets) |", "| --- |" + " --- |" * (len(SETS) + 1)]
    with tempfile.TemporaryDirectory() as tmp:
        for conv in args.converters.split(","):
            cells, whole = [], Tally()
            try:
                for name in SETS:
                    t = score_set(name, conv, Path(tmp), whole)
                    cells.append(f"{t.micro_f1:.3f}")
            except ConverterMissing as e:
                print(f"{conv}: left out: {e}")
                continue
            weakest = sorted(whole.fields(), key=lambda n: whole.prf(n)[2])[:3]
            weak = ", ".join(f"{n} {whole.prf(n)[2]:.2f}" for n in weakest)
            rows.append(f"| {conv} | " + " | ".join(cells) + f" | {weak} |")
            print(rows[-1], flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("Micro-F1 on the real golden sets, by the form the documents were given in.\n\n" + "\n".join(rows) + "\n",
                        encoding="utf-8")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
