"""A Tab-focused button takes Space and Enter; the window's letter shortcuts still work (ui/focus_keys.py)."""

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
