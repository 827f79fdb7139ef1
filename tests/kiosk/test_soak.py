"""Soak: the attract loop draws 50,000 frames on an injected clock without growing."""

import gc

import pytest
from PySide6.QtWidgets import QApplication

from keta_viz.bench import rss_mb
from keta_viz.model.story_axis import STORY_SECONDS_AT_1X

FRAMES = 50_000
FPS = 60


@pytest.mark.slow
def test_attract_loop_50000_frames_without_leaks(kiosk, clock):
    kiosk.resize(400, 250)  # small views keep the soak quick; the code path is the same
    QApplication.processEvents()
    steps_seen = set()

    def run(n):
        for i in range(n):
            clock.now += 1 / FPS
            kiosk.tick()
            for v in kiosk.views:
                v.frame()
            steps_seen.add(kiosk.tour_index)
            if i % 200 == 0:
                QApplication.processEvents()

    # Warm up over one whole tour so every step's caches and buffers exist once.
    run(int(len(kiosk.config.tour) * STORY_SECONDS_AT_1X * FPS * 1.05))
    gc.collect()
    rss0, objects0 = rss_mb(), len(gc.get_objects())
    run(FRAMES)
    QApplication.processEvents()
    gc.collect()
    assert steps_seen == set(range(len(kiosk.config.tour)))  # the loop really went round
    assert rss_mb() - rss0 < 5.0
    assert len(gc.get_objects()) - objects0 < 500
    assert kiosk.mode == "attract"
