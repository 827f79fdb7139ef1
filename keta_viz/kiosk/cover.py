"""The black cover kept under the kiosk by the supervisor: a restart shows black, never the desktop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QWidget

from ..scene.palette import CHROME
from .reassert import Reasserter


class Cover(QWidget):
    """A black, frameless, full-screen window that takes no focus and cannot be closed.

    It stays in the bottom layer: above the desktop, never above the kiosk, even after a window
    menu moved the kiosk down to that layer.
    """

    def __init__(self):
        super().__init__(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnBottomHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setWindowTitle("Keta Viz")
        self.setStyleSheet(f"background:{CHROME['blank']}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setCursor(QCursor(Qt.CursorShape.BlankCursor))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        event.ignore()


def show_cover(screen) -> Cover:
    """Show the cover full screen on `screen`, kept there but never raised above the kiosk."""
    cover = Cover()
    if screen is not None:
        cover.setScreen(screen)
        cover.setGeometry(screen.geometry())
    cover.showFullScreen()
    cover.lower()
    cover.reasserter = Reasserter(cover, screen, on_top=False)
    return cover
