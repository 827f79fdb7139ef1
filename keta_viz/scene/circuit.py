"""The circuit scale, in medial PFC: the GABA interneuron (the "bouncer") on a glutamate pyramidal
neuron, with its inputs, and the pyramidal neuron's axon reaching the synapse the next scale
shows (ketamine); the raphe serotonin neuron with its 5-HT1A autoreceptor brake and its long
axon to a cortical target neuron (ssri).  Drawn from the state like the synapse: the bouncer
quiets as NMDA block rises, the pyramidal neuron fires (impulses along its axon), spines come
back along the dendrites as spine density recovers.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPen, QTransform

from ..model.constants import GLUTAMATE_BASE
from .neurite import pyramid_soma, round_soma, tree, tube
from .palette import Palette
from .picture import glow, impulses, paint_picture, render_picture, smooth_path
from .shapes import NO_PEN, draw_outlined, mix, spine_health
from .synapse import Style

# The 16:9 box the synapse grows out of; the synapse canvas shrunk into it puts its terminal
# on the sender's bouton and its dendrite on the receiving dendrite drawn here.
SPOT = (1010.0, 618.0, 176.0, 99.0)
_K = SPOT[2] / 1600.0
BOUTON = (SPOT[0] + 660 * _K, SPOT[1] + 285 * _K)
DENDRITE_Y = SPOT[1] + 740 * _K
SPINE_TOP = SPOT[1] + 505 * _K

PYRAMID_C, PYRAMID_S, PYRAMID_TOP = (700.0, 470.0), 80.0, 120.0  # ketamine: the sender
RECEIVER_C = (1420.0, 450.0)
BOUNCER_C, BOUNCER_R = (320.0, 500.0), 40.0
RAPHE_C, RAPHE_R = (340.0, 430.0), 56.0  # ssri: the serotonin neuron and its target
TARGET_C = (1330.0, 420.0)
NMDA_ANGLES = (-70.0, -30.0, 10.0, 50.0, 160.0, 200.0)
BRAKE_ANGLES = (-125.0, -75.0, -25.0, 190.0, 235.0)
BASKET = ((650.0, 486.0), (664.0, 522.0), (708.0, 528.0), (670.0, 440.0))  # bouncer boutons on the soma

SENDER_AXON = [(700, 512), (702, 560), (742, 608), (900, 618), (1030, 600), (BOUTON[0] - 4, BOUTON[1] - 56),
               (BOUTON[0], BOUTON[1] - 8)]
SENDER_ONWARD = [(702, 560), (690, 700), (706, 910)]  # the main axon leaves for other regions
BASKET_AXON = [(BOUNCER_C[0] + 36, BOUNCER_C[1] - 14), (450, 440), (560, 420), (630, 445), BASKET[0]]
SEROTONIN_AXON = [(RAPHE_C[0] + 44, RAPHE_C[1] - 10), (480, 420), (640, 440), (820, 500), (960, 556),
                  (BOUTON[0] - 6, BOUTON[1] - 62), (BOUTON[0], BOUTON[1] - 8)]
VARICOSITIES = (0.16, 0.3, 0.62, 0.76)
INPUTS = {
    "ketamine": [[(-20, 300), (120, 318), (220, 400), (288, 466)],
                 [(-20, 820), (150, 770), (250, 650), (300, 550)],
                 [(-20, 150), (250, 150), (480, 196), (680, 208)]],
    "ssri": [[(-20, 240), (120, 280), (230, 360), (292, 396)]],
}


def _trunk_sites(c, top: float, size: float, count: int, needs: np.ndarray) -> list[tuple]:
    """Spine sites alternating along an apical trunk: (x, y, direction, density needed)."""
    x, y = c
    base = y - 0.6 * size
    out = []
    for k in range(count):
        frac = 0.12 + 0.8 * k / (count - 1)
        yy = base - frac * (base - top)
        half = (0.3 * size * (1 - frac) + 6 * frac) / 2
        side = -1 if k % 2 else 1
        out.append((x - 8 * frac + side * half, yy, 0.0 if side > 0 else 180.0, needs[k]))
    return out


_rng = np.random.default_rng(19)
APICAL_SPINES = _trunk_sites(PYRAMID_C, PYRAMID_TOP, PYRAMID_S, 14, _rng.uniform(0.72, 0.98, 14))
RECEIVER_SPINES = [(x, DENDRITE_Y - 5, -90.0 + (10 if k % 2 else -10), n)
                   for k, (x, n) in enumerate(zip(range(876, 1290, 30), _rng.uniform(0.72, 0.98, 14)))
                   if abs(x - BOUTON[0]) > 36]


def merged(paths: list[QPainterPath]) -> QPainterPath:
    """Shapes as one path whose overlaps fill as one (drawn in two calls, not two per shape)."""
    out = QPainterPath()
    out.setFillRule(Qt.FillRule.WindingFill)
    for path in paths:
        out.addPath(path)
    return out


@lru_cache(maxsize=8)
def pyramid_cell(c, size: float, top: float, seed: int) -> QPainterPath:
    """A pyramidal neuron: soma, apical trunk with obliques and a tuft, basal dendrites (cached)."""
    x, y = c
    paths = [pyramid_soma(x, y, size), tube([(x, y - 0.6 * size), (x - 3, (y + top) / 2), (x - 8, top)],
                                            0.3 * size, 6)]
    for k, deg in enumerate((-128, -92, -55)):
        paths += tree(x - 8, top + 6, deg, 95, 6, 1, seed + k, 26)
    for k, (frac, deg, ln) in enumerate(((0.35, -150, 130), (0.55, -30, 120), (0.8, -140, 90))):
        paths += tree(x - 8 * frac, y - 0.6 * size - frac * (y - 0.6 * size - top), deg, ln, 6, 1, seed + 10 + k, 24)
    for k, deg in enumerate((155, 118, 62, 25)):
        a = math.radians(deg)
        paths += tree(x + 0.4 * size * math.cos(a), y + 0.4 * size, deg, 110, 11, 1, seed + 20 + k, 30)
    return merged(paths)


@lru_cache(maxsize=4)
def dendrite_to_spot(start, bend) -> QPainterPath:
    """A basal dendrite that runs left along DENDRITE_Y through the spot (11 units wide there)."""
    return tube([start, bend, (1180, DENDRITE_Y), (1000, DENDRITE_Y), (840, DENDRITE_Y + 2)], 17, 7)


@lru_cache(maxsize=8)
def star_cell(c, r: float, angles, seed: int) -> QPainterPath:
    """A multipolar cell: round soma, dendrites branching in every direction but the axon's (cached)."""
    paths = [round_soma(*c, r)]
    for k, deg in enumerate(angles):
        a = math.radians(deg)
        paths += tree(c[0] + 0.8 * r * math.cos(a), c[1] + 0.8 * r * math.sin(a), deg, 95, 12, 1, seed + k, 30)
    return merged(paths)


def axon_path(points) -> QPainterPath:
    """A smooth axon through points (cached)."""
    return _axon(tuple(tuple(pt) for pt in points))


@lru_cache(maxsize=32)
def _axon(points: tuple) -> QPainterPath:
    return smooth_path(list(points), closed=False)


def draw_axon(p: QPainter, pal: Palette, points, width: float, thin: float = 1.0) -> None:
    """An axon as a membrane-edged tube (its edges `thin` times as wide)."""
    path = axon_path(points)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(pal.membrane, width + 3.0 * thin, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPath(path)
    p.setPen(QPen(pal.cytoplasm, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPath(path)


def draw_bouton(p: QPainter, pal: Palette, at, rx: float, ry: float, fill, thin: float = 1.0) -> None:
    """A presynaptic bouton."""
    p.setPen(QPen(pal.membrane, 1.6 * thin))
    p.setBrush(fill)
    p.drawEllipse(QPointF(*at), rx, ry)


def draw_static(p: QPainter, pal: Palette, family: str, thin: float = 1.0) -> None:
    """The cells, their axons and the inputs (what never changes); outlines `thin` times as
    wide (a zoom keeps them from swelling)."""
    dim = mix(pal.cytoplasm, pal.background_bottom, 0.4)
    if family == "ketamine":
        draw_outlined(p, [pyramid_cell(RECEIVER_C, 66.0, 100.0, 40), dendrite_to_spot((1392, 486), (1330, 640))],
                      pal, 1.3 * thin, dim)
    else:
        draw_outlined(p, [pyramid_cell(TARGET_C, 74.0, 90.0, 60), dendrite_to_spot((1300, 460), (1250, 630))],
                      pal, 1.3 * thin, dim)
    for points in INPUTS[family]:
        draw_axon(p, pal, points, 3.0, thin)
        draw_bouton(p, pal, points[-1], 7, 6, mix(pal.cytoplasm, pal.glutamate, 0.35), thin)
    if family == "ketamine":
        draw_axon(p, pal, SENDER_ONWARD, 5.0, thin)
        draw_axon(p, pal, SENDER_AXON, 4.0, thin)
        draw_outlined(p, [pyramid_cell(PYRAMID_C, PYRAMID_S, PYRAMID_TOP, 20)], pal, 1.4 * thin, pal.cytoplasm)
        draw_axon(p, pal, BASKET_AXON, 2.6, thin)
        for x, y in BASKET[1:]:
            draw_axon(p, pal, [(630, 445), ((630 + x) / 2 - 14, (445 + y) / 2 + 6), (x, y)], 2.2, thin)
        draw_outlined(p, [star_cell(BOUNCER_C, BOUNCER_R, (-150, -100, -50, 80, 125, 170), 30)], pal, 1.4 * thin,
                      pal.cytoplasm)
    else:
        draw_axon(p, pal, SEROTONIN_AXON, 4.0, thin)
        path = axon_path(SEROTONIN_AXON)
        for at in VARICOSITIES:
            at_xy = path.pointAtPercent(at)
            draw_bouton(p, pal, (at_xy.x(), at_xy.y()), 6, 6, pal.cytoplasm, thin)
        draw_outlined(p, [star_cell(RAPHE_C, RAPHE_R, (-150, -100, 75, 120, 165, 210), 70)], pal, 1.4 * thin,
                      pal.cytoplasm)
        # the axon is long: cortex lies far from the brainstem
        mid = path.pointAtPercent(0.45)
        p.setPen(QPen(pal.ink_soft, 3.0 * thin, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for dx in (-7, 7):
            p.drawLine(QPointF(mid.x() + dx - 8, mid.y() + 14), QPointF(mid.x() + dx + 8, mid.y() - 14))
    draw_bouton(p, pal, BOUTON, 160 * _K, 112 * _K, pal.cytoplasm, thin)


def draw_spines(p: QPainter, pal: Palette, sites, density: float) -> None:
    """Spines along a dendrite: each present once spine density passes what it needs."""
    p.setPen(QPen(pal.membrane, 1.3))
    p.setBrush(pal.cytoplasm)
    for x, y, deg, need in sites:
        grown = float(np.clip((density - need) / 0.03, 0, 1))
        if grown <= 0:
            continue
        a = math.radians(deg)
        tip = QPointF(x + math.cos(a) * 19 * grown, y + math.sin(a) * 19 * grown)
        p.drawLine(QPointF(x, y), tip)
        p.drawEllipse(tip, 5.6 * grown, 4.8 * grown)


def draw_receptors(p: QPainter, pal: Palette, c, r: float, angles, colour, on: int, plug) -> None:
    """Receptors on a soma's membrane; the first `on` of them plugged (plug colour) or lit."""
    for i, deg in enumerate(angles):
        a = math.radians(deg)
        x, y = c[0] + math.cos(a) * r, c[1] + math.sin(a) * r * 0.92
        p.save()
        p.translate(x, y)
        p.rotate(deg + 90)
        p.setPen(QPen(pal.membrane.darker(150), 1.0))
        p.setBrush(colour if i < on and plug is None else pal.receptor)
        p.drawRoundedRect(QRectF(-7, -6, 6, 12), 2.5, 2.5)
        p.drawRoundedRect(QRectF(1, -6, 6, 12), 2.5, 2.5)
        if i < on and plug is not None:
            p.setBrush(plug)
            p.setPen(QPen(plug.darker(160), 1.0))
            p.drawPolygon([QPointF(0, -15), QPointF(6, -8), QPointF(0, -1), QPointF(-6, -8)])
        p.restore()


def braking(state) -> float:
    """How hard the 5-HT1A brake holds the raphe neuron's firing down now, 0-1."""
    return float(np.clip(2.0 * state.autoreceptor_brake * (1.0 - state.raphe_firing), 0, 1))


def firing_level(family: str, state) -> float:
    """How hard the sending neuron fires, 0-1: the glutamate surge / the raphe's firing."""
    if family == "ssri":
        return float(np.clip(state.raphe_firing, 0, 1))
    surge = (state.glutamate - GLUTAMATE_BASE) / (1 - GLUTAMATE_BASE)
    return float(np.clip(max(surge, state.receptor_activity), 0, 1))


def draw_live(p: QPainter, pal: Palette, family: str, state, phase: float, detail: float = 1.0) -> None:
    """What the state changes: glows, receptors, the spot's receptors, and at opacity `detail`
    (fading as a zoom leaves them) spines, impulses and drug particles (canvas coords)."""
    firing = firing_level(family, state)
    health = spine_health(state.spine_density)
    if family == "ketamine":
        quiet = float(np.clip(state.interneuron_activity, 0, 1)) ** 2
        glow(p, pal.gaba, BOUNCER_C, BOUNCER_R * 2.6, BOUNCER_R * 2.4, quiet)
        p.setPen(NO_PEN)
        p.setBrush(mix(pal.cytoplasm, pal.gaba, 0.75 * quiet))
        p.drawPath(round_soma(*BOUNCER_C, BOUNCER_R - 3))
        draw_receptors(p, pal, BOUNCER_C, BOUNCER_R, NMDA_ANGLES, pal.receptor,
                       round(state.nmda_block * len(NMDA_ANGLES)), pal.ketamine)
        for x, y in BASKET:
            draw_bouton(p, pal, (x, y), 8, 7, mix(pal.cytoplasm, pal.gaba, 0.15 + 0.85 * quiet))
        glow(p, pal.glutamate, PYRAMID_C, 120, 120, 0.12 + 0.75 * firing)
        p.setPen(NO_PEN)
        p.setBrush(mix(pal.cytoplasm, pal.glutamate, 0.1 + 0.45 * firing))
        p.drawPath(pyramid_soma(PYRAMID_C[0], PYRAMID_C[1], PYRAMID_S - 4))
    else:
        brake = float(np.clip((state.autoreceptor_brake - 0.3) / 0.7, 0, 1))  # as the synapse shows it
        glow(p, pal.brake, RAPHE_C, RAPHE_R * 2.6, RAPHE_R * 2.4, braking(state))
        glow(p, pal.serotonin, RAPHE_C, RAPHE_R * 1.8, RAPHE_R * 1.6, firing ** 2)
        p.setPen(NO_PEN)
        p.setBrush(mix(pal.cytoplasm, pal.serotonin, 0.1 + 0.5 * firing))
        p.drawPath(round_soma(*RAPHE_C, RAPHE_R - 3))
        draw_receptors(p, pal, RAPHE_C, RAPHE_R, BRAKE_ANGLES, pal.brake, round(brake * len(BRAKE_ANGLES)), None)
    glow(p, pal.ampa, (BOUTON[0], SPINE_TOP), 28, 18, 0.15 + 0.85 * float(np.clip(state.receptor_activity, 0, 1)))
    p.setPen(QPen(pal.membrane, 1.2))
    p.setBrush(mix(pal.cytoplasm, pal.ampa, 0.3 + 0.5 * health))
    p.drawEllipse(QPointF(BOUTON[0], SPINE_TOP), 4.5 + 2.5 * health, 3 + 0.8 * health)
    p.drawLine(QPointF(BOUTON[0], SPINE_TOP + 3), QPointF(BOUTON[0], DENDRITE_Y - 5))
    if detail > 0.01:
        p.setOpacity(detail)
        draw_moving(p, pal, family, state, phase, firing)
        p.setOpacity(1.0)


def draw_moving(p: QPainter, pal: Palette, family: str, state, phase: float, firing: float) -> None:
    """Spines, impulses along the axons and the drug's particles."""
    for k, points in enumerate(INPUTS[family]):
        impulses(p, axon_path(points), pal.glutamate, 2, phase + 1.7 * k, 0.22, 3.5)
    draw_spines(p, pal, RECEIVER_SPINES, state.spine_density)
    if family == "ketamine":
        quiet = float(np.clip(state.interneuron_activity, 0, 1)) ** 2
        impulses(p, axon_path(BASKET_AXON), pal.gaba, round(3 * quiet), phase, 0.35, 3.5)
        draw_ketamine(p, pal, state.plasma_ng_per_ml, phase)
        draw_spines(p, pal, APICAL_SPINES, state.spine_density)
        impulses(p, axon_path(SENDER_AXON), pal.glutamate, 1 + round(5 * firing), phase, 0.3, 5.0)
    else:
        draw_serotonin(p, pal, state, phase)
        impulses(p, axon_path(SEROTONIN_AXON), pal.serotonin, 1 + round(5 * firing), phase, 0.3, 5.0)


def draw_serotonin(p: QPainter, pal: Palette, state, phase: float) -> None:
    """Serotonin around the terminal as it rises, and SSRI as it occupies the pumps."""
    rise = float(np.clip(state.serotonin_rise, 0, 1))
    glow(p, pal.serotonin, BOUTON, 44, 30, 0.2 + 0.6 * rise)
    p.setPen(NO_PEN)
    p.setBrush(pal.serotonin)
    for k in range(2 + round(12 * rise)):
        a = k * 2.399 + phase * 0.3
        r = 22 + 10 * ((k * 5) % 7) / 7
        x, y = BOUTON[0] + math.cos(a) * r * 1.3, BOUTON[1] + 8 + math.sin(a) * r * 0.7
        p.drawPolygon([QPointF(x, y - 4), QPointF(x + 4, y + 3), QPointF(x - 4, y + 3)])
    p.setBrush(pal.ssri)
    for k in range(round(6 * float(np.clip(state.sert_occupancy, 0, 1)))):
        a = k * 1.9 + phase * 0.2 + 1.0
        x, y = BOUTON[0] + math.cos(a) * 34, BOUTON[1] - 6 + math.sin(a) * 22
        p.drawRect(QRectF(x - 3.5, y - 3.5, 7, 7))


def draw_ketamine(p: QPainter, pal: Palette, plasma: float, phase: float) -> None:
    """A few ketamine diamonds drifting around the bouncer, as many as the blood carries."""
    n = int(min(14, plasma / 12))
    p.setPen(QPen(pal.ketamine.darker(160), 1.0))
    p.setBrush(pal.ketamine)
    for k in range(n):
        a = k * 2.399 + phase * 0.25
        r = BOUNCER_R * (1.7 + 0.6 * ((k * 7) % 5) / 5)
        x, y = BOUNCER_C[0] + math.cos(a) * r, BOUNCER_C[1] + math.sin(a) * r * 0.8
        p.drawPolygon([QPointF(x, y - 8), QPointF(x + 6, y), QPointF(x, y + 8), QPointF(x - 6, y)])


def labels(family: str, state) -> list[tuple]:
    """(label id, anchor, box top-left) of the circuit's labels."""
    spot = (SPOT[0] + SPOT[2] / 2, SPOT[1] + SPOT[3])
    if family == "ketamine":
        nmda = math.radians(NMDA_ANGLES[3])
        return [("bouncer", (BOUNCER_C[0] - 14, BOUNCER_C[1] - 12), (60.0, 300.0)),
                ("nmda", (BOUNCER_C[0] + BOUNCER_R * math.cos(nmda), BOUNCER_C[1] + BOUNCER_R * math.sin(nmda)),
                 (150.0, 720.0)),
                ("pyramidal", (PYRAMID_C[0] + 16, PYRAMID_C[1] - 4), (830.0, 380.0)),
                ("inputs", (150.0, 150.0), (60.0, 60.0)),
                ("receiver", (RECEIVER_C[0], RECEIVER_C[1]), (1060.0, 300.0)),
                ("zoom_synapse", spot, (930.0, 790.0))]
    return [("raphe_neuron", (RAPHE_C[0], RAPHE_C[1] + 20), (150.0, 700.0)),
            ("brake", (RAPHE_C[0] + RAPHE_R * math.cos(math.radians(BRAKE_ANGLES[0])),
                       RAPHE_C[1] + RAPHE_R * math.sin(math.radians(BRAKE_ANGLES[0]))), (60.0, 150.0)),
            ("target", (TARGET_C[0], TARGET_C[1]), (960.0, 300.0)),
            ("zoom_synapse", spot, (930.0, 790.0))]


def paint(p: QPainter, family: str, state, phase: float, width: int, height: int, style: Style,
          zoom: QTransform | None = None, words: float = 1.0) -> None:
    """The circuit into a painter (picture.paint_picture: whole from the cache, or through `zoom`;
    words at opacity `words`)."""
    paint_picture(p, draw_static, draw_live, SPOT, labels(family, state), "circuit_note", family, state, phase,
                  width, height, style, zoom, words)


def render(family: str, state, phase: float, width: int, height: int, style: Style = Style()) -> QImage:
    """The whole circuit picture at one state as a width x height image."""
    return render_picture(paint, family, state, phase, width, height, style)
