#!/usr/bin/env bash
# Set up a virtual environment and run the main job on the bundled sample letters.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
.venv/bin/ofsted-kg extract --format table examples/letters
.venv/bin/ofsted-kg extract --format json examples/letters > examples/letters.json
echo "Wrote examples/letters.json ($(.venv/bin/python -c 'import json;print(len(json.load(open("examples/letters.json"))))') records, with evidence spans)."
