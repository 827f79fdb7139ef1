"""A widget that shows one side of the Session's synapse at the Playhead's time, drawn by keta_viz.scene."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QImage, QPainter
from PySide6.QtWidgets import QApplication, QBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..app.session import SIDES, Session
from ..app.pen import Strokes
from ..content.describe import synapse_description, synapse_name
from ..model import Timeline
from ..scene.palette import side_colours
from ..scene.levels import Drafts, drafts
from ..scene.render import scene_image
from ..scene.scales import paint_scaled
from .focus import FocusRing


TITLE_SHARE = 0.04  # a compare pane's title: this share of the picture area's height...
TITLE_FLOOR_PX = 16  # ...and never smaller than this
ROOM_LABEL_PX = 18  # the picture's smallest labels read from a room (presentation, kiosk), at 1080p


def screen_height(widget: QWidget) -> int:
    """Height in pixels of the screen the widget is on (1080 when there is none)."""
    screen = widget.screen() or QApplication.primaryScreen()
    return screen.geometry().height() if screen else 1080


def room_label_pixels(screen_px: int) -> int:
    """The smallest picture label for a room (presentation, kiosk): ROOM_LABEL_PX at 1080p,
    scaled with the screen's height."""
    return max(12, round(ROOM_LABEL_PX * screen_px / 1080))


def stacked(width: int, height: int) -> bool:
    """Two views sit one above the other when, side by side, each would be taller than wide."""
    return width < 2 * height


def title_pixels(area_height: int, floor: int = TITLE_FLOOR_PX) -> int:
    """Type size of the compare panes' titles for a picture area this tall."""
    return max(floor, round(TITLE_SHARE * area_height))


REFINE_MS = 15  # a drafted frame is painted again this soon


class SynapseView(FocusRing, QWidget):
    """Observes the Session; repaints when the time, phase, style, timelines, pen or size change."""

    def __init__(self, session: Session, side: int = 0, seed: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.side = side
        self.seed = side if seed is None else seed
        self._frame: QImage | None = None
        self._frame_key: tuple | None = None
        self.draft = Drafts()  # the last paint's stand-ins: drawn properly, then painted again, soon after
        self._refine = QTimer(self, singleShot=True, interval=REFINE_MS, timeout=self._sharpen)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        # the picture covers every pixel (tests/scene/test_opaque.py): nothing under it is painted first
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        for signal in (session.playhead.time_changed, session.phase_changed, session.style_changed,
                       session.timelines_changed, session.view_changed):
            signal.connect(self.update)
        session.pen_changed.connect(self._pen_changed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader reaches the picture's words
        for signal in (session.playhead.time_changed, session.timelines_changed, session.language_changed):
            signal.connect(self.describe)
        self.describe()

    def describe(self, *_args) -> None:
        """The picture in words (accessible name: the stage; description: what each actor does
        now); a new stage is announced to screen readers."""
        s = self.session
        name = synapse_name(s.content, self.timeline, s.playhead.t)
        description = synapse_description(s.content, self.timeline, s.playhead.t)
        if description != self.accessibleDescription():
            self.setAccessibleDescription(description)
        if name != self.accessibleName():
            self.setAccessibleName(name)
            if QAccessible.isActive() and self.isVisible():  # no assistive technology: nothing to tell
                QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(1280, 720)

    @property
    def timeline(self) -> Timeline:
        """The scenario this side shows (the main one when the Session shows fewer)."""
        tls = self.session.timelines
        return tls[min(self.side, len(tls) - 1)]

    @property
    def strokes(self) -> Strokes:
        """The pen strokes on this side."""
        return self.session.strokes[self.side]

    @property
    def pen_on(self) -> bool:
        """True while mouse or touch draws on the picture."""
        return self.session.pen_on

    def frame(self) -> QImage:
        """The image for the current state (rendered only when something changed)."""
        dpr = self.devicePixelRatioF()
        w, h = max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr))
        s = self.session
        scale, camera = s.scale, s.camera
        key = (s.playhead.t, s.phase, w, h, s.style, id(self.timeline), self.seed, scale, camera)
        if key != self._frame_key:
            self._frame = scene_image(self.timeline, s.playhead.t, w, h, s.style, s.phase, self.seed, scale, camera)
            self._frame.setDevicePixelRatio(dpr)
            self._frame_key = key
        return self._frame

    def drawing(self) -> QImage | None:
        """The current frame with the pen strokes on it, or None when none shows at this scale."""
        s = self.session
        if not self.strokes.shown(s.scale):
            return None
        img = self.frame().copy()
        img.setDevicePixelRatio(1.0)
        p = QPainter(img)
        self.strokes.paint(p, img.width(), img.height(), s.scale, s.camera)
        p.end()
        return img

    def _pen_changed(self) -> None:
        self.setCursor(Qt.CursorShape.CrossCursor if self.pen_on else Qt.CursorShape.ArrowCursor)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Paint the frame straight into the widget (no intermediate image) at the Session's scale
        and camera (the synapse whole: the cached base layer and what moves), then the pen strokes
        drawn on this scale's picture, through the camera (app/pen.py).  A zoom level still being
        not held yet has a lower one stand in (scene/levels.py), drawn properly soon after."""
        dpr = self.devicePixelRatioF()
        w, h = max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr))
        s = self.session
        state = self.timeline.state_at(s.playhead.t)
        family = self.timeline.scenario.family
        p = QPainter(self)
        p.scale(1 / dpr, 1 / dpr)
        with drafts() as self.draft:
            paint_scaled(p, family, state, s.phase, self.seed, w, h, s.style.for_drug(self.timeline.scenario.drug),
                         s.scale, s.camera)
        if self.draft.used and not self._refine.isActive():  # (not put off by frames painted meanwhile)
            self._refine.start()
        p.resetTransform()
        self.strokes.paint(p, self.width(), self.height(), s.scale, s.camera)
        self.paint_focus_ring(p, s.palette)
        p.end()

    def _sharpen(self) -> None:
        self.draft.finish()
        self.update()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self.pen_on and event.button() == Qt.MouseButton.LeftButton:
            s = self.session
            self.strokes.begin(s.pen_colour, event.position(), self.width(), self.height(), s.scale, s.camera)
            self.update()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self.pen_on and event.buttons() & Qt.MouseButton.LeftButton:
            self.strokes.extend(event.position(), self.width(), self.height(), self.session.camera)
            self.update()


class SynapseViews(QWidget):
    """One synapse view per shown scenario: side by side, or stacked when the area is tall
    (one rule for the window and the kiosk).  In compare each view sits under a title naming
    its drug ("Ketamine (IV)"), marked in its side's colour as in the plots and the scrubber.

    Both views exist from the start and are reused, so switching compare on and off (or a
    kiosk looping for weeks) allocates nothing new.
    """

    def __init__(self, session: Session, parent: QWidget | None = None, title_floor: int = TITLE_FLOOR_PX):
        super().__init__(parent)
        self.session = session
        self.title_floor = title_floor
        self.all_views = [SynapseView(session, side) for side in range(SIDES)]
        self.titles = [QLabel() for _ in range(SIDES)]
        self.panes = [QWidget() for _ in range(SIDES)]
        self._title_look: tuple = ()
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(4)
        for side, (pane, title, view) in enumerate(zip(self.panes, self.titles, self.all_views)):
            title.setObjectName(f"pane-title-{side}")
            title.setTextFormat(Qt.TextFormat.PlainText)
            col = QVBoxLayout(pane)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(2)
            col.addWidget(title)
            col.addWidget(view, 1)
            self.box.addWidget(pane)
        session.timelines_changed.connect(self._show_sides)
        session.language_changed.connect(self._show_sides)
        session.style_changed.connect(self._size_titles)  # the reader's text size, the sides' colours
        self._show_sides()

    @property
    def views(self) -> list[SynapseView]:
        """The views in use (one per shown scenario)."""
        return self.all_views[:len(self.session.timelines)]

    def drawing(self) -> QImage | None:
        """The first pen drawing over its frame, or None when nothing is drawn."""
        return next((img for img in (v.drawing() for v in self.views) if img is not None), None)

    def pane_title(self, side: int) -> str:
        """The title over one side in compare: its drug, in words from content."""
        tl = self.all_views[side].timeline
        return self.session.content.ui["compare"]["panes"][tl.scenario.drug]

    def _show_sides(self) -> None:
        shown = len(self.session.timelines)
        for side, (pane, title) in enumerate(zip(self.panes, self.titles)):
            pane.setVisible(side < shown)
            title.setVisible(shown > 1)
            if side < shown:
                title.setText(self.pane_title(side))
        self._size_titles()

    def set_title_floor(self, px: int) -> None:
        """The smallest title size (larger in presentation and kiosk)."""
        self.title_floor = px
        self._size_titles()

    def _size_titles(self) -> None:
        s = self.session
        px = round(title_pixels(self.height(), self.title_floor) * s.text_scale)
        if (px, s.palette) == self._title_look:
            return
        self._title_look = (px, s.palette)
        for side, title in enumerate(self.titles):
            bar = max(4, round(px * 0.3))  # the side's colour, as in the plots and the scrubber
            title.setStyleSheet(f"font-size:{px}px; font-weight:bold; padding:0 0 0 {round(px * 0.4)}px;"
                                f" border-left:{bar}px solid {side_colours(s.palette)[side]}; border-style:solid;")

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.box.setDirection(QBoxLayout.Direction.TopToBottom if stacked(self.width(), self.height())
                              else QBoxLayout.Direction.LeftToRight)
        self._size_titles()
