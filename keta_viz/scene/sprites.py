"""Sprite atlas and batched drawing: thousands of particles in one QPainter call.

Each particle kind is drawn once with QPainter (any shape, antialiased) into a strip of sprites,
the atlas.  A frame's particles become rows of a numpy array of QPainter.PixmapFragment fields
(centre, source rectangle, scale, rotation, opacity) handed to drawPixmapFragments as a pointer
to the first fragment plus a count -- one call for every particle of a frame.  A particle's
fade (0-3) halves its opacity that many times.  The rows start from a cached template (source
rectangle, scale, opacity filled in) and only the positions are written per frame.

A mostly transparent layer drawn once (the labels and their leader lines) is cut into the runs
of each band of rows that hold ink (`sparse_tiles`), so drawing it costs those pixels alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shiboken6
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

FRAGMENT_FIELDS = 10  # x, y, sourceLeft, sourceTop, width, height, scaleX, scaleY, rotation, opacity


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


def sprite_image(shape: str, rgba: int, rim_rgba: int, size_px: int) -> QImage:
    """A shape of diameter size_px with a thin rim, antialiased, on a transparent image."""
    size = max(3, int(size_px))
    img = QImage(size + 2, size + 2, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.translate((size + 2) / 2, (size + 2) / 2)
    rim = max(0.8, size / 9)
    p.setPen(QPen(QColor.fromRgba(rim_rgba), rim))
    p.setBrush(QColor.fromRgba(rgba))
    p.drawPath(_shape_path(shape, size / 2 - rim / 2))
    p.end()
    return img


@dataclass(frozen=True)
class Atlas:
    """Sprites side by side in one pixmap, and each kind's source rectangle in it."""

    pixmap: QPixmap
    rects: dict[str, tuple[int, int, int, int]]


def make_atlas(sprites: dict[str, QImage]) -> Atlas:
    """Pack sprite images left to right, one pixel apart."""
    width = sum(img.width() + 1 for img in sprites.values())
    height = max(img.height() for img in sprites.values())
    strip = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    strip.fill(0)
    p = QPainter(strip)
    rects, x = {}, 0
    for kind, img in sprites.items():
        p.drawImage(x, 0, img)
        rects[kind] = (x, 0, img.width(), img.height())
        x += img.width() + 1
    p.end()
    return Atlas(QPixmap.fromImage(strip), rects)


@lru_cache(maxsize=32)
def template_rows(rect: tuple[int, int, int, int], capacity: int) -> np.ndarray:
    """`capacity` read-only fragment rows drawing the sprite `rect` unscaled, unrotated, opaque."""
    rows = np.zeros((capacity, FRAGMENT_FIELDS))
    rows[:, 2:] = (*rect, 1.0, 1.0, 0.0, 1.0)
    rows.flags.writeable = False
    return rows


def fragments(layout: dict[str, tuple], rects: dict[str, tuple[int, int, int, int]], scale: float,
              ox: float, oy: float) -> np.ndarray:
    """Fragment rows for a frame's particles, kind after kind: {kind: ((2, n) canvas positions,
    fades or None)} mapped to the device (position * scale + offset), each kind's sprite
    `rects[kind]` centred near its particle on whole pixels, a fade as opacity."""
    out = np.empty((sum(xy.shape[1] for xy, _ in layout.values()), FRAGMENT_FIELDS))
    i = 0
    for kind, (xy, fade) in layout.items():
        n = xy.shape[1]
        if n == 0:
            continue
        rows = out[i:i + n]
        i += n
        rect = rects[kind]
        rows[:] = template_rows(rect, 1 << max(12, (n - 1).bit_length()))[:n]  # one size to 4,096: n moves, no miss
        half = np.array([[rect[2] / 2], [rect[3] / 2]])
        centre = np.multiply(xy, scale, dtype=np.float64)
        centre += np.array([[ox], [oy]]) - half
        np.floor(centre, out=centre)
        np.add(centre, half, out=rows[:, :2].T)
        if fade is not None:
            np.ldexp(1.0, -fade, out=rows[:, 9])
    return out


def draw_fragments(p: QPainter, rows: np.ndarray, atlas: Atlas) -> None:
    """Draw every fragment row with one drawPixmapFragments call."""
    if len(rows) == 0:
        return
    rows = np.ascontiguousarray(rows, dtype=np.float64)  # the layout of QPainter.PixmapFragment
    first = shiboken6.wrapInstance(rows.ctypes.data, QPainter.PixmapFragment)
    p.drawPixmapFragments(first, len(rows), atlas.pixmap)


def sparse_tiles(layers: list[tuple[QImage, int, int]], band: int = 8, gap: int = 16) -> tuple[Atlas, np.ndarray]:
    """Mostly transparent ARGB32 premultiplied images, each placed at (left, top), as the runs of
    non-transparent columns in each band of their rows (runs closer than `gap` merged), packed
    into one atlas, and the fragment rows that draw them back in place, image after image:
    drawing those costs the runs' area, not the images'."""
    runs = []  # (pixels, left, top, width, height) in an image, and where that image goes
    for img, x0, y0 in layers:
        w, h = img.width(), img.height()
        pixels = np.frombuffer(img.constBits(), np.uint32, w * h).reshape(h, w)
        bands = np.zeros((-(-h // band) * band, w + 2), bool)
        bands[:h, 1:-1] = pixels != 0
        used = bands.reshape(-1, band, w + 2).any(axis=1).view(np.int8)  # (band, column) holds ink
        which, starts = np.nonzero(np.diff(used, axis=1) == 1)
        ends = np.nonzero(np.diff(used, axis=1) == -1)[1]
        if len(starts) == 0:
            continue
        first = np.flatnonzero(np.r_[True, (which[1:] != which[:-1]) | (starts[1:] - ends[:-1] >= gap)])
        last = np.r_[first[1:], len(starts)] - 1
        for b, left, right in zip(which[first].tolist(), starts[first].tolist(), ends[last].tolist()):
            runs.append((pixels, left, b * band, right - left, min(band, h - b * band), x0, y0))
    width = max([1024] + [run[3] for run in runs])
    places, x, y = [], 0, 0
    for run in runs:  # shelves `band` rows high, filled left to right
        if x + run[3] > width:
            x, y = 0, y + band
        places.append((x, y))
        x += run[3] + 1
    sheet = np.zeros((y + band, width), np.uint32)
    rows = np.zeros((len(runs), FRAGMENT_FIELDS))
    for i, ((pixels, left, top, rw, rh, x0, y0), (ax, ay)) in enumerate(zip(runs, places)):
        sheet[ay:ay + rh, ax:ax + rw] = pixels[top:top + rh, left:left + rw]
        rows[i] = (x0 + left + rw / 2, y0 + top + rh / 2, ax, ay, rw, rh, 1.0, 1.0, 0.0, 1.0)
    atlas_img = QImage(sheet.data, width, y + band, width * 4, QImage.Format.Format_ARGB32_Premultiplied)
    return Atlas(QPixmap.fromImage(atlas_img.copy()), {}), rows
