"""Every text colour meets WCAG AA contrast (4.5:1) against what it is drawn on, in every
palette -- the high-contrast one AAA (7:1) -- and every plot curve is at least 3:1 on its plot's
ground (WCAG 1.4.11, graphical objects); all computed from the palette (issue 16 item 6, issue 15
item 8)."""

import colorsys

import pytest

from wcag import AA, AAA, GRAPHICS, contrast
from keta_viz.scene.palette import (ABOUT_BADGE, CHROME, FOCUS, HEX, LINES, PALETTES, PAPER, PLOT_GROUND, SERIES,
                                    SIDES, chrome, series_colour, side_colours)

TEXT_FLOOR = {"screen": AA, "projector": AA, "contrast": AAA}
PARTICLES = ("glutamate", "gaba", "ketamine", "ampa", "serotonin", "ssri", "receptor", "brake")


def hue(hex_colour: str) -> float:
    """Hue in degrees (0-360)."""
    return 360 * colorsys.rgb_to_hls(*(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))[0]


def test_contrast_is_computed_as_wcag_defines_it():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_every_palette_has_every_role():
    """A colour role added to one palette must be given in all (the contrast test then checks it)."""
    assert all(HEX[name].keys() == HEX["screen"].keys() for name in PALETTES)
    assert all(LINES[name].keys() == LINES["screen"].keys() for name in PALETTES)
    assert set(FOCUS) == set(PLOT_GROUND) == set(PALETTES)


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("text", ["ink", "ink_soft"])
@pytest.mark.parametrize("ground", ["background_top", "background_bottom", "cytoplasm"])
def test_picture_text_is_readable(name, text, ground):
    assert contrast(HEX[name][text], HEX[name][ground]) >= TEXT_FLOOR[name]


@pytest.mark.parametrize("name", PALETTES)
def test_badge_text_is_readable(name):
    assert contrast(HEX[name]["badge_ink"], HEX[name]["badge"]) >= TEXT_FLOOR[name]


@pytest.mark.parametrize("name", ["screen", "contrast"])  # 'projector' keeps the system's chrome
@pytest.mark.parametrize("ground", ["window", "kiosk", "overlay", "control"])
def test_chrome_text_is_readable(name, ground):
    c = chrome(name)
    assert contrast(c["text"], c[ground]) >= TEXT_FLOOR[name]
    assert contrast(c["text_on"], c["control_on"]) >= TEXT_FLOOR[name]  # a control that is on
    assert contrast(c["hint"], c["kiosk"]) >= TEXT_FLOOR[name]
    assert chrome("screen")["window"] == CHROME["window"]


def test_high_contrast_controls_and_outlines_stand_out():
    c, pal = chrome("contrast"), HEX["contrast"]
    assert contrast(c["control_edge"], c["control"]) >= AAA  # a button is a white-edged box
    assert contrast(c["control_on"], c["control"]) >= AAA  # a toggle that is on is plainly on
    assert contrast(pal["membrane"], pal["background_top"]) >= AAA and contrast(pal["membrane"], pal["cytoplasm"]) >= AAA
    assert LINES["contrast"]["outline"] > LINES["screen"]["outline"]  # and thick
    for role in PARTICLES:
        assert contrast(pal[role], pal["background_top"]) >= AA, role
        assert contrast(pal[role], pal["cytoplasm"]) >= AA, role


@pytest.mark.parametrize("name", PALETTES)
def test_focus_ring_stands_out(name):
    assert contrast(FOCUS[name], PLOT_GROUND[name]) >= GRAPHICS
    if name == "contrast":  # also around a yellow toggle that is on
        assert contrast(FOCUS[name], chrome(name)["control"]) >= AAA


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("text", ["ink", "ink_soft"])
def test_plot_text_is_readable(name, text):
    """Titles, axes and legends are drawn in the palette's ink on the plots' ground."""
    assert contrast(HEX[name][text], PLOT_GROUND[name]) >= TEXT_FLOOR[name]


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("series", sorted(SERIES))
def test_every_curve_stands_out_on_its_plot(name, series):
    assert contrast(series_colour(series, name), PLOT_GROUND[name]) >= GRAPHICS


@pytest.mark.parametrize("name", PALETTES)
def test_compared_sides_stand_out_and_apart(name):
    left, right = side_colours(name)
    assert min(contrast(left, PLOT_GROUND[name]), contrast(right, PLOT_GROUND[name])) >= GRAPHICS
    assert abs(hue(left) - hue(right)) > 90  # orange and sky blue, as on every palette


def test_printed_and_science_page_text_is_readable():
    assert contrast(PAPER["ink"], "#FFFFFF") >= AA and contrast(PAPER["soft"], "#FFFFFF") >= AA
    assert contrast(ABOUT_BADGE["ink"], ABOUT_BADGE["fill"]) >= AA


@pytest.mark.parametrize("series", ["spine_density", "glutamate", "bdnf", "plasma_ng_per_ml"])
def test_projector_curves_darken_but_keep_their_hue(series):
    """Okabe-Ito yellow (1.3:1), orange, sky blue and reddish purple (2.1-2.9:1) washed out on the
    light ground; now each is at least 3:1 there, the same hue (within 12 degrees), and only
    the projector's curves change."""
    ground = PLOT_GROUND["projector"]
    assert contrast(SERIES[series], ground) < GRAPHICS
    darker = series_colour(series, "projector")
    assert contrast(darker, ground) >= GRAPHICS
    assert abs(hue(darker) - hue(SERIES[series])) <= 12
    assert series_colour(series, "screen") == SERIES[series]
    assert all(contrast(c, ground) < GRAPHICS for c in SIDES)  # the sides did too: they have their own


def test_projector_blues_stay_apart():
    """The SSRI's signals plot draws serotonin and BDNF side by side: darkening sky blue must
    not make it Okabe-Ito blue's twin."""
    sky, blue = series_colour("bdnf", "projector"), series_colour("serotonin", "projector")
    assert contrast(sky, blue) >= 1.5
