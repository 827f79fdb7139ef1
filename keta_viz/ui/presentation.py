"""Presentation mode of the consult window: full screen, projector colours, room-sized captions,
controls that fade after 3 s without input and come back on any."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QToolBar

from ..widgets.marks import TimeReadout
from ..widgets.synapse_view import TITLE_FLOOR_PX, room_label_pixels, screen_height

if TYPE_CHECKING:
    from .main_window import MainWindow

CONTROLS_FADE_S = 3.0
INPUT_EVENTS = (QEvent.Type.MouseMove, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel,
                QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
CONSULT_CAPTION_PX = 20
ROOM_TITLE_FLOOR_PX = 24  # compare panes' titles, read from the back of a room
DESK_LABEL_PX = 11  # the picture's smallest labels at a desk (in a room: room_label_pixels)


class Presentation(QObject):
    """Switches a MainWindow in and out of classroom mode and fades its controls."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.on = False
        self._before: tuple[str, bool] = ("screen", True)
        self._last_input = 0.0
        self.readout = TimeReadout(window.session, window)  # the time, when the controls have faded
        self.readout.hide()
        window.session.timelines_changed.connect(self._show_readout)

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
            session.set_palette("contrast" if session.palette == "contrast" else "projector")  # high contrast stays
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
        w.scale_bar.set_presenting(on)  # the clicker's Up/Down step the scale (brain, circuit, synapse)
        self._last_input = w.clock()
        self.apply_sizes()
        self._show_readout()

    def _show_readout(self) -> None:
        """While presenting one scenario (in compare the caption strip opens with the time)."""
        self.readout.setVisible(self.on and not self.window.session.compare)
        self.place_readout()

    def place_readout(self) -> None:
        """The time readout in the picture's lower right corner (it never fades), that corner
        kept clear of the picture's labels (in frame pixels, in steps so the style rarely changes)."""
        w = self.window
        if not self.readout.isVisible():
            w.session.set_label_corner(0, 0)
            return
        corner = w.synapse.mapTo(w, w.synapse.rect().bottomRight())
        margin = round(self.readout.height() * 0.3)
        self.readout.move(corner.x() - self.readout.width() - margin, corner.y() - self.readout.height() - margin)
        self.readout.raise_()
        dpr, step = self.window.devicePixelRatioF(), 48
        w.session.set_label_corner(math.ceil((self.readout.width() + 2 * margin) * dpr / step) * step,
                                   math.ceil((self.readout.height() + 2 * margin) * dpr / step) * step)

    def caption_pixels(self) -> int:
        """Caption type size: at least 32 px at 1080p, scaled with the screen."""
        return max(32, round(32 * self.screen_height() / 1080))

    def screen_height(self) -> int:
        """Height of the screen presenting."""
        return screen_height(self.window)

    def label_floor(self) -> int:
        """The smallest picture label: room-sized while presenting (18 px at 1080p, scaled with
        the screen, so a compare pane reads from the back), desk-sized otherwise."""
        return room_label_pixels(self.screen_height()) if self.on else DESK_LABEL_PX

    def apply_sizes(self) -> None:
        """Captions and disclaimer at room size while presenting, at desk size otherwise."""
        w = self.window
        px = self.caption_pixels() if self.on else CONSULT_CAPTION_PX
        w.stage_caption.set_pixel_size(px)
        w.caption.set_pixel_size(px, padding=6 if self.on else 4)
        w.disclaimer.set_look(w.session.palette, round((round(px * 0.6) if self.on else 13) * w.session.text_scale))
        w.synapse.set_title_floor(ROOM_TITLE_FLOOR_PX if self.on else TITLE_FLOOR_PX)
        w.session.set_label_floor(self.label_floor())
        self.readout.set_look(round(px * 0.7))

    def tick(self, now: float) -> None:
        """Fade the controls out after CONTROLS_FADE_S without input (over half a second; a cut
        with reduced motion)."""
        if self.on:
            idle = now - self._last_input
            if self.window.session.reduced_motion:
                opacity = 1.0 if idle < CONTROLS_FADE_S else 0.0  # a cut, not a fade
            else:
                opacity = min(1.0, max(0.0, 1.0 - (idle - CONTROLS_FADE_S) / 0.5))
            self.window.controls_fade.setOpacity(opacity)
            self.place_readout()  # follows the picture as the layout settles and the text changes

    def note_input(self) -> None:
        """Any mouse, touch or key input: bring the controls back."""
        self._last_input = self.window.clock()
        self.window.controls_fade.setOpacity(1.0)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() in INPUT_EVENTS:
            self.note_input()
        return False
