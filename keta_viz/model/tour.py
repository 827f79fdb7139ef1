"""The story tour: which scale (brain, circuit, synapse) the default story shows at model time t.

The tour opens on the brain, where patients start, zooms in as the drug arrives and comes back
out to show the circuit reconnected.  Each family names the scale each of its stages eases to
(TOURS); the zoom runs over a fixed stretch of the story axis after the stage begins, so it
takes the same few seconds of playback whether the stage starts at a minute or at a week.
"""

from __future__ import annotations

from .story_axis import STORY_SECONDS_AT_1X, StoryAxis

BRAIN, CIRCUIT, SYNAPSE = 0.0, 1.0, 2.0
SCALES = {"brain": BRAIN, "circuit": CIRCUIT, "synapse": SYNAPSE}
ZOOM_SECONDS = 4.5  # playback seconds (at 1x) one zoom lasts
ZOOM_U = ZOOM_SECONDS / STORY_SECONDS_AT_1X

# The scale each stage eases to when it begins; a stage not named keeps the scale it inherits.
TOURS = {
    "ketamine": {"depressed": BRAIN, "arrival": CIRCUIT, "glutamate_flood": SYNAPSE,
                 "course_reboost": SYNAPSE, "relief_holds": CIRCUIT, "fading": BRAIN},
    "ssri": {"depressed": BRAIN, "transporter_blocked": SYNAPSE, "brake_holds": CIRCUIT,
             "brake_eases": SYNAPSE, "relief_builds": CIRCUIT},
}


def smoothstep(x: float) -> float:
    """0 to 1 with zero slope at both ends (clamped)."""
    x = min(max(x, 0.0), 1.0)
    return x * x * (3.0 - 2.0 * x)


def tour_scale(timeline, t_hours: float) -> float:
    """The tour's scale at model time t: BRAIN (0) to SYNAPSE (2), continuous in t."""
    targets = TOURS.get(timeline.scenario.family, {})
    axis = StoryAxis.for_timelines([timeline])
    u = axis.to_u(t_hours)
    starts = [(axis.to_u(s.start), targets[s.id]) for s in timeline.stages if s.id in targets]
    scale = BRAIN  # the scale when the current zoom began
    for k, (u0, target) in enumerate(starts):
        if u0 > u:
            break
        u_next = starts[k + 1][0] if k + 1 < len(starts) else 2.0
        # a zoom cut short by the next stage hands on the scale it had reached
        scale += (target - scale) * smoothstep((min(u, u_next) - u0) / ZOOM_U)
    return scale
