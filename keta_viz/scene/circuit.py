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

from ..content import load_content
from ..model.constants import GLUTAMATE_BASE
from .palette import Palette, palette
from .picture import (alpha, canvas_transform, draw_labels, draw_note, draw_spot, fill_background, glow,
                      impulses, smooth_path)
from .shapes import NO_PEN, draw_outlined, mix, spine_health, tapered
from .synapse import Style

# The 16:9 box the synapse grows out of; the synapse canvas shrunk into it puts its terminal
# on the sender's bouton and its dendrite on the receiving dendrite drawn here.
SPOT = (1010.0, 618.0, 176.0, 99.0)
_K = SPOT[2] / 1600.0
BOUTON = (SPOT[0] + 660 * _K, SPOT[1] + 285 * _K)
DENDRITE_Y = SPOT[1] + 740 * _K
SPINE_TOP = SPOT[1] + 505 * _K

PYRAMID_C = (700.0, 450.0)  # ketamine: the pyramidal neuron (the sender)
BOUNCER_C = (330.0, 520.0)
BOUNCER_R = 44.0
RAPHE_C = (300.0, 640.0)  # ssri: the serotonin neuron
RAPHE_R = 50.0
TARGET_C = (1330.0, 430.0)
NMDA_ANGLES = (-60.0, -20.0, 20.0, 60.0, 150.0, 200.0)
BRAKE_ANGLES = (-120.0, -70.0, 200.0, 250.0)
BASKET = ((660.0, 470.0), (690.0, 500.0), (735.0, 492.0), (668.0, 432.0))  # bouncer boutons on the soma

SENDER_AXON = [(700, 505), (704, 560), (740, 606), (860, 616), (1000, 600), (BOUTON[0] - 8, BOUTON[1] - 60),
               (BOUTON[0], BOUTON[1] - 8)]
SEROTONIN_AXON = [(340, 600), (470, 520), (650, 500), (820, 540), (960, 560), (BOUTON[0] - 10, BOUTON[1] - 70),
                  (BOUTON[0], BOUTON[1] - 8)]
INPUTS = {
    "ketamine": [[(-20, 300), (120, 330), (230, 420), (282, 470)],
                 [(-20, 780), (120, 740), (240, 640), (300, 570)],
                 [(-20, 140), (240, 160), (480, 210), (690, 232)]],
    "ssri": [[(-20, 470), (120, 520), (230, 600), (254, 616)]],
}
# Spine sites along the dendrites: (x, y, direction in degrees, spine density each needs)
_rng = np.random.default_rng(19)
APICAL_SPINES = [(PYRAMID_C[0] + (-9 if k % 2 else 9), 110 + 26 * k, 180 if k % 2 else 0, n)
                 for k, n in enumerate(_rng.uniform(0.72, 0.98, 11))]
RECEIVER_SPINES = [(x, DENDRITE_Y - 6, -90, n) for x, n in zip(range(880, 1400, 38), _rng.uniform(0.72, 0.98, 14))
                   if abs(x - BOUTON[0]) > 30]


def pyramid_path(c: tuple[float, float], size: float, apical_top: float) -> QPainterPath:
    """A pyramidal neuron: triangular soma, apical dendrite with its tuft, basal dendrites."""
    x, y = c
    path = smooth_path([(x, y - size * 0.95), (x + size * 0.55, y + size * 0.45), (x + size * 0.2, y + size * 0.62),
                        (x - size * 0.2, y + size * 0.62), (x - size * 0.55, y + size * 0.45)], tension=0.7)
    path.addPath(tapered(x, y - size * 0.6, x, apical_top, size * 0.34, 6))
    for dx, top, w in ((-120, apical_top + 10, 8), (110, apical_top + 30, 8), (-70, y - 170, 9), (80, y - 220, 9)):
        base_y = top + 120 if top < y - 200 else top + 90
        path.addPath(tapered(x, base_y, x + dx, top, w, 3))
    for dx, dy in ((-130, 120), (-60, 170), (120, 110), (50, 175)):
        path.addPath(tapered(x + math.copysign(size * 0.3, dx), y + size * 0.4, x + dx, y + dy, 12, 3))
    return path


def receiver_path() -> QPainterPath:
    """The neighbouring pyramidal neuron, whose dendrite receives the synapse."""
    path = pyramid_path((1420.0, 520.0), 62.0, 40.0)
    d = QPainterPath(QPointF(1380, 560))
    d.cubicTo(QPointF(1330, 640), QPointF(1300, DENDRITE_Y - 6), QPointF(1200, DENDRITE_Y - 6))
    d.lineTo(QPointF(860, DENDRITE_Y - 4))
    d.quadTo(QPointF(852, DENDRITE_Y), QPointF(860, DENDRITE_Y + 4))
    d.lineTo(QPointF(1200, DENDRITE_Y + 6))
    d.cubicTo(QPointF(1310, DENDRITE_Y + 6), QPointF(1350, 650), QPointF(1400, 566))
    d.closeSubpath()
    path.addPath(d)
    return path


def bouncer_path(c: tuple[float, float], r: float) -> QPainterPath:
    """A multipolar interneuron: round soma and short branching dendrites."""
    x, y = c
    path = QPainterPath()
    path.addEllipse(QPointF(x, y), r, r * 0.92)
    for deg, length in ((-150, 120), (-100, 150), (-30, 110), (110, 130), (160, 140), (70, 100)):
        a = math.radians(deg)
        x1, y1 = x + math.cos(a) * (r + length), y + math.sin(a) * (r + length)
        path.addPath(tapered(x + math.cos(a) * r * 0.6, y + math.sin(a) * r * 0.6, x1, y1, 14, 3))
        b = a + 0.5
        path.addPath(tapered(x1 - math.cos(a) * 40, y1 - math.sin(a) * 40, x1 + math.cos(b) * 50,
                             y1 + math.sin(b) * 50, 6, 2))
    return path


def axon_path(points) -> QPainterPath:
    """A smooth axon through points."""
    return smooth_path(points, closed=False)


def draw_axon(p: QPainter, pal: Palette, path: QPainterPath, width: float, colour) -> None:
    """An axon as a membrane-edged tube."""
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(pal.membrane, width + 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPath(path)
    p.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPath(path)


def draw_static(p: QPainter, pal: Palette, family: str) -> None:
    """The cells, their axons, the inputs and the spot box (what never changes)."""
    dim = mix(pal.cytoplasm, pal.background_bottom, 0.35)
    draw_outlined(p, [receiver_path() if family == "ketamine" else target_path()], pal, 1.6, dim)
    for points in INPUTS[family]:
        draw_axon(p, pal, axon_path(points), 3.0, mix(pal.cytoplasm, pal.membrane, 0.3))
        end = points[-1]
        p.setPen(QPen(pal.membrane, 1.5))
        p.setBrush(mix(pal.cytoplasm, pal.glutamate, 0.5))
        p.drawEllipse(QPointF(*end), 7, 7)
    if family == "ketamine":
        draw_axon(p, pal, axon_path(SENDER_AXON), 5.0, pal.cytoplasm)
        draw_outlined(p, [pyramid_path(PYRAMID_C, 70.0, 70.0)], pal, 1.8, pal.cytoplasm)
        draw_axon(p, pal, axon_path(BASKET_AXON), 3.0, pal.cytoplasm)
        draw_outlined(p, [bouncer_path(BOUNCER_C, BOUNCER_R)], pal, 1.8, pal.cytoplasm)
    else:
        draw_axon(p, pal, axon_path(SEROTONIN_AXON), 5.0, pal.cytoplasm)
        draw_outlined(p, [bouncer_path(RAPHE_C, RAPHE_R)], pal, 1.8, pal.cytoplasm)
        # the axon is long: cortex lies far from the brainstem
        mid = axon_path(SEROTONIN_AXON).pointAtPercent(0.42)
        p.setPen(QPen(pal.ink_soft, 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for dx in (-7, 7):
            p.drawLine(QPointF(mid.x() + dx - 8, mid.y() + 14), QPointF(mid.x() + dx + 8, mid.y() - 14))
    p.setPen(QPen(pal.membrane, 2.0))
    p.setBrush(pal.cytoplasm)
    p.drawEllipse(QPointF(*BOUTON), 160 * _K, 112 * _K)


BASKET_AXON = [(BOUNCER_C[0] + BOUNCER_R, BOUNCER_C[1] - 10), (470, 500), (580, 470), BASKET[3], BASKET[0],
               BASKET[1], BASKET[2]]


def target_path() -> QPainterPath:
    """The SSRI's cortical target neuron, whose dendrite receives the serotonin synapse."""
    path = pyramid_path(TARGET_C, 70.0, 60.0)
    d = QPainterPath(QPointF(1300, 480))
    d.cubicTo(QPointF(1260, 620), QPointF(1240, DENDRITE_Y - 6), QPointF(1160, DENDRITE_Y - 6))
    d.lineTo(QPointF(820, DENDRITE_Y - 4))
    d.quadTo(QPointF(812, DENDRITE_Y), QPointF(820, DENDRITE_Y + 4))
    d.lineTo(QPointF(1160, DENDRITE_Y + 6))
    d.cubicTo(QPointF(1250, DENDRITE_Y + 6), QPointF(1290, 630), QPointF(1320, 490))
    d.closeSubpath()
    path.addPath(d)
    return path


def draw_spines(p: QPainter, pal: Palette, sites, density: float) -> None:
    """Spines along a dendrite: each present once spine density passes what it needs."""
    p.setPen(QPen(pal.membrane, 1.4))
    p.setBrush(pal.cytoplasm)
    for x, y, deg, need in sites:
        grown = float(np.clip((density - need) / 0.03, 0, 1))
        if grown <= 0:
            continue
        a = math.radians(deg)
        tip = QPointF(x + math.cos(a) * 15 * grown, y + math.sin(a) * 15 * grown)
        p.drawLine(QPointF(x, y), tip)
        p.drawEllipse(tip, 4.5 * grown, 4.5 * grown)


def draw_receptors(p: QPainter, pal: Palette, c, r: float, angles, colour, on: int, plug) -> None:
    """Receptors around a soma; the first `on` of them marked (plugged or braking)."""
    for i, deg in enumerate(angles):
        a = math.radians(deg)
        x, y = c[0] + math.cos(a) * r, c[1] + math.sin(a) * r * 0.92
        p.save()
        p.translate(x, y)
        p.rotate(deg + 90)
        p.setPen(QPen(pal.membrane.darker(140), 1.0))
        p.setBrush(colour if i < on else pal.receptor)
        p.drawRoundedRect(QRectF(-6, -7, 12, 14), 3, 3)
        if i < on and plug is not None:
            p.setBrush(plug)
            p.drawPolygon([QPointF(0, -17), QPointF(7, -8), QPointF(0, 1), QPointF(-7, -8)])
        p.restore()


def firing_level(family: str, state) -> float:
    """How hard the sending neuron fires, 0-1: the glutamate surge / the raphe's firing."""
    if family == "ssri":
        return float(np.clip(state.raphe_firing, 0, 1))
    surge = (state.glutamate - GLUTAMATE_BASE) / (1 - GLUTAMATE_BASE)
    return float(np.clip(max(surge, state.receptor_activity), 0, 1))


def draw_live(p: QPainter, pal: Palette, family: str, state, phase: float) -> None:
    """What the state moves: glows, receptors, impulses, spines, the spot's receptors (canvas)."""
    firing = firing_level(family, state)
    health = spine_health(state.spine_density)
    for points in INPUTS[family]:
        impulses(p, axon_path(points), pal.glutamate, 2, phase + len(points), 0.22, 3.5)
    if family == "ketamine":
        quiet = float(np.clip(state.interneuron_activity, 0, 1))
        glow(p, pal.gaba, BOUNCER_C, BOUNCER_R * 2.3, BOUNCER_R * 2.1, quiet ** 2)
        p.setPen(NO_PEN)
        p.setBrush(mix(pal.cytoplasm, pal.gaba, 0.7 * quiet ** 2))
        p.drawEllipse(QPointF(*BOUNCER_C), BOUNCER_R - 3, BOUNCER_R * 0.92 - 3)
        draw_receptors(p, pal, BOUNCER_C, BOUNCER_R, NMDA_ANGLES, pal.receptor,
                       round(state.nmda_block * len(NMDA_ANGLES)), pal.ketamine)
        for x, y in BASKET:
            p.setPen(QPen(pal.membrane, 1.4))
            p.setBrush(mix(pal.cytoplasm, pal.gaba, 0.2 + 0.8 * quiet))
            p.drawEllipse(QPointF(x, y), 9, 9)
        draw_ketamine(p, pal, state.plasma_ng_per_ml, phase)
        glow(p, pal.glutamate, PYRAMID_C, 110, 110, 0.15 + 0.7 * firing)
        draw_spines(p, pal, APICAL_SPINES, state.spine_density)
        draw_spines(p, pal, RECEIVER_SPINES, state.spine_density)
        axon = axon_path(SENDER_AXON)
    else:
        brake = float(np.clip(state.autoreceptor_brake, 0, 1))
        glow(p, pal.brake, RAPHE_C, RAPHE_R * 2.4, RAPHE_R * 2.2, 0.7 * brake * (1 - firing * 0.5))
        glow(p, pal.serotonin, RAPHE_C, RAPHE_R * 1.8, RAPHE_R * 1.6, firing ** 2)
        draw_receptors(p, pal, RAPHE_C, RAPHE_R, BRAKE_ANGLES, pal.brake, round(brake * len(BRAKE_ANGLES)), None)
        draw_spines(p, pal, RECEIVER_SPINES, state.spine_density)
        axon = axon_path(SEROTONIN_AXON)
        rise = float(np.clip(state.serotonin_rise, 0, 1))
        glow(p, pal.serotonin, BOUTON, 46, 30, 0.3 + 0.6 * rise)
    colour = pal.glutamate if family == "ketamine" else pal.serotonin
    impulses(p, axon, colour, 1 + round(5 * firing), phase, 0.3, 5.0)
    glow(p, pal.ampa, (BOUTON[0], SPINE_TOP + 6), 26, 16, 0.2 + 0.8 * float(np.clip(state.receptor_activity, 0, 1)))
    p.setPen(QPen(pal.membrane, 1.2))
    p.setBrush(mix(pal.cytoplasm, pal.ampa, 0.3 + 0.5 * health))
    p.drawEllipse(QPointF(BOUTON[0], SPINE_TOP + 4), 5 + 2 * health, 3.5 + health)


def draw_ketamine(p: QPainter, pal: Palette, plasma: float, phase: float) -> None:
    """A few ketamine diamonds drifting around the bouncer, as many as the blood carries."""
    n = int(min(14, plasma / 12))
    p.setPen(QPen(pal.ketamine.darker(160), 1.0))
    p.setBrush(pal.ketamine)
    for k in range(n):
        a = k * 2.399 + phase * 0.25
        r = BOUNCER_R * (1.6 + 0.5 * ((k * 7) % 5) / 5)
        x, y = BOUNCER_C[0] + math.cos(a) * r, BOUNCER_C[1] + math.sin(a) * r * 0.8
        p.drawPolygon([QPointF(x, y - 8), QPointF(x + 6, y), QPointF(x, y + 8), QPointF(x - 6, y)])


def labels(family: str, state) -> list[tuple]:
    """(label id, anchor, box top-left) of the circuit's labels."""
    spot = (SPOT[0] + SPOT[2] / 2, SPOT[1] + SPOT[3])
    if family == "ketamine":
        return [("bouncer", (BOUNCER_C[0] - 20, BOUNCER_C[1] - 30), (60.0, 330.0)),
                ("nmda", (BOUNCER_C[0] + 22, BOUNCER_C[1] + 40), (120.0, 700.0)),
                ("pyramidal", (PYRAMID_C[0] + 20, PYRAMID_C[1] - 10), (820.0, 330.0)),
                ("inputs", (200.0, 165.0), (60.0, 60.0)),
                ("receiver", (1420.0, 500.0), (1230.0, 200.0)),
                ("zoom_synapse", spot, (960.0, 790.0))]
    return [("raphe_neuron", (RAPHE_C[0], RAPHE_C[1] + 40), (120.0, 800.0)),
            ("brake", (RAPHE_C[0] - 40, RAPHE_C[1] - 40), (60.0, 420.0)),
            ("target", (TARGET_C[0], TARGET_C[1] - 10), (1200.0, 200.0)),
            ("zoom_synapse", spot, (960.0, 790.0))]


@lru_cache(maxsize=8)
def static_image(family: str, width: int, height: int, pal_name: str) -> QImage:
    """The background and the cells, which never change (cached per size, palette, family)."""
    img = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill_background(p, palette(pal_name), width, height)
    p.setTransform(canvas_transform(width, height))
    draw_static(p, palette(pal_name), family)
    p.end()
    return img


def paint(p: QPainter, family: str, state, phase: float, width: int, height: int, style: Style,
          zoom: QTransform | None = None, words: float = 1.0) -> None:
    """The circuit into a painter over a width x height device: from the cache when whole
    (`zoom` None), else drawn through `zoom` (canvas to canvas); words at opacity `words`."""
    pal = palette(style.palette)
    view = canvas_transform(width, height)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if zoom is None:
        p.drawImage(0, 0, static_image(family, width, height, pal.name))
    else:
        fill_background(p, pal, width, height)
        view = zoom * view
        p.setTransform(view)
        draw_static(p, pal, family)
    p.setTransform(view)
    draw_live(p, pal, family, state, phase)
    draw_spot(p, pal, SPOT, words)
    p.restore()
    draw_labels(p, pal, labels(family, state), style, width, height, view, words)
    draw_note(p, pal, load_content(style.lang).label("circuit_note", style.labels), width, height, style, words)


def render(family: str, state, phase: float, width: int, height: int, style: Style = Style()) -> QImage:
    """The whole circuit picture at one state as a width x height image."""
    img = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    paint(p, family, state, phase, width, height, style)
    p.end()
    return img
