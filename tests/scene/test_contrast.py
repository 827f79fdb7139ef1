"""Every text colour meets WCAG AA contrast (4.5:1) against what it is drawn on, in both palettes
(computed from the palette; issue 16, item 6)."""

import pytest

from keta_viz.scene.palette import ABOUT_BADGE, CHROME, HEX, PAPER, PALETTES, SERIES

AA = 4.5


def luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    channels = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_is_computed_as_wcag_defines_it():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("text", ["ink", "ink_soft"])
@pytest.mark.parametrize("ground", ["background_top", "background_bottom", "cytoplasm"])
def test_picture_text_is_readable(name, text, ground):
    assert contrast(HEX[name][text], HEX[name][ground]) >= AA


@pytest.mark.parametrize("name", PALETTES)
def test_badge_text_is_readable(name):
    assert contrast(HEX[name]["badge_ink"], HEX[name]["badge"]) >= AA


@pytest.mark.parametrize("ground", ["window", "kiosk", "overlay", "control", "control_on"])
def test_chrome_text_is_readable(ground):
    assert contrast(CHROME["text"], CHROME[ground]) >= AA
    assert contrast(CHROME["hint"], CHROME["kiosk"]) >= AA


def test_printed_and_science_page_text_is_readable():
    assert contrast(PAPER["ink"], "#FFFFFF") >= AA and contrast(PAPER["soft"], "#FFFFFF") >= AA
    assert contrast(ABOUT_BADGE["ink"], ABOUT_BADGE["fill"]) >= AA


def test_the_spine_curve_stands_out_on_the_projector_ground():
    """It was Okabe-Ito yellow at 1.3:1 on the light ground; now at least the 3:1 WCAG asks of
    graphical objects.  (Orange, sky blue and reddish purple stay at 2.1-2.9:1: known, issue 15.)"""
    from keta_viz.scene.palette import series_colour

    assert contrast(SERIES["spine_density"], HEX["projector"]["background_top"]) < 1.5
    assert contrast(series_colour("spine_density", "projector"), HEX["projector"]["background_top"]) >= 3.0
    assert series_colour("spine_density", "screen") == SERIES["spine_density"]
