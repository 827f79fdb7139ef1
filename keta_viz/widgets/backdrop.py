"""A dimmed veil over a whole window, under a panel shown on top of it (the kiosk's PIN pad, the
shortcut list): the picture stays in sight but recedes, and a touch on the veil reaches nothing
under it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from ..scene.palette import BACKDROP


def backdrop_colour() -> QColor:
    """The veil's colour with its opacity."""
    colour = QColor(BACKDROP["colour"])
    colour.setAlphaF(BACKDROP["opacity"])
    return colour


class Backdrop(QWidget):
    """Covers its parent (and follows its size) while shown; `clicked` on a press on the veil."""

    clicked = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("backdrop")
        parent.installEventFilter(self)
        self.hide()

    def cover(self) -> None:
        """Show over the whole parent, above its other children."""
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), backdrop_colour())

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        event.accept()
        self.clicked.emit()
