"""The kiosk cannot be closed without the PIN, resets when idle, and reaches no dialog or browser."""

import io

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMenuBar, QMessageBox, QPushButton

from keta_viz.kiosk.config import KioskConfig, load_config, pin_matches, write_pin


def test_close_attempts_are_ignored(kiosk, qtbot):
    kiosk.close()
    assert kiosk.isVisible()
    ev = QCloseEvent()
    QApplication.sendEvent(kiosk, ev)  # what Alt+F4 delivers
    assert not ev.isAccepted() and kiosk.isVisible()
    for key, mod in ((Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                     (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)):
        qtbot.keyClick(kiosk, key, mod)
        assert kiosk.isVisible() and not kiosk.unlocked


def test_touch_switches_to_touch_ui_with_big_buttons(kiosk, qtbot):
    assert kiosk.mode == "attract" and not kiosk.touch_ui.isVisible()
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert kiosk.mode == "interactive" and kiosk.touch_ui.isVisible()
    from keta_viz.kiosk.window import touch_pixels

    mm15 = touch_pixels(kiosk)
    for b in kiosk.touch_ui.findChildren(QPushButton):
        assert b.minimumHeight() >= mm15
    assert kiosk.scrubber.height() >= mm15  # a drag target for a finger
    qtbot.mouseClick(kiosk.buttons["compare"], Qt.MouseButton.LeftButton)
    assert len(kiosk.views) == 2 and kiosk.synapse.all_views[1].isVisible()
    qtbot.mouseClick(kiosk.stage_buttons[4], Qt.MouseButton.LeftButton)
    assert kiosk.playhead.t == pytest.approx(kiosk.session.timelines[0].stages[4].start)
    qtbot.mouseClick(kiosk.buttons["ketamine"], Qt.MouseButton.LeftButton)
    assert len(kiosk.views) == 1 and not kiosk.synapse.all_views[1].isVisible()


def test_idle_shows_countdown_then_resets_to_attract(kiosk, qtbot, clock):
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.mouseClick(kiosk.buttons["ssri"], Qt.MouseButton.LeftButton)
    kiosk.playhead.seek(300)
    clock.now += 31
    kiosk.tick()
    assert kiosk.countdown.isVisible() and kiosk.mode == "interactive"
    clock.now += 10
    kiosk.tick()
    assert kiosk.mode == "attract" and not kiosk.countdown.isVisible()
    assert kiosk.session.timelines[0].scenario.name == "ketamine-iv" and kiosk.playhead.t < 1


def test_input_during_countdown_keeps_the_visitor(kiosk, qtbot, clock):
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    clock.now += 35
    kiosk.tick()
    assert kiosk.countdown.isVisible()
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
    assert not kiosk.countdown.isVisible() and kiosk.mode == "interactive"


def test_attract_loop_moves_on_through_the_tour(kiosk, clock):
    assert len(kiosk.views) == 1
    for _ in range(95):
        clock.now += 1.0
        kiosk.tick()
    assert kiosk.tour_index == 1 and len(kiosk.views) == 2


def test_right_pin_exits_wrong_pin_does_not_and_is_rate_limited(kiosk, qtbot, clock):
    qtbot.keyClick(kiosk, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert kiosk.pin_pad.isVisible()
    for _ in range(3):
        ok, _msg = kiosk.try_pin("0000")
        assert not ok and kiosk.isVisible()
    ok, msg = kiosk.try_pin("2468")  # locked out now, even with the right PIN
    assert not ok and "wait" in msg
    clock.now += 31
    ok, _ = kiosk.try_pin("2468")
    assert ok and kiosk.unlocked and not kiosk.isVisible()


def test_no_dialog_or_browser_is_reachable(kiosk, qtbot, monkeypatch):
    calls = []
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, lambda *a, **k: calls.append(name) or ("", ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda *a: calls.append("url"))
    monkeypatch.setattr(QMessageBox, "exec", lambda *a: calls.append("box"))
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    for b in kiosk.findChildren(QPushButton):
        if b.isVisible() and b.parent() is not kiosk.pin_pad:
            b.click()
    for key in (Qt.Key.Key_O, Qt.Key.Key_E, Qt.Key.Key_P, Qt.Key.Key_F1):
        qtbot.keyClick(kiosk, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.RightButton, pos=QPoint(40, 40))
    assert calls == []
    assert not kiosk.findChildren(QMenuBar) and not kiosk.findChildren(QMenu)
    assert kiosk.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu and not kiosk.acceptDrops()


def test_heartbeat_is_written(kiosk, clock, tmp_path):
    clock.now += 11
    kiosk.tick()
    assert (tmp_path / "beat").read_text().strip().isdigit()


def test_config_falls_back_to_defaults_with_warnings(tmp_path, caplog):
    f = tmp_path / "k.toml"
    f.write_text('idle_seconds = -4\npalette = "neon"\ntour = ["nope"]\nmystery = 1\nscreen = 1\n')
    cfg = load_config(f)
    assert cfg.idle_seconds == 90 and cfg.palette == "screen" and cfg.tour == KioskConfig().tour and cfg.screen == 1
    assert len([r for r in caplog.records if r.levelname == "WARNING"]) == 4
    f.write_text("not toml [")
    assert load_config(f) == KioskConfig()
    assert load_config(tmp_path / "missing.toml") == KioskConfig()


def test_kiosk_pin_writes_a_salted_hash(tmp_path, monkeypatch):
    from keta_viz.cli import main

    f = tmp_path / "k.toml"
    f.write_text("idle_seconds = 60\n")
    monkeypatch.setattr("sys.stdin", io.StringIO("13579\n"))  # not a terminal: the PIN is one line on stdin
    assert main(["kiosk-pin", "--config", str(f)]) == 0
    text = f.read_text()
    assert "13579" not in text and "pin_hash" in text
    cfg = load_config(f)
    assert cfg.idle_seconds == 60 and pin_matches(cfg, "13579") and not pin_matches(cfg, "13578")
    with pytest.raises(ValueError):
        write_pin(f, "12")


def test_default_config_path_is_used_by_pin_and_kiosk(tmp_path, monkeypatch):
    from keta_viz.cli import main

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setattr("sys.stdin", io.StringIO("97531\n"))
    assert main(["kiosk-pin"]) == 0
    cfg = load_config(None)
    assert (tmp_path / "cfg" / "keta-viz" / "kiosk.toml").is_file()
    assert pin_matches(cfg, "97531") and not pin_matches(cfg, "97532")
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert main(["kiosk-pin"]) == 2  # too short: refused, old PIN kept
    assert pin_matches(load_config(None), "97531")


def open_pin_pad(kiosk, qtbot):
    qtbot.keyClick(kiosk, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert kiosk.pin_pad.isVisible()


def test_idle_reset_closes_the_pin_pad(kiosk, qtbot, clock):
    open_pin_pad(kiosk, qtbot)
    qtbot.keyClicks(kiosk.pin_pad.entry, "12")
    clock.now += 41  # idle 30 s + countdown 10 s
    kiosk.tick()
    assert kiosk.mode == "attract" and not kiosk.pin_pad.isVisible()
    open_pin_pad(kiosk, qtbot)
    assert kiosk.pin_pad.entry.text() == ""  # the half-typed PIN is gone


def test_typing_a_pin_is_activity(kiosk, qtbot, clock):
    open_pin_pad(kiosk, qtbot)
    assert kiosk.mode == "interactive"  # the exit chord itself is activity
    for digit in "246802":
        clock.now += 15  # slow typing: 90 s in all, more than idle + countdown
        qtbot.keyClick(kiosk.pin_pad.entry, digit)
        clock.now += 15
        kiosk.tick()
        assert kiosk.mode == "interactive" and kiosk.states.countdown_left is None and kiosk.pin_pad.isVisible()
    assert kiosk.pin_pad.entry.text() == "246802"


def test_the_lockout_message_is_whole_and_counts_from_30(kiosk, qtbot, clock):
    open_pin_pad(kiosk, qtbot)
    clock.now = 1021.94888  # 1021.94888 + 30 - 1021.94888 is 29.999999999999886 in floating point
    for _ in range(3):
        qtbot.keyClicks(kiosk.pin_pad.entry, "0000")
        qtbot.keyClick(kiosk.pin_pad.entry, Qt.Key.Key_Return)
    label = kiosk.pin_pad.message
    assert label.text() == kiosk.words["pin_locked"].format(n=30)
    assert label.heightForWidth(label.width()) <= label.height()  # not cut off
    assert kiosk.pin_pad.geometry().contains(label.geometry().translated(kiosk.pin_pad.pos()))
    clock.now += 10
    assert kiosk.try_pin("2468") == (False, kiosk.words["pin_locked"].format(n=20))


def test_heartbeat_file_in_a_config_is_ignored(tmp_path, caplog):
    f = tmp_path / "k.toml"
    f.write_text(f'heartbeat_file = "{tmp_path / "elsewhere"}"\nidle_seconds = 60\n')
    cfg = load_config(f)
    assert cfg.heartbeat_file == "" and cfg.idle_seconds == 60
    assert "heartbeat belongs to kiosk-supervise" in caplog.text
