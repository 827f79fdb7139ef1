"""Magnified levels drawn ahead on a worker thread: the same pixels as drawn on the spot, the
neighbours ready before a zoom reaches them, a bounded number held, a failure not held."""

import threading

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from keta_viz.scene import brain, circuit, picture
from keta_viz.scene.levels import Levels
from keta_viz.scene.scales import render_scaled
from keta_viz.scene.synapse import Style

W, H = 640, 360


def tile(level: int) -> QImage:
    img = QImage(8, 8, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor(level, 0, 0))
    return img


class Counting:
    """A draw that notes each level it drew and whether on the main thread."""

    def __init__(self):
        self.calls = []

    def __call__(self, level):
        self.calls.append((level, threading.current_thread() is threading.main_thread()))
        return tile(level)


def test_a_level_is_drawn_on_the_spot_and_its_neighbours_ahead():
    levels, draw = Levels(keep=7), Counting()
    for level in (3, 4, 2, 5):  # 3 on the spot; 2 and 4 ahead; 5 ahead of 4
        assert levels.get("pic", level, 9, draw).pixelColor(0, 0).red() == level
    drawn = dict(draw.calls)
    assert [level for level, _ in draw.calls].count(4) == 1  # waited for, not drawn again
    assert drawn[3] is True and drawn[2] is drawn[4] is drawn[5] is False
    assert ("pic", 3) in levels.held() and len(levels.held()) <= 7


def test_levels_stay_within_the_picture_and_the_held_ones_are_bounded():
    levels, draw = Levels(keep=3), Counting()
    levels.get("pic", 1, 2, draw)
    levels.get("pic", 2, 2, draw)
    assert sorted({level for level, _ in draw.calls}) == [1, 2]  # no level 0 (the whole picture) nor 3 (past the spot)
    for level in range(1, 9):
        levels.get("other", level, 8, draw)
        assert len(levels.held()) <= 3


def test_a_level_that_fails_to_draw_is_not_held():
    levels, tries = Levels(), []

    def draw(level):
        tries.append(level)
        if len(tries) == 1:
            raise MemoryError("no room")
        return tile(level)

    with pytest.raises(MemoryError):
        levels.get("pic", 1, 1, draw)
    assert levels.get("pic", 1, 1, draw).pixelColor(0, 0).red() == 1  # drawn again


@pytest.mark.parametrize("scale", [0.3, 0.8, 1.2, 1.85])
def test_a_zoom_frame_is_the_same_whether_its_levels_were_drawn_ahead_or_not(qapp, ket, monkeypatch, scale):
    state = ket.state_at(1.0)
    monkeypatch.setattr(picture, "LEVELS", Levels())
    render_scaled("ketamine", state, 0.5, 0, W, H, Style(), scale - 0.1)  # its neighbours drawn ahead
    ahead = render_scaled("ketamine", state, 0.5, 0, W, H, Style(), scale)
    monkeypatch.setattr(picture, "LEVELS", Levels())
    assert render_scaled("ketamine", state, 0.5, 0, W, H, Style(), scale) == ahead


@pytest.mark.parametrize("m", [0.2, 0.3, 0.45])
def test_a_small_picture_is_shrunk_from_its_half_or_quarter_size_image(qapp, m):
    """The whole picture shrunk by m from a smaller image matches it shrunk from the full one."""
    from PySide6.QtGui import QPainter

    spot = brain.SPOT["ketamine"]
    zoom = picture.magnify(spot, m)
    assert picture.mip_size(m, W, H) != (W, H)

    def drawn(size):
        img = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(0)
        p = QPainter(img)
        if size is None:
            picture.draw_static_zoomed(p, circuit.draw_static, "ketamine", spot, zoom, W, H, "screen")
        else:
            src = picture.static_image(circuit.draw_static, "ketamine", W, H, "screen")
            view = picture.canvas_transform(W, H)
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.setTransform(view.inverted()[0] * zoom * view)
            p.drawImage(0, 0, src)
        p.end()
        a = np.frombuffer(img.constBits(), np.uint8, count=W * H * 4).reshape(H, W, 4).astype(float)
        return a

    small, full = drawn(None), drawn("full")
    inside = full[..., 3] == 255  # where the shrunk picture lies, away from its rim
    diff = np.abs(small - full)[inside]
    assert inside.sum() > 0.03 * W * H
    assert diff.mean() < 4 and np.percentile(diff, 99) < 60  # the same picture, a little smoother
