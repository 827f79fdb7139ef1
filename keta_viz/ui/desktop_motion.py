"""The desktop's reduce-motion preference, read where it can be read reliably without new
dependencies: Qt itself (QAccessibilityHints.motionPreference, Qt 6.12 and later), else the
platform's own setting -- GNOME's `enable-animations` (gsettings), Windows' client-area
animation switch (SPI_GETCLIENTAREAANIMATION), macOS's Reduce motion (the universalaccess
defaults).  None when the desktop says nothing; the View menu's explicit choice always wins
(ui/view_settings.py).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys

log = logging.getLogger("keta_viz.motion")
PROBE_TIMEOUT_S = 2.0
SPI_GETCLIENTAREAANIMATION = 0x1042


def _run(*command: str) -> str | None:
    """A setting tool's one-line answer, or None when it is absent, fails or hangs."""
    if not shutil.which(command[0]):
        return None
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("motion preference: %s unreadable (%s)", command[0], exc)
        return None
    return done.stdout.strip().lower() if done.returncode == 0 else None


def from_qt() -> bool | None:
    """True when Qt reports reduced motion (Qt >= 6.12); None when it cannot say."""
    from PySide6.QtGui import QGuiApplication

    hints = QGuiApplication.styleHints().accessibility() if QGuiApplication.instance() else None
    read = getattr(hints, "motionPreference", None)
    if read is None:
        return None
    return True if "reduce" in getattr(read(), "name", "").lower() else None


def from_gnome() -> bool | None:
    """GNOME (and desktops that share its settings): animations switched off.  Asked only in a
    desktop session: elsewhere (a kiosk's bare X server, a build machine) there is no such
    setting, and asking would leave a dconf cache in the user's home."""
    if not (os.environ.get("XDG_CURRENT_DESKTOP") or os.environ.get("DESKTOP_SESSION")):
        return None
    answer = _run("gsettings", "get", "org.gnome.desktop.interface", "enable-animations")
    return {"false": True, "true": False}.get(answer or "")


def from_windows() -> bool | None:
    """Windows: 'Show animations in Windows' switched off."""
    import ctypes

    on = ctypes.c_int(1)
    if not ctypes.windll.user32.SystemParametersInfoW(SPI_GETCLIENTAREAANIMATION, 0, ctypes.byref(on), 0):
        return None
    return not on.value


def from_macos() -> bool | None:
    """macOS: Accessibility > Display > Reduce motion."""
    answer = _run("defaults", "read", "com.apple.universalaccess", "reduceMotion")
    return {"1": True, "0": False}.get(answer or "")


PLATFORM_PROBES = {"linux": from_gnome, "win32": from_windows, "darwin": from_macos}


def desktop_prefers_reduced_motion() -> bool | None:
    """True when the desktop asks for reduced motion, False when it asks for animation, None
    when it says nothing that can be read."""
    if from_qt():
        return True
    probe = PLATFORM_PROBES.get("linux" if sys.platform.startswith(("linux", "freebsd")) else sys.platform)
    try:
        return probe() if probe else None
    except (OSError, AttributeError, ValueError) as exc:  # an unexpected platform answer: say nothing
        log.info("motion preference unreadable: %s", exc)
        return None
