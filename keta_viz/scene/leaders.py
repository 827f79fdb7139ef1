"""Label plates and their leader lines as geometry: where a leader meets its plate, whether two
leaders cross or one runs through another label's plate, and plates traded or slid until none do.

The search works on plain numbers (plates as (left, top, right, bottom), points as (x, y)): a
picture through a moving camera untangles its labels every frame.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

EDGE = 0.5  # a leader may graze another plate's edge by this much (antialiasing) without running through it
Box = tuple[float, float, float, float]
Point = tuple[float, float]


@dataclass(frozen=True)
class Placed:
    """A label as drawn, in device pixels: its plate, the thing it names (anchor) and where its
    leader meets the plate (near)."""

    label_id: str
    box: QRectF
    anchor: QPointF
    near: QPointF


def nearest(anchor: QPointF, box: QRectF) -> QPointF:
    """The point of the plate nearest the anchor (the anchor itself when the plate covers it)."""
    return QPointF(min(max(anchor.x(), box.left()), box.right()), min(max(anchor.y(), box.top()), box.bottom()))


def _near(a: Point, b: Box) -> Point:
    return min(max(a[0], b[0]), b[2]), min(max(a[1], b[1]), b[3])


def _side(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _crossing(p1: Point, p2: Point, p3: Point, p4: Point) -> bool:
    """Whether two leaders meet (properly or at an end); one of no length meets nothing."""
    if p1 == p2 or p3 == p4:
        return False
    if max(p1[0], p2[0]) < min(p3[0], p4[0]) or max(p3[0], p4[0]) < min(p1[0], p2[0]) or \
            max(p1[1], p2[1]) < min(p3[1], p4[1]) or max(p3[1], p4[1]) < min(p1[1], p2[1]):
        return False
    d1, d2, d3, d4 = _side(p3, p4, p1), _side(p3, p4, p2), _side(p1, p2, p3), _side(p1, p2, p4)
    return d1 * d2 <= 0 and d3 * d4 <= 0


def _through(p: Point, q: Point, b: Box) -> bool:
    """Whether a leader enters a plate's inside (more than grazing its edge): Liang-Barsky."""
    if p == q:
        return False
    x0, y0, x1, y1 = b[0] + EDGE, b[1] + EDGE, b[2] - EDGE, b[3] - EDGE
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for pk, qk in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if pk == 0:
            if qk < 0:
                return False
        elif pk < 0:
            t0 = max(t0, qk / pk)
        else:
            t1 = min(t1, qk / pk)
    return t0 < t1


def _pair(a: Box, b: Box, sa: tuple[Point, Point], sb: tuple[Point, Point]) -> int:
    """How two labels tangle: leaders crossed, either leader through the other's plate, plates overlapping."""
    return (_crossing(*sa, *sb) + _through(*sa, b) + _through(*sb, a)
            + (min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])))


def _cost(boxes: list[Box], anchors: list[Point], changed=None, base=None) -> tuple[int, float]:
    """(pairs of labels that tangle, total leader length); from `base` (the cost before) when
    only the plates `changed` moved since."""
    segs = [(a, _near(a, b)) for a, b in zip(anchors, boxes)]
    length = sum(math.dist(*s) for s in segs)
    if base is None:
        return sum(_pair(boxes[i], boxes[j], segs[i], segs[j])
                   for i, j in itertools.combinations(range(len(boxes)), 2)), length
    old, count = base
    for i in changed:
        for j in range(len(boxes)):
            if j != i and not (j in changed and j < i):
                count += _pair(boxes[i], boxes[j], segs[i], segs[j]) - old[i][j]
    return count, length


def _pairs(boxes: list[Box], anchors: list[Point]) -> list[list[int]]:
    """Each pair's tangles (_pair), as a symmetric table."""
    segs = [(a, _near(a, b)) for a, b in zip(anchors, boxes)]
    n = len(boxes)
    table = [[0] * n for _ in range(n)]
    for i, j in itertools.combinations(range(n), 2):
        table[i][j] = table[j][i] = _pair(boxes[i], boxes[j], segs[i], segs[j])
    return table


def _box(r: QRectF) -> Box:
    return r.left(), r.top(), r.right(), r.bottom()


def tangles(boxes: list[QRectF], anchors: list[QPointF]) -> int:
    """How many pairs of labels tangle: their leaders cross, or one's leader runs through the
    other's plate, or their plates overlap."""
    return _cost([_box(b) for b in boxes], [(a.x(), a.y()) for a in anchors])[0]


def _at(b: Box, x: float, y: float, width: float, height: float) -> Box:
    """The plate with its top-left at (x, y), kept inside the frame."""
    w, h = b[2] - b[0], b[3] - b[1]
    x, y = max(0.0, min(x, width - w)), max(0.0, min(y, height - h))
    return x, y, x + w, y + h


# the slides tried, least first: in quarters of the plate's width, or by its height (and a gap)
SLIDES = sorted([(dx / 4, 0) for dx in range(-6, 7) if dx] + [(0, 1), (0, -1), (0, 2), (0, -2)],
                key=lambda d: abs(d[0]) + abs(d[1]))


def _moves(boxes: list[Box], anchors: list[Point], width: float, height: float, gap: float, tangled: set[int]):
    """Every plate arrangement one step away that moves a `tangled` plate, with the plates it
    moved: two plates traded places, or one slid (SLIDES) or put just below or above the thing
    it names (moving only plates that tangle with none cannot lessen the tangles)."""
    for i, j in itertools.combinations(range(len(boxes)), 2):
        if i not in tangled and j not in tangled:
            continue
        trial = list(boxes)
        trial[i], trial[j] = (_at(boxes[i], boxes[j][0], boxes[j][1], width, height),
                              _at(boxes[j], boxes[i][0], boxes[i][1], width, height))
        yield (i, j), trial
    for k, b in enumerate(boxes):
        if k not in tangled:
            continue
        w, h = b[2] - b[0], b[3] - b[1]
        for x, y in ([(b[0] + dx * w, b[1] + dy * (h + gap)) for dx, dy in SLIDES]
                     + [(b[0], anchors[k][1] + 4 * gap), (b[0], anchors[k][1] - 4 * gap - h)]):
            trial = list(boxes)
            trial[k] = _at(b, x, y, width, height)
            yield (k,), trial


def untangle(boxes: list[QRectF], anchors: list[QPointF], width: float, height: float,
             fixed: list[QRectF] = (), gap: float = 2.0) -> list[QRectF]:
    """The plates, while any labels tangle (crossed leaders, a leader through another plate,
    overlapping plates), moved a step at a time (two traded places, one slid or put beside the
    thing it names) to the arrangement with the fewest tangles, then the shortest leaders, never
    onto a `fixed` box; each step moves a plate that tangles.  Plates that do not tangle stay put."""
    current = [_box(b) for b in boxes]
    points = [(a.x(), a.y()) for a in anchors]
    keep_off = [_box(f) for f in fixed]
    cost = _cost(current, points)
    for _ in range(4 * len(boxes)):
        if cost[0] == 0:
            break
        table = _pairs(current, points)
        base, tangled = (table, cost[0]), {i for i, row in enumerate(table) if any(row)}
        best = min(((_cost(t, points, moved, base), t) for moved, t in _moves(current, points, width, height, gap,
                                                                               tangled)
                    if not any(min(f[2], b[2]) > max(f[0], b[0]) and min(f[3], b[3]) > max(f[1], b[1])
                               for f in keep_off for b in t)), default=None, key=lambda c: c[0])
        if best is None or best[0] >= cost:
            break
        cost, current = best
    return [QRectF(l, t, r - l, b - t) for l, t, r, b in current]
