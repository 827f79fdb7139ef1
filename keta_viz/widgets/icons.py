"""Icons recoloured for a palette: the system's media icons are dark, so on the dark chromes
('screen', high 'contrast') they are drawn in the chrome's text colour (a toggle that is on, in
its 'on' text colour), and on the projector's system chrome in the system's button text colour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from ..scene.palette import chrome

SHOWN_MODES = (QIcon.Mode.Normal, QIcon.Mode.Active, QIcon.Mode.Selected)  # disabled: Qt greys it, as it should


def _filled(shape: QPixmap, colour: str) -> QPixmap:
    out = QPixmap(shape.size())
    out.fill(Qt.GlobalColor.transparent)
    p = QPainter(out)
    p.drawPixmap(0, 0, shape)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    p.fillRect(out.rect(), QColor(colour))
    p.end()
    return out


def tinted(icon: QIcon, colour: str, px: int = 44, on_colour: str | None = None) -> QIcon:
    """The icon's shape filled with one colour (drawn at px, so it stays sharp when scaled down),
    the same in every mode but disabled (no hover or selection tint dims it); a checked
    button's icon in `on_colour` (default: the same)."""
    shape = icon.pixmap(px, px)
    off, on = _filled(shape, colour), _filled(shape, on_colour or colour)
    result = QIcon()
    for mode in SHOWN_MODES:
        result.addPixmap(off, mode, QIcon.State.Off)
        result.addPixmap(on, mode, QIcon.State.On)
    return result


def palette_icon(icon: QIcon, palette_name: str) -> QIcon:
    """The icon in the palette's chrome ink: its text colours on the dark chromes, the system's
    button text on the projector's (the system's own) chrome."""
    if palette_name == "projector":
        return tinted(icon, QApplication.palette().color(QPalette.ColorRole.ButtonText).name())
    c = chrome(palette_name)
    return tinted(icon, c["text"], on_colour=c["text_on"])
