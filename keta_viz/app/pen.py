"""Freehand pen strokes kept in scene coordinates, so they stay on the diagram when it resizes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ..scene.palette import PEN
from ..scene.synapse import viewport

PEN_COLOURS = tuple(QColor(c) for c in PEN)  # seen on both palettes
PEN_WIDTH = 6.0  # in scene units (1600 x 900 canvas)


class Strokes:
    """A list of strokes; each is a colour and points in the scene's virtual canvas."""

    def __init__(self):
        self.items: list[tuple[QColor, list[QPointF]]] = []

    def __bool__(self) -> bool:
        return bool(self.items)

    def begin(self, colour: QColor, widget_pos: QPointF, w: int, h: int) -> None:
        """Start a stroke at a widget position."""
        self.items.append((QColor(colour), [self._to_scene(widget_pos, w, h)]))

    def extend(self, widget_pos: QPointF, w: int, h: int) -> None:
        """Add a point to the current stroke."""
        if self.items:
            self.items[-1][1].append(self._to_scene(widget_pos, w, h))

    def clear(self) -> None:
        """Remove every stroke."""
        self.items.clear()

    @staticmethod
    def _to_scene(pos: QPointF, w: int, h: int) -> QPointF:
        s, ox, oy = viewport(w, h)
        return QPointF((pos.x() - ox) / s, (pos.y() - oy) / s)

    def paint(self, p: QPainter, w: int, h: int) -> None:
        """Draw the strokes over a w x h picture of the scene."""
        s, ox, oy = viewport(w, h)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.translate(ox, oy)
        p.scale(s, s)
        for colour, pts in self.items:
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
