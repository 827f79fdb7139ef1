"""`keta-viz bench`: speed and memory, each next to the floor of the stack, measured in one run."""

from __future__ import annotations

import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time

import numpy as np

from .model import bundled_names, load_scenario, simulate

TARGETS = {"frame_ms_p95_1080p": 8.0, "frame_ms_p95_compare": 12.0, "frame_ms_p95_4k": 25.0,
           "seek_ms_p95": 16.0, "model_ms": 50.0, "startup_ratio": 1.5, "frame_ratio": 2.0,
           "rss_mb": 250.0, "rss_growth_mb": 2.0, "at_us": 20.0, "video_1080p30_x_realtime": 2.0}


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; peak RSS elsewhere)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(ms: list[float]) -> tuple[float, float, float]:
    """p50, p95, p99 of a list of timings."""
    a = np.asarray(ms)
    return tuple(float(np.percentile(a, q)) for q in (50, 95, 99))


def _time_ms(fn, n: int) -> list[float]:
    out = []
    for i in range(n):
        t0 = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def busiest_time(tl) -> float:
    """Model time with the most particles on screen (the peak of the flood)."""
    from .scene.synapse import count_particles

    candidates = np.linspace(0.2, 3.0, 57)
    return float(max(candidates, key=lambda t: count_particles(tl.scenario.family, tl.at(t))))


def measure_model(results: dict) -> None:
    names = bundled_names()
    scenarios = [load_scenario(n) for n in names]
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        timelines = [simulate(s) for s in scenarios]
        runs.append((time.perf_counter() - t0) * 1000)
    results["model_ms"] = min(runs)
    tl = timelines[names.index("ketamine-course")]
    ts = [random.uniform(0, tl.end) for _ in range(20000)]
    t0 = time.perf_counter()
    for t in ts:
        tl.at(t)
    results["at_us"] = (time.perf_counter() - t0) / len(ts) * 1e6


def measure_frames(results: dict, quick: bool) -> None:
    from .scene.render import compare_image, scene_image
    from .scene.synapse import Style, count_particles, particle_layout, sprite_for
    from .scene.palette import palette
    from .scene.sprites import blit, frame_array
    from PySide6.QtGui import QImage

    ket, esc = simulate(load_scenario("ketamine-iv")), simulate(load_scenario("escitalopram"))
    t_busy = busiest_time(ket)
    style = Style()
    n = 60 if quick else 300
    for key, (w, h) in (("1080p", (1920, 1080)), ("4k", (3840, 2160))):
        scene_image(ket, t_busy, w, h, style)  # warm the static layer cache
        ms = _time_ms(lambda i: scene_image(ket, t_busy, w, h, style, phase=i / 60), n if key == "1080p" else n // 3)
        p50, p95, p99 = percentiles(ms)
        results[f"frame_ms_p50_{key}"], results[f"frame_ms_p95_{key}"], results[f"frame_ms_p99_{key}"] = p50, p95, p99
    # while playing, model time changes every frame, so the per-state layer is redrawn too
    results["frame_ms_p95_1080p_playing"] = percentiles(_time_ms(
        lambda i: scene_image(ket, t_busy + i * 1e-4, 1920, 1080, style, phase=i / 60), n))[1]
    compare_image(ket, esc, t_busy, 1920, 1080, style)
    results["frame_ms_p95_compare"] = percentiles(
        _time_ms(lambda i: compare_image(ket, esc, t_busy, 1920, 1080, style, phase=i / 60), n))[1]
    results["particles_at_peak"] = count_particles("ketamine", ket.at(t_busy))
    # floor: a blank frame plus the same number of sprites in one batched blit
    pal = palette("screen")
    layout = particle_layout("ketamine", ket.at(t_busy), 0.0, 0)
    xy = np.vstack([xy for xy, _ in layout.values()]) * (1920 / 1600)
    sprite = sprite_for("glutamate", pal, 1920 / 1600)

    def floor(i):
        img = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(pal.background_bottom)
        blit(frame_array(img), xy + (i % 3), sprite)

    results["floor_frame_ms"] = percentiles(_time_ms(floor, n))[1]
    results["frame_ratio"] = results["frame_ms_p95_1080p"] / results["floor_frame_ms"]
    # memory over a long playback
    frames = 1000 if quick else 10000
    mark = frames // 10
    for i in range(frames):
        scene_image(ket, (i * 0.37) % ket.end, 1920, 1080, style, phase=i / 60)
        if i == mark:
            start = rss_mb()
    results["rss_mb"] = rss_mb()
    results["rss_growth_mb"] = results["rss_mb"] - start
    results["rss_frames"] = frames


def measure_seek(results: dict, quick: bool) -> None:
    from PySide6.QtWidgets import QApplication

    from .ui.main_window import MainWindow
    from .ui.settings import Preferences

    w = MainWindow(scenario="ketamine-iv", prefs=Preferences(), remember=False)
    w.ticker.stop()
    w.resize(1920, 1080)
    w.show()
    QApplication.processEvents()
    w.repaint()
    rng = random.Random(1)
    ms = _time_ms(lambda i: (w.playhead.seek_u(rng.random()), w.repaint()), 60 if quick else 200)
    results["seek_ms_p95"] = percentiles(ms)[1]
    w.playhead.set_playing(True)
    results["playback_frame_ms_p95"] = percentiles(
        _time_ms(lambda i: (w.tick(), w.repaint()), 60 if quick else 300))[1]
    w.close()
    w.deleteLater()
    QApplication.processEvents()


STARTUP_SNIPPET = {
    "app": ("from keta_viz.ui.main_window import MainWindow\n"
            "from keta_viz.ui.settings import Preferences\n"
            "w = MainWindow(prefs=Preferences(), remember=False)\n"),
    "floor": ("import pyqtgraph as pg\nfrom PySide6.QtWidgets import QMainWindow\n"
              "w = QMainWindow(); w.setCentralWidget(pg.PlotWidget())\n"),
}
STARTUP_WRAPPER = """
import os, sys, time
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QObject, QEvent
app = QApplication(sys.argv[:1])
{body}
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            os._exit(0)
        return False
f = FirstPaint(); app.installEventFilter(f)
w.resize(1280, 800); w.show(); app.exec()
"""


def _startup_once(kind: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", STARTUP_WRAPPER.format(body=STARTUP_SNIPPET[kind])],
                         capture_output=True, text=True, env=env, timeout=120)
    return float(out.stdout.strip().splitlines()[-1]) - t0


def measure_startup(results: dict, quick: bool) -> None:
    n = 3 if quick else 5
    results["startup_s"] = statistics.median(_startup_once("app") for _ in range(n))
    results["floor_startup_s"] = statistics.median(_startup_once("floor") for _ in range(n))
    results["startup_ratio"] = results["startup_s"] / results["floor_startup_s"]


def measure_export(results: dict, quick: bool) -> None:
    """A 1080p30 MP4 of the story (a tenth of it with --quick): seconds of work per second of video."""
    import tempfile
    from pathlib import Path

    from .export import ExportRequest, run_export
    from .model.story_axis import STORY_SECONDS_AT_1X
    from .ui.main_window import story_axis

    tl = simulate(load_scenario("ketamine-iv"))
    axis = story_axis([tl])
    share = 0.1 if quick else 1.0
    with tempfile.TemporaryDirectory() as folder:
        req = ExportRequest((tl,), Path(folder) / "story.mp4", t_to=axis.to_t(share), size=(1920, 1080), fps=30)
        t0 = time.perf_counter()
        run_export(req)
        elapsed = time.perf_counter() - t0
    results["video_1080p30_x_realtime"] = elapsed / (share * STORY_SECONDS_AT_1X)


def run(quick: bool = False) -> dict:
    """Every figure of the benchmark, measured in one process (startup in child processes)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication(sys.argv[:1])
    results: dict = {"machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
                     "quick": quick}
    measure_model(results)
    measure_frames(results, quick)
    measure_seek(results, quick)
    measure_startup(results, quick)
    measure_export(results, quick)
    return results


def report(results: dict) -> str:
    """A table of figures against their targets."""
    lines = [f"keta-viz bench ({results['machine']}{', quick' if results['quick'] else ''})"]
    for key, value in results.items():
        if key in ("machine", "quick"):
            continue
        target = TARGETS.get(key)
        verdict = "" if target is None else ("  ok" if value <= target else f"  MISSED (target {target:g})")
        lines.append(f"  {key:24s} {value:10.3f}{verdict}")
    return "\n".join(lines)


def cmd_bench(args) -> int:
    """Run the benchmark and print its figures (never asserts)."""
    results = run(quick=args.quick)
    print(json.dumps(results, indent=1) if args.json else report(results))
    return 0
