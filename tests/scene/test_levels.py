"""Magnified levels held for a zoom: the same pixels however they were reached; while a view
drafts, a lower level stands in and the level is drawn once the frame is shown."""

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from keta_viz.scene import brain, circuit, picture
from keta_viz.scene.levels import Levels, drafts
from keta_viz.scene.scales import render_scaled
from keta_viz.scene.synapse import Style

W, H = 640, 360


def tile(level: int) -> QImage:
    img = QImage(8, 8, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor(level, 0, 0))
    return img


class Counting:
    """A draw that notes each level it drew."""

    def __init__(self):
        self.calls = []

    def __call__(self, level):
        self.calls.append(level)
        return tile(level)


@pytest.mark.parametrize("keep, budget", [(3, 10**9), (99, 3 * tile(0).sizeInBytes())])
def test_a_level_is_drawn_once_and_held_within_the_count_and_the_budget(keep, budget):
    levels, draw = Levels(keep, budget), Counting()
    for level in (3, 4, 3, 4):
        shown, image = levels.get("pic", level, draw)
        assert shown == level and image.pixelColor(0, 0).red() == level
    assert draw.calls == [3, 4]
    for level in range(1, 9):
        levels.get("other", level, draw)
        assert len(levels.held()) <= 3 and levels.held()[-1] == ("other", level)
    tiny = Levels(keep, budget=0)
    tiny.get("pic", 1, draw)
    assert tiny.held() == [("pic", 1)]  # the last level is held whatever the budget


def test_while_drafting_a_lower_level_stands_in_and_the_level_is_drawn_when_finished():
    levels, draw = Levels(), Counting()
    with drafts() as draft:
        assert levels.get("pic", 4, draw) == (0, None) and draft.used  # nothing held: the whole picture
    assert draw.calls == []
    levels.get("pic", 2, draw)
    with drafts() as draft:
        assert levels.get("pic", 4, draw) == (2, levels.get("pic", 2, draw)[1])  # the nearest lower one
        assert levels.get("other", 1, draw) == (0, None)  # only that picture's levels stand in
    assert draw.calls == [2]
    draft.finish()
    assert sorted(draw.calls) == [1, 2, 4] and not draft.used
    with drafts() as draft:
        assert levels.get("pic", 4, draw)[0] == 4 and not draft.used


@pytest.mark.parametrize("scale", [0.3, 0.8, 1.2, 1.85])
def test_a_zoom_frame_is_the_same_whether_its_level_was_held_or_drawn_for_it(qapp, ket, monkeypatch, scale):
    state = ket.state_at(1.0)
    monkeypatch.setattr(picture, "LEVELS", Levels())
    drawn = render_scaled("ketamine", state, 0.5, 0, W, H, Style(), scale)
    assert render_scaled("ketamine", state, 0.5, 0, W, H, Style(), scale) == drawn  # held now


def test_a_drafted_zoom_frame_stands_in_then_sharpens_to_the_exact_frame(qapp, ket, monkeypatch):
    state = ket.state_at(1.0)
    monkeypatch.setattr(picture, "LEVELS", Levels())
    exact = render_scaled("ketamine", state, 0.5, 0, W, H, Style(), 0.5)
    monkeypatch.setattr(picture, "LEVELS", Levels())
    with drafts() as draft:
        stand_in = render_scaled("ketamine", state, 0.5, 0, W, H, Style(), 0.5)
    assert draft.used and stand_in != exact

    def px(img):
        return np.frombuffer(img.constBits(), np.uint8, count=W * H * 4).astype(float)
    assert np.abs(px(stand_in) - px(exact)).mean() < 6  # the same picture, softer
    draft.finish()
    with drafts() as draft:
        assert render_scaled("ketamine", state, 0.5, 0, W, H, Style(), 0.5) == exact and not draft.used


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
        return np.frombuffer(img.constBits(), np.uint8, count=W * H * 4).reshape(H, W, 4).astype(float)

    small, full = drawn(None), drawn("full")
    inside = full[..., 3] == 255  # where the shrunk picture lies, away from its rim
    diff = np.abs(small - full)[inside]
    assert inside.sum() > 0.03 * W * H
    assert diff.mean() < 4 and np.percentile(diff, 99) < 60  # the same picture, a little smoother
