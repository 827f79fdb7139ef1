"""Room-sized text (issue 15, item 4): the picture's labels scale with the view and never fall
below a floor the mode sets (desk 11 px; presentation 18 px at 1080p), so a compare pane stays
readable; the time stays shown when the presentation controls fade."""

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from keta_viz.scene.synapse import _label_sprites, label_pixels, scene_font

PANE_1080 = (958, 870)  # one compare pane of a 1080p screen, under the caption strip


def rendered_label_pixels(family, style, w, h):
    """The type size the labels are drawn at, read back from the drawn label plates."""
    labels, _pen, _dot = _label_sprites(family, style.labels, style.lang, style.palette, w, h, style.label_min_px)
    heights = {img.height() for _id, img, *_ in labels}
    px = label_pixels(w, h, style.label_min_px)
    k = px / 21
    assert heights == {int(QFontMetricsF(scene_font(px)).height() + 8 * k) + 2}  # each plate holds text of that size
    for _id, img, top_left, _anchor, _near in labels:  # a larger floor never pushes a plate out of the frame
        assert QRectF(0, 0, w, h).contains(QRectF(top_left, img.size().toSizeF()))
    return scene_font(px).pixelSize()


def test_window_compare_labels_are_at_least_desk_sized(window, qtbot):
    window.resize(1920, 1080)
    window.set_compare("escitalopram")
    qtbot.wait(20)
    style = window.session.style
    assert style.label_min_px == 11
    for view in window.views:
        assert rendered_label_pixels(view.timeline.scenario.family, style, view.width(), view.height()) >= 11


def test_presentation_compare_pane_at_1080p_reads_from_the_back(window, monkeypatch):
    window.set_compare("escitalopram")
    monkeypatch.setattr(type(window.presentation), "screen_height", lambda self: 1080)  # a 1080p screen
    window.set_presentation(True)
    style = window.session.style
    assert style.label_min_px >= 18
    for family in ("ketamine", "ssri"):
        assert rendered_label_pixels(family, style, *PANE_1080) >= 18
    window.set_presentation(False)
    assert window.session.style.label_min_px == 11


def test_kiosk_sets_a_room_floor_too(qtbot):
    from keta_viz.app.session import Session
    from keta_viz.model import load_scenario, simulate

    s = Session([simulate(load_scenario("ketamine-iv"))])
    assert s.style.label_min_px == 0  # offline renders keep the picture's own scale
    s.set_label_floor(18)
    assert s.style.label_min_px == 18


@pytest.mark.parametrize("w, h", [(1600, 900), (3840, 2160)])
def test_a_whole_screen_keeps_its_own_scale(w, h):
    assert label_pixels(w, h, 18) == pytest.approx(21 * min(w / 1600, h / 900))


def test_time_stays_shown_when_the_presentation_controls_fade(window, clock):
    window.set_presentation(True)
    readout = window.presentation.readout
    window.playhead.seek(24)
    clock.now += 10
    window.tick()
    assert window.controls_fade.opacity() == 0.0
    assert readout.isVisible() and readout.text() == "1 day after the first dose"
    assert readout.graphicsEffect() is None and readout.parent() is window  # not inside the fading controls
    assert window.rect().contains(readout.geometry())
    window.set_compare("escitalopram")
    assert not readout.isVisible() and window.caption.text().startswith("1 day after the first dose")
    window.set_presentation(False)
    assert not readout.isVisible()
