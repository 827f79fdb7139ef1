"""Sprite atlas and batched blitting: thousands of particles drawn with a few numpy operations.

Qt for Python exposes QPainter.drawPixmapFragments one fragment at a time, so particles are
blitted straight into the frame's ARGB32 buffer instead.  Each sprite is drawn once with
QPainter (any shape, antialiased) and split into three coverage levels -- opaque, half, quarter
-- that blend with integer shifts.  A particle's fade (0-3) drops it that many levels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

SHAPES = ("dot", "hexagon", "diamond", "star", "triangle", "square")
_HALF = np.uint32(0x7F7F7F7F)
_QUARTER = np.uint32(0x3F3F3F3F)
_OPAQUE = np.uint32(0xFF000000)


@dataclass(frozen=True)
class Sprite:
    """One particle image as offsets and colours per coverage level (0 opaque, 1 half, 2 quarter)."""

    size: int
    dy: tuple[np.ndarray, np.ndarray, np.ndarray]
    dx: tuple[np.ndarray, np.ndarray, np.ndarray]
    colour: tuple[np.ndarray, np.ndarray, np.ndarray]  # opaque ARGB32 per pixel


def _shape_path(shape: str, r: float) -> QPainterPath:
    path = QPainterPath()
    if shape == "dot":
        path.addEllipse(QPointF(0, 0), r, r)
        return path
    corners = {"hexagon": 6, "diamond": 4, "triangle": 3, "square": 4, "star": 10}[shape]
    start = {"hexagon": 0.0, "diamond": -math.pi / 2, "triangle": -math.pi / 2,
             "square": math.pi / 4, "star": -math.pi / 2}[shape]
    pts = []
    for i in range(corners):
        rad = r * (0.45 if shape == "star" and i % 2 else 1.0)
        a = start + 2 * math.pi * i / corners
        pts.append(QPointF(rad * math.cos(a), rad * math.sin(a)))
    path.addPolygon(QPolygonF(pts))
    path.closeSubpath()
    return path


@lru_cache(maxsize=128)
def make_sprite(shape: str, rgba: int, rim_rgba: int, size_px: int) -> Sprite:
    """Draw a shape of diameter size_px with a thin rim and split it into coverage levels."""
    size = max(3, int(size_px))
    img = QImage(size + 2, size + 2, QImage.Format.Format_ARGB32)
    img.fill(0)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.translate((size + 2) / 2, (size + 2) / 2)
    rim = max(0.8, size / 9)
    p.setPen(QPen(QColor.fromRgba(rim_rgba), rim))
    p.setBrush(QColor.fromRgba(rgba))
    p.drawPath(_shape_path(shape, size / 2 - rim / 2))
    p.end()
    h, w = img.height(), img.width()
    argb = np.frombuffer(img.constBits(), np.uint32, count=h * w).reshape(h, w).copy()
    alpha = argb >> 24
    opaque_colour = argb | _OPAQUE
    levels = (alpha >= 192, (alpha >= 96) & (alpha < 192), (alpha >= 32) & (alpha < 96))
    dy, dx, col = [], [], []
    for mask in levels:
        yy, xx = np.nonzero(mask)
        dy.append(yy.astype(np.intp) - h // 2)
        dx.append(xx.astype(np.intp) - w // 2)
        col.append(opaque_colour[mask])
    return Sprite(size, tuple(dy), tuple(dx), tuple(col))


def blit(frame: np.ndarray, xy: np.ndarray, sprite: Sprite, fade: np.ndarray | None = None) -> None:
    """Draw the sprite centred at each (x, y) device position into an (H, W) uint32 frame."""
    if len(xy) == 0:
        return
    h, w = frame.shape
    flat = frame.reshape(-1)
    pad = sprite.size // 2 + 2
    ix = np.rint(xy[:, 0]).astype(np.intp)
    iy = np.rint(xy[:, 1]).astype(np.intp)
    inside = (ix >= pad) & (ix < w - pad) & (iy >= pad) & (iy < h - pad)
    fades = np.zeros(len(xy), np.intp) if fade is None else np.asarray(fade, np.intp)
    for f in (0, 1, 2):
        sel = inside & (fades == f)
        if not sel.any():
            continue
        base = iy[sel] * w + ix[sel]
        for level in range(3):
            out_level = level + f
            if out_level > 2 or sprite.dy[level].size == 0:
                continue
            # (particles, sprite pixels) indices; the sprite's colours broadcast along the rows
            idx = base[:, None] + (sprite.dy[level] * w + sprite.dx[level])[None, :]
            src = sprite.colour[level][None, :]
            if out_level == 0:
                flat[idx] = src
            elif out_level == 1:
                flat[idx] = ((flat[idx] >> 1) & _HALF) + ((src >> 1) & _HALF) | _OPAQUE
            else:
                d = flat[idx]
                flat[idx] = ((d >> 1) & _HALF) + ((d >> 2) & _QUARTER) + ((src >> 2) & _QUARTER) | _OPAQUE


def frame_array(img: QImage) -> np.ndarray:
    """A writable (H, W) uint32 view of an ARGB32 QImage's pixels."""
    return np.frombuffer(img.bits(), np.uint32, count=img.width() * img.height()).reshape(
        img.height(), img.width())

