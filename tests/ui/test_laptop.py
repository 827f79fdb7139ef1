"""A 1366 x 768 laptop (issue 15, items 1 and 3): the compare window shows all three plots whole
(side by side, or as tabs when side by side would leave their curves no room), every legend label
inside its plot, and the narration runs the window's full height beside the picture, its
controls and the plots."""

import pytest
from PySide6.QtCore import QPoint, QRect, QRectF


@pytest.fixture
def laptop(window, qtbot):
    window.resize(1366, 768)
    window.set_compare("escitalopram")
    qtbot.wait(200)  # the plots re-fit their legends once the view has its size
    return window


def each_plot_shown(window, qtbot):
    """(plot, legend) as a viewer gets to see each: all at once, or tab by tab."""
    panel = window.plots
    if not panel.tabs.isVisible():
        yield from zip(panel.plots, panel.legends)
        return
    for i in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(i)
        qtbot.wait(20)
        assert panel.shown == [panel.plots[i]]
        yield panel.plots[i], panel.legends[i]


def in_window(window, widget, rect: QRectF) -> QRectF:
    return QRectF(rect).translated(widget.mapTo(window, QPoint(0, 0)).toPointF())


def test_every_plot_and_legend_label_is_whole(laptop, qtbot):
    w = laptop
    assert w.width() <= 1366 and w.height() <= 768
    graphics = w.plots.graphics
    shown = in_window(w, graphics.viewport(), QRectF(graphics.viewport().rect()))
    assert len(w.plots.plots) == 3
    assert graphics.transform().isIdentity()  # scene coordinates are the view's pixels
    seen = 0
    for plot, legend in each_plot_shown(w, qtbot):
        seen += 1
        assert plot.isVisible() and plot.scene() is graphics.scene()
        plot_rect = in_window(w, graphics.viewport(), plot.sceneBoundingRect())
        assert shown.contains(plot_rect), f"{plot.titleLabel.text}: {plot_rect} leaves the plots panel {shown}"
        axis = plot.getAxis("bottom")
        assert axis.range[1] >= 1.0  # the whole shared clock, to 8 weeks
        for _sample, label in legend.items:
            box = label.sceneBoundingRect()
            text_w = label.item.boundingRect().width()
            assert box.width() >= text_w - 1, label.text  # the label is given its whole width
            assert plot_rect.contains(in_window(w, graphics.viewport(), box)), f"'{label.text}' runs out of its plot"
    assert seen == 3


def test_the_third_plot_cursor_follows_the_whole_story(laptop, qtbot):
    w = laptop
    w.plots.tabs.setCurrentIndex(2)  # whether or not the plots take turns
    qtbot.wait(20)
    assert w.plots.plots[2] in w.plots.shown
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


def test_plots_take_turns_only_when_side_by_side_leaves_no_room(laptop, qtbot):
    w = laptop
    panel = w.plots
    assert panel.tabs.isVisible() and len(panel.shown) == 1  # 1366 x 768, compare
    assert [panel.tabs.tabText(i) for i in range(3)] == ["Drug level", "Receptors and signals", "Spines and relief"]
    before = w.playhead.u
    panel.tabs.setCurrentIndex(1)
    assert panel.shown == [panel.plots[1]] and w.playhead.u == before  # a tab does not seek


def test_a_tall_enough_panel_shows_the_three_side_by_side(qtbot):
    from keta_viz.app.session import Session
    from keta_viz.model import load_scenario, simulate
    from keta_viz.widgets.plots import PlotsPanel

    panel = PlotsPanel(Session([simulate(load_scenario(n)) for n in ("ketamine-iv", "escitalopram")]))
    qtbot.addWidget(panel)
    panel.show()
    for height, tabs in ((200, True), (420, False), (200, True)):
        panel.resize(1050, height)
        qtbot.wait(30)
        assert panel.tabs.isVisible() == tabs
        assert panel.shown == ([panel.plots[panel.tabs.currentIndex()]] if tabs else panel.plots)
        assert all(p.scene() is panel.graphics.scene() for p in panel.shown)


SIZES = [(1366, 768), (1280, 720)]


@pytest.fixture(params=[None, "escitalopram"], ids=["single", "compare"])
def sized(window, request):
    window.set_compare(request.param)
    return window


def settle(window, qtbot, size):
    window.resize(*size)
    qtbot.wait(60)  # the splitters follow the size; the plots re-fit once the view inside has its size


@pytest.mark.parametrize("size", SIZES)
def test_every_plot_keeps_120_px_of_curves(sized, qtbot, size):
    settle(sized, qtbot, size)
    heights = [plot.vb.sceneBoundingRect().height() for plot, _legend in each_plot_shown(sized, qtbot)]
    assert len(heights) == 3 and min(heights) >= 120, heights


def test_a_1920_screen_window_keeps_the_plots_side_by_side(sized, qtbot):
    settle(sized, qtbot, (1600, 1000))  # the window opens at 1600 x 1000 on a 1920 x 1080 screen
    panel = sized.plots
    assert not panel.tabs.isVisible() and panel.shown == panel.plots
    assert min(plot.vb.sceneBoundingRect().height() for plot in panel.shown) >= 120


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", SIZES)
def test_every_toolbar_action_is_shown_inside_the_toolbar(sized, qtbot, size, lang):
    """At 1366 px every button shows; at 1280 px only the view toggles at the end may fold into the
    toolbar's extension, and each of those is in the View menu too."""
    from PySide6.QtWidgets import QToolBar

    sized.choose_language(lang)
    settle(sized, qtbot, size)
    bar = sized.findChild(QToolBar, "main-toolbar")
    shown = [a for a in bar.actions() if a.isVisible()]
    may_fold = {sized.vocab_action, sized.projector_action, sized.labels_action, sized.plots_action} if size[0] < 1366 else set()
    must = [a for a in shown if a not in may_fold]
    assert len(must) >= 7  # the scenario menu(s), three scales, Compare, Full screen and The science
    for action in must:
        widget = bar.widgetForAction(action)
        assert widget is not None and widget.isVisible(), action.text()
        assert bar.rect().contains(widget.geometry()), f"{action.text()} {widget.geometry()} leaves {bar.rect()}"
    view_menu = sized.view_menu.actions()
    for action in may_fold:
        widget = bar.widgetForAction(action)
        assert (widget.isVisible() and bar.rect().contains(widget.geometry())) or action in view_menu, action.text()


@pytest.mark.parametrize("size", SIZES)
def test_the_picture_is_whole_inside_the_window(sized, qtbot, size):
    from PySide6.QtWidgets import QToolBar

    settle(sized, qtbot, size)
    below = sized.findChild(QToolBar, "main-toolbar").geometry().bottom()
    for view in sized.views:
        rect = QRect(view.mapTo(sized, QPoint(0, 0)), view.size())
        assert rect.top() > below and sized.rect().contains(rect), rect
        assert rect.height() >= 180


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", SIZES)
def test_both_compare_narrations_read_without_scrolling(window, qtbot, size, lang):
    window.choose_language(lang)
    window.set_compare("escitalopram")
    settle(window, qtbot, size)
    panel = window.narration
    times = sorted({(st.start + st.end) / 2 for tl in window.session.timelines for st in tl.stages})
    for t in times:
        window.playhead.seek(t)
        qtbot.wait(1)
        assert panel.verticalScrollBar().maximum() == 0, (t, size, lang)
        for sec in panel.sections:
            assert sec.isVisible() and sec.body.text()
            assert min(label.font().pixelSize() for label in (sec.header, sec.title, sec.body, sec.analogy)) >= 13


def test_the_narration_scrolls_only_when_the_smallest_type_does_not_fit(window, qtbot):
    from keta_viz.widgets.narration import TYPE_STEPS

    window.set_compare("escitalopram")
    settle(window, qtbot, (1366, 768))
    panel = window.narration
    assert panel.sections[0].type_step == 0 and panel.verticalScrollBar().maximum() == 0
    for sec in panel.sections:
        sec.sources_button.setChecked(True)  # the sources opened: more words than the panel holds
    window.splitter.setSizes([1100, 260])
    qtbot.wait(30)
    assert panel.sections[0].type_step == len(TYPE_STEPS) - 1
    assert panel.verticalScrollBar().maximum() > 0 and panel.verticalScrollBar().isVisible()
