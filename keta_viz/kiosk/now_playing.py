"""The kiosk's title: which drug the picture is playing ('Ketamine (IV)'), in the visitor's
language: above the picture during the attract loop, between the touch buttons for a visitor (the
picture keeps its height); in compare each pane has its own title, so this one steps aside."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..app.session import Session
from ..scene.palette import chrome

TITLE_PX = 30  # at 1080p, scaled with the screen


class NowPlaying(QLabel):
    """Observes the Session's timelines and language; shown where the shell puts it (`set_shown`)."""

    def __init__(self, session: Session, screen_px: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("now-playing")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shown = True
        self.px = max(18, round(TITLE_PX * screen_px / 1080))
        self.setStyleSheet(f"QLabel#now-playing {{ color:{chrome(session.palette)['text']}; font-size:{self.px}px; font-weight:bold;"
                           f" padding:{self.px // 5}px }}")
        session.timelines_changed.connect(self._update)
        session.language_changed.connect(self._update)
        self._update()

    def set_shown(self, on: bool) -> None:
        """Shown in this place (while one scenario plays), or not."""
        self.shown = on
        self._update()

    def _update(self) -> None:
        s = self.session
        self.setText(s.content.ui["compare"]["panes"][s.timeline.scenario.drug])
        self.setVisible(self.shown and not s.compare)
