"""The brain scale: a side view of a human brain (facing left) with the prefrontal cortex and
the hippocampus marked; for the SSRI also the raphe nuclei in the brainstem and their serotonin
pathways.  Illustrative: the regions glow with the model's state, not with a scan.

ketamine: the PFC lights with the glutamate surge and the receivers' activity; its small web of
connections fills in as spines regrow (animal data).  ssri: the raphe nuclei fire as the brake
allows, serotonin travels to cortex and hippocampus and they light as it rises.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QPainterPath, QPen, QRadialGradient, QTransform

from ..model.constants import GLUTAMATE_BASE
from .circuit import braking
from .neurite import centreline
from .palette import Palette
from .picture import alpha, glow, paint_picture, render_picture, smooth_path
from .shapes import NO_PEN, mix, spine_health
from .synapse import Style

PFC_C = (420.0, 300.0)
HIPPO_C = (860.0, 570.0)
RAPHE_C = (912.0, 694.0)
# The 16:9 box each family's circuit grows out of: in medial PFC (ketamine), at the raphe (ssri).
SPOT = {"ketamine": (364.0, 268.0, 112.0, 63.0), "ssri": (872.0, 671.5, 80.0, 45.0)}

CEREBRUM = ((290, 396), (300, 318), (334, 240), (392, 176), (470, 128), (566, 98), (672, 84), (784, 82),
            (896, 94), (1002, 122), (1098, 166), (1182, 226), (1248, 300), (1290, 380), (1306, 452),
            (1292, 512), (1250, 552), (1170, 574), (1066, 596), (960, 618), (856, 636), (760, 642), (680, 628),
            (622, 602), (588, 566), (578, 530), (582, 500), (560, 478), (500, 468), (420, 458), (352, 442),
            (312, 426))
CEREBELLUM = ((990, 640), (1030, 585), (1120, 560), (1220, 565), (1285, 600), (1300, 650), (1262, 705),
              (1180, 735), (1080, 730), (1010, 695))
BRAINSTEM = ((862, 600), (965, 596), (978, 650), (970, 720), (952, 780), (946, 860), (944, 912), (896, 912),
             (894, 840), (878, 780), (850, 720), (842, 660))
PFC_EDGE = [(574, 86), (592, 200), (560, 330), (546, 420), (540, 472)]  # its border with the motor areas
# Furrows (open curves, width, waviness): the lateral and central sulci first, then smaller ones.
SULCI = [
    ([(590, 494), (700, 476), (810, 454), (900, 434), (972, 416), (1010, 384)], 6.0, 0.0),  # lateral
    ([(806, 84), (790, 170), (770, 260), (742, 350), (716, 440)], 5.0, 7.0),  # central
    ([(706, 90), (690, 170), (668, 260), (640, 350), (622, 440)], 4.0, 6.0),  # precentral
    ([(902, 98), (886, 180), (864, 270), (840, 350), (822, 418)], 4.0, 6.0),  # postcentral
    ([(684, 170), (600, 180), (510, 190), (420, 222), (350, 262)], 3.6, 7.0),  # superior frontal
    ([(654, 300), (570, 316), (480, 334), (390, 360), (318, 392)], 3.6, 7.0),  # inferior frontal
    ([(884, 210), (980, 226), (1070, 262), (1160, 310), (1236, 366)], 3.6, 7.0),  # intraparietal
    ([(1024, 136), (1010, 186), (1030, 226)], 2.8, 3.0),
    ([(1140, 360), (1190, 410), (1250, 430), (1290, 440)], 2.8, 4.0),  # lateral occipital
    ([(1092, 450), (1150, 478), (1220, 500)], 2.6, 3.0),
    ([(668, 568), (770, 538), (870, 512), (968, 484), (1050, 446), (1100, 400)], 3.6, 6.0),  # superior temporal
    ([(720, 612), (820, 590), (930, 574), (1040, 548), (1130, 520)], 3.0, 6.0),  # inferior temporal
    ([(520, 112), (540, 150), (522, 180)], 2.6, 2.0),
    ([(330, 330), (380, 300), (420, 290)], 2.4, 2.0),
    ([(400, 450), (470, 438), (530, 450)], 2.6, 3.0),
    ([(980, 320), (1010, 360), (1000, 400)], 2.6, 3.0),
]
HIPPOCAMPUS = ((684, 592), (704, 570), (760, 560), (830, 552), (900, 540), (960, 520), (1000, 496), (1018, 470),
               (1034, 478), (1022, 512), (982, 548), (912, 572), (842, 584), (772, 598), (712, 608))
# The PFC's small web of connections: nodes, and each link with the spine health it needs.
WEB_NODES = [(330, 300), (372, 238), (440, 196), (506, 226), (470, 288), (396, 330), (344, 392),
             (416, 402), (486, 360), (534, 300), (520, 444), (452, 462)]
WEB_LINKS = [((0, 1), 0.0), ((1, 2), 0.1), ((2, 3), 0.0), ((3, 4), 0.3), ((4, 5), 0.05), ((5, 6), 0.5),
             ((6, 7), 0.2), ((7, 8), 0.6), ((8, 9), 0.15), ((9, 3), 0.7), ((4, 8), 0.4), ((7, 11), 0.8),
             ((11, 10), 0.25), ((10, 8), 0.9), ((0, 5), 0.55), ((1, 4), 0.85), ((5, 7), 0.35), ((2, 9), 0.95)]
# Serotonin pathways from the raphe: to the prefrontal cortex, the cortex above and behind, the hippocampus.
PATHWAYS = [
    [RAPHE_C, (890, 620), (780, 530), (640, 440), (500, 360), (420, 318)],
    [RAPHE_C, (900, 600), (870, 430), (780, 262), (660, 170)],
    [RAPHE_C, (930, 610), (1040, 430), (1140, 310), (1220, 262)],
    [RAPHE_C, (900, 650), (870, 620), (840, 590)],
]


@lru_cache(maxsize=2)
def furrows() -> tuple[tuple[QPainterPath, float], ...]:
    """Every sulcus as a path, with its width (cached)."""
    return tuple((furrow(points, waviness, k), width) for k, (points, width, waviness) in enumerate(SULCI))


@lru_cache(maxsize=8)
def outline(points: tuple) -> QPainterPath:
    """A closed smooth outline through points (cached)."""
    return smooth_path(list(points))


def furrow(points, waviness: float, seed: int) -> QPainterPath:
    """A sulcus: a smooth curve through points, gently wavy like a real furrow."""
    line = centreline(points, 48)
    if waviness:
        d = np.gradient(line, axis=0)
        n = np.column_stack([-d[:, 1], d[:, 0]]) / np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)[:, None]
        t = np.linspace(0, 1, len(line))
        waves = 1.0 + len(points) * 0.45
        line = line + n * (0.6 * waviness * np.sin(2 * np.pi * waves * t + seed) * np.sin(np.pi * t))[:, None]
    path = QPainterPath(QPointF(*line[0]))
    for x, y in line[1:]:
        path.lineTo(x, y)
    return path


@lru_cache(maxsize=2)
def pfc_region() -> QPainterPath:
    """The prefrontal cortex: the cerebrum in front of PFC_EDGE."""
    front = QPainterPath(QPointF(0, 0))
    for x, y in PFC_EDGE:
        front.lineTo(x, y)
    front.lineTo(0, 900)
    front.closeSubpath()
    return outline(CEREBRUM).intersected(front)


def draw_static(p: QPainter, pal: Palette, family: str, thin: float = 1.0) -> None:
    """The brain itself: shaded lobes, furrows, the hippocampus seen through, the PFC's border;
    lines `thin` times as wide (a zoom keeps them from swelling)."""
    edge = QPen(pal.membrane, 3.5 * thin, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    groove, ridge = pal.cytoplasm.darker(145), pal.cytoplasm.lighter(118)
    if pal.cytoplasm.lightness() < 48:  # tissue near black (a high-contrast palette): furrows drawn lighter
        groove, ridge = mix(pal.cytoplasm, pal.membrane, 0.38), pal.cytoplasm
    p.setPen(NO_PEN)
    p.setBrush(alpha(pal.background_bottom.darker(130), 0.55))
    for shape in (BRAINSTEM, CEREBELLUM, CEREBRUM):
        p.drawPath(outline(shape).translated(10, 14))
    for shape, fill in ((BRAINSTEM, pal.cytoplasm.darker(112)), (CEREBELLUM, pal.cytoplasm.darker(106)),
                        (CEREBRUM, pal.cytoplasm)):
        path = outline(shape)
        rect = path.boundingRect()
        g = QRadialGradient(rect.center() - QPointF(rect.width() * 0.2, rect.height() * 0.3),
                            max(rect.width(), rect.height()) * 0.8)
        g.setColorAt(0.0, fill.lighter(122))
        g.setColorAt(1.0, fill.darker(112))
        p.setPen(edge)
        p.setBrush(QBrush(g))
        p.drawPath(path)
        if shape is CEREBELLUM:
            draw_folia(p, path, groove, thin)
    for path, width in furrows():
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(ridge, width * 0.45 * thin, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        p.drawPath(path.translated(1.5 * thin, 2.5 * thin))
        p.setPen(QPen(groove, width * thin, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        p.drawPath(path)
    dotted = QPen(alpha(pal.ink, 0.55), 2.2 * thin, Qt.PenStyle.DotLine, Qt.PenCapStyle.RoundCap)
    p.setPen(dotted)
    p.drawPath(smooth_path(PFC_EDGE, closed=False))
    # the hippocampus lies deep in the temporal lobe: drawn as seen through it
    p.setPen(QPen(alpha(pal.ink, 0.7), 2.2 * thin, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
    p.setBrush(alpha(pal.background_bottom, 0.3))
    p.drawPath(outline(HIPPOCAMPUS))
    if family == "ssri":
        p.setPen(QPen(alpha(pal.serotonin, 0.5), 3.0 * thin, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for path in _pathway_paths():
            p.drawPath(path)


def draw_folia(p: QPainter, outline: QPainterPath, colour, thin: float) -> None:
    """The cerebellum's fine folds: near-parallel curves, inside its outline."""
    p.save()
    p.setClipPath(outline, Qt.ClipOperation.IntersectClip)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(colour, 2.0 * thin, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for k in range(9):
        y = 584 + 17 * k
        p.drawPath(smooth_path([(975, y + 22 - 1.5 * k), (1060, y + 8 + k), (1150, y + 6 + 1.6 * k),
                                (1240, y - 2 + k), (1320, y - 22)], closed=False))
    p.restore()


def draw_live(p: QPainter, pal: Palette, family: str, state, phase: float, detail: float = 1.0) -> None:
    """What the state lights: region glows, the PFC's web, serotonin travelling (canvas coords);
    the small things (web, raphe cells, serotonin) at opacity `detail`, as a zoom leaves them."""
    health = spine_health(state.spine_density)
    if family == "ketamine":
        surge = float(np.clip((state.glutamate - GLUTAMATE_BASE) / (1 - GLUTAMATE_BASE), 0, 1))
        activity = max(surge, float(np.clip(state.receptor_activity, 0, 1)))
        light_region(p, pfc_region(), pal.glutamate, PFC_C, 0.2 + 0.8 * activity)
        light_region(p, outline(HIPPOCAMPUS), pal.ampa, HIPPO_C, 0.25 + 0.75 * health)
        if detail > 0.01:
            p.setOpacity(detail)
            draw_web(p, pal, health, activity)
        return
    rise = float(np.clip(state.serotonin_rise, 0, 1))
    light_region(p, pfc_region(), pal.serotonin, PFC_C, 0.2 + 0.8 * rise)
    light_region(p, outline(HIPPOCAMPUS), pal.serotonin, HIPPO_C, 0.25 + 0.75 * rise)
    firing = float(np.clip(state.raphe_firing, 0, 1))
    glow(p, pal.brake, RAPHE_C, 70, 60, 0.8 * braking(state))
    glow(p, pal.serotonin, RAPHE_C, 44, 40, 0.3 + 0.7 * firing)
    if detail <= 0.01:
        return
    p.setOpacity(detail)
    p.setPen(QPen(pal.membrane, 1.2))
    p.setBrush(mix(pal.cytoplasm, pal.serotonin, 0.45 + 0.55 * firing))
    for dy in (-16, -5, 6, 17):
        p.drawEllipse(QPointF(RAPHE_C[0] + (dy % 3) - 1, RAPHE_C[1] + dy), 4.5, 4.5)
    draw_serotonin_flow(p, pal, firing, phase)


def region_brush(region: QPainterPath, colour, centre, strength: float) -> QBrush:
    """A region's light (strength 0-1): its tint, and its glow as glow() draws it, in one brush --
    one colour over itself at alphas a and g is that colour at a + g(1 - a), linear in g, so a
    gradient with those stops."""
    tint = 0.06 + 0.22 * strength
    if strength <= 0.01:
        return QBrush(alpha(colour, tint))
    rect = region.boundingRect()
    rx, ry = rect.width() * 0.55, rect.height() * 0.55
    g = QRadialGradient(0, 0, rx)
    for at, a in ((0.0, 0.75), (0.5, 0.35), (1.0, 0.0)):
        g.setColorAt(at, alpha(colour, tint + a * strength * (1.0 - tint)))
    brush = QBrush(g)
    brush.setTransform(QTransform(1.0, 0, 0, ry / rx, *centre))
    return brush


def light_region(p: QPainter, region: QPainterPath, colour, centre, strength: float) -> None:
    """A region tinted and glowing inside its outline (strength 0-1); when a zoom has the whole
    frame inside it, the frame is filled: the same pixels without tracing the outline."""
    brush = region_brush(region, colour, centre, strength)
    shown = p.transform().inverted()[0].mapRect(QRectF(p.viewport()))
    if region.contains(shown):
        p.fillRect(shown, brush)
    else:
        p.fillPath(region, brush)


def draw_web(p: QPainter, pal: Palette, health: float, activity: float) -> None:
    """The PFC's connections: a link shows once spine health passes what it needs."""
    for (a, b), need in WEB_LINKS:
        grown = float(np.clip((health - need) / 0.1 + (need == 0.0), 0, 1))
        if grown <= 0:
            continue
        p.setPen(QPen(alpha(pal.ampa, 0.85 * grown), 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(*WEB_NODES[a]), QPointF(*WEB_NODES[b]))
    p.setPen(QPen(pal.membrane, 1.2))
    p.setBrush(mix(pal.cytoplasm, pal.glutamate, 0.35 + 0.65 * activity))
    for x, y in WEB_NODES:
        p.drawEllipse(QPointF(x, y), 5.0, 5.0)


@lru_cache(maxsize=4)
def _pathway_paths() -> tuple[QPainterPath, ...]:
    return tuple(smooth_path(points, closed=False) for points in PATHWAYS)


def draw_serotonin_flow(p: QPainter, pal: Palette, firing: float, phase: float) -> None:
    """Serotonin travelling out along the pathways, as much as the raphe fires."""
    n = round(3 + 9 * firing)
    p.setPen(NO_PEN)
    p.setBrush(pal.serotonin)
    for i, path in enumerate(_pathway_paths()):
        for k in range(n):
            at = (phase * 0.12 + k / n + i * 0.13) % 1.0
            pt = path.pointAtPercent(at)
            r = 5.0
            p.drawPolygon([QPointF(pt.x(), pt.y() - r), QPointF(pt.x() + r, pt.y() + r * 0.7),
                           QPointF(pt.x() - r, pt.y() + r * 0.7)])


def labels(family: str, state) -> list[tuple]:
    """(label id, anchor, box top-left) of the brain's labels at this state."""
    out = [("pfc", (380.0, 200.0), (130.0, 70.0)), ("hippocampus", (730.0, 592.0), (470.0, 730.0))]
    if family == "ssri":
        out += [("raphe", (RAPHE_C[0] + 6, RAPHE_C[1] + 20), (1010.0, 850.0)),
                ("serotonin_paths", (1140.0, 300.0), (1250.0, 150.0))]
    else:
        x, y, w, _ = SPOT["ketamine"]
        out.append(("zoom_circuit", (x + w, y), (500.0, 18.0)))
        if spine_health(state.spine_density) > 0.3:
            out.append(("reconnecting", WEB_NODES[6], (90.0, 540.0)))
    return out


def paint(p: QPainter, family: str, state, phase: float, width: int, height: int, style: Style,
          zoom: QTransform | None = None, words: float = 1.0) -> None:
    """The brain into a painter (picture.paint_picture: whole from the cache, or through `zoom`;
    words at opacity `words`)."""
    paint_picture(p, draw_static, draw_live, SPOT[family], labels(family, state), "illustrative", family, state, phase,
                  width, height, style, zoom, words)


def render(family: str, state, phase: float, width: int, height: int, style: Style = Style()) -> QImage:
    """The whole brain picture at one state as a width x height image."""
    return render_picture(paint, family, state, phase, width, height, style)
