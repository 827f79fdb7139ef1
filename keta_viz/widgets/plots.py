"""Linked pyqtgraph plots on the story axis: a cursor follows the Playhead; clicks seek."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QLabel, QSizePolicy, QTabBar, QVBoxLayout, QWidget

from ..app.session import Session
from ..model import Timeline
from ..scene.palette import LINES, PLOT_GROUND, palette, series_colour, side_colours
from .ticks import fit_labels

PLOT_GROUPS = {
    "ketamine": (("plasma", ("plasma_ng_per_ml",)),
                 ("signals", ("nmda_block", "glutamate", "ampa", "bdnf", "dissociation")),
                 ("outcome", ("spine_density", "relief"))),
    "ssri": (("plasma", ("plasma_ng_per_ml",)),
             ("signals", ("sert_occupancy", "serotonin", "autoreceptor_brake", "bdnf")),
             ("outcome", ("spine_density", "relief"))),
}
SIDE_EFFECTS = ("dissociation",)  # drawn dashed: not a step of the mechanism
COMPARE_SIGNALS = ("bdnf", "dissociation")  # compare: each drug's own receptor, then these where it has them
LEGEND_SWATCH_PX = 50  # a legend sample, the gap after it and the legend's margins
LEGEND_AXIS_PX = 48  # a plot's value axis and margins, beside its legend
LEGEND_PT = 8
LAYOUT_MARGINS_PX = 40  # the plots' row: its margins and the gaps between plots
PLOT_AREA_PX = 120  # the least height of a plot's curves (side by side, else tabs: one plot, its legend beside)
TABBED_AXIS_PX = 48  # under tabs: a plot's time axis and margins, under its curves
TITLE_PX = 30  # a plot's title row (pyqtgraph's)


DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)


class StoryAxisItem(pg.AxisItem):
    """Bottom axis with the story ticks (1 min, 1 h, 1 day, 1 week...) in the Session's language."""

    def __init__(self, session: Session):
        super().__init__("bottom")
        self.session = session

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph API)
        return [(1.0, [u for u, _ in self.session.playhead.axis.ticks()])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        labels = dict((round(u, 6), text) for u, text in self.session.content.ticks(self.session.playhead.axis))
        return [labels.get(round(v, 6), "") for v in values]

    def boundingRect(self):  # noqa: N802 (Qt API)
        """pyqtgraph's, a pixel wider each side: the axis line's antialiased end is inside it (so
        a cached axis draws it, as an uncached one does)."""
        return super().boundingRect().adjusted(-1, 0, 1, 0)

    def generateDrawSpecs(self, p):  # noqa: N802 (pyqtgraph API)
        """pyqtgraph's axis and ticks, with the labels placed by ticks.fit_labels: none overlaps
        another, none is cut at either end of the axis."""
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis_spec, tick_specs, text_specs = specs
        return axis_spec, tick_specs, self.label_specs(QFontMetricsF(p.font()), text_specs)

    def label_specs(self, fm: QFontMetricsF, drawn: list | None = None) -> list[tuple[QRectF, int, str]]:
        """(rectangle in the axis's coordinates, flags, words) of each tick label drawn."""
        bounds = self.mapRectFromParent(self.geometry())
        lo, hi = self.range
        if hi <= lo or bounds.width() <= 0:
            return []
        ticks = [(bounds.left() + (u - lo) / (hi - lo) * bounds.width(), text)
                 for u, text in self.session.content.ticks(self.session.playhead.axis) if lo <= u <= hi]
        widths = [fm.horizontalAdvance(text) for _x, text in ticks]
        lefts = fit_labels([x for x, _ in ticks], widths, bounds.left(), bounds.right())
        top = drawn[0][0].top() if drawn else bounds.top() + max(0, self.style["tickLength"]) + \
            self.style["tickTextOffset"][1]
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextDontClip)
        return [(QRectF(left, top, w, fm.height()), flags, text)
                for (_x, text), w, left in zip(ticks, widths, lefts) if left is not None]


class CursorLine(pg.InfiniteLine):
    """The plots' cursor: a vertical line whose moves never make its plot recompute its range
    (its bounds for the range are the same wherever it stands)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._GraphicsObject__inform_view_on_changes = False  # pyqtgraph's switch for this


def plot_legend(plot: pg.PlotItem, ink: str, points: float = LEGEND_PT) -> pg.LegendItem:
    """A legend under the plot's time axis, never over the curves; clicking a swatch hides or
    shows its series."""
    legend = pg.LegendItem(labelTextSize=f"{points:g}pt", labelTextColor=ink, colCount=2, horSpacing=12, verSpacing=-6)
    legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # beside the curves: not stretched
    plot.layout.addItem(legend, 4, 1)
    return legend


def place_legend(plot: pg.PlotItem, legend: pg.LegendItem, beside: bool) -> None:
    """The legend under the time axis with the plot's title above (side by side), or beside the
    curves with no title (under tabs, which name the plot): the curves keep their height."""
    if getattr(legend, "beside", False) == beside:
        return
    legend.beside = beside
    plot.layout.removeItem(legend)
    plot.layout.addItem(legend, *((2, 3) if beside else (4, 1)))
    plot.layout.setAlignment(legend, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    plot.layout.setRowFixedHeight(0, 0 if beside else TITLE_PX)
    plot.titleLabel.setMaximumHeight(0 if beside else TITLE_PX)
    plot.titleLabel.setVisible(not beside)


def legend_columns(legend: pg.LegendItem, width: float) -> int:
    """Two columns when two of the widest entries fit side by side in `width` pixels, else one
    (a label is never cut)."""
    widest = max((label.item.boundingRect().width() for _sample, label in legend.items), default=0.0)
    return 2 if 2 * (widest + LEGEND_SWATCH_PX) <= width else 1


def wrap_words(text: str, fm: QFontMetricsF, width: float) -> str:
    """Legend words broken into lines no wider than `width` pixels (rich text; a single word
    wider than that stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and fm.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "<br>".join(html.escape(line) for line in lines)


def plot_title(title: str, tag: str, ink: str, soft: str) -> str:
    """'Spines and relief  [illustrative model]': every plot says its curves are a model."""
    return (f"<span style='color:{ink}'>{html.escape(title)}</span>&nbsp;&nbsp;"
            f"<i style='color:{soft}'>[{html.escape(tag)}]</i>")


def shown_series(group: str, timelines: list[Timeline], k: int) -> tuple[str, ...]:
    """The series of one plot group drawn for the k-th scenario (only those it computes)."""
    tl = timelines[k]
    series = dict(PLOT_GROUPS[tl.scenario.family])[group]
    if len(timelines) > 1 and group == "signals":
        series = (series[0], *COMPARE_SIGNALS)
    return tuple(name for name in series if name in tl.variables)


class PlotsPanel(QWidget):
    """Three plots side by side (drug level, receptors and signals, spines and relief)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.playhead = session.playhead
        self.palette_name = session.palette
        self.text_scale = session.text_scale
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # its values are read out (describe)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabBar()  # shown when the plots take turns (a short screen)
        self.tabs.setObjectName("plot-tabs")
        self.tabs.setExpanding(False)
        self.tabs.currentChanged.connect(lambda _i: self._fit_legends())
        self.tag = QLabel()  # under tabs: '[illustrative model]', as the hidden plot titles say it
        self.tag.setObjectName("plot-tag")
        self.tab_row = QWidget()
        row = QHBoxLayout(self.tab_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.tabs)
        row.addStretch(1)
        row.addWidget(self.tag)
        self.tab_row.hide()
        layout.addWidget(self.tab_row)
        layout.addWidget(self.graphics)
        self.plots: list[pg.PlotItem] = []
        self.shown: list[pg.PlotItem] = []  # the plots in the row: all, or the chosen tab's
        self.legends: list[pg.LegendItem] = []
        self.cursors: list[pg.InfiniteLine] = []
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._syncing = False
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        self.rebuild()
        self.playhead.time_changed.connect(self._follow)
        session.timelines_changed.connect(lambda: self.rebuild())  # looked up late: tests count builds
        session.language_changed.connect(lambda: self.rebuild())
        session.style_changed.connect(self._restyle)

    @property
    def timelines(self) -> tuple[Timeline, ...]:
        """The scenarios plotted."""
        return self.session.timelines

    def _restyle(self) -> None:
        """A palette (ground, curve and text colours) or the reader's text size changed."""
        if (self.session.palette, self.session.text_scale) != (self.palette_name, self.text_scale):
            self.palette_name, self.text_scale = self.session.palette, self.session.text_scale
            self.rebuild()

    @property
    def legend_points(self) -> float:
        """The legends' type size at the reader's text size."""
        return LEGEND_PT * self.text_scale

    def rebuild(self) -> None:
        """Plot the Session's scenarios (in compare, colour says which side and dashes which series)."""
        timelines = self.timelines
        self.content = self.session.content
        self.graphics.clear()
        self.plots, self.legends, self.cursors, self.curves = [], [], [], {}
        self.legend_words: dict[int, str] = {}  # each legend label's words, unwrapped
        names = self.content.ui["plots"]
        pal = palette(self.palette_name)
        ink, soft = pal.ink.name(), pal.ink_soft.name()
        self.graphics.setBackground(PLOT_GROUND[self.palette_name])  # every curve is >= 3:1 on it
        tick_font = QFont()
        tick_font.setPointSizeF(tick_font.pointSizeF() * self.text_scale)
        for row, (group, _) in enumerate(PLOT_GROUPS[timelines[0].scenario.family]):
            plot = self.graphics.addPlot(row=0, col=row, axisItems={"bottom": StoryAxisItem(self.session)})
            plot.setTitle(plot_title(names[group], self.content.ui["badges"]["illustrative"], ink, soft),
                          size=f"{9 * self.text_scale:g}pt")
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.setXRange(0, 1, padding=0.01)
            plot.showGrid(x=True, y=False, alpha=0.2)
            for axis in ("bottom", "left"):
                plot.getAxis(axis).setTextPen(pg.mkPen(ink))
                plot.getAxis(axis).setStyle(tickFont=tick_font)
                # axes and grid never change while the cursor moves: repaint them from a pixmap
                plot.getAxis(axis).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            legend = plot_legend(plot, ink, self.legend_points)
            self.legends.append(legend)
            for k in range(len(timelines)):
                self._add_curves(plot, legend, group, k)
            cursor = CursorLine(pos=self.playhead.u, angle=90, movable=True,
                            pen=pg.mkPen(ink, width=1.5 * LINES[self.palette_name]["curve"]))
            cursor.sigPositionChanged.connect(self._cursor_moved)
            plot.addItem(cursor)
            self.plots.append(plot)
            self.cursors.append(cursor)
        self.shown = list(self.plots)
        self.tabs.blockSignals(True)  # the same plots in the new words; the chosen tab kept
        current = self.tabs.currentIndex()
        while self.tabs.count():
            self.tabs.removeTab(0)
        for group, _ in PLOT_GROUPS[timelines[0].scenario.family]:
            self.tabs.addTab(names[group])
        self.tabs.setCurrentIndex(max(0, current))
        self.tabs.blockSignals(False)
        self.tag.setText(f"<i style='color:{soft}'>[{html.escape(self.content.ui['badges']['illustrative'])}]</i>")
        self._fit_legends()
        self.graphics.setAccessibleName(self.content.ui["a11y"]["plots"])
        self.describe()

    def values_text(self) -> str:
        """'Model values, 1 hour after …: Drug level: In the blood (ng/mL) 116; Receptors and signals:
        NMDA receptors blocked 0.55, …' at the Playhead's time."""
        ui, t = self.content.ui, self.playhead.t
        groups = []
        for group, _ in PLOT_GROUPS[self.timelines[0].scenario.family]:
            values = []
            for k, tl in enumerate(self.timelines):
                prefix = f"{ui['drugs'][tl.scenario.drug]}: " if len(self.timelines) > 1 else ""
                values += [f"{prefix}{ui['series'][name]} {tl.at(t)[name]:.3g}"
                           for name in shown_series(group, self.timelines, k)]
            groups.append(f"{ui['plots'][group]}: {', '.join(values)}")
        when = self.content.time_in_words(t, self.timelines[0].scenario.drug)
        return ui["a11y"]["plot_values"].format(time=when, values="; ".join(groups))

    def describe(self) -> None:
        """The current values as the plots' accessible description."""
        text = self.values_text()
        if text != self.graphics.accessibleDescription():
            self.graphics.setAccessibleDescription(text)

    def _add_curves(self, plot: pg.PlotItem, legend: pg.LegendItem, group: str, k: int) -> None:
        """The k-th scenario's series of one plot group, each with its legend entry."""
        tl = self.timelines[k]
        compare = len(self.timelines) > 1
        step = max(1, len(tl.t_hours) // 1500)
        width = 2 * LINES[self.palette_name]["curve"]
        u = self.playhead.axis.to_u_array(tl.t_hours[::step])
        for j, name in enumerate(shown_series(group, self.timelines, k)):
            label = self.content.ui["series"][name]
            if compare:  # colour says which side, dashes say which series
                label = f"{self.content.ui['drugs'][tl.scenario.drug]}: {label}"
                pen = pg.mkPen(side_colours(self.palette_name)[k], width=width, style=DASHES[j % len(DASHES)])
            else:
                style = Qt.PenStyle.DashLine if name in SIDE_EFFECTS else Qt.PenStyle.SolidLine
                pen = pg.mkPen(series_colour(name, self.palette_name), width=width, style=style)
            curve = plot.plot(u, tl.series(name)[::step], pen=pen)
            legend.addItem(curve, label)
            self.legend_words[id(legend.items[-1][1])] = label
            # curves never change while the cursor moves: repaint them from a pixmap
            curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.curves[f"{k}:{name}"] = curve

    def _fit(self, legends: list[pg.LegendItem], width: float) -> float:
        """Fit legends to a row `width` px wide: each plot's share in proportion to its widest
        label, two columns when they fit, a label longer than its share broken into lines.
        Returns the height the row needs for every plot's curves to keep PLOT_AREA_PX."""
        for legend in legends:
            for _sample, label in legend.items:  # whole lines first, to measure them
                label.setText(html.escape(self.legend_words[id(label)]))
        needs = [max((label.item.boundingRect().width() for _s, label in legend.items), default=0.0)
                 + LEGEND_SWATCH_PX + LEGEND_AXIS_PX for legend in legends]
        for col, (legend, need) in enumerate(zip(legends, needs)):
            share = (width - LAYOUT_MARGINS_PX) * need / (sum(needs) or 1.0) - LEGEND_AXIS_PX
            self.graphics.ci.layout.setColumnStretchFactor(col, max(1, round(need)))
            columns = legend_columns(legend, share)
            legend.setColumnCount(columns)
            if columns == 1:  # a label longer than the plot is wide breaks into lines, never runs off
                font = QFont(legend.items[0][1].item.font()) if legend.items else QFont()
                font.setPointSizeF(self.legend_points)
                fm = QFontMetricsF(font)
                for _sample, label in legend.items:
                    label.setText(wrap_words(self.legend_words[id(label)], fm, share - LEGEND_SWATCH_PX))
        plots = [self.plots[self.legends.index(legend)] for legend in legends]
        _left, top, _right, bottom = self.graphics.ci.layout.getContentsMargins()
        least = Qt.SizeHint.MinimumSize
        around = max((plot.effectiveSizeHint(least).height() - plot.vb.effectiveSizeHint(least).height()
                      for plot in plots), default=0.0)  # title, axis and legend around the curves
        return top + bottom + around + PLOT_AREA_PX

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Room for one plot under tabs: PLOT_AREA_PX of curves above its time axis (at the reader's text size)."""
        return QSize(200, self.tab_row.sizeHint().height() + PLOT_AREA_PX + round(TABBED_AXIS_PX * self.text_scale))

    def _fit_legends(self) -> None:
        """Three plots side by side when each keeps PLOT_AREA_PX of curves above its axis and
        legend; else tabs, one plot at a time across the whole width with its legend beside (a
        short laptop screen).  No legend runs off, no plot leaves the panel."""
        if not shiboken6.isValid(self.graphics):
            return  # a deferred re-fit after the panel was closed
        width = self.graphics.width()
        for plot, legend in zip(self.plots, self.legends):
            place_legend(plot, legend, False)
        tabs = len(self.plots) > 1 and self.height() < self._fit(self.legends, width)
        shown = [self.plots[min(self.tabs.currentIndex(), len(self.plots) - 1)]] if tabs else list(self.plots)
        if tabs:
            legend = self.legends[self.plots.index(shown[0])]
            for _sample, label in legend.items:
                label.setText(html.escape(self.legend_words[id(label)]))
            legend.setColumnCount(1)
            place_legend(shown[0], legend, True)
            self.graphics.ci.layout.setColumnStretchFactor(0, 1)
        self.tab_row.setVisible(tabs)
        if shown != self.shown:
            for plot in self.shown:
                self.graphics.ci.removeItem(plot)
            for col, plot in enumerate(shown):
                self.graphics.ci.addItem(plot, row=0, col=col)
            self.shown = shown
        for col in range(len(shown), len(self.plots)):  # no room kept for a plot that is not shown
            self.graphics.ci.layout.setColumnStretchFactor(col, 0)
        # the plots' row, laid out for the labels as they were, laid out again to the view's width
        self.graphics.ci.setGeometry(QRectF(0, 0, width, self.graphics.height()))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_legends()
        QTimer.singleShot(0, self, self._fit_legends)  # again once the view inside has its size (not if closed)

    def _follow(self, _t: float) -> None:
        self._syncing = True
        for c in self.cursors:
            c.setValue(self.playhead.u)
        self._syncing = False
        self.describe()

    def _cursor_moved(self, line: pg.InfiniteLine) -> None:
        if not self._syncing:
            self.playhead.seek_u(line.value())

    def _clicked(self, event) -> None:
        for plot in self.shown:
            if plot.vb.sceneBoundingRect().contains(event.scenePos()):
                self.playhead.seek_u(plot.vb.mapSceneToView(event.scenePos()).x())
                return
