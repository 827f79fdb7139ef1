"""Deterministic particle swarms: positions are a pure function of (count, phase, seed).

Counts come from model time; motion comes from the animation phase (seconds of wall clock).
The first n particles of a swarm are always the same ones, so a rising count adds particles
rather than reshuffling them.  Coordinates are in the scene's virtual 1600 x 900 canvas.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

TAU = 2 * np.pi


class Swarm:
    """Per-particle random constants of one kind of particle, fixed by (seed, salt)."""

    def __init__(self, n_max: int, seed: int, salt: int):
        rng = np.random.default_rng([seed & 0xFFFFFFFF, salt])
        self.n_max = n_max
        self.u = rng.random((n_max, 2))
        self.freq = 0.08 + 0.22 * rng.random((n_max, 2))
        self.offset = TAU * rng.random((n_max, 2))
        self.speed = 0.6 + 0.8 * rng.random(n_max)
        # a unit-disc position per particle, a little denser towards the centre than uniform
        r, a = self.u[:, 0] ** 0.62, TAU * self.u[:, 1]
        self.disc = np.column_stack([r * np.cos(a), r * np.sin(a)])

    def in_ellipse(self, n: int, phase: float, cx: float, cy: float, rx: float, ry: float,
                   wobble: float) -> np.ndarray:
        """n particles spread evenly over an ellipse, each drifting on a smooth small loop."""
        n = min(int(n), self.n_max)
        xy = wobble * np.sin(TAU * phase * self.freq[:n] + self.offset[:n])
        xy += self.disc[:n] * (rx, ry)
        xy += (cx, cy)
        return xy

    def along(self, n: int, phase: float, p0: tuple[float, float], p1: tuple[float, float],
              spread: float, period_s: float) -> tuple[np.ndarray, np.ndarray]:
        """n particles travelling from p0 to p1 in a loose stream; returns positions and fades."""
        n = min(int(n), self.n_max)
        s = (self.u[:n, 0] + phase * self.speed[:n] / period_s) % 1.0
        side = (self.u[:n, 1] - 0.5) * 2 * spread
        side = side + 0.25 * spread * np.sin(TAU * self.freq[:n, 0] * phase + self.offset[:n, 0])
        (x0, y0), (x1, y1) = p0, p1
        length = max(np.hypot(x1 - x0, y1 - y0), 1e-9)
        nx, ny = -(y1 - y0) / length, (x1 - x0) / length
        bow = np.sin(np.pi * s) * spread * 0.6
        xy = np.column_stack([x0 + (x1 - x0) * s + nx * (side + bow), y0 + (y1 - y0) * s + ny * (side + bow)])
        edge = np.minimum(s, 1.0 - s)
        fade = np.clip(3 - (edge * 30).astype(int), 0, 3)
        return xy, fade


@lru_cache(maxsize=64)
def swarm(kind: str, n_max: int, seed: int) -> Swarm:
    """The swarm of one particle kind for a seed (cached: it is a constant of the seed)."""
    return Swarm(n_max, seed, sum(ord(ch) * 31**i for i, ch in enumerate(kind)) & 0xFFFF)
