"""Property-based tests: the extractor never crashes and its evidence always points into the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ofsted_kg.api import extract_text

from .conftest import EXAMPLES

SEED_LINES = [ln for p in sorted(EXAMPLES.glob("*.txt")) for ln in p.read_text(encoding="utf-8").splitlines()]
NOISE = ["", "\f", "Dear Sir", "Yours sincerely", "- ", "■ ", "Page 3 of 7", "12", "# Heading", "Lead inspector:",
         "Inspection dates: 1 to", "What needs to improve?", "**", "|---|---|", "Copy: ", "31 February 2019"]


def _check(text: str) -> None:
    for rec in extract_text(text, "prop.txt"):
        for spans in rec.evidence.values():
            for s in spans:
                assert 0 <= s.start <= s.end <= len(text)
                assert text[s.start:s.end] == s.text
        assert rec.visit_type is None or rec.visit_type in {
            "monitoring visit", "focused visit", "inspection", "annual unannounced inspection",
            "joint targeted area inspection", "assurance visit"} or rec.visit_type.startswith("other:")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_arbitrary_text_never_crashes(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SEED_LINES + NOISE), max_size=80), st.sampled_from(["\n", "\r\n", "\n\n", " "]))
def test_shuffled_letter_fragments_never_crash(lines: list[str], sep: str) -> None:
    _check(sep.join(lines))


def test_long_adversarial_input_is_handled() -> None:
    text = ("Dear Dr " + "A" * 5000 + "\n") + ("8 and 9 and 10 and " * 2000) + "January 2019\n" + ("- " * 20000)
    _check(text)
