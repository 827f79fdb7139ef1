"""Freehand pen strokes that belong to the picture they were drawn on.

A stroke remembers the scale it was drawn at (brain, circuit, synapse, or a moment of a zoom)
and its points in that picture's 1600 x 900 canvas -- on the synapse, through the story
camera as it was then.  So a stroke stays on the thing it marks when the window resizes, and
follows the synapse as the camera moves and zooms; at another scale it is hidden, and shown
again when the picture is back at its own scale.  (Clearing on every scale change would lose a
clinician's marks to a passing zoom of the story tour; strokes go only with Clear.)
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ..model.tour import SYNAPSE
from ..scene.camera import WHOLE, Camera
from ..scene.palette import PEN
from ..scene.synapse import view, viewport

PEN_COLOURS = tuple(QColor(c) for c in PEN)  # seen on both palettes
PEN_WIDTH = 6.0  # in scene units (1600 x 900 canvas)


def mapping(w: int, h: int, scale: float, camera: Camera) -> tuple[float, float, float]:
    """Canvas to a w x h picture at this scale: through the camera on the synapse, else whole."""
    return view(w, h, camera) if scale == SYNAPSE else viewport(w, h)


class Strokes:
    """A list of strokes; each is a colour, points in its picture's canvas, and its scale."""

    def __init__(self):
        self.items: list[tuple[QColor, list[QPointF], float]] = []

    def __bool__(self) -> bool:
        return bool(self.items)

    def begin(self, colour: QColor, widget_pos: QPointF, w: int, h: int, scale: float = SYNAPSE,
              camera: Camera = WHOLE) -> None:
        """Start a stroke at a widget position on the picture shown at this scale and camera."""
        self.items.append((QColor(colour), [self._to_scene(widget_pos, mapping(w, h, scale, camera))], scale))

    def extend(self, widget_pos: QPointF, w: int, h: int, camera: Camera = WHOLE) -> None:
        """Add a point to the current stroke (on its own scale's picture, through the camera now)."""
        if self.items:
            _colour, pts, scale = self.items[-1]
            pts.append(self._to_scene(widget_pos, mapping(w, h, scale, camera)))

    def clear(self) -> None:
        """Remove every stroke."""
        self.items.clear()

    def shown(self, scale: float) -> bool:
        """Whether any stroke shows at this scale."""
        return any(s == scale for _c, _p, s in self.items)

    @staticmethod
    def _to_scene(pos: QPointF, m: tuple[float, float, float]) -> QPointF:
        s, ox, oy = m
        return QPointF((pos.x() - ox) / s, (pos.y() - oy) / s)

    def paint(self, p: QPainter, w: int, h: int, scale: float = SYNAPSE, camera: Camera = WHOLE) -> None:
        """Draw the strokes of this scale over a w x h picture seen through the camera."""
        s, ox, oy = mapping(w, h, scale, camera)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.translate(ox, oy)
        p.scale(s, s)
        for colour, pts, at in self.items:
            if at != scale:
                continue
            path = QPainterPath(pts[0])
            for q in pts[1:]:
                path.lineTo(q)
            p.setPen(QPen(colour, PEN_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                          Qt.PenJoinStyle.RoundJoin))
            p.setBrush(Qt.BrushStyle.NoBrush)
            if len(pts) == 1:
                p.drawPoint(pts[0])
            else:
                p.drawPath(path)
        p.restore()
