"""Marks that qualify what the screen shows: the "in animals" badge and the disclaimer line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ..content import Content
from ..scene.palette import palette


class AnimalBadge(QLabel):
    """A small amber pill saying "in animals", shown beside a claim whose evidence is rodent."""

    def __init__(self, content: Content, parent: QWidget | None = None):
        super().__init__(content.ui["badges"]["in_animals"], parent)
        self.setObjectName("animal-badge")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_pixel_size(13)

    def set_pixel_size(self, px: int, margin_top: int = 0) -> None:
        """Type size (padding and corners follow it) and space above, to align with a text line."""
        pal = palette("screen")
        sheet = (f"QLabel#animal-badge {{ background:{pal.badge.name()}; color:{pal.badge_ink.name()};"
                 f" font-size:{px}px; font-weight:bold; padding:{max(1, px // 6)}px {px // 2}px;"
                 f" border-radius:{px // 3}px; margin-top:{margin_top}px }}")
        if sheet != self.styleSheet():  # a new style sheet re-polishes and re-lays out the window
            self.setStyleSheet(sheet)


class Disclaimer(QLabel):
    """'An educational illustration, not medical advice…': one quiet line that is always shown."""

    def __init__(self, content: Content, parent: QWidget | None = None):
        super().__init__(content.ui["about"]["disclaimer"], parent)
        self.setObjectName("disclaimer")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.set_look("screen", 13)

    def set_look(self, palette_name: str, px: int) -> None:
        """Secondary-text colour of the palette at a type size in pixels."""
        self.setStyleSheet(f"QLabel#disclaimer {{ color:{palette(palette_name).ink_soft.name()}; font-size:{px}px;"
                           " padding:2px }")


class TimeReadout(QLabel):
    """'1 day after the first dose': the time shown, in a small plate over the picture's corner,
    for when the controls have faded (presentation)."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("time-readout")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        for signal in (session.playhead.time_changed, session.timelines_changed, session.language_changed):
            signal.connect(self.refresh)
        session.style_changed.connect(lambda: self.set_look(self._px))
        self._px = 20
        self.set_look(20)
        self.refresh()

    def refresh(self, *_args) -> None:
        """The time in words, as the narration and the captions say it."""
        s = self.session
        self.setText(s.content.time_in_words(s.playhead.t, s.timeline.scenario.drug))
        self.adjustSize()

    def set_look(self, px: int) -> None:
        """Type size in pixels, in the palette's ink on its background."""
        self._px = px
        px = round(px * self.session.text_scale)  # the reader's text size
        pal = palette(self.session.palette)
        plate = pal.background_top
        self.setStyleSheet(f"QLabel#time-readout {{ color:{pal.ink.name()}; background:rgba({plate.red()},"
                           f" {plate.green()}, {plate.blue()}, 210); font-size:{px}px; padding:{px // 4}px {px // 2}px;"
                           f" border-radius:{px // 3}px }}")
        self.adjustSize()
