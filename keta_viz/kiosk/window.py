"""The kiosk: an attract loop, a touch UI, idle reset, and no way out without the operator PIN."""

from __future__ import annotations

import logging
import time
from typing import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QCursor, QKeySequence
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from ..app.session import Session
from ..model import Timeline, load_scenario, simulate
from ..safe_write import WriteError, write_text
from ..widgets.backdrop import Backdrop
from ..widgets.caption import StoryCaption
from ..widgets.marks import Disclaimer
from ..widgets.scrubber import Scrubber
from ..widgets.stylesheet import kiosk_stylesheet
from ..widgets.synapse_view import SynapseViews, room_label_pixels, screen_height
from .config import KioskConfig, pin_matches, tour_step_scenarios
from .language_button import LanguageButton
from .now_playing import NowPlaying
from .stage_buttons import StageButtons
from .states import KioskStates

log = logging.getLogger("keta_viz.kiosk")
EXIT_CHORD = QKeySequence("Ctrl+Alt+Shift+Q")
INPUT_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.TouchBegin,
                QEvent.Type.TouchUpdate, QEvent.Type.KeyPress, QEvent.Type.Wheel)
PANE_TITLE_FLOOR_PX = 28  # compare panes' titles, read standing back from the screen
KIOSK_LABEL_PX = 21  # the picture's smallest labels, read from 1.5-2 m: 21 px type is ~20 px cap to descender


def kiosk_label_pixels(screen_px: int) -> int:
    """The kiosk's smallest picture label (brain, circuit and synapse): a room's, scaled with
    the screen's height, never below KIOSK_LABEL_PX (a 1366 x 768 kiosk is read from as far)."""
    return max(KIOSK_LABEL_PX, room_label_pixels(screen_px))


def touch_pixels(widget: QWidget, mm: float = 15.0) -> int:
    """Pixels for a touch target of `mm` millimetres on the widget's screen."""
    screen = widget.screen() or QApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() if screen else 96.0
    return max(48, round(mm * max(dpi, 72.0) / 25.4))


class PinPad(QWidget):
    """An in-window PIN entry (no dialog) with a keypad for touch screens, over a dimmed backdrop."""

    def __init__(self, kiosk: "KioskWindow"):
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.backdrop = Backdrop(kiosk)
        self.setObjectName("pin-pad")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # opaque over the picture
        self.title = QLabel()
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.entry.returnPressed.connect(self.submit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        grid = QGridLayout()
        size = touch_pixels(self)
        self.keys = {}
        for i, key in enumerate("123456789C0✓"):
            b = self.keys[key] = QPushButton(key)
            b.setMinimumSize(QSize(size, size))
            b.clicked.connect(lambda _c=False, k=key: self._key(k))
            grid.addWidget(b, i // 3, i % 3)
        self.cancel = cancel = QPushButton()
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
        """Show the pad centred over the kiosk, in the visitor's language."""
        words, a11y = self.kiosk.words, self.kiosk.content.ui["a11y"]
        self.title.setText(words["pin_title"])
        self.entry.setAccessibleName(words["pin_title"])
        self.cancel.setText(words["cancel"])
        self.keys["C"].setAccessibleName(a11y["pin_clear"])
        self.keys["✓"].setAccessibleName(words["ok"])
        self.entry.clear()
        self.message.clear()
        self._place()
        self.backdrop.cover()
        self.show()
        self.raise_()
        self.entry.setFocus()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.backdrop.hide()  # cancelled, unlocked or reset: the picture comes back
        super().hideEvent(event)

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
    """Full-screen, frameless, locked; runs for weeks unattended.  The rules live in KioskStates."""

    def __init__(self, config: KioskConfig, clock: Callable[[], float] = time.monotonic):
        super().__init__(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.config = config
        self.clock = clock
        self.unlocked = False
        self._timelines: dict[str, Timeline] = {}
        now = self.clock()
        self._t0 = self._last = now
        self.states = KioskStates(config.idle_seconds, config.countdown_seconds, len(config.tour), now)
        self.session = Session([self._timeline("ketamine-iv")], config.palette, "plain", True, config.language,
                               parent=self)
        self.playhead = self.session.playhead
        self.session.set_reduced_motion(config.reduced_motion)
        self.session.set_text_scale(config.text_size / 100)
        self.session.set_label_floor(kiosk_label_pixels(screen_height(self)))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)
        self._build()
        self.session.language_changed.connect(self._reword)
        self._reword()
        self.pin_pad = PinPad(self)
        self.set_mode("attract")
        self.start_tour_step(0)
        QApplication.instance().installEventFilter(self)
        self.ticker = QTimer(self)
        self.ticker.setInterval(16)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()

    @property
    def views(self):
        """The synapse views shown (two in compare)."""
        return self.synapse.views

    @property
    def content(self):
        """The words of the language shown (the visitor's choice, else the configured one)."""
        return self.session.content

    @property
    def words(self) -> dict:
        """The kiosk's words ([kiosk] of ui.toml) in the language shown."""
        return self.content.ui["kiosk"]

    @property
    def mode(self) -> str:
        """'attract' (the guided tour) or 'interactive' (a visitor)."""
        return self.states.mode

    @property
    def tour_index(self) -> int:
        """The step of the attract tour being played."""
        return self.states.tour_index

    # ------------------------------------------------------------------ building ---
    def _timeline(self, name: str) -> Timeline:
        if name not in self._timelines:
            self._timelines[name] = simulate(load_scenario(name))
        return self._timelines[name]

    def _build(self) -> None:
        self.setStyleSheet(kiosk_stylesheet(self.config.palette))
        self.synapse = SynapseViews(self.session, title_floor=PANE_TITLE_FLOOR_PX)
        for v in self.synapse.all_views:
            v.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.caption = StoryCaption(self.session)
        self.caption.set_pixel_size(36, padding=10)
        self.caption.badge.set_pixel_size(26, margin_top=16)
        self.disclaimer = Disclaimer(self.content)  # under everything in every state
        chrome = "contrast" if self.config.palette == "contrast" else "screen"  # the kiosk's chrome is dark
        self.disclaimer.set_look(chrome, round(20 * self.session.text_scale))
        self.touch_ui = QWidget()
        size = touch_pixels(self)
        touch = QVBoxLayout(self.touch_ui)
        self.stage_row = StageButtons(self.session, size)  # play/pause and the stages, by name
        self.stage_buttons = self.stage_row.buttons
        touch.addWidget(self.stage_row)
        row = QHBoxLayout()
        touch.addLayout(row)
        self.buttons = {}
        for key, slot in (("ketamine", lambda: self.show_scenario("ketamine-iv")),
                          ("ssri", lambda: self.show_scenario("escitalopram")),
                          ("compare", lambda: self.show_scenario("ketamine-iv", "escitalopram")),
                          ("restart", lambda: self.playhead.seek(0.0))):
            b = QPushButton()
            b.setMinimumSize(QSize(size * 2, size))
            b.clicked.connect(slot)
            self.buttons[key] = b
            row.addWidget(b)
        self.row_title = NowPlaying(self.session, screen_height(self))  # the drug playing, for a visitor
        row.addWidget(self.row_title, 1)
        self.language_button = LanguageButton(self.session)
        self.language_button.setMinimumSize(QSize(size * 2, size))
        row.addWidget(self.language_button)
        self.scrubber = Scrubber(self.session, scale=size / 34)
        self.countdown = QLabel(self)
        self.countdown.setObjectName("countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.hide()
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        self.now_playing = NowPlaying(self.session, screen_height(self))  # the drug playing, in the attract loop
        col.addWidget(self.now_playing)
        col.addWidget(self.synapse, 1)
        caption_row = QHBoxLayout()
        caption_row.setContentsMargins(10, 0, 0, 0)
        caption_row.addWidget(self.caption)
        col.addLayout(caption_row)
        for w in (self.hint, self.scrubber, self.touch_ui, self.disclaimer):
            col.addWidget(w)

    def _reword(self) -> None:
        """Every word of the kiosk in the Session's language."""
        self.setWindowTitle(self.content.ui["window"]["title"])
        for key, b in self.buttons.items():
            b.setText(self.words[key])
        self.hint.setText(self.words["touch_to_explore"])
        self.disclaimer.setText(self.content.ui["about"]["disclaimer"])

    def show_scenario(self, name: str, against: str | None = None) -> None:
        """Show one scenario, or two side by side, from the start of the story.

        Timelines are simulated once and the views and stage buttons reused (they follow the
        Session): nothing is created per tour step, so weeks of looping allocate nothing new.
        """
        self.session.set_timelines([self._timeline(name)] + ([self._timeline(against)] if against else []))
        self.playhead.seek(0.0, force=True)
        self.playhead.set_playing(True)

    def start_tour_step(self, index: int) -> None:
        """Play step `index` of the attract tour."""
        self.states.tour_index = index % len(self.config.tour)
        self.session.set_follow_story(True)  # each step opens on the brain and follows the story in
        self.show_scenario(*tour_step_scenarios(self.config.tour[self.states.tour_index]))

    # ----------------------------------------------------------------- behaviour ---
    def set_mode(self, mode: str) -> None:
        """Show the controls of 'attract' (a hint, no controls) or 'interactive' (touch UI)."""
        interactive = mode == "interactive"
        self.touch_ui.setVisible(interactive)
        self.scrubber.setVisible(interactive)
        self.now_playing.set_shown(not interactive)
        self.row_title.set_shown(interactive)
        self.hint.setVisible(not interactive)
        self.countdown.hide()

    def reset(self) -> None:
        """Back to the start of the attract loop with a fresh state."""
        self.session.clear_pen()
        self.playhead.speed = 1.0
        self.pin_pad.hide()  # an abandoned PIN entry does not outlast the visitor
        self.states.reset()
        self.session.set_language(self.config.language)  # the visitor's language goes with the visitor
        self.set_mode("attract")
        self.start_tour_step(0)

    def note_input(self) -> None:
        """Any touch, click or key: stay interactive, cancel the countdown, show the cursor."""
        if QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()
        self.states.touch(self.clock())
        self.set_mode("interactive")

    def tick(self) -> None:
        """One frame: the rules (tour, idle countdown, cursor, heartbeat), playback, particles."""
        now = self.clock()
        dt, self._last = now - self._last, now
        todo = self.states.tick(now, story_over=self.playhead.u >= 1.0 and not self.playhead.playing)
        if todo.next_tour_step:
            self.start_tour_step(self.states.tour_index)
        self.playhead.advance(dt)
        self.session.set_phase(now - self._t0)
        if todo.reset:
            self.reset()
        elif todo.countdown is not None:
            self._show_countdown(todo.countdown)
        if todo.hide_cursor and QApplication.overrideCursor() is None:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        if todo.beat and self.config.heartbeat_file:
            try:
                write_text(self.config.heartbeat_file, f"{time.time():.0f}\n")
            except WriteError as exc:
                log.warning("heartbeat: %s", exc)

    def _show_countdown(self, seconds: int) -> None:
        self.countdown.setText(f"{self.words['still_looking']}\n" + self.words["returning"].format(n=seconds))
        self.countdown.adjustSize()
        self.countdown.move((self.width() - self.countdown.width()) // 2, (self.height() - self.countdown.height()) // 3)
        self.countdown.show()
        self.countdown.raise_()

    def try_pin(self, pin: str) -> tuple[bool, str]:
        """Check an operator PIN: exits on success; wrong PINs are rate-limited."""
        failures = self.states.failures
        result, wait = self.states.try_pin(self.clock(), lambda: pin_matches(self.config, pin))
        if result == "ok":
            log.info("kiosk: operator exit")
            self.unlocked = True
            self.close()
            QApplication.instance().quit()
            return True, ""
        if self.states.failures > failures:
            log.warning("kiosk: wrong PIN (%d)", self.states.failures)
        return False, self.words["pin_locked"].format(n=wait) if result == "locked" else self.words["pin_wrong"]

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
