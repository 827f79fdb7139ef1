"""The story caption: the stage shown alone (with the "in animals" badge beside it), or both
compared sides with their model numbers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ..app.session import Session
from ..content.captions import compare_caption, stage_caption
from .marks import AnimalBadge


class StoryCaption(QWidget):
    """Observes the Session; says what happens at the Playhead's time in words."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.badge = AnimalBadge(session.content)
        self.label = QLabel()
        self.label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        for signal in (session.playhead.time_changed, session.timelines_changed, session.style_changed,
                       session.language_changed):
            signal.connect(self.refresh)
        session.style_changed.connect(self._apply_size)  # the reader's text size
        self._size = (20, 6)
        self.refresh()

    def text(self) -> str:
        """The caption shown (rich text)."""
        return self.label.text()

    def set_pixel_size(self, px: int, padding: int = 6) -> None:
        """Type size of the caption at 100 % text (the reader's text size scales it); the badge
        follows it, aligned with the first line."""
        self._size = (px, padding)
        self._apply_size()

    def _apply_size(self) -> None:
        base, padding = self._size
        px = round(base * self.session.text_scale)
        sheet = f"font-size:{px}px; padding:{padding}px"
        if sheet != self.label.styleSheet():
            self.label.setStyleSheet(sheet)
            self.badge.set_pixel_size(round(px * 0.6), margin_top=round(px * 0.4))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.refresh()  # a hidden caption is not kept up to date
        super().showEvent(event)

    def refresh(self, *_args) -> None:
        """Re-compose the caption for the current time (while it is shown)."""
        if self.isHidden():
            return
        s, t = self.session, self.session.playhead.t
        self.badge.setText(s.content.ui["badges"]["in_animals"])
        if s.compare:
            self.label.setText(compare_caption(s.content, s.timelines[0], s.timelines[1], t))
            self.badge.setVisible(False)  # each side's caption carries its own marking
            return
        tl = s.timeline
        self.label.setText(stage_caption(s.content, tl, t, s.vocabulary))
        self.badge.setVisible(s.content.stage(tl.scenario.drug, tl.stage_at(t).id).in_animals)
