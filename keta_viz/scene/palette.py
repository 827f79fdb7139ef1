"""Every colour of Keta Viz: Okabe-Ito colour-blind-safe palettes, a dark 'screen' profile and a
light 'projector' one, plus the chrome, plot, pen and handout colours.

Importing this module loads no Qt (the kiosk config and settings validate palette names with
PALETTES); `palette(name)` builds the QColor palette the scene draws with.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QColor

PALETTES = ("screen", "projector")

HEX = {
    "screen": dict(
        background_top="#1B2430", background_bottom="#111821", membrane="#E8DCCB", cytoplasm="#3A4350",
        ink="#F4EFE8", ink_soft="#AEB6C1", vessel_wall="#C98B8B", vessel_lumen="#5A2E36",
        glutamate="#F0E442", gaba="#56B4E9", ketamine="#CC79A7", ampa="#009E73", serotonin="#3A9BDC",
        ssri="#D55E00", receptor="#9AA4B1", brake="#E69F00", badge="#E69F00", badge_ink="#111111"),
    "projector": dict(
        background_top="#FBF8F2", background_bottom="#EFE9DF", membrane="#3B3128", cytoplasm="#E3D9CB",
        ink="#15120F", ink_soft="#5B5249", vessel_wall="#A3505A", vessel_lumen="#F0C9C9",
        glutamate="#E69F00", gaba="#0072B2", ketamine="#CC79A7", ampa="#009E73", serotonin="#0072B2",
        ssri="#D55E00", receptor="#6E6A66", brake="#D55E00", badge="#E69F00", badge_ink="#111111"),
}

# Window chrome (toolbars, buttons, overlays) of the dark profile; the projector profile keeps the
# system's light chrome.  The kiosk's chrome is dark in either palette.
CHROME = {"window": "#161D26", "kiosk": "#111821", "overlay": "#0E141B", "control": "#263140",
          "control_edge": "#3A4350", "control_on": "#3E5068", "text": "#F4EFE8", "hint": "#F0E442",
          "blank": "#000000"}
# Plot curves by series (seen on both palettes), the two compared sides (plots and scrubber),
# a curve with no colour of its own.
SERIES = {"plasma_ng_per_ml": "#CC79A7", "nmda_block": "#CC79A7", "glutamate": "#E69F00", "ampa": "#009E73",
          "bdnf": "#56B4E9", "spine_density": "#F0E442", "relief": "#009E73", "sert_occupancy": "#D55E00",
          "serotonin": "#0072B2", "autoreceptor_brake": "#E69F00", "dissociation": "#D55E00"}
# On the light projector ground Okabe-Ito yellow all but vanishes (1.3:1): its curves darken there.
SERIES_ON_LIGHT = {"spine_density": "#8A7800"}
SIDES = ("#E69F00", "#56B4E9")
# The keyboard focus ring, by the palette of the chrome around it (dark 'screen', light 'projector').
FOCUS = {"screen": "#F0E442", "projector": "#0072B2"}
UNNAMED_SERIES = "#999999"
PEN = ("#D55E00", "#CC79A7", "#0072B2", "#009E73")  # seen on both palettes
# The printed handout (white paper) and the science pages' "in animals" mark (any palette).
PAPER = {"ink": "#15120F", "soft": "#5B5249", "relief": "#009E73", "stages": "#E69F00"}
ABOUT_BADGE = {"fill": "#F3D38C", "ink": "#15120F"}


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


def series_colour(name: str, palette_name: str) -> str:
    """A plot curve's colour on this palette's ground."""
    light = SERIES_ON_LIGHT if palette_name == "projector" else {}
    return light.get(name) or SERIES.get(name, UNNAMED_SERIES)


@lru_cache(maxsize=len(PALETTES))
def palette(name: str) -> Palette:
    """The palette called 'screen' or 'projector'."""
    if name not in PALETTES:
        raise ValueError(f"unknown palette '{name}' (use: {', '.join(PALETTES)})")
    from PySide6.QtGui import QColor

    roles = HEX[name]
    return Palette(name, **{f.name: QColor(roles[f.name]) for f in fields(Palette) if f.name != "name"})
