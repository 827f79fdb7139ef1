"""The story tour: which scale (brain, circuit, synapse) the default story shows at model time t.

The tour opens on the brain, where patients start, zooms in as the drug arrives and comes back
out to show the circuit reconnected.  Each family names the stages that change the scale
(TOURS); a zoom runs over a fixed stretch of the story axis, so it takes the same few seconds
of playback whether its stage starts at a minute or at a week.
"""

from __future__ import annotations

from .story_axis import STORY_SECONDS_AT_1X, StoryAxis

BRAIN, CIRCUIT, SYNAPSE = 0.0, 1.0, 2.0
SCALES = {"brain": BRAIN, "circuit": CIRCUIT, "synapse": SYNAPSE}
ZOOM_SECONDS = 4.5  # playback seconds (at 1x) one zoom lasts
ZOOM_U = ZOOM_SECONDS / STORY_SECONDS_AT_1X

# The scale each stage eases to and when: a zoom starts as its stage begins, or (ARRIVE) ends
# as it begins, so the stage's actor is in view from its first moment; the rest hold the scale.
LEAVE, ARRIVE = 0.0, 1.0
TOURS = {
    "ketamine": (("arrival", CIRCUIT, LEAVE), ("glutamate_flood", SYNAPSE, ARRIVE),
                 ("relief_holds", CIRCUIT, LEAVE), ("course_reboost", SYNAPSE, LEAVE), ("fading", BRAIN, LEAVE)),
    "ssri": (("transporter_blocked", SYNAPSE, LEAVE), ("brake_holds", CIRCUIT, LEAVE),
             ("brake_eases", SYNAPSE, LEAVE), ("relief_builds", CIRCUIT, LEAVE)),
}


def smoothstep(x: float) -> float:
    """0 to 1 with zero slope at both ends (clamped)."""
    x = min(max(x, 0.0), 1.0)
    return x * x * (3.0 - 2.0 * x)


def zooms(timeline) -> list[tuple[float, float]]:
    """(story position where a zoom starts, its scale) of the timeline's tour, in order."""
    axis = StoryAxis.for_timelines([timeline])
    starts = {s.id: axis.to_u(s.start) for s in timeline.stages}
    plan = TOURS.get(timeline.scenario.family, ())
    return sorted((starts[sid] - when * ZOOM_U, scale) for sid, scale, when in plan if sid in starts)


def tour_scale(timeline, t_hours: float) -> float:
    """The tour's scale at model time t: BRAIN (0) before the drug, up to SYNAPSE (2); continuous in t."""
    u = StoryAxis.for_timelines([timeline]).to_u(t_hours)
    plan = zooms(timeline)
    scale = BRAIN  # the scale when the current zoom began
    for k, (u0, target) in enumerate(plan):
        if u0 > u:
            break
        u_next = plan[k + 1][0] if k + 1 < len(plan) else 2.0
        # a zoom cut short by the next one hands on the scale it had reached
        scale += (target - scale) * smoothstep((min(u, u_next) - u0) / ZOOM_U)
    return scale
