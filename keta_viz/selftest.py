"""`keta-viz selftest`: is this installation (or frozen bundle) whole?  Prints a report, exits 0 or 1."""

from __future__ import annotations

import time
from typing import Callable

import numpy as np

CHECK_SIZE = (480, 270)
MIN_COLOURS = 40  # a drawn synapse has hundreds of colours; a blank or failed frame has a handful


def _colours(img) -> int:
    """How many distinct colours an image has (a blank or failed drawing has a handful)."""
    from PySide6.QtGui import QImage

    img = img.convertToFormat(QImage.Format.Format_ARGB32)
    return len(np.unique(np.frombuffer(img.constBits(), np.uint32, img.width() * img.height())))


def _languages() -> list[str]:
    from .content import languages

    return list(languages())


def check_content() -> str:
    """Every language's stages, labels and citations resolve; every translation is complete."""
    from .content import load_content
    from .content.check import content_problems, text_count, translation_problems
    from .scene.families import label_ids

    langs = _languages()
    problems = [f"{lang}: {line}" for lang in langs for line in content_problems(load_content(lang), label_ids())]
    problems += [line for lang in langs if lang != "en"
                 for line in translation_problems(load_content(lang), load_content("en"))]
    if problems:
        raise RuntimeError("; ".join(problems))
    refs = len(load_content(langs[0]).references)
    counts = ", ".join(f"{lang} {text_count(load_content(lang))}" for lang in langs)
    return f"{len(langs)} language(s) complete (texts: {counts}), {refs} references"


def check_scenarios() -> str:
    """Every bundled scenario loads, simulates and draws a non-blank frame."""
    from .model import bundled_names, load_scenario, simulate
    from .scene.render import scene_image
    from .scene.synapse import Style

    names = bundled_names()
    if not names:
        raise RuntimeError("no bundled scenarios found")
    for name in names:
        tl = simulate(load_scenario(name))
        middle = tl.stages[len(tl.stages) // 2]
        img = scene_image(tl, middle.start, *CHECK_SIZE, Style())
        colours = _colours(img)
        if colours < MIN_COLOURS:
            raise RuntimeError(f"{name}: the frame looks blank ({colours} colours)")
    return f"{len(names)} scenarios simulated and drawn ({', '.join(names)})"


def check_fonts() -> str:
    """Qt finds at least one font, so labels and captions are visible."""
    from PySide6.QtGui import QFontDatabase

    families = QFontDatabase.families()
    if not families:
        raise RuntimeError("no fonts found: labels and captions would be invisible")
    return f"{len(families)} font families"


def check_exporters() -> str:
    """The H.264 encoder (PyAV) and the PDF writer (Qt) are present; nothing is written to disk."""
    import av
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPainter, QPdfWriter

    av.codec.Codec("libx264", "w")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    painter = QPainter(writer)
    painter.drawText(100, 100, "Keta Viz")
    painter.end()
    if not bytes(buffer.data()).startswith(b"%PDF"):
        raise RuntimeError("the PDF writer produced no PDF")
    return f"H.264 via PyAV {av.__version__}, PDF via Qt"


def check_window() -> str:
    """The consult window, its plots and compare view build and draw."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from .ui.main_window import MainWindow
    from .ui.settings import Preferences

    if not isinstance(QApplication.instance(), QApplication):
        raise RuntimeError("no QApplication: widgets cannot be drawn")
    window = MainWindow(scenario="ketamine-iv", compare="escitalopram", prefs=Preferences(), remember=False)
    try:
        window.resize(1280, 800)
        image = window.grab().toImage()
        colours = _colours(image)
        if colours < MIN_COLOURS:
            raise RuntimeError(f"the window looks blank ({colours} colours)")
    finally:
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return f"consult window drawn in compare mode ({image.width()}x{image.height()})"


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("content", check_content),
    ("scenarios", check_scenarios),
    ("fonts", check_fonts),
    ("exporters", check_exporters),
    ("window", check_window),
)


def run_selftest(print_line: Callable[[str], None] = print) -> int:
    """Run every check, print one line each; 0 when all pass, else 1."""
    from .scene.render import ensure_gui_app

    failed = []
    ensure_gui_app(widgets=True)  # the window check draws widgets
    for name, check in CHECKS:
        start = time.perf_counter()
        try:
            detail = check()
        except Exception as exc:  # a self-test reports every failure, whatever its kind
            failed.append(name)
            print_line(f"FAIL {name}: {exc}")
        else:
            print_line(f"ok   {name}: {detail} ({(time.perf_counter() - start) * 1000:.0f} ms)")
    print_line(f"selftest: {'FAILED: ' + ', '.join(failed) if failed else 'all checks passed'}")
    return 1 if failed else 0
