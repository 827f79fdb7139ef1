"""A throw-away X server (Xvfb), optionally with a window manager, for kiosk tests; skips without one."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

SIZE = (1280, 800)
APT = "xvfb openbox xdotool x11-utils x11-xserver-utils x11-xkb-utils imagemagick"


def need(*tools: str) -> None:
    """Skip the test, naming what to install, when a tool is missing."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install {APT})")


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """Xvfb on a free display number, answering; (process, ':N'). No reset when the last client
    leaves: a client connecting during a reset is refused."""
    need("Xvfb", "xprop")
    for _attempt in range(3):  # another X server may take the number first: try again
        read, write = os.pipe()
        proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24",
                                 "-nolisten", "tcp", "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        os.close(write)
        ready, _, _ = select.select([read], [], [], 10)
        display = ":" + (os.read(read, 16).decode().strip() if ready else "")
        env = dict(os.environ, DISPLAY=display)
        answers = subprocess.run(["xprop", "-root", "-len", "0"], env=env, capture_output=True).returncode == 0
        os.close(read)
        if answers:
            return proc, display
        proc.kill()
        proc.wait()
    pytest.skip("Xvfb did not start")


def x(display: str, *command: str) -> str:
    """Run an X client on `display`; its standard output."""
    env = dict(os.environ, DISPLAY=display)
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=10).stdout


def start_openbox(display: str, home: Path, config: Path | None = None) -> subprocess.Popen:
    """Openbox with `config`, or stock (its default rc.xml: Super+D, Ctrl+Alt+arrows, four desktops)."""
    need("openbox", "xprop", "xdotool")
    env = dict(os.environ, DISPLAY=display, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    options = ["--config-file", str(config)] if config else []
    proc = subprocess.Popen(["openbox", "--sm-disable", *options], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 10
    while ("window id" not in x(display, "xprop", "-root", "_NET_SUPPORTING_WM_CHECK")
           or "=" not in x(display, "xprop", "-root", "_NET_NUMBER_OF_DESKTOPS")):  # set up its desktops too
        if time.monotonic() > deadline or proc.poll() is not None:
            pytest.skip(f"openbox did not start: {proc.stderr.read() if proc.poll() is not None else 'timeout'}")
        time.sleep(0.05)
    return proc


def start_kiosk(display: str, home: Path, *args: str, env: dict | None = None) -> subprocess.Popen:
    """The real kiosk on `display` (xcb), with its state and config under `home`."""
    env = dict(os.environ, **(env or {}), DISPLAY=display, QT_QPA_PLATFORM="xcb",
               XDG_STATE_HOME=str(home / "state"), XDG_CONFIG_HOME=str(home / "config"))
    return subprocess.Popen([sys.executable, "-m", "keta_viz", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def window_of(display: str, proc: subprocess.Popen, title: str = "Keta Viz", timeout: float = 30) -> str:
    """The X window id of `proc`'s window titled `title`, once it is mapped."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read()
            if "xcb" in err and "plugin" in err:
                pytest.skip(f"Qt's xcb platform plugin cannot load here: {err.strip().splitlines()[-1]}")
            pytest.fail(f"the process exited ({proc.returncode}): {err[-2000:]}")
        found = x(display, "xdotool", "search", "--onlyvisible", "--pid", str(proc.pid), "--name", f"^{title}$")
        if found.split():
            return found.split()[0]
        time.sleep(0.1)
    pytest.fail(f"no window from process {proc.pid} within {timeout} s")


def stop(*procs: subprocess.Popen | None) -> None:
    """Terminate processes started by a test (kill after 5 s)."""
    for proc in procs:
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
