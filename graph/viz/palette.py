"""Colours and names of node kinds, shared by every format (colour-blind-safe Okabe-Ito hues)."""

from __future__ import annotations

KIND_COLOURS = {
    "authority": "#0072B2",
    "inspector": "#E69F00",
    "director": "#009E73",
    "visit": "#56B4E9",
    "judgement": "#CC79A7",
}
KIND_NAMES = {
    "authority": "Authority",
    "inspector": "Inspector",
    "director": "Director",
    "visit": "Visit",
    "judgement": "Judgement",
}
