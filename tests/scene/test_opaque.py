"""Every frame covers every pixel of its device at every scale the story or the user shows, so
the synapse view can tell Qt that nothing under it needs painting (WA_OpaquePaintEvent)."""

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPainter

from keta_viz.model import load_scenario, simulate
from keta_viz.scene.scales import paint_scaled
from keta_viz.scene.synapse import Style


def least_alpha(family, state, phase, w, h, scale, camera) -> int:
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    p = QPainter(img)
    paint_scaled(p, family, state, phase, 0, w, h, Style(), scale, camera)
    p.end()
    return int((np.frombuffer(img.constBits(), np.uint32, w * h) >> 24).min())


@pytest.mark.parametrize("name", ["ketamine-iv", "escitalopram"])
def test_story_frames_are_opaque(name, qapp):
    from keta_viz.app.session import Session

    s = Session([simulate(load_scenario(name))])
    for u in np.linspace(0.0, 1.0, 61):
        s.playhead.seek_u(float(u))
        state = s.timeline.state_at(s.playhead.t)
        assert least_alpha(s.timeline.scenario.family, state, s.phase, 641, 363, s.scale, s.camera) == 255, u


@pytest.mark.parametrize("scale", [0.0, 0.3, 0.75, 1.0, 1.4, 1.9, 2.0])
def test_chosen_scales_are_opaque(scale, qapp):
    from keta_viz.scene.camera import WHOLE

    tl = simulate(load_scenario("ketamine-iv"))
    assert least_alpha(tl.scenario.family, tl.state_at(1.0), 0.3, 641, 363, scale, WHOLE) == 255
