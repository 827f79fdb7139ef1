"""The window by keyboard alone: it opens with the picture focused and no ring on any button, and
Tab walks every visible control, once each, in reading order (toolbar left to right, the picture,
the narration and its Sources, then the story column row by row, left to right)."""

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QAbstractSlider, QComboBox, QTabBar, QToolBar,
                               QToolButton, QWidget)

from keta_viz.scene.palette import FOCUS

INTERACTIVE = (QAbstractButton, QComboBox, QTabBar, QAbstractSlider)


def interactive(window) -> list[QWidget]:
    """Every shown control a mouse can use or the focus can reach (found in the widget tree, not in
    the window's own list): buttons, boxes, tabs, sliders and any focusable widget."""
    found = []
    for w in window.findChildren(QWidget):
        if w.isWindow() or not w.isVisibleTo(window):
            continue
        parent = w.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is w:
            continue  # a scroll area's viewport: the area is the control
        if isinstance(w, INTERACTIVE) or w.focusPolicy() != Qt.FocusPolicy.NoFocus:
            found.append(w)
    return found


def settled(window, qtbot) -> None:
    """Wait until the window is laid out (the transport at the height its one or two lines need)."""
    t = window.transport
    qtbot.waitUntil(lambda: t.height() >= t.minimumSizeHint().height() and not t.layout().geometry().isEmpty())


def tab_walk(window, qtbot) -> list[QWidget]:
    """The focus after each Tab press, once round the window (from where the focus starts)."""
    start = window.focusWidget()
    walk = [start]
    for _ in range(150):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        if window.focusWidget() is start:
            return walk
        walk.append(window.focusWidget())
    raise AssertionError("Tab never came back round")


def box(window, w: QWidget) -> QRect:
    return QRect(w.mapTo(window, QPoint(0, 0)), w.size())


def out_of_reading_order(window, widgets: list[QWidget]) -> list[tuple[str, str]]:
    """Each pair of controls where the next is neither on the same row to the right nor on a row below."""
    wrong = []
    for a, b in zip(widgets, widgets[1:]):
        ra, rb = box(window, a), box(window, b)
        same_row = ra.top() <= rb.center().y() <= ra.bottom() or rb.top() <= ra.center().y() <= rb.bottom()
        if not ((same_row and rb.center().x() > ra.center().x()) or rb.top() > ra.center().y()):
            wrong.append((f"{a.accessibleName()} {ra.getRect()}", f"{b.accessibleName()} {rb.getRect()}"))
    return wrong


def within(w: QWidget, ancestor: QWidget) -> bool:
    return w is ancestor or ancestor.isAncestorOf(w)


def test_the_window_opens_on_the_picture_with_no_ring(window, qtbot):
    focused = window.focusWidget()
    assert focused is window.views[0] and not focused.keyboard_focus  # the picture, wearing no ring
    moment = window.transport.moment_buttons[0]  # the "2 h" button had the focus (and its ring)
    assert not moment.hasFocus()
    image = moment.grab().toImage()
    ring = FOCUS[window.session.palette].lower()
    assert all(image.pixelColor(x, 1).name() != ring for x in range(image.width()))
    qtbot.keyClick(focused, Qt.Key.Key_Space)  # Space plays at once
    assert window.playhead.playing
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)  # and Tab goes on from the picture
    assert window.focusWidget() is window.narration


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (1000, 700)])
@pytest.mark.parametrize("compare", [False, True])
def test_tab_reaches_every_control_once_in_reading_order(window, qtbot, size, compare):
    if compare:
        window.set_compare("escitalopram")
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size() == QSize(*size))
    settled(window, qtbot)  # the toolbar folds, the transport takes two lines
    walk = tab_walk(window, qtbot)
    assert len(walk) == len(set(walk))  # each once
    missing = [f"{type(w).__name__} {w.accessibleName() or getattr(w, 'text', str)()}" for w in interactive(window)
               if w not in walk]
    assert missing == []  # nothing only a mouse can reach
    toolbar = window.findChild(QToolBar, "main-toolbar")
    first = next(i for i, w in enumerate(walk) if within(w, toolbar))
    walk = walk[first:] + walk[:first]  # round the window from the toolbar's first control
    regions = [[w for w in walk if within(w, toolbar)], [w for w in walk if w in window.views],
               [w for w in walk if within(w, window.narration)]]
    regions.append([w for w in walk if not any(w in r for r in regions)])  # the story column under the picture
    assert walk == sum(regions, [])  # toolbar, picture, narration, story column
    assert regions[2][0] is window.narration  # the panel, then its Sources buttons
    for region in (regions[0], regions[1], regions[2][1:], regions[3]):
        assert out_of_reading_order(window, region) == []
    assert {window.scrubber, window.transport.play_button, window.scale_bar.follow_button,
            window.plots.graphics} <= set(regions[3])
    assert len(regions[0]) >= 3 + 7 and len(regions[2]) == 1 + len(window.session.timelines)


def test_tab_walks_the_controls_left_while_presenting(window, qtbot):
    window.set_presentation(True)
    qtbot.waitUntil(window.isFullScreen)
    settled(window, qtbot)
    walk = tab_walk(window, qtbot)
    assert set(interactive(window)) <= set(walk)
    first = walk.index(window.views[0])
    assert window.transport.play_button in walk and out_of_reading_order(window, walk[first:] + walk[:first]) == []
    window.set_presentation(False)


def test_the_toolbars_fold_opens_from_the_keyboard(window, qtbot):
    """Large text on a laptop folds the toolbar's last buttons behind its »: Tab reaches the », Space
    opens it and the focus goes on along the buttons it shows, then back to the » and the picture."""
    window.resize(1366, 768)
    window.session.set_text_scale(1.5)
    toolbar = window.findChild(QToolBar, "main-toolbar")
    fold = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    qtbot.waitUntil(fold.isVisible)
    settled(window, qtbot)
    buttons = [toolbar.widgetForAction(a) for a in toolbar.actions() if a.isVisible()]
    folded = [b for b in buttons if not b.isVisible()]
    assert fold.isVisible() and folded
    walk = tab_walk(window, qtbot)
    assert fold in walk and not set(folded) & set(walk)  # closed: the » stands for them
    while window.focusWidget() is not fold:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(fold, Qt.Key.Key_Space)
    assert window.focusWidget() is folded[0] and not window.playhead.playing
    visited = [window.focusWidget()]
    for _ in folded:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        visited.append(window.focusWidget())
    assert visited == [*folded, fold]
    qtbot.keyClick(fold, Qt.Key.Key_Tab)
    assert window.focusWidget() is window.views[0]
    qtbot.keyClick(window.views[0], Qt.Key.Key_Backtab)
    qtbot.keyClick(fold, Qt.Key.Key_Backtab)  # back into the open fold: its last button
    last = folded[-1]
    assert window.focusWidget() is last
    was = last.defaultAction().isChecked()
    qtbot.keyClick(last, Qt.Key.Key_Space)
    assert last.defaultAction().isChecked() != was and not window.playhead.playing


@pytest.mark.parametrize("palette", ["screen", "projector", "contrast"])
def test_every_control_tab_reaches_wears_the_focus_ring(window, qtbot, palette):
    """WCAG 2.4.7: the control Tab has reached shows it (the palette's ring colour in its pixels)."""
    window.session.set_palette(palette)
    ring = FOCUS[palette].lower()
    bare = []
    for w in tab_walk(window, qtbot)[1:] + [window.views[0]]:
        w.setFocus(Qt.FocusReason.TabFocusReason)
        image = w.grab().toImage()
        if not any(image.pixelColor(x, y).name() == ring for x in range(0, image.width(), 1)
                   for y in (1, 2, image.height() // 2)):
            bare.append(f"{type(w).__name__} {w.accessibleName()}")
    assert bare == []
