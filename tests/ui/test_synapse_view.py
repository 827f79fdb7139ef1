"""The view paints the frame straight into the widget: the same pixels as the offline renderer."""

import numpy as np
import pytest

from keta_viz.model import load_scenario, simulate
from keta_viz.scene.render import scene_image
from keta_viz.scene.synapse import Style
from keta_viz.app.session import Session
from keta_viz.widgets.synapse_view import SynapseView


def rgb(img):
    img = img.convertToFormat(img.Format.Format_RGB32)
    a = np.frombuffer(img.constBits(), np.uint8, count=img.width() * img.height() * 4)
    return a.reshape(img.height(), img.width(), 4)[:, :, :3].astype(float)


@pytest.mark.parametrize("name, t, follow", [("ketamine-iv", 1.15, False), ("escitalopram", 300.0, False),
                                             ("ketamine-iv", 1.15, True), ("ketamine-iv", 0.75, True)])
def test_widget_pixels_match_the_offline_frame(qtbot, name, t, follow):
    """The whole synapse, and following the story: its scale and camera at t (the flood framed
    at 1.15 h; mid-zoom from the circuit into the framed receptors at 0.75 h)."""
    tl = simulate(load_scenario(name))
    session = Session([tl], "screen", "plain")
    session.set_follow_story(follow)
    playhead = session.playhead
    view = SynapseView(session, side=0, seed=1)
    qtbot.addWidget(view)
    view.resize(960, 540)
    playhead.seek(t)
    session.set_phase(2.5)
    shown = view.grab().toImage()
    offline = scene_image(tl, t, 960, 540, Style("screen", "plain"), phase=2.5, seed=1, scale=session.scale,
                          camera=session.camera)
    diff = np.abs(rgb(shown) - rgb(offline))
    assert diff.mean() <= 1.0
    assert (diff.max(axis=2) > 64).mean() < 0.001
