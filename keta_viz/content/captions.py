"""Captions composed from Timeline values and stage texts (never one fixed sentence per time)."""

from __future__ import annotations

from ..model import Timeline
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


def relief_phase(tl: Timeline, t_hours: float) -> str:
    """Where relief stands in this scenario's own course at t: 'peak' (at least 90 % of its
    highest), 'fading' (below that, after the highest), else 'none', 'beginning' or 'building'."""
    relief = tl.series("relief")
    share = tl.at(t_hours)["relief"] / (float(relief.max()) or 1.0)
    if share >= 0.9:
        return "peak"
    if t_hours > float(tl.t_hours[relief.argmax()]):
        return "fading"
    return "none" if share < 0.05 else "beginning" if share < 0.5 else "building"


def side_caption(content: Content, tl: Timeline, t_hours: float) -> str:
    """One scenario's part in words: drug, stage ('[in animals]' where the evidence is rodent)
    and where its relief stands in the illustrative model."""
    words = content.ui["compare"]
    return words["side"].format(drug=content.ui["drugs"][tl.scenario.drug], stage=stage_title(content, tl, t_hours),
                                relief=words["relief"][relief_phase(tl, t_hours)])


def compare_caption(content: Content, left: Timeline, right: Timeline, t_hours: float) -> str:
    """'Day 1 — Ketamine: … · Escitalopram: …' at model time t."""
    time_words = content.time_in_words(t_hours, left.scenario.drug)
    return content.ui["compare"]["caption"].format(
        time=time_words, left=side_caption(content, left, t_hours), right=side_caption(content, right, t_hours),
        model=content.ui["badges"]["illustrative"])
