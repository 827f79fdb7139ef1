"""The cached, stepped frame matches the reference drawing: every part drawn fresh at the exact
state, with no cache and no steps (issue 17: mean difference at most 1/255)."""

import sys

import numpy as np
import pytest
from PySide6.QtGui import QPainter, QTransform

from keta_viz.bench import FPS, playing_times
from keta_viz.model import load_scenario, simulate
from keta_viz.scene import synapse as S
from keta_viz.scene.palette import palette
from keta_viz.scene.render import scene_image
from keta_viz.scene import layout as L
from keta_viz.scene.families import SCENES
from keta_viz.scene.shapes import draw_ampa, draw_outlined, spine_health, spine_paths, viewport

W, H = 1280, 720
STYLE = S.Style("screen", "plain")


def reference_frame(family, state, phase, seed, w, h, style):
    """Every part drawn fresh at the exact state, labels straight onto the frame: no caches, no steps."""
    pal = palette(style.palette)
    scene = SCENES[family]
    img = S.static_layer(family, w, h, pal.name).copy()
    s, ox, oy = viewport(w, h)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setTransform(QTransform(s, 0, 0, s, ox, oy))
    health = spine_health(state.spine_density)
    draw_outlined(p, spine_paths(health, S.spine_grow(state.spine_density)), pal, 2.4, pal.cytoplasm)
    if family == "ketamine":
        scene.draw_nmda(p, pal, round(state.nmda_block * len(L.NMDA_ANGLES_DEG)))
    else:
        scene.draw_sert(p, pal, round(state.sert_occupancy * len(L.SERT_ANGLES_DEG)))
        scene.draw_autoreceptors(p, pal, float(np.clip((state.autoreceptor_brake - 0.3) / 0.7, 0, 1)))
    draw_ampa(p, pal, health, float(np.clip(state.receptor_activity, 0, 1)))
    p.resetTransform()
    scene.paint_live(p, pal, state, phase, s, ox, oy)
    S.draw_particles(p, family, state, phase, seed, pal.name, w, h)
    labels_straight(p, family, state, style, w, h)
    p.end()
    return img


def labels_straight(p, family, state, style, w, h):
    """The shown labels, leader lines and dots drawn one by one straight onto the frame."""
    pal = palette(style.palette)
    labels, pen, dot = S._label_sprites(family, style.labels, style.lang, pal.name, w, h, style.label_min_px,
                                        style.text_scale, style.corner, style.drug)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    for label_id, sprite, top_left, anchor, near in labels:
        if label_id not in SCENES[family].hidden_labels(state):
            p.setPen(pen)
            p.drawLine(near, anchor)
            p.setBrush(pal.ink_soft)
            p.drawEllipse(anchor, dot, dot)
            p.drawImage(top_left, sprite)


def rgb(img):
    a = np.frombuffer(img.constBits(), np.uint8, count=img.width() * img.height() * 4)
    return a.reshape(img.height(), img.width(), 4)[:, :, :3].astype(float)


@pytest.mark.parametrize("name, hours", [("ketamine-iv", (0.0, 0.7, 1.15, 9.0, 14.0, 30.0, 300.0)),
                                         ("escitalopram", (2.0, 30.0, 200.0, 900.0))])
def test_optimised_frame_matches_the_reference_drawing(qapp, name, hours):
    tl = simulate(load_scenario(name))
    for i, t in enumerate(hours):
        state = tl.state_at(t)
        fast = scene_image(tl, t, W, H, STYLE, phase=i / 7)
        ref = reference_frame(tl.scenario.family, state, i / 7, 0, W, H, STYLE.for_drug(tl.scenario.drug))
        diff = np.abs(rgb(fast) - rgb(ref))
        assert diff.mean() <= 1.0, (name, t, diff.mean())
        assert (diff.max(axis=2) > 64).mean() < 0.001, (name, t)  # no visibly wrong region


def clear_scene_caches():
    """Forget every cached layer, sprite, swarm and fragment template of the scene modules."""
    for name, module in list(sys.modules.items()):
        if name.startswith("keta_viz.scene"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


@pytest.mark.parametrize("name, t0", [("ketamine-iv", 0.6), ("escitalopram", 20.0)])
def test_a_frame_after_playing_equals_the_same_frame_drawn_cold(qapp, name, t0):
    """No hidden state: after 100 frames of playback the next frame is byte for byte the frame a
    seek draws with every cache empty."""
    tl = simulate(load_scenario(name))
    ts = playing_times([tl], t0, 101)
    for i in range(100):
        scene_image(tl, ts[i], W, H, STYLE, phase=i / FPS)
    warm = scene_image(tl, ts[100], W, H, STYLE, phase=100 / FPS)
    clear_scene_caches()
    assert S.base_layer.cache_info().currsize == 0
    cold = scene_image(tl, ts[100], W, H, STYLE, phase=100 / FPS)
    assert (rgb(warm) == rgb(cold)).all()
    assert rgb(warm).std() > 10  # a picture, not a blank


@pytest.mark.parametrize("size, style", [((1920, 1080), S.Style()),
                                         ((1366, 768), S.Style("projector", "expert", "es", 14.0)),
                                         ((640, 360), S.Style(label_min_px=18.0))])
def test_label_tiles_match_labels_drawn_straight_onto_the_frame(qapp, size, style):
    """The labels composed once and cut into tiles land on the same pixels, to rounding (1/255)."""
    w, h = size
    pal = palette(style.palette)
    for name, t in (("ketamine-iv", 0.0), ("ketamine-iv", 30.0), ("escitalopram", 30.0)):
        tl = simulate(load_scenario(name))
        family, state = tl.scenario.family, tl.state_at(t)
        base = S.frame_base(family, state, w, h, style)
        tiled, straight = base.copy(), base.copy()
        p = QPainter(tiled)
        S.draw_labels(p, pal, family, state, style, w, h)
        p.end()
        p = QPainter(straight)
        labels_straight(p, family, state, style, w, h)
        p.end()
        inked = (np.abs(rgb(straight) - rgb(base)).max(axis=2) > 0).sum()
        assert inked > 20_000 * (w * h) / (1920 * 1080)  # the labels are there
        assert np.abs(rgb(tiled) - rgb(straight)).max() <= 1, (name, t)
