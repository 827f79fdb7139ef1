"""Linked pyqtgraph plots on the story axis: a cursor follows the Playhead; clicks seek."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem, QVBoxLayout, QWidget

from ..content import load_content
from ..model import Timeline
from .playhead import Playhead

PLOT_GROUPS = {
    "ketamine": (("plasma", ("plasma_ng_per_ml",)),
                 ("signals", ("nmda_block", "glutamate", "ampa", "bdnf")),
                 ("outcome", ("spine_density", "relief"))),
    "ssri": (("plasma", ("plasma_ng_per_ml",)),
             ("signals", ("sert_occupancy", "serotonin", "autoreceptor_brake", "bdnf")),
             ("outcome", ("spine_density", "relief"))),
}
SERIES_COLOURS = {"plasma_ng_per_ml": "#CC79A7", "nmda_block": "#CC79A7", "glutamate": "#E69F00",
                  "ampa": "#009E73", "bdnf": "#56B4E9", "spine_density": "#F0E442", "relief": "#009E73",
                  "sert_occupancy": "#D55E00", "serotonin": "#0072B2", "autoreceptor_brake": "#E69F00"}


SIDE_COLOURS = ("#E69F00", "#56B4E9")  # the scrubber's track colours of the two compared sides
DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)


class StoryAxisItem(pg.AxisItem):
    """Bottom axis with the story ticks (1 min, 1 h, 1 day, 1 week...)."""

    def __init__(self, playhead: Playhead):
        super().__init__("bottom")
        self.playhead = playhead

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph API)
        return [(1.0, [u for u, _ in self.playhead.axis.ticks()])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        labels = dict((round(u, 6), text) for u, text in self.playhead.axis.ticks())
        return [labels.get(round(v, 6), "") for v in values]


def plot_legend(plot: pg.PlotItem) -> pg.LegendItem:
    """A legend under the plot's time axis, never over the curves; clicking a swatch hides or
    shows its series."""
    legend = pg.LegendItem(labelTextSize="8pt", colCount=2, horSpacing=12, verSpacing=-6)
    plot.layout.addItem(legend, 4, 1)
    return legend


class PlotsPanel(QWidget):
    """Three plots side by side (drug level, receptors and signals, spines and relief)."""

    def __init__(self, playhead: Playhead, timelines: list[Timeline], parent: QWidget | None = None):
        super().__init__(parent)
        self.playhead = playhead
        self.content = load_content()
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)
        self.plots: list[pg.PlotItem] = []
        self.legends: list[pg.LegendItem] = []
        self.cursors: list[pg.InfiniteLine] = []
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._syncing = False
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        self.set_timelines(timelines)
        playhead.time_changed.connect(self._follow)
        playhead.axis_changed.connect(lambda: self.set_timelines(self.timelines))

    def set_timelines(self, timelines: list[Timeline]) -> None:
        """Plot these scenarios (the second one dashed)."""
        self.timelines = timelines
        self.graphics.clear()
        self.plots, self.legends, self.cursors, self.curves = [], [], [], {}
        names = self.content.ui["plots"]
        families = [tl.scenario.family for tl in timelines]
        for row, (group, _) in enumerate(PLOT_GROUPS[families[0]]):
            plot = self.graphics.addPlot(row=0, col=row, axisItems={"bottom": StoryAxisItem(self.playhead)})
            plot.setTitle(names[group], size="9pt")
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.setXRange(0, 1, padding=0.01)
            plot.showGrid(x=True, y=False, alpha=0.2)
            legend = plot_legend(plot)
            self.legends.append(legend)
            for k, (tl, fam) in enumerate(zip(timelines, families)):
                series = dict(PLOT_GROUPS[fam])[group]
                if len(timelines) > 1 and group == "signals":  # compare: each drug's own receptor + BDNF
                    series = (series[0], "bdnf")
                u = np.array([self.playhead.axis.to_u(t) for t in tl.t_hours[:: max(1, len(tl.t_hours) // 1500)]])
                for j, name in enumerate(series):
                    y = tl.series(name)[:: max(1, len(tl.t_hours) // 1500)]
                    if len(timelines) > 1:  # compare: colour says which side, dashes say which series
                        pen = pg.mkPen(SIDE_COLOURS[k], width=2, style=DASHES[j % len(DASHES)])
                    else:
                        pen = pg.mkPen(SERIES_COLOURS.get(name, "#999999"), width=2)
                    label = self.content.ui["series"][name] + (f" ({tl.scenario.drug})" if len(timelines) > 1 else "")
                    curve = plot.plot(u, y, pen=pen)
                    legend.addItem(curve, label)
                    # curves never change while the cursor moves: repaint them from a pixmap
                    curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                    self.curves[f"{k}:{name}"] = curve
            cursor = pg.InfiniteLine(pos=self.playhead.u, angle=90, movable=True, pen=pg.mkPen("#F4EFE8", width=1.5))
            cursor.sigPositionChanged.connect(self._cursor_moved)
            plot.addItem(cursor)
            self.plots.append(plot)
            self.cursors.append(cursor)
        for a, b in zip(self.plots, self.plots[1:]):
            b.setXLink(a)

    def _follow(self, _t: float) -> None:
        self._syncing = True
        for c in self.cursors:
            c.setValue(self.playhead.u)
        self._syncing = False

    def _cursor_moved(self, line: pg.InfiniteLine) -> None:
        if not self._syncing:
            self.playhead.seek_u(line.value())

    def _clicked(self, event) -> None:
        for plot in self.plots:
            if plot.vb.sceneBoundingRect().contains(event.scenePos()):
                self.playhead.seek_u(plot.vb.mapSceneToView(event.scenePos()).x())
                return
