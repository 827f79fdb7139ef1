"""Okabe-Ito colour-blind-safe palettes: a dark 'screen' profile and a light 'projector' one."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

PALETTES = ("screen", "projector")


@dataclass(frozen=True)
class Palette:
    """Every colour the scene uses, by role (SCENE.md)."""

    name: str
    background_top: QColor
    background_bottom: QColor
    membrane: QColor  # outline of neurons
    cytoplasm: QColor  # fill of neurons
    ink: QColor  # label text
    ink_soft: QColor  # leader lines, secondary text
    vessel_wall: QColor
    vessel_lumen: QColor
    glutamate: QColor
    gaba: QColor
    ketamine: QColor
    ampa: QColor  # AMPA firing and BDNF
    serotonin: QColor
    ssri: QColor
    receptor: QColor  # idle receptor body
    brake: QColor
    badge: QColor  # fill of the "in animals" badge (its text: badge_ink)
    badge_ink: QColor


def _c(hex_code: str, alpha: int = 255) -> QColor:
    col = QColor(hex_code)
    col.setAlpha(alpha)
    return col


SCREEN = Palette(
    "screen",
    background_top=_c("#1B2430"), background_bottom=_c("#111821"),
    membrane=_c("#E8DCCB"), cytoplasm=_c("#3A4350"),
    ink=_c("#F4EFE8"), ink_soft=_c("#AEB6C1"),
    vessel_wall=_c("#C98B8B"), vessel_lumen=_c("#5A2E36"),
    glutamate=_c("#F0E442"), gaba=_c("#56B4E9"), ketamine=_c("#CC79A7"), ampa=_c("#009E73"),
    serotonin=_c("#3A9BDC"), ssri=_c("#D55E00"), receptor=_c("#9AA4B1"), brake=_c("#E69F00"),
    badge=_c("#E69F00"), badge_ink=_c("#111111"),
)

PROJECTOR = Palette(
    "projector",
    background_top=_c("#FBF8F2"), background_bottom=_c("#EFE9DF"),
    membrane=_c("#3B3128"), cytoplasm=_c("#E3D9CB"),
    ink=_c("#15120F"), ink_soft=_c("#5B5249"),
    vessel_wall=_c("#A3505A"), vessel_lumen=_c("#F0C9C9"),
    glutamate=_c("#E69F00"), gaba=_c("#0072B2"), ketamine=_c("#CC79A7"), ampa=_c("#009E73"),
    serotonin=_c("#0072B2"), ssri=_c("#D55E00"), receptor=_c("#6E6A66"), brake=_c("#D55E00"),
    badge=_c("#E69F00"), badge_ink=_c("#111111"),
)


def palette(name: str) -> Palette:
    """The palette called 'screen' or 'projector'."""
    if name not in PALETTES:
        raise ValueError(f"unknown palette '{name}' (use: {', '.join(PALETTES)})")
    return SCREEN if name == "screen" else PROJECTOR


# Window chrome (toolbars, buttons, overlays) of the dark profile; the projector profile keeps the
# system's light chrome.  The kiosk's chrome is dark in either palette.
CHROME = {"window": "#161D26", "kiosk": "#111821", "overlay": "#0E141B", "control": "#263140",
          "control_edge": "#3A4350", "control_on": "#3E5068", "text": "#F4EFE8", "hint": "#F0E442"}
