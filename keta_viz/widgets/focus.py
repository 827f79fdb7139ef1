"""The keyboard focus ring of the widgets that paint themselves (synapse view, scrubber)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ..scene.palette import FOCUS

RING_PX = 3


def paint_focus_ring(widget: QWidget, painter: QPainter, palette_name: str) -> None:
    """A ring just inside the widget's edge while it has the keyboard focus (widget pixels)."""
    if widget.hasFocus():
        painter.setPen(QPen(QColor(FOCUS[palette_name]), RING_PX))
        painter.setBrush(QColor(0, 0, 0, 0))
        half = RING_PX // 2 + 1
        painter.drawRect(widget.rect().adjusted(half, half, -half, -half))
