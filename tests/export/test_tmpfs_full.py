"""The issue's headline case on a real full disk: a small tmpfs in a private mount namespace (needs root
and unshare; skipped with the reason otherwise).  The PDF export fails with one line, the previous
handout stays byte for byte, nothing else is left."""

import json
import os
import shutil
import subprocess
import sys

import pytest

INSIDE = """import json, os, subprocess, sys, contextlib, io
folder, unnamed = sys.argv[1], sys.argv[2] == "1"
if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", folder]).returncode:
    sys.exit(77)
import keta_viz.safe_write as w
w.USE_O_TMPFILE = unnamed and w.USE_O_TMPFILE
from keta_viz.cli import main
dest = os.path.join(folder, "handout.pdf")
with open(dest, "wb") as f:
    f.write(b"%PDF- the previous handout")
err, out = io.StringIO(), io.StringIO()
with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
    code = main(["export", "--scenario", "ketamine-iv", "--out", dest, "--force"])
print(json.dumps({"code": code, "err": err.getvalue(), "out": out.getvalue(),
                  "previous": open(dest, "rb").read().decode(), "files": sorted(os.listdir(folder))}))
"""


@pytest.mark.parametrize("unnamed", ["1", "0"], ids=["unnamed", "hidden-name"])
def test_pdf_on_a_full_tmpfs(tmp_path, unnamed):
    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("a tmpfs needs root and unshare here; tests/test_full_disk.py covers every writer with RLIMIT_FSIZE")
    (tmp_path / "mnt").mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "state"))
    run = subprocess.run(["unshare", "-m", "--propagation", "private", sys.executable, "-c", INSIDE,
                          str(tmp_path / "mnt"), unnamed], env=env, capture_output=True, text=True, timeout=120)
    if run.returncode == 77 or "unshare failed" in run.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {run.stderr.strip()[:200]}")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["code"] == 2 and "wrote" not in result["out"]
    err = result["err"]  # Qt truncates silently; the trailer check (or fsync) says so
    assert err.count("\n") == 1 and "handout.pdf" in err and ("incomplete" in err or "No space left" in err)
    assert result["previous"] == "%PDF- the previous handout"
    assert result["files"] == ["handout.pdf"]
