"""The kiosk's stage row: a play/pause button and one touch button per stage, in story order (the
scrubber's numbered bands), each named by the stage's short name ('Bouncer blocked'), wrapped onto
two lines and sized so that no name is cut in any language; the stage shown is marked."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ..app.session import Session
from ..scene.palette import chrome

MAX_STAGES = 10
NAME_PX = (22, 12)  # the names' type size: as large as fits, down to the smallest


def row_stylesheet(palette_name: str) -> str:
    """Names over the button's own colour; the stage shown wears the 'on' colours and the hint
    colour's edge."""
    c = chrome(palette_name)
    return (f"QLabel#stage-name {{ background:transparent; color:{c['text']} }}"
            f" QLabel#stage-name[on=\"true\"] {{ color:{c['text_on']} }}"
            f" QPushButton#stage[on=\"true\"] {{ background:{c['control_on']}; border:3px solid {c['hint']} }}")


def fits(font: QFont, text: str, width: int, height: int) -> bool:
    """True when text, wrapped at word boundaries, fits a box: no word wider, no more lines than room."""
    fm = QFontMetrics(font)
    if any(fm.horizontalAdvance(word) > width for word in text.split()):
        return False
    wrapped = fm.boundingRect(0, 0, width, 10 * height, Qt.TextFlag.TextWordWrap, text)
    return wrapped.height() <= height


class StageButton(QPushButton):
    """A touch button whose name wraps (a QPushButton's own text would be cut, never wrapped)."""

    def __init__(self, size: int):
        super().__init__()
        self.setObjectName("stage")
        self.setMinimumSize(QSize(size, size))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.name = QLabel()
        self.name.setObjectName("stage-name")
        self.name.setWordWrap(True)
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        box.addWidget(self.name)
        self.on = False

    def set_on(self, on: bool) -> None:
        """Marked as the stage shown, or not: the button and its name re-styled."""
        self.on = on
        for w in (self, self.name):
            w.setProperty("on", on)
            w.style().unpolish(w)
            w.style().polish(w)


class StageButtons(QWidget):
    """Observes the Session: one button per stage of the main scenario, in its language."""

    def __init__(self, session: Session, size: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setStyleSheet(row_stylesheet(session.palette))
        self.play_button = QPushButton()
        self.play_button.setObjectName("play")
        self.play_button.setMinimumSize(QSize(round(size * 1.8), size))
        self.play_button.clicked.connect(session.playhead.toggle)
        self.buttons = [StageButton(size) for _ in range(MAX_STAGES)]
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.play_button)
        for n, b in enumerate(self.buttons, start=1):
            b.clicked.connect(lambda _c=False, n=n: self.session.jump_to_stage(n))
            row.addWidget(b, 1)
        self.setMinimumHeight(round(size * 1.15))
        self.name_px = NAME_PX[0]
        session.timelines_changed.connect(self._rename)
        session.language_changed.connect(self._rename)
        session.playhead.time_changed.connect(self._mark)
        session.playhead.playing_changed.connect(self._play_words)
        self._rename()

    def _rename(self) -> None:
        """Names (and accessible names) of the main scenario's stages; spare buttons hidden."""
        s = self.session
        tl, content = s.timeline, s.content
        for i, b in enumerate(self.buttons):
            b.setVisible(i < len(tl.stages))
            if i < len(tl.stages):
                stage = content.stage(tl.scenario.drug, tl.stages[i].id)
                b.name.setText(stage.short)
                b.setAccessibleName(content.ui["a11y"]["stage_button"].format(n=i + 1, stage=stage.title))
        self._play_words()
        self._mark()
        QTimer.singleShot(0, self.fit)  # once the row has laid the buttons out

    def _play_words(self, *_args) -> None:
        words = self.session.content.ui["kiosk"]
        self.play_button.setText(words["pause"] if self.session.playhead.playing else words["play"])

    def _mark(self, *_args) -> None:
        """Mark the button of the stage shown (in the 'on' colours)."""
        current = self.session.timeline.stage_at(self.session.playhead.t).index
        for i, b in enumerate(self.buttons):
            if b.on != (i == current):
                b.set_on(i == current)

    def visible_buttons(self) -> list[StageButton]:
        """The buttons of the stages shown."""
        return self.buttons[:len(self.session.timeline.stages)]

    def fit(self) -> None:
        """One type size for every name: the largest at which each fits its button whole."""
        shown = self.visible_buttons()
        font = QFont(self.font())
        for px in range(NAME_PX[0], NAME_PX[1] - 1, -1):
            font.setPixelSize(px)
            if all(fits(font, b.name.text(), b.name.width(), b.name.height()) for b in shown):
                break
        self.name_px = px
        for b in self.buttons:
            b.name.setFont(font)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit)
