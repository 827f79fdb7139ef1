"""Timeline: a simulated scenario as arrays on a time grid, read at any t by lookup."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, fields

import numpy as np

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .scenario import Scenario


@dataclass(frozen=True)
class Stage:
    """One step of the story: an id (its content key) and when it holds, in hours."""

    id: str
    index: int
    start: float
    end: float

    def contains(self, t_hours: float) -> bool:
        """True while t lies in [start, end)."""
        return self.start <= t_hours < self.end


class Timeline:
    """Every model variable on one time grid, plus the story stages derived from them."""

    def __init__(self, scenario: Scenario, t_hours: np.ndarray, series: dict[str, np.ndarray],
                 stages: tuple[Stage, ...], state_type: type):
        self.scenario = scenario
        self.state_type = state_type
        self.t_hours = np.asarray(t_hours, dtype=float)
        self.variables = tuple(series)
        self.values = np.vstack([np.asarray(series[k], dtype=float) for k in self.variables])
        self.stages = stages
        self._t_list = self.t_hours.tolist()
        self._stage_starts = [s.start for s in stages]
        self._index = {name: i for i, name in enumerate(self.variables)}

    @property
    def end(self) -> float:
        """Last time on the grid, in hours."""
        return self._t_list[-1]

    def series(self, name: str) -> np.ndarray:
        """The whole time course of one variable (a read-only view)."""
        view = self.values[self._index[name]]
        view.flags.writeable = False
        return view

    def at(self, t_hours: float) -> dict[str, float]:
        """All variables at time t (linear interpolation, clamped to the span)."""
        ts = self._t_list
        t = min(max(float(t_hours), ts[0]), ts[-1])
        i = min(bisect_right(ts, t), len(ts) - 1)
        t0, t1 = ts[i - 1], ts[i]
        w = (t - t0) / (t1 - t0)
        col = self.values[:, i - 1] * (1.0 - w) + self.values[:, i] * w
        return dict(zip(self.variables, col.tolist()))

    def state_at(self, t_hours: float):
        """The picture's typed state at time t (the family's State dataclass)."""
        values = self.at(t_hours)
        return self.state_type(**{f.name: values[f.name] for f in fields(self.state_type)})

    def stage_at(self, t_hours: float) -> Stage:
        """The story stage holding at time t (the last one after the span ends)."""
        i = bisect_right(self._stage_starts, float(t_hours)) - 1
        return self.stages[min(max(i, 0), len(self.stages) - 1)]

    def to_rows(self) -> tuple[list[str], np.ndarray]:
        """Column names and a (n_times, 1 + n_vars) table, first column t_hours."""
        return ["t_hours", *self.variables], np.column_stack([self.t_hours, self.values.T])
