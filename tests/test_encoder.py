"""The shipped sentence encoder (ofsted_kg/encoder.py): unit vectors, the same for a text wherever it
stands, near for sentences that mean the same."""

from __future__ import annotations

import numpy as np

from ofsted_kg import encoder


def test_vectors_are_unit_length_and_do_not_depend_on_the_texts_beside_them() -> None:
    texts = ["Leaders have a good understanding of the quality of practice.", "Too many children wait too long.",
             "x"]
    together = encoder.embed(texts)
    assert together.shape == (3, encoder.DIM)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-4)
    encoder.clear()
    alone = np.stack([encoder.vector(t) for t in reversed(texts)])[::-1]
    assert np.array_equal(together, alone)
    assert not encoder.vector("").any()


def test_sentences_that_mean_the_same_are_nearer_than_ones_that_do_not() -> None:
    a, b, c = encoder.embed([
        "Social workers visit children regularly and know them well.",
        "Practitioners see children often and understand them.",
        "The council's budget for highways maintenance was cut.",
    ])
    assert a @ b > 0.5 > a @ c
