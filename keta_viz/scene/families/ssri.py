"""How the SSRI synapse is drawn: the serotonin terminal with its transporters (SERT) and
5-HT1A autoreceptors (the brake), impulses down the raphe neuron's axon, the SSRI arriving."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen, QTransform

from ...model.constants import SERT_OCCUPANCY_AT_MIN_DOSE
from ...model.families.ssri import State
from .. import layout as L
from ..palette import Palette
from ..particles import swarm
from ..shapes import NO_PEN, ampa_opacities, ampa_pieces, clamp, mix, outside_cells, spine_health

LABELS = L.SSRI_LABELS
KINDS = ("serotonin", "ssri")
VESICLE = "serotonin"
OVERLAY_BOX = {
    "sert": (L.TERMINAL_C[0] - L.TERMINAL_R[0] - 40, L.TERMINAL_C[1] - L.TERMINAL_R[1] - 40,
             L.TERMINAL_C[0] + L.TERMINAL_R[0] + 40, L.TERMINAL_C[1] + L.TERMINAL_R[1] + 40),
    "brake": (L.AXON_X - L.AXON_W / 2 - 40, 0.0, L.AXON_X + L.AXON_W / 2 + 40, 130.0),
    "ampa": L.AMPA_BOX,
}


def draw_static(p: QPainter, pal: Palette) -> None:
    """Nothing beyond the shared cells."""


def hidden_labels(state: State) -> set[str]:
    """Labels not drawn at this state: the drug's, before any of it has arrived."""
    return {"ssri"} if state.plasma_ng_per_ml < 1.0 else set()


def overlays(state: State, health_steps: int, level_steps: int) -> dict[str, tuple[tuple, tuple]]:
    """Each receptor overlay at this state: (the key its pieces are cached by, each piece's
    opacity).  The SERT pieces never change (a transporter is shown open or closed); the brake
    is drawn whole in level steps; the AMPA pieces follow the spine's shape in health steps,
    their light, in level steps, is the lit pieces' opacity."""
    blocked = round(state.sert_occupancy * len(L.SERT_ANGLES_DEG))
    brake_on = clamp((state.autoreceptor_brake - 0.3) / 0.7)
    shown = tuple(o for i in range(len(L.SERT_ANGLES_DEG)) for o in (float(i >= blocked), float(i < blocked)))
    return {"sert": ((), shown),
            "brake": ((round(brake_on * level_steps) / level_steps,), (1.0,)),
            "ampa": ((round(spine_health(state.spine_density) * health_steps) / health_steps,),
                     ampa_opacities(round(clamp(state.receptor_activity) * level_steps) / level_steps))}


def overlay_pieces(pal: Palette, part: str, key: tuple) -> list:
    """One receptor group's pieces at a key, in drawing order (each a function of a QPainter)."""
    if part == "ampa":
        return ampa_pieces(pal, *key)
    if part == "brake":
        return [lambda p: draw_autoreceptors(p, pal, key[0])]
    return [piece for deg in L.SERT_ANGLES_DEG for piece in (lambda p, deg=deg: _transporter(p, pal, deg, False),
                                                             lambda p, deg=deg: _transporter(p, pal, deg, True))]


def paint_live(p: QPainter, pal: Palette, state: State, phase: float, s: float, ox: float, oy: float,
               moving: bool = False) -> None:
    """What changes every frame besides particles: impulses down the axon, as many as it fires
    (drawn the same whether the camera is `moving` or not: nothing cached depends on the scale)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setTransform(QTransform(s, 0, 0, s, ox, oy), True)
    draw_firing(p, pal, state.raphe_firing, phase)
    p.restore()


def particles(state: State, phase: float, seed: int, max_count: dict[str, int]) -> dict[str, tuple]:
    """Serotonin in the cleft and the SSRI arriving from the blood (virtual canvas)."""
    health = spine_health(state.spine_density)
    rise = clamp(state.serotonin_rise, 0, 1.2)
    xy = swarm("serotonin", max_count["serotonin"], seed).in_ellipse(
        110 + 2000 * rise, phase, L.HERO_X, L.CLEFT_Y + 20 * rise, 150 + 200 * rise, 22 + 90 * rise, 5)
    out = {"serotonin": (np.compress(outside_cells(xy, health), xy, axis=1), None)}
    n_ssri = 300 * state.sert_occupancy / SERT_OCCUPANCY_AT_MIN_DOSE
    xy1, f1 = swarm("ssri", max_count["ssri"], seed).along(
        0.5 * n_ssri, phase, (60, 560), (L.TERMINAL_C[0] - 150, L.TERMINAL_C[1] + 60), 90, 8.0)
    xy2 = swarm("ssri-tissue", max_count["ssri"], seed).in_ellipse(
        0.5 * n_ssri, phase * 0.7, 360, 480, 260, 330, 14)
    keep = outside_cells(xy2, health)
    out["ssri"] = (np.hstack([xy1, np.compress(keep, xy2, axis=1)]), np.concatenate([f1, np.zeros(int(keep.sum()), int)]))
    return out


def draw_sert(p: QPainter, pal: Palette, blocked: int) -> None:
    """Serotonin transporters: open 'mouths' on the terminal, the first `blocked` closed by an SSRI."""
    for i, deg in enumerate(L.SERT_ANGLES_DEG):
        _transporter(p, pal, deg, i < blocked)


def _transporter(p: QPainter, pal: Palette, deg: float, closed: bool) -> None:
    a = math.radians(deg)
    p.save()
    p.translate(L.TERMINAL_C[0] + L.TERMINAL_R[0] * math.cos(a), L.TERMINAL_C[1] - L.TERMINAL_R[1] * math.sin(a))
    p.rotate(-deg + 90)
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


def draw_autoreceptors(p: QPainter, pal: Palette, on: float) -> None:
    """5-HT1A autoreceptors on the axon: a bold 'brake pad' (on = 1) that fades as the brake eases."""
    for i, (x, y) in enumerate(L.AUTORECEPTOR_POS):
        side = -1 if i % 2 == 0 else 1
        p.save()
        p.translate(x, y)
        p.setPen(QPen(pal.membrane.darker(140), 1.3))
        p.setBrush(pal.receptor)
        p.drawRoundedRect(QRectF(-5 if side > 0 else -7, -11, 12, 22), 4, 4)
        pad = mix(pal.cytoplasm, pal.brake, 0.2 + 0.8 * on)
        p.setBrush(pad)
        w = 8 + 8 * on
        p.drawRoundedRect(QRectF(side * 8 if side > 0 else -8 - w, -9, w, 18), 3, 3)
        p.restore()


def draw_firing(p: QPainter, pal: Palette, firing: float, phase: float) -> None:
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

