"""kill -9 in the middle of an export: no partial file is visible, the previous file is intact, and a
hidden leftover (file systems without unnamed files) is gone after the next start."""

import os
import signal
import subprocess
import sys
import time

import pytest

START = "import sys, keta_viz.safe_write as w\nw.USE_O_TMPFILE = {unnamed}\nfrom keta_viz.cli import main\nsys.exit(main(sys.argv[1:]))"


@pytest.mark.parametrize("unnamed", [True, False], ids=["unnamed", "hidden-name"])
@pytest.mark.parametrize("kind", ["mp4", "pdf"])
def test_sigkill_leaves_no_partial_file(tmp_path, unnamed, kind):
    folder = tmp_path / "out"
    folder.mkdir()
    dest = folder / f"story.{kind}"
    dest.write_bytes(b"previous export")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "state"))
    args = ["export", "--scenario", "ketamine-iv", "--out", str(dest), "--force"]
    if kind == "mp4":
        args += ["--size", "320x180", "--fps", "30"]
    code = START.format(unnamed=unnamed and hasattr(os, "O_TMPFILE"))
    p = subprocess.Popen([sys.executable, "-c", code, *args], env=env, stderr=subprocess.PIPE, text=True)
    try:
        if kind == "mp4":
            assert "frames" in p.stderr.readline()  # the first progress line: encoding has begun
        else:
            _wait_for_write(p, folder, unnamed)
    finally:
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=30)
    assert p.returncode == -signal.SIGKILL
    assert [f.name for f in folder.iterdir() if not f.name.startswith(".")] == [dest.name]
    assert dest.read_bytes() == b"previous export"
    hidden = [f.name for f in folder.iterdir() if f.name.startswith(".keta-viz-")]
    assert len(hidden) == (0 if unnamed and hasattr(os, "O_TMPFILE") else 1)
    subprocess.run([sys.executable, "-m", "keta_viz", "model", "--list"], env=env, check=True, capture_output=True)
    assert [f.name for f in folder.iterdir()] == [dest.name]


def _wait_for_write(p, folder, unnamed):
    """Until the PDF is being written: an open temporary file (unnamed: a deleted file among its fds)."""
    for _ in range(600):
        if unnamed:
            if any(str(folder) in link and "(deleted)" in link for link in _open_files(p.pid)):
                return
        elif any(f.name.startswith(".keta-viz-") and f.stat().st_size > 0 for f in folder.iterdir()):
            return
        time.sleep(0.01)
    pytest.fail("the export never started writing")


def _open_files(pid):
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            yield os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            pass
