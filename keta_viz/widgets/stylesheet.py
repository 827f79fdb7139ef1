"""The one application stylesheet, generated from the palette (no colour is written anywhere else)."""

from __future__ import annotations

from ..scene.palette import CHROME, FOCUS

FOCUSABLE = ("QToolButton", "QComboBox", "QPushButton", "QAbstractScrollArea")


def focus_stylesheet(palette_name: str) -> str:
    """A visible ring around whichever control has the keyboard focus."""
    return " ".join(f"{kind}:focus {{ border:2px solid {FOCUS[palette_name]} }}" for kind in FOCUSABLE)


def application_stylesheet(palette_name: str) -> str:
    """The consult window's chrome: dark on the 'screen' palette, the system's on 'projector'."""
    c = CHROME
    sheet = f"QWidget#black-screen {{ background:{c['blank']} }} {focus_stylesheet(palette_name)}"
    if palette_name == "screen":
        sheet += (f" QMainWindow, QWidget {{ background:{c['window']}; color:{c['text']} }}"
                  f" QToolButton, QComboBox {{ background:{c['control']}; border:1px solid {c['control_edge']};"
                  f" padding:4px }} QToolButton:checked {{ background:{c['control_on']} }}")
    return sheet


def kiosk_stylesheet() -> str:
    """The kiosk's chrome: dark, large type, round touch buttons; overlays opaque."""
    c = CHROME
    return (f"QWidget {{ background:{c['kiosk']}; color:{c['text']} }}"
            f" QPushButton {{ background:{c['control']}; border:2px solid {c['control_edge']}; border-radius:10px;"
            " font-size:24px; padding:8px }"
            f" QWidget#pin-pad, QWidget#pin-pad * {{ background:{c['overlay']}; font-size:22px }}"
            f" QLabel#countdown {{ font-size:48px; background:{c['control']}; padding:30px; border-radius:16px }}"
            f" QLabel#hint {{ font-size:30px; color:{c['hint']} }}")  # no focus ring: the kiosk takes no keys
