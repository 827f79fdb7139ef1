"""Kiosk labels read from 1.5-2 m at 1366 x 768: on the brain, the circuit and the synapse every
picture label is at least the kiosk's floor (21 px type, ~20 px cap to descender), and the view
sizes the label-tangle test (tests/scene/test_leaders.py) checks are the kiosk's own."""

import pytest
from PySide6.QtGui import QFontMetricsF

from keta_viz.kiosk.window import KIOSK_LABEL_PX, kiosk_label_pixels
from keta_viz.model.tour import BRAIN, CIRCUIT, SYNAPSE
from keta_viz.scene.scales import placed_labels
from keta_viz.scene.synapse import LABEL_PX, scene_font


def plate_height(px):
    """The height of a label's plate at type size px (synapse.label_boxes, picture.label_sprite)."""
    return QFontMetricsF(scene_font(px)).height() + 8 * px / LABEL_PX


def test_the_kiosk_floor_reads_from_two_metres(qapp):
    fm = QFontMetricsF(scene_font(kiosk_label_pixels(768)))
    assert kiosk_label_pixels(768) >= KIOSK_LABEL_PX and fm.capHeight() + fm.descent() >= 19.5
    assert kiosk_label_pixels(2160) > kiosk_label_pixels(1080)  # a larger screen, larger labels


@pytest.mark.parametrize("mode, size", [("attract", (1366, 501)), ("interactive", (1366, 308))])
def test_kiosk_labels_at_1366x768_reach_the_floor_at_every_scale(kiosk, qtbot, monkeypatch, mode, size):
    monkeypatch.setattr("keta_viz.kiosk.window.screen_height", lambda _widget: 768)
    kiosk.session.set_label_floor(kiosk_label_pixels(768))  # as the kiosk sets it on a 768-px screen
    kiosk.set_mode(mode)
    kiosk.resize(1366, 768)
    qtbot.waitUntil(lambda: (kiosk.views[0].width(), kiosk.views[0].height()) == size)
    s = kiosk.session
    assert s.style.label_min_px == kiosk_label_pixels(768)
    tl = s.timeline
    state = tl.state_at(tl.stages[-1].start)
    floor = plate_height(kiosk_label_pixels(768))
    for scale in (BRAIN, CIRCUIT, SYNAPSE):
        s.set_scale(scale)
        labels = placed_labels(tl.scenario.family, state, *size, s.style.for_drug(tl.scenario.drug), scale, s.camera)
        assert labels and min(x.box.height() for x in labels) >= floor - 1, scale


def test_the_kiosk_sets_its_floor(kiosk):
    from keta_viz.widgets.synapse_view import screen_height
    assert kiosk.session.style.label_min_px == kiosk_label_pixels(screen_height(kiosk)) >= KIOSK_LABEL_PX
