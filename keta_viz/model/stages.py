"""Story stages derived from the simulated state, one list per drug family (DESIGN.md)."""

from __future__ import annotations

import numpy as np

from .scenario import Scenario
from .timeline import Stage

KETAMINE_STAGES = ("depressed", "arrival", "bouncer_blocked", "glutamate_flood", "ampa_firing",
                   "bdnf_mtor", "new_spines", "relief_holds", "course_reboost", "fading")
SSRI_STAGES = ("depressed", "transporter_blocked", "brake_holds", "brake_eases",
               "slow_plasticity", "relief_builds")


FADED = 0.5  # the fading stage starts when relief has halved since its last peak (median relapse)


def _first(t: np.ndarray, mask: np.ndarray, after: float = 0.0) -> float | None:
    """First time at or after `after` where mask holds, or None."""
    idx = np.flatnonzero(mask & (t >= after))
    return float(t[idx[0]]) if idx.size else None


def _rise(x: np.ndarray, window: np.ndarray, fraction: float) -> np.ndarray:
    """Where x has risen `fraction` of the way from x[0] to its peak inside `window`."""
    peak = x[window].max()
    return x >= x[0] + fraction * (peak - x[0]) if peak > x[0] else np.zeros_like(x, bool)


def ketamine_triggers(s: Scenario, t: np.ndarray, v: dict[str, np.ndarray]) -> dict[str, float | None]:
    """When each ketamine stage begins; None when the scenario never reaches it."""
    doses = s.dose_hours
    first = t < (doses[1] if len(doses) > 1 else t[-1] + 1)
    spine_rise = _rise(v["spine_density"], first, 0.25)
    last_peak = float(t[np.argmax(np.where(t >= doses[-1], v["relief"], -1))])
    peak_relief = v["relief"][t == last_peak][0]
    return {
        "depressed": 0.0,
        "arrival": _first(t, v["plasma_ng_per_ml"] > 1.0),
        "bouncer_blocked": _first(t, v["nmda_block"] >= 0.25),
        "glutamate_flood": _first(t, _rise(v["glutamate"], first, 0.5)),
        "ampa_firing": _first(t, _rise(v["ampa"], first, 0.85)),
        "bdnf_mtor": _first(t, _rise(v["bdnf"], first, 0.5)),
        "new_spines": _first(t, spine_rise),
        "relief_holds": _first(t, _rise(v["spine_density"], first, 0.95)),
        "course_reboost": doses[1] if len(doses) > 1 else None,
        "fading": _first(t, v["relief"] < FADED * peak_relief, after=last_peak),
    }


def ssri_triggers(s: Scenario, t: np.ndarray, v: dict[str, np.ndarray]) -> dict[str, float | None]:
    """When each SSRI stage begins; None when the scenario never reaches it."""
    everywhere = np.ones_like(t, bool)
    brake = v["autoreceptor_brake"]
    return {
        "depressed": 0.0,
        "transporter_blocked": _first(t, v["sert_occupancy"] >= 0.2),
        "brake_holds": _first(t, _rise(v["serotonin"], t <= 48.0, 0.9)),
        "brake_eases": _first(t, brake <= 1.0 - 0.25 * (1.0 - brake.min())),
        "slow_plasticity": _first(t, _rise(v["bdnf"], everywhere, 0.33)),
        "relief_builds": _first(t, _rise(v["relief"], everywhere, 0.6)),
    }


def derive_stages(s: Scenario, t: np.ndarray, v: dict[str, np.ndarray]) -> tuple[Stage, ...]:
    """Consecutive stages in story order; a stage reached out of order or never is skipped."""
    if s.family == "ketamine":
        order, starts = KETAMINE_STAGES, ketamine_triggers(s, t, v)
    else:
        order, starts = SSRI_STAGES, ssri_triggers(s, t, v)
    kept: list[tuple[str, float]] = []
    for sid in order:
        start = starts[sid]
        if start is None or (kept and start <= kept[-1][1]):
            continue
        kept.append((sid, start))
    ends = [st for _, st in kept[1:]] + [float(t[-1])]
    return tuple(Stage(sid, i, st, end) for i, ((sid, st), end) in enumerate(zip(kept, ends)))
