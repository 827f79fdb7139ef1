"""Draw one synapse frame: a pure function of (state at t, animation phase, seed, style, size).

Each part is cached on only what it draws, so a frame while the story plays is mostly copies:
a base layer (background, vessel, neurons, and the dendrite with its spines, keyed on the spine
density), small receptor overlays keyed on what they show (how many receptors are plugged, how
brightly AMPA receptors are lit), the bouncer's glow, particles blitted in batches (sprites.py),
and labels with leader lines on top.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter,
                           QPainterPath, QPen, QRadialGradient, QTransform)

from ..content import load_content
from ..model.cascade import AMPA_BASE, serotonin_score
from ..model.constants import BRAKE_HOLD, GLUTAMATE_BASE, SERT_OCCUPANCY_AT_MIN_DOSE, SPINE_STRESSED
from . import layout as L
from .palette import Palette, palette
from .particles import swarm
from .sprites import Atlas, draw_fragments, fragments, make_atlas, sprite_image

NO_PEN = QPen(Qt.PenStyle.NoPen)
FONT_FAMILIES = ["Inter", "Noto Sans", "Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans"]


@dataclass(frozen=True)
class Style:
    """How to draw: palette name, label vocabulary ('plain', 'expert' or 'none'), language."""

    palette: str = "screen"
    labels: str = "plain"
    lang: str = "en"


def scene_font(pixel_size: float, bold: bool = False) -> QFont:
    """The UI/scene font at a pixel size."""
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    f.setPixelSize(max(6, round(pixel_size)))
    f.setBold(bold)
    return f


def _ease_out(x: np.ndarray | float) -> np.ndarray | float:
    x = np.clip(x, 0.0, 1.0)
    return 1 - (1 - x) ** 3


def spine_health(spine_density: float) -> float:
    """0 at the stressed baseline, 1 when healthy (clamped)."""
    return float(np.clip((spine_density - SPINE_STRESSED) / (1.0 - SPINE_STRESSED), 0.0, 1.0))


# --------------------------------------------------------------------------- geometry ----

def viewport(w: int, h: int) -> tuple[float, float, float]:
    """Scale and offset that fit the 16:9 canvas centred in a w x h image."""
    s = min(w / L.WIDTH, h / L.HEIGHT)
    return s, (w - L.WIDTH * s) / 2, (h - L.HEIGHT * s) / 2


def _terminal_path() -> QPainterPath:
    cx, cy = L.TERMINAL_C
    rx, ry = L.TERMINAL_R
    p = QPainterPath()
    p.addRoundedRect(QRectF(L.AXON_X - L.AXON_W / 2, -40, L.AXON_W, cy), L.AXON_W / 2, L.AXON_W / 2)
    p.addEllipse(QPointF(cx, cy), rx, ry)
    return p


def _bouncer_path() -> QPainterPath:
    cx, cy = L.BOUNCER_C
    r = L.BOUNCER_R
    p = QPainterPath()
    p.addEllipse(QPointF(cx, cy), r, r * 0.9)
    # dendrites and the axon running to its terminal on the sender's axon
    for (x0, y0, x1, y1, w) in ((cx - 40, cy - 50, cx - 110, -30, 16), (cx - 60, cy + 30, cx - 150, cy + 150, 14),
                                (cx + 10, cy - 70, cx + 40, -30, 12)):
        p.addPath(_tapered(x0, y0, x1, y1, w))
    bx, by = L.BOUNCER_TERMINAL
    p.addPath(_tapered(cx + 60, cy - 45, bx - 20, by + 4, 12, 9))
    p.addEllipse(QPointF(bx - 8, by), 26, 20)
    return p


def _tapered(x0: float, y0: float, x1: float, y1: float, w0: float, w1: float = 3.0) -> QPainterPath:
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


VESICLES = ((585, 250), (625, 215), (672, 232), (718, 258), (742, 300), (700, 300), (650, 280),
            (602, 298), (560, 300), (628, 335), (676, 342), (724, 334), (585, 340), (760, 270))


def _draw_outlined(p: QPainter, paths: list[QPainterPath], pal: Palette, width: float, fill: QColor) -> None:
    """Fill shapes so that overlapping parts fuse into one outlined cell."""
    for path in paths:
        path.setFillRule(Qt.FillRule.WindingFill)
    p.setPen(QPen(pal.membrane, 2 * width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(pal.membrane)
    for path in paths:
        p.drawPath(path)
    p.setPen(NO_PEN)
    p.setBrush(fill)
    for path in paths:
        p.drawPath(path)


# ------------------------------------------------------------------------ static layer ----

@lru_cache(maxsize=12)
def static_layer(family: str, w: int, h: int, pal_name: str) -> QImage:
    """Background, blood vessel, and the cells that do not change with time (cached)."""
    pal = palette(pal_name)
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    grad = QLinearGradient(0, 0, 0, h)
    grad.setColorAt(0, pal.background_top)
    grad.setColorAt(1, pal.background_bottom)
    p.fillRect(QRectF(0, 0, w, h), grad)
    s, ox, oy = viewport(w, h)
    p.setTransform(QTransform(s, 0, 0, s, ox, oy))
    # extracellular matrix: a few soft, faint shapes give depth without clutter
    rng = np.random.default_rng(7)
    haze = QColor(pal.ink_soft)
    haze.setAlpha(10)
    p.setPen(NO_PEN)
    p.setBrush(haze)
    for x, y, r in zip(rng.uniform(100, 1600, 18), rng.uniform(0, 900, 18), rng.uniform(30, 90, 18)):
        p.drawEllipse(QPointF(x, y), r, r * 0.7)
    _draw_vessel(p, pal, -oy / s, (h - oy) / s)
    if family == "ketamine":
        _draw_outlined(p, [_bouncer_path()], pal, 2.2, pal.cytoplasm)
    _draw_outlined(p, [_terminal_path()], pal, 2.6, pal.cytoplasm)
    vesicle = pal.glutamate if family == "ketamine" else pal.serotonin
    fill = QColor(vesicle)
    fill.setAlpha(70)
    p.setPen(QPen(vesicle.darker(130), 2.0))
    p.setBrush(fill)
    for x, y in VESICLES:
        p.drawEllipse(QPointF(x, y), 15, 15)
    p.end()
    return img


def _draw_vessel(p: QPainter, pal: Palette, top: float, bottom: float) -> None:
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
    for k, y in enumerate(np.arange(top + 60 - (top % 140), bottom + 20, 140.0)):
        p.drawEllipse(QPointF(33 + (k % 3) * 6, y), 18, 11)


# Steps the spines and receptors are drawn in: each finer than a pixel at 4K, so stepping never
# shows, while a frame whose steps did not change reuses the cached drawing.
HEALTH_STEPS = 200  # spine shape (head size moves about 0.1 px per step)
GROW_STEPS = 100  # a sprouting spine's size (< 1 px per step)
LEVEL_STEPS = 64  # receptor brightness and the brake


def spine_grow(density: float) -> np.ndarray:
    """How far each spine along the shaft has sprouted (0 = a stump, 1 = full size)."""
    return _ease_out((density - L.SPINE_NEED) / L.SPINE_GROW_SPAN)


def spine_key(density: float) -> tuple:
    """The spine drawing at this density, in steps: (health step, grow step of each spine)."""
    return (round(spine_health(density) * HEALTH_STEPS),
            tuple(np.rint(spine_grow(density) * GROW_STEPS).astype(int).tolist()))


@lru_cache(maxsize=4)
def base_layer(family: str, key: tuple, w: int, h: int, pal_name: str) -> QImage:
    """The static layer with the dendrite and its spines drawn at one spine_key (cached)."""
    pal = palette(pal_name)
    img = static_layer(family, w, h, pal_name).copy()
    s, ox, oy = viewport(w, h)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setTransform(QTransform(s, 0, 0, s, ox, oy))
    health_step, grow_steps = key
    _draw_outlined(p, _spine_paths(health_step / HEALTH_STEPS, np.array(grow_steps) / GROW_STEPS),
                   pal, 2.4, pal.cytoplasm)
    p.end()
    return img


# ------------------------------------------------------------------------ dynamic parts ----

def _spine_paths(health: float, grow: np.ndarray) -> list[QPainterPath]:
    """Dendrite shaft plus its spines: existing spines take the health shape; new ones sprout."""
    top, bottom = L.SHAFT_Y
    shaft = QPainterPath()
    shaft.addRoundedRect(QRectF(L.VESSEL_X[1] + 26, top, L.WIDTH + 1800, bottom - top), 40, 40)
    paths = [shaft]
    for x, g, height, lean in zip(L.SPINE_X, grow, L.SPINE_HEIGHT, L.SPINE_LEAN):
        if g <= 0.02:
            paths.append(_stump(x, top))
            continue
        paths.append(_spine(x, top, height * (0.55 + 0.45 * g), lean, health * g, g))
    paths.append(_spine(L.HERO_X, top, top - L.HERO_HEAD_Y - 8 * (1 - health), 0, health, 1.0, hero=True))
    return paths


def _stump(x: float, top: float) -> QPainterPath:
    p = QPainterPath()
    p.addEllipse(QPointF(x, top + 2), 9, 6)
    return p


def _spine(x: float, top: float, height: float, lean: float, health: float, size: float,
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


def _mix(a: QColor, b: QColor, f: float) -> QColor:
    f = float(np.clip(f, 0, 1))
    return QColor(round(a.red() + (b.red() - a.red()) * f), round(a.green() + (b.green() - a.green()) * f),
                  round(a.blue() + (b.blue() - a.blue()) * f))


def _draw_ampa(p: QPainter, pal: Palette, health: float, level: float) -> None:
    """AMPA receptors on the hero spine head, lit (0-1) by glutamate."""
    rx = 44 + 26 * health
    ry = 26 + 8 * health
    head_y = L.HERO_HEAD_Y + 8 * (1 - health)
    n = 7
    for i in range(n):
        a = math.radians(-150 + 120 * i / (n - 1))
        x, y = L.HERO_X + rx * math.cos(a), head_y + ry * math.sin(a)
        lit = level * (0.8 + 0.2 * ((i * 3) % n) / n)
        col = _mix(pal.receptor, pal.ampa, 0.25 + 0.75 * lit)
        if lit > 0.3:
            halo = QColor(pal.ampa)
            halo.setAlpha(int(90 * lit))
            p.setPen(NO_PEN)
            p.setBrush(halo)
            p.drawEllipse(QPointF(x, y), 13, 13)
        p.save()
        p.translate(x, y)
        p.rotate(math.degrees(a) + 90)
        p.setPen(QPen(pal.membrane.darker(150), 1.2))
        p.setBrush(col)
        p.drawRoundedRect(QRectF(-4.5, -9, 9, 18), 3.5, 3.5)
        p.restore()


def _draw_nmda(p: QPainter, pal: Palette, plugged: int) -> None:
    """NMDA receptors on the bouncer, the first `plugged` of them plugged by ketamine."""
    cx, cy = L.BOUNCER_C
    r = L.BOUNCER_R
    for i, deg in enumerate(L.NMDA_ANGLES_DEG):
        a = math.radians(deg)
        x, y = cx + r * math.cos(a), cy + r * 0.9 * math.sin(a)
        p.save()
        p.translate(x, y)
        p.rotate(deg + 90)
        p.setPen(QPen(pal.membrane.darker(140), 1.2))
        p.setBrush(pal.receptor)
        p.drawRoundedRect(QRectF(-11, -12, 8, 24), 3, 3)
        p.drawRoundedRect(QRectF(3, -12, 8, 24), 3, 3)
        if i < plugged:
            p.setBrush(pal.ketamine)
            p.setPen(QPen(pal.ketamine.darker(160), 1.2))
            p.drawPolygon([QPointF(0, -17), QPointF(6, -9), QPointF(0, -1), QPointF(-6, -9)])
        p.restore()


@lru_cache(maxsize=8)
def _glow_image(size_px: int, rgba: int) -> QImage:
    img = QImage(size_px, size_px, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    g = QRadialGradient(size_px / 2, size_px / 2, size_px / 2)
    c0 = QColor.fromRgba(rgba)
    c0.setAlpha(170)
    c1 = QColor(c0)
    c1.setAlpha(95)
    c2 = QColor(c0)
    c2.setAlpha(0)
    g.setColorAt(0.0, c0)
    g.setColorAt(0.45, c1)
    g.setColorAt(1.0, c2)
    p = QPainter(img)
    p.fillRect(img.rect(), QBrush(g))
    p.end()
    return img


def _draw_glow(p: QPainter, pal: Palette, activity: float, s: float, ox: float, oy: float) -> None:
    """The bouncer's soft glow, in device pixels; its brightness follows interneuron activity."""
    strength = float(np.clip(activity, 0, 1))
    if strength <= 0.01:
        return
    size = int(L.BOUNCER_R * 4.2 * s)
    cx, cy = L.BOUNCER_C
    p.save()
    p.setOpacity(strength)
    p.drawImage(QPointF(ox + cx * s - size / 2, oy + cy * s - size / 2), _glow_image(size, pal.gaba.rgba()))
    p.restore()


def _draw_sert(p: QPainter, pal: Palette, blocked: int) -> None:
    """Serotonin transporters: open 'mouths' on the terminal, the first `blocked` closed by an SSRI."""
    cx, cy = L.TERMINAL_C
    rx, ry = L.TERMINAL_R
    for i, deg in enumerate(L.SERT_ANGLES_DEG):
        a = math.radians(deg)
        x, y = cx + rx * math.cos(a), cy - ry * math.sin(a)
        p.save()
        p.translate(x, y)
        p.rotate(-deg + 90)
        closed = i < blocked
        p.setPen(QPen(pal.membrane.darker(140), 1.4))
        p.setBrush(pal.receptor)
        gap = 3 if closed else 9
        p.drawRoundedRect(QRectF(-gap - 10, -14, 10, 26), 4, 4)
        p.drawRoundedRect(QRectF(gap, -14, 10, 26), 4, 4)
        if closed:
            p.setBrush(pal.ssri)
            p.setPen(QPen(pal.ssri.darker(160), 1.2))
            p.drawRect(QRectF(-7, -26, 14, 14))
        p.restore()


def _draw_autoreceptors(p: QPainter, pal: Palette, on: float) -> None:
    """5-HT1A autoreceptors on the axon: a bold 'brake pad' (on = 1) that fades as the brake eases."""
    for i, (x, y) in enumerate(L.AUTORECEPTOR_POS):
        side = -1 if i % 2 == 0 else 1
        p.save()
        p.translate(x, y)
        p.setPen(QPen(pal.membrane.darker(140), 1.3))
        p.setBrush(pal.receptor)
        p.drawRoundedRect(QRectF(-5 if side > 0 else -7, -11, 12, 22), 4, 4)
        pad = _mix(pal.cytoplasm, pal.brake, 0.2 + 0.8 * on)
        p.setBrush(pad)
        w = 8 + 8 * on
        p.drawRoundedRect(QRectF(side * 8 if side > 0 else -8 - w, -9, w, 18), 3, 3)
        p.restore()


def _draw_firing(p: QPainter, pal: Palette, firing: float, phase: float) -> None:
    """Impulses travelling down the serotonin neuron's axon; how many follows the firing rate."""
    n_max = 5
    shown = firing * n_max
    col = QColor(pal.serotonin).lighter(140)
    for i in range(n_max):
        if i >= shown:
            break
        s = (phase * 0.35 + i / n_max) % 1.0
        col.setAlpha(int(220 * min(1.0, shown - i) * math.sin(math.pi * s)))
        p.setPen(NO_PEN)
        p.setBrush(col)
        p.drawEllipse(QPointF(L.AXON_X, -20 + s * 200), 11, 17)


# -------------------------------------------------------------------------- particles ----

SPRITE_SIZE = {"glutamate": 6.0, "gaba": 10.0, "ketamine": 11.0, "bdnf": 12.0, "serotonin": 8.0, "ssri": 10.0}
SPRITE_SHAPE = {"glutamate": "dot", "gaba": "hexagon", "ketamine": "diamond", "bdnf": "star",
                "serotonin": "triangle", "ssri": "square"}
MAX_COUNT = {"glutamate": 5400, "gaba": 220, "ketamine": 420, "bdnf": 320, "serotonin": 2400, "ssri": 360}


FAMILY_KINDS = {"ketamine": ("glutamate", "gaba", "ketamine", "bdnf"), "ssri": ("serotonin", "ssri", "bdnf")}


@lru_cache(maxsize=8)
def particle_atlas(family: str, pal_name: str, width: int, height: int) -> Atlas:
    """The family's particle sprites at the frame's scale, in one atlas."""
    pal = palette(pal_name)
    s = viewport(width, height)[0]
    sprites = {}
    for kind in FAMILY_KINDS[family]:
        colour = getattr(pal, kind if kind != "bdnf" else "ampa")
        rim = colour.darker(190 if pal.name == "screen" else 150)
        sprites[kind] = sprite_image(SPRITE_SHAPE[kind], colour.rgba(), rim.rgba(), round(SPRITE_SIZE[kind] * s))
    return make_atlas(sprites)


def draw_particles(p: QPainter, family: str, state: dict, phase: float, seed: int, pal_name: str,
                   width: int, height: int) -> None:
    """Every particle of the frame in one batched call (device coordinates, no transform)."""
    atlas = particle_atlas(family, pal_name, width, height)
    s, ox, oy = viewport(width, height)
    rows = [fragments(np.column_stack([ox + xy[:, 0] * s, oy + xy[:, 1] * s]), atlas.rects[kind], fade)
            for kind, (xy, fade) in particle_layout(family, state, phase, seed).items()]
    draw_fragments(p, np.vstack(rows), atlas)


def _outside_cells(xy: np.ndarray, health: float) -> np.ndarray:
    """True for positions in extracellular space: not inside the terminal or the hero spine head."""
    cx, cy = L.TERMINAL_C
    rx, ry = L.TERMINAL_R
    in_terminal = ((xy[:, 0] - cx) / (rx + 6)) ** 2 + ((xy[:, 1] - cy) / (ry + 6)) ** 2 < 1
    hrx, hry = 50 + 26 * health, 32 + 8 * health
    hy = L.HERO_HEAD_Y + 8 * (1 - health)
    in_head = ((xy[:, 0] - L.HERO_X) / hrx) ** 2 + ((xy[:, 1] - hy) / hry) ** 2 < 1
    in_neck = (np.abs(xy[:, 0] - L.HERO_X) < 16) & (xy[:, 1] > hy)
    return ~(in_terminal | in_head | in_neck | (xy[:, 1] > L.SHAFT_Y[0] - 4) & (xy[:, 1] < L.SHAFT_Y[1] + 4))


def particle_layout(family: str, state: dict, phase: float, seed: int) -> dict[str, tuple]:
    """Particle positions (virtual canvas) and fades per kind -- counts from the state."""
    out: dict[str, tuple] = {}
    health = spine_health(state["spine_density"])
    cleft_cx = L.HERO_X
    if family == "ketamine":
        flood = float(np.clip((state["glutamate"] - GLUTAMATE_BASE) / 0.6, 0, 1.2))
        xy = swarm("glutamate", MAX_COUNT["glutamate"], seed).in_ellipse(
            140 + 4400 * flood, phase, cleft_cx, L.CLEFT_Y + 30 * flood, 150 + 300 * flood, 22 + 120 * flood,
            5 + 4 * flood)
        out["glutamate"] = (xy[_outside_cells(xy, health)], None)
        gaba = swarm("gaba", MAX_COUNT["gaba"], seed)
        bx, by = L.BOUNCER_TERMINAL
        out["gaba"] = gaba.along(180 * state["interneuron_activity"], phase, (bx + 8, by),
                                 (L.AXON_X - L.AXON_W / 2 - 2, by + 8), 16, 2.5)
        n_ket = min(MAX_COUNT["ketamine"], state["plasma_ng_per_ml"] * 2.2)
        xy1, f1 = swarm("ketamine", MAX_COUNT["ketamine"], seed).along(
            0.55 * n_ket, phase, (60, 560), (L.BOUNCER_C[0] + 60, L.BOUNCER_C[1] + 70), 90, 7.0)
        xy2 = swarm("ketamine-tissue", MAX_COUNT["ketamine"], seed).in_ellipse(
            0.45 * n_ket, phase * 0.7, 330, 520, 250, 300, 14)
        keep = _outside_cells(xy2, health)
        out["ketamine"] = (np.vstack([xy1, xy2[keep]]), np.concatenate([f1, np.zeros(int(keep.sum()), int)]))
    else:
        score = float(np.clip(serotonin_score(np.array(state["serotonin"])), 0, 1.2))
        xy = swarm("serotonin", MAX_COUNT["serotonin"], seed).in_ellipse(
            110 + 2000 * score, phase, cleft_cx, L.CLEFT_Y + 20 * score, 150 + 200 * score, 22 + 90 * score, 5)
        out["serotonin"] = (xy[_outside_cells(xy, health)], None)
        n_ssri = 300 * state["sert_occupancy"] / SERT_OCCUPANCY_AT_MIN_DOSE
        xy1, f1 = swarm("ssri", MAX_COUNT["ssri"], seed).along(
            0.5 * n_ssri, phase, (60, 560), (L.TERMINAL_C[0] - 150, L.TERMINAL_C[1] + 60), 90, 8.0)
        xy2 = swarm("ssri-tissue", MAX_COUNT["ssri"], seed).in_ellipse(
            0.5 * n_ssri, phase * 0.7, 360, 480, 260, 330, 14)
        keep = _outside_cells(xy2, health)
        out["ssri"] = (np.vstack([xy1, xy2[keep]]), np.concatenate([f1, np.zeros(int(keep.sum()), int)]))
    bdnf = swarm("bdnf", MAX_COUNT["bdnf"], seed)
    n_b = 6 + 300 * float(np.clip(state["bdnf"], 0, 1))
    xy, fade = bdnf.along(n_b, phase, (L.HERO_X, L.SHAFT_Y[1] - 20), (L.HERO_X, L.SHAFT_Y[0] - 70), 620, 6.0)
    out["bdnf"] = (xy, fade)
    return out


def count_particles(family: str, state: dict, phase: float = 0.0, seed: int = 0) -> int:
    """How many particles a frame at this state draws."""
    return sum(len(xy) for xy, _ in particle_layout(family, state, phase, seed).values())


# ------------------------------------------------------------------------------ labels ----

@lru_cache(maxsize=8)
def _label_sprites(family: str, vocabulary: str, lang: str, pal_name: str, width: int, height: int) -> tuple:
    """Each label pre-drawn as a small image, with its position, anchor and leader start."""
    pal = palette(pal_name)
    s, ox, oy = viewport(width, height)
    content = load_content(lang)
    font = scene_font(21 * s)
    fm = QFontMetricsF(font)
    box_bg = QColor(pal.background_top)
    box_bg.setAlpha(200)
    out = []
    for label_id, (ax, ay), (lx, ly) in (L.KETAMINE_LABELS if family == "ketamine" else L.SSRI_LABELS):
        text = content.label(label_id, vocabulary)
        tw, th = fm.horizontalAdvance(text) + 16 * s, fm.height() + 8 * s
        img = QImage(int(tw) + 2, int(th) + 2, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(0)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(NO_PEN)
        p.setBrush(box_bg)
        p.drawRoundedRect(QRectF(0, 0, tw, th), 6 * s, 6 * s)
        p.setFont(font)
        p.setPen(pal.ink)
        p.drawText(QRectF(0, 0, tw, th), Qt.AlignmentFlag.AlignCenter, text)
        p.end()
        box = QRectF(ox + lx * s, oy + ly * s, tw, th)
        anchor = QPointF(ox + ax * s, oy + ay * s)
        near = QPointF(min(max(anchor.x(), box.left()), box.right()), min(max(anchor.y(), box.top()), box.bottom()))
        out.append((img, box.topLeft(), anchor, near))
    return tuple(out), QPen(pal.ink_soft, max(1.0, 1.6 * s)), 3.2 * s


def _draw_labels(p: QPainter, pal: Palette, family: str, style: Style, width: int, height: int) -> None:
    """Labels with leader lines, on top of everything."""
    labels, pen, dot = _label_sprites(family, style.labels, style.lang, pal.name, width, height)
    for img, top_left, anchor, near in labels:
        p.setPen(pen)
        p.drawLine(near, anchor)
        p.setBrush(pal.ink_soft)
        p.drawEllipse(anchor, dot, dot)
        p.drawImage(top_left, img)


# Where each receptor overlay is drawn, as a box in the virtual canvas (x0, y0, x1, y1).
OVERLAY_BOX = {
    "nmda": (L.BOUNCER_C[0] - L.BOUNCER_R - 30, L.BOUNCER_C[1] - L.BOUNCER_R - 30,
             L.BOUNCER_C[0] + L.BOUNCER_R + 30, L.BOUNCER_C[1] + L.BOUNCER_R + 30),
    "ampa": (L.HERO_X - 100, L.HERO_HEAD_Y - 75, L.HERO_X + 100, L.HERO_HEAD_Y + 45),
    "sert": (L.TERMINAL_C[0] - L.TERMINAL_R[0] - 40, L.TERMINAL_C[1] - L.TERMINAL_R[1] - 40,
             L.TERMINAL_C[0] + L.TERMINAL_R[0] + 40, L.TERMINAL_C[1] + L.TERMINAL_R[1] + 40),
    "brake": (L.AXON_X - L.AXON_W / 2 - 40, 0.0, L.AXON_X + L.AXON_W / 2 + 40, 130.0),
}


def _draw_part(p: QPainter, pal: Palette, part: str, key: tuple) -> None:
    if part == "nmda":
        _draw_nmda(p, pal, key[0])
    elif part == "sert":
        _draw_sert(p, pal, key[0])
    elif part == "brake":
        _draw_autoreceptors(p, pal, key[0] / LEVEL_STEPS)
    else:
        _draw_ampa(p, pal, key[0] / HEALTH_STEPS, key[1] / LEVEL_STEPS)


@lru_cache(maxsize=96)
def overlay(part: str, key: tuple, w: int, h: int, pal_name: str) -> tuple[QImage, QPoint]:
    """A receptor group drawn on a transparent image at its place in a w x h frame (cached)."""
    s, ox, oy = viewport(w, h)
    x0, y0, x1, y1 = OVERLAY_BOX[part]
    left, top = math.floor(ox + x0 * s), math.floor(oy + y0 * s)
    img = QImage(math.ceil((x1 - x0) * s) + 2, math.ceil((y1 - y0) * s) + 2,
                 QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setTransform(QTransform(s, 0, 0, s, ox - left, oy - top))
    _draw_part(p, palette(pal_name), part, key)
    p.end()
    return img, QPoint(left, top)


def overlay_keys(family: str, state: dict) -> dict[str, tuple]:
    """What each receptor overlay shows at this state, in the steps it is cached by."""
    health_step = round(spine_health(state["spine_density"]) * HEALTH_STEPS)
    if family == "ketamine":
        level = (state["ampa"] - AMPA_BASE) / (1 - AMPA_BASE)
        return {"nmda": (round(state["nmda_block"] * len(L.NMDA_ANGLES_DEG)),),
                "ampa": (health_step, round(float(np.clip(level, 0, 1)) * LEVEL_STEPS))}
    score = float(np.clip(serotonin_score(np.array(state["serotonin"])), 0, 1))
    brake_on = float(np.clip((state["autoreceptor_brake"] - 0.3) / 0.7, 0, 1))
    return {"sert": (round(state["sert_occupancy"] * len(L.SERT_ANGLES_DEG)),),
            "brake": (round(brake_on * LEVEL_STEPS),),
            "ampa": (health_step, round(0.6 * score * LEVEL_STEPS))}


def paint_frame(p: QPainter, family: str, state: dict, phase: float, seed: int, width: int, height: int,
                style: Style = Style()) -> None:
    """Everything over the base layer, painted in device pixels into any QPainter."""
    pal = palette(style.palette)
    s, ox, oy = viewport(width, height)
    if family == "ketamine":
        _draw_glow(p, pal, state["interneuron_activity"], s, ox, oy)
    for part, key in overlay_keys(family, state).items():
        image, at = overlay(part, key, width, height, pal.name)
        p.drawImage(at, image)
    if family == "ssri":
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setTransform(QTransform(s, 0, 0, s, ox, oy), True)
        firing = 1.0 - BRAKE_HOLD * state["autoreceptor_brake"] * min(
            1.0, state["sert_occupancy"] / SERT_OCCUPANCY_AT_MIN_DOSE)
        _draw_firing(p, pal, firing, phase)
        p.restore()
    draw_particles(p, family, state, phase, seed, pal.name, width, height)
    if style.labels != "none":
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        _draw_labels(p, pal, family, style, width, height)
        p.restore()


def frame_base(family: str, state: dict, width: int, height: int, style: Style = Style()) -> QImage:
    """The cached base layer a frame at this state starts from."""
    return base_layer(family, spine_key(state["spine_density"]), width, height, palette(style.palette).name)


def render_frame(family: str, state: dict, phase: float, seed: int, width: int, height: int,
                 style: Style = Style()) -> QImage:
    """The whole synapse at one model state as a width x height image."""
    img = frame_base(family, state, width, height, style).copy()
    p = QPainter(img)
    paint_frame(p, family, state, phase, seed, width, height, style)
    p.end()
    return img
