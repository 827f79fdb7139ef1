"""The transport row under the scrubber: play, stages, loop, speed, the time in words, key moments
(on a second line when one line would be wider than the window: large text, a small screen)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QBoxLayout, QComboBox, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from ..app.playhead import SPEEDS
from ..app.session import Session
from ..content.captions import KEY_MOMENTS_H
from ..widgets.icons import palette_icon

TIME_MIN_PX = 200  # the time in words' least width: its longest phrase at 100 % text ("10 semanas tras la
# primera dosis"), so that at 1366 px one line holds the playback buttons, Follow the story, the time and key moments


def tool_button(icon: QIcon, slot=None) -> QToolButton:
    """A flat icon button that Tab reaches but a click does not focus (the keys belong to the window)."""
    b = QToolButton()
    b.setIcon(icon)
    b.setIconSize(QSize(22, 22))
    b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    b.setMinimumSize(QSize(40, 34))
    if slot is not None:
        b.clicked.connect(slot)
    return b


class Transport(QWidget):
    """Observes the Session's Playhead and drives it; its words follow the Session's language."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        playhead = session.playhead
        icon, sp = self.style().standardIcon, QStyle.StandardPixmap
        self.system_icons = (icon(sp.SP_MediaPlay), icon(sp.SP_MediaPause), icon(sp.SP_MediaSkipBackward),
                             icon(sp.SP_MediaSkipForward), icon(sp.SP_BrowserReload))
        self.play_icons = self.system_icons[:2]
        self.play_button = tool_button(self.play_icons[0], playhead.toggle)
        self.prev_button = tool_button(icon(sp.SP_MediaSkipBackward), session.previous_stage)
        self.next_button = tool_button(icon(sp.SP_MediaSkipForward), session.next_stage)
        self.loop_button = tool_button(icon(sp.SP_BrowserReload))
        self.loop_button.setCheckable(True)
        self.loop_button.toggled.connect(lambda on: setattr(playhead, "loop", on))
        self.speed_box = QComboBox()
        self.speed_box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        for s in SPEEDS:
            self.speed_box.addItem("", s)
        self.speed_box.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_box.currentIndexChanged.connect(lambda i: setattr(playhead, "speed", SPEEDS[i]))
        self.time_label = QLabel()
        self.time_label.setMinimumWidth(TIME_MIN_PX)
        self.playing_row, self.moments_row = QWidget(), QWidget()
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.playing_row, 1)
        self.box.addWidget(self.moments_row, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(self.playing_row)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.prev_button, self.play_button, self.next_button, self.loop_button, self.speed_box):
            row.addWidget(w)
        row.addWidget(self.time_label, 1)  # Follow the story (ui/scale_bar.py) goes before it
        self.moments_label = QLabel()
        row = QHBoxLayout(self.moments_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.moments_label)
        self.moment_buttons = []
        for hours in KEY_MOMENTS_H:
            b = QToolButton()
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            b.clicked.connect(lambda _checked=False, h=hours: playhead.seek(h))
            self.moment_buttons.append(b)
            row.addWidget(b)
        playhead.time_changed.connect(self._time_update)
        session.timelines_changed.connect(self._time_update)
        session.language_changed.connect(self._words_update)
        playhead.playing_changed.connect(lambda playing: self.play_button.setIcon(self.play_icons[int(playing)]))
        self._icons_palette = ""
        session.style_changed.connect(self._icons_update)
        session.style_changed.connect(self.reflow)  # the text size
        self._icons_update()
        self._words_update()

    def reflow(self) -> None:
        """Key moments beside the time when both fit the width, else under it; the window is
        never held wider than the wider of the two."""
        rows = (self.playing_row.minimumSizeHint().width(), self.moments_row.minimumSizeHint().width())
        self.setMinimumWidth(max(rows))
        one_line = self.width() >= sum(rows) + self.box.spacing()
        self.box.setDirection(QBoxLayout.Direction.LeftToRight if one_line else QBoxLayout.Direction.TopToBottom)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.reflow()

    def _icons_update(self) -> None:
        """The buttons' icons in the palette's chrome colours (light on the high-contrast black)."""
        if self._icons_palette == self.session.palette:
            return
        self._icons_palette = self.session.palette
        icons = [palette_icon(i, self.session.palette) for i in self.system_icons]
        self.play_icons = tuple(icons[:2])
        self.play_button.setIcon(self.play_icons[int(self.session.playhead.playing)])
        for button, i in zip((self.prev_button, self.next_button, self.loop_button), icons[2:]):
            button.setIcon(i)

    def _words_update(self) -> None:
        words, ui = self.session.content.ui["transport"], self.session.content.ui
        a11y = ui["a11y"]
        for b, key in ((self.play_button, "play"), (self.prev_button, "previous"), (self.next_button, "next"),
                       (self.loop_button, "loop")):
            b.setToolTip(words[key])
            b.setAccessibleName(words[key])
        for i, s in enumerate(SPEEDS):
            self.speed_box.setItemText(i, words["speed"].format(x=s))
        self.speed_box.setAccessibleName(a11y["speed"])
        self.moments_label.setText(ui["compare"]["key_moments"])
        for b, text in zip(self.moment_buttons, ui["compare"]["moments"]):
            b.setText(text)
            b.setAccessibleName(a11y["moment"].format(time=text))
        self._time_update()
        self.reflow()

    def _time_update(self, *_args) -> None:
        s = self.session
        self.time_label.setText(s.content.time_in_words(s.playhead.t, s.timeline.scenario.drug))
