"""The kiosk's title: which drug the picture is playing ('Ketamine (IV)'), in the visitor's
language; in compare each pane has its own title, so this one steps aside."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..app.session import Session
from ..scene.palette import CHROME

TITLE_PX = 30  # at 1080p, scaled with the screen


class NowPlaying(QLabel):
    """Observes the Session's timelines and language."""

    def __init__(self, session: Session, screen_px: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("now-playing")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.px = max(18, round(TITLE_PX * screen_px / 1080))
        self.setStyleSheet(f"QLabel#now-playing {{ color:{CHROME['text']}; font-size:{self.px}px; font-weight:bold;"
                           f" padding:{self.px // 5}px }}")
        session.timelines_changed.connect(self._update)
        session.language_changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        s = self.session
        self.setText(s.content.ui["compare"]["panes"][s.timeline.scenario.drug])
        self.setVisible(not s.compare)
