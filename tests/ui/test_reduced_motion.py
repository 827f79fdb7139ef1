"""Reduced motion (issue 16, item 5): particles held still, presentation controls cut instead of
fading, remembered; the kiosk reads it from its config."""

import numpy as np

from keta_viz.ui.settings import Preferences, load_preferences


def pixels(img):
    a = np.frombuffer(img.constBits(), np.uint8, count=img.width() * img.height() * 4)
    return a.reshape(img.height(), img.width(), 4).copy()


def test_particles_stand_still_but_the_story_still_moves(window, clock):
    view = window.views[0]
    window.playhead.seek(1.0)
    window.motion_action.trigger()
    assert window.session.reduced_motion
    frames = []
    for _ in range(2):
        clock.now += 0.5
        window.tick()
        frames.append(pixels(view.frame()))
    assert np.array_equal(frames[0], frames[1])  # no jiggle
    window.playhead.seek(24.0)
    assert not np.array_equal(frames[1], pixels(view.frame()))  # the model still draws the day
    window.motion_action.trigger()  # off again: the particles move on
    still = pixels(view.frame())
    clock.now += 0.5
    window.tick()
    assert window.session.phase > 0 and not np.array_equal(still, pixels(view.frame()))


def test_presentation_controls_cut_instead_of_fading(window, clock):
    window.motion_action.trigger()
    window.set_presentation(True)
    opacities = []
    for _ in range(12):
        clock.now += 0.3
        window.tick()
        opacities.append(round(window.controls_fade.opacity(), 3))
    window.set_presentation(False)
    assert set(opacities) <= {0.0, 1.0} and opacities[0] == 1.0 and opacities[-1] == 0.0


def test_the_choice_is_remembered(window):
    window.motion_action.trigger()
    window.remember = True
    window.close()
    assert load_preferences().reduced_motion is True
    assert Preferences().reduced_motion is None  # not chosen: the desktop's preference (test_desktop_motion.py)


def test_the_kiosk_reads_it_from_its_config(tmp_path):
    from keta_viz.kiosk.config import load_config

    path = tmp_path / "kiosk.toml"
    path.write_text("reduced_motion = true\n")
    assert load_config(path).reduced_motion is True
    path.write_text('reduced_motion = "yes"\n')
    assert load_config(path).reduced_motion is False  # a bad value: the safe default, logged
