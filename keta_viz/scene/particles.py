"""Deterministic particle swarms: positions are a pure function of (count, phase, seed).

Counts come from model time; motion comes from the animation phase (seconds of wall clock).
The first n particles of a swarm are always the same ones, so a rising count adds particles
rather than reshuffling them.  Coordinates are in the scene's virtual 1600 x 900 canvas, as a
(2, n) float32 array: row 0 the x, row 1 the y of each particle.

A frame costs a few numpy passes over arrays fixed once per swarm, each a long row (a (n, 2)
array broadcast against (x, y) pairs is ten times slower).  A drift angle is taken in turns and
reduced to [0, 1) in float64, so a phase of days stays exact; then the sine runs in float32,
which numpy vectorises (20 times faster than float64).  Positions are exact to 1/10,000 pixel.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

TAU = 2 * np.pi
F32 = np.float32


def turns(phase: float, freq: np.ndarray) -> np.ndarray:
    """phase * freq in turns, reduced to [0, 1) (float64, so that any phase keeps its precision)."""
    t = phase * freq
    t -= np.floor(t)
    return t


def wave(phase: float, freq: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """sin(2 pi phase freq + offset), in float32."""
    w = turns(phase, freq).astype(F32)
    w *= F32(TAU)
    w += offset
    return np.sin(w, out=w)


class Swarm:
    """Per-particle random constants of one kind of particle, fixed by (seed, salt)."""

    def __init__(self, n_max: int, seed: int, salt: int):
        rng = np.random.default_rng([seed & 0xFFFFFFFF, salt])
        self.n_max = n_max
        u = rng.random((n_max, 2))
        self.freq = (0.08 + 0.22 * rng.random((n_max, 2))).T.copy()  # (2, n): drift in x and y
        self.offset = (TAU * rng.random((n_max, 2))).T.astype(F32)
        self.speed = 0.6 + 0.8 * rng.random(n_max)
        # a unit-disc position per particle, a little denser towards the centre than uniform
        r, a = u[:, 0] ** 0.62, TAU * u[:, 1]
        self.disc = np.array([r * np.cos(a), r * np.sin(a)], F32)
        self.start = u[:, 0]  # where along a stream each particle starts (a fraction of it)
        self.lane = (2 * u[:, 1] - 1).astype(F32)  # its place across the stream (-1 to 1)

    def in_ellipse(self, n: int, phase: float, cx: float, cy: float, rx: float, ry: float,
                   wobble: float) -> np.ndarray:
        """n particles spread evenly over an ellipse, each drifting on a smooth small loop."""
        n = min(int(n), self.n_max)
        xy = wave(phase, self.freq[:, :n], self.offset[:, :n])
        xy *= F32(wobble)
        for row, radius, centre in ((0, rx, cx), (1, ry, cy)):
            place = self.disc[row, :n] * F32(radius)
            place += F32(centre)
            xy[row] += place
        return xy

    def along(self, n: int, phase: float, p0: tuple[float, float], p1: tuple[float, float],
              spread: float, period_s: float) -> tuple[np.ndarray, np.ndarray]:
        """n particles travelling from p0 to p1 in a loose stream; returns positions and fades."""
        n = min(int(n), self.n_max)
        s = self.start[:n] + phase * self.speed[:n] / period_s
        s -= np.floor(s)  # how far along the stream (0-1)
        s32 = s.astype(F32)
        # across the stream: the particle's lane, a slow wave round it, and the stream's bow
        across = wave(phase, self.freq[0, :n], self.offset[0, :n])
        across *= F32(0.25 * spread)
        across += self.lane[:n] * F32(spread)
        bow = np.sin(F32(np.pi) * s32)
        bow *= F32(spread * 0.6)
        across += bow
        (x0, y0), (x1, y1) = p0, p1
        length = max(np.hypot(x1 - x0, y1 - y0), 1e-9)
        normal = (-(y1 - y0) / length, (x1 - x0) / length)
        xy = np.empty((2, n), F32)
        for row, a, b, nrm in ((0, x0, x1, normal[0]), (1, y0, y1, normal[1])):
            np.multiply(s32, F32(b - a), out=xy[row])
            xy[row] += F32(a)
            if nrm:
                xy[row] += F32(nrm) * across
        edge = np.minimum(s, 1.0 - s)
        fade = 3 - (edge * 30).astype(int)  # 3 at the very ends, 0 from a thirtieth in
        np.maximum(fade, 0, out=fade)
        return xy, fade


@lru_cache(maxsize=64)
def swarm(kind: str, n_max: int, seed: int) -> Swarm:
    """The swarm of one particle kind for a seed (cached: it is a constant of the seed)."""
    return Swarm(n_max, seed, sum(ord(ch) * 31**i for i, ch in enumerate(kind)) & 0xFFFF)
