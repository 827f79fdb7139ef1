"""The story scrubber: model time on the story axis, stage markers, click or drag to seek."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..app.session import Session
from ..scene.palette import side_colours
from ..scene.synapse import NO_PEN, scene_font
from .focus import FocusRing
from .ticks import fit_labels


class Scrubber(FocusRing, QWidget):
    """Observes the Session; seeking by mouse writes to its Playhead."""

    def __init__(self, session: Session, parent: QWidget | None = None, scale: float = 1.0):
        super().__init__(parent)
        self.session = session
        self.playhead = session.playhead
        self.scale = scale  # > 1 for touch screens and rooms: taller rows, larger type
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # the window's keys move it (Left, Right, PgUp...)
        self.playhead.time_changed.connect(self.update)
        self.playhead.time_changed.connect(self._describe)
        self.playhead.axis_changed.connect(self.update)
        session.timelines_changed.connect(self._timelines_changed)
        session.language_changed.connect(self._words_changed)
        session.style_changed.connect(self._timelines_changed)  # the text size and the sides' colours
        self._timelines_changed()
        self._words_changed()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(800, self._height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self._height())

    @property
    def timelines(self):
        """The scenarios whose stages are marked (one row each)."""
        return self.session.timelines

    def _height(self) -> int:
        return round((38 + 22 * len(self.timelines) + 4 + 11 * (self.session.text_scale - 1)) * self.scale)

    def _timelines_changed(self) -> None:
        self.setFixedHeight(self._height())
        self._describe()
        self.update()

    def _words_changed(self) -> None:
        self.setAccessibleName(self.session.words("a11y", "scrubber"))
        self._describe()
        self.update()

    def _describe(self, *_args) -> None:
        """Accessible description: the time and the stage, as the tooltip says them."""
        text = self.words_at(self.playhead.t)
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)

    def words_at(self, t: float) -> str:
        """'1 hour after the infusion began — Growth signals switch on' for model time t."""
        tl, content = self.timelines[0], self.session.content
        stage = content.stage(tl.scenario.drug, tl.stage_at(t).id)
        return f"{content.time_in_words(t, tl.scenario.drug)} — {stage.title}"

    # geometry ------------------------------------------------------------------------
    def _track(self) -> QRectF:
        k = self.scale
        return QRectF(14 * k, 6 * k, max(10.0, self.width() - 28 * k), 22 * k * len(self.timelines))

    def x_to_u(self, x: float) -> float:
        """Story position under a widget x coordinate."""
        tr = self._track()
        return min(max((x - tr.left()) / tr.width(), 0.0), 1.0)

    def u_to_x(self, u: float) -> float:
        """Widget x coordinate of a story position."""
        tr = self._track()
        return tr.left() + u * tr.width()

    def tick_font(self):
        """The type of the time ticks and stage numbers."""
        return scene_font(11 * self.scale * self.session.text_scale)

    def tick_labels(self) -> list[tuple[float, QRectF, str]]:
        """(tick x, label rectangle, words) of every time tick whose label is shown: none
        overlaps another or leaves the widget (ticks/fit_labels)."""
        fm = QFontMetricsF(self.tick_font())
        ticks = [(self.u_to_x(u), text) for u, text in self.session.content.ticks(self.playhead.axis)]
        widths = [fm.horizontalAdvance(text) for _x, text in ticks]
        edge = 4 * self.scale  # a label never touches either end of the widget
        lefts = fit_labels([x for x, _ in ticks], widths, edge, self.width() - edge)
        top = self._track().bottom() + 7 * self.scale
        return [(x, QRectF(left, top, w, fm.height()), text)
                for (x, text), w, left in zip(ticks, widths, lefts) if left is not None]

    # painting ------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        ink = pal.color(pal.ColorRole.WindowText)
        base = pal.color(pal.ColorRole.Base)
        tr = self._track()
        axis = self.playhead.axis
        k = self.scale
        p.setFont(self.tick_font())
        fm = QFontMetricsF(p.font())
        for row, tl in enumerate(self.timelines):
            y = tr.top() + row * 22 * k
            for st in tl.stages:
                x0, x1 = self.u_to_x(axis.to_u(st.start)), self.u_to_x(axis.to_u(st.end))
                col = QColor(side_colours(self.session.palette)[row % 2])
                col.setAlpha(70 if st.index % 2 == 0 else 130)
                p.setPen(NO_PEN)
                p.setBrush(col)
                p.drawRect(QRectF(x0, y + 2 * k, max(1.0, x1 - x0 - 1), 18 * k))
                label = str(st.index + 1)
                if x1 - x0 > fm.horizontalAdvance(label) + 4:
                    p.setPen(ink)
                    p.drawText(QRectF(x0, y + 2 * k, x1 - x0, 18 * k), Qt.AlignmentFlag.AlignCenter, label)
        # ticks
        p.setPen(QPen(ink, 1))
        for u, _text in self.session.content.ticks(axis):
            x = self.u_to_x(u)
            p.drawLine(QPointF(x, tr.bottom()), QPointF(x, tr.bottom() + 7 * k))
        for _x, rect, text in self.tick_labels():
            p.drawText(QPointF(rect.left(), rect.top() + fm.ascent()), text)
        # handle
        x = self.u_to_x(self.playhead.u)
        p.setPen(QPen(ink, 2 * k))
        p.drawLine(QPointF(x, tr.top() - 4 * k), QPointF(x, tr.bottom() + 2 * k))
        p.setBrush(base)
        p.drawEllipse(QPointF(x, tr.top() + tr.height() / 2), 7 * k, 7 * k)
        self.paint_focus_ring(p, self.session.palette)
        p.end()

    # input ---------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.playhead.seek_u(self.x_to_u(event.position().x()))

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        u = self.x_to_u(event.position().x())
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.playhead.seek_u(u)
        QToolTip.showText(event.globalPosition().toPoint(), self.words_at(self.playhead.axis.to_t(u)), self)
