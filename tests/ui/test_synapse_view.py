"""The view paints the frame straight into the widget: the same pixels as the offline renderer."""

import numpy as np
import pytest

from keta_viz.model import load_scenario, simulate
from keta_viz.model.tour import CIRCUIT, SYNAPSE
from keta_viz.scene.render import scene_image
from keta_viz.scene.scales import render_scaled
from keta_viz.scene.synapse import Style
from keta_viz.app.session import Session
from keta_viz.widgets.synapse_view import SynapseView


def rgb(img):
    img = img.convertToFormat(img.Format.Format_RGB32)
    a = np.frombuffer(img.constBits(), np.uint8, count=img.width() * img.height() * 4)
    return a.reshape(img.height(), img.width(), 4)[:, :, :3].astype(float)


def view_on(qtbot, tl, follow=False, scale=None):
    """A 960 x 540 view (seed 1) of one scenario, its Session following the story or at `scale`."""
    session = Session([tl], "screen", "plain")
    session.set_follow_story(follow)
    if scale is not None:
        session.set_scale(scale)
    view = SynapseView(session, side=0, seed=1)
    qtbot.addWidget(view)
    view.resize(960, 540)
    return session, view


@pytest.mark.parametrize("name, t, follow", [("ketamine-iv", 1.15, False), ("escitalopram", 300.0, False),
                                             ("ketamine-iv", 1.15, True), ("ketamine-iv", 0.75, True)])
def test_widget_pixels_match_the_offline_frame(qtbot, name, t, follow):
    """The whole synapse, and following the story: its scale and camera at t (the flood framed
    at 1.15 h; mid-zoom from the circuit into the framed receptors at 0.75 h)."""
    tl = simulate(load_scenario(name))
    session, view = view_on(qtbot, tl, follow)
    session.playhead.seek(t)
    session.set_phase(2.5)
    shown = view.grab().toImage()
    offline = scene_image(tl, t, 960, 540, Style("screen", "plain"), phase=2.5, seed=1, scale=session.scale,
                          camera=session.camera)
    diff = np.abs(rgb(shown) - rgb(offline))
    assert diff.mean() <= 1.0
    assert (diff.max(axis=2) > 64).mean() < 0.001


@pytest.mark.parametrize("scale", [SYNAPSE, CIRCUIT])
def test_an_esketamine_story_is_labelled_esketamine_on_screen(qtbot, scale):
    """The view paints its scenario's drug into the labels, as the offline frame does."""
    tl = simulate(load_scenario("esketamine-induction"))
    session, view = view_on(qtbot, tl, scale=scale)
    session.playhead.seek(1.0)
    shown = rgb(view.grab().toImage())
    offline = scene_image(tl, 1.0, 960, 540, Style("screen", "plain"), seed=1, scale=scale, camera=session.camera)
    as_ketamine = render_scaled("ketamine", tl.state_at(1.0), 0.0, 1, 960, 540,
                                Style("screen", "plain", drug="ketamine"), scale, session.camera)
    assert (np.abs(shown - rgb(offline)).max(axis=2) > 64).mean() < 0.001
    assert (np.abs(shown - rgb(as_ketamine)).max(axis=2) > 64).sum() > 50  # "Esketamine", not "Ketamine"


def test_a_seek_into_a_zoom_shows_a_stand_in_at_once_then_the_exact_frame(qtbot, monkeypatch):
    """Mid-zoom with no level held: the first paint drafts (no level drawn in it), the view
    draws the level right after and paints the offline frame's pixels."""
    from keta_viz.scene import picture
    from keta_viz.scene.levels import Levels

    monkeypatch.setattr(picture, "LEVELS", Levels())
    session, view = view_on(qtbot, simulate(load_scenario("ketamine-iv")), follow=True)
    session.playhead.seek(277.6)  # pulling back from the circuit to the brain as the effect fades
    assert 0.3 < session.scale < 0.7
    first = view.grab().toImage()
    assert view.draft.used and picture.LEVELS.held() == []
    qtbot.waitUntil(lambda: len(picture.LEVELS.held()) == 1, timeout=3000)
    sharp = view.grab().toImage()
    assert not view.draft.used
    offline = scene_image(session.timelines[0], 277.6, 960, 540, Style("screen", "plain"), phase=session.phase, seed=1,
                          scale=session.scale, camera=session.camera)
    assert np.abs(rgb(sharp) - rgb(offline)).mean() <= 1.0
    assert np.abs(rgb(first) - rgb(offline)).mean() > np.abs(rgb(sharp) - rgb(offline)).mean()
