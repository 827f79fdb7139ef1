"""The supervisor restarts a crashed kiosk and stops when it exits normally."""

import sys

from keta_viz.kiosk.supervise import supervise


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
