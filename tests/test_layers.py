"""The layers of docs/architecture.md hold: `lint-imports` checks the contracts in pyproject.toml."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lint_imports(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    return subprocess.run([exe, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_every_layer_contract_is_kept():
    out = lint_imports("--no-cache")
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "BROKEN" not in out.stdout and "KEPT" in out.stdout


def test_a_violation_breaks_the_build():
    """A model module that imports Qt and the scene (a higher layer) is reported."""
    config = (ROOT / "pyproject.toml").read_text()
    bad = ROOT / "keta_viz" / "model" / "_layer_probe.py"
    bad.write_text("import PySide6.QtCore\nfrom keta_viz.scene import layout\n")
    try:
        out = lint_imports("--config", str(ROOT / "pyproject.toml"), "--no-cache")
    finally:
        bad.unlink()
    assert out.returncode != 0
    assert "keta_viz.model._layer_probe" in out.stdout and "BROKEN" in out.stdout
    assert config == (ROOT / "pyproject.toml").read_text()
