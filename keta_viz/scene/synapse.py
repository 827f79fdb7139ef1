"""Draw one synapse frame: a pure function of (typed state at t, animation phase, seed, style, size).

Each part is cached on only what it draws, so a frame while the story plays is mostly copies:
a base layer (background, vessel, cells, and the dendrite with its spines, keyed on the spine
shape in sub-pixel steps), receptor overlays from cached pieces drawn at per-frame opacities
(how lit a receptor is, whether a plug shows), what moves every frame (the bouncer's glow,
impulses down an axon), all particles in one batched call (sprites.py), and labels with leader
lines on top.  What differs between drug families lives in scene/families/.

A camera (scene/camera.py) moves and zooms the whole picture: every part is drawn through one
device mapping, view(width, height, camera), quantised to sub-pixel steps so a camera at rest
reuses every cache; labels keep their type size, and what the camera does not frame is dimmed.
While the camera eases (Camera.moving) the picture under what moves is the static layer drawn
once at the camera's closest zoom (fine_static) and resampled, with the spines filled over it
from cached outlines; receptors are composed at that zoom (those on the spine in coarser
steps) and resampled, the bouncer's glow comes in cached sizes, and the dimming is drawn
exactly at a quarter size and enlarged outside its clear ellipse: a moving frame costs a few
times a still one, within a level of the exact picture on average, and a camera at rest draws
exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter, QPainterPath,
                           QPainterPathStroker, QPen, QRadialGradient, QTransform)

from ..content import load_content
from . import layout as L
from .camera import MAX_ZOOM, OVERSHOOT_X, WHOLE, Camera
from .families import SCENES
from .leaders import Placed, nearest, tangles, untangle
from .palette import LINES, Palette, palette
from .particles import swarm
from .shapes import (NO_PEN, VESICLES, clamp, draw_outlined, draw_vessel, ease_out, spine_health, spine_paths,
                     terminal_path, viewport)
from .sprites import FRAGMENT_FIELDS, Atlas, draw_fragments, fragments, make_atlas, sparse_tiles, sprite_image

FONT_FAMILIES = ["Inter", "Noto Sans", "Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans"]
# Steps the spines and receptors are drawn in: each finer than a pixel at 4K, so stepping never
# shows, while a frame whose steps did not change reuses the cached drawing.
HEALTH_STEPS = 200  # spine shape (head size moves about 0.1 px per step)
MOVING_HEALTH_STEPS = 50  # the receptors on the spine while the camera moves: drawn anew at the fine
# scale a quarter as often, at most 2.5 health steps off the spine's head (~0.25 px at 1080p, 0.45 px zoomed)
GROW_STEPS = 100  # a sprouting spine's size (< 1 px per step)
LEVEL_STEPS = 64  # receptor brightness (the opacity of lit pieces) and the brake
SPRITE_SIZE = {"glutamate": 6.0, "gaba": 10.0, "ketamine": 11.0, "bdnf": 12.0, "serotonin": 8.0, "ssri": 10.0}
SPRITE_SHAPE = {"glutamate": "dot", "gaba": "hexagon", "ketamine": "diamond", "bdnf": "star",
                "serotonin": "triangle", "ssri": "square"}
MAX_COUNT = {"glutamate": 5400, "gaba": 220, "ketamine": 420, "bdnf": 320, "serotonin": 2400, "ssri": 360}


LABEL_PX = 21.0  # picture labels on the 1600 x 900 canvas: 21 px when the frame shows it whole
LABEL_GAP = 6.0  # the space kept between label plates at LABEL_PX type; it grows with the type
VIEW_STEPS = 4  # a moving camera's mapping, in quarter pixels (finer than the eye sees a step)
DIM_ALPHA = 0.5  # what the camera does not frame is dimmed this much at most (gentle)
DIM_STEPS = 32  # the dimming's strength, in steps
FINE_PIXELS = 8_500_000  # the moving camera's fine static layer stays this small (30 MB; less sharp at 4K)
# it is sampled to the nearest pixel: at 1.0-1.8 fine pixels a frame pixel (an antialiased picture
# thinned), as good as smooth sampling to the eye while the camera moves, and a third of its cost
SPINE_OUTLINE = 2.4  # the dendrite's outline (draw_outlined's width)
DIM_SHRINK = 4  # a moving camera's dimming is drawn exactly this many times smaller and enlarged
DIM_BAND_PX = 64  # ...in bands of rows this tall, each but for the clear ellipse's chord


@dataclass(frozen=True)
class Style:
    """How to draw: palette name, label vocabulary ('plain', 'expert' or 'none'), language, the
    smallest label type in pixels (a floor the mode sets: desk, room, kiosk; 0 = none), and the
    reader's text size (1.0-2.0, applied over the floor), the frame's lower-right corner
    (width, height in pixels) kept clear of labels for what sits there (presentation's time),
    and the drug the labels name ('esketamine'; '' = the family's words)."""

    palette: str = "screen"
    labels: str = "plain"
    lang: str = "en"
    label_min_px: float = 0.0
    text_scale: float = 1.0
    corner: tuple[int, int] = (0, 0)
    drug: str = ""

    def for_drug(self, drug: str) -> Style:
        """This style with labels naming `drug` (a scenario's drug)."""
        return self if drug == self.drug else replace(self, drug=drug)


def label_pixels(width: int, height: int, min_px: float = 0.0, text_scale: float = 1.0) -> float:
    """Type size of the picture's labels in a width x height frame: they scale with the
    picture (so with the view's height once the view is wider than 16:9), never below min_px,
    times the reader's text size."""
    return max(LABEL_PX * viewport(width, height)[0], min_px) * text_scale


def fitting_pixels(px: float, texts: list[str], width: int, height: int) -> float:
    """`px`, made smaller only if the widest label would not fit the frame's width (with its
    padding) or a label would be taller than a sixth of the frame."""
    widest = max((QFontMetricsF(scene_font(px)).horizontalAdvance(t) for t in texts), default=0.0)
    room = (width - 4) / (widest + 16 * px / LABEL_PX) if widest else 1.0
    return max(6.0, px * min(1.0, room, height / 6 / (QFontMetricsF(scene_font(px)).height() + 8 * px / LABEL_PX)))


def view(width: int, height: int, camera: Camera = WHOLE) -> tuple[float, float, float]:
    """Scale and offset (s, ox, oy) mapping the canvas into a width x height frame through the
    camera: exactly viewport() for WHOLE, else in VIEW_STEPS sub-pixel steps."""
    s, ox, oy = viewport(width, height)
    if camera == WHOLE:
        return s, ox, oy
    s = round(s * camera.zoom * L.WIDTH * VIEW_STEPS) / (L.WIDTH * VIEW_STEPS)
    return (s, round((width / 2 - camera.cx * s) * VIEW_STEPS) / VIEW_STEPS,
            round((height / 2 - camera.cy * s) * VIEW_STEPS) / VIEW_STEPS)


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
    """Background, blood vessel, and the cells that do not change with time, whole (cached)."""
    return static_image(family, w, h, pal_name, viewport(w, h))


def static_image(family: str, w: int, h: int, pal_name: str, mapping: tuple,
                 ground: tuple[float, float] | None = None) -> QImage:
    """The static layer through a view() mapping (not cached: see framed_static).  The ground's
    gradient runs down the image, or between the device rows `ground`."""
    pal = palette(pal_name)
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    grad = QLinearGradient(0, 0, 0, h) if ground is None else QLinearGradient(0, ground[0], 0, ground[1])
    grad.setColorAt(0, pal.background_top)
    grad.setColorAt(1, pal.background_bottom)
    p.fillRect(QRectF(0, 0, w, h), grad)
    s, ox, oy = mapping
    p.setTransform(QTransform(s, 0, 0, s, ox, oy))
    # extracellular matrix: a few soft, faint shapes give depth without clutter
    rng = np.random.default_rng(7)
    haze = QColor(pal.ink_soft)
    haze.setAlpha(LINES[pal_name]["haze_alpha"])  # none on high contrast: a plain ground
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


@lru_cache(maxsize=2)
def framed_static(family: str, w: int, h: int, pal_name: str, mapping: tuple) -> QImage:
    """The static layer through a camera at rest's view() mapping (cached: two, so a seek to a
    new spine shape under the same camera copies it instead of drawing it again, and full
    frames do not pile up).  Its ground's gradient spans what the whole frame shows, as the
    moving camera's does (fine_static), so a camera coming to rest does not change it."""
    return static_image(family, w, h, pal_name, mapping, whole_ground(w, h, mapping))


def whole_ground(w: int, h: int, mapping: tuple) -> tuple[float, float]:
    """The device rows, through a view() mapping, between which the whole w x h frame's ground
    gradient runs (its top and bottom rows)."""
    s0, _ox0, oy0 = viewport(w, h)
    s, _ox, oy = mapping
    return oy - oy0 / s0 * s, oy + (h - oy0) / s0 * s


@lru_cache(maxsize=2)
def fine_static(family: str, w: int, h: int, pal_name: str) -> tuple[QImage, tuple[float, float, float]]:
    """The static layer at the camera's closest zoom (MAX_ZOOM, less if that would pass
    FINE_PIXELS) over all a camera can show in a w x h frame, and its mapping (s, ox, oy) from
    the canvas; its ground's gradient spans what the whole frame shows (cached)."""
    s0, ox0, oy0 = viewport(w, h)
    left, right = min(-ox0 / s0, -OVERSHOOT_X) - 8, max((w - ox0) / s0, L.WIDTH + OVERSHOOT_X) + 8
    top, bottom = min(-oy0 / s0, 0.0) - 8, max((h - oy0) / s0, L.HEIGHT) + 8
    s = s0 * min(MAX_ZOOM, math.sqrt(FINE_PIXELS / ((right - left) * (bottom - top) * s0 * s0)))
    mapping = (s, -left * s, -top * s)
    return static_image(family, math.ceil((right - left) * s), math.ceil((bottom - top) * s), pal_name, mapping,
                        whole_ground(w, h, mapping)), mapping


def draw_resampled(p: QPainter, image: QImage, at, source: tuple, mapping: tuple, smooth: bool = True) -> None:
    """Draw an image made through the `source` mapping (placed at `at` there) as seen through
    `mapping`, resampled (smoothly, or nearest pixel)."""
    fs, fox, foy = source
    s, ox, oy = mapping
    k = s / fs
    p.save()
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
    p.setTransform(QTransform(k, 0, 0, k, ox - fox * k, oy - foy * k), True)
    p.drawImage(at, image)
    p.restore()


def moving_base(family: str, key: tuple, w: int, h: int, pal_name: str, mapping: tuple) -> QImage:
    """A moving camera's base layer (new each frame): the fine static layer resampled through
    the view() mapping, the dendrite and its spines drawn over it."""
    fine, (fs, fox, foy) = fine_static(family, w, h, pal_name)
    s, ox, oy = mapping
    pal = palette(pal_name)
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    k = s / fs
    if not QRectF(ox - fox * k, oy - foy * k, fine.width() * k, fine.height() * k).contains(QRectF(0, 0, w, h)):
        img.fill(pal.background_bottom)  # a camera no story makes: the uncovered rest plain ground
    p = QPainter(img)
    draw_resampled(p, fine, QPoint(0, 0), (fs, fox, foy), mapping, smooth=False)
    draw_spines(p, pal, key, mapping)
    p.end()
    return img


def draw_spines(p: QPainter, pal: Palette, key: tuple, mapping: tuple) -> None:
    """The dendrite's spines at one spine_key, through a (s, ox, oy) mapping: draw_outlined's
    pixels, from shapes filled, their outlines stroked once per spine shape (spine_fills)."""
    s, ox, oy = mapping
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setTransform(QTransform(s, 0, 0, s, ox, oy))
    p.setPen(NO_PEN)
    paths, outlines = spine_fills(key, pal.name)
    p.setBrush(pal.membrane)
    for path in paths + outlines:
        p.drawPath(path)
    p.setBrush(pal.cytoplasm)
    for path in paths:
        p.drawPath(path)


@lru_cache(maxsize=4)
def spine_fills(key: tuple, pal_name: str) -> tuple[list[QPainterPath], list[QPainterPath]]:
    """The dendrite's spines at one spine_key as shapes to fill (canvas units): each path and
    its membrane outline as draw_outlined strokes it (cached: a moving camera draws them every
    frame)."""
    health_step, grow_steps = key
    paths = spine_paths(health_step / HEALTH_STEPS, np.array(grow_steps) / GROW_STEPS)
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * SPINE_OUTLINE * LINES[pal_name]["outline"])
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    for path in paths:
        path.setFillRule(Qt.FillRule.WindingFill)
    return paths, [stroker.createStroke(path) for path in paths]


def spine_grow(density: float) -> np.ndarray:
    """How far each spine along the shaft has sprouted (0 = a stump, 1 = full size)."""
    return ease_out((density - L.SPINE_NEED) / L.SPINE_GROW_SPAN)


def spine_key(density: float) -> tuple:
    """The spine drawing at this density, in steps: (health step, grow step of each spine)."""
    return (round(spine_health(density) * HEALTH_STEPS),
            tuple(np.rint(spine_grow(density) * GROW_STEPS).astype(int).tolist()))


@lru_cache(maxsize=4)
def base_layer(family: str, key: tuple, w: int, h: int, pal_name: str, mapping: tuple | None = None) -> QImage:
    """The static layer with the dendrite and its spines drawn at one spine_key, through a view()
    mapping (None: whole) (cached)."""
    pal = palette(pal_name)
    img = (static_layer(family, w, h, pal_name) if mapping is None else
           framed_static(family, w, h, pal_name, mapping)).copy()
    p = QPainter(img)
    draw_spines(p, pal, key, mapping or viewport(w, h))
    p.end()
    return img


def overlay(family: str, part: str, key: tuple, w: int, h: int, pal_name: str,
            mapping: tuple | None = None) -> tuple[Atlas, np.ndarray]:
    """A receptor group's pieces (the family's overlay_pieces at a key) at their place in a
    w x h frame: one atlas and the read-only fragment rows that draw the pieces in order, each
    opaque; a frame sets each row's opacity (cached: the whole picture's keys, and a few for a
    camera, which moves on)."""
    if mapping is None:
        return _overlay_whole(family, part, key, w, h, pal_name)
    return _overlay_framed(family, part, key, w, h, pal_name, mapping)


def _draw_overlay(family: str, part: str, key: tuple, w: int, h: int, pal_name: str,
                  mapping: tuple | None = None) -> tuple[Atlas, np.ndarray]:
    scene = SCENES[family]
    s, ox, oy = mapping or viewport(w, h)
    x0, y0, x1, y1 = scene.OVERLAY_BOX[part]
    left, top = math.floor(ox + x0 * s), math.floor(oy + y0 * s)
    box_w, box_h = math.ceil((x1 - x0) * s) + 2, math.ceil((y1 - y0) * s) + 2
    sprites, places = {}, []
    img = QImage(box_w, box_h, QImage.Format.Format_ARGB32_Premultiplied)  # each piece drawn alone on it
    for i, piece in enumerate(scene.overlay_pieces(palette(pal_name), part, key)):
        img.fill(0)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setTransform(QTransform(s, 0, 0, s, ox - left, oy - top))
        piece(p)
        p.end()
        pixels = np.frombuffer(img.constBits(), np.uint32, box_w * box_h).reshape(box_h, box_w)
        cols, rows = np.flatnonzero(pixels.any(axis=0)), np.flatnonzero(pixels.any(axis=1))
        x, y = (int(cols[0]), int(rows[0])) if len(cols) else (0, 0)
        size = (int(cols[-1]) + 1 - x, int(rows[-1]) + 1 - y) if len(cols) else (1, 1)
        sprites[str(i)] = img.copy(x, y, *size)
        places.append((left + x, top + y))
    atlas = make_atlas(sprites)
    out = np.zeros((len(places), FRAGMENT_FIELDS))
    for i, (x, y) in enumerate(places):
        rx, ry, rw, rh = atlas.rects[str(i)]
        out[i] = (x + rw / 2, y + rh / 2, rx, ry, rw, rh, 1.0, 1.0, 0.0, 1.0)
    out.flags.writeable = False
    return atlas, out


_overlay_whole = lru_cache(maxsize=96)(_draw_overlay)
_overlay_framed = lru_cache(maxsize=8)(_draw_overlay)


@lru_cache(maxsize=16)
def overlay_image(family: str, part: str, key: tuple, opacities: tuple, w: int, h: int, pal_name: str,
                  mapping: tuple | None = None) -> tuple[QImage, QPoint]:
    """A receptor group's pieces composed at these opacities on one transparent image, and where
    it goes (cached: a few frames' worth, so a frame whose receptors look as the last one's
    draws one image, and one whose light changed composes cached pieces, never redraws them)."""
    atlas, rows = overlay(family, part, key, w, h, pal_name, mapping)
    opacity = np.array(opacities)
    rows = np.compress(opacity > 0, rows, axis=0)
    rows[:, 9] = opacity[opacity > 0]
    corners = np.concatenate([rows[:, :2] - rows[:, 4:6] / 2, rows[:, :2] + rows[:, 4:6] / 2]) if len(rows) else \
        np.zeros((1, 2))
    left, top = np.floor(corners.min(axis=0)).astype(int).tolist()
    right, bottom = np.ceil(corners.max(axis=0)).astype(int).tolist()
    img = QImage(max(1, right - left), max(1, bottom - top), QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    rows[:, :2] -= (left, top)
    p = QPainter(img)
    draw_fragments(p, rows, atlas)
    p.end()
    return img, QPoint(left, top)


# -------------------------------------------------------------------------- particles ----

def particle_atlas(family: str, pal_name: str, width: int, height: int, scale: float | None = None) -> Atlas:
    """The family's particle sprites at the frame's scale (or a camera's `scale`), in one atlas
    (cached on the sprites' whole-pixel sizes, so a moving camera rarely draws a new one)."""
    s = viewport(width, height)[0] if scale is None else scale
    kinds = SCENES[family].KINDS + ("bdnf",)
    return _atlas(family, pal_name, tuple(round(SPRITE_SIZE[kind] * s) for kind in kinds))


@lru_cache(maxsize=8)
def _atlas(family: str, pal_name: str, sizes: tuple[int, ...]) -> Atlas:
    pal = palette(pal_name)
    sprites = {}
    for kind, size in zip(SCENES[family].KINDS + ("bdnf",), sizes):
        colour = getattr(pal, kind if kind != "bdnf" else "ampa")
        rim = colour.darker(150 if pal.name == "projector" else 190)
        sprites[kind] = sprite_image(SPRITE_SHAPE[kind], colour.rgba(), rim.rgba(), size)
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
                   width: int, height: int, mapping: tuple | None = None) -> None:
    """Every particle of the frame in one batched call (device coordinates, no transform)."""
    atlas = particle_atlas(family, pal_name, width, height, None if mapping is None else mapping[0])  # ~0.2 ms anew
    s, ox, oy = mapping or viewport(width, height)
    draw_fragments(p, fragments(particle_layout(family, state, phase, seed), atlas.rects, s, ox, oy), atlas)


# ------------------------------------------------------------------------------ labels ----

def corner_box(corner: tuple[int, int], width: float, height: float) -> list[QRectF]:
    """The frame's lower-right corner kept clear of labels, as a box to keep off (none if empty)."""
    cw, ch = corner
    return [QRectF(width - cw, height - ch, cw, ch)] if cw > 0 and ch > 0 else []


def apart(boxes: list[QRectF], height: float, gap: float = 2.0, fixed: list[QRectF] = ()) -> tuple[list[QRectF], bool]:
    """The label boxes moved so that none lies over another (nor over a `fixed` box), and
    whether that worked: going down the frame, a box that meets one already placed moves just
    below it (or, with no room left below, just above it), always inside the frame's height.
    Boxes that meet none stay put."""
    placed: list[QRectF] = list(fixed)
    ok = True
    for box in sorted(boxes, key=lambda b: b.top()):
        box = QRectF(box)
        for _ in range(2 * len(boxes) + 1):
            hit = next((b for b in placed if b.adjusted(-gap, -gap, gap, gap).intersects(box)), None)
            if hit is None:
                break
            below = hit.bottom() + gap
            box.moveTop(below if below + box.height() <= height else max(0.0, hit.top() - gap - box.height()))
        else:
            ok = False
        placed.append(box)
    placed = placed[len(fixed):]
    order = sorted(range(len(boxes)), key=lambda i: boxes[i].top())
    return [placed[order.index(i)] for i in range(len(boxes))], ok


def label_boxes(family: str, texts: list[str], px: float, width: int, height: int,
                corner: tuple[int, int] = (0, 0)) -> tuple[list[QRectF], bool]:
    """Where each label's plate goes at type size px: at its place in the picture, kept inside
    the frame, moved off any other and off the kept corner (apart); and whether they all came apart."""
    s, ox, oy = viewport(width, height)
    fm, k = QFontMetricsF(scene_font(px)), px / LABEL_PX  # padding and corners follow the type
    boxes = []
    for (_id, _anchor, (lx, ly)), text in zip(SCENES[family].LABELS, texts):
        tw, th = fm.horizontalAdvance(text) + 16 * k, fm.height() + 8 * k
        boxes.append(QRectF(max(0.0, min(ox + lx * s, width - int(tw) - 2)),
                            max(0.0, min(oy + ly * s, height - int(th) - 2)), tw, th))
    boxes, ok = apart(boxes, height, LABEL_GAP * k, corner_box(corner, width, height))
    anchors = [QPointF(ox + ax * s, oy + ay * s) for _id, (ax, ay), _at in SCENES[family].LABELS]
    boxes = untangle(boxes, anchors, width - 2, height - 2, corner_box(corner, width, height))
    return boxes, ok and not tangles(boxes, anchors)


def label_texts(family: str, vocabulary: str, lang: str, drug: str = "") -> list[str]:
    """The words of the family's synapse labels (SCENES[family].LABELS, in order), naming `drug`."""
    content = load_content(lang)
    return [content.label(label_id, vocabulary, drug) for label_id, _a, _l in SCENES[family].LABELS]


@lru_cache(maxsize=8)
def _label_sprites(family: str, vocabulary: str, lang: str, pal_name: str, width: int, height: int,
                   min_px: float = 0.0, text_scale: float = 1.0, corner: tuple[int, int] = (0, 0),
                   drug: str = "") -> tuple:
    """Each label pre-drawn as a small image, with its position (inside the frame, off every
    other label), anchor and leader start.  A larger text size grows the labels only as far as
    they still fit apart in the frame (never below their size at 100 %)."""
    pal = palette(pal_name)
    lines = LINES[pal_name]
    s, ox, oy = viewport(width, height)
    texts = label_texts(family, vocabulary, lang, drug)
    base = fitting_pixels(label_pixels(width, height, min_px), texts, width, height)
    px = max(base, fitting_pixels(label_pixels(width, height, min_px, text_scale), texts, width, height))
    boxes, ok = label_boxes(family, texts, px, width, height, corner)
    while not ok and px * 0.9 >= base:
        px *= 0.9
        boxes, ok = label_boxes(family, texts, px, width, height, corner)
    font = scene_font(px)
    k = px / LABEL_PX  # the label's own scale: its padding and corners follow its type
    box_bg = QColor(pal.background_top)
    box_bg.setAlpha(lines["plate_alpha"])
    edge = lines["plate_edge"] * k
    out = []
    for (label_id, (ax, ay), _at), text, box in zip(SCENES[family].LABELS, texts, boxes):
        img = QImage(int(box.width()) + 2, int(box.height()) + 2, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(0)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(pal.ink_soft, edge) if edge else NO_PEN)
        p.setBrush(box_bg)
        p.drawRoundedRect(QRectF(edge / 2, edge / 2, box.width() - edge, box.height() - edge), 6 * k, 6 * k)
        p.setFont(font)
        p.setPen(pal.ink)
        p.drawText(QRectF(0, 0, box.width(), box.height()), Qt.AlignmentFlag.AlignCenter, text)
        p.end()
        anchor = QPointF(ox + ax * s, oy + ay * s)
        out.append((label_id, img, box.topLeft(), anchor, nearest(anchor, box)))
    return tuple(out), QPen(pal.ink_soft, max(1.0, 1.6 * s) * lines["outline"]), 3.2 * s * lines["outline"]


@lru_cache(maxsize=16)
def label_layer(family: str, shown: tuple, vocabulary: str, lang: str, pal_name: str, width: int, height: int,
                min_px: float = 0.0, text_scale: float = 1.0, corner: tuple[int, int] = (0, 0),
                drug: str = "") -> tuple[Atlas, np.ndarray]:
    """The shown labels, each composed once with its leader line and dot on a transparent image
    around them, cut into the tiles that hold ink (sprites.sparse_tiles): one call draws them."""
    pal = palette(pal_name)
    labels, pen, dot = _label_sprites(family, vocabulary, lang, pal_name, width, height, min_px, text_scale, corner,
                                      drug)
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


def draw_labels(p: QPainter, pal: Palette, family: str, state, style: Style, width: int, height: int,
                mapping: tuple | None = None) -> None:
    """Labels with leader lines, on top of everything; a label whose thing is absent is not drawn.
    The whole picture's labels come as one cached layer; through a camera (`mapping`, which moves
    them every frame while it eases) they are drawn one by one where framed_labels puts them."""
    hidden = SCENES[family].hidden_labels(state)
    if mapping is None:
        shown = tuple(label_id for label_id, _, _ in SCENES[family].LABELS if label_id not in hidden)
        atlas, rows = label_layer(family, shown, style.labels, style.lang, pal.name, width, height,
                                  style.label_min_px, style.text_scale, style.corner, style.drug)
        draw_fragments(p, rows, atlas)
        return
    labels, pen, dot = _label_sprites(family, style.labels, style.lang, pal.name, width, height, style.label_min_px,
                                      style.text_scale, style.corner, style.drug)
    for label_id, img, top_left, anchor, near in framed_labels(labels, mapping, width, height, style.corner):
        if label_id in hidden:
            continue
        p.setPen(pen)
        p.drawLine(near, anchor)
        p.setBrush(pal.ink_soft)
        p.drawEllipse(anchor, dot, dot)
        p.drawImage(top_left, img)


def placed_labels(family: str, state, style: Style, width: int, height: int,
                  mapping: tuple | None = None) -> list[Placed]:
    """The labels draw_labels draws at this state, as plates, anchors and leader ends."""
    hidden = SCENES[family].hidden_labels(state)
    labels, _pen, _dot = _label_sprites(family, style.labels, style.lang, palette(style.palette).name, width, height,
                                        style.label_min_px, style.text_scale, style.corner, style.drug)
    if mapping is not None:
        labels = framed_labels(labels, mapping, width, height, style.corner)
    return [Placed(label_id, QRectF(top_left, QSizeF(img.width() - 2, img.height() - 2)), anchor, near)
            for label_id, img, top_left, anchor, near in labels if label_id not in hidden]


def framed_labels(labels: tuple, mapping: tuple, width: int, height: int, corner: tuple[int, int] = (0, 0)) -> tuple:
    """The whole picture's labels (_label_sprites) seen through a camera's view() mapping: each
    box and anchor moved with the picture, the box kept inside the frame and off the labels
    placed before it and the kept corner; a label whose anchor the frame does not show is left
    out.  Type size, leader and dot stay as they are, so labels read the same at every zoom."""
    s0, ox0, oy0 = viewport(width, height)
    s, ox, oy = mapping
    k = s / s0
    out, placed = [], corner_box(corner, width, height)
    for label_id, img, top_left, anchor, _near in labels:
        at = QPointF(ox + (anchor.x() - ox0) * k, oy + (anchor.y() - oy0) * k)
        if not (0 <= at.x() <= width and 0 <= at.y() <= height):
            continue
        x, y = ox + (top_left.x() - ox0) * k, oy + (top_left.y() - oy0) * k
        box = QRectF(max(0.0, min(x, width - img.width())), max(0.0, min(y, height - img.height())),
                     img.width() - 2, img.height() - 2)
        box = clear_of(box, placed, height)
        placed.append(box)
        out.append((label_id, img, box, at))
    fixed = corner_box(corner, width, height)
    boxes = untangle([box for _id, _img, box, _at in out], [at for *_rest, at in out], width - 2, height - 2, fixed)
    return tuple((label_id, img, box.topLeft(), at, nearest(at, box))
                 for (label_id, img, _box, at), box in zip(out, boxes))


def clear_of(box: QRectF, placed: list[QRectF], height: int, gap: float = 4.0) -> QRectF:
    """The box moved down (or, at the frame's foot, up) until it overlaps none of the placed ones."""
    for _ in range(len(placed) + 1):
        hit = next((q for q in placed if q.adjusted(-gap, -gap, gap, gap).intersects(box)), None)
        if hit is None:
            return box
        below = hit.bottom() + gap
        box.moveTop(below if below + box.height() <= height else hit.top() - gap - box.height())
    return box


# ----------------------------------------------------------------------------- dimming ----

def _dimming(pal_name: str, strength: int) -> QRadialGradient:
    """The vignette about a box whose ellipse has unit radii: clear inside it, easing to
    DIM_ALPHA (at strength steps of DIM_STEPS) at 1.7 radii and beyond."""
    pal = palette(pal_name)  # dim towards the ground: darker on a dark one, paler on a light one
    shade = pal.background_bottom.darker(160) if pal.background_bottom.lightness() < 128 else pal.background_top
    clear, dark = QColor(shade), QColor(shade)
    clear.setAlpha(0)
    dark.setAlphaF(DIM_ALPHA * strength / DIM_STEPS)
    grad = QRadialGradient(QPointF(0, 0), 1.7)
    grad.setColorAt(1 / 1.7, clear)
    grad.setColorAt(1.0, dark)
    return grad


def _radii(box: tuple[int, int, int, int]) -> tuple[float, float]:
    """The radii of the ellipse around a device box (its corners just inside)."""
    x0, y0, x1, y1 = box
    return max(1.0, (x1 - x0) * 0.71), max(1.0, (y1 - y0) * 0.71)


@lru_cache(maxsize=2)  # full frames: one camera at rest (both compare panes share it)
def dim_layer(w: int, h: int, pal_name: str, box: tuple[int, int, int, int], strength: int) -> QImage:
    """A soft vignette that dims what lies outside a device box (whole pixels), at strength
    steps of DIM_STEPS: clear over the box, easing to DIM_ALPHA well outside it (cached)."""
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    x0, y0, x1, y1 = box
    rx, ry = _radii(box)
    p = QPainter(img)
    p.setTransform(QTransform(rx, 0, 0, ry, (x0 + x1) / 2, (y0 + y1) / 2))
    p.fillRect(QRectF(-(x0 + x1) / 2 / rx, -(y0 + y1) / 2 / ry, w / rx, h / ry), _dimming(pal_name, strength))
    p.end()
    return img


def clear_rects(box: tuple[int, int, int, int], width: int, height: int, band: int = DIM_BAND_PX) -> list[QRect]:
    """The frame but for the vignette's clear ellipse about a device box: per band of rows,
    what lies left and right of the ellipse's chord that all its rows share."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    rx, ry = _radii(box)
    out = []
    for top in range(0, height, band):
        bottom = min(height, top + band)
        far = max(abs(top - cy), abs(bottom - cy)) / ry
        half = rx * math.sqrt(1 - far * far) if far < 1 else 0.0
        left, right = max(0, min(width, math.ceil(cx - half))), max(0, min(width, math.floor(cx + half)))
        if right <= left:
            left = right = width
        out += [QRect(x, top, w, bottom - top) for x, w in ((0, left), (right, width - right)) if w > 0]
    return out


def draw_dim(p: QPainter, camera: Camera, mapping: tuple, pal_name: str, width: int, height: int) -> None:
    """Dim what the camera does not frame, as strongly as the camera has eased in: at rest the
    exact vignette (dim_layer); moving, the exact one drawn DIM_SHRINK times smaller and
    enlarged to the nearest pixel over the frame but for its clear ellipse."""
    strength = round(camera.dim * DIM_STEPS)
    if strength <= 0:
        return
    s, ox, oy = mapping
    x0, y0, x1, y1 = camera.box
    box = (round(ox + x0 * s), round(oy + y0 * s), round(ox + x1 * s), round(oy + y1 * s))
    if not camera.moving:
        p.drawImage(0, 0, dim_layer(width, height, pal_name, box, strength))
        return
    k = DIM_SHRINK
    rx, ry = _radii(box)
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    small = QImage(-(-width // k), -(-height // k), QImage.Format.Format_ARGB32_Premultiplied)
    q = QPainter(small)
    q.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    q.setTransform(QTransform(rx / k, 0, 0, ry / k, cx / k, cy / k))
    q.fillRect(QRectF(-cx / rx, -cy / ry, small.width() * k / rx, small.height() * k / ry),
               _dimming(pal_name, strength))
    q.end()
    p.save()
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    for r in clear_rects(box, width, height):
        p.drawImage(QRectF(r), small, QRectF(r.x() / k, r.y() / k, r.width() / k, r.height() / k))
    p.restore()


# ------------------------------------------------------------------------------ frames ----

def paint_frame(p: QPainter, family: str, state, phase: float, seed: int, width: int, height: int,
                style: Style = Style(), camera: Camera = WHOLE) -> None:
    """Everything over the base layer, painted in device pixels into any QPainter."""
    pal = palette(style.palette)
    scene = SCENES[family]
    mapping = None if camera == WHOLE else view(width, height, camera)  # None: the cached whole-canvas layers
    s, ox, oy = mapping or viewport(width, height)
    fine = fine_static(family, width, height, pal.name)[1] if camera.moving else None
    steps = HEALTH_STEPS if fine is None else MOVING_HEALTH_STEPS
    for part, (key, opacities) in scene.overlays(state, steps, LEVEL_STEPS).items():
        if fine is None:
            image, at = overlay_image(family, part, key, opacities, width, height, pal.name, mapping)
            p.drawImage(at, image)
        else:  # composed once at the fine layer's scale (cached while its values hold) and resampled
            image, at = overlay_image(family, part, key, opacities, width, height, pal.name, fine)
            draw_resampled(p, image, at, fine, (s, ox, oy))
    scene.paint_live(p, pal, state, phase, s, ox, oy, camera.moving)
    draw_particles(p, family, state, phase, seed, pal.name, width, height, mapping)
    draw_dim(p, camera, (s, ox, oy), pal.name, width, height)
    if style.labels != "none":
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_labels(p, pal, family, state, style, width, height, mapping)
        p.restore()


def frame_base(family: str, state, width: int, height: int, style: Style = Style(),
               camera: Camera = WHOLE) -> QImage:
    """The base layer a frame at this state starts from: cached, or a moving camera's own."""
    mapping = None if camera == WHOLE else view(width, height, camera)
    key, pal_name = spine_key(state.spine_density), palette(style.palette).name
    if camera.moving:
        return moving_base(family, key, width, height, pal_name, mapping)
    return base_layer(family, key, width, height, pal_name, mapping)


def render_frame(family: str, state, phase: float, seed: int, width: int, height: int,
                 style: Style = Style(), camera: Camera = WHOLE) -> QImage:
    """The synapse at one typed state, seen through the camera, as a width x height image."""
    img = frame_base(family, state, width, height, style, camera)
    img = img if camera.moving else img.copy()  # a moving camera's base is its own
    p = QPainter(img)
    paint_frame(p, family, state, phase, seed, width, height, style, camera)
    p.end()
    return img
