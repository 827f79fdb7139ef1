"""Every colour of Keta Viz: Okabe-Ito colour-blind-safe palettes -- a dark 'screen' profile, a
light 'projector' one and a high-'contrast' one (black ground, white and yellow ink, saturated
particles, thick outlines) -- plus the chrome, plot, pen and handout colours.

Importing this module loads no Qt (the kiosk config and settings validate palette names with
PALETTES); `palette(name)` builds the QColor palette the scene draws with.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QColor

PALETTES = ("screen", "projector", "contrast")

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
    "contrast": dict(
        background_top="#000000", background_bottom="#000000", membrane="#FFFFFF", cytoplasm="#1F1F1F",
        ink="#FFFFFF", ink_soft="#FFE600", vessel_wall="#FF5C5C", vessel_lumen="#3D0010",
        glutamate="#FFF000", gaba="#33C3FF", ketamine="#FF4FD8", ampa="#00E68A", serotonin="#4DA3FF",
        ssri="#FF7A00", receptor="#E0E0E0", brake="#FFB000", badge="#FFD000", badge_ink="#000000"),
}

# Window chrome (toolbars, buttons, overlays) of the dark profile; the projector profile keeps the
# system's light chrome.  The kiosk's chrome is dark in either palette.
CHROME = {"window": "#161D26", "kiosk": "#111821", "overlay": "#0E141B", "control": "#263140",
          "control_edge": "#3A4350", "control_on": "#3E5068", "text": "#F4EFE8", "hint": "#F0E442",
          "blank": "#000000"}
# The 'contrast' palette's chrome (window and kiosk alike): black, white text, white-edged
# controls; a control that is on turns yellow with black text (text_on).
CONTRAST_CHROME = {"window": "#000000", "kiosk": "#000000", "overlay": "#000000", "control": "#000000",
                   "control_edge": "#FFFFFF", "control_on": "#FFE600", "text": "#FFFFFF", "text_on": "#000000",
                   "hint": "#FFE600", "blank": "#000000"}
# Plot curves by series, on every palette unless SERIES_ON gives the palette its own.
SERIES = {"plasma_ng_per_ml": "#CC79A7", "nmda_block": "#CC79A7", "glutamate": "#E69F00", "ampa": "#009E73",
          "bdnf": "#56B4E9", "spine_density": "#F0E442", "relief": "#009E73", "sert_occupancy": "#D55E00",
          "serotonin": "#0072B2", "autoreceptor_brake": "#E69F00", "dissociation": "#D55E00"}
# What the plots are drawn on, by palette: every curve there is at least 3:1 (WCAG 1.4.11).
PLOT_GROUND = {"screen": CHROME["window"], "projector": "#FBF8F2", "contrast": "#000000"}
# Curves whose colour changes on a palette's ground (else SERIES).  On the light projector ground
# Okabe-Ito yellow, orange, sky blue and reddish purple wash out (1.3-2.9:1): the same hues,
# darker; its blue goes deeper so it still parts from the darker sky blue.  On the black
# 'contrast' ground: the same hues, bright and saturated.
SERIES_ON = {
    "projector": {"spine_density": "#8A7800", "plasma_ng_per_ml": "#BD5F94", "nmda_block": "#BD5F94",
                  "glutamate": "#B07A00", "autoreceptor_brake": "#B07A00", "bdnf": "#2A8BC6",
                  "serotonin": "#00507F"},
    "contrast": {"plasma_ng_per_ml": "#FF6EC7", "nmda_block": "#FF6EC7", "glutamate": "#FFB000",
                 "autoreceptor_brake": "#FFB000", "ampa": "#00E0A0", "relief": "#00E0A0", "bdnf": "#5CC8FF",
                 "spine_density": "#FFF000", "sert_occupancy": "#FF6A1A", "dissociation": "#FF6A1A",
                 "serotonin": "#4DA3FF"},
}
SIDES = ("#E69F00", "#56B4E9")  # the two compared sides (screen), and on the other grounds:
SIDES_ON = {"projector": ("#B07A00", "#2A8BC6"), "contrast": ("#FFB000", "#5CC8FF")}
# The keyboard focus ring, by the palette of the chrome around it (dark 'screen', light
# 'projector', black 'contrast' whose controls turn yellow when on).
FOCUS = {"screen": "#F0E442", "projector": "#0072B2", "contrast": "#00FFFF"}
# Beside colour: outline, leader and curve weights (x), label plates' opacity and edge (px at
# 21 px type), the background haze's opacity.
LINES = {"screen": dict(outline=1.0, curve=1.0, plate_alpha=200, plate_edge=0.0, haze_alpha=10),
         "projector": dict(outline=1.0, curve=1.0, plate_alpha=200, plate_edge=0.0, haze_alpha=10),
         "contrast": dict(outline=1.6, curve=1.5, plate_alpha=255, plate_edge=2.0, haze_alpha=0)}
UNNAMED_SERIES = "#999999"  # a curve with no colour of its own
PEN = ("#D55E00", "#CC79A7", "#0072B2", "#009E73")  # seen on every palette
# The printed handout (white paper) and the science pages' "in animals" mark (any palette).
PAPER = {"ink": "#15120F", "soft": "#5B5249", "relief": "#009E73", "stages": "#E69F00"}
ABOUT_BADGE = {"fill": "#F3D38C", "ink": "#15120F"}
# The science pages' paragraphs about the stage shown (F1), on the chrome of each palette.
ABOUT_HERE = {"screen": {"fill": "#34465C", "ink": "#F4EFE8"}, "projector": {"fill": "#FFF1C7", "ink": "#15120F"},
              "contrast": {"fill": "#FFE600", "ink": "#000000"}}
# The veil under a panel shown over a whole window (PIN pad, shortcut list): its colour and opacity.
BACKDROP = {"colour": "#05080C", "opacity": 0.7}


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
    return SERIES_ON.get(palette_name, {}).get(name) or SERIES.get(name, UNNAMED_SERIES)


def side_colours(palette_name: str) -> tuple[str, str]:
    """The two compared sides' colours on this palette's ground."""
    return SIDES_ON.get(palette_name, SIDES)


def chrome(palette_name: str) -> dict[str, str]:
    """The dark chrome's colours: black and white on 'contrast', else the usual dark ones."""
    return CONTRAST_CHROME if palette_name == "contrast" else {**CHROME, "text_on": CHROME["text"]}


@lru_cache(maxsize=len(PALETTES))
def palette(name: str) -> Palette:
    """The palette called 'screen', 'projector' or 'contrast'."""
    if name not in PALETTES:
        raise ValueError(f"unknown palette '{name}' (use: {', '.join(PALETTES)})")
    from PySide6.QtGui import QColor

    roles = HEX[name]
    return Palette(name, **{f.name: QColor(roles[f.name]) for f in fields(Palette) if f.name != "name"})
