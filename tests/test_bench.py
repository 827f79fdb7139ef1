"""`keta-viz bench --quick` runs and prints every figure (the figures are not asserted)."""

import json
import subprocess
import sys

KEYS = {"model_ms", "at_us", "frame_ms_p95_1080p_playing", "frame_ms_p95_compare_playing",
        "frame_ms_p95_4k_playing", "frame_ms_p95_1080p_story", "frame_ms_p95_1080p_still", "seek_ms_p95",
        "floor_ms_median", "frame_ratio", "startup_s", "floor_startup_s", "startup_ratio", "rss_mb",
        "rss_growth_mb", "video_1080p30_x_realtime", "frame_ms_p95_1080p_zooming",
        "frame_ms_p95_1080p_camera", "frame_ms_p95_1080p_camera_cpu", "seek_sharp_ms_p95"}
MODES = {"consult", "compare", "presentation", "kiosk", "tour"}


def test_bench_quick_prints_all_figures():
    out = subprocess.run([sys.executable, "-m", "keta_viz", "bench", "--quick", "--json"],
                         capture_output=True, text=True, timeout=300,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    figures = json.loads(out.stdout)
    assert KEYS <= set(figures)
    assert all(isinstance(figures[k], float) and figures[k] > 0 for k in KEYS - {"rss_growth_mb"})
    assert isinstance(figures["seek_drafted"], int) and figures["seek_drafted"] >= 0
    assert figures["seek_sharp_ms_p95"] >= figures["seek_ms_p95"]
    intervals = figures["window_interval_ms_p95"]
    assert set(intervals) == MODES and all(0 < v < 1000 for v in intervals.values())
