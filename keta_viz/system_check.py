"""Before Qt starts on Linux: are the system libraries its xcb plugin needs installed?

Qt's own failure is the cryptic "could not load the Qt platform plugin xcb"; this names the
missing libraries and the command that installs them instead.  Qt-free (ctypes only).
"""

from __future__ import annotations

import ctypes.util
import os
import sys

# soname stem -> Debian/Ubuntu package
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0", "xkbcommon-x11": "libxkbcommon-x11-0", "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1", "xcb-image": "libxcb-image0", "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0", "EGL": "libegl1", "GL": "libgl1", "fontconfig": "libfontconfig1",
    "dbus-1": "libdbus-1-3",
}


def missing_xcb_packages() -> list[str]:
    """Debian package names of the libraries the xcb platform plugin needs but cannot find."""
    return [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]


def display_problem(environ: dict | None = None, platform: str | None = None) -> str | None:
    """A one-paragraph explanation when the window cannot open, else None."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux":
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: the user chose
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return ("No screen found (DISPLAY is not set). Run keta-viz on a desktop session, or under a "
                "virtual screen: xvfb-run keta-viz. Offscreen commands (render, export, bench) need no screen.")
    missing = missing_xcb_packages() if not env.get("WAYLAND_DISPLAY") else []
    if missing:
        return ("Qt needs system libraries that are missing: " + ", ".join(missing) + ".\n"
                "Install them with:  sudo apt-get install -y " + " ".join(missing))
    return None
