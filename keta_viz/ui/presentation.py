"""Presentation mode of the consult window: full screen, projector colours, room-sized captions,
controls that fade after 3 s without input and come back on any."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QToolBar

from ..widgets.synapse_view import TITLE_FLOOR_PX

if TYPE_CHECKING:
    from .main_window import MainWindow

CONTROLS_FADE_S = 3.0
INPUT_EVENTS = (QEvent.Type.MouseMove, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel,
                QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
CONSULT_CAPTION_PX = 20
ROOM_TITLE_FLOOR_PX = 24  # compare panes' titles, read from the back of a room


class Presentation(QObject):
    """Switches a MainWindow in and out of classroom mode and fades its controls."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.on = False
        self._before: tuple[str, bool] = ("screen", True)
        self._last_input = 0.0

    def set(self, on: bool, screen: int | None = None) -> None:
        """Presentation on (optionally on screen N) or off (palette and plots as they were)."""
        if on == self.on:
            return
        self.on = on
        w, session = self.window, self.window.session
        app = QApplication.instance()
        app.installEventFilter(self) if on else app.removeEventFilter(self)
        if on:
            self._before = (session.palette, w.plots.isVisible())
            screens = QApplication.screens()
            if screen is not None and 0 <= screen < len(screens):
                w.setScreen(screens[screen])
                w.move(screens[screen].geometry().topLeft())
            session.set_palette("projector")
            w.showFullScreen()
        else:
            palette_before, plots_before = self._before
            session.set_palette(palette_before)
            w.plots.setVisible(plots_before)
            w.showNormal()
            w.controls_fade.setOpacity(1.0)
        for chrome in (w.menuBar(), w.findChild(QToolBar, "main-toolbar"), w.narration):
            chrome.setVisible(not on)
        if on:
            w.plots.hide()
        w.stage_caption.setVisible(on and not session.compare)
        self._last_input = w.clock()
        self.apply_sizes()

    def caption_pixels(self) -> int:
        """Caption type size: at least 32 px at 1080p, scaled with the screen."""
        screen = self.window.screen() or QApplication.primaryScreen()
        height = screen.geometry().height() if screen else 1080
        return max(32, round(32 * height / 1080))

    def apply_sizes(self) -> None:
        """Captions and disclaimer at room size while presenting, at desk size otherwise."""
        w = self.window
        px = self.caption_pixels() if self.on else CONSULT_CAPTION_PX
        w.stage_caption.set_pixel_size(px)
        w.caption.set_pixel_size(px, padding=6 if self.on else 4)
        w.disclaimer.set_look(w.session.palette, round(px * 0.6) if self.on else 13)
        w.synapse.set_title_floor(ROOM_TITLE_FLOOR_PX if self.on else TITLE_FLOOR_PX)

    def tick(self, now: float) -> None:
        """Fade the controls out after CONTROLS_FADE_S without input (over half a second)."""
        if self.on:
            idle = now - self._last_input
            self.window.controls_fade.setOpacity(min(1.0, max(0.0, 1.0 - (idle - CONTROLS_FADE_S) / 0.5)))

    def note_input(self) -> None:
        """Any mouse, touch or key input: bring the controls back."""
        self._last_input = self.window.clock()
        self.window.controls_fade.setOpacity(1.0)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() in INPUT_EVENTS:
            self.note_input()
        return False
