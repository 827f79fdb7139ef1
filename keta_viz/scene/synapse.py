"""Draw one synapse frame: a pure function of (typed state at t, animation phase, seed, style, size).

Each part is cached on only what it draws, so a frame while the story plays is mostly copies:
a base layer (background, vessel, cells, and the dendrite with its spines, keyed on the spine
shape in sub-pixel steps), small receptor overlays keyed on what they show, what moves every
frame (the bouncer's glow, impulses down an axon), all particles in one batched call
(sprites.py), and labels with leader lines on top.  What differs between drug families lives in
scene/families/.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPoint, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter, QPen, QTransform

from ..content import load_content
from . import layout as L
from .families import SCENES
from .palette import Palette, palette
from .particles import swarm
from .shapes import (NO_PEN, VESICLES, clamp, draw_outlined, draw_vessel, ease_out, spine_health, spine_paths,
                     terminal_path, viewport)
from .sprites import Atlas, draw_fragments, fragments, make_atlas, sparse_tiles, sprite_image

FONT_FAMILIES = ["Inter", "Noto Sans", "Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans"]
# Steps the spines and receptors are drawn in: each finer than a pixel at 4K, so stepping never
# shows, while a frame whose steps did not change reuses the cached drawing.
HEALTH_STEPS = 200  # spine shape (head size moves about 0.1 px per step)
GROW_STEPS = 100  # a sprouting spine's size (< 1 px per step)
LEVEL_STEPS = 64  # receptor brightness and the brake
SPRITE_SIZE = {"glutamate": 6.0, "gaba": 10.0, "ketamine": 11.0, "bdnf": 12.0, "serotonin": 8.0, "ssri": 10.0}
SPRITE_SHAPE = {"glutamate": "dot", "gaba": "hexagon", "ketamine": "diamond", "bdnf": "star",
                "serotonin": "triangle", "ssri": "square"}
MAX_COUNT = {"glutamate": 5400, "gaba": 220, "ketamine": 420, "bdnf": 320, "serotonin": 2400, "ssri": 360}


LABEL_PX = 21.0  # picture labels on the 1600 x 900 canvas: 21 px when the frame shows it whole


@dataclass(frozen=True)
class Style:
    """How to draw: palette name, label vocabulary ('plain', 'expert' or 'none'), language, and
    the smallest label type in pixels (a floor the mode sets: desk, room, kiosk; 0 = none)."""

    palette: str = "screen"
    labels: str = "plain"
    lang: str = "en"
    label_min_px: float = 0.0


def label_pixels(width: int, height: int, min_px: float = 0.0) -> float:
    """Type size of the picture's labels in a width x height frame: they scale with the
    picture (so with the view's height once the view is wider than 16:9), never below min_px."""
    return max(LABEL_PX * viewport(width, height)[0], min_px)


def scene_font(pixel_size: float, bold: bool = False) -> QFont:
    """The UI/scene font at a pixel size."""
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    f.setPixelSize(max(6, round(pixel_size)))
    f.setBold(bold)
    return f


# ------------------------------------------------------------------------ cached layers ----

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
    draw_vessel(p, pal, -oy / s, (h - oy) / s)
    scene = SCENES[family]
    scene.draw_static(p, pal)
    draw_outlined(p, [terminal_path()], pal, 2.6, pal.cytoplasm)
    vesicle = getattr(pal, scene.VESICLE)
    fill = QColor(vesicle)
    fill.setAlpha(70)
    p.setPen(QPen(vesicle.darker(130), 2.0))
    p.setBrush(fill)
    for x, y in VESICLES:
        p.drawEllipse(QPointF(x, y), 15, 15)
    p.end()
    return img


def spine_grow(density: float) -> np.ndarray:
    """How far each spine along the shaft has sprouted (0 = a stump, 1 = full size)."""
    return ease_out((density - L.SPINE_NEED) / L.SPINE_GROW_SPAN)


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
    draw_outlined(p, spine_paths(health_step / HEALTH_STEPS, np.array(grow_steps) / GROW_STEPS),
                  pal, 2.4, pal.cytoplasm)
    p.end()
    return img


@lru_cache(maxsize=96)
def overlay(family: str, part: str, values: tuple, w: int, h: int, pal_name: str) -> tuple[QImage, QPoint]:
    """A receptor group drawn on a transparent image at its place in a w x h frame (cached)."""
    scene = SCENES[family]
    s, ox, oy = viewport(w, h)
    x0, y0, x1, y1 = scene.OVERLAY_BOX[part]
    left, top = math.floor(ox + x0 * s), math.floor(oy + y0 * s)
    img = QImage(math.ceil((x1 - x0) * s) + 2, math.ceil((y1 - y0) * s) + 2,
                 QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setTransform(QTransform(s, 0, 0, s, ox - left, oy - top))
    scene.draw_overlay(p, palette(pal_name), part, values)
    p.end()
    return img, QPoint(left, top)


# -------------------------------------------------------------------------- particles ----

@lru_cache(maxsize=8)
def particle_atlas(family: str, pal_name: str, width: int, height: int) -> Atlas:
    """The family's particle sprites at the frame's scale, in one atlas."""
    pal = palette(pal_name)
    s = viewport(width, height)[0]
    sprites = {}
    for kind in SCENES[family].KINDS + ("bdnf",):
        colour = getattr(pal, kind if kind != "bdnf" else "ampa")
        rim = colour.darker(190 if pal.name == "screen" else 150)
        sprites[kind] = sprite_image(SPRITE_SHAPE[kind], colour.rgba(), rim.rgba(), round(SPRITE_SIZE[kind] * s))
    return make_atlas(sprites)


def particle_layout(family: str, state, phase: float, seed: int) -> dict[str, tuple]:
    """Particle positions ((2, n), virtual canvas) and fades per kind -- counts from the state."""
    out = SCENES[family].particles(state, phase, seed, MAX_COUNT)
    n_b = 6 + 300 * clamp(state.bdnf)
    out["bdnf"] = swarm("bdnf", MAX_COUNT["bdnf"], seed).along(
        n_b, phase, (L.HERO_X, L.SHAFT_Y[1] - 20), (L.HERO_X, L.SHAFT_Y[0] - 70), 620, 6.0)
    return out


def count_particles(family: str, state, phase: float = 0.0, seed: int = 0) -> int:
    """How many particles a frame at this state draws."""
    return sum(xy.shape[1] for xy, _ in particle_layout(family, state, phase, seed).values())


def draw_particles(p: QPainter, family: str, state, phase: float, seed: int, pal_name: str,
                   width: int, height: int) -> None:
    """Every particle of the frame in one batched call (device coordinates, no transform)."""
    atlas = particle_atlas(family, pal_name, width, height)
    s, ox, oy = viewport(width, height)
    draw_fragments(p, fragments(particle_layout(family, state, phase, seed), atlas.rects, s, ox, oy), atlas)


# ------------------------------------------------------------------------------ labels ----

@lru_cache(maxsize=8)
def _label_sprites(family: str, vocabulary: str, lang: str, pal_name: str, width: int, height: int,
                   min_px: float = 0.0) -> tuple:
    """Each label pre-drawn as a small image, with its position (kept inside the frame when a
    floor makes it larger than the picture's scale), anchor and leader start."""
    pal = palette(pal_name)
    s, ox, oy = viewport(width, height)
    content = load_content(lang)
    px = label_pixels(width, height, min_px)
    font = scene_font(px)
    k = px / LABEL_PX  # the label's own scale: its padding and corners follow its type
    fm = QFontMetricsF(font)
    box_bg = QColor(pal.background_top)
    box_bg.setAlpha(200)
    out = []
    for label_id, (ax, ay), (lx, ly) in SCENES[family].LABELS:
        text = content.label(label_id, vocabulary)
        tw, th = fm.horizontalAdvance(text) + 16 * k, fm.height() + 8 * k
        img = QImage(int(tw) + 2, int(th) + 2, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(0)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(NO_PEN)
        p.setBrush(box_bg)
        p.drawRoundedRect(QRectF(0, 0, tw, th), 6 * k, 6 * k)
        p.setFont(font)
        p.setPen(pal.ink)
        p.drawText(QRectF(0, 0, tw, th), Qt.AlignmentFlag.AlignCenter, text)
        p.end()
        box = QRectF(max(0.0, min(ox + lx * s, width - img.width())), max(0.0, min(oy + ly * s, height - img.height())),
                     tw, th)
        anchor = QPointF(ox + ax * s, oy + ay * s)
        near = QPointF(min(max(anchor.x(), box.left()), box.right()), min(max(anchor.y(), box.top()), box.bottom()))
        out.append((label_id, img, box.topLeft(), anchor, near))
    return tuple(out), QPen(pal.ink_soft, max(1.0, 1.6 * s)), 3.2 * s


@lru_cache(maxsize=16)
def label_layer(family: str, shown: tuple, vocabulary: str, lang: str, pal_name: str, width: int, height: int,
                min_px: float = 0.0) -> tuple[Atlas, np.ndarray]:
    """The shown labels, each composed once with its leader line and dot on a transparent image
    around them, cut into the tiles that hold ink (sprites.sparse_tiles): one call draws them."""
    pal = palette(pal_name)
    labels, pen, dot = _label_sprites(family, vocabulary, lang, pal_name, width, height, min_px)
    margin = dot + pen.widthF() + 2
    layers = []
    for label_id, img, top_left, anchor, near in labels:
        if label_id not in shown:
            continue
        box = QRectF(top_left, QSizeF(img.size()))
        xs, ys = (box.left(), box.right(), anchor.x(), near.x()), (box.top(), box.bottom(), anchor.y(), near.y())
        left, top = math.floor(min(xs) - margin), math.floor(min(ys) - margin)
        layer = QImage(math.ceil(max(xs) + margin) - left, math.ceil(max(ys) + margin) - top,
                       QImage.Format.Format_ARGB32_Premultiplied)
        layer.fill(0)
        p = QPainter(layer)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.translate(-left, -top)
        p.setPen(pen)
        p.drawLine(near, anchor)
        p.setBrush(pal.ink_soft)
        p.drawEllipse(anchor, dot, dot)
        p.drawImage(top_left, img)
        p.end()
        layers.append((layer, left, top))
    return sparse_tiles(layers)


def draw_labels(p: QPainter, pal: Palette, family: str, state, style: Style, width: int, height: int) -> None:
    """Labels with leader lines, on top of everything; a label whose thing is absent is not drawn."""
    hidden = SCENES[family].hidden_labels(state)
    shown = tuple(label_id for label_id, _, _ in SCENES[family].LABELS if label_id not in hidden)
    atlas, rows = label_layer(family, shown, style.labels, style.lang, pal.name, width, height, style.label_min_px)
    draw_fragments(p, rows, atlas)


# ------------------------------------------------------------------------------ frames ----

def paint_frame(p: QPainter, family: str, state, phase: float, seed: int, width: int, height: int,
                style: Style = Style()) -> None:
    """Everything over the base layer, painted in device pixels into any QPainter."""
    pal = palette(style.palette)
    scene = SCENES[family]
    s, ox, oy = viewport(width, height)
    for part, values in scene.overlay_keys(state, HEALTH_STEPS, LEVEL_STEPS).items():
        image, at = overlay(family, part, values, width, height, pal.name)
        p.drawImage(at, image)
    scene.paint_live(p, pal, state, phase, s, ox, oy)
    draw_particles(p, family, state, phase, seed, pal.name, width, height)
    if style.labels != "none":
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_labels(p, pal, family, state, style, width, height)
        p.restore()


def frame_base(family: str, state, width: int, height: int, style: Style = Style()) -> QImage:
    """The cached base layer a frame at this state starts from."""
    return base_layer(family, spine_key(state.spine_density), width, height, palette(style.palette).name)


def render_frame(family: str, state, phase: float, seed: int, width: int, height: int,
                 style: Style = Style()) -> QImage:
    """The whole synapse at one typed state as a width x height image."""
    img = frame_base(family, state, width, height, style).copy()
    p = QPainter(img)
    paint_frame(p, family, state, phase, seed, width, height, style)
    p.end()
    return img
