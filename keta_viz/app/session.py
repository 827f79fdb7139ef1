"""The Session: what is on screen, as one object every view observes (DESIGN.md invariant 4)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..content import Content, load_content
from ..model import StoryAxis, Timeline
from ..model.tour import BRAIN, SYNAPSE, tour_scale
from ..scene.camera import WHOLE, Camera, story_camera
from ..scene.synapse import Style
from .pen import PEN_COLOURS, Strokes
from .playhead import Playhead

SIDES = 2  # a scenario, or two compared
TEXT_SCALES = (1.0, 2.0)  # the reader's text size: 100 % to 200 %


class Session(QObject):
    """The Playhead, the shown timelines (compare: two), the style, the language and the pen.

    Views read it and observe its signals; shells (window, presentation, kiosk) write to it.
    """

    timelines_changed = Signal()
    style_changed = Signal()  # palette, label vocabulary, labels on/off, their smallest size, text size
    language_changed = Signal()
    pen_changed = Signal()  # pen on/off, colour, strokes cleared
    phase_changed = Signal(float)  # the animation clock (wall seconds), apart from model time
    view_changed = Signal()  # the scale chosen, or following the story on or off

    def __init__(self, timelines: list[Timeline], palette: str = "screen", vocabulary: str = "plain",
                 labels: bool = True, language: str = "en", parent: QObject | None = None):
        super().__init__(parent)
        self._timelines = tuple(timelines)
        self.playhead = Playhead(StoryAxis.for_timelines(self._timelines), self)
        self.palette = palette
        self.vocabulary = vocabulary
        self.labels = labels
        self.language = language
        self.label_min_px = 0.0  # the smallest picture label: the shell's mode sets it (desk, room, kiosk)
        self.text_scale = 1.0  # the reader's text size over every mode's sizes (1.0-2.0)
        self.label_corner = (0, 0)  # the picture's lower-right corner kept clear of labels (presentation's time)
        self.content: Content = load_content(language)
        self.phase = 0.0
        self.reduced_motion = False  # particles held still, fades become cuts
        self.strokes = tuple(Strokes() for _ in range(SIDES))
        self.pen_on = False
        self.pen_colour = PEN_COLOURS[0]
        self.follow_story = True  # the story tour picks the scale and the camera from t
        self._scale = SYNAPSE  # the scale the user chose (used when not following the story)

    # ------------------------------------------------------------------ timelines ---
    @property
    def timelines(self) -> tuple[Timeline, ...]:
        """The scenarios shown: one, or two in compare mode."""
        return self._timelines

    @property
    def timeline(self) -> Timeline:
        """The main scenario (the left one in compare)."""
        return self._timelines[0]

    @property
    def compare(self) -> bool:
        """True when two scenarios are shown side by side."""
        return len(self._timelines) > 1

    def set_timelines(self, timelines: list[Timeline]) -> None:
        """Show these scenarios on one story axis; the time is kept (clamped to the new span)."""
        timelines = tuple(timelines)
        if len(timelines) == len(self._timelines) and all(a is b for a, b in zip(timelines, self._timelines)):
            return
        self._timelines = timelines
        self.playhead.set_axis(StoryAxis.for_timelines(timelines))
        self.timelines_changed.emit()

    def stage_starts(self) -> list[float]:
        """Start times of every stage shown (both scenarios in compare mode)."""
        return sorted({st.start for tl in self._timelines for st in tl.stages})

    def next_stage(self) -> None:
        """Jump to the start of the next stage."""
        later = [s for s in self.stage_starts() if s > self.playhead.t + 1e-9]
        if later:
            self.playhead.seek(later[0])

    def previous_stage(self) -> None:
        """Jump to the start of the current stage, or the one before if already there."""
        earlier = [s for s in self.stage_starts() if s < self.playhead.t - 1e-9]
        if earlier:
            self.playhead.seek(earlier[-1])

    def jump_to_stage(self, number: int) -> None:
        """Jump to stage N (1-based) of the main scenario."""
        if 1 <= number <= len(self.timeline.stages):
            self.playhead.seek(self.timeline.stages[number - 1].start)

    # ---------------------------------------------------------- style and words ---
    @property
    def style(self) -> Style:
        """How the scene is drawn: palette, label words (or none), language, label sizes."""
        return Style(self.palette, self.vocabulary if self.labels else "none", self.language, self.label_min_px,
                     self.text_scale, self.label_corner)

    def set_palette(self, name: str) -> None:
        """'screen' (dark), 'projector' (light) or 'contrast' (high contrast)."""
        self._restyle(palette=name)

    def set_vocabulary(self, vocabulary: str) -> None:
        """'plain' (patient) or 'expert' (educator) words, in labels and narration."""
        self._restyle(vocabulary=vocabulary)

    def set_labels(self, on: bool) -> None:
        """Labels on the picture on or off."""
        self._restyle(labels=on)

    def set_label_floor(self, pixels: float) -> None:
        """The smallest type of the picture's labels, in pixels (a room needs larger than a desk)."""
        self._restyle(label_min_px=float(pixels))

    def set_label_corner(self, width: int, height: int) -> None:
        """Keep the picture's lower-right corner (frame pixels; 0 x 0: none) clear of labels."""
        self._restyle(label_corner=(max(0, int(width)), max(0, int(height))))

    def set_text_scale(self, scale: float) -> None:
        """The reader's text size, 1.0 (100 %) to 2.0 (200 %), clamped: labels, captions,
        narration, pane titles and the chrome follow it."""
        lo, hi = TEXT_SCALES
        self._restyle(text_scale=round(min(hi, max(lo, float(scale))), 2))

    def _restyle(self, **changes) -> None:
        if any(getattr(self, k) != v for k, v in changes.items()):
            for k, v in changes.items():
                setattr(self, k, v)
            self.style_changed.emit()

    def set_language(self, language: str) -> None:
        """Every word on screen in another language (assets/content/<language>/)."""
        if language != self.language:
            self.content = load_content(language)
            self.language = language
            self.language_changed.emit()
            self.style_changed.emit()  # the picture's labels too

    def words(self, group: str, key: str) -> str:
        """One interface string from ui.toml in the session's language."""
        return self.content.ui[group][key]

    # --------------------------------------------------------------- animation ---
    def set_phase(self, seconds: float) -> None:
        """Advance the particles' animation clock (wall seconds; model time stays put); with
        reduced motion the clock stays at 0, so particles only appear and go as the story says."""
        seconds = 0.0 if self.reduced_motion else seconds
        if seconds != self.phase or not self.reduced_motion:
            self.phase = seconds
            self.phase_changed.emit(seconds)

    def set_reduced_motion(self, on: bool) -> None:
        """Hold the particles still (and let shells cut instead of fading)."""
        self.reduced_motion = on
        self.set_phase(self.phase)
        self.view_changed.emit()  # the story's zooms and camera become cuts

    # -------------------------------------------------------------- scale, camera ---
    @property
    def scale(self) -> float:
        """The scale shown, BRAIN (0) to SYNAPSE (2): the story tour's at t while following the
        story (whole scales only, so cuts, with reduced motion), else the user's.  Compare:
        both panes at the main scenario's."""
        if not self.follow_story:
            return self._scale
        scale = tour_scale(self.timeline, self.playhead.t)
        return float(round(scale)) if self.reduced_motion else scale

    @property
    def camera(self) -> Camera:
        """Where the synapse picture looks: the story camera at t while following the story
        (cuts with reduced motion), else the whole synapse.  Compare: both panes alike."""
        if not self.follow_story:
            return WHOLE
        return story_camera(self.timeline, self.playhead.t, self.reduced_motion)

    def set_scale(self, scale: float) -> None:
        """Show a scale of the user's choice (clamped to BRAIN-SYNAPSE); following the story stops."""
        scale = min(max(float(scale), BRAIN), SYNAPSE)
        if scale != self._scale or self.follow_story:
            self._scale = scale
            self.follow_story = False
            self.view_changed.emit()

    def set_follow_story(self, on: bool) -> None:
        """Let the story tour pick the scale and the camera (on), or keep the scale shown (off)."""
        if on != self.follow_story:
            if not on:
                self._scale = self.scale  # stay where the story was
            self.follow_story = on
            self.view_changed.emit()

    # --------------------------------------------------------------------- pen ---
    def set_pen(self, on: bool) -> None:
        """Pen mode: mouse or touch draws on the picture."""
        if on != self.pen_on:
            self.pen_on = on
            self.pen_changed.emit()

    def clear_pen(self) -> None:
        """Remove every stroke."""
        for s in self.strokes:
            s.clear()
        self.pen_changed.emit()

    def next_pen_colour(self) -> None:
        """Cycle the pen through its colours."""
        self.pen_colour = PEN_COLOURS[(PEN_COLOURS.index(self.pen_colour) + 1) % len(PEN_COLOURS)]
        self.pen_changed.emit()
