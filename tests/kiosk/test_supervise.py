"""The supervisor restarts a crashed or hung kiosk, owns the heartbeat, survives file problems,
keeps the black cover underneath and stops everything on SIGTERM."""

import logging
import os
import signal
import subprocess
import sys
import time
from types import SimpleNamespace

from keta_viz.kiosk.run import COVER_ENV, HEARTBEAT_ENV, kiosk_config
from keta_viz.kiosk.supervise import supervise

BEATER = """
import os, pathlib, sys, time
beat = pathlib.Path(os.environ["KETA_VIZ_HEARTBEAT"])
pathlib.Path(sys.argv[1]).write_text(str(beat))
t0, deleted = time.monotonic(), False
while time.monotonic() - t0 < float(sys.argv[2]):
    if sys.argv[3] == "delete" and not deleted and time.monotonic() - t0 > 0.3:
        beat.unlink()
        deleted = True
        time.sleep(60 if sys.argv[4] == "hang" else 0.3)
    beat.write_text("beat")
    time.sleep(0.05)
"""


def test_restarts_after_crashes_then_stops(tmp_path):
    counter = tmp_path / "runs"
    script = (f"import pathlib,sys; p=pathlib.Path({str(counter)!r}); n=int(p.read_text()) if p.exists() else 0;"
              "p.write_text(str(n+1)); sys.exit(0 if n >= 2 else 3)")
    code = supervise([sys.executable, "-c", script], tmp_path / "beat", max_restarts=5, poll_s=0.05)
    assert code == 0 and counter.read_text() == "3"


def test_kills_a_hung_child(tmp_path):
    code = supervise([sys.executable, "-c", "import time; time.sleep(60)"], tmp_path / "beat",
                     max_restarts=0, stale_after=0.3, poll_s=0.05)
    assert code == 1


def test_a_deleted_heartbeat_is_no_crash(tmp_path):
    used = tmp_path / "used"
    # The file disappears and the kiosk goes on beating: nothing happens.
    code = supervise([sys.executable, "-c", BEATER, str(used), "1.2", "delete", "beat-on"], tmp_path / "beat",
                     max_restarts=0, stale_after=0.6, poll_s=0.05)
    assert code == 0 and used.read_text() == str(tmp_path / "beat")
    # The file disappears and the kiosk stops beating: a hang, noticed, no crash.
    t0 = time.monotonic()
    code = supervise([sys.executable, "-c", BEATER, str(used), "5", "delete", "hang"], tmp_path / "beat",
                     max_restarts=0, stale_after=0.6, poll_s=0.05)
    assert code == 1 and time.monotonic() - t0 < 4


def test_an_unusable_heartbeat_path_falls_back_to_a_temporary_one(tmp_path, caplog):
    (tmp_path / "a-file").write_text("not a folder")
    used = tmp_path / "used"
    wanted = tmp_path / "a-file" / "beat"
    with caplog.at_level(logging.ERROR):
        code = supervise([sys.executable, "-c", BEATER, str(used), "0.5", "keep", "-"], wanted,
                         max_restarts=0, stale_after=0.6, poll_s=0.05)
    assert code == 0 and used.read_text() != str(wanted) and "unusable" in caplog.text


def test_one_heartbeat_path_the_supervisors(tmp_path, monkeypatch):
    config = tmp_path / "kiosk.toml"
    config.write_text(f'heartbeat_file = "{tmp_path / "from-config"}"\nmystery = 1\n')
    monkeypatch.setenv(HEARTBEAT_ENV, str(tmp_path / "from-supervisor"))
    cfg, held = kiosk_config(SimpleNamespace(config=str(config), screen=None))
    assert cfg.heartbeat_file == str(tmp_path / "from-supervisor")
    messages = [r.getMessage() for r in held]  # logged once the kiosk log is open
    assert any("heartbeat_file" in m for m in messages) and any("mystery" in m for m in messages)


def test_the_cover_runs_underneath_and_stops_with_the_kiosk(tmp_path):
    cover_pid = tmp_path / "cover.pid"
    script = (f"import os, pathlib, sys, time; p = pathlib.Path({str(cover_pid)!r})\n"
              f"if os.environ.get({COVER_ENV!r}):\n    p.write_text(str(os.getpid())); time.sleep(60)\n"
              "t0 = time.monotonic()\nwhile not p.exists() and time.monotonic() - t0 < 10: time.sleep(0.05)\n"
              "sys.exit(0 if p.exists() else 5)")
    code = supervise([sys.executable, "-c", script], tmp_path / "beat", cover=True, max_restarts=0, poll_s=0.05)
    assert code == 0
    pid = int(cover_pid.read_text())
    assert not os.path.exists(f"/proc/{pid}") or "zombie" in open(f"/proc/{pid}/status").read()


def test_sigterm_stops_the_supervisor_and_the_kiosk(tmp_path):
    child_pid = tmp_path / "child.pid"
    child = f"import os, pathlib, time; pathlib.Path({str(child_pid)!r}).write_text(str(os.getpid())); time.sleep(60)"
    runner = (f"import sys; from pathlib import Path; from keta_viz.kiosk.supervise import supervise; "
              f"sys.exit(supervise([sys.executable, '-c', {child!r}], Path({str(tmp_path / 'beat')!r})))")
    sup = subprocess.Popen([sys.executable, "-c", runner])
    try:
        deadline = time.monotonic() + 20
        while not child_pid.exists():
            assert time.monotonic() < deadline and sup.poll() is None
            time.sleep(0.05)
        sup.send_signal(signal.SIGTERM)
        assert sup.wait(10) == 0
        assert not os.path.exists(f"/proc/{int(child_pid.read_text())}")
    finally:
        if sup.poll() is None:
            sup.kill()
