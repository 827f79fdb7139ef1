"""The one Playhead: it owns model time; every view observes it (DESIGN.md invariant 4)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..model import StoryAxis
from ..model.story_axis import STORY_SECONDS_AT_1X

SPEEDS = (0.5, 1.0, 2.0, 4.0)


class Playhead(QObject):
    """Model time in hours, playback state, and the story axis it moves along."""

    time_changed = Signal(float)
    playing_changed = Signal(bool)
    axis_changed = Signal()

    def __init__(self, axis: StoryAxis, parent: QObject | None = None):
        super().__init__(parent)
        self._axis = axis
        self._t = 0.0
        self._playing = False
        self.speed = 1.0
        self.loop = False

    @property
    def axis(self) -> StoryAxis:
        """The story axis in use."""
        return self._axis

    def set_axis(self, axis: StoryAxis) -> None:
        """Change the span (new scenario); the time is kept, clamped to the new span."""
        self._axis = axis
        self.axis_changed.emit()
        self.seek(self._t, force=True)

    @property
    def t(self) -> float:
        """Current model time in hours."""
        return self._t

    @property
    def u(self) -> float:
        """Current story position, 0-1."""
        return self._axis.to_u(self._t)

    @property
    def playing(self) -> bool:
        """True while playback runs."""
        return self._playing

    def seek(self, t_hours: float, force: bool = False) -> None:
        """Move to model time t (clamped to the span)."""
        t = min(max(float(t_hours), 0.0), self._axis.span_h)
        if t != self._t or force:
            self._t = t
            self.time_changed.emit(t)

    def seek_u(self, u: float) -> None:
        """Move to a story position."""
        self.seek(self._axis.to_t(u))

    def step_u(self, du: float) -> None:
        """Move along the story axis by du."""
        self.seek_u(self.u + du)

    def set_playing(self, playing: bool) -> None:
        """Start or stop playback; playing from the very end starts over."""
        if playing and self.u >= 1.0:
            self.seek(0.0)
        if playing != self._playing:
            self._playing = playing
            self.playing_changed.emit(playing)

    def toggle(self) -> None:
        """Play if paused, pause if playing."""
        self.set_playing(not self._playing)

    def advance(self, wall_seconds: float) -> None:
        """Move forward by wall time at the playback speed; stop or loop at the end."""
        if not self._playing or wall_seconds <= 0:
            return
        u = self.u + wall_seconds * self.speed / STORY_SECONDS_AT_1X
        if u >= 1.0:
            if self.loop:
                self.seek(0.0)
                return
            self.seek(self._axis.span_h)
            self.set_playing(False)
            return
        self.seek_u(u)
