"""Soak, short: after a warm-up of a tour and a half the attract loop draws 5,000 frames at 15 fps
of wall time, rounded up to two whole tours (views and buttons are reused across steps; memory
is compared at the same point of the loop), without growing.
The long run (50,000 frames at 60 fps) is `keta-viz soak` (docs/performance.md)."""

import pytest

from keta_viz.kiosk.soak import MAX_OBJECT_GROWTH, MAX_RSS_GROWTH_MB, run_soak


@pytest.mark.slow
def test_attract_loop_stays_flat(qapp):
    result = run_soak(frames=5_000, fps=15)
    assert result["tour_steps_seen"] == result["tour_steps"]  # the loop really went round
    assert result["rss_growth_mb"] < MAX_RSS_GROWTH_MB
    assert result["object_growth"] < MAX_OBJECT_GROWTH
    assert result["mode"] == "attract" and result["flat"]
