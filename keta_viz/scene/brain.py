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
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QPainterPath, QPen, QRadialGradient, QTransform

from ..content import load_content
from ..model.constants import GLUTAMATE_BASE
from .palette import Palette, palette
from .picture import (alpha, canvas_transform, draw_labels, draw_note, draw_spot, fill_background, glow,
                      smooth_path)
from .shapes import NO_PEN, mix, spine_health
from .synapse import Style

PFC_C = (395.0, 330.0)
HIPPO_C = (850.0, 545.0)
RAPHE_C = (905.0, 640.0)
# The 16:9 box each family's circuit grows out of: in medial PFC (ketamine), at the raphe (ssri).
SPOT = {"ketamine": (352.0, 300.0, 112.0, 63.0), "ssri": (868.0, 608.0, 80.0, 45.0)}

CEREBRUM = [(262, 420), (268, 330), (310, 240), (385, 170), (490, 120), (620, 92), (760, 84), (900, 96),
            (1030, 132), (1145, 192), (1240, 275), (1300, 370), (1318, 450), (1296, 520), (1236, 562),
            (1140, 580), (1020, 600), (900, 622), (770, 628), (660, 610), (600, 578), (590, 540),
            (560, 520), (470, 522), (380, 512), (305, 480)]
CEREBELLUM = [(980, 640), (1040, 600), (1140, 588), (1236, 604), (1290, 650), (1280, 712), (1210, 752),
              (1110, 762), (1025, 735), (985, 690)]
BRAINSTEM = [(842, 585), (905, 575), (962, 600), (982, 660), (968, 735), (950, 800), (944, 870),
             (892, 872), (888, 800), (862, 735), (836, 672)]
# Sulci (open curves): the lateral and central sulci first, then the smaller furrows.
SULCI = [
    ([(596, 548), (680, 512), (780, 470), (880, 438), (975, 420), (1040, 400)], 4.5),  # lateral
    ([(790, 90), (770, 160), (790, 215), (752, 290), (770, 350), (730, 428)], 4.0),  # central
    ([(690, 100), (672, 170), (690, 232), (650, 310), (664, 372), (628, 450)], 3.0),  # precentral
    ([(880, 104), (862, 178), (880, 240), (846, 320), (858, 392)], 3.0),  # postcentral
    ([(330, 300), (420, 262), (520, 250), (612, 218)], 2.6),  # superior frontal
    ([(318, 390), (410, 372), (500, 390), (600, 360), (640, 330)], 2.6),  # inferior frontal
    ([(410, 470), (470, 452), (540, 470)], 2.0),
    ([(890, 290), (980, 262), (1060, 290), (1150, 262), (1230, 300)], 2.6),  # intraparietal
    ([(1160, 330), (1210, 380), (1270, 400)], 2.2),
    ([(1100, 460), (1180, 470), (1260, 500)], 2.2),
    ([(660, 570), (760, 540), (860, 520), (960, 500), (1060, 490)], 2.6),  # superior temporal
    ([(720, 605), (820, 588), (930, 580), (1030, 560)], 2.0),  # inferior temporal
    ([(1000, 150), (980, 210), (1010, 240)], 2.0),
    ([(540, 120), (560, 160), (540, 200)], 2.0),
]
FOLIA = [[(1000 + 14 * k, 620 + 6 * k), (1100, 600 + 22 * k), (1200, 608 + 22 * k), (1262 - 6 * k, 640 + 20 * k)]
         for k in range(1, 6)]
HIPPOCAMPUS = [(760, 575), (790, 548), (840, 532), (900, 520), (950, 504), (985, 478), (1000, 458),
               (1012, 470), (1000, 500), (960, 532), (905, 552), (850, 566), (800, 584), (770, 590)]
# The PFC's small web of connections: nodes, and each link with the spine health it needs.
WEB_NODES = [(300, 300), (340, 250), (400, 215), (460, 240), (430, 300), (360, 340), (310, 390),
             (380, 400), (450, 360), (500, 310), (520, 420), (440, 450)]
WEB_LINKS = [((0, 1), 0.0), ((1, 2), 0.1), ((2, 3), 0.0), ((3, 4), 0.3), ((4, 5), 0.05), ((5, 6), 0.5),
             ((6, 7), 0.2), ((7, 8), 0.6), ((8, 9), 0.15), ((9, 3), 0.7), ((4, 8), 0.4), ((7, 11), 0.8),
             ((11, 10), 0.25), ((10, 8), 0.9), ((0, 5), 0.55), ((1, 4), 0.85), ((5, 7), 0.35), ((2, 9), 0.95)]
# Serotonin pathways from the raphe: to the prefrontal cortex, the cortex above, the hippocampus.
PATHWAYS = [
    [RAPHE_C, (860, 560), (760, 470), (600, 400), (470, 340), (400, 320)],
    [RAPHE_C, (880, 540), (850, 380), (820, 240), (780, 140)],
    [RAPHE_C, (930, 580), (1050, 430), (1150, 300), (1220, 250)],
    [RAPHE_C, (880, 600), (850, 575), (860, 552)],
]


def brain_path() -> QPainterPath:
    """Cerebrum, cerebellum and brainstem as one fused silhouette."""
    out = smooth_path(BRAINSTEM)
    out.addPath(smooth_path(CEREBELLUM))
    out.addPath(smooth_path(CEREBRUM))
    out.setFillRule(Qt.FillRule.WindingFill)
    return out


def draw_static(p: QPainter, pal: Palette, family: str) -> None:
    """The brain itself: lobes shaded, furrows, the hippocampus seen through, the spot box."""
    edge = QPen(pal.membrane, 4.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    dim = mix(pal.cytoplasm, pal.background_bottom, 0.25)
    for outline, fill in ((BRAINSTEM, dim), (CEREBELLUM, dim), (CEREBRUM, pal.cytoplasm)):
        path = smooth_path(outline)
        rect = path.boundingRect()
        g = QRadialGradient(rect.center() - QPointF(rect.width() * 0.18, rect.height() * 0.25),
                            max(rect.width(), rect.height()) * 0.75)
        g.setColorAt(0.0, mix(fill, pal.membrane, 0.16))
        g.setColorAt(1.0, fill)
        p.setPen(edge)
        p.setBrush(QBrush(g))
        p.drawPath(path)
    furrow = mix(pal.cytoplasm, pal.membrane, 0.42)
    for points, width in SULCI:
        p.setPen(QPen(furrow, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(smooth_path(points, closed=False))
    p.setPen(QPen(mix(dim, pal.membrane, 0.35), 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for points in FOLIA:
        p.drawPath(smooth_path(points, closed=False))
    # the hippocampus lies deep in the temporal lobe: drawn as seen through it
    hippo = smooth_path(HIPPOCAMPUS)
    p.setPen(QPen(alpha(pal.membrane, 0.8), 2.4, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
    p.setBrush(alpha(pal.background_bottom, 0.35))
    p.drawPath(hippo)
    if family == "ssri":
        p.setPen(QPen(alpha(pal.serotonin, 0.45), 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for points in PATHWAYS:
            p.drawPath(smooth_path(points, closed=False))


def draw_live(p: QPainter, pal: Palette, family: str, state, phase: float) -> None:
    """What the state lights: region glows, the PFC's web, serotonin travelling (canvas coords)."""
    health = spine_health(state.spine_density)
    if family == "ketamine":
        surge = float(np.clip((state.glutamate - GLUTAMATE_BASE) / (1 - GLUTAMATE_BASE), 0, 1))
        activity = max(surge, float(np.clip(state.receptor_activity, 0, 1)))
        glow(p, pal.glutamate, PFC_C, 190, 150, 0.25 + 0.75 * activity)
        glow(p, pal.ampa, HIPPO_C, 150, 70, 0.2 + 0.5 * health)
        draw_web(p, pal, health, activity)
    else:
        rise = float(np.clip(state.serotonin_rise, 0, 1))
        glow(p, pal.serotonin, PFC_C, 170, 140, 0.2 + 0.6 * rise)
        glow(p, pal.serotonin, HIPPO_C, 150, 70, 0.2 + 0.6 * rise)
        glow(p, pal.ampa, HIPPO_C, 110, 50, 0.6 * health)
        firing = float(np.clip(state.raphe_firing, 0, 1))
        glow(p, pal.brake, RAPHE_C, 60, 50, 0.8 * float(np.clip(state.autoreceptor_brake, 0, 1)))
        glow(p, pal.serotonin, RAPHE_C, 44, 36, 0.3 + 0.7 * firing)
        p.setPen(NO_PEN)
        for k, (dx, dy) in enumerate(((-10, -24), (6, -8), (-6, 10), (8, 26))):
            p.setBrush(mix(pal.cytoplasm, pal.serotonin, 0.5 + 0.5 * firing))
            p.drawEllipse(QPointF(RAPHE_C[0] + dx, RAPHE_C[1] + dy), 7, 7)
        draw_serotonin_flow(p, pal, firing, phase)


def draw_web(p: QPainter, pal: Palette, health: float, activity: float) -> None:
    """The PFC's connections: a link shows once spine health passes what it needs."""
    for (a, b), need in WEB_LINKS:
        grown = float(np.clip((health - need) / 0.1 + (need == 0.0), 0, 1))
        if grown <= 0:
            continue
        p.setPen(QPen(alpha(pal.ampa, 0.9 * grown), 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(*WEB_NODES[a]), QPointF(*WEB_NODES[b]))
    p.setPen(QPen(pal.membrane, 1.5))
    p.setBrush(mix(pal.cytoplasm, pal.glutamate, 0.4 + 0.6 * activity))
    for x, y in WEB_NODES:
        p.drawEllipse(QPointF(x, y), 6.5, 6.5)


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
    out = [("pfc", PFC_C, (150.0, 110.0)), ("hippocampus", (930.0, 500.0), (1180.0, 780.0))]
    if family == "ssri":
        out += [("raphe", (915.0, 660.0), (1000.0, 820.0)), ("serotonin_paths", (1160.0, 292.0), (1250.0, 170.0))]
    elif spine_health(state.spine_density) > 0.3:
        out.append(("reconnecting", WEB_NODES[10], (250.0, 620.0)))
    return out


@lru_cache(maxsize=8)
def static_image(family: str, width: int, height: int, pal_name: str) -> QImage:
    """The background and the brain, which never change (cached per size, palette, family)."""
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
    """The brain into a painter over a width x height device: from the cache when whole
    (`zoom` None), else drawn through `zoom` (canvas to canvas); words (labels, note) at
    opacity `words`."""
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
    draw_spot(p, pal, SPOT[family], words)
    p.restore()
    draw_labels(p, pal, labels(family, state), style, width, height, view, words)
    draw_note(p, pal, load_content(style.lang).label("illustrative", style.labels), width, height, style, words)


def render(family: str, state, phase: float, width: int, height: int, style: Style = Style()) -> QImage:
    """The whole brain picture at one state as a width x height image."""
    img = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    paint(p, family, state, phase, width, height, style)
    p.end()
    return img
