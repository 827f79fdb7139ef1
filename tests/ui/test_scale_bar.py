"""The scale controls: the story picks the scale and the camera while followed; buttons, wheel and
+/− zoom by hand (and stop following); compare panes share one scale and camera."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QNativeGestureEvent, QPointingDevice, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolBar

from keta_viz.model.tour import BRAIN, CIRCUIT, SYNAPSE, tour_scale
from keta_viz.scene.camera import WHOLE, story_camera
from keta_viz.scene.render import scene_image


def stage_time(session, stage_id, share=0.5):
    stage = next(s for s in session.timeline.stages if s.id == stage_id)
    axis = session.playhead.axis
    return axis.to_t(axis.to_u(stage.start) + share * (axis.to_u(stage.end) - axis.to_u(stage.start)))


def test_following_the_story_opens_on_the_brain_and_zooms_in(window):
    s = window.session
    assert s.follow_story and s.playhead.t == 0 and s.scale == BRAIN and s.camera == WHOLE
    t = stage_time(s, "bdnf_mtor")
    s.playhead.seek(t)
    assert s.scale == tour_scale(s.timeline, t) == SYNAPSE
    assert s.camera == story_camera(s.timeline, t) != WHOLE
    changed = []
    s.view_changed.connect(lambda: changed.append(1))
    window.scale_bar.follow_action.trigger()  # off: the picture stays where the story was, camera whole
    assert not s.follow_story and s.scale == SYNAPSE and s.camera == WHOLE and changed
    s.playhead.seek(0.0)
    assert s.scale == SYNAPSE  # no longer moved by t
    window.scale_bar.follow_action.trigger()
    assert s.follow_story and s.scale == BRAIN


def test_reduced_motion_cuts_between_scales(window):
    s = window.session
    s.set_reduced_motion(True)
    axis = s.playhead.axis
    scales = []
    for u in np.linspace(0, 1, 400):
        s.playhead.seek(axis.to_t(u))
        scales.append(s.scale)
    assert set(scales) <= {BRAIN, CIRCUIT, SYNAPSE} and len(set(scales)) >= 2


def wheel(view, notches):
    pos = QPointF(view.width() / 2, view.height() / 2)
    event = QWheelEvent(pos, view.mapToGlobal(pos), QPoint(), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view, event)


def test_wheel_zooms_and_stops_following(window):
    s = window.session
    wheel(window.views[0], 2)
    assert not s.follow_story and s.scale == pytest.approx(BRAIN + 0.5)
    wheel(window.views[0], -1)
    assert s.scale == pytest.approx(BRAIN + 0.25)
    wheel(window.views[0], -8)
    assert s.scale == BRAIN  # clamped
    assert not window.scale_bar.follow_action.isChecked()


def test_a_trackpad_pinch_zooms(window):
    s = window.session
    view = window.views[0]
    pos = QPointF(view.width() / 2, view.height() / 2)
    for value in (0.3, 0.3, -0.1):  # magnification changes, as the trackpad reports them
        event = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(),
                                    2, pos, pos, view.mapToGlobal(pos), value, QPointF())
        QApplication.sendEvent(view, event)
    assert not s.follow_story and s.scale == pytest.approx(BRAIN + 0.5)


def test_plus_and_minus_keys_zoom(window, qtbot):
    s = window.session
    qtbot.keyClick(window, Qt.Key.Key_Plus)
    assert not s.follow_story
    qtbot.waitUntil(lambda: s.scale == pytest.approx(BRAIN + 0.25), timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_Minus)
    qtbot.waitUntil(lambda: s.scale == pytest.approx(BRAIN), timeout=3000)


def test_scale_buttons_glide_to_their_scale_and_are_named(window, qtbot):
    s = window.session
    toolbar = window.findChild(QToolBar, "main-toolbar")
    names = {}
    for lang in ("en", "es"):
        s.set_language(lang)
        buttons = [toolbar.widgetForAction(a) for a in window.scale_bar.scale_actions.values()]
        follow = window.scale_bar.follow_button
        names[lang] = [b.accessibleName() for b in (*buttons, follow)]
        assert all(names[lang]) and all(b.toolTip() for b in (*buttons, follow))
        assert all(b.isVisible() for b in (*buttons, follow))
    assert names["en"] == ["Brain", "Circuit", "Synapse", "Follow the story"]
    assert names["es"] == ["Cerebro", "Circuito", "Sinapsis", "Seguir la historia"]
    synapse_button = toolbar.widgetForAction(window.scale_bar.scale_actions[SYNAPSE])
    seen = []
    s.view_changed.connect(lambda: seen.append(s.scale))
    qtbot.mouseClick(synapse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: s.scale == SYNAPSE, timeout=3000)
    assert not s.follow_story and window.scale_bar.scale_actions[SYNAPSE].isChecked()
    assert any(BRAIN < v < SYNAPSE for v in seen)  # a glide, not a cut
    s.set_reduced_motion(True)
    seen.clear()
    window.scale_bar.scale_actions[BRAIN].trigger()
    assert s.scale == BRAIN and all(v == BRAIN for v in seen)  # reduced motion: a cut


def test_clicker_steps_scales_while_presenting(window, qtbot):
    s = window.session
    s.set_reduced_motion(True)  # cuts: each step lands at once
    qtbot.keyClick(window, Qt.Key.Key_Down)
    assert s.follow_story and s.scale == BRAIN  # the consult window leaves the arrows alone
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ShiftModifier)
    assert s.scale == CIRCUIT
    window.set_presentation(True)
    for expected in (SYNAPSE, SYNAPSE):
        qtbot.keyClick(window, Qt.Key.Key_Down)
        assert s.scale == expected
    qtbot.keyClick(window, Qt.Key.Key_Up)
    assert s.scale == CIRCUIT
    window.set_presentation(False)


def rgb(img):
    img = img.convertToFormat(img.Format.Format_RGB32)
    a = np.frombuffer(img.constBits(), np.uint8, count=img.width() * img.height() * 4)
    return a.reshape(img.height(), img.width(), 4)[:, :, :3].astype(float)


def test_compare_panes_share_scale_and_camera(window):
    window.set_compare("escitalopram")
    s = window.session
    t = stage_time(s, "ampa_firing", 0.6)
    s.playhead.seek(t)
    assert s.camera == story_camera(s.timelines[0], t) != WHOLE  # the left (main) scenario's
    assert s.camera != story_camera(s.timelines[1], t)
    for view in window.views:
        frame = view.frame()
        offline = scene_image(view.timeline, t, frame.width(), frame.height(), s.style, s.phase, view.seed,
                              s.scale, s.camera)
        assert np.abs(rgb(frame) - rgb(offline)).mean() < 0.5
