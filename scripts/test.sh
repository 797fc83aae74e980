#!/usr/bin/env bash
# Set up a virtual environment with the test extras and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# HermiT (the OWL reasoner behind the ontology test) needs Java.
if ! command -v java >/dev/null 2>&1; then
  echo "Installing Debian's default-jre-headless for the OWL reasoner test" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq default-jre-headless >/dev/null; fi
fi
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
# pytest exits 5 when it collected no tests: that is a failure here, not a pass.
if [ "$rc" -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi
exit "$rc"
