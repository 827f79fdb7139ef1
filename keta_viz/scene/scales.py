"""One frame at any scale: BRAIN (0), CIRCUIT (1), SYNAPSE (2) and a continuous zoom between them.

Between two scales the outer picture magnifies about the box its inner picture grows out of (the
PFC or raphe spot in the brain, the marked synapse in the circuit), while the inner picture, drawn
whole and shrunk into that box, grows with it and fades in; at the next integer scale it fills
the frame exactly.  Frame = f(state(t), phase, scale, camera): deterministic, so exports and
seeks reproduce a zoom.
"""

from __future__ import annotations

from PySide6.QtGui import QImage, QPainter

from ..model.tour import BRAIN, CIRCUIT, SYNAPSE, smoothstep
from . import brain, circuit
from .picture import canvas_transform, spot_transform, zoom_transform
from .synapse import Style, frame_base, paint_frame, render_frame

WORDS_GONE = 0.35  # the outer picture's labels have faded out this far into a zoom
FADE_IN = (0.12, 0.72)  # the inner picture fades in over this part of a zoom


def _camera(camera) -> dict:
    """The synapse's camera argument, when there is one."""
    return {} if camera is None else {"camera": camera}


def _inner_image(inner, family: str, state, phase: float, seed: int, width: int, height: int, style: Style,
                 camera) -> QImage:
    if inner is circuit:
        return circuit.render(family, state, phase, width, height, style)
    return render_frame(family, state, phase, seed, width, height, style, **_camera(camera))


def paint_scaled(p: QPainter, family: str, state, phase: float, seed: int, width: int, height: int,
                 style: Style, scale: float = SYNAPSE, camera=None) -> None:
    """The frame at `scale` (clamped to 0-2) painted into a width x height device."""
    scale = min(max(float(scale), BRAIN), SYNAPSE)
    if scale == SYNAPSE:
        p.drawImage(0, 0, frame_base(family, state, width, height, style, **_camera(camera)))
        paint_frame(p, family, state, phase, seed, width, height, style, **_camera(camera))
        return
    if scale in (BRAIN, CIRCUIT):
        (brain if scale == BRAIN else circuit).paint(p, family, state, phase, width, height, style)
        return
    outer, inner = (brain, circuit) if scale < CIRCUIT else (circuit, None)
    f = scale - (BRAIN if scale < CIRCUIT else CIRCUIT)
    spot = outer.SPOT[family] if outer is brain else outer.SPOT
    outer.paint(p, family, state, phase, width, height, style, zoom=zoom_transform(spot, f),
                words=1.0 - smoothstep(f / WORDS_GONE))
    image = _inner_image(inner, family, state, phase, seed, width, height, style, camera)
    view = canvas_transform(width, height)
    p.save()
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.setTransform(view.inverted()[0] * spot_transform(spot) * zoom_transform(spot, f) * view)
    p.setOpacity(smoothstep((f - FADE_IN[0]) / (FADE_IN[1] - FADE_IN[0])))
    p.drawImage(0, 0, image)
    p.restore()


def render_scaled(family: str, state, phase: float, seed: int, width: int, height: int, style: Style,
                  scale: float = SYNAPSE, camera=None) -> QImage:
    """The frame at `scale` as a width x height image; at SYNAPSE exactly synapse.render_frame."""
    if min(max(float(scale), BRAIN), SYNAPSE) == SYNAPSE:
        return render_frame(family, state, phase, seed, width, height, style, **_camera(camera))
    img = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    paint_scaled(p, family, state, phase, seed, width, height, style, scale, camera)
    p.end()
    return img
