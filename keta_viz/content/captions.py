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


def stage_title(content: Content, tl: Timeline, t_hours: float) -> str:
    """The stage's title in plain text, '[in animals]' added when its evidence is rodent."""
    stage = content.stage(tl.scenario.drug, tl.stage_at(t_hours).id)
    if not stage.in_animals:
        return stage.title
    return content.ui["captions"]["animal_stage"].format(title=stage.title, animals=content.ui["badges"]["in_animals"])


def video_caption(content: Content, tl: Timeline, t_hours: float) -> str:
    """'Time — Stage [in animals]: plain text', burned into exported video frames."""
    return content.ui["captions"]["video_stage"].format(
        time=content.time_in_words(t_hours, tl.scenario.drug), title=stage_title(content, tl, t_hours),
        body=content.stage(tl.scenario.drug, tl.stage_at(t_hours).id).plain)


def side_caption(content: Content, tl: Timeline, t_hours: float) -> str:
    """One scenario's part: drug, stage title and its model numbers, marked as an illustrative
    model, spine numbers as coming from animals."""
    v = tl.at(t_hours)
    words = content.ui["compare"]
    values = {name: round(100 * x) for name, x in v.items()}  # any series, as a percentage
    values |= {
        "model": content.ui["badges"]["illustrative"],
        "animals": content.ui["badges"]["in_animals"],
        "drug": content.ui["drugs"][tl.scenario.drug],
        "stage": stage_title(content, tl, t_hours),
        "relief": round(100 * v["relief"]),
        "spines": round(100 * (v["spine_density"] - SPINE_STRESSED) / (SPINE_HEALTHY - SPINE_STRESSED)),
    }
    return words[f"side_{tl.scenario.family}"].format(**values)


def compare_caption(content: Content, left: Timeline, right: Timeline, t_hours: float) -> str:
    """'Day 1 — Ketamine: … · Escitalopram: …' at model time t."""
    time_words = content.time_in_words(t_hours, left.scenario.drug)
    return content.ui["compare"]["caption"].format(
        time=time_words, left=side_caption(content, left, t_hours), right=side_caption(content, right, t_hours))
