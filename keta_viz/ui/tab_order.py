"""The consult window's Tab order: toolbar, picture, narration, scrubber, transport (with Follow the story), plots.

Tab reaches every control (a click never takes the focus from the window's keys); the focused
one wears the palette's focus ring (widgets/stylesheet.py, widgets/focus.py) and takes Space and
Enter from the window's shortcuts (ui/focus_keys.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QWidget

from .focus_keys import FocusedButtonKeys

if TYPE_CHECKING:
    from .main_window import MainWindow


def keyboard_order(w: MainWindow) -> list[QWidget]:
    """The window's controls in the order Tab visits them."""
    toolbar = w.findChild(QToolBar, "main-toolbar")
    buttons = [toolbar.widgetForAction(a) for a in toolbar.actions()]
    t = w.transport
    sources = [sec.sources_button for sec in w.narration.sections]  # rebuilt: the panel keeps them after it
    return [*(b for b in buttons if b is not None), *w.synapse.all_views, w.narration, *sources, w.scrubber,
            t.prev_button, t.play_button, t.next_button, t.loop_button, t.speed_box, w.scale_bar.follow_button,
            *t.moment_buttons,
            w.plots.graphics]


def set_tab_order(w: MainWindow) -> None:
    """Every control reachable by Tab (not by click), in keyboard_order; a focused button takes
    Space and Enter (the narration's new Sources buttons too)."""
    order = keyboard_order(w)
    for widget in order:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    for a, b in zip(order, order[1:]):
        QWidget.setTabOrder(a, b)
    w.focus_keys = FocusedButtonKeys(w, order)
    w.narration.built.connect(lambda: w.focus_keys.watch(sec.sources_button for sec in w.narration.sections))
