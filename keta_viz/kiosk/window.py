"""The kiosk: an attract loop, a touch UI, idle reset, and no way out without the operator PIN."""

from __future__ import annotations

import logging
import math
import time
from typing import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QCursor, QKeySequence
from PySide6.QtWidgets import (QApplication, QBoxLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from ..content import load_content
from ..content.captions import compare_caption, stage_caption
from ..model import StoryAxis, Timeline, load_scenario, simulate
from ..safe_write import WriteError, write_text
from ..scene.render import stacked
from ..scene.synapse import Style
from ..widgets.marks import AnimalBadge, Disclaimer
from ..widgets.playhead import Playhead
from ..widgets.scrubber import Scrubber
from ..widgets.synapse_view import SynapseView
from .config import KioskConfig, pin_matches, tour_step_scenarios

log = logging.getLogger("keta_viz.kiosk")
EXIT_CHORD = QKeySequence("Ctrl+Alt+Shift+Q")
INPUT_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.TouchBegin,
                QEvent.Type.TouchUpdate, QEvent.Type.KeyPress, QEvent.Type.Wheel)
CURSOR_HIDE_S = 5.0
HEARTBEAT_S = 10.0
LOCKOUT_AFTER = 3
MAX_STAGE_BUTTONS = 9


def touch_pixels(widget: QWidget, mm: float = 15.0) -> int:
    """Pixels for a touch target of `mm` millimetres on the widget's screen."""
    screen = widget.screen() or QApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() if screen else 96.0
    return max(48, round(mm * max(dpi, 72.0) / 25.4))


class PinPad(QWidget):
    """An in-window PIN entry (no dialog) with a keypad for touch screens."""

    def __init__(self, kiosk: "KioskWindow"):
        super().__init__(kiosk)
        self.kiosk = kiosk
        words = kiosk.content.ui["kiosk"]
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # opaque over the picture
        self.setStyleSheet("background:#0E141B; color:#F4EFE8; font-size:22px")
        self.title = QLabel(words["pin_title"])
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.entry.returnPressed.connect(self.submit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        grid = QGridLayout()
        size = touch_pixels(self)
        for i, key in enumerate("123456789C0✓"):
            b = QPushButton(key)
            b.setMinimumSize(QSize(size, size))
            b.clicked.connect(lambda _c=False, k=key: self._key(k))
            grid.addWidget(b, i // 3, i % 3)
        cancel = QPushButton(words["cancel"])
        cancel.setMinimumHeight(size)
        cancel.clicked.connect(self.hide)
        col = QVBoxLayout(self)
        for w in (self.title, self.entry, self.message):
            col.addWidget(w)
        col.addLayout(grid)
        col.addWidget(cancel)
        self.hide()

    def _key(self, key: str) -> None:
        if key == "C":
            self.entry.clear()
        elif key == "✓":
            self.submit()
        else:
            self.entry.insert(key)

    def open(self) -> None:
        """Show the pad centred over the kiosk."""
        self.entry.clear()
        self.message.clear()
        self._place()
        self.show()
        self.raise_()
        self.entry.setFocus()

    def _place(self) -> None:
        """Fit the pad to its text and centre it."""
        self.adjustSize()
        self.move((self.kiosk.width() - self.width()) // 2, (self.kiosk.height() - self.height()) // 2)

    def submit(self) -> None:
        """Check the PIN; the kiosk decides (and rate-limits)."""
        _ok, message = self.kiosk.try_pin(self.entry.text())
        self.entry.clear()
        self.message.setText(message)
        self._place()  # a longer message (the lockout) is shown whole


class KioskWindow(QWidget):
    """Full-screen, frameless, locked; runs for weeks unattended."""

    def __init__(self, config: KioskConfig, clock: Callable[[], float] = time.monotonic):
        super().__init__(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.config = config
        self.clock = clock
        self.content = load_content(config.language)
        self.words = self.content.ui["kiosk"]
        self.style_ = Style(config.palette, "plain", config.language)
        self.unlocked = False
        self.mode = "attract"
        self.tour_index = 0
        self.failures = 0
        self.locked_until = 0.0
        self._timelines: dict[str, Timeline] = {}
        now = self.clock()
        self._t0 = self._last = self._last_input = self._last_beat = now
        self.countdown_left: float | None = None
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)
        self.setWindowTitle("Keta Viz")
        self.playhead = Playhead(StoryAxis.for_timelines([self._timeline("ketamine-iv")]), self)
        self._build()
        self.pin_pad = PinPad(self)
        self.set_mode("attract")
        self.start_tour_step(0)
        QApplication.instance().installEventFilter(self)
        self.ticker = QTimer(self)
        self.ticker.setInterval(16)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()

    # ------------------------------------------------------------------ building ---
    def _timeline(self, name: str) -> Timeline:
        if name not in self._timelines:
            self._timelines[name] = simulate(load_scenario(name))
        return self._timelines[name]

    def _build(self) -> None:
        self.setStyleSheet("QWidget { background:#111821; color:#F4EFE8 } QPushButton { background:#263140;"
                           " border:2px solid #3A4350; border-radius:10px; font-size:24px; padding:8px }")
        self.views_box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        first = self._timeline("ketamine-iv")
        self.all_views = [SynapseView(self.playhead, first, self.style_, seed=k) for k in range(2)]
        for v in self.all_views:
            v.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            self.views_box.addWidget(v)
        self.views: list[SynapseView] = self.all_views[:1]
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("font-size:36px; padding:10px")
        self.touch_ui = QWidget()
        size = touch_pixels(self)
        row = QHBoxLayout(self.touch_ui)
        self.buttons = {}
        for key, slot in (("ketamine", lambda: self.show_scenario("ketamine-iv")),
                          ("ssri", lambda: self.show_scenario("escitalopram")),
                          ("compare", lambda: self.show_scenario("ketamine-iv", "escitalopram")),
                          ("restart", lambda: self.playhead.seek(0.0))):
            b = QPushButton(self.words[key])
            b.setMinimumSize(QSize(size * 2, size))
            b.clicked.connect(slot)
            self.buttons[key] = b
            row.addWidget(b)
        self.stage_buttons = []
        for i in range(MAX_STAGE_BUTTONS):
            b = QPushButton(str(i + 1))
            b.setMinimumSize(QSize(size, size))
            b.clicked.connect(lambda _c=False, i=i: self.seek_stage(i))
            self.stage_buttons.append(b)
            row.addWidget(b)
        row.addStretch(1)
        self.scrubber = Scrubber(self.playhead, [self._timeline("ketamine-iv")], scale=size / 34)
        self.countdown = QLabel()
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setStyleSheet("font-size:48px; background:#263140; padding:30px; border-radius:16px")
        self.countdown.hide()
        self.hint = QLabel(self.words["touch_to_explore"])
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("font-size:30px; color:#F0E442")
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addLayout(self.views_box, 1)
        col.addLayout(self._caption_row())
        col.addWidget(self.hint)
        col.addWidget(self.scrubber)
        col.addWidget(self.touch_ui)
        col.addWidget(self.disclaimer)
        self.countdown.setParent(self)
        self.playhead.time_changed.connect(self._caption_update)

    def _caption_row(self) -> QHBoxLayout:
        """The caption with the "in animals" badge beside it; also makes the disclaimer line,
        shown under everything in every state (tour, touch UI, countdown, PIN pad)."""
        self.animal_badge = AnimalBadge(self.content)
        self.animal_badge.set_pixel_size(26, margin_top=16)
        self.disclaimer = Disclaimer(self.content)
        self.disclaimer.set_look("screen", 20)  # the kiosk's chrome is dark in either palette
        row = QHBoxLayout()
        row.setContentsMargins(10, 0, 0, 0)
        row.addWidget(self.animal_badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.caption, 1)
        return row

    def show_scenario(self, name: str, against: str | None = None) -> None:
        """Show one scenario, or two side by side, from the start of the story.

        The kiosk reuses its two views and its stage buttons: nothing is created per tour
        step, so weeks of looping allocate nothing new.
        """
        timelines = [self._timeline(name)] + ([self._timeline(against)] if against else [])
        self.views = self.all_views[:len(timelines)]
        for v, tl in zip(self.views, timelines):
            v.set_timeline(tl)
        self.all_views[1].setVisible(len(timelines) == 2)
        self.timelines = timelines
        self.playhead.set_axis(StoryAxis.for_timelines(timelines))
        self.playhead.seek(0.0, force=True)
        self.playhead.set_playing(True)
        self.scrubber.set_timelines(timelines)
        stages = timelines[0].stages
        for i, b in enumerate(self.stage_buttons):
            b.setVisible(i < len(stages))
        self._caption_update()

    def seek_stage(self, index: int) -> None:
        """Jump to the start of stage `index` of the (first) scenario shown."""
        stages = self.timelines[0].stages
        if index < len(stages):
            self.playhead.seek(stages[index].start)

    def start_tour_step(self, index: int) -> None:
        """Play step `index` of the attract tour."""
        self.tour_index = index % len(self.config.tour)
        self.show_scenario(*tour_step_scenarios(self.config.tour[self.tour_index]))

    def _caption_update(self, *_args) -> None:
        t = self.playhead.t
        if len(self.timelines) == 2:
            self.caption.setText(compare_caption(self.content, self.timelines[0], self.timelines[1], t))
        else:
            self.caption.setText(stage_caption(self.content, self.timelines[0], t))
        self._badge_update(t)

    def _badge_update(self, t: float) -> None:
        """The badge follows the stage shown alone; in compare each side's caption says it."""
        tl = self.timelines[0]
        self.animal_badge.setVisible(len(self.timelines) == 1
                                     and self.content.stage(tl.scenario.drug, tl.stage_at(t).id).in_animals)

    # ----------------------------------------------------------------- behaviour ---
    def set_mode(self, mode: str) -> None:
        """'attract' (guided tour, no controls) or 'interactive' (touch UI)."""
        self.mode = mode
        interactive = mode == "interactive"
        self.touch_ui.setVisible(interactive)
        self.scrubber.setVisible(interactive)
        self.hint.setVisible(not interactive)
        self.countdown.hide()
        self.countdown_left = None

    def reset(self) -> None:
        """Back to the start of the attract loop with a fresh state."""
        for v in self.all_views:
            v.strokes.clear()
        self.playhead.speed = 1.0
        self.pin_pad.hide()  # an abandoned PIN entry does not outlast the visitor
        self.set_mode("attract")
        self.start_tour_step(0)

    def note_input(self) -> None:
        """Any touch, click or key: stay interactive, cancel the countdown, show the cursor."""
        self._last_input = self.clock()
        if QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()
        if self.mode == "attract":
            self.set_mode("interactive")
        elif self.countdown_left is not None:
            self.countdown.hide()
            self.countdown_left = None

    def tick(self) -> None:
        """One frame: playback, particles, idle countdown, cursor, heartbeat."""
        now = self.clock()
        dt, self._last = now - self._last, now
        if self.mode == "attract":
            if self.playhead.u >= 1.0 and not self.playhead.playing:
                self.start_tour_step(self.tour_index + 1)
        self.playhead.advance(dt)
        for v in self.views:
            v.set_phase(now - self._t0)
        idle = now - self._last_input
        if self.mode == "interactive" and idle >= self.config.idle_seconds:
            left = self.config.idle_seconds + self.config.countdown_seconds - idle
            if left <= 0:
                self.reset()
            else:
                self.countdown_left = left
                self.countdown.setText(f"{self.words['still_looking']}\n"
                                       + self.words["returning"].format(n=int(left) + 1))
                self.countdown.adjustSize()
                self.countdown.move((self.width() - self.countdown.width()) // 2,
                                    (self.height() - self.countdown.height()) // 3)
                self.countdown.show()
                self.countdown.raise_()
        if idle > CURSOR_HIDE_S and QApplication.overrideCursor() is None:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        if self.config.heartbeat_file and now - self._last_beat >= HEARTBEAT_S:
            self._last_beat = now
            try:
                write_text(self.config.heartbeat_file, f"{time.time():.0f}\n")
            except WriteError as exc:
                log.warning("heartbeat: %s", exc)

    def try_pin(self, pin: str) -> tuple[bool, str]:
        """Check an operator PIN: exits on success; wrong PINs are rate-limited."""
        now = self.clock()
        if now < self.locked_until:
            return False, self._locked_message(now)
        if pin_matches(self.config, pin):
            log.info("kiosk: operator exit")
            self.unlocked = True
            self.close()
            QApplication.instance().quit()
            return True, ""
        self.failures += 1
        log.warning("kiosk: wrong PIN (%d)", self.failures)
        if self.failures >= LOCKOUT_AFTER:
            self.locked_until = now + min(600.0, 30.0 * 2 ** (self.failures - LOCKOUT_AFTER))
            return False, self._locked_message(now)
        return False, self.words["pin_wrong"]

    def _locked_message(self, now: float) -> str:
        """'wait N s', N the whole seconds left, rounded up (30, not a float-error 29 or 31)."""
        return self.words["pin_locked"].format(n=math.ceil(round(self.locked_until - now, 3)))

    # -------------------------------------------------------------------- locking ---
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            combo = QKeySequence(event.keyCombination())
            self.note_input()  # typing a PIN is activity too
            if combo.matches(EXIT_CHORD) == QKeySequence.SequenceMatch.ExactMatch:
                self.pin_pad.open()
                return True
            if not self.pin_pad.isVisible():
                return True  # swallow every other key: no shortcut can act in the kiosk
        elif kind in (QEvent.Type.ContextMenu, QEvent.Type.Drop, QEvent.Type.DragEnter):
            return True  # closing is refused in closeEvent, which marks the event ignored
        elif kind in INPUT_EVENTS:
            self.note_input()
        return False

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.unlocked:
            QApplication.instance().removeEventFilter(self)
            event.accept()
        else:
            log.info("kiosk: close request ignored")
            event.ignore()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.views_box.setDirection(QBoxLayout.Direction.TopToBottom if stacked(self.width(), self.height())
                                    else QBoxLayout.Direction.LeftToRight)
