"""`keta-viz soak`: the kiosk's attract loop for many frames on an injected clock, watching memory.

The long run (50,000 frames rounded up to five whole tours after a warm-up of a tour and a half)
is a command, not a test; tests/kiosk/test_soak.py runs a short one through the same function.
"""

from __future__ import annotations

import gc
import json
import time

FPS = 60
MAX_RSS_GROWTH_MB = 5.0
MAX_OBJECT_GROWTH = 500


class ManualClock:
    """A wall clock the soak moves by hand, one frame at a time."""

    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def run_soak(frames: int = 50_000, fps: int = FPS, size: tuple[int, int] = (400, 250)) -> dict:
    """Warm up over a tour and a half, then draw `frames` attract-loop frames (rounded up to whole
    tours, so that memory is compared at the same point of the loop) `fps` apart in wall time;
    return RSS and Python object counts before and after, and whether they stayed flat."""
    from PySide6.QtWidgets import QApplication

    from ..memory import rss_mb
    from ..model.story_axis import STORY_SECONDS_AT_1X
    from ..scene.render import ensure_gui_app
    from .config import KioskConfig
    from .window import KioskWindow

    ensure_gui_app(widgets=True)
    clock = ManualClock()
    kiosk = KioskWindow(KioskConfig(), clock=clock)
    kiosk.ticker.stop()
    kiosk.resize(*size)  # small views keep the soak quick; the code path is the same
    kiosk.show()
    steps_seen: set[int] = set()

    def run(n: int, fps: int) -> None:
        for i in range(n):
            clock.now += 1 / fps
            kiosk.tick()
            for v in kiosk.views:
                v.frame()
            steps_seen.add(kiosk.tour_index)
            if i % 200 == 0:
                QApplication.processEvents()

    tour = round(len(kiosk.config.tour) * STORY_SECONDS_AT_1X * fps)  # frames of one whole tour
    frames = -(-frames // tour) * tour  # whole tours: memory rises and falls within one by a few MB
    try:
        run(tour * 3 // 2, fps)  # past the first tour's one-time loads
        gc.collect()
        rss0, objects0, t0 = rss_mb(), len(gc.get_objects()), time.perf_counter()
        run(frames, fps)
        QApplication.processEvents()
        gc.collect()
        result = {"frames": frames, "fps": fps, "seconds": time.perf_counter() - t0, "rss_mb_start": rss0,
                  "rss_mb_end": rss_mb(), "objects_start": objects0, "objects_end": len(gc.get_objects()),
                  "tour_steps_seen": len(steps_seen), "tour_steps": len(kiosk.config.tour), "mode": kiosk.mode}
    finally:
        kiosk.unlocked = True
        kiosk.close()
    result["rss_growth_mb"] = result["rss_mb_end"] - result["rss_mb_start"]
    result["object_growth"] = result["objects_end"] - result["objects_start"]
    result["flat"] = (result["rss_growth_mb"] < MAX_RSS_GROWTH_MB and result["object_growth"] < MAX_OBJECT_GROWTH
                      and result["tour_steps_seen"] == result["tour_steps"] and result["mode"] == "attract")
    return result


def cmd_soak(args) -> int:
    """Run the soak and print its figures; exit 1 when memory or objects grew."""
    result = run_soak(frames=args.frames)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"keta-viz soak: {result['frames']} frames in {result['seconds']:.0f} s; "
              f"RSS {result['rss_mb_start']:.1f} -> {result['rss_mb_end']:.1f} MB "
              f"({result['rss_growth_mb']:+.2f}); objects {result['object_growth']:+d}; "
              f"tour steps {result['tour_steps_seen']}/{result['tour_steps']}; "
              f"{'flat' if result['flat'] else 'GREW'}")
    return 0 if result["flat"] else 1
