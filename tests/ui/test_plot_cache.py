"""The plots' axes repaint from a pixmap cache while the cursor moves: the same pixels as drawn
afresh, and a seek leaves the plots' ranges alone."""

import pytest
from PySide6.QtWidgets import QGraphicsItem

from keta_viz.model import load_scenario, simulate


def axes(panel):
    return [plot.getAxis(name) for plot in panel.plots for name in ("bottom", "left")]


@pytest.mark.parametrize("names", [("ketamine-iv",), ("ketamine-iv", "escitalopram")], ids="+".join)
def test_cached_axes_paint_as_uncached(names, qtbot):
    from keta_viz.app.session import Session
    from keta_viz.widgets.plots import PlotsPanel

    session = Session([simulate(load_scenario(n)) for n in names])
    panel = PlotsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(1400, 330)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(20)
    assert all(axis.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache for axis in axes(panel))
    ranges = [plot.vb.viewRange() for plot in panel.plots]
    for u in (0.1, 0.37, 0.8):
        session.playhead.seek_u(u)
        cached = panel.graphics.grab().toImage()
        for axis in axes(panel):
            axis.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        fresh = panel.graphics.grab().toImage()
        for axis in axes(panel):
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        assert cached == fresh, u
        assert [c.value() for c in panel.cursors] == [pytest.approx(u)] * len(panel.plots)
    assert [plot.vb.viewRange() for plot in panel.plots] == ranges
