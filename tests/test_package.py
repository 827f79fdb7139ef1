"""The offline bundle builds from this checkout, and the frozen app passes its own selftest."""

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle")]


def _no_network_prefix() -> list[str]:
    """`unshare -rn` runs a command with no network at all, where user namespaces are allowed."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    return []


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist),
                             "--work", str(tmp_path_factory.mktemp("work"))],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return dist, result.stdout


def test_bundle_builds_passes_selftest_and_reports_its_size(bundle, capsys):
    dist, log = bundle
    folder = dist / "keta-viz"
    assert "selftest: all checks passed" in log
    size_line = next(line for line in log.splitlines() if "MB unpacked" in line)
    with capsys.disabled():
        print(f"\n[bundle] {size_line}")
    mb = int(size_line.rsplit(" is ", 1)[1].split()[0])
    assert 50 < mb < 400  # a sanity range; the target (150 MB) and the measured size are in README
    for extra in ("keta-viz.desktop", "install-linux.sh", "icons/keta-viz.svg", "icons/keta-viz-256.png"):
        assert (folder / extra).is_file(), extra
    assert not list(folder.rglob("libQt6Network*")) and not list(folder.rglob("*WebEngine*"))
    (tarball,) = dist.glob("keta-viz-*-linux-*.tar.gz")
    with tarfile.open(tarball) as tar:
        assert "keta-viz/keta-viz" in tar.getnames()


def test_frozen_app_runs_offline_and_writes_only_where_asked(bundle, tmp_path):
    dist, _ = bundle
    exe = dist / "keta-viz" / "keta-viz"
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "LANG": "C.UTF-8"}
    prefix = _no_network_prefix()
    run = subprocess.run([*prefix, str(exe), "selftest"], env=env, cwd=tmp_path, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "selftest: all checks passed" in run.stdout
    out = tmp_path / "frame.png"
    run = subprocess.run([*prefix, str(exe), "render", "--scenario", "ketamine-iv", "--at", "2h", "--size",
                          "640x360", "--out", str(out)], env=env, cwd=tmp_path, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = subprocess.run([str(exe), "model", "--scenario", "nope"], env=env, capture_output=True, text=True)
    assert bad.returncode == 2 and "nope" in bad.stderr and "Traceback" not in bad.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["frame.png", "home"]
    assert list(home.rglob("*")) == []  # nothing written to the user's folders by these commands
    if not prefix:
        pytest.skip("ran with the network present: this machine does not allow `unshare -rn`")


def test_linux_installer_puts_command_menu_entry_and_icons_in_place(bundle, tmp_path):
    dist, _ = bundle
    prefix = tmp_path / "prefix"
    run = subprocess.run(["sh", str(dist / "keta-viz" / "install-linux.sh")], env={**os.environ, "PREFIX": str(prefix)},
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    desktop = (prefix / "share" / "applications" / "keta-viz.desktop").read_text()
    assert f"Exec={prefix}/opt/keta-viz/keta-viz" in desktop and "Icon=keta-viz" in desktop
    for size in (16, 48, 256, 512):
        assert (prefix / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "keta-viz.png").is_file()
    listing = subprocess.run([str(prefix / "bin" / "keta-viz"), "model", "--list"], capture_output=True, text=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert listing.returncode == 0 and "ketamine-iv" in listing.stdout
