"""The kiosk's attract / idle / lock rules without a window (and without Qt)."""

import subprocess
import sys

from keta_viz.kiosk.states import HEARTBEAT_S, KioskStates


def test_the_rules_import_no_qt():
    code = "import sys, keta_viz.kiosk.states; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_attract_moves_through_the_tour_and_wraps():
    k = KioskStates(idle_seconds=30, countdown_seconds=10, tour_length=2, now=0.0)
    assert not k.tick(1.0, story_over=False).next_tour_step
    assert k.tick(2.0, story_over=True).next_tour_step and k.tour_index == 1
    assert k.tick(3.0, story_over=True).next_tour_step and k.tour_index == 0


def test_idle_counts_down_then_resets_and_touch_cancels():
    k = KioskStates(idle_seconds=30, countdown_seconds=10, tour_length=3, now=0.0)
    k.touch(0.0)
    assert k.mode == "interactive" and not k.tick(29.0, story_over=True).next_tour_step  # visitors' stories do not move on
    assert k.tick(31.0, story_over=False).countdown == 10
    k.touch(32.0)
    assert k.countdown_left is None and k.tick(33.0, story_over=False).countdown is None
    todo = k.tick(72.5, story_over=False)
    assert todo.reset and k.mode == "attract" and k.tour_index == 0


def test_cursor_and_heartbeat():
    k = KioskStates(30, 10, 1, now=0.0)
    assert not k.tick(4.0, False).hide_cursor and k.tick(6.0, False).hide_cursor
    assert k.tick(HEARTBEAT_S, False).beat and not k.tick(HEARTBEAT_S + 1, False).beat


def test_wrong_pins_lock_for_30_s_doubling_and_the_lock_skips_the_check():
    k = KioskStates(30, 10, 1, now=0.0)
    assert k.try_pin(0.0, lambda: False) == ("wrong", 0)
    assert k.try_pin(0.0, lambda: False) == ("wrong", 0)
    assert k.try_pin(0.0, lambda: False) == ("locked", 30)
    assert k.try_pin(10.0, lambda: 1 / 0) == ("locked", 20)  # the PIN is not even checked
    assert k.try_pin(31.0, lambda: False) == ("locked", 60)
    assert k.try_pin(100.0, lambda: True) == ("ok", 0)
