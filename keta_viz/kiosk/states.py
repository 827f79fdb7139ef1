"""The kiosk's attract / idle / lock rules, Qt-free and driven by tick(now): testable without a window."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

CURSOR_HIDE_S = 5.0
HEARTBEAT_S = 10.0
LOCKOUT_AFTER = 3  # wrong PINs before the pad locks (30 s, doubling, at most 10 min)


@dataclass(frozen=True)
class Tick:
    """What the kiosk window does after one tick."""

    next_tour_step: bool = False  # the attract tour's story ended: play the next step
    reset: bool = False  # idle and the countdown ran out: back to the start of the tour
    countdown: int | None = None  # whole seconds left on the "still looking?" panel, else hidden
    hide_cursor: bool = False
    beat: bool = False  # write the heartbeat


class KioskStates:
    """'attract' (the guided tour) or 'interactive' (a visitor), the idle countdown and the PIN lockout."""

    def __init__(self, idle_seconds: float, countdown_seconds: float, tour_length: int, now: float):
        self.idle_seconds = idle_seconds
        self.countdown_seconds = countdown_seconds
        self.tour_length = tour_length
        self.mode = "attract"
        self.tour_index = 0
        self.countdown_left: float | None = None
        self.last_input = self.last_beat = now
        self.failures = 0
        self.locked_until = 0.0

    def touch(self, now: float) -> None:
        """Any touch, click or key: a visitor is here; the countdown stops."""
        self.last_input = now
        self.mode = "interactive"
        self.countdown_left = None

    def reset(self) -> None:
        """Back to the first step of the attract tour."""
        self.mode = "attract"
        self.tour_index = 0
        self.countdown_left = None

    def tick(self, now: float, story_over: bool) -> Tick:
        """Advance the rules to wall time `now`; `story_over` when the shown story played to its end."""
        next_step = self.mode == "attract" and story_over
        if next_step:
            self.tour_index = (self.tour_index + 1) % self.tour_length
        idle = now - self.last_input
        countdown, reset = None, False
        if self.mode == "interactive" and idle >= self.idle_seconds:
            left = self.idle_seconds + self.countdown_seconds - idle
            if left <= 0:
                self.reset()
                reset = True
            else:
                self.countdown_left = left
                countdown = int(left) + 1
        beat = now - self.last_beat >= HEARTBEAT_S
        if beat:
            self.last_beat = now
        return Tick(next_step, reset, countdown, idle > CURSOR_HIDE_S, beat)

    def try_pin(self, now: float, matches: Callable[[], bool]) -> tuple[str, int]:
        """('ok' | 'wrong' | 'locked', seconds to wait); `matches` checks the PIN, never while locked."""
        if now < self.locked_until:
            return "locked", self._wait(now)
        if matches():
            return "ok", 0
        self.failures += 1
        if self.failures >= LOCKOUT_AFTER:
            self.locked_until = now + min(600.0, 30.0 * 2 ** (self.failures - LOCKOUT_AFTER))
            return "locked", self._wait(now)
        return "wrong", 0

    def _wait(self, now: float) -> int:
        """Whole seconds left, rounded up (30, not a float-error 29 or 31)."""
        return math.ceil(round(self.locked_until - now, 3))
