"""Icons recoloured for a palette: the system's dark media icons vanish on the high-contrast
palette's black, so there they are drawn in its chrome's text colour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ..scene.palette import chrome


def tinted(icon: QIcon, colour: str, px: int = 44) -> QIcon:
    """The icon's shape filled with one colour (drawn at px, so it stays sharp when scaled down)."""
    shape = icon.pixmap(px, px)
    out = QPixmap(shape.size())
    out.fill(Qt.GlobalColor.transparent)
    p = QPainter(out)
    p.drawPixmap(0, 0, shape)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    p.fillRect(out.rect(), QColor(colour))
    p.end()
    return QIcon(out)


def palette_icon(icon: QIcon, palette_name: str) -> QIcon:
    """The icon as the palette's chrome shows it: its text colour on 'contrast', else unchanged."""
    return tinted(icon, chrome(palette_name)["text"]) if palette_name == "contrast" else icon
