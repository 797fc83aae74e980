"""Sentence vectors from a small pretrained encoder shipped with the package.

The encoder is sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0), exported to ONNX with its weights
quantised to 8 bits (`scripts/build_encoder.py`, `ofsted_kg/data/encoder/`), run by onnxruntime on the
CPU: nothing is downloaded. A sentence's vector is the mean of its token vectors, L2-normalised, as the
model's authors pool it. The findings model reads it beside its TF-IDF features: what a sentence means,
where its words are new.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from typing import Any

DIM = 384
MAX_TOKENS = 256
_CACHE_LIMIT = 50_000
_cache: dict[str, Any] = {}


@functools.cache
def _session() -> tuple[Any, Any]:
    import onnxruntime as ort
    from tokenizers import Tokenizer

    folder = resources.files("ofsted_kg.data").joinpath("encoder")
    tokenizer = Tokenizer.from_str(folder.joinpath("tokenizer.json").read_text(encoding="utf-8"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_TOKENS)
    options = ort.SessionOptions()
    options.log_severity_level = 3
    session = ort.InferenceSession(folder.joinpath("minilm-l6-v2-int8.onnx").read_bytes(), options,
                                   providers=["CPUExecutionProvider"])
    return tokenizer, session


def _encode(texts: Sequence[str]) -> Any:
    """One text at a time: the 8-bit model scales its activations by the whole input's range, so a text
    encoded beside others would get a vector that depends on them (cosine as low as 0.978 in batches of 32),
    and barely faster here (10%)."""
    import numpy as np

    tokenizer, session = _session()
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for i, encoded in enumerate(tokenizer.encode_batch(list(texts))):
        ids = np.array([encoded.ids], dtype=np.int64)
        hidden = session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids),
                                    "token_type_ids": np.zeros_like(ids)})[0][0]
        mean = hidden.mean(axis=0)
        out[i] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return out


def embed(texts: Sequence[str]) -> Any:
    """Each text's vector (a len(texts) x 384 float32 array); texts seen recently are not encoded again."""
    import numpy as np

    new = list(dict.fromkeys(t for t in texts if t not in _cache))
    if new:
        if len(_cache) + len(new) > _CACHE_LIMIT:
            _cache.clear()
        for t, v in zip(new, _encode(new), strict=True):
            _cache[t] = v
    return np.stack([_cache[t] for t in texts]) if texts else np.zeros((0, DIM), dtype=np.float32)


def clear() -> None:
    """Forget the vectors of texts seen (benchmarks time the encoding itself)."""
    _cache.clear()


def vector(text: str) -> Any:
    """One text's vector (zeros for an empty text)."""
    import numpy as np

    return embed([text])[0] if text else np.zeros(DIM, dtype=np.float32)
