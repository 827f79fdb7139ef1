"""simulate(scenario) -> Timeline: the family's series on a time grid, then its stages."""

from __future__ import annotations

import numpy as np

from .families import FAMILIES
from .scenario import Scenario
from .stages import derive_stages
from .timeline import Timeline

FINE_STEP_H = 1 / 60


def time_grid(s: Scenario, coarse_h: float | None = None, fine_h: float = FINE_STEP_H) -> np.ndarray:
    """The simulation grid: coarse over the span, fine for the family's window after each dose."""
    family = FAMILIES[s.family]
    coarse = family.COARSE_STEP_H if coarse_h is None else coarse_h
    parts = [np.linspace(0.0, s.span_hours, int(round(s.span_hours / coarse)) + 1)]
    if family.FINE_WINDOW_H:
        for start in s.dose_hours:
            stop = min(start + family.FINE_WINDOW_H, s.span_hours)
            parts.append(np.linspace(start, stop, int(round((stop - start) / fine_h)) + 1))
    grid = np.sort(np.concatenate(parts))
    return grid[np.concatenate(([True], np.diff(grid) != 0))]  # np.unique, without importing numpy.ma (startup)


def simulate(s: Scenario, grid: np.ndarray | None = None) -> Timeline:
    """Simulate a scenario once into a Timeline (optionally on a given time grid)."""
    family = FAMILIES[s.family]
    t = time_grid(s) if grid is None else np.asarray(grid, dtype=float)
    series = family.series(s, t)
    return Timeline(s, t, series, derive_stages(family.STAGES, family.triggers(s, t, series), t), family.State)
