"""One frame at any scale: BRAIN (0), CIRCUIT (1), SYNAPSE (2) and a continuous zoom between them.

Between two scales the outer picture magnifies about the box its inner picture grows out of (the
PFC or raphe spot in the brain, the marked synapse in the circuit), while the inner picture,
shrunk into that box, grows with it and fades in; at the next integer scale it fills the frame
exactly.  The circuit is drawn as vectors at every size (crisp); the synapse frame is drawn whole
and resampled into its box.  Words never shrink with a picture: the outer picture's labels fade
out early in a zoom, the inner one's fade in late, at the frame's own type size (the mode's
floor and the reader's text size), placed where the growing picture puts their things.
Frame = f(state(t), phase, scale, camera): deterministic, so exports and seeks reproduce a zoom.
"""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QRegion, QTransform

from ..model.tour import BRAIN, CIRCUIT, SYNAPSE, smoothstep
from . import brain, circuit, synapse
from .camera import WHOLE
from .leaders import Placed
from .picture import canvas_transform, mip_size, placed, spot_transform, zoom_transform
from .palette import palette
from .synapse import Style, draw_labels, frame_base, paint_frame, render_frame, view as synapse_view

WORDS_GONE = 0.35  # the outer picture's labels have faded out this far into a zoom
FADE_IN = (0.12, 0.72)  # the inner picture fades in over this part of a zoom
WORDS_BACK = 0.75  # the inner picture's labels fade in from here to the end of a zoom
FEATHER = 0.5  # the inner picture's edges fade out over this share of its height, less as it grows


def feather(layer: QImage, frame: QTransform, width: int, height: int, edge: float) -> None:
    """Fade a layer's picture out toward the edges of its frame (the width x height device
    mapped by `frame` into the layer) over `edge` frame pixels, so it grows out softly."""
    if edge < 0.5:
        return
    q = QPainter(layer)
    q.setTransform(frame)
    q.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
    q.setPen(Qt.PenStyle.NoPen)
    clear, solid = QColor(0, 0, 0, 0), QColor(0, 0, 0, 255)
    e, w, h = edge, width, height  # the strips reach e past the frame, so its antialiased rim fades too
    for x0, y0, x1, y1, rect in ((0, 0, e, 0, QRectF(-e, -e, 2 * e, h + 2 * e)),
                                 (w, 0, w - e, 0, QRectF(w - e, -e, 2 * e, h + 2 * e)),
                                 (0, 0, 0, e, QRectF(-e, -e, w + 2 * e, 2 * e)),
                                 (0, h, 0, h - e, QRectF(-e, h - e, w + 2 * e, 2 * e))):
        g = QLinearGradient(QPointF(x0, y0), QPointF(x1, y1))
        g.setColorAt(0.0, clear)
        g.setColorAt(1.0, solid)
        q.fillRect(rect, QBrush(g))
    q.end()


def covered(frame: QTransform, width: int, height: int, edge: float) -> QRect:
    """The whole device pixels an opaque inner picture (the width x height device mapped by
    `frame`, feathered over `edge` of its pixels) covers solidly: inside its feather, with a
    pixel to spare for its antialiased rim."""
    r = frame.mapRect(QRectF(0, 0, width, height))
    inset = edge * frame.m11() + 2.0
    x0, y0 = max(0, math.ceil(r.left() + inset)), max(0, math.ceil(r.top() + inset))
    x1, y1 = min(width, math.floor(r.right() - inset)), min(height, math.floor(r.bottom() - inset))
    return QRect(x0, y0, max(0, x1 - x0), max(0, y1 - y0))


def clamp_scale(scale: float) -> float:
    """A scale within BRAIN..SYNAPSE; anything not a number shows the synapse."""
    scale = float(scale)
    return min(max(scale, BRAIN), SYNAPSE) if math.isfinite(scale) else SYNAPSE


def _camera(camera) -> dict:
    """The synapse's camera argument, when there is one."""
    return {} if camera is None else {"camera": camera}


def paint_scaled(p: QPainter, family: str, state, phase: float, seed: int, width: int, height: int,
                 style: Style, scale: float = SYNAPSE, camera=None) -> None:
    """The frame at `scale` (clamped to 0-2) painted into a width x height device."""
    scale = clamp_scale(scale)
    if scale == SYNAPSE:
        p.drawImage(0, 0, frame_base(family, state, width, height, style, **_camera(camera)))
        paint_frame(p, family, state, phase, seed, width, height, style, **_camera(camera))
        return
    if scale in (BRAIN, CIRCUIT):
        (brain if scale == BRAIN else circuit).paint(p, family, state, phase, width, height, style)
        return
    outer = brain if scale < CIRCUIT else circuit
    f = scale - (BRAIN if outer is brain else CIRCUIT)
    spot = brain.SPOT[family] if outer is brain else circuit.SPOT
    zoom = zoom_transform(spot, f)
    view = canvas_transform(width, height)
    frame = view.inverted()[0] * spot_transform(spot) * zoom * view  # the inner device into this one
    shown = smoothstep((f - FADE_IN[0]) / (FADE_IN[1] - FADE_IN[0]))
    edge = FEATHER * height * (1.0 - f)
    p.save()
    if shown >= 1.0:  # the outer picture is not drawn where the opaque inner one will cover it
        p.setClipRegion(QRegion(0, 0, width, height) - QRegion(covered(frame, width, height, edge)),
                        Qt.ClipOperation.IntersectClip)
    outer.paint(p, family, state, phase, width, height, style, zoom=zoom, words=1.0 - smoothstep(f / WORDS_GONE))
    p.restore()
    if shown <= 0.0:  # the inner picture has not begun to fade in (nor have its words)
        return
    # the inner picture on a layer the size of where it lands, so that it fades as one
    box = frame.mapRect(QRectF(0, 0, width, height)).intersected(QRectF(0, 0, width, height)).toAlignedRect()
    if box.isEmpty():
        return
    to_layer = frame * QTransform.fromTranslate(-box.left(), -box.top())
    layer = QImage(box.width(), box.height(), QImage.Format.Format_ARGB32_Premultiplied)
    layer.fill(0)
    q = QPainter(layer)
    if outer is brain:  # the circuit: its cached whole picture shrunk, what moves drawn over it
        q.setTransform(QTransform.fromTranslate(-box.left(), -box.top()))
        circuit.paint(q, family, state, phase, width, height, style, zoom=spot_transform(spot) * zoom,
                      words=smoothstep((f - WORDS_BACK) / (1.0 - WORDS_BACK)))
    else:  # the synapse frame, whole and without its words, at its half or quarter size while that is large enough, shrunk into its box
        w, h = mip_size(box.width() / width, width, height)
        q.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        q.setTransform(QTransform.fromScale(width / w, height / h) * to_layer)
        wordless = dataclasses.replace(style, labels="none")
        q.drawImage(0, 0, render_frame(family, state, phase, seed, w, h, wordless, **_camera(camera)))
    q.end()
    feather(layer, to_layer, width, height, edge)
    p.save()
    p.setOpacity(shown)
    p.drawImage(box.topLeft(), layer)
    p.restore()
    words = smoothstep((f - WORDS_BACK) / (1.0 - WORDS_BACK))
    if outer is circuit and words > 0.0 and style.labels != "none":  # the synapse's words, full size
        s, ox, oy = synapse_view(width, height, camera or WHOLE)
        k, dx, dy = frame.m11(), frame.dx(), frame.dy()
        p.save()
        p.setOpacity(words)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_labels(p, palette(style.palette), family, state, style, width, height, (s * k, ox * k + dx, oy * k + dy))
        p.restore()


def placed_labels(family: str, state, width: int, height: int, style: Style, scale: float,
                  camera=None) -> list[Placed]:
    """The labels a frame at a whole scale (BRAIN, CIRCUIT, SYNAPSE) draws, as plates, anchors
    and leader ends in device pixels (the synapse's through its camera)."""
    if style.labels == "none":
        return []
    scale = clamp_scale(scale)
    if scale == SYNAPSE:
        mapping = None if camera in (None, WHOLE) else synapse_view(width, height, camera)
        return synapse.placed_labels(family, state, style, width, height, mapping)
    picture = brain if scale < CIRCUIT else circuit
    return placed(picture.labels(family, state), style, width, height, canvas_transform(width, height))


def render_scaled(family: str, state, phase: float, seed: int, width: int, height: int, style: Style,
                  scale: float = SYNAPSE, camera=None) -> QImage:
    """The frame at `scale` as a width x height image; at SYNAPSE exactly synapse.render_frame."""
    if clamp_scale(scale) == SYNAPSE:
        return render_frame(family, state, phase, seed, width, height, style, **_camera(camera))
    img = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    paint_scaled(p, family, state, phase, seed, width, height, style, scale, camera)
    p.end()
    return img
