"""Receptor overlays: cached pieces drawn at per-frame opacities compose the reference drawing,
and a receptor's light or a plug changing while the story plays needs no new drawing."""

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPainter, QTransform

from keta_viz.model import load_scenario, simulate
from keta_viz.scene import synapse as S
from keta_viz.scene.families import SCENES
from keta_viz.scene.palette import palette
from keta_viz.scene.shapes import draw_ampa, viewport


def rgb(img):
    a = np.frombuffer(img.constBits(), np.uint8, count=img.width() * img.height() * 4)
    return a.reshape(img.height(), img.width(), 4)[:, :, :3].astype(int)


def drawn_both_ways(family, part, key, opacities, reference, w, h, pal_name):
    """(ground, the pieces composed at these opacities, the reference drawing) on one plain ground."""
    pal = palette(pal_name)
    ground = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    ground.fill(pal.background_bottom)
    ref, fast = ground.copy(), ground.copy()
    p = QPainter(ref)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s, ox, oy = viewport(w, h)
    p.setTransform(QTransform(s, 0, 0, s, ox, oy))
    reference(p, pal)
    p.end()
    image, at = S.overlay_image(family, part, key, opacities, w, h, pal_name)
    p = QPainter(fast)
    p.drawImage(at, image)
    p.end()
    return rgb(ground), rgb(fast), rgb(ref)


@pytest.mark.parametrize("size, worst", [((1280, 720), 16), ((1920, 1080), 3), ((3840, 2160), 3)])
@pytest.mark.parametrize("pal_name", ["screen", "projector"])
def test_ampa_light_as_opacity_matches_the_reference_drawing(qapp, size, worst, pal_name):
    """The AMPA pieces, keyed on the spine's shape alone, at the opacities of a glutamate level:
    at most 1/255 off on average over the receptors' pixels; on any one at most 3/255 where the
    outline is a device pixel wide or more (it covers the lit fill's soft edge), more on the
    soft edge of a thinner one."""
    w, h = size
    for health in (0.0, 0.5, 1.0):
        for level in (0.0, 0.2, 0.31, 0.5, 0.77, 1.0):
            state = _ket_state(health, level)
            key, opacities = SCENES["ketamine"].overlays(state, S.HEALTH_STEPS, S.LEVEL_STEPS)["ampa"]
            ground, fast, ref = drawn_both_ways("ketamine", "ampa", key, opacities,
                                                lambda p, pal: draw_ampa(p, pal, key[0], level), w, h, pal_name)
            inked = np.abs(ref - ground).max(axis=2) > 0
            assert inked.sum() > 1500 * w * h / (1920 * 1080)  # the receptors are there
            diff = np.abs(fast - ref)
            assert diff.max() <= worst, (health, level, diff.max())
            assert diff[inked].mean() <= 1.0, (health, level)


def test_plugs_and_closed_transporters_as_opacity_match_the_reference_drawing(qapp):
    """NMDA plugs and SERT closed by the SSRI: one set of pieces, shown or hidden per frame, the
    same pixels as the reference drawing at every count (to rounding: 2/255)."""
    ket, esc = SCENES["ketamine"], SCENES["ssri"]
    for n in range(7):
        state = _ket_state(1.0, 0.0, nmda_block=n / 6)
        key, opacities = ket.overlays(state, S.HEALTH_STEPS, S.LEVEL_STEPS)["nmda"]
        ground, fast, ref = drawn_both_ways("ketamine", "nmda", key, opacities,
                                            lambda p, pal: ket.draw_nmda(p, pal, n), 1280, 720, "screen")
        assert np.abs(fast - ref).max() <= 2, n  # premultiplied rounding
        assert (np.abs(ref - ground).max(axis=2) > 0).sum() > 600 + 100 * n  # more ink with every plug
    tl = simulate(load_scenario("escitalopram"))
    for n in range(5):
        state = replace(tl.state_at(30.0), sert_occupancy=n / 4)
        key, opacities = esc.overlays(state, S.HEALTH_STEPS, S.LEVEL_STEPS)["sert"]
        _, fast, ref = drawn_both_ways("ssri", "sert", key, opacities,
                                       lambda p, pal: esc.draw_sert(p, pal, n), 1280, 720, "screen")
        assert np.abs(fast - ref).max() <= 2, n  # premultiplied rounding


def test_light_and_plugs_change_opacities_not_the_cached_pieces(qapp):
    """Glutamate lighting the AMPA receptors and ketamine plugging NMDA receptors change only the
    opacities: the keys stay, so playing frames reuse the cached pieces."""
    ket = SCENES["ketamine"]
    dark = ket.overlays(_ket_state(0.7, 0.1, nmda_block=0.0), S.HEALTH_STEPS, S.LEVEL_STEPS)
    lit = ket.overlays(_ket_state(0.7, 0.9, nmda_block=1.0), S.HEALTH_STEPS, S.LEVEL_STEPS)
    for part in ("ampa", "nmda"):
        assert dark[part][0] == lit[part][0], part
        assert dark[part][1] != lit[part][1], part


def test_playing_frames_draw_no_new_overlay_at_one_spine_shape(qapp):
    """600 playing frames from the flood draw overlays only when the spine's shape steps on."""
    from keta_viz.bench import busiest_time, playing_times
    from keta_viz.scene.render import scene_image

    tl = simulate(load_scenario("ketamine-iv"))
    ts = playing_times([tl], busiest_time(tl), 600)
    scene_image(tl, ts[0], 640, 360, S.Style())
    before = S._overlay_whole.cache_info().misses
    shapes = set()
    for i, t in enumerate(ts):
        state = tl.state_at(t)
        shapes.add(SCENES["ketamine"].overlays(state, S.HEALTH_STEPS, S.LEVEL_STEPS)["ampa"][0])
        scene_image(tl, t, 640, 360, S.Style(), phase=i / 60)
    assert S._overlay_whole.cache_info().misses - before <= len(shapes) - 1
    assert len({tl.state_at(t).receptor_activity for t in ts}) > 100  # the light did change


def _ket_state(health, level, nmda_block=0.5):
    """A ketamine state whose spine health and receptor activity are the given ones."""
    from keta_viz.model.constants import SPINE_STRESSED

    state = simulate(load_scenario("ketamine-iv")).state_at(1.0)
    return replace(state, spine_density=SPINE_STRESSED + health * (1 - SPINE_STRESSED), receptor_activity=level,
                   nmda_block=nmda_block)
