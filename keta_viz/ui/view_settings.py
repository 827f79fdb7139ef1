"""The View menu's reader settings: high contrast, the text size (100-200 %) and reduced motion
that follows the desktop's preference until the reader chooses; all remembered (ui/settings.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ..app.session import TEXT_SCALES
from . import tooltips
from .desktop_motion import desktop_prefers_reduced_motion

if TYPE_CHECKING:
    from .main_window import MainWindow

TEXT_STEP = 0.25  # 100, 125, 150, 175, 200 %
TEXT_KEYS = {"larger_text": ["Ctrl+=", "Ctrl++"], "smaller_text": ["Ctrl+-"], "reset_text": ["Ctrl+0"]}


class ViewSettings(QObject):
    """Adds High contrast and Larger / Smaller / Reset text to the window's View menu, writes
    them to the Session and the window's Preferences, and applies the desktop's reduce-motion
    preference when the reader has not chosen one."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        s = window.session
        self.contrast_action = window.new_toggle("high_contrast", self._contrast, s.palette == "contrast")
        steps = {"larger_text": lambda: self.step_text(1), "smaller_text": lambda: self.step_text(-1),
                 "reset_text": lambda: s.set_text_scale(1.0)}
        self.text_actions = {key: window.new_action(key, TEXT_KEYS[key], slot) for key, slot in steps.items()}
        window.view_menu.addSeparator()
        window.view_menu.addAction(self.contrast_action)
        window.view_menu.addActions(list(self.text_actions.values()))
        tooltips.explain(window, [self.contrast_action, *self.text_actions.values()])
        s.style_changed.connect(self._style_changed)
        s.set_text_scale(window.prefs.text_scale)
        self._style_changed()
        if window.prefs.reduced_motion is None and desktop_prefers_reduced_motion():
            window.motion_action.setChecked(True)  # the desktop's preference, until the reader chooses
        window.motion_action.toggled.connect(self._motion_chosen)

    def step_text(self, steps: int) -> None:
        """Text one step (25 %) larger or smaller, within 100-200 %."""
        s = self.window.session
        s.set_text_scale(s.text_scale + steps * TEXT_STEP)

    def _contrast(self, on: bool) -> None:
        self.window.session.set_palette("contrast" if on else "screen")

    def _motion_chosen(self, on: bool) -> None:
        self.window.prefs.reduced_motion = on  # an explicit choice: it wins over the desktop's from now on

    def _style_changed(self) -> None:
        s = self.window.session
        self.window.prefs.text_scale = s.text_scale
        self.contrast_action.blockSignals(True)
        self.contrast_action.setChecked(s.palette == "contrast")
        self.contrast_action.blockSignals(False)
        lo, hi = TEXT_SCALES
        self.text_actions["larger_text"].setEnabled(s.text_scale < hi)
        self.text_actions["smaller_text"].setEnabled(s.text_scale > lo)
