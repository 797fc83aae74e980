"""Time the extractor on the hostile inputs of issue 21, each in its own process with a deadline.

    python benchmarks/bench_hostile.py [--deadline 60] [--only NAME ...] [--json]

Each case writes one file (or a FIFO) to a temporary folder and runs `extract_letters` on it in a
child process, so that a case that hangs is stopped at `--deadline` seconds and reported as such
instead of stalling the run. For each case it prints the wall time, the child's peak memory (max RSS)
and what came back: records, and the first problem line. Nothing here is an assertion; the tests in
`tests/test_hostile.py` check the outcomes, never the times.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "letters" / "004_2067af35a111929a.txt"

_CHILD = r"""
import json, resource, sys
from ofsted_kg.api import extract_letters
result = extract_letters([sys.argv[1].encode('utf-8', 'surrogateescape').decode('utf-8', 'surrogateescape')])
print(json.dumps({"records": len(result.records), "problems": [str(p) for p in result.problems],
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_TEXT_CHILD = r"""
import json, resource, sys
from ofsted_kg.api import extract_text
text = open(sys.argv[1], encoding='utf-8', errors='surrogatepass').read()
try:
    n, problem = len(extract_text(text)), None
except Exception as e:
    n, problem = 0, f"{type(e).__name__}: {e}"
print(json.dumps({"records": n, "problems": [problem] if problem else [],
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _letter_html(tail: str) -> str:
    body = "".join(f"<p>{line}</p>\n" for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip())
    return f"<!DOCTYPE html><html><body>\n{body}{tail}</body></html>\n"


def _write(name: str, data: str | bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path
    return make


def _fifo(folder: Path) -> Path:
    path = folder / "x.txt"
    os.mkfifo(path)
    return path


def _big_html(folder: Path) -> Path:
    path = folder / "big.html"
    row = "<tr><td>Social workers visit children regularly and see them alone.</td></tr>\n"
    path.write_text(_letter_html("<table>" + row * (27_000_000 // len(row)) + "</table>"), encoding="utf-8")
    return path


def _big_text(folder: Path) -> Path:
    path = folder / "big.txt"
    line = "Social workers visit children regularly and see them alone. " * 2 + "\n"
    path.write_text(SEED.read_text(encoding="utf-8") + line * (50_000_000 // len(line)), encoding="utf-8")
    return path


def _stray_byte(folder: Path) -> Path:
    path = folder / "stray.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("utf-8").replace(b"Dear", b"Dear\x81", 1))
    return path


def _bad_name(folder: Path) -> Path:
    path = Path(os.fsdecode(os.fsencode(folder) + b"/lettre-\xe9t\xe9.txt"))
    path.write_bytes(SEED.read_bytes())
    return path


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "br-60k": (lambda f: _write("br.html", _letter_html("<br>" * 60_000))(f), _CHILD),
    "newlines-60k": (lambda f: _write("nl.txt", SEED.read_text(encoding="utf-8") + "\n" * 60_000 + "- x\n")(f),
                     _CHILD),
    "div-200k-nested": (lambda f: _write("div.html", _letter_html("<div>" * 200_000))(f), _CHILD),
    "table-50k-unclosed": (lambda f: _write("table.html", _letter_html("<table><tr><td>" * 50_000))(f), _CHILD),
    "html-27mb": (_big_html, _CHILD),
    "text-50mb": (_big_text, _CHILD),
    "fifo-x.txt": (_fifo, _CHILD),
    "stray-byte": (_stray_byte, _CHILD),
    "non-utf8-name": (_bad_name, _CHILD),
    "lone-surrogate": (lambda f: _write("sur.txt", SEED.read_text(encoding="utf-8").replace(
        "Dear", "Dear \ud800", 1).encode("utf-8", "surrogatepass"))(f), _TEXT_CHILD),
}


def run_case(name: str, deadline: float) -> dict[str, object]:
    make, child = CASES[name]
    with tempfile.TemporaryDirectory() as tmp:
        path = make(Path(tmp))
        start = time.perf_counter()
        arg = os.fsencode(path).decode("utf-8", "surrogateescape")
        try:
            proc = subprocess.run([sys.executable, "-c", child, arg], capture_output=True, text=True,
                                  timeout=deadline, errors="replace")
        except subprocess.TimeoutExpired:
            return {"case": name, "seconds": round(time.perf_counter() - start, 2), "outcome": "killed at deadline"}
        seconds = round(time.perf_counter() - start, 2)
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["?"])[-1]
            return {"case": name, "seconds": seconds, "outcome": f"crashed: {last}"}
        out = json.loads(proc.stdout.strip().splitlines()[-1])
        problems = out["problems"]
        return {"case": name, "seconds": seconds, "rss_mb": round(out["rss_mb"]), "records": out["records"],
                "outcome": problems[0] if problems else "ok, no problem reported"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--deadline", type=float, default=60.0)
    ap.add_argument("--only", nargs="*", choices=sorted(CASES))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rows = [run_case(name, args.deadline) for name in (args.only or CASES)]
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        print()
        return
    for r in rows:
        print(f"{r['case']:20} {r['seconds']:7.2f} s {str(r.get('rss_mb', '-')):>6} MB  "
              f"records={r.get('records', '-')}  {str(r['outcome'])[:120]}")


if __name__ == "__main__":
    main()
