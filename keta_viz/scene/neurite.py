"""Neurites for the circuit picture: tapered tubes along smooth curves, branching dendritic
trees, and the shapes of somata (pyramidal, round), all as QPainterPaths in canvas units."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from .picture import Point, smooth_path


def centreline(points: list[Point], samples: int = 24) -> np.ndarray:
    """Points along the smooth curve through `points` (Catmull-Rom), shape (samples, 2)."""
    pts = np.asarray(points, float)
    ext = np.vstack([2 * pts[0] - pts[1], pts, 2 * pts[-1] - pts[-2]])
    out = []
    segments = len(pts) - 1
    for i in range(segments):
        p0, p1, p2, p3 = ext[i], ext[i + 1], ext[i + 2], ext[i + 3]
        for t in np.linspace(0, 1, max(2, samples // segments), endpoint=i == segments - 1):
            t2, t3 = t * t, t * t * t
            out.append(0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2
                              + (3 * p1 - p0 - 3 * p2 + p3) * t3))
    return np.array(out)


def tube(points: list[Point], w0: float, w1: float) -> QPainterPath:
    """A tube along a smooth curve, w0 wide at its start tapering to w1, with a round tip."""
    line = centreline(points)
    d = np.gradient(line, axis=0)
    n = np.column_stack([-d[:, 1], d[:, 0]]) / np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)[:, None]
    half = np.linspace(w0, w1, len(line))[:, None] / 2
    left, right = line + n * half, line - n * half
    outline = [tuple(p) for p in left] + [tuple(p) for p in right[::-1]]
    path = _polygon(outline)
    path.addEllipse(QPointF(*line[-1]), w1 / 2, w1 / 2)
    return path


def _polygon(points: list[Point]) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    for x, y in points[1:]:
        path.lineTo(x, y)
    path.closeSubpath()
    return path


def tree(x: float, y: float, angle_deg: float, length: float, width: float, depth: int,
         seed: int, spread: float = 32.0) -> list[QPainterPath]:
    """A dendritic tree from (x, y): a gently bending branch that forks `depth` more times."""
    rng = np.random.default_rng(seed)
    out: list[QPainterPath] = []

    def grow(x0: float, y0: float, a: float, ln: float, w: float, d: int) -> None:
        pts = [(x0, y0)]
        for _ in range(3):
            a += rng.normal(0.0, 0.14)
            pts.append((pts[-1][0] + math.cos(a) * ln / 3, pts[-1][1] + math.sin(a) * ln / 3))
        w_end = max(w * 0.6, 2.0)
        out.append(tube(pts, w, w_end))
        if d > 0:
            for side in (-1, 1):
                grow(pts[-1][0], pts[-1][1], a + side * math.radians(spread + rng.uniform(-8, 8)),
                     ln * rng.uniform(0.6, 0.78), w_end * 0.9, d - 1)

    grow(x, y, math.radians(angle_deg), length, width, depth)
    return out


def pyramid_soma(x: float, y: float, size: float) -> QPainterPath:
    """A pyramidal cell body: apex up, concave flanks, a rounded base."""
    s = size
    return smooth_path([(x, y - 0.95 * s), (x + 0.2 * s, y - 0.35 * s), (x + 0.58 * s, y + 0.35 * s),
                        (x + 0.3 * s, y + 0.55 * s), (x - 0.3 * s, y + 0.55 * s), (x - 0.58 * s, y + 0.35 * s),
                        (x - 0.2 * s, y - 0.35 * s)])


def round_soma(x: float, y: float, r: float) -> QPainterPath:
    """A round cell body, slightly irregular."""
    pts = [(x + r * (1 + 0.06 * math.sin(3 * a)) * math.cos(a),
            y + 0.92 * r * (1 + 0.06 * math.cos(2 * a)) * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 10, endpoint=False)]
    return smooth_path(pts)
