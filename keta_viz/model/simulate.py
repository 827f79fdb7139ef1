"""simulate(scenario) -> Timeline: plasma by superposition, then the cascade, then stages."""

from __future__ import annotations

import numpy as np

from .cascade import ketamine_cascade, ssri_cascade
from .constants import ESKETAMINE_AFFINITY_RATIO, NMDA_BLOCK_K_UM, ORAL_DRUGS
from .pharmacokinetics import ketamine_plasma, oral_plasma
from .scenario import Scenario
from .stages import derive_stages
from .timeline import Timeline

FINE_STEP_H = 1 / 60  # around each ketamine dose, where everything moves within minutes
FINE_WINDOW_H = 8.0
COARSE_STEP_H = {"ketamine": 0.25, "ssri": 0.5}


def time_grid(s: Scenario, coarse_h: float | None = None, fine_h: float = FINE_STEP_H) -> np.ndarray:
    """The simulation grid: coarse over the span, fine for hours after each ketamine dose."""
    coarse = COARSE_STEP_H[s.family] if coarse_h is None else coarse_h
    parts = [np.linspace(0.0, s.span_hours, int(round(s.span_hours / coarse)) + 1)]
    if s.family == "ketamine":
        for start in s.dose_hours:
            stop = min(start + FINE_WINDOW_H, s.span_hours)
            parts.append(np.linspace(start, stop, int(round((stop - start) / fine_h)) + 1))
    return np.unique(np.concatenate(parts))


def simulate(s: Scenario, grid: np.ndarray | None = None) -> Timeline:
    """Simulate a scenario once into a Timeline (optionally on a given time grid)."""
    t = time_grid(s) if grid is None else np.asarray(grid, dtype=float)
    if s.family == "ketamine":
        k_um = NMDA_BLOCK_K_UM * (ESKETAMINE_AFFINITY_RATIO if s.drug == "esketamine" else 1.0)
        series = ketamine_cascade(t, ketamine_plasma(s, t), k_um)
    else:
        drug = ORAL_DRUGS[s.drug]
        series = ssri_cascade(t, oral_plasma(s, t), drug.occupancy_ec50(s.weight_kg))
    return Timeline(s, t, series, derive_stages(s, t, series))
