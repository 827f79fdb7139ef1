"""Tick labels never collide or clip (issue 15, item 7): in the scrubber and the plots, at 1280,
1920 and 3840 px, for every bundled scenario and every compare.  The rectangles are measured
with QFontMetrics from what is drawn."""

import itertools

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from keta_viz.model import bundled_names, load_scenario, simulate
from keta_viz.model.families import FAMILIES

WIDTHS = (1280, 1920, 3840)
CASES = [(name,) for name in bundled_names()] + [
    (name, FAMILIES[load_scenario(name).family].COMPARE_WITH) for name in bundled_names()]


@pytest.fixture(scope="module")
def timelines():
    return {name: simulate(load_scenario(name)) for name in bundled_names()}


def session_for(names, timelines):
    from keta_viz.app.session import Session

    return Session([timelines[n] for n in names])


def assert_apart_and_inside(rects, width, what):
    assert rects, f"{what}: no tick label at all"
    for (a, ta), (b, tb) in itertools.combinations(rects, 2):
        assert not a.intersects(b), f"{what}: '{ta}' {a} overlaps '{tb}' {b}"
    for r, text in rects:
        assert 0 <= r.left() and r.right() <= width, f"{what}: '{text}' {r} leaves the 0..{width} px widget"


def test_fit_keeps_ends_inside_and_drops_crowded_labels():
    from keta_viz.widgets.ticks import fit_labels

    assert fit_labels([0, 50, 55, 100], [30] * 4, 0, 100) == [0, None, None, 70]
    assert fit_labels([10, 90], [40, 40], 0, 100) == [0, 60]  # shifted in, not cut
    assert fit_labels([50], [200], 0, 100) == [None]  # wider than the axis: not drawn at all


@pytest.mark.parametrize("names", CASES, ids="+".join)
@pytest.mark.parametrize("width", WIDTHS)
def test_scrubber_tick_labels(names, width, timelines, qtbot):
    from keta_viz.widgets.scrubber import Scrubber

    for scale in (1.0, 2.2):  # the window's, and the kiosk's touch-sized scrubber
        scrubber = Scrubber(session_for(names, timelines), scale=scale)
        qtbot.addWidget(scrubber)
        scrubber.resize(width, scrubber.height())
        fm = QFontMetricsF(scrubber.tick_font())
        labels = scrubber.tick_labels()
        for _x, rect, text in labels:
            assert rect.width() >= fm.horizontalAdvance(text) and rect.bottom() <= scrubber.height()
        assert_apart_and_inside([(r, text) for _x, r, text in labels], width, f"scrubber x{scale}")
        assert labels[-1][2] == scrubber.session.content.ticks(scrubber.playhead.axis)[-1][1]  # the end is named


@pytest.mark.parametrize("names", CASES, ids="+".join)
@pytest.mark.parametrize("width", WIDTHS)
def test_plot_tick_labels(names, width, timelines, qtbot, monkeypatch):
    from keta_viz.widgets.plots import PlotsPanel, StoryAxisItem

    drawn = {}
    real = StoryAxisItem.generateDrawSpecs

    def record(axis, p):
        specs = real(axis, p)
        fm = QFontMetricsF(p.font())
        drawn[id(axis)] = (axis, [(r, text, fm.horizontalAdvance(text)) for r, _flags, text in specs[2]])
        return specs

    monkeypatch.setattr(StoryAxisItem, "generateDrawSpecs", record)
    panel = PlotsPanel(session_for(names, timelines))
    qtbot.addWidget(panel)
    panel.resize(width, 320)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(20)  # the layout settles (legends reflowed)
    drawn.clear()
    for plot in panel.plots:
        plot.getAxis("bottom").picture = None  # pyqtgraph's cached drawing: draw again, from the settled layout
        plot.getAxis("bottom").update()  # and the axis's pixmap cache (as pyqtgraph's own invalidation does)
    panel.graphics.grab()
    assert len(drawn) == len(panel.plots)
    rects = []
    for axis, labels in drawn.values():
        for r, text, advance in labels:
            assert r.width() >= advance
            scene = axis.mapRectToScene(r)
            view = panel.graphics.mapFromScene(scene).boundingRect()
            rects.append((QRectF(view), text))
            assert view.bottom() <= panel.height()
    assert_apart_and_inside(rects, width, "plots")
