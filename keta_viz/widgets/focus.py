"""The keyboard focus ring of the widgets that paint themselves (synapse view, scrubber)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ..scene.palette import FOCUS

RING_PX = 3
KEYBOARD = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.ShortcutFocusReason)


class FocusRing:
    """Mixin for a QWidget: a ring just inside its edge while Tab (not a click, nor the window
    opening) has given it the keyboard focus."""

    keyboard_focus = False

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.keyboard_focus = event.reason() in KEYBOARD
        super().focusInEvent(event)

    def paint_focus_ring(self, painter: QPainter, palette_name: str) -> None:
        """Draw the ring (widget pixels) when the keyboard focus is here."""
        if self.hasFocus() and self.keyboard_focus:
            painter.setPen(QPen(QColor(FOCUS[palette_name]), RING_PX))
            painter.setBrush(QColor(0, 0, 0, 0))
            half = RING_PX // 2 + 1
            painter.drawRect(self.rect().adjusted(half, half, -half, -half))
