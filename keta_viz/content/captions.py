"""Captions composed from Timeline values and stage texts (never one fixed sentence per time)."""

from __future__ import annotations

from ..model import Timeline
from ..model.constants import SPINE_HEALTHY, SPINE_STRESSED
from . import Content

KEY_MOMENTS_H = (2.0, 24.0, 168.0, 672.0)


def stage_caption(content: Content, tl: Timeline, t_hours: float, vocabulary: str = "plain") -> str:
    """'<b>Stage title</b> — stage text' for the stage at model time t (rich text)."""
    stage = content.stage(tl.scenario.drug, tl.stage_at(t_hours).id)
    return f"<b>{stage.title}</b> — {stage.body(vocabulary)}"


def side_caption(content: Content, tl: Timeline, t_hours: float) -> str:
    """One scenario's part: drug, stage title and the numbers that matter for it."""
    v = tl.at(t_hours)
    family = tl.scenario.family
    stage = content.stage(tl.scenario.drug, tl.stage_at(t_hours).id).title
    words = content.ui["compare"]
    values = {
        "drug": content.ui["drugs"][tl.scenario.drug],
        "stage": stage,
        "relief": round(100 * v["relief"]),
        "spines": round(100 * (v["spine_density"] - SPINE_STRESSED) / (SPINE_HEALTHY - SPINE_STRESSED)),
    }
    if family == "ssri":
        values.update(occupancy=round(100 * v["sert_occupancy"]), brake=round(100 * v["autoreceptor_brake"]))
    return words[f"side_{family}"].format(**values)


def compare_caption(content: Content, left: Timeline, right: Timeline, t_hours: float) -> str:
    """'Day 1 — Ketamine: … · Escitalopram: …' at model time t."""
    time_words = content.time_in_words(t_hours, left.scenario.family)
    return content.ui["compare"]["caption"].format(
        time=time_words, left=side_caption(content, left, t_hours), right=side_caption(content, right, t_hours))
