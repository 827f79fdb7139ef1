"""Every writer on a full disk (a real one: RLIMIT_FSIZE in a subprocess makes writes fail with EFBIG):
non-zero exit or False with one line, never "wrote", the previous file byte-identical, no leftover."""

import os
import subprocess
import sys

import pytest

PREVIOUS = b"the clinician's previous file\n" * 40
RUN = """import resource, sys
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
{body}
"""
CLI = "from keta_viz.cli import main\nsys.exit(main(sys.argv[1:]))"
SETTINGS = """from PySide6.QtCore import QByteArray
from keta_viz.ui.settings import Preferences, save_preferences
sys.exit(0 if save_preferences(Preferences(geometry=QByteArray(b"g" * 4000))) else 1)"""
HEARTBEAT = """from keta_viz.safe_write import WriteError, write_text
try:
    write_text(sys.argv[1], "1234567890\\n" * 100)
except WriteError as exc:
    sys.exit(f"keta-viz: error: {exc}")"""
SMALL = ["--scenario", "ketamine-iv", "--size", "320x180", "--force"]
VIDEO = ["--from", "0", "--to", "5min", "--fps", "5"]
CASES = {  # name: (file, limit in bytes, body, arguments with OUT for the destination, stdin)
    "png": ("s.png", 2000, CLI, ["export", *SMALL, "--out", "OUT"], ""),
    "render": ("r.png", 2000, CLI, ["render", *SMALL, "--out", "OUT"], ""),
    "pdf": ("h.pdf", 20000, CLI, ["export", "--scenario", "ketamine-iv", "--force", "--out", "OUT"], ""),
    "mp4": ("v.mp4", 2000, CLI, ["export", *SMALL, *VIDEO, "--out", "OUT"], ""),
    "gif": ("v.gif", 2000, CLI, ["export", *SMALL, *VIDEO, "--out", "OUT"], ""),
    "csv": ("t.csv", 2000, CLI, ["model", "--scenario", "ketamine-iv", "--csv", "OUT"], ""),
    "pin": ("kiosk.toml", 100, CLI, ["kiosk-pin", "--config", "OUT"], "2468\n"),
    "heartbeat": ("heartbeat", 500, HEARTBEAT, ["OUT"], ""),
    "settings": ("KetaViz/keta-viz.ini", 500, SETTINGS, [], ""),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """Run every case at once (they are independent) and collect what each left behind."""
    procs = {}
    for name, (file, limit, body, args, stdin) in CASES.items():
        folder = tmp_path_factory.mktemp(name)
        dest = folder / file
        dest.parent.mkdir(exist_ok=True)
        dest.write_bytes(PREVIOUS)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(folder),
                   XDG_STATE_HOME=str(folder / "state"), XDG_RUNTIME_DIR=str(folder))
        os.chmod(folder, 0o700)
        code = RUN.format(limit=limit, body=body)
        argv = [str(dest) if a == "OUT" else a for a in args]
        (folder / "stdin").write_text(stdin)
        with open(folder / "stdin") as feed:
            procs[name] = (dest, subprocess.Popen([sys.executable, "-c", code, *argv], env=env, cwd=folder, text=True,
                                                  stdin=feed, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    out = {}
    for name, (dest, p) in procs.items():
        stdout, stderr = p.communicate(timeout=120)
        out[name] = (dest, p.returncode, stdout, stderr)
    return out


@pytest.mark.parametrize("name", list(CASES))
def test_writer_on_a_full_disk_fails_loudly_and_keeps_the_old_file(results, name):
    dest, code, stdout, stderr = results[name]
    errors = [ln for ln in stderr.splitlines() if not ln.startswith("[")]  # [####] progress lines aside
    assert code != 0, (stdout, stderr)
    assert "wrote" not in stdout and "stored" not in stdout and "Traceback" not in stderr
    if name == "settings":
        assert len(errors) == 1 and "could not be saved" in errors[0], stderr
    else:
        assert len(errors) == 1 and errors[0].startswith("keta-viz: error:") and dest.name in errors[0], stderr
    assert dest.read_bytes() == PREVIOUS
    assert sorted(p.name for p in dest.parent.iterdir() if p.name not in ("state", "stdin", "KetaViz")) == [dest.name]
