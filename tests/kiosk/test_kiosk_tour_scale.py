"""The kiosk's attract tour opens on the brain and follows the story into the synapse."""

import numpy as np

from keta_viz.model.tour import BRAIN, SYNAPSE
from keta_viz.scene.camera import WHOLE


def test_attract_tour_opens_on_the_brain_and_flies_in(kiosk, clock):
    s = kiosk.session
    assert kiosk.mode == "attract" and s.follow_story and s.playhead.t == 0.0
    assert s.scale == BRAIN and s.camera == WHOLE
    frame = kiosk.views[0].frame()
    s.set_scale(SYNAPSE)  # the same moment at the synapse draws a different picture
    assert frame != kiosk.views[0].frame()
    kiosk.reset()  # a visitor leaves: the tour opens on the brain again, following the story
    assert s.follow_story and s.scale == BRAIN
    scales = []
    for _ in range(90 * 2):  # half a second of playback at a time through the 90-s story
        clock.now += 0.5
        kiosk.tick()
        if kiosk.tour_index:  # the next step of the tour starts over
            break
        scales.append(s.scale)
    assert max(scales) == SYNAPSE and np.all(np.abs(np.diff(scales)) < 0.5)  # zooms, never jumps
