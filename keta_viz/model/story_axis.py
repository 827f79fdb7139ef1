"""The log-like 'story' time axis shared by the scrubber, plots and playback.

u = log(1 + t/t0) / log(1 + T/t0) maps model time t in [0, T] hours onto [0, 1], so minutes,
hours, days and weeks each get room.  Playback moves at a steady rate in u.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

TICKS_H = (1 / 60, 10 / 60, 1.0, 6.0, 24.0, 168.0, 672.0, 1344.0)  # 1 min ... 8 weeks (words: content)
STORY_SECONDS_AT_1X = 90.0


@dataclass(frozen=True)
class StoryAxis:
    """Mapping between model hours and the 0-1 story position."""

    span_h: float
    knee_h: float = 1 / 60

    @classmethod
    def for_families(cls, span_h: float, families: set[str] | list[str]) -> "StoryAxis":
        """The axis for one or more drug families (the finest knee wins)."""
        from .families import FAMILIES

        return cls(span_h, min(FAMILIES[f].KNEE_H for f in families))

    @classmethod
    def for_timelines(cls, timelines) -> "StoryAxis":
        """The one axis for the scenarios shown together: their longest span, their finest knee."""
        return cls.for_families(max(tl.end for tl in timelines), {tl.scenario.family for tl in timelines})

    def to_u(self, t_hours: float) -> float:
        """Story position of a model time (clamped to 0-1)."""
        t = min(max(t_hours, 0.0), self.span_h)
        return math.log1p(t / self.knee_h) / math.log1p(self.span_h / self.knee_h)

    def to_u_array(self, t_hours: np.ndarray) -> np.ndarray:
        """to_u of every model time in an array, at once (a plot's thousands of points)."""
        return np.log1p(np.clip(t_hours, 0.0, self.span_h) / self.knee_h) / math.log1p(self.span_h / self.knee_h)

    def to_t(self, u: float) -> float:
        """Model time at a story position (clamped to the span)."""
        u = min(max(u, 0.0), 1.0)
        return min(self.knee_h * math.expm1(u * math.log1p(self.span_h / self.knee_h)), self.span_h)

    def ticks(self) -> list[tuple[float, float]]:
        """(u, hours) of the standard ticks that fall inside the span."""
        return [(self.to_u(t), t) for t in TICKS_H if t <= self.span_h * 1.001]
