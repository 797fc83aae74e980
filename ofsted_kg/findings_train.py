"""Training the findings model (needs scikit-learn: `pip install -e '.[train]'`).

`fit(units)` returns the dict that `findings_model.Model.from_dict` reads and
`scripts/train_findings_model.py` writes to `ofsted_kg/data/findings_model.json.gz`. The theme
threshold is chosen by an inner cross-validation grouped by document on the units given, so a model
scored on documents it did not see was not tuned on them either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ofsted_kg.findings_model import context_from, dense_input, features
from ofsted_kg.findings_real import LabelledUnit

C_POLARITY = 10.0
# the sentence vectors' weight beside the TF-IDF features (5-fold grouped CV, the model alone: polarity 0.854
# without them, 0.877 at 1.0 and 0.865 at 2.0 with the shipped 8-bit encoder)
DENSE_SCALE = 1.0
C_THEME = 10.0
# class weights of the polarity classifier: the rarer "satisfactory" and mixed "area for improvement" units
# were mostly read as strengths (5-fold grouped CV: accuracy 0.817 unweighted, 0.822 with these)
POLARITY_WEIGHTS = {"strength": 1.0, "satisfactory": 2.0, "area for improvement": 1.3, "recommendation": 1.0,
                    "area for priority action": 1.0}
MIN_DF = 2
MAX_THEMES = 3
PRUNE = 1e-3  # weights smaller than this are left out of the file
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8)
# up to 0.2: with 0.3-0.5 allowed the inner CV picks 0.5, themes F1 0.711 instead of 0.706 but 9.2% of the
# labelled units left without a theme (3.0% are labelled so; the whole corpus 11%)
FALLBACKS = (0.0, 0.1, 0.2)
# added to a theme's score when its trigger words occur (chosen by the inner CV with the threshold): the model
# alone under-used the triggers (5-fold CV grouped by document: themes F1 0.696 -> 0.706 with RELATIVE)
TRIGGER_PRIORS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8)
RELATIVES = (0.0, 0.4, 0.5, 0.6)  # a chosen theme scores at least this share of the best one


def _identity(x: list[str]) -> list[str]:
    return x


@dataclass(frozen=True)
class Features:
    """Each unit's feature lists: for polarity and for themes (its own features and what it takes from the
    units around it in its document, `findings_model.context_features`), and the polarity's dense part: the
    sentence vectors of the unit and of its neighbours (`findings_model.dense_input`; None: not used)."""

    polarity: list[list[str]]
    themes: list[list[str]]
    dense: Any = None

    def take(self, rows: Sequence[int]) -> Features:
        dense = self.dense[list(rows)] if self.dense is not None else None
        return Features([self.polarity[i] for i in rows], [self.themes[i] for i in rows], dense)

    def __add__(self, other: Features) -> Features:
        import numpy as np

        dense = np.vstack([self.dense, other.dense]) if self.dense is not None and other.dense is not None else None
        return Features(self.polarity + other.polarity, self.themes + other.themes, dense)


def neighbour_texts(units: Sequence[LabelledUnit]) -> list[tuple[str, str]]:
    """Each unit's neighbours: the texts of the units before and after it of the same document ("" at its ends;
    the label files keep document order)."""
    return [(units[i - 1].text if i and units[i - 1].next_to(u) else "",
             units[i + 1].text if i + 1 < len(units) and units[i + 1].next_to(u) else "")
            for i, u in enumerate(units)]


def _feature_lists(units: Sequence[LabelledUnit]) -> Features:
    """The units' features, their neighbours' (the units before and after of the same document, as
    `neighbour_texts`) read too (`findings_model.context_from`; each unit's own features worked out once), and
    their sentence vectors (`ofsted_kg.encoder`)."""
    own = [features(u.text, u.section) for u in units]
    pol: list[list[str]] = []
    themes: list[list[str]] = []
    for i, u in enumerate(units):
        prev = own[i - 1] if i and units[i - 1].next_to(u) else []
        nxt = own[i + 1] if i + 1 < len(units) and units[i + 1].next_to(u) else []
        pol_ctx, theme_ctx = context_from(prev, nxt)
        pol.append(own[i] + pol_ctx)
        themes.append(own[i] + theme_ctx)
    from ofsted_kg import encoder

    vectors = encoder.embed([u.text for u in units])
    return Features(pol, themes, dense_input(vectors, [(p != "", n != "") for p, n in neighbour_texts(units)]))


def _vectoriser() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=MIN_DF, norm="l2", smooth_idf=True)


def polarity_matrix(vec: Any, feats: Features) -> Any:
    """The polarity classifier's input: the fitted vectoriser's TF-IDF rows, then the dense features scaled."""
    x = vec.transform(feats.polarity)
    if feats.dense is None:
        return x
    from scipy.sparse import csr_matrix, hstack

    return hstack([x, csr_matrix(feats.dense * DENSE_SCALE)]).tocsr()


def _fit(units: Sequence[LabelledUnit], feats: Features, theme_names: Sequence[str]) -> tuple[Any, Any, list[Any], Any]:
    """The fitted polarity vectoriser and classifier, one classifier per theme (None: no example) and the
    themes' vectoriser."""
    from sklearn.linear_model import LogisticRegression

    vec, theme_vec = _vectoriser(), _vectoriser()
    x, tx = polarity_matrix(vec.fit(feats.polarity), feats), theme_vec.fit_transform(feats.themes)
    pol = LogisticRegression(C=C_POLARITY, max_iter=3000, class_weight=POLARITY_WEIGHTS).fit(x, [u.polarity for u in units])
    clfs: list[Any] = []
    for theme in theme_names:
        y = [theme in u.themes for u in units]
        clfs.append(LogisticRegression(C=C_THEME, solver="liblinear", class_weight="balanced").fit(tx, y) if any(y) else None)
    return vec, pol, clfs, theme_vec


def _export(vec: Any, pol: Any, clfs: list[Any], theme_vec: Any, theme_names: Sequence[str]) -> dict[str, Any]:
    """The fitted parts as the model file's dict (weights under PRUNE left out)."""
    import numpy as np

    classes = [str(c) for c in pol.classes_]
    coef, bias = (pol.coef_, pol.intercept_) if len(classes) > 2 else (
        np.array([-pol.coef_[0], pol.coef_[0]]), [-pol.intercept_[0], pol.intercept_[0]])
    words = len(vec.get_feature_names_out())
    dense = coef[:, words:] * DENSE_SCALE  # applied to dense_input as it is, the scale folded in
    coef = coef[:, :words]

    def sparse(v: Any, rows: list[tuple[int, Any]]) -> dict[str, dict[str, float]]:
        names = [str(f) for f in v.get_feature_names_out()]
        out: dict[str, dict[str, float]] = {}
        for k, row in rows:
            for j, w in enumerate(row):
                if abs(w) >= PRUNE:
                    out.setdefault(names[j], {})[str(k)] = round(float(w), 4)
        return out

    def idf(v: Any) -> dict[str, float]:
        return {str(f): round(float(x), 5) for f, x in zip(v.get_feature_names_out(), v.idf_, strict=True)}

    return {"polarities": classes, "themes": list(theme_names), "idf": idf(vec), "theme_idf": idf(theme_vec),
            "polarity_bias": [round(float(b), 5) for b in bias],
            "theme_bias": [round(float(c.intercept_[0]), 5) if c is not None else -20.0 for c in clfs],
            "polarity_w": sparse(vec, list(enumerate(coef))),
            "theme_w": sparse(theme_vec, [(k, c.coef_[0]) for k, c in enumerate(clfs) if c is not None]),
            "max_themes": MAX_THEMES, "thresholds": {}, "fallback": 1.0,
            **({"polarity_dense": [[round(float(w), 5) for w in row] for row in dense]} if dense.shape[1] else {})}


def assigned(scores: Any, threshold: float, fallback: float, relative: float = 0.0) -> Any:
    """Boolean matrix (units x themes): the themes_of rule applied to a matrix of theme scores (the trigger
    prior already added)."""
    import numpy as np

    order = np.argsort(-scores, axis=1, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(scores.shape[1])[None, :].repeat(len(scores), 0), axis=1)
    chosen = (scores >= threshold) & (rank < MAX_THEMES)
    lone = ~chosen.any(axis=1) & (scores.max(axis=1) >= fallback)
    chosen[lone, order[lone, 0]] = True
    return chosen & (scores >= relative * scores.max(axis=1, keepdims=True))


def triggered(feats: Features, theme_names: Sequence[str]) -> Any:
    """Boolean matrix (units x themes): the theme's trigger words occur (its "#theme" feature)."""
    import numpy as np

    return np.array([[f"#{t}" in set(f) for t in theme_names] for f in feats.themes])


def choose_threshold(units: Sequence[LabelledUnit], feats: Features, theme_names: Sequence[str],
                     folds: int = 3) -> tuple[float, float, float, float]:
    """(threshold, fallback, trigger prior, relative) with the best theme micro-F1 over an inner grouped
    cross-validation."""
    import itertools

    import numpy as np
    from sklearn.model_selection import GroupKFold

    groups = [u.document for u in units]
    gold = np.array([[t in u.themes for t in theme_names] for u in units])
    trig = triggered(feats, theme_names)
    grid = list(itertools.product(THRESHOLDS, FALLBACKS, TRIGGER_PRIORS, RELATIVES))
    totals = {key: np.zeros(3) for key in grid}
    for train, test in GroupKFold(n_splits=folds).split(units, groups=groups):
        _, _, clfs, theme_vec = _fit([units[i] for i in train], feats.take(train), theme_names)
        x = theme_vec.transform(feats.take(test).themes)
        scores = np.column_stack([c.predict_proba(x)[:, 1] if c is not None else np.zeros(len(test)) for c in clfs])
        g = gold[test]
        for prior in TRIGGER_PRIORS:
            s = scores + prior * trig[test]
            for t, f, r in itertools.product(THRESHOLDS, FALLBACKS, RELATIVES):
                a = assigned(s, t, f, r)
                totals[(t, f, prior, r)] += [(a & g).sum(), (a & ~g).sum(), (~a & g).sum()]

    def f1(c: Any) -> float:
        return float(2 * c[0] / (2 * c[0] + c[1] + c[2])) if c[0] else 0.0

    return max(grid, key=lambda k: (f1(totals[k]), -k[0], -k[2], -k[3]))


def fit(units: Sequence[LabelledUnit], theme_names: Sequence[str], meta: dict[str, Any] | None = None,
        feats: Features | None = None) -> dict[str, Any]:
    """The model file's content, trained on `units` (threshold chosen by inner CV on them); `feats`:
    their feature lists when already computed."""
    feats = feats if feats is not None else _feature_lists(units)
    threshold, fallback, prior, relative = choose_threshold(units, feats, theme_names)
    d = _export(*_fit(units, feats, theme_names), theme_names)
    d["thresholds"] = {t: threshold for t in theme_names}
    d["fallback"] = fallback
    d["trigger_prior"] = prior
    d["relative"] = relative
    d["meta"] = {**(meta or {}), "threshold": threshold, "fallback": fallback, "trigger_prior": prior,
                 "relative": relative, "units": len(units),
                 "documents": len({u.document for u in units}), "C_polarity": C_POLARITY, "C_theme": C_THEME,
                 "polarity_weights": POLARITY_WEIGHTS}
    return d
