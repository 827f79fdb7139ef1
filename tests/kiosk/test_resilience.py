"""The kiosk logs a failing handler and carries on; the real process starts, logs (config warnings
included) and runs."""

import logging
import os
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QPoint, Qt

from keta_viz.kiosk.run import log_exceptions


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_handler_is_logged_and_the_kiosk_carries_on(kiosk, qtbot, clock, caplog, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", log_exceptions)

    def broken(index):
        raise RuntimeError("stage button exploded")

    monkeypatch.setattr(kiosk.session, "jump_to_stage", broken)
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    with caplog.at_level(logging.ERROR, logger="keta_viz.kiosk"):
        qtbot.mouseClick(kiosk.stage_buttons[2], Qt.MouseButton.LeftButton)
    assert "unhandled exception" in caplog.text and "stage button exploded" in caplog.text
    assert kiosk.isVisible()
    t0 = kiosk.playhead.t
    for _ in range(30):
        clock.now += 1 / 60
        kiosk.tick()
    assert kiosk.playhead.t > t0  # still playing
    qtbot.mouseClick(kiosk.buttons["ssri"], Qt.MouseButton.LeftButton)
    assert kiosk.session.timelines[0].scenario.family == "ssri"


def test_the_kiosk_process_starts_full_screen_and_logs(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    log_file = tmp_path / "state" / "keta-viz" / "kiosk.log"
    (tmp_path / "config" / "keta-viz").mkdir(parents=True)
    (tmp_path / "config" / "keta-viz" / "kiosk.toml").write_text("mystery = 1\nidle_seconds = 2\n")
    proc = subprocess.Popen([sys.executable, "-m", "keta_viz", "--kiosk"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and "kiosk started" not in (
                log_file.read_text() if log_file.exists() else ""):
            assert proc.poll() is None, "the kiosk exited"
            time.sleep(0.2)
        text = log_file.read_text()
        assert "kiosk started" in text
        assert "no operator PIN configured" in text  # the operator is told how to stop it
        # Config warnings come before the log is open; they are held and written to it.
        assert "unknown field 'mystery'" in text and "field 'idle_seconds' must be" in text
        time.sleep(1.0)
        assert proc.poll() is None  # running, not waiting on anything
    finally:
        proc.terminate()
        proc.wait(timeout=10)
