"""A widget that shows the synapse at the Playhead's time, drawn by keta_viz.scene."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..model import Timeline
from ..scene.render import scene_image
from ..scene.synapse import Style, frame_base, paint_frame
from .pen import PEN_COLOURS, Strokes
from .playhead import Playhead


class SynapseView(QWidget):
    """Observes the Playhead; repaints when the time, phase, style or size change."""

    def __init__(self, playhead: Playhead, timeline: Timeline, style: Style, seed: int = 0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.playhead = playhead
        self.timeline = timeline
        self.style_ = style
        self.seed = seed
        self.phase = 0.0
        self._frame: QImage | None = None
        self._frame_key: tuple | None = None
        self.strokes = Strokes()
        self.pen_on = False
        self.pen_colour = PEN_COLOURS[0]
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        playhead.time_changed.connect(self.update)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(1280, 720)

    def set_timeline(self, timeline: Timeline) -> None:
        """Show another scenario (same Playhead)."""
        self.timeline = timeline
        self.update()

    def set_style(self, style: Style) -> None:
        """Change palette or labels."""
        self.style_ = style
        self.update()

    def set_phase(self, phase: float) -> None:
        """Advance the particles' animation clock (seconds)."""
        self.phase = phase
        self.update()

    def frame(self) -> QImage:
        """The image for the current state (rendered only when something changed)."""
        dpr = self.devicePixelRatioF()
        w, h = max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr))
        key = (self.playhead.t, self.phase, w, h, self.style_, id(self.timeline), self.seed)
        if key != self._frame_key:
            self._frame = scene_image(self.timeline, self.playhead.t, w, h, self.style_, self.phase, self.seed)
            self._frame.setDevicePixelRatio(dpr)
            self._frame_key = key
        return self._frame

    def set_pen(self, on: bool) -> None:
        """Pen mode: mouse or touch draws on the picture."""
        self.pen_on = on
        self.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def drawing(self) -> QImage | None:
        """The current frame with the pen strokes on it, or None when nothing is drawn."""
        if not self.strokes:
            return None
        img = self.frame().copy()
        img.setDevicePixelRatio(1.0)
        p = QPainter(img)
        self.strokes.paint(p, img.width(), img.height())
        p.end()
        return img

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Paint the frame straight into the widget (no intermediate image), then the pen."""
        dpr = self.devicePixelRatioF()
        w, h = max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr))
        state = self.timeline.state_at(self.playhead.t)
        family = self.timeline.scenario.family
        p = QPainter(self)
        p.scale(1 / dpr, 1 / dpr)
        p.drawImage(0, 0, frame_base(family, state, w, h, self.style_))
        paint_frame(p, family, state, self.phase, self.seed, w, h, self.style_)
        p.resetTransform()
        self.strokes.paint(p, self.width(), self.height())
        p.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self.pen_on and event.button() == Qt.MouseButton.LeftButton:
            self.strokes.begin(self.pen_colour, event.position(), self.width(), self.height())
            self.update()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self.pen_on and event.buttons() & Qt.MouseButton.LeftButton:
            self.strokes.extend(event.position(), self.width(), self.height())
            self.update()
