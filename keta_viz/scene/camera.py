"""The story camera: where the synapse picture looks at model time t (Qt-free).

A Camera is a centre and a zoom in the virtual 1600 x 900 canvas (scene/layout.py); zoom 1 at
the centre is the whole synapse (WHOLE).  Each story stage names its actor
(assets/content/actors.toml, boxed in layout.ACTOR_BOX); early in the stage the camera eases
(smoothstep, on the story axis) from where the last stage left it to frame that actor, holds,
and near the stage's end pulls back to frame this actor and the next one together (the whole
synapse when either is the whole).  With reduced motion each ease becomes a cut at its middle.
A pure function of (timeline, t): exports and seeks reproduce it exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..content.actors import stage_actor
from ..model import StoryAxis
from . import layout as L

MAX_ZOOM = 1.8  # at most this close, so the actor stays among its neighbours
FILL = 0.8  # a framed actor's box fills at most this share of the view
OVERSHOOT_X = 100.0  # the view may pass the canvas's side edges by this much (vessel, dendrite go on)
EASE_IN, EASE_OUT = 0.3, 0.2  # shares of a stage (on the story axis) the camera eases in and out over...
EASE_IN_U, EASE_OUT_U = 1.5 / 90, 1.0 / 90  # ...at most 1.5 s and 1 s of playback at 1x (90 s story)


@dataclass(frozen=True)
class Camera:
    """Centre (cx, cy) and zoom in the 1600 x 900 canvas; `box` is what the camera frames,
    `dim` (0-1) how strongly what lies outside it is dimmed, and `moving` whether it is easing
    between two framings (the synapse then draws its cheaper moving picture)."""

    cx: float = L.WIDTH / 2
    cy: float = L.HEIGHT / 2
    zoom: float = 1.0
    dim: float = 0.0
    box: tuple[float, float, float, float] = (0.0, 0.0, L.WIDTH, L.HEIGHT)
    moving: bool = False

    def view(self) -> tuple[float, float, float, float]:
        """The canvas rectangle (x0, y0, x1, y1) a 16:9 frame shows."""
        hw, hh = L.WIDTH / 2 / self.zoom, L.HEIGHT / 2 / self.zoom
        return self.cx - hw, self.cy - hh, self.cx + hw, self.cy + hh


WHOLE = Camera()


def smoothstep(x: float) -> float:
    """0 to 1 with zero slope at both ends (clamped)."""
    x = min(max(x, 0.0), 1.0)
    return x * x * (3 - 2 * x)


def framing(box: tuple[float, float, float, float]) -> Camera:
    """The camera that frames a canvas box: as close as FILL and MAX_ZOOM allow, centred on it
    but never showing past the canvas's top or bottom (nor far past its sides)."""
    if box == WHOLE.box:
        return WHOLE
    x0, y0, x1, y1 = box
    zoom = float(np.clip(FILL * min(L.WIDTH / (x1 - x0), L.HEIGHT / (y1 - y0)), 1.0, MAX_ZOOM))
    hw, hh = L.WIDTH / 2 / zoom, L.HEIGHT / 2 / zoom
    cx = float(np.clip((x0 + x1) / 2, hw - OVERSHOOT_X, L.WIDTH - hw + OVERSHOOT_X))
    cy = float(np.clip((y0 + y1) / 2, hh, L.HEIGHT - hh))
    return Camera(cx, cy, zoom, 1.0, box)


def union(a: tuple, b: tuple) -> tuple:
    """The smallest box holding both."""
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def actor_box(drug: str, stage_id: str) -> tuple[float, float, float, float]:
    """The canvas box of a stage's actor."""
    return L.ACTOR_BOX[stage_actor(drug, stage_id)]


def between(a: Camera, b: Camera, f: float) -> Camera:
    """The camera a fraction f of the way from a to b (moving, strictly between them)."""
    if f <= 0.0:
        return a
    if f >= 1.0:
        return b
    mix = lambda x, y: x + (y - x) * f  # noqa: E731
    return Camera(mix(a.cx, b.cx), mix(a.cy, b.cy), mix(a.zoom, b.zoom), mix(a.dim, b.dim),
                  tuple(mix(x, y) for x, y in zip(a.box, b.box)), moving=True)


def meeting(drug: str, a_id: str | None, b_id: str | None) -> Camera:
    """Where the camera is as one stage hands over to the next: both actors framed together
    (the whole synapse when either is the whole, or at the story's ends)."""
    if a_id is None or b_id is None:
        return WHOLE
    a, b = actor_box(drug, a_id), actor_box(drug, b_id)
    return WHOLE if WHOLE.box in (a, b) else framing(union(a, b))


def story_camera(timeline, t_hours: float, reduced_motion: bool = False) -> Camera:
    """The camera at model time t of a timeline's story (cuts instead of eases with reduced motion)."""
    stage = timeline.stage_at(t_hours)
    drug, stages = timeline.scenario.drug, timeline.stages
    target = framing(actor_box(drug, stage.id))
    if target == WHOLE:
        return WHOLE
    before = meeting(drug, stages[stage.index - 1].id if stage.index > 0 else None, stage.id)
    after = meeting(drug, stage.id, stages[stage.index + 1].id if stage.index + 1 < len(stages) else None)
    axis = StoryAxis.for_timelines([timeline])
    u, u0, u1 = axis.to_u(t_hours), axis.to_u(stage.start), axis.to_u(stage.end)
    span = max(u1 - u0, 1e-9)  # a stage that ends where it starts (the story's last instant) cuts
    ease_in, ease_out = min(EASE_IN * span, EASE_IN_U), min(EASE_OUT * span, EASE_OUT_U)
    f_in, f_out = (u - u0) / ease_in, (u1 - u) / ease_out
    if reduced_motion:
        return before if f_in < 0.5 else after if f_out < 0.5 else target
    return between(before, target, smoothstep(f_in)) if f_in < 1.0 else between(after, target, smoothstep(f_out))
