"""What the brain and circuit pictures share: smooth outlines through points, the background,
soft glows, impulses along a path, and labels with leader lines that follow a zoom.

Both pictures are drawn in the virtual 1600 x 900 canvas (scene/layout.py), like the synapse.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFontMetricsF, QImage, QLinearGradient, QPainter, QPainterPath, QPen,
                           QRadialGradient, QTransform)

from ..content import load_content
from . import layout as L
from .leaders import Placed, nearest, untangle
from .levels import Levels
from .palette import Palette, palette
from .shapes import NO_PEN, viewport
from .synapse import LABEL_GAP, LABEL_PX, Style, apart, corner_box, label_pixels, scene_font

Point = tuple[float, float]
LEVEL_STEP = 2 ** (1 / 3)  # magnified levels of a picture are cached this far apart
LEVELS = Levels()


def smooth_path(points: list[Point], closed: bool = True, tension: float = 1.0) -> QPainterPath:
    """A smooth curve through the points (Catmull-Rom as cubic Béziers)."""
    pts = [QPointF(x, y) for x, y in points]
    n = len(pts)
    path = QPainterPath(pts[0])
    last = n if closed else n - 1
    for i in range(last):
        p0 = pts[(i - 1) % n] if closed or i > 0 else pts[0]
        p1, p2 = pts[i], pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if closed or i + 2 < n else pts[-1]
        k = tension / 6.0
        path.cubicTo(p1 + (p2 - p0) * k, p2 - (p3 - p1) * k, p2)
    if closed:
        path.closeSubpath()
    return path


def canvas_transform(width: int, height: int) -> QTransform:
    """Virtual canvas to device pixels, the 16:9 canvas centred (as the synapse)."""
    s, ox, oy = viewport(width, height)
    return QTransform(s, 0, 0, s, ox, oy)


def fill_background(p: QPainter, pal: Palette, width: int, height: int) -> None:
    """The synapse's background gradient over the whole device."""
    grad = QLinearGradient(0, 0, 0, height)
    grad.setColorAt(0, pal.background_top)
    grad.setColorAt(1, pal.background_bottom)
    p.fillRect(QRectF(0, 0, width, height), grad)


def alpha(colour: QColor, a: float) -> QColor:
    """The colour with opacity a (0-1)."""
    c = QColor(colour)
    c.setAlphaF(max(0.0, min(1.0, a)))
    return c


def glow(p: QPainter, colour: QColor, centre: Point, rx: float, ry: float, strength: float) -> None:
    """A soft elliptical glow (strength 0-1) centred on a point, in the painter's coordinates."""
    if strength <= 0.01:
        return
    p.save()
    p.translate(*centre)
    p.scale(1.0, ry / rx)
    g = QRadialGradient(0, 0, rx)
    g.setColorAt(0.0, alpha(colour, 0.75 * strength))
    g.setColorAt(0.5, alpha(colour, 0.35 * strength))
    g.setColorAt(1.0, alpha(colour, 0.0))
    p.setPen(NO_PEN)
    p.setBrush(QBrush(g))
    p.drawEllipse(QPointF(0, 0), rx, rx)
    p.restore()


def impulses(p: QPainter, path: QPainterPath, colour: QColor, count: int, phase: float, speed: float,
             radius: float) -> None:
    """`count` bright impulses travelling along a path (a function of phase only)."""
    if count <= 0:
        return
    p.setPen(NO_PEN)
    for k in range(count):
        at = (phase * speed + k / count) % 1.0
        pt = path.pointAtPercent(at)
        for r, a in ((radius * 2.4, 0.18), (radius * 1.5, 0.35), (radius, 1.0)):
            p.setBrush(alpha(colour, a))
            p.drawEllipse(pt, r, r)


def magnify(spot: tuple[float, float, float, float], m: float) -> QTransform:
    """Canvas to canvas: magnification m about the point that stays put while the whole canvas
    zooms into the 16:9 box `spot` (x, y, w, h)."""
    x, y, w, _ = spot
    m_full = L.WIDTH / w
    fx, fy = m_full * x / (m_full - 1), m_full * y / (m_full - 1)
    return QTransform(m, 0, 0, m, fx * (1 - m), fy * (1 - m))


def zoom_transform(spot: tuple[float, float, float, float], f: float) -> QTransform:
    """Canvas to canvas: a zoom a fraction f (0-1) of the way (geometrically) from the whole
    canvas to the box `spot` filling it."""
    return magnify(spot, (L.WIDTH / spot[2]) ** f)


def magnified_static(draw_static, family: str, spot: tuple, level: int, width: int, height: int,
                     pal_name: str) -> QImage:
    """A picture's unchanging part drawn at magnification LEVEL_STEP ** level about its zoom's
    fixed point, filling a width x height device (held by LEVELS: a zoom passes through a few)."""
    m = LEVEL_STEP ** level
    pal = palette(pal_name)
    view = canvas_transform(width, height)
    zoom = magnify(spot, m)
    img = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setTransform(view.inverted()[0] * zoom * view)
    fill_background(p, pal, width, height)
    p.setTransform(zoom * view)
    draw_static(p, pal, family, m ** -0.6)  # lines kept from swelling with the picture
    p.end()
    return img


@lru_cache(maxsize=8)
def static_image(draw_static, family: str, width: int, height: int, pal_name: str) -> QImage:
    """A picture's unchanging part, whole: the background and draw_static's shapes (cached per
    picture, size, palette, family)."""
    img = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill_background(p, palette(pal_name), width, height)
    p.setTransform(canvas_transform(width, height))
    draw_static(p, palette(pal_name), family)
    p.end()
    return img


def level_of(m: float) -> int:
    """The magnified level at or below magnification m (0: the whole picture)."""
    return int(math.floor(math.log(m) / math.log(LEVEL_STEP) + 1e-9)) if m > 1.0 else 0


def mip_size(m: float, width: int, height: int) -> tuple[int, int]:
    """The size of the whole picture's image to shrink by m into a width x height device: halved
    (at most twice) while it is still shrunk, never enlarged, so a small picture is drawn from
    fewer pixels and without the aliasing of a strong shrink."""
    for k in (4, 2):
        if m * k <= 1.0 and height // k >= 90:
            return width // k, height // k
    return width, height


def draw_static_zoomed(p: QPainter, draw_static, family: str, spot: tuple, zoom: QTransform,
                       width: int, height: int, pal_name: str) -> None:
    """A picture's unchanging part through `zoom` (canvas to canvas): the whole picture's cached
    image (or its half or quarter size) shrunk, or the nearest lower magnified level enlarged (by
    less than LEVEL_STEP; more while a view drafts, scene/levels.py)."""
    view = canvas_transform(width, height)
    m = zoom.m11()
    level = level_of(m)
    if level > 0:  # (while drafting, a lower level may stand in: 0 is the whole picture)
        level, image = LEVELS.get((draw_static, family, spot, width, height, pal_name), level,
                                  lambda k: magnified_static(draw_static, family, spot, k, width, height, pal_name))
    if level == 0:
        w, h = mip_size(m, width, height)
        image, at = static_image(draw_static, family, w, h, pal_name), canvas_transform(w, h)
    else:
        at = magnify(spot, LEVEL_STEP ** level) * view
    p.save()
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.setTransform(at.inverted()[0] * zoom * view * p.transform())
    p.drawImage(0, 0, image)
    p.restore()


def paint_picture(p: QPainter, draw_static, draw_live, spot: tuple, labels, note: str, family: str, state,
                  phase: float, width: int, height: int, style: Style, zoom: QTransform | None,
                  words: float) -> None:
    """A brain or circuit picture into a painter over a width x height device: its unchanging part
    from the cache when whole (`zoom` None), else drawn through `zoom` (canvas to canvas,
    background included); then what moves, and the words (the spot box, labels, the `note`
    label) at opacity `words`."""
    pal = palette(style.palette)
    view = canvas_transform(width, height)
    base = p.transform()  # the frame's device pixels on the painter's device (a layer may offset them)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if zoom is None:
        p.drawImage(0, 0, static_image(draw_static, family, width, height, pal.name))
    else:
        draw_static_zoomed(p, draw_static, family, spot, zoom, width, height, pal.name)
        view = zoom * view
    p.setTransform(view * base)
    draw_live(p, pal, family, state, phase, words)
    draw_spot(p, pal, spot, words)
    p.restore()
    draw_labels(p, pal, labels, style, width, height, view, words)
    draw_note(p, pal, load_content(style.lang).label(note, style.labels, style.drug), width, height, style, words)


def render_picture(paint, family: str, state, phase: float, width: int, height: int, style: Style) -> QImage:
    """A picture's `paint` at one state as a width x height image."""
    img = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    paint(p, family, state, phase, width, height, style)
    p.end()
    return img


def spot_transform(spot: tuple[float, float, float, float]) -> QTransform:
    """Canvas to canvas: the whole canvas shrunk into the box `spot`."""
    x, y, w, _ = spot
    k = w / L.WIDTH
    return QTransform(k, 0, 0, k, x, y)


def draw_spot(p: QPainter, pal: Palette, spot: tuple[float, float, float, float], opacity: float = 1.0) -> None:
    """The box the next scale grows out of: a dashed rounded frame (fading as the zoom starts)."""
    if opacity <= 0.01:
        return
    x, y, w, h = spot
    pen = QPen(alpha(pal.ink, opacity), 2.0, Qt.PenStyle.DashLine, Qt.PenCapStyle.FlatCap)
    pen.setDashPattern([4, 1.5])  # square ends: a fifth of the cost of round ones when magnified
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(QRectF(x, y, w, h), 6, 6)


# ------------------------------------------------------------------------------ labels ----

@lru_cache(maxsize=64)
def label_sprite(text: str, pal_name: str, px: float) -> QImage:
    """One label pre-drawn on its translucent box (like the synapse's labels)."""
    pal = palette(pal_name)
    font = scene_font(px)
    k = px / LABEL_PX
    fm = QFontMetricsF(font)
    tw, th = fm.horizontalAdvance(text) + 16 * k, fm.height() + 8 * k
    img = QImage(int(tw) + 2, int(th) + 2, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(NO_PEN)
    p.setBrush(alpha(pal.background_top, 200 / 255))
    p.drawRoundedRect(QRectF(0, 0, tw, th), 6 * k, 6 * k)
    p.setFont(font)
    p.setPen(pal.ink)
    p.drawText(QRectF(0, 0, tw, th), Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return img


def placed_labels(labels, style: Style, width: int, height: int, view: QTransform) -> list[tuple]:
    """Each label (id, anchor, box top-left in the canvas) as (image, anchor, plate box) in device
    pixels: at its place through `view`, inside the frame, moved off the others by a gap that
    grows with the type (apart), then traded places while that untangles leaders (untangle)."""
    content = load_content(style.lang)
    px = label_pixels(width, height, style.label_min_px, style.text_scale)
    placed = []
    for label_id, anchor, top_left in labels:
        img = label_sprite(content.label(label_id, style.labels, style.drug), palette(style.palette).name, px)
        tl = view.map(QPointF(*top_left))
        placed.append((img, view.map(QPointF(*anchor)), QRectF(max(0.0, min(tl.x(), width - img.width())),
                                                               max(0.0, min(tl.y(), height - img.height())),
                                                               img.width() - 2, img.height() - 2)))
    fixed = corner_box(style.corner, width, height)
    boxes, _ok = apart([box for _img, _a, box in placed], height, LABEL_GAP * px / LABEL_PX, fixed)
    boxes = untangle(boxes, [a for _img, a, _box in placed], width - 2, height - 2, fixed)
    return [(img, a, box) for (img, a, _box), box in zip(placed, boxes)]


def placed(labels, style: Style, width: int, height: int, view: QTransform) -> list[Placed]:
    """The labels draw_labels draws, as plates, anchors and leader ends."""
    return [Placed(label_id, box, a, nearest(a, box))
            for (label_id, _a, _tl), (_img, a, box) in zip(labels, placed_labels(labels, style, width, height, view))]


def draw_labels(p: QPainter, pal: Palette, labels, style: Style, width: int, height: int,
                view: QTransform, opacity: float = 1.0) -> None:
    """Labels (id, anchor, box top-left in the canvas) with leader lines, in device pixels;
    `view` maps the canvas to the device (a zoom moves them with the picture)."""
    if style.labels == "none" or opacity <= 0.01:
        return
    s = viewport(width, height)[0]
    p.save()  # in the frame's device pixels (the painter's own transform may offset them onto a layer)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setOpacity(opacity)
    for img, a, box in placed_labels(labels, style, width, height, view):
        p.setPen(QPen(pal.ink_soft, max(1.0, 1.6 * s)))
        p.drawLine(nearest(a, box), a)
        p.setPen(NO_PEN)
        p.setBrush(pal.ink_soft)
        p.drawEllipse(a, 3.2 * s, 3.2 * s)
        p.drawImage(box.topLeft(), img)
    p.restore()


def draw_note(p: QPainter, pal: Palette, text: str, width: int, height: int, style: Style,
              opacity: float = 1.0) -> None:
    """A small note in the frame's bottom-left corner (the drawing is illustrative)."""
    if opacity <= 0.01:
        return
    px = 0.8 * label_pixels(width, height, style.label_min_px, style.text_scale)
    p.save()  # in the frame's device pixels (the painter's own transform may offset them onto a layer)
    p.setOpacity(opacity)
    p.setFont(scene_font(px))
    p.setPen(pal.ink_soft)
    m = px * 0.8
    p.drawText(QRectF(m, 0, width - 2 * m, height - m * 0.6),
               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)
    p.restore()
