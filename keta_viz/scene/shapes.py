"""Shapes both synapse pictures share: the canvas mapping, cells, the dendrite and its spines,
the receiving spine's receptors, and where particles may float (extracellular space)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ..model.constants import SPINE_STRESSED
from . import layout as L
from .palette import LINES, Palette

NO_PEN = QPen(Qt.PenStyle.NoPen)
VESICLES = ((585, 250), (625, 215), (672, 232), (718, 258), (742, 300), (700, 300), (650, 280),
            (602, 298), (560, 300), (628, 335), (676, 342), (724, 334), (585, 340), (760, 270))


def clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    """x held within [lo, hi] (a float; np.clip costs microseconds on a scalar)."""
    return min(max(float(x), lo), hi)


def ease_out(x: np.ndarray | float) -> np.ndarray | float:
    """0-1 eased so growth starts fast and settles (cubic ease-out), clamped."""
    x = np.clip(x, 0.0, 1.0)
    return 1 - (1 - x) ** 3


def spine_health(spine_density: float) -> float:
    """0 at the stressed baseline, 1 when healthy (clamped)."""
    return clamp((spine_density - SPINE_STRESSED) / (1.0 - SPINE_STRESSED))


def viewport(w: int, h: int) -> tuple[float, float, float]:
    """Scale and offset that fit the 16:9 canvas centred in a w x h image."""
    s = min(w / L.WIDTH, h / L.HEIGHT)
    return s, (w - L.WIDTH * s) / 2, (h - L.HEIGHT * s) / 2


def terminal_path() -> QPainterPath:
    """The presynaptic bulb and the axon it hangs from."""
    cx, cy = L.TERMINAL_C
    rx, ry = L.TERMINAL_R
    p = QPainterPath()
    p.addRoundedRect(QRectF(L.AXON_X - L.AXON_W / 2, -40, L.AXON_W, cy), L.AXON_W / 2, L.AXON_W / 2)
    p.addEllipse(QPointF(cx, cy), rx, ry)
    return p


def tapered(x0: float, y0: float, x1: float, y1: float, w0: float, w1: float = 3.0) -> QPainterPath:
    """A gently curved process from (x0, y0) to (x1, y1), w0 wide at its root and w1 at its tip."""
    dx, dy = x1 - x0, y1 - y0
    n = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / n, dx / n
    p = QPainterPath(QPointF(x0 + nx * w0 / 2, y0 + ny * w0 / 2))
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    p.quadTo(QPointF(mx + nx * w0 * 0.4 + 6, my + ny * w0 * 0.4), QPointF(x1 + nx * w1 / 2, y1 + ny * w1 / 2))
    p.lineTo(QPointF(x1 - nx * w1 / 2, y1 - ny * w1 / 2))
    p.quadTo(QPointF(mx - nx * w0 * 0.4 + 6, my - ny * w0 * 0.4), QPointF(x0 - nx * w0 / 2, y0 - ny * w0 / 2))
    p.closeSubpath()
    return p


def draw_outlined(p: QPainter, paths: list[QPainterPath], pal: Palette, width: float, fill: QColor) -> None:
    """Fill shapes so that overlapping parts fuse into one outlined cell (its outline thicker
    on the high-contrast palette)."""
    for path in paths:
        path.setFillRule(Qt.FillRule.WindingFill)
    p.setPen(QPen(pal.membrane, 2 * width * LINES[pal.name]["outline"], Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.setBrush(pal.membrane)
    for path in paths:
        p.drawPath(path)
    p.setPen(NO_PEN)
    p.setBrush(fill)
    for path in paths:
        p.drawPath(path)


def draw_vessel(p: QPainter, pal: Palette, top: float, bottom: float) -> None:
    """The capillary along the left edge, from the top to the bottom of the image."""
    x1 = L.VESSEL_X[1]
    p.setPen(NO_PEN)
    p.setBrush(pal.vessel_lumen)
    p.drawRect(QRectF(-400, top - 10, x1 + 400, bottom - top + 20))
    p.setPen(QPen(pal.vessel_wall, 7))
    p.drawLine(QPointF(x1, top - 10), QPointF(x1, bottom + 10))
    cell = QColor(pal.vessel_wall)
    cell.setAlpha(150)
    p.setPen(NO_PEN)
    p.setBrush(cell)
    for y in np.arange(top + 60 - (top % 140), bottom + 20, 140.0):  # at fixed places, however much shows
        p.drawEllipse(QPointF(33 + (round((y - 60) / 140) % 3) * 6, y), 18, 11)


def spine_paths(health: float, grow: np.ndarray) -> list[QPainterPath]:
    """Dendrite shaft plus its spines: existing spines take the health shape; new ones sprout."""
    top, bottom = L.SHAFT_Y
    shaft = QPainterPath()
    shaft.addRoundedRect(QRectF(L.VESSEL_X[1] + 26, top, L.WIDTH + 1800, bottom - top), 40, 40)
    paths = [shaft]
    for x, g, height, lean in zip(L.SPINE_X, grow, L.SPINE_HEIGHT, L.SPINE_LEAN):
        if g <= 0.02:
            paths.append(stump(x, top))
            continue
        paths.append(spine(x, top, height * (0.55 + 0.45 * g), lean, health * g, g))
    paths.append(spine(L.HERO_X, top, top - L.HERO_HEAD_Y - 8 * (1 - health), 0, health, 1.0, hero=True))
    return paths


def stump(x: float, top: float) -> QPainterPath:
    """Where a lost spine was: a small bump on the shaft."""
    p = QPainterPath()
    p.addEllipse(QPointF(x, top + 2), 9, 6)
    return p


def spine(x: float, top: float, height: float, lean: float, health: float, size: float,
           hero: bool = False) -> QPainterPath:
    """A spine: thin and stubby when stressed, a mushroom head when healthy."""
    neck = (5 + 3 * health) * (0.5 + 0.5 * size)
    head_rx = (13 + 19 * health) * size if not hero else 44 + 26 * health
    head_ry = (10 + 9 * health) * size if not hero else 26 + 8 * health
    hx, hy = x + lean, top - height
    p = QPainterPath(QPointF(x - neck * 2.2, top + 4))
    p.cubicTo(QPointF(x - neck, top - 8), QPointF(hx - neck, hy + height * 0.5), QPointF(hx - neck, hy + head_ry * 0.5))
    p.lineTo(QPointF(hx + neck, hy + head_ry * 0.5))
    p.cubicTo(QPointF(hx + neck, hy + height * 0.5), QPointF(x + neck, top - 8), QPointF(x + neck * 2.2, top + 4))
    p.closeSubpath()
    p.addEllipse(QPointF(hx, hy), head_rx, head_ry)
    return p


def mix(a: QColor, b: QColor, f: float) -> QColor:
    """The colour a fraction f (0-1) of the way from a to b."""
    f = clamp(f)
    return QColor(round(a.red() + (b.red() - a.red()) * f), round(a.green() + (b.green() - a.green()) * f),
                  round(a.blue() + (b.blue() - a.blue()) * f))


AMPA_COUNT = 7  # receptors on the hero spine head


def ampa_places(health: float) -> list[tuple[float, float, float]]:
    """Each AMPA receptor on the hero spine head: (x, y, angle in degrees)."""
    rx, ry = 44 + 26 * health, 26 + 8 * health
    head_y = L.HERO_HEAD_Y + 8 * (1 - health)
    out = []
    for i in range(AMPA_COUNT):
        a = math.radians(-150 + 120 * i / (AMPA_COUNT - 1))
        out.append((L.HERO_X + rx * math.cos(a), head_y + ry * math.sin(a), math.degrees(a) + 90))
    return out


def ampa_lights(level: float) -> list[float]:
    """How lit (0-1) each AMPA receptor is at a glutamate level (0-1)."""
    level = clamp(level)
    return [level * (0.8 + 0.2 * ((i * 3) % AMPA_COUNT) / AMPA_COUNT) for i in range(AMPA_COUNT)]


def draw_ampa(p: QPainter, pal: Palette, health: float, level: float) -> None:
    """AMPA receptors on the hero spine head, lit (0-1) by glutamate (the reference drawing;
    frames compose it from ampa_pieces)."""
    for (x, y, deg), lit in zip(ampa_places(health), ampa_lights(level)):
        if lit > 0.3:
            halo = QColor(pal.ampa)
            halo.setAlpha(int(90 * lit))
            _ampa_halo(p, halo, x, y)
        _ampa_body(p, QPen(pal.membrane.darker(150), 1.2), mix(pal.receptor, pal.ampa, 0.25 + 0.75 * lit), x, y, deg)


def ampa_pieces(pal: Palette, health: float) -> list:
    """The AMPA receptors as pieces drawn one at a time, in drawing order: per receptor its halo
    (at full light), its body's fill unlit, its fill fully lit, and its outline.  Drawn with
    opacities ampa_opacities(level), they compose draw_ampa at that level: a fill lit `lit` is
    the unlit one with the lit one over it at opacity `lit` (mix is linear), and the outline
    drawn last covers where the two fills' soft edges add up."""
    halo = QColor(pal.ampa)
    halo.setAlpha(90)
    dim, lit = mix(pal.receptor, pal.ampa, 0.25), mix(pal.receptor, pal.ampa, 1.0)
    outline = QPen(pal.membrane.darker(150), 1.2)
    pieces = []
    for x, y, deg in ampa_places(health):
        pieces += [lambda p, x=x, y=y: _ampa_halo(p, halo, x, y),
                   lambda p, x=x, y=y, deg=deg: _ampa_body(p, NO_PEN, dim, x, y, deg),
                   lambda p, x=x, y=y, deg=deg: _ampa_body(p, NO_PEN, lit, x, y, deg),
                   lambda p, x=x, y=y, deg=deg: _ampa_body(p, outline, Qt.BrushStyle.NoBrush, x, y, deg)]
    return pieces


def ampa_opacities(level: float) -> tuple[float, ...]:
    """The opacity of each of ampa_pieces at a glutamate level (0-1)."""
    out: list[float] = []
    for lit in ampa_lights(level):
        out += [lit if lit > 0.3 else 0.0, 1.0, lit, 1.0]
    return tuple(out)


def _ampa_halo(p: QPainter, colour: QColor, x: float, y: float) -> None:
    p.setPen(NO_PEN)
    p.setBrush(colour)
    p.drawEllipse(QPointF(x, y), 13, 13)


def _ampa_body(p: QPainter, pen: QPen, brush, x: float, y: float, deg: float) -> None:
    p.save()
    p.translate(x, y)
    p.rotate(deg)
    p.setPen(pen)
    p.setBrush(brush)
    p.drawRoundedRect(QRectF(-4.5, -9, 9, 18), 3.5, 3.5)
    p.restore()


def outside_cells(xy: np.ndarray, health: float) -> np.ndarray:
    """True for positions ((2, n): x row, y row) in extracellular space: not inside the terminal,
    the hero spine (head or neck) or the dendrite shaft."""
    x, y = xy
    inside = (y > L.SHAFT_Y[0] - 4) & (y < L.SHAFT_Y[1] + 4)  # the dendrite shaft
    cx, cy = L.TERMINAL_C
    rx, ry = L.TERMINAL_R
    inside |= _in_ellipse(x, y, cx, cy, rx + 6, ry + 6)
    hy = L.HERO_HEAD_Y + 8 * (1 - health)
    inside |= _in_ellipse(x, y, L.HERO_X, hy, 50 + 26 * health, 32 + 8 * health)
    inside |= (np.abs(x - np.float32(L.HERO_X)) < 16) & (y > hy)  # the hero's neck
    return ~inside


def _in_ellipse(x: np.ndarray, y: np.ndarray, cx: float, cy: float, rx: float, ry: float) -> np.ndarray:
    """True where (x, y) lies strictly inside the axis-aligned ellipse."""
    dx = x - np.float32(cx)
    dx *= np.float32(1 / rx)
    np.square(dx, out=dx)
    dy = y - np.float32(cy)
    dy *= np.float32(1 / ry)
    np.square(dy, out=dy)
    dx += dy
    return dx < 1
