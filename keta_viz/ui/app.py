"""Start the desktop app: check the system, create the QApplication, open the window."""

from __future__ import annotations

import logging
import sys
from importlib import resources

from ..system_check import display_problem

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def app_icon():
    """The Keta Viz icon in every bundled size (assets/icons)."""
    from PySide6.QtGui import QIcon, QPixmap

    icon = QIcon()
    folder = resources.files("keta_viz.assets").joinpath("icons")
    for n in ICON_SIZES:
        pixmap = QPixmap()
        pixmap.loadFromData(folder.joinpath(f"keta-viz-{n}.png").read_bytes())
        icon.addPixmap(pixmap)
    return icon


def run_gui(args) -> int:
    """Open the consult window (or compare); returns the exit code."""
    problem = display_problem()
    if problem:
        print(f"keta-viz: {problem}", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow
    from .settings import load_preferences

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("KetaViz")
    app.setApplicationName("keta-viz")
    app.setApplicationDisplayName("Keta Viz")
    app.setWindowIcon(app_icon())
    compare = (args.against or "escitalopram") if args.compare else None
    from ..content import default_language

    lang = getattr(args, "lang", None)  # --lang for this run; else the Language menu's choice, or the system's
    prefs = load_preferences(lang=lang or default_language())
    window = MainWindow(scenario=args.scenario, compare=compare, prefs=prefs, language=lang)
    screen = window.screen().availableGeometry()
    if screen.width() < 1600 or screen.height() < 1000:  # a laptop: fill it, never run off its edges
        window.showMaximized()
    else:
        window.resize(1600, 1000)
        window.show()
    if prefs.notes:
        window.show_error("\n".join(prefs.notes))
    if args.present:
        window.set_presentation(True, args.screen)
    return app.exec()
