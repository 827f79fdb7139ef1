"""Keep a kiosk window full screen on its screen: undo what a window manager does to it.

Hidden, minimized, unmapped (another desktop, "show desktop"), moved, resized or (for the
kiosk) deactivated: the window is put back within one check, 250 ms by default. Event hooks
check at once; the timer catches what sends no event to the window.
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger("keta_viz.kiosk")
CHECK_MS = 250
HOOKS = (QEvent.Type.WindowStateChange, QEvent.Type.Hide, QEvent.Type.WindowDeactivate,
         QEvent.Type.ActivationChange, QEvent.Type.Move, QEvent.Type.Resize)


class Reasserter(QObject):
    """Puts `window` back full screen on `screen`; on_top also raises and activates it."""

    def __init__(self, window: QWidget, screen: QScreen | None = None, on_top: bool = True,
                 wanted: Callable[[], bool] = lambda: True, interval_ms: int = CHECK_MS):
        super().__init__(window)
        self.window, self.screen, self.on_top, self.wanted = window, screen, on_top, wanted
        self.restores = 0
        self._reason = ""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(30)  # let the window manager finish what it is doing first
        self.soon.timeout.connect(self.check)
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if obj is self.window and event.type() in HOOKS and not self.soon.isActive():
            self.soon.start()
        return False

    def target(self) -> QScreen | None:
        """The screen to fill: the one asked for while it exists, else the primary one."""
        if self.screen is not None and self.screen in QGuiApplication.screens():
            return self.screen
        return QGuiApplication.primaryScreen()

    def displaced(self) -> str:
        """Why the window is not where it belongs ('' when it is)."""
        w = self.window
        handle = w.windowHandle()
        screen = self.target()
        if not w.isVisible():
            return "hidden"
        if w.isMinimized():
            return "minimized"
        if handle is not None and not handle.isExposed():
            return "not mapped"
        if not w.isFullScreen():
            return "not full screen"
        if screen is not None and w.frameGeometry() != screen.geometry():
            return "moved"
        if self.on_top and not w.isActiveWindow():
            return "deactivated"
        return ""

    def check(self) -> None:
        """Restore the window if it was displaced (and is still wanted)."""
        reason = self.displaced() if self.wanted() else ""
        if reason:
            self.restore(reason)
        self._reason = reason

    def restore(self, reason: str) -> None:
        """Back to full screen on the target screen; on top and active, or underneath."""
        w = self.window
        if reason != self._reason:
            log.info("kiosk window %s; putting it back", reason)
        self.restores += 1
        screen = self.target()
        if screen is not None and w.screen() is not screen:
            w.setScreen(screen)
        if screen is not None and reason == "moved":
            w.setGeometry(screen.geometry())
        if reason == "not mapped":
            w.hide()  # unmapped by the window manager (another desktop): map it again, here
        w.setWindowState((w.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowFullScreen)
        w.showFullScreen()
        if self.on_top:
            w.raise_()
            w.activateWindow()
        else:
            w.lower()
