"""How the ketamine synapse is drawn: the bouncer (GABA interneuron) with its NMDA receptors and
glow, glutamate flooding the cleft, ketamine arriving from the blood, AMPA receptors lighting up."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QRadialGradient

from ...model.constants import GLUTAMATE_BASE
from ...model.families.ketamine import State
from .. import layout as L
from ..palette import Palette
from ..particles import swarm
from ..shapes import ampa_opacities, ampa_pieces, clamp, draw_outlined, outside_cells, spine_health, tapered

LABELS = L.KETAMINE_LABELS
KINDS = ("glutamate", "gaba", "ketamine", "bdnf")
VESICLE = "glutamate"  # the palette colour of the sender's vesicles
# Where each receptor overlay is drawn, as a box in the virtual canvas (x0, y0, x1, y1).
OVERLAY_BOX = {
    "nmda": (L.BOUNCER_C[0] - L.BOUNCER_R - 30, L.BOUNCER_C[1] - L.BOUNCER_R - 30,
             L.BOUNCER_C[0] + L.BOUNCER_R + 30, L.BOUNCER_C[1] + L.BOUNCER_R + 30),
    "ampa": L.AMPA_BOX,
}


def draw_static(p: QPainter, pal: Palette) -> None:
    """The bouncer, which never moves."""
    draw_outlined(p, [bouncer_path()], pal, 2.2, pal.cytoplasm)


def hidden_labels(state: State) -> set[str]:
    """Labels not drawn at this state: the drug's, before any of it has arrived."""
    return {"ketamine"} if state.plasma_ng_per_ml < 1.0 else set()


def overlays(state: State, health_steps: int, level_steps: int) -> dict[str, tuple[tuple, tuple]]:
    """Each receptor overlay at this state: (the key its pieces are cached by, each piece's
    opacity).  The NMDA pieces never change (a plug is shown or not); the AMPA pieces follow the
    spine's shape in health steps, their light (in level steps) is the lit pieces' opacity."""
    plugged = round(state.nmda_block * len(L.NMDA_ANGLES_DEG))
    return {"nmda": ((), tuple(o for i in range(len(L.NMDA_ANGLES_DEG)) for o in (1.0, float(i < plugged)))),
            "ampa": ((round(spine_health(state.spine_density) * health_steps) / health_steps,),
                     ampa_opacities(round(clamp(state.receptor_activity) * level_steps) / level_steps))}


def overlay_pieces(pal: Palette, part: str, key: tuple) -> list:
    """One receptor group's pieces at a key, in drawing order (each a function of a QPainter)."""
    if part == "ampa":
        return ampa_pieces(pal, *key)
    return [piece for deg in L.NMDA_ANGLES_DEG for piece in (lambda p, deg=deg: _nmda_pair(p, pal, deg),
                                                             lambda p, deg=deg: _nmda_plug(p, pal, deg))]


def paint_live(p: QPainter, pal: Palette, state: State, phase: float, s: float, ox: float, oy: float,
               moving: bool = False) -> None:
    """What changes every frame besides particles: the bouncer's glow (device pixels; while the
    camera moves, from a cached glow shrunk to its size)."""
    draw_glow(p, pal, state.interneuron_activity, s, ox, oy, moving)


def particles(state: State, phase: float, seed: int, max_count: dict[str, int]) -> dict[str, tuple]:
    """Glutamate in the cleft, GABA from the bouncer, ketamine from the blood (virtual canvas)."""
    health = spine_health(state.spine_density)
    flood = clamp((state.glutamate - GLUTAMATE_BASE) / 0.6, 0, 1.2)
    xy = swarm("glutamate", max_count["glutamate"], seed).in_ellipse(
        140 + 4400 * flood, phase, L.HERO_X, L.CLEFT_Y + 30 * flood, 150 + 300 * flood, 22 + 120 * flood,
        5 + 4 * flood)
    out = {"glutamate": (np.compress(outside_cells(xy, health), xy, axis=1), None)}
    bx, by = L.BOUNCER_TERMINAL
    out["gaba"] = swarm("gaba", max_count["gaba"], seed).along(
        180 * state.interneuron_activity, phase, (bx + 8, by), (L.AXON_X - L.AXON_W / 2 - 2, by + 8), 16, 2.5)
    n_ket = min(max_count["ketamine"], state.plasma_ng_per_ml * 2.2)
    xy1, f1 = swarm("ketamine", max_count["ketamine"], seed).along(
        0.55 * n_ket, phase, (60, 560), (L.BOUNCER_C[0] + 60, L.BOUNCER_C[1] + 70), 90, 7.0)
    xy2 = swarm("ketamine-tissue", max_count["ketamine"], seed).in_ellipse(
        0.45 * n_ket, phase * 0.7, 330, 520, 250, 300, 14)
    keep = outside_cells(xy2, health)
    out["ketamine"] = (np.hstack([xy1, np.compress(keep, xy2, axis=1)]), np.concatenate([f1, np.zeros(int(keep.sum()), int)]))
    return out


def bouncer_path() -> QPainterPath:
    """The bouncer's body, dendrites and the axon to its terminal on the sender's axon."""
    cx, cy = L.BOUNCER_C
    r = L.BOUNCER_R
    p = QPainterPath()
    p.addEllipse(QPointF(cx, cy), r, r * 0.9)
    # dendrites and the axon running to its terminal on the sender's axon
    for (x0, y0, x1, y1, w) in ((cx - 40, cy - 50, cx - 110, -30, 16), (cx - 60, cy + 30, cx - 150, cy + 150, 14),
                                (cx + 10, cy - 70, cx + 40, -30, 12)):
        p.addPath(tapered(x0, y0, x1, y1, w))
    bx, by = L.BOUNCER_TERMINAL
    p.addPath(tapered(cx + 60, cy - 45, bx - 20, by + 4, 12, 9))
    p.addEllipse(QPointF(bx - 8, by), 26, 20)
    return p


def draw_nmda(p: QPainter, pal: Palette, plugged: int) -> None:
    """NMDA receptors on the bouncer, the first `plugged` of them plugged by ketamine."""
    for i, deg in enumerate(L.NMDA_ANGLES_DEG):
        _nmda_pair(p, pal, deg)
        if i < plugged:
            _nmda_plug(p, pal, deg)


def _on_bouncer(p: QPainter, deg: float) -> None:
    a = math.radians(deg)
    p.translate(L.BOUNCER_C[0] + L.BOUNCER_R * math.cos(a), L.BOUNCER_C[1] + L.BOUNCER_R * 0.9 * math.sin(a))
    p.rotate(deg + 90)


def _nmda_pair(p: QPainter, pal: Palette, deg: float) -> None:
    p.save()
    _on_bouncer(p, deg)
    p.setPen(QPen(pal.membrane.darker(140), 1.2))
    p.setBrush(pal.receptor)
    p.drawRoundedRect(QRectF(-11, -12, 8, 24), 3, 3)
    p.drawRoundedRect(QRectF(3, -12, 8, 24), 3, 3)
    p.restore()


def _nmda_plug(p: QPainter, pal: Palette, deg: float) -> None:
    p.save()
    _on_bouncer(p, deg)
    p.setBrush(pal.ketamine)
    p.setPen(QPen(pal.ketamine.darker(160), 1.2))
    p.drawPolygon([QPointF(0, -24), QPointF(10, -11), QPointF(0, 2), QPointF(-10, -11)])
    p.restore()


GLOW_STEP = 64  # a moving camera's glow sizes, in pixels


@lru_cache(maxsize=8)
def glow_image(size_px: int, rgba: int) -> QImage:
    """A soft radial glow of one colour (cached)."""
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


def draw_glow(p: QPainter, pal: Palette, activity: float, s: float, ox: float, oy: float,
              moving: bool = False) -> None:
    """The bouncer's soft glow, in device pixels; it dims steeply as interneuron activity falls,
    so the blocked bouncer reads as quiet.  `moving` (a camera whose scale changes every frame):
    the glow cached in GLOW_STEP-pixel sizes, shrunk to this one, not a new glow each frame."""
    strength = clamp(activity) ** 2
    if strength <= 0.01:
        return
    size = int(L.BOUNCER_R * 4.2 * s)
    cx, cy = L.BOUNCER_C
    p.save()
    p.setOpacity(strength)
    if moving:  # to the nearest pixel: shrunk by at most GLOW_STEP pixels, a soft glow shows no step
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        p.drawImage(QRectF(ox + cx * s - size / 2, oy + cy * s - size / 2, size, size),
                    glow_image(-(-size // GLOW_STEP) * GLOW_STEP, pal.gaba.rgba()))
    else:
        p.drawImage(QPointF(ox + cx * s - size / 2, oy + cy * s - size / 2), glow_image(size, pal.gaba.rgba()))
    p.restore()

