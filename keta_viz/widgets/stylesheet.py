"""The one application stylesheet, generated from the palette (no colour is written anywhere else)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ..scene.palette import FOCUS, chrome

FOCUSABLE = ("QToolButton", "QComboBox", "QPushButton", "QAbstractScrollArea", "QTabBar::tab")  # a tab bar: its current tab


def chrome_points() -> float:
    """The chrome's type size at 100 %: the application's font (9 pt when it has none in points)."""
    size = QApplication.font().pointSizeF()
    return size if size > 0 else 9.0


def focus_stylesheet(palette_name: str) -> str:
    """A visible ring around whichever control has the keyboard focus (a frameless scroll area, the
    narration or the plots, keeps a clear edge of the ring's width for it)."""
    edge = 'QAbstractScrollArea[frameShape="NoFrame"] { border:2px solid transparent } '
    return edge + " ".join(f"{kind}:focus {{ border:2px solid {FOCUS[palette_name]} }}" for kind in FOCUSABLE)


def _dark_chrome(c: dict[str, str], edge_px: int) -> str:
    """Dark ground, light text, edged controls; a control that is on takes the 'on' colours."""
    return (f" QMainWindow, QWidget {{ background:{c['window']}; color:{c['text']} }}"
            f" QToolButton, QComboBox {{ background:{c['control']}; border:{edge_px}px solid {c['control_edge']};"
            f" padding:4px }} QToolButton:checked {{ background:{c['control_on']}; color:{c['text_on']} }}")


def _contrast_extras(c: dict[str, str]) -> str:
    """High contrast: push buttons edged like the rest, the chosen menu entry or list row in the
    'on' colours, tooltips black with a white edge."""
    return (f" QPushButton {{ background:{c['control']}; border:2px solid {c['control_edge']}; padding:4px }}"
            f" QPushButton:checked {{ background:{c['control_on']}; color:{c['text_on']} }}"
            f" QMenuBar::item:selected, QMenu::item:selected, QAbstractItemView::item:selected"
            f" {{ background:{c['control_on']}; color:{c['text_on']} }}"
            f" QToolTip {{ background:{c['overlay']}; color:{c['text']}; border:1px solid {c['control_edge']} }}")


def application_stylesheet(palette_name: str, text_scale: float = 1.0) -> str:
    """The consult window's chrome: dark on 'screen', black with white-edged controls on
    'contrast', the system's on 'projector'; its type scaled by the text-size setting."""
    sheet = f"QWidget#black-screen {{ background:{chrome(palette_name)['blank']} }} {focus_stylesheet(palette_name)}"
    if palette_name != "projector":
        sheet += _dark_chrome(chrome(palette_name), 2 if palette_name == "contrast" else 1)
    if palette_name == "contrast":
        sheet += _contrast_extras(chrome(palette_name))
    if text_scale != 1.0:
        sheet += f" QWidget {{ font-size:{round(chrome_points() * text_scale, 1):g}pt }}"
    return sheet


def kiosk_stylesheet(palette_name: str = "screen") -> str:
    """The kiosk's chrome: dark (black on 'contrast'), large type, round touch buttons; overlays opaque."""
    c = chrome(palette_name)
    edge = 3 if palette_name == "contrast" else 2
    return (f"QWidget {{ background:{c['kiosk']}; color:{c['text']} }}"
            f" QPushButton {{ background:{c['control']}; border:{edge}px solid {c['control_edge']}; border-radius:10px;"
            " font-size:24px; padding:8px }"
            f" QWidget#pin-pad, QWidget#pin-pad * {{ background:{c['overlay']}; font-size:22px }}"
            f" QWidget#pin-pad {{ border:2px solid {c['control_edge']}; border-radius:12px }}"
            f" QLabel#countdown {{ font-size:48px; background:{c['control']}; padding:30px; border-radius:16px }}"
            f" QLabel#hint {{ font-size:30px; color:{c['hint']} }}")  # no focus ring: the kiosk takes no keys
