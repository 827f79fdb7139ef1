"""Whole frames from Timelines: one scene, or two side by side (compare) with titles.

Used by the window, the `render` command and every export, so all show the same pixels.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from ..content import load_content
from ..content.captions import stage_title
from ..model import Timeline
from .palette import palette
from .scales import SYNAPSE, render_scaled
from .synapse import Style, scene_font

MIN_SIZE, MAX_SIZE = (160, 90), (7680, 4320)


def ensure_gui_app(widgets: bool = False):
    """The Qt application for drawing, created once: offscreen unless a screen is set; a
    QApplication when widgets will be drawn too, else the lighter QGuiApplication."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if widgets:
            from PySide6.QtWidgets import QApplication

            app = QApplication(sys.argv[:1])
        else:
            app = QGuiApplication(sys.argv[:1])
    return app


def parse_size(text: str) -> tuple[int, int]:
    """'1920x1080' -> (1920, 1080); raises ValueError with the allowed range."""
    try:
        w_text, h_text = str(text).lower().split("x")
        w, h = int(w_text), int(h_text)
    except ValueError:
        raise ValueError(f"size '{text}' is not WIDTHxHEIGHT, e.g. 1920x1080") from None
    if not (MIN_SIZE[0] <= w <= MAX_SIZE[0] and MIN_SIZE[1] <= h <= MAX_SIZE[1]):
        raise ValueError(f"size {w}x{h} is outside {MIN_SIZE[0]}x{MIN_SIZE[1]} to {MAX_SIZE[0]}x{MAX_SIZE[1]}")
    return w, h


def scene_image(tl: Timeline, t_hours: float, width: int, height: int, style: Style,
                phase: float = 0.0, seed: int = 0, scale: float = SYNAPSE, camera=None) -> QImage:
    """One scene at model time t, at a scale (brain 0, circuit 1, synapse 2, or between); its
    labels name the scenario's drug."""
    return render_scaled(tl.scenario.family, tl.state_at(t_hours), phase, seed, width, height,
                         style.for_drug(tl.scenario.drug), scale, camera)


def stacked(width: int, height: int) -> bool:
    """Compare views sit one above the other when the area is taller than it is wide."""
    return width < height * 1.2


def compare_image(left: Timeline, right: Timeline, t_hours: float, width: int, height: int,
                  style: Style, phase: float = 0.0, seed: int = 0, scale: float = SYNAPSE, camera=None) -> QImage:
    """Two scenes on one clock, at one scale and camera, each under a title band naming the
    drug and its stage."""
    pal = palette(style.palette)
    content = load_content(style.lang)
    img = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(pal.background_bottom)
    vertical = stacked(width, height)
    band = max(24, round(min(width, height) * 0.05))
    cells = ([QRectF(0, 0, width, height / 2), QRectF(0, height / 2, width, height / 2)] if vertical
             else [QRectF(0, 0, width / 2, height), QRectF(width / 2, 0, width / 2, height)])
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    for cell, tl in zip(cells, (left, right)):
        w, h = int(cell.width()), int(cell.height()) - band
        frame = scene_image(tl, t_hours, w, h, style, phase, seed, scale, camera)
        p.drawImage(int(cell.left()), int(cell.top()) + band, frame)
        stage = stage_title(content, tl, t_hours)  # '[in animals]' added where the evidence is rodent
        p.setPen(pal.ink)
        title = QRectF(cell.left() + band * 0.4, cell.top(), cell.width() - band * 0.8, band)
        stage_font = scene_font(band * 0.38)
        stage_w = min(QFontMetricsF(stage_font).horizontalAdvance(stage), title.width() * 0.55)
        # the scenario's title gets the room the stage title leaves: a smaller font, then '…', if need be
        room, name = title.width() - stage_w - band * 0.6, content.scenario_title(tl.scenario)
        for share in (0.42, 0.38):
            name_font = scene_font(band * share, bold=True)
            if QFontMetricsF(name_font).horizontalAdvance(name) <= room:
                break
        name = QFontMetricsF(name_font).elidedText(name, Qt.TextElideMode.ElideRight, room)
        p.setFont(name_font)
        p.drawText(title, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
        p.setFont(stage_font)
        p.drawText(title, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                   QFontMetricsF(stage_font).elidedText(stage, Qt.TextElideMode.ElideRight, stage_w + 1))
    divider = QColor(pal.ink_soft)
    divider.setAlpha(120)
    p.setPen(divider)
    if vertical:
        p.drawLine(0, height // 2, width, height // 2)
    else:
        p.drawLine(width // 2, 0, width // 2, height)
    p.end()
    return img
