"""`keta-viz bench`: speed and memory, each next to the floor of the stack, measured in one run.

The headline frame figures are taken while the story *plays*: model time advances every frame
at 1x story speed (60 frames per second of story), as in the window.  Figures with the story
held still are reported under `_still` keys.  The floor -- a blank frame plus the busiest
frame's particle count in one batched `QPainter.drawPixmapFragments` call -- is timed in the
same loop, interleaved with the frames, and ratios divide a p95 by the floor's median.
"""

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

from .memory import rss_mb
from .model import bundled_names, load_scenario, simulate

TARGETS = {"frame_ms_p95_1080p_playing": 8.0, "frame_ms_p95_compare_playing": 12.0,
           "frame_ms_p95_4k_playing": 25.0, "frame_ms_p95_1080p_story": 8.0,
           "frame_ms_p95_1080p_camera": 8.0, "frame_ms_p95_1080p_zooming": 8.0, "seek_ms_p95": 16.0,
           "model_ms": 50.0, "startup_ratio": 1.5, "frame_ratio": 2.5, "window_interval_ms_p95": 20.0,
           "rss_mb": 250.0, "rss_growth_mb": 2.0, "at_us": 20.0, "video_1080p30_x_realtime": 2.0}
FPS = 60


def percentiles(ms: list[float]) -> tuple[float, float, float]:
    """p50, p95, p99 of a list of timings."""
    a = np.asarray(ms)
    return tuple(float(np.percentile(a, q)) for q in (50, 95, 99))


def _time_ms(fn, n: int, clock=time.perf_counter) -> list[float]:
    out = []
    for i in range(n):
        t0 = clock()
        fn(i)
        out.append((clock() - t0) * 1000)
    return out


def busiest_time(tl) -> float:
    """Model time with the most particles on screen (the peak of the flood)."""
    from .scene.synapse import count_particles

    candidates = np.linspace(0.2, 3.0, 57)
    return float(max(candidates, key=lambda t: count_particles(tl.scenario.family, tl.state_at(t))))


def playing_times(timelines, t_start: float, n: int, stride: int = 1) -> list[float]:
    """Model times of n consecutive frames of 1x playback (every `stride`-th) from t_start."""
    from .model.story_axis import STORY_SECONDS_AT_1X, StoryAxis

    axis = StoryAxis.for_timelines(timelines)
    u0, du = axis.to_u(t_start), 1.0 / (STORY_SECONDS_AT_1X * FPS)
    return [axis.to_t(u0 + i * stride * du) for i in range(n)]


def measure_model(results: dict) -> None:
    """Simulate every bundled scenario (best of 5) and time one Timeline.at()."""
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


def floor_frame(particles: int, width: int, height: int):
    """The floor: fill a blank frame and draw `particles` sprites in one drawPixmapFragments call."""
    import shiboken6
    from PySide6.QtGui import QImage, QPainter, QPixmap

    from .scene.palette import palette
    from .scene.synapse import SPRITE_SHAPE, SPRITE_SIZE
    from .scene.sprites import sprite_image

    pal = palette("screen")
    s = width / 1600
    sprite = QPixmap.fromImage(sprite_image(SPRITE_SHAPE["glutamate"], pal.glutamate.rgba(),
                                            pal.glutamate.darker(190).rgba(), round(SPRITE_SIZE["glutamate"] * s)))
    rng = np.random.default_rng(1)
    frags = np.zeros((particles, 10))
    frags[:, 2:6] = (0, 0, sprite.width(), sprite.height())
    frags[:, 6:10] = (1.0, 1.0, 0.0, 1.0)

    def draw(i: int) -> None:
        frags[:, 0] = rng.uniform(0, width, particles)
        frags[:, 1] = rng.uniform(0, height, particles)
        img = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(pal.background_bottom)
        p = QPainter(img)
        p.drawPixmapFragments(shiboken6.wrapInstance(frags.ctypes.data, QPainter.PixmapFragment), particles, sprite)
        p.end()
    return draw


def _interleaved(frame, floor, n: int) -> tuple[list[float], list[float]]:
    """Time n frames and n floor frames, alternating, so both see the same machine load."""
    frames, floors = [], []
    for i in range(n):
        frames += _time_ms(lambda _: frame(i), 1)
        floors += _time_ms(lambda _: floor(i), 1)
    return frames, floors


def measure_frames(results: dict, quick: bool) -> None:
    """Frames while the story plays (the headline), held still, in compare, at 4K and over the
    whole story, each interleaved with the floor; then memory over a long playback."""
    from .scene.render import compare_image, scene_image
    from .scene.synapse import Style, count_particles

    ket, esc = simulate(load_scenario("ketamine-iv")), simulate(load_scenario("escitalopram"))
    t_busy = busiest_time(ket)
    style = Style()
    n = 60 if quick else 600  # 10 s of the story: a p95 of fewer frames turns on a handful of them
    particles = count_particles("ketamine", ket.state_at(t_busy))
    results["particles_at_peak"] = particles
    floor = floor_frame(particles, 1920, 1080)
    floors: list[float] = []
    for key, (w, h), count in (("1080p", (1920, 1080), n), ("4k", (3840, 2160), n // 3)):
        ts = playing_times([ket], t_busy, count)
        scene_image(ket, ts[0], w, h, style)
        ms, fl = _interleaved(lambda i: scene_image(ket, ts[i], w, h, style, phase=i / FPS), floor, count)
        floors += fl
        results[f"frame_ms_p50_{key}_playing"], results[f"frame_ms_p95_{key}_playing"], \
            results[f"frame_ms_p99_{key}_playing"] = percentiles(ms)
        results[f"frame_ms_p95_{key}_still"] = percentiles(
            _time_ms(lambda i: scene_image(ket, t_busy, w, h, style, phase=i / FPS), count))[1]
    ts = playing_times([ket, esc], t_busy, n)
    ms, fl = _interleaved(lambda i: compare_image(ket, esc, ts[i], 1920, 1080, style, phase=i / FPS), floor, n)
    floors += fl
    results["frame_ms_p95_compare_playing"] = percentiles(ms)[1]
    results["frame_ms_p95_compare_still"] = percentiles(
        _time_ms(lambda i: compare_image(ket, esc, t_busy, 1920, 1080, style, phase=i / FPS), n))[1]
    # the whole story at 1x from the first frame (every 10th frame with --quick)
    stride = 10 if quick else 1
    ts = playing_times([ket], 0.0, 90 * FPS // stride, stride)
    ms, fl = _interleaved(lambda i: scene_image(ket, ts[i], 1920, 1080, style, phase=i * stride / FPS),
                          floor, len(ts))
    floors += fl
    results["frame_ms_p95_1080p_story"] = percentiles(ms)[1]
    results["floor_ms_median"] = statistics.median(floors)
    results["frame_ratio"] = results["frame_ms_p95_1080p_playing"] / results["floor_ms_median"]
    # memory over a long playback
    frames = 1000 if quick else 10000
    mark = frames // 10
    for i in range(frames):
        scene_image(ket, (i * 0.37) % ket.end, 1920, 1080, style, phase=i / FPS)
        if i == mark:
            start = rss_mb()
    results["rss_mb"] = rss_mb()
    results["rss_growth_mb"] = results["rss_mb"] - start
    results["rss_frames"] = frames


def measure_zooming(results: dict, quick: bool) -> None:
    """1080p frames at the busiest ketamine moment while the story plays and the scale sweeps
    brain -> circuit -> synapse and back, changing every frame (one scale per ZOOM_SECONDS, as
    in the tour)."""
    from .model.tour import SYNAPSE, ZOOM_SECONDS
    from .scene.render import scene_image
    from .scene.synapse import Style

    ket = simulate(load_scenario("ketamine-iv"))
    n = 90 if quick else 4 * round(ZOOM_SECONDS * FPS)  # in and out through both zooms at the tour's pace
    ts = playing_times([ket], busiest_time(ket), n)
    sweep = [SYNAPSE * (1 - abs(1 - 2 * i / n)) for i in range(n)]  # 0 -> 2 -> 0
    scene_image(ket, ts[0], 1920, 1080, Style(), scale=0.0)
    ms = _time_ms(lambda i: scene_image(ket, ts[i], 1920, 1080, Style(), phase=i / FPS, scale=sweep[i]), n)
    results["frame_ms_p50_1080p_zooming"], results["frame_ms_p95_1080p_zooming"], _ = percentiles(ms)


def camera_times(tl) -> list[float]:
    """Model times of 1x playback (60 frames a second) over the stretches where the story
    camera eases -- from each stage's start until it has framed the stage's actor -- keeping
    only frames whose camera is moving."""
    from .scene.camera import EASE_IN_U, story_camera

    out = []
    for stage in tl.stages[1:]:
        out += [t for t in playing_times([tl], stage.start, round(EASE_IN_U * 90 * FPS) + 2)
                if story_camera(tl, t).moving]
    return out


def measure_camera(results: dict, quick: bool) -> None:
    """1080p synapse frames of the ketamine story while the story camera eases to each stage's
    actor (it moves every frame: new mapping, new dimming), wall clock and this process's CPU
    time (the figure to read on a shared machine)."""
    from .model.tour import SYNAPSE
    from .scene.camera import story_camera
    from .scene.render import scene_image
    from .scene.synapse import Style

    ket = simulate(load_scenario("ketamine-iv"))
    ts = camera_times(ket)[::4 if quick else 1]
    cams = [story_camera(ket, t) for t in ts]
    frame = lambda i: scene_image(ket, ts[i], 1920, 1080, Style(), i / FPS, 0, SYNAPSE, cams[i])  # noqa: E731
    frame(0)
    results["camera_frames"] = len(ts)
    results["frame_ms_p50_1080p_camera"], results["frame_ms_p95_1080p_camera"], _ = percentiles(
        _time_ms(frame, len(ts)))
    results["frame_ms_p95_1080p_camera_cpu"] = percentiles(_time_ms(frame, len(ts), time.process_time))[1]


def _settle() -> None:
    """Run the event loop until what the last input posted (updates, paints) has been handled."""
    from PySide6.QtWidgets import QApplication

    for _ in range(2):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _window(compare: bool):
    from .ui.main_window import MainWindow
    from .ui.settings import Preferences

    w = MainWindow(scenario="ketamine-iv", compare="escitalopram" if compare else None,
                   prefs=Preferences(), remember=False)
    w.resize(1920, 1080)
    w.show()
    _settle()
    return w


def measure_seek(results: dict, quick: bool) -> None:
    """A click on the scrubber, timed from the mouse event until the event loop is idle (the
    headline), and until the picture is sharp: a seek into a zoom may first show a lower zoom
    level standing in for one not drawn yet (scene/levels.py), drawn and shown right after."""
    from PySide6.QtCore import QEventLoop, QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    w = _window(compare=False)
    w.ticker.stop()
    rng = random.Random(1)
    bar = w.scrubber

    shown, sharp, drafted = [], [], []

    def click() -> None:
        start = time.perf_counter()
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(int(bar.u_to_x(rng.random())), bar.height() // 2))
        _settle()
        shown.append((time.perf_counter() - start) * 1000)
        drafted.append(any(v.draft.used for v in w.views))
        while any(v.draft.used for v in w.views):  # a zoom level stood in: until it is drawn and shown
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
            _settle()
        sharp.append((time.perf_counter() - start) * 1000)
    for _ in range(60 if quick else 200):
        click()
    results["seek_ms_p95"] = percentiles(shown)[1]
    results["seek_sharp_ms_p95"] = percentiles(sharp)[1]
    results["seek_drafted"] = sum(drafted)
    w.close()
    w.deleteLater()
    _settle()


def _playing_view(mode: str):
    """A shown 1920x1080 window of this mode with the story playing; (window, its first synapse
    view, a function that closes it)."""
    if mode == "kiosk":
        from .kiosk.config import KioskConfig
        from .kiosk.window import KioskWindow

        w = KioskWindow(KioskConfig())  # the attract tour plays by itself
        w.resize(1920, 1080)
        w.show()
        _settle()

        def close() -> None:
            w.unlocked = True
            w.close()
    else:
        w = _window(compare=mode == "compare")
        if mode == "presentation":
            w.set_presentation(True)
            _settle()
        if mode == "tour":  # from the start, following the story: the brain, then the zoom into the circuit
            w.session.set_follow_story(True)
            w.playhead.seek(0.0)
        else:
            w.playhead.seek(busiest_time(w.timeline))
        w.playhead.set_playing(True)

        def close() -> None:
            w.playhead.set_playing(False)
            if mode == "presentation":
                w.set_presentation(False)
            w.close()
    return w, w.views[0], close


def measure_window(results: dict, quick: bool) -> None:
    """Frame pacing in a live event loop while the story plays: intervals between synapse paints."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    class Paints(QObject):
        def __init__(self, view):
            super().__init__()
            self.view = view
            self.times: list[float] = []

        def eventFilter(self, obj, ev):  # noqa: N802 (Qt API)
            if ev.type() == QEvent.Type.Paint and obj is self.view:
                self.times.append(time.perf_counter())
            return False

    seconds = 2.0 if quick else 10.0
    intervals = {}
    for mode in ("consult", "compare", "presentation", "kiosk", "tour"):
        w, view, close = _playing_view(mode)
        paints = Paints(view)
        view.installEventFilter(paints)
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        view.removeEventFilter(paints)
        close()
        w.deleteLater()
        _settle()
        gaps = np.diff(paints.times) * 1000
        intervals[mode] = float(np.percentile(gaps, 95)) if len(gaps) > 2 else float("inf")
        results[f"window_fps_{mode}"] = len(paints.times) / seconds
    results["window_interval_ms_p95"] = intervals


# (code that builds the window, the widget class whose first paint ends the timing; None: any)
STARTUP_SNIPPET = {
    "app": ("from keta_viz.ui.main_window import MainWindow\n"
            "from keta_viz.ui.settings import Preferences\n"
            "w = MainWindow(prefs=Preferences(), remember=False)\n", "SynapseView"),
    "floor": ("import pyqtgraph as pg\nfrom PySide6.QtWidgets import QMainWindow\n"
              "w = QMainWindow(); w.setCentralWidget(pg.PlotWidget())\n", None),
}
STARTUP_WRAPPER = """
import os, sys, time
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QObject, QEvent
app = QApplication(sys.argv[:1])
{body}
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and {target!r} in (None, type(obj).__name__):
            print(time.time(), flush=True)
            os._exit(0)
        return False
f = FirstPaint(); app.installEventFilter(f)
w.resize(1280, 800); w.show(); app.exec()
"""


def _startup_once(kind: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    t0 = time.time()
    body, target = STARTUP_SNIPPET[kind]
    out = subprocess.run([sys.executable, "-c", STARTUP_WRAPPER.format(body=body, target=target)],
                         capture_output=True, text=True, env=env, timeout=120)
    return float(out.stdout.strip().splitlines()[-1]) - t0


def measure_startup(results: dict, quick: bool) -> None:
    """Process start to the first synapse frame, against a bare PySide6 + pyqtgraph window.
    Both start from compiled bytecode, as installed: PySide6 and pyqtgraph were compiled by pip,
    so keta_viz is compiled first too (an editable checkout under PYTHONDONTWRITEBYTECODE would
    otherwise compile its 70 modules from source on every start)."""
    import compileall

    compileall.compile_dir(os.path.dirname(os.path.abspath(__file__)), quiet=2)
    n = 3 if quick else 5
    runs: dict[str, list[float]] = {"app": [], "floor": []}
    for i in range(n):  # alternating, so both see the same load
        for kind in ("app", "floor") if i % 2 == 0 else ("floor", "app"):
            runs[kind].append(_startup_once(kind))
    results["startup_s"] = statistics.median(runs["app"])
    results["floor_startup_s"] = statistics.median(runs["floor"])
    results["startup_ratio"] = results["startup_s"] / results["floor_startup_s"]


def measure_export(results: dict, quick: bool) -> None:
    """A 1080p30 MP4 of the story (a tenth of it with --quick): seconds of work per second of video."""
    import tempfile
    from pathlib import Path

    from .export import ExportRequest, run_export
    from .model.story_axis import STORY_SECONDS_AT_1X, StoryAxis

    tl = simulate(load_scenario("ketamine-iv"))
    axis = StoryAxis.for_timelines([tl])
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
    measure_zooming(results, quick)
    measure_camera(results, quick)
    measure_seek(results, quick)
    measure_window(results, quick)
    measure_startup(results, quick)
    measure_export(results, quick)
    return results


def report(results: dict) -> str:
    """A table of figures against their targets."""
    lines = [f"keta-viz bench ({results['machine']}{', quick' if results['quick'] else ''})"]
    for key, value in results.items():
        if key in ("machine", "quick"):
            continue
        rows = value.items() if isinstance(value, dict) else [("", value)]
        for sub, v in rows:
            target = TARGETS.get(key)
            verdict = "" if target is None else ("  ok" if v <= target else f"  MISSED (target {target:g})")
            lines.append(f"  {key + (f'[{sub}]' if sub else ''):34s} {v:10.3f}{verdict}")
    return "\n".join(lines)


def cmd_bench(args) -> int:
    """Run the benchmark and print its figures (never asserts)."""
    results = run(quick=args.quick)
    print(json.dumps(results, indent=1) if args.json else report(results))
    return 0
