#!/usr/bin/env bash
# Set up a virtual environment with the test extras and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

# System programs the tests drive for real: Java for the HermiT OWL reasoner (and a JDK for the OWL 2
# DL profile check), Chromium for the HTML network view and the published pages, Virtuoso as a second
# SPARQL store, nginx for the published site. Installed from Debian's packages when missing (without
# questions: Virtuoso's package asks for a password).
need() {  # need COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "Installing Debian's $2 (for the tests that run $1)" >&2
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need java default-jre-headless
need javac default-jdk-headless  # compiles tests/java/DLProfile.java, the OWL API's OWL 2 DL profile check
need chromium chromium
need virtuoso-t virtuoso-opensource  # a second SPARQL store for tests/test_endpoints.py
need nginx nginx-light  # the published site served with its own nginx config (tests/test_site.py)
need pdftotext poppler-utils  # real PDFs as pdftotext prints them (tests/test_text_forms.py)
need tesseract tesseract-ocr  # real letters read back by OCR (tests/test_text_forms.py)

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
