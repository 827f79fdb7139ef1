"""A 1366 x 768 laptop (issue 15, items 1 and 3): the compare window shows all three plots whole,
every legend label inside its plot, and the narration runs the window's full height beside
the picture, its controls and the plots."""

import pytest
from PySide6.QtCore import QPoint, QRect, QRectF


@pytest.fixture
def laptop(window, qtbot):
    window.resize(1366, 768)
    window.set_compare("escitalopram")
    qtbot.wait(200)  # the plots re-fit their legends once the view has its size
    return window


def in_window(window, widget, rect: QRectF) -> QRectF:
    return QRectF(rect).translated(widget.mapTo(window, QPoint(0, 0)).toPointF())


def test_every_plot_and_legend_label_is_whole(laptop, qtbot):
    w = laptop
    assert w.width() <= 1366 and w.height() <= 768
    graphics = w.plots.graphics
    shown = in_window(w, graphics.viewport(), QRectF(graphics.viewport().rect()))
    assert len(w.plots.plots) == 3
    assert graphics.transform().isIdentity()  # scene coordinates are the view's pixels
    for plot, legend in zip(w.plots.plots, w.plots.legends):
        plot_rect = in_window(w, graphics.viewport(), plot.sceneBoundingRect())
        assert shown.contains(plot_rect), f"{plot.titleLabel.text}: {plot_rect} leaves the plots panel {shown}"
        axis = plot.getAxis("bottom")
        assert axis.range[1] >= 1.0  # the whole shared clock, to 8 weeks
        for _sample, label in legend.items:
            box = label.sceneBoundingRect()
            text_w = label.item.boundingRect().width()
            assert box.width() >= text_w - 1, label.text  # the label is given its whole width
            assert plot_rect.contains(in_window(w, graphics.viewport(), box)), f"'{label.text}' runs out of its plot"


def test_the_third_plot_cursor_follows_the_whole_story(laptop):
    w = laptop
    for t in (24, 24 * 7 * 4, 24 * 56):
        w.playhead.seek(t)
        cursor = w.plots.cursors[2]
        assert cursor.value() == pytest.approx(w.playhead.u)
        x = w.plots.plots[2].vb.mapViewToScene(cursor.pos()).x()
        assert x <= w.plots.graphics.width()


def test_narration_is_the_full_height_beside_the_story(laptop):
    w = laptop
    story = w.splitter.widget(0)
    narration = QRect(w.narration.mapTo(w, QPoint(0, 0)), w.narration.size())
    assert narration.height() >= story.height() - 2
    for part in (w.synapse, w.controls, w.plots):
        top = part.mapTo(w, QPoint(0, 0))
        assert top.x() + part.width() <= narration.left()  # beside it, never under it
