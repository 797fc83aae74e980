"""Colours and names shared by every format: node kinds (colour-blind-safe Okabe-Ito hues), grades, roles, visit kinds."""

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

# an authority's latest overall grade: green (best) to red (worst); grey when no letter gives one
GRADE_COLOURS = {
    "outstanding": "#1A9850",
    "good": "#91CF60",
    "adequate": "#D9EF8B",
    "requires_improvement": "#FC8D59",
    "inadequate": "#D73027",
    "": "#BBBBBB",
}
GRADE_NAMES = {"outstanding": "Outstanding", "good": "Good", "adequate": "Adequate",
               "requires_improvement": "Requires improvement", "inadequate": "Inadequate", "": "No grade stated"}

# an inspector's part: led a visit (a report's lead inspector), team member, or named only on joint inspections
ROLE_COLOURS = {"lead": "#D55E00", "team": "#E69F00", "joint": "#CC79A7"}
ROLE_NAMES = {"lead": "Lead inspector", "team": "Team inspector", "joint": "Joint inspections only"}

# edges by the kind of visit behind them (the most frequent, when several)
VISIT_KIND_COLOURS = {
    "inspection": "#0072B2",
    "monitoring_visit": "#E69F00",
    "focused_visit": "#009E73",
    "joint_targeted_area_inspection": "#CC79A7",
    "assurance_visit": "#56B4E9",
    "annual_unannounced_inspection": "#8C6D31",
    "other": "#999999",
}
VISIT_KIND_NAMES = {
    "inspection": "Inspection",
    "monitoring_visit": "Monitoring visit",
    "focused_visit": "Focused visit",
    "joint_targeted_area_inspection": "Joint targeted area inspection",
    "assurance_visit": "Assurance visit",
    "annual_unannounced_inspection": "Annual unannounced inspection",
    "other": "Other",
}
