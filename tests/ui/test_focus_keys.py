"""A Tab-focused button takes Space and Enter; the window's letter shortcuts still work (ui/focus_keys.py)."""

import pytest
from PySide6.QtCore import Qt


def focus(qtbot, widget):
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def test_space_and_enter_press_the_focused_button_not_play_pause(window, qtbot):
    ph, t = window.playhead, window.transport
    assert not ph.playing and ph.t == 0.0
    focus(qtbot, t.next_button)
    qtbot.keyClick(t.next_button, Qt.Key.Key_Space)
    assert not ph.playing  # the window's Space (play / pause) did not fire
    first = ph.t
    assert first > 0.0  # the focused "next stage" button was pressed
    qtbot.keyClick(t.next_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ph.t > first)  # Enter presses it too (animateClick)
    assert not ph.playing
    loop = t.loop_button
    focus(qtbot, loop)
    was = loop.isChecked()
    qtbot.keyClick(loop, Qt.Key.Key_Space)
    assert loop.isChecked() != was and not ph.playing


def test_letter_shortcuts_still_work_on_a_focused_button_and_space_plays_elsewhere(window, qtbot):
    ph, t = window.playhead, window.transport
    ph.seek(ph.axis.span_h / 2)
    focus(qtbot, t.next_button)
    before = ph.t
    qtbot.keyClick(t.next_button, Qt.Key.Key_J)  # J: jump back a little
    assert ph.t < before and not ph.playing
    focus(qtbot, window.scrubber)  # not a button: Space is the window's play / pause
    qtbot.keyClick(window.scrubber, Qt.Key.Key_Space)
    assert ph.playing


def test_a_button_focused_without_tab_leaves_space_to_play_pause(window, qtbot):
    """Qt gives the opening window's first control the focus: Space must still play at once."""
    ph, moment = window.playhead, window.transport.moment_buttons[0]
    moment.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(moment.hasFocus)
    qtbot.keyClick(moment, Qt.Key.Key_Space)
    assert ph.playing and ph.t == 0.0  # played; the "2 h" button was not pressed


def tab_to(window, qtbot, target, presses: int = 60) -> int:
    """Press Tab (as a keyboard user does) until `target` has the focus; the number of presses."""
    for n in range(presses):
        if window.focusWidget() is target:
            return n
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.text()!r}")


@pytest.mark.parametrize("how", ["at start", "after a language change", "in compare"])
def test_tab_then_space_and_enter_open_and_close_the_sources(window, qtbot, how):
    """The narration rebuilds its sections (new Sources buttons) on a language or scenario change."""
    if how == "after a language change":
        window.session.set_language("es")
        window.session.set_language("en")
    elif how == "in compare":
        window.set_compare("escitalopram")
    ph = window.playhead
    for sec in window.narration.sections:
        button = sec.sources_button
        assert button.focusPolicy() == Qt.FocusPolicy.TabFocus  # a click leaves the keys to the window
        assert tab_to(window, qtbot, button) > 0 and not sec.sources.isVisible()
        qtbot.keyClick(button, Qt.Key.Key_Space)
        assert button.isChecked() and sec.sources.isVisible() and "doi:" in sec.sources.text()  # citations open
        assert not ph.playing  # the window's Space (play / pause) did not fire
        qtbot.keyClick(button, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not button.isChecked())  # Enter presses it too: closed again
        assert not sec.sources.isVisible() and not ph.playing
        qtbot.keyClick(button, Qt.Key.Key_Enter)  # the keypad's Enter
        qtbot.waitUntil(button.isChecked)
        assert window.focusWidget() is button


def test_the_science_window_takes_space_and_enter_for_its_own_controls(window, qtbot):
    """F1 is a window of its own: the consult window's Space (play / pause) never fires there."""
    from keta_viz.ui.about import AboutDialog

    window.about_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(AboutDialog)))
    d = next(d for d in window.findChildren(AboutDialog) if d.isVisible())
    d.activateWindow()
    qtbot.waitUntil(lambda: d.focusWidget() is not None)
    tab_to(d, qtbot, d.expert)
    was = d.expert.isChecked()
    qtbot.keyClick(d.expert, Qt.Key.Key_Space)
    assert d.expert.isChecked() != was and not window.playhead.playing
    tab_to(d, qtbot, d.close_button)
    qtbot.keyClick(d.close_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not d.isVisible())
    assert not window.playhead.playing


def test_left_and_right_change_the_plot_tab_reached_with_tab_not_the_time(window, qtbot):
    tabs, ph = window.plots.tabs, window.playhead
    assert tabs.isVisible()  # a 900 px window: the plots take turns
    ph.seek(ph.axis.span_h / 2)
    t = ph.t
    tab_to(window, qtbot, tabs)
    first = tabs.currentIndex()
    qtbot.keyClick(tabs, Qt.Key.Key_Right)
    assert tabs.currentIndex() == first + 1 and ph.t == t  # Right: the next plot, not a step in time
    qtbot.keyClick(tabs, Qt.Key.Key_Left)
    assert tabs.currentIndex() == first and ph.t == t
    qtbot.keyClick(tabs, Qt.Key.Key_L)  # the letters still step the story
    assert ph.t > t
    t = ph.t
    window.scrubber.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.scrubber, Qt.Key.Key_Right)  # elsewhere Right steps the time, as before
    assert tabs.currentIndex() == first and ph.t > t
