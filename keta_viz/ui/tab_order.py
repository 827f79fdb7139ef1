"""The consult window's Tab order: toolbar, picture, narration, scrubber, transport (with Follow the story), plots.

Tab reaches every control (a click never takes the focus from the window's keys); the focused
one wears the palette's focus ring (widgets/stylesheet.py, widgets/focus.py) and takes Space and
Enter from the window's shortcuts (ui/focus_keys.py). The window opens with the picture focused,
which wears no ring until Tab brings the focus back to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget

from .focus_keys import FocusedButtonKeys

if TYPE_CHECKING:
    from .main_window import MainWindow


def keyboard_order(w: MainWindow) -> list[QWidget]:
    """The window's controls in the order Tab visits them."""
    toolbar = w.findChild(QToolBar, "main-toolbar")
    buttons = [toolbar.widgetForAction(a) for a in toolbar.actions()]
    folded = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")  # a narrow window's » (the folded buttons)
    t = w.transport
    sources = [sec.sources_button for sec in w.narration.sections]  # rebuilt: the panel keeps them after it
    return [*(b for b in [*buttons, folded] if b is not None), *w.synapse.all_views, w.narration, *sources,
            w.scrubber, t.prev_button, t.play_button, t.next_button, t.loop_button, t.speed_box,
            w.scale_bar.follow_button, *t.moment_buttons,
            w.plots.tabs, w.plots.graphics]


def set_tab_order(w: MainWindow) -> None:
    """Every control reachable by Tab (not by click), in keyboard_order; a focused button takes
    Space and Enter (the narration's new Sources buttons too); the picture has the focus at the start."""
    order = keyboard_order(w)
    for widget in order:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    for a, b in zip(order, order[1:]):
        QWidget.setTabOrder(a, b)
    w.focus_keys = FocusedButtonKeys(w, order)
    w.narration.built.connect(lambda: w.focus_keys.watch(sec.sources_button for sec in w.narration.sections))
    w.synapse.all_views[0].setFocus(Qt.FocusReason.OtherFocusReason)  # not the first button: no stray ring
    folded = w.findChild(QToolBar, "main-toolbar").findChild(QToolButton, "qt_toolbar_ext_button")
    w.setAnimated(False)  # the » shows its folded buttons at once (not sliding), so the focus can go into them
    folded.clicked.connect(lambda on: on and folded.hasFocus() and _into_fold(w))


def _into_fold(w: MainWindow) -> None:
    """The » pressed from the keyboard shows the folded buttons in a row below it: the focus goes
    to the first of them (Tab then goes along them, back to the » and on to the picture)."""
    toolbar = w.findChild(QToolBar, "main-toolbar")
    below = toolbar.findChild(QToolButton, "qt_toolbar_ext_button").geometry().bottom()
    shown = [b for b in (toolbar.widgetForAction(a) for a in toolbar.actions()) if b is not None and b.isVisible()]
    first = next((b for b in shown if b.geometry().top() > below), None)
    if first is not None:
        first.setFocus(Qt.FocusReason.TabFocusReason)
