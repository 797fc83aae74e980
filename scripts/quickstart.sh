#!/usr/bin/env bash
# Set up a virtual environment and run the main job on the bundled sample letters:
# extract them, load them into the embedded Oxigraph store (no server), ask a question across them,
# and export the graph as Turtle.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
export OFSTED_KG_STORE="${OFSTED_KG_STORE:-$PWD/.ofsted-kg-store}"
.venv/bin/ofsted-kg extract --format table examples/letters
.venv/bin/ofsted-kg extract --format json examples/letters > examples/letters.json
.venv/bin/ofsted-kg ingest examples/letters
.venv/bin/ofsted-kg query inspectors-of-authority --param authority=Worcestershire
.venv/bin/ofsted-kg export --format turtle --output examples/letters.ttl
echo "Store: $OFSTED_KG_STORE; records with evidence: examples/letters.json; graph: examples/letters.ttl"
echo "Try: .venv/bin/ofsted-kg query --list"
