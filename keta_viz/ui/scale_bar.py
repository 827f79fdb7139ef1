"""The window's scale controls: Brain / Circuit / Synapse buttons on the toolbar, "Follow the
story" beside the playback buttons (and in the View menu), zoom in and out by wheel, pinch and
the +/− keys, and scale step keys (the clicker's while presenting).

A manual zoom stops following the story.  A button or key glides to its scale (a cut with reduced
motion); the wheel and pinch move it directly, as the hand does.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QEvent, QObject, Qt, QVariantAnimation
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QToolBar, QToolButton

from ..model.tour import BRAIN, SCALES, SYNAPSE

if TYPE_CHECKING:
    from .main_window import MainWindow

WHEEL_STEP = 0.25  # scale per wheel notch (and per +/− key)
PINCH_GAIN = 1.0  # scale per doubling of the pinch
GLIDE_MS = 700  # a button's zoom from one scale to the next
KEY_GLIDE_MS = 180  # a +/− key's small step
ZOOM_KEYS = (["+", "="], ["-"])  # zoom in, zoom out (Ctrl with them is the reader's text size)
STEP_KEYS = (["Shift+PgDown"], ["Shift+PgUp"])  # a whole scale in, out
CLICKER_KEYS = (["Down"], ["Up"])  # the same while presenting (a clicker's spare keys); the
# consult window leaves the arrows to the focused control


class ScaleBar(QObject):
    """Observes the Session's scale and follow_story; writes them from buttons, keys, wheel and pinch."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        toolbar = window.findChild(QToolBar, "main-toolbar")
        self.window = window
        self.session = s = window.session
        self.glide = QVariantAnimation(self)
        self.glide.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self.glide.valueChanged.connect(lambda v: s.set_scale(float(v)))
        self.scale_actions = {}
        group = QActionGroup(self)  # one scale checked at a time (none between two scales)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for key, value in SCALES.items():
            a = window.new_action(f"scale_{key}", None, lambda _c=False, v=value: self.glide_to(v))
            a.setCheckable(True)
            group.addAction(a)
            self._on_toolbar(toolbar, a, f"scale_{key}")
            self.scale_actions[value] = a
        self.follow_action = window.new_action("follow_story", None)
        self.follow_action.setCheckable(True)
        self.follow_action.toggled.connect(self.follow)
        window.wording.text(self.follow_action.setToolTip, "window", "follow_story_tip")
        self.follow_button = QToolButton()  # beside the playback buttons: it is about the story's tour
        self.follow_button.setDefaultAction(self.follow_action)
        self.follow_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.follow_button.setMinimumHeight(34)
        window.wording.text(self.follow_button.setAccessibleName, "window", "follow_story")
        row = window.transport.playing_row.layout()  # after the speed, before the time in words
        row.insertWidget(row.indexOf(window.transport.speed_box) + 1, self.follow_button)
        zoom = [window.new_action(key, keys, lambda _c=False, d=d: self.glide_to(s.scale + d, KEY_GLIDE_MS))
                for key, keys, d in zip(("zoom_in", "zoom_out"), ZOOM_KEYS, (WHEEL_STEP, -WHEEL_STEP))]
        for keys, step in zip(STEP_KEYS, (1, -1)):
            window.new_action(None, keys, lambda _c=False, d=step: self.step(d)).setText(keys[0])  # keys only
        self.clicker_actions = [window.new_action(None, keys, lambda _c=False, d=step: self.step(d))
                                for keys, step in zip(CLICKER_KEYS, (1, -1))]
        for a, keys in zip(self.clicker_actions, CLICKER_KEYS):
            a.setText(keys[0])  # keys only: named in the '?' list by [shortcuts.keys]
        self.set_presenting(False)
        window.view_menu.addSeparator()
        window.view_menu.addActions([self.follow_action, *zoom])
        for view in window.synapse.all_views:
            view.installEventFilter(self)
            view.grabGesture(Qt.GestureType.PinchGesture)
        s.view_changed.connect(self.show_state)
        s.playhead.time_changed.connect(self.show_state)  # following the story, the scale moves with t
        s.timelines_changed.connect(self.show_state)
        self.show_state()

    def _on_toolbar(self, toolbar: QToolBar, action: QAction, key: str) -> None:
        """Put an action's button on the toolbar, after the scenario choice and before Compare (a
        narrow window folds the view toggles at the end, in the View menu too, away first), with its tooltip and
        accessible name (re-worded with the language)."""
        toolbar.insertAction(self.window.compare_action, action)
        wording = self.window.wording
        wording.text(action.setToolTip, "window", f"{key}_tip")
        wording.text(toolbar.widgetForAction(action).setAccessibleName, "window", key)
        wording.text(toolbar.widgetForAction(action).setAccessibleDescription, "window", f"{key}_tip")

    def set_presenting(self, on: bool) -> None:
        """The clicker's scale keys work while presenting."""
        for a in self.clicker_actions:
            a.setEnabled(on)

    def follow(self, on: bool) -> None:
        """Follow the story (on: any glide stops) or keep the scale shown."""
        if on:
            self.glide.stop()
        self.session.set_follow_story(on)

    def show_state(self, *_args) -> None:
        """Check the scale shown (when it is a whole one) and the follow toggle."""
        s = self.session
        for value, a in self.scale_actions.items():
            a.blockSignals(True)
            a.setChecked(abs(s.scale - value) < 1e-6)
            a.blockSignals(False)
        self.follow_action.blockSignals(True)
        self.follow_action.setChecked(s.follow_story)
        self.follow_action.blockSignals(False)

    def glide_to(self, scale: float, ms: int = GLIDE_MS) -> None:
        """Zoom to a scale: a smooth glide, or a cut with reduced motion; following stops."""
        s = self.session
        scale = min(max(scale, BRAIN), SYNAPSE)
        self.glide.stop()
        if s.reduced_motion or ms <= 0:
            s.set_scale(scale)
            return
        self.glide.setStartValue(float(s.scale))
        self.glide.setEndValue(float(scale))
        self.glide.setDuration(ms)
        s.set_follow_story(False)
        self.glide.start()

    def step(self, direction: int) -> None:
        """To the next whole scale in (direction 1) or out (-1): the clicker's scale step."""
        target = self.glide.endValue() if self.glide.state() == QVariantAnimation.State.Running else self.session.scale
        nxt = math.floor(target + 1e-6) + 1 if direction > 0 else math.ceil(target - 1e-6) - 1
        self.glide_to(nxt)

    def zoom_by(self, delta: float) -> None:
        """Zoom by a scale difference now (wheel, pinch)."""
        self.glide.stop()
        self.session.set_scale(self.session.scale + delta)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            notches = event.angleDelta().y() / 120
            if notches:
                self.zoom_by(notches * WHEEL_STEP)
                return True
        elif kind == QEvent.Type.NativeGesture and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(event.value() * PINCH_GAIN)  # a trackpad's pinch: value is the change in magnification
            return True
        elif kind == QEvent.Type.Gesture and (pinch := event.gesture(Qt.GestureType.PinchGesture)) is not None:
            factor = pinch.scaleFactor()
            if factor > 0:
                self.zoom_by(math.log2(factor) * PINCH_GAIN)
            event.accept()
            return True
        return False
