"""Pixel tests on rendered frames: the picture follows the model, deterministically."""

import numpy as np
import pytest

from keta_viz.scene import layout as L
from keta_viz.scene.render import compare_image, scene_image
from keta_viz.scene.synapse import Style, count_particles

W, H = 1280, 720
NO_LABELS = Style("screen", "none")


def pixels(img):
    """(H, W, 3) uint8 RGB copy of a rendered frame."""
    a = np.frombuffer(img.constBits(), np.uint8, count=img.width() * img.height() * 4)
    return a.reshape(img.height(), img.width(), 4)[:, :, 2::-1].copy()


def region(px, x0, y0, x1, y1):
    """Pixels of a rectangle given in the 1600 x 900 scene canvas."""
    s = W / L.WIDTH
    return px[int(y0 * s):int(y1 * s), int(x0 * s):int(x1 * s)].reshape(-1, 3).astype(int)


def near(colour_hex, px, tol=40):
    c = np.array([int(colour_hex[i:i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(px - c).sum(axis=1) < tol).sum())


def test_bouncer_glow_dims_when_ketamine_blocks_it(qapp, ket):
    cx, cy = L.BOUNCER_C
    def glow(t):
        px = pixels(scene_image(ket, t, W, H, NO_LABELS))
        return region(px, cx - 30, cy - 30, cx + 30, cy + 30)[:, 2].mean()  # blue channel on the soma
    assert glow(0) > glow(40 / 60) + 25


def test_glutamate_floods_the_cleft(qapp, ket):
    def yellow(t):
        px = pixels(scene_image(ket, t, W, H, NO_LABELS))
        return near("#F0E442", region(px, 300, 380, 1100, 640), 90)
    assert yellow(1.0) > 4 * yellow(0)


def test_spines_grow_between_2h_and_24h(qapp, ket):
    def spine_pixels(t):
        px = pixels(scene_image(ket, t, W, H, NO_LABELS))
        band = region(px, 80, 470, 1600, 680)
        return near("#3A4350", band, 12) + near("#E8DCCB", band, 40)
    assert spine_pixels(24) > 1.15 * spine_pixels(2)


def test_same_inputs_same_pixels_and_no_hidden_state(qapp, ket):
    direct = pixels(scene_image(ket, 24, W, H, Style(), phase=3.5, seed=11))
    for t in np.linspace(0, 24, 12):  # "play" from 0 first
        scene_image(ket, t, W, H, Style(), phase=t, seed=11)
    again = pixels(scene_image(ket, 24, W, H, Style(), phase=3.5, seed=11))
    assert np.array_equal(direct, again)
    moved = pixels(scene_image(ket, 24, W, H, Style(), phase=4.5, seed=11))
    assert not np.array_equal(direct, moved)


def test_palettes_differ(qapp, esc):
    screen = pixels(scene_image(esc, 48, W, H, Style("screen")))
    projector = pixels(scene_image(esc, 48, W, H, Style("projector")))
    assert screen.mean() < 80 < projector.mean()


def test_flood_peak_has_thousands_of_particles(ket):
    peak = max(count_particles("ketamine", ket.state_at(t)) for t in (0.6, 0.8, 1.0, 1.2))
    assert peak >= 3000
    assert count_particles("ketamine", ket.state_at(0)) < 600


def test_ssri_scene_follows_occupancy_and_serotonin(qapp, esc):
    def counts(t):
        px = pixels(scene_image(esc, t, W, H, NO_LABELS))
        return near("#D55E00", px.reshape(-1, 3), 60), near("#3A9BDC", region(px, 300, 380, 1100, 640), 60)
    ssri0, sero0 = counts(0)
    ssri1, sero1 = counts(21 * 24)
    assert ssri1 > ssri0 + 200 and sero1 > 3 * sero0


def test_labels_draw_in_both_vocabularies(qapp, ket):
    plain = pixels(scene_image(ket, 1, W, H, Style("screen", "plain")))
    expert = pixels(scene_image(ket, 1, W, H, Style("screen", "expert")))
    none = pixels(scene_image(ket, 1, W, H, Style("screen", "none")))
    assert not np.array_equal(plain, expert) and not np.array_equal(plain, none)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160), (800, 1000)])
def test_renders_at_every_size(qapp, ket, esc, size):
    img = compare_image(ket, esc, 24, *size, Style())
    assert (img.width(), img.height()) == size
    assert pixels(img).std() > 10
