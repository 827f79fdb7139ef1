"""Start the kiosk: rotating log, exceptions logged not fatal, full screen, screensaver held off."""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
from pathlib import Path

from .config import KioskConfig, load_config, state_dir
from .logfile import LogFileHandler

log = logging.getLogger("keta_viz.kiosk")
HEARTBEAT_ENV = "KETA_VIZ_HEARTBEAT"  # the supervisor's heartbeat file, passed to the kiosk
COVER_ENV = "KETA_VIZ_KIOSK_COVER"  # set: show the supervisor's black cover instead of the kiosk


def log_path(configured: str) -> Path:
    """Where the kiosk log goes: the config's log_file, else the user's state folder."""
    return Path(configured) if configured else state_dir() / "kiosk.log"


def setup_logging(path: Path) -> None:
    """A rotating log file (5 x 1 MB) plus standard error."""
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(LogFileHandler(path))
    except OSError as exc:
        print(f"keta-viz: kiosk log {path} unavailable ({exc}); logging to standard error", file=sys.stderr)
    logging.basicConfig(level=logging.INFO, handlers=handlers, force=True,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


class HeldRecords(logging.Handler):
    """Log records from before the kiosk log is open (the first 100), to replay into it."""

    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < 100:
            self.records.append(record)


def kiosk_config(args) -> tuple[KioskConfig, list[logging.LogRecord]]:
    """The config the kiosk runs with (the heartbeat is the supervisor's, the screen and the
    language may come from the command line), and what reading it logged, held back: the config
    names the log."""
    package_log = logging.getLogger("keta_viz")
    held = HeldRecords()
    package_log.addHandler(held)
    try:
        config = load_config(args.config)
    finally:
        package_log.removeHandler(held)
    config = dataclasses.replace(config, heartbeat_file=os.environ.get(HEARTBEAT_ENV, ""),
                                 screen=args.screen if args.screen is not None else config.screen,
                                 language=getattr(args, "lang", None) or config.language)
    return config, held.records


def replay(records: list[logging.LogRecord]) -> None:
    """Log held records now that the log is open."""
    for record in records:
        logging.getLogger(record.name).handle(record)


def log_exceptions(kind, value, tb) -> None:
    """sys.excepthook for the kiosk: log the error and carry on (Qt keeps its event loop)."""
    log.error("unhandled exception (the kiosk carries on)", exc_info=(kind, value, tb))


def inhibit_screensaver(window) -> None:
    """Ask the desktop (freedesktop D-Bus) not to blank the screen; fine if unavailable."""
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        bus = QDBusConnection.sessionBus()
        iface = QDBusInterface("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                               "org.freedesktop.ScreenSaver", bus)
        if iface.isValid():
            window.inhibit_cookie = iface.call("Inhibit", "keta-viz", "kiosk exhibit").arguments()
            log.info("screensaver inhibited")
            return
    except ImportError:
        pass
    log.info("screensaver inhibition not available on this platform")


def run_kiosk(args) -> int:
    """Open the kiosk (or, for the supervisor, its cover); returns 0 only after the operator's PIN exit."""
    from ..system_check import display_problem

    config, held = kiosk_config(args)
    cover = bool(os.environ.get(COVER_ENV))  # the cover writes no log: the kiosk owns kiosk.log
    if not cover:
        setup_logging(log_path(config.log_file))
        replay(held)
        if not config.pin_hash:
            log.warning("no operator PIN configured (keta-viz kiosk-pin): the kiosk can only be stopped "
                        "from outside, e.g. systemctl --user stop keta-viz-kiosk")
    problem = display_problem()
    if problem:
        log.error(problem)
        return 2
    from PySide6.QtWidgets import QApplication

    sys.excepthook = log_exceptions
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    screens = app.screens()
    screen = screens[config.screen] if 0 <= config.screen < len(screens) else None
    if cover:
        from .cover import show_cover

        _cover = show_cover(screen)  # kept alive until the event loop ends
        return app.exec()
    from .reassert import Reasserter
    from .window import KioskWindow

    window = KioskWindow(config)
    if screen is not None:
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
    window.showFullScreen()
    window.reasserter = Reasserter(window, screen, wanted=lambda: not window.unlocked)
    inhibit_screensaver(window)
    log.info("kiosk started")
    return app.exec()
