"""Polarity and themes of a finding from a small linear model shipped with the package.

The model (`ofsted_kg/data/findings_model.json.gz`) is logistic regression over TF-IDF features,
trained with scikit-learn on the real labelled set (`ofsted_kg.findings_train`), and applied here in
plain Python: no download, no scikit-learn at run time, the same answer every time. A unit's features
are its words and word pairs, the words after a negation (prefixed "¬"), cue groups of the label
guide's polarity rules (prefixed "~": hedges, contrast, "not yet", praise, process wording, plainly
negative evaluation, and "~no-evaluation" when neither a negative nor a praise word occurs), the words
of its section heading (prefixed "§"), and one feature per theme whose trigger words
(`ontology/themes.ttl`) occur in it ("#" and the theme's label). A theme's score is its logistic
probability; to choose themes, a theme whose trigger words occur gets `trigger_prior` added (at most
1.0 given back). `explain` lists the features that pushed a score up most.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ofsted_kg.extract.records import Finding, LetterRecord
from ofsted_kg.themes import assign_themes, has_extra_rules
from ofsted_kg.themes import themes as all_themes

MODEL_FILE = "findings_model.json.gz"
_WORD = re.compile(r"[a-z][a-z0-9'-]*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


# Negations whose scope (the next NEGATION_SCOPE words) is marked "¬word": "not well" is not "well".
_NEGATORS = frozenset({"not", "no", "never", "nor", "without", "lack", "lacks", "lacking", "cannot", "isn't", "aren't",
                       "don't", "doesn't", "hasn't", "haven't", "unable"})
NEGATION_SCOPE = 3
TRIGGER_LIMIT = 10  # at most this many themes' trigger matches per unit, as features and for the prior
# Cue groups of the label guide's polarity rules, one feature "~group" per match: hedges and contrast make
# a mixed sentence an area for improvement, praise a strength, plain process wording satisfactory.
CUES: dict[str, re.Pattern[str]] = {name: re.compile(pattern) for name, pattern in {
    "not-yet": r"\b(?:not yet|yet to|too early|too soon|early days|at an early stage)\b",
    "too": r"\btoo (?:many|few|long|high|slow|much|variable|often|late|little|low)\b",
    "contrast": r"\b(?:although|however|but|though|whilst|while|despite|except)\b",
    "some": r"\b(?:some|a few|a small number of|a minority of|not all|not always|not consistently)\b",
    "most": r"\b(?:most|the majority of|many|mostly|generally|largely)\b",
    "variable": r"\b(?:inconsistent(?:ly)?|variab(?:le|ly|ility)|varies|vary|patchy|uneven)\b",
    "weak": r"\b(?:weak\w*|poor\w*|insufficient\w*|limited|delay\w*|gaps?|shortfalls?|ineffective\w*|drift)\b",
    "praise": r"\b(?:well|effective(?:ly)?|strong(?:ly)?|good|timely|thorough(?:ly)?|skil\w+|improved|robust|high-quality"
              r"|child-centred|comprehensive|positive(?:ly)?|excellent|impressive)\b",
    "process": r"\b(?:appropriate(?:ly)?|in place|routine(?:ly)?|regular(?:ly)?|has been|have been|is|are) \w+",
    "should": r"\b(?:should|must|need to|needs to|ensure that)\b",
    # plainly negative evaluation: a sentence saying a thing is poor, ineffective, failing, missing or late is
    # an area for improvement, however much praise words it also uses (issue 15: polarity 0.825 -> 0.835 with
    # "~no-evaluation" below, 5-fold CV grouped by document)
    "negative": r"\b(?:ineffective\w*|not (?:\w+ )?effective\w*|poor(?:ly)?|inadequate|fail(?:ures?|ings?|s|ed)"
                r"|weak(?:ness|nesses)?|underdeveloped|insufficient(?:ly)?|lack of|absence of|no evidence"
                r"|not (?:sufficiently|consistently|always|yet|fully|effectively|routinely|well|robust|timely|clear|good"
                r"|enough)|too (?:many|few|long|high|slow|much|variable|often|late|little|low)|delays?|delayed|drift"
                r"|backlog|inconsisten\w+|variable|variability|gaps?|shortfalls?|deficits?|serious concerns?"
                r"|concerns? about|limited|remains? (?:a )?(?:challeng\w+|fragile|high)|fragile"
                r"|not (?:\w+ ){0,2}(?:well|good|strong|robust|thorough|timely|sufficient))\b",
}.items()}
# Evaluative praise words: a sentence with none of these and no "negative" cue is marked "~no-evaluation",
# the label guide's plain statement (satisfactory).
_EVALUATIVE = re.compile(
    r"\b(?:well|effective(?:ly)?|strong(?:ly|er)?|good|timely|thorough(?:ly)?|skil\w+|improv\w+|robust|high-quality"
    r"|high quality|child-centred|comprehensive|positive(?:ly)?|excellent|impressive|outstanding|swift(?:ly)?"
    r"|prompt(?:ly)?|clear(?:ly)?|detailed|rigorous(?:ly)?|committed|passionate|proactive(?:ly)?|creative(?:ly)?"
    r"|innovative|successful(?:ly)?|confident(?:ly)?|purposeful(?:ly)?|sensitive(?:ly)?|meaningful|knowledgeable"
    r"|ambitious|highly|valu\w+|benefit\w*|helpful|quick(?:ly)?)\b")


def cue_features(text: str) -> list[str]:
    """Negation scope ("¬word") and cue groups ("~group"), one feature per occurrence."""
    words = _words(text)
    out: list[str] = []
    scope = 0
    for w in words:
        if w in _NEGATORS:
            scope = NEGATION_SCOPE
        elif scope:
            out.append(f"¬{w}")
            scope -= 1
    low = " ".join(words)
    for name, pattern in CUES.items():
        out += [f"~{name}"] * len(pattern.findall(low))
    if "~negative" not in out and not _EVALUATIVE.search(low):
        out.append("~no-evaluation")
    return out


def features(text: str, section: str = "") -> list[str]:
    """The unit's feature names, repeated as often as they occur (TF-IDF counts them; their order does not
    matter)."""
    words = _words(text)
    out = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)] + cue_features(text)
    out += [f"§{w}" for w in _words(section)]
    out += [f"#{t.label}" for t, _ in assign_themes(text, limit=TRIGGER_LIMIT)]
    return out


def context_features(prev: str = "", nxt: str = "") -> tuple[list[str], list[str]]:
    """What a unit takes from its neighbours in the letter (the units just before and after it): for polarity,
    their cue groups ("<~contrast", ">~praise": "This means ..." leans on the sentence before); for themes,
    their words ("<word", ">word") and the themes whose trigger words occur in the unit before ("<#theme")."""
    return context_from(features(prev) if prev else [], features(nxt) if nxt else [])


_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def context_from(prev: list[str], nxt: list[str]) -> tuple[list[str], list[str]]:
    """`context_features` from the neighbours' own feature lists (`features`; a section's "§" words are not
    taken): their cue features ("~", "¬"), their words and the triggered themes of the one before ("#")."""
    polarity = [f"<{f}" for f in prev if f[0] in "~¬"] + [f">{f}" for f in nxt if f[0] in "~¬"]
    themes = [f"<{f}" for f in prev if f[0] in _LOWER and " " not in f]
    themes += [f">{f}" for f in nxt if f[0] in _LOWER and " " not in f]
    themes += [f"<{f}" for f in prev if f[0] == "#"]
    return polarity, themes


_RECENT = 8192  # more units than the longest document has
NEIGHBOUR_SHARE = 0.5  # the neighbours' sentence vectors count half the unit's own


def dense_row(own: Any, prev: Any, nxt: Any) -> Any:
    """The polarity's dense features (one unit's vectors, or rows of them): its sentence vector, then its
    previous and next neighbour's times NEIGHBOUR_SHARE."""
    import numpy as np

    return np.concatenate([own, NEIGHBOUR_SHARE * prev, NEIGHBOUR_SHARE * nxt], axis=-1)


def dense_input(vectors: Any, around: Sequence[tuple[bool, bool]]) -> Any:
    """`dense_row` of consecutive units (`vectors`, one sentence vector a row, from `ofsted_kg.encoder`), a
    neighbour's vector zeros where `around` says it has none."""
    import numpy as np

    zeros = np.zeros_like(vectors[:1])
    prev = np.vstack([zeros, vectors[:-1]]) * np.array([[p] for p, _ in around], dtype=vectors.dtype)
    nxt = np.vstack([vectors[1:], zeros]) * np.array([[n] for _, n in around], dtype=vectors.dtype)
    return dense_row(vectors, prev, nxt)


@dataclass(frozen=True)
class Model:
    """Weights read from the model file."""

    polarities: tuple[str, ...]
    themes: tuple[str, ...]
    thresholds: dict[str, float]  # theme -> minimum score to assign it
    fallback: float  # a unit with no theme above threshold takes its best one if it scores this much
    max_themes: int
    polarity_bias: tuple[float, ...]
    theme_bias: tuple[float, ...]
    idf: dict[str, float]  # the polarity features' (and the themes' too when theme_idf is None)
    polarity_w: dict[str, dict[int, float]]  # feature -> class index -> weight (zeros left out)
    theme_w: dict[str, dict[int, float]]
    meta: dict[str, Any]
    # added to a theme's score when its trigger words (ontology/themes.ttl) occur in the unit, for choosing
    trigger_prior: float = 0.0
    # a theme is chosen only if its score is at least this share of the best theme's score
    relative: float = 0.0
    theme_idf: dict[str, float] | None = None  # the theme features' own vocabulary (with the neighbours' words)
    # polarity weights of the sentence vectors (classes x 3 * encoder.DIM, applied to dense_input); None: none
    polarity_dense: Any = field(default=None, compare=False)
    _recent: dict[tuple[str, ...], dict[str, float]] = field(default_factory=dict, compare=False, repr=False)
    _triggered: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _base: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Model:
        def sparse(m: dict[str, dict[str, float]]) -> dict[str, dict[int, float]]:
            return {f: {int(k): v for k, v in row.items()} for f, row in m.items()}

        return cls(tuple(d["polarities"]), tuple(d["themes"]), dict(d["thresholds"]), d["fallback"],
                   d["max_themes"], tuple(d["polarity_bias"]), tuple(d["theme_bias"]), dict(d["idf"]),
                   sparse(d["polarity_w"]), sparse(d["theme_w"]), d.get("meta", {}),
                   d.get("trigger_prior", 0.0), d.get("relative", 0.0), d.get("theme_idf"),
                   _matrix(d["polarity_dense"]) if d.get("polarity_dense") else None)

    def _dense_logits(self, text: str, prev: str, nxt: str) -> Any:
        from ofsted_kg import encoder

        row = dense_row(encoder.vector(text), encoder.vector(prev), encoder.vector(nxt))
        return self.polarity_dense @ row.astype(float)

    def _features(self, text: str) -> list[str]:
        """`features(text)` (no section), worked out once for each text while it is recent: a unit's own
        features and, as a neighbour, the two units' around it."""
        got = self._base.get(text)
        if got is None:
            if len(self._base) >= _RECENT:
                self._base.clear()
            got = self._base[text] = features(text)
        return got

    def vector(self, text: str, section: str = "", prev: str = "", nxt: str = "", themes: bool = False) -> dict[str, float]:
        """Sublinear TF-IDF, L2-normalised, over the features the model knows: the unit's own and what it takes
        from its neighbours `prev` and `nxt` (`context_features`; the theme features when `themes`). The last
        few thousand are kept: a document's units are asked their polarity first, all of them, and their
        themes afterwards."""
        key = (text, section, prev, nxt, "t" if themes else "p")
        if key in self._recent:
            return self._recent[key]
        own = self._features(text) + [f"§{w}" for w in _words(section)]  # = features(text, section), reordered
        around = context_from(self._features(prev) if prev else [], self._features(nxt) if nxt else [])
        idf = self.theme_idf if themes and self.theme_idf is not None else self.idf
        counts: dict[str, int] = {}
        for f in own + around[1 if themes else 0]:
            if f in idf:
                counts[f] = counts.get(f, 0) + 1
        v = {f: (1 + math.log(n)) * idf[f] for f, n in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        if len(self._recent) >= _RECENT:
            self._recent.clear()
            self._triggered.clear()
        self._triggered[(text, section)] = frozenset(f[1:] for f in own if f.startswith("#"))
        self._recent[key] = {f: x / norm for f, x in v.items()}
        return self._recent[key]

    @functools.cached_property
    def _dense(self) -> tuple[tuple[dict[str, int], Any], tuple[dict[str, int], Any]]:
        """(feature index, weights as a features x classes numpy array) for polarity, then for themes."""
        import numpy as np

        out = []
        for idf, table, width in ((self.idf, self.polarity_w, len(self.polarities)),
                                  (self.theme_idf if self.theme_idf is not None else self.idf, self.theme_w,
                                   len(self.themes))):
            index = {f: i for i, f in enumerate(sorted(idf))}
            matrix = np.zeros((len(index), width))
            for f, row in table.items():
                if f in index:
                    for k, w in row.items():
                        matrix[index[f], k] = w
            out.append((index, matrix))
        return out[0], out[1]

    def _logits(self, v: dict[str, float], which: int, bias: tuple[float, ...]) -> list[float]:
        import numpy as np

        index, matrix = self._dense[which]
        if not v:
            return list(bias)
        rows = [index[f] for f in v]
        return [float(z) for z in np.asarray(bias) + np.fromiter(v.values(), float, len(v)) @ matrix[rows]]

    def polarity(self, text: str, section: str = "", prev: str = "", nxt: str = "") -> tuple[str, float]:
        """The most likely polarity and its probability (`prev`, `nxt`: the units around it in its letter)."""
        logits = self._logits(self.vector(text, section, prev, nxt), 0, self.polarity_bias)
        if self.polarity_dense is not None:
            logits = [z + float(d) for z, d in zip(logits, self._dense_logits(text, prev, nxt), strict=True)]
        top = max(logits)
        exp = [math.exp(z - top) for z in logits]
        best = max(range(len(exp)), key=exp.__getitem__)
        return self.polarities[best], exp[best] / sum(exp)

    def theme_scores(self, text: str, section: str = "", prev: str = "", nxt: str = "") -> list[tuple[str, float]]:
        """Every theme with its probability, best first."""
        logits = self._logits(self.vector(text, section, prev, nxt, themes=True), 1, self.theme_bias)
        scores = [(t, 1 / (1 + math.exp(-z))) for t, z in zip(self.themes, logits, strict=True)]
        return sorted(scores, key=lambda ts: (-ts[1], ts[0]))

    def themes_of(self, text: str, section: str = "", prev: str = "", nxt: str = "") -> list[tuple[str, float]]:
        """The themes assigned, each with its score: the model's probability plus `trigger_prior` when the
        theme's trigger words occur in the text (at most 1.0). Chosen: those at or above their threshold
        and at least `relative` times the best score (at most max_themes), or the best one alone when none
        is but it scores at least `fallback`."""
        scores = self.theme_scores(text, section, prev, nxt)  # its features name the themes whose trigger words occur
        triggered = self._triggered.get((text, section), frozenset()) if self.trigger_prior else frozenset()
        ranked = sorted(((t, s + self.trigger_prior * (t in triggered)) for t, s in scores),
                        key=lambda ts: (-ts[1], ts[0]))
        top = ranked[0][1] if ranked else 0.0
        chosen = [(t, s) for t, s in ranked if s >= self.thresholds.get(t, 0.5) and s >= self.relative * top]
        chosen = chosen[: self.max_themes]
        if not chosen and ranked and ranked[0][1] >= self.fallback:
            chosen = ranked[:1]
        return [(t, min(s, 1.0)) for t, s in chosen]

    def explain(self, text: str, section: str = "", theme: str | None = None, top: int = 5, prev: str = "",
                nxt: str = "") -> list[tuple[str, float]]:
        """The features that raised `theme`'s score most (or the chosen polarity's, when theme is None)."""
        v = self.vector(text, section, prev, nxt, themes=theme is not None)
        if theme is None:
            k, table = self.polarities.index(self.polarity(text, section, prev, nxt)[0]), self.polarity_w
        else:
            k, table = self.themes.index(theme), self.theme_w
        parts = [(f, x * table.get(f, {}).get(k, 0.0)) for f, x in v.items()]
        if theme is None and self.polarity_dense is not None:
            parts.append(("(sentence meaning)", float(self._dense_logits(text, prev, nxt)[k])))
        return sorted((p for p in parts if p[1] > 0), key=lambda p: -p[1])[:top]


def _matrix(rows: list[list[float]]) -> Any:
    import numpy as np

    return np.asarray(rows, dtype=float)


def load(data: bytes) -> Model:
    """A model from the bytes of a (gzipped) model file."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return Model.from_dict(json.loads(data))


@functools.cache
def shipped() -> Model:
    """The model shipped in the package."""
    return load(resources.files("ofsted_kg.data").joinpath(MODEL_FILE).read_bytes())


_override: list[Model] = []


def active() -> Model:
    """The model in use: the shipped one unless `using` put another in place."""
    return _override[-1] if _override else shipped()


@contextlib.contextmanager
def using(model: Model) -> Iterator[Model]:
    """Use `model` instead of the shipped one inside the block (cross-validation, tests)."""
    _override.append(model)
    try:
        yield model
    finally:
        _override.pop()


def score_themes(text: str, section: str = "", prev: str = "", nxt: str = "") -> list[tuple[str, float]]:
    """The themes a finding gets, each with its score (0-1), best first (`prev`, `nxt`: the findings just
    before and after it in its letter, whose words the model reads too).

    The findings model in use (`active`) decides, with the trigger words of the theme scheme
    (`ofsted_kg.themes`) among its features. Themes a user's rules file adds (`themes.extra_rules`) are
    unknown to the model: a trigger of one of them that matches adds it with score 1.0, after the
    model's themes.
    """
    model = active()
    chosen = [(t, round(s, 3)) for t, s in model.themes_of(text, section, prev, nxt)]
    known = set(model.themes)
    extra = [t.label for t, _ in assign_themes(text) if t.label not in known] if has_extra_rules() else []
    return chosen + [(label, 1.0) for label in extra if label not in dict(chosen)]


def explain_themes(text: str, section: str = "", top: int = 5, prev: str = "", nxt: str = "") -> list[dict[str, Any]]:
    """Why a finding got its themes: for each (as `score_themes` gives them) its score, the features
    that raised the score most ("word", "word pair", "§section word", "#Theme" for a theme's trigger
    words, "<word" / ">word" / "<#Theme" for the findings before and after it) with their weight, and the
    trigger words of that theme found in the text."""
    model = active()
    triggered = {t.label: words for t, words in assign_themes(text, limit=len(all_themes()))}
    out = []
    for label, score in score_themes(text, section, prev, nxt):
        because = model.explain(text, section, label, top, prev, nxt) if label in model.themes else []
        out.append({"theme": label, "score": score, "features": [[f, round(w, 3)] for f, w in because],
                    "trigger": triggered.get(label)})
    return out


def neighbours(findings: Sequence[Finding] | Sequence[Any], i: int) -> tuple[str, str]:
    """The texts of the findings (or finding units) just before and after findings[i] ("" at the ends)."""
    return (findings[i - 1].text if i > 0 else "", findings[i + 1].text if i + 1 < len(findings) else "")


@dataclass(frozen=True)
class ExplainedFinding:
    """A finding with its source and, for each of its themes, what `explain_themes` says decided it."""

    source: str
    finding: Finding
    themes: list[dict[str, Any]]  # theme, score, features [[name, weight], ...], trigger


def explain_findings(records: Iterable[LetterRecord]) -> list[ExplainedFinding]:
    """Every finding of `records`, in order, with its themes' scores and the features behind them."""
    return [ExplainedFinding(r.source, f, explain_themes(f.text, f.section, 5, *neighbours(r.findings, i)))
            for r in records for i, f in enumerate(r.findings)]
