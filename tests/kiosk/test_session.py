"""The locked-down session in packaging/: the X session script and the openbox config run under
Xvfb, the system unit checked by systemd-analyze (each skipped without its tools)."""

import os
import subprocess
import time
from pathlib import Path

from xserver import need, start_openbox, start_xvfb, stop, x

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def test_the_session_blacks_the_root_turns_blanking_off_and_runs_the_supervisor(tmp_path):
    fake = tmp_path / "keta-viz"
    fake.write_text(f'#!/bin/sh\necho "$@" > {tmp_path / "args"}\n')
    fake.chmod(0o755)
    need("xsetroot", "xset", "setxkbmap")
    xvfb, display = start_xvfb()
    try:
        x(display, "xsetroot", "-solid", "magenta")
        env = dict(os.environ, DISPLAY=display, KETA_VIZ=str(fake))
        subprocess.run(["sh", str(PACKAGING / "keta-viz-kiosk-session")], env=env, timeout=30, check=True)
        assert (tmp_path / "args").read_text().split() == ["kiosk-supervise"]
        settings = x(display, "xset", "q")
        assert "timeout:  0" in settings and "prefer blanking:  no" in settings
        assert "DPMS is Enabled" not in settings  # Xvfb has no DPMS; a real server has it disabled
        need("import")
        x(display, "import", "-window", "root", "-resize", "8x8!", "-depth", "8", str(tmp_path / "root.txt"))
        pixels = [ln for ln in (tmp_path / "root.txt").read_text().splitlines() if not ln.startswith("#")]
        assert pixels and all("(0,0,0)" in ln for ln in pixels)  # black, not a desktop colour
    finally:
        stop(xvfb)


def test_the_openbox_config_has_no_menu_no_show_desktop_and_one_desktop(tmp_path):
    xvfb, display = start_xvfb()
    wm = None
    try:
        wm = start_openbox(display, tmp_path, PACKAGING / "openbox-kiosk-rc.xml")
        assert x(display, "xdotool", "get_num_desktops").strip() == "1"
        shown = x(display, "xdotool", "search", "--onlyvisible", "--name", "")
        x(display, "xdotool", "mousemove", "100", "100", "click", "3")  # stock openbox: the root menu
        x(display, "xdotool", "key", "super+d", "ctrl+alt+Right", "alt+space")
        time.sleep(0.5)
        assert x(display, "xdotool", "search", "--onlyvisible", "--name", "") == shown  # no menu appeared
        assert x(display, "xdotool", "get_desktop").strip() == "0"
        assert x(display, "xprop", "-root", "_NET_SHOWING_DESKTOP").strip().endswith("= 0")
    finally:
        stop(wm, xvfb)


def test_the_session_unit_is_valid_systemd(tmp_path):
    need("systemd-analyze", "xinit")
    unit = tmp_path / "keta-viz-kiosk-x@root.service"  # an instance, as systemctl would start it
    unit.write_text((PACKAGING / "keta-viz-kiosk-x@.service").read_text())
    result = subprocess.run(["systemd-analyze", "verify", "--man=no", str(unit)], capture_output=True, text=True)
    complaints = [ln for ln in result.stderr.splitlines() if unit.name in ln]  # e.g. "Unknown key"
    assert result.returncode == 0 and not complaints, result.stderr
