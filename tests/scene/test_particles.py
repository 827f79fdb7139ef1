"""The float32, batched particle pipeline (issue 17) matches the float64 formulas it replaced and
sprites drawn one by one: positions within 1/1,000 of a canvas pixel at any phase (a kiosk runs
for days), the same particles inside and outside the cells, the same pixels."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter

from keta_viz.model import load_scenario, simulate
from keta_viz.scene import layout as L
from keta_viz.scene import synapse as S
from keta_viz.scene.particles import TAU, swarm
from keta_viz.scene.shapes import outside_cells, viewport

PHASES = (0.0, 1.3, 86400.25, 3.0e6)  # from the first frame to a month of kiosk


def reference_swarm(kind, n_max, seed):
    """The float64 constants of a swarm, drawn as the original code drew them."""
    salt = sum(ord(ch) * 31**i for i, ch in enumerate(kind)) & 0xFFFF
    rng = np.random.default_rng([seed & 0xFFFFFFFF, salt])
    u = rng.random((n_max, 2))
    freq = 0.08 + 0.22 * rng.random((n_max, 2))
    offset = TAU * rng.random((n_max, 2))
    speed = 0.6 + 0.8 * rng.random(n_max)
    r, a = u[:, 0] ** 0.62, TAU * u[:, 1]
    return u, freq, offset, speed, np.column_stack([r * np.cos(a), r * np.sin(a)])


def reference_in_ellipse(kind, n_max, n, phase, cx, cy, rx, ry, wobble):
    _, freq, offset, _, disc = reference_swarm(kind, n_max, 0)
    return (wobble * np.sin(TAU * phase * freq[:n] + offset[:n]) + disc[:n] * (rx, ry) + (cx, cy)).T


def reference_along(kind, n_max, n, phase, p0, p1, spread, period_s):
    u, freq, offset, speed, _ = reference_swarm(kind, n_max, 0)
    s = (u[:n, 0] + phase * speed[:n] / period_s) % 1.0
    side = (u[:n, 1] - 0.5) * 2 * spread + 0.25 * spread * np.sin(TAU * freq[:n, 0] * phase + offset[:n, 0])
    (x0, y0), (x1, y1) = p0, p1
    length = np.hypot(x1 - x0, y1 - y0)
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    bow = np.sin(np.pi * s) * spread * 0.6
    xy = np.array([x0 + (x1 - x0) * s + nx * (side + bow), y0 + (y1 - y0) * s + ny * (side + bow)])
    return xy, np.clip(3 - (np.minimum(s, 1.0 - s) * 30).astype(int), 0, 3)


@pytest.mark.parametrize("phase", PHASES)
def test_swarm_positions_match_the_float64_formulas(phase):
    got = swarm("glutamate", 5400, 0).in_ellipse(4000, phase, 660, 460, 450, 140, 9.0)
    want = reference_in_ellipse("glutamate", 5400, 4000, phase, 660, 460, 450, 140, 9.0)
    assert got.shape == want.shape == (2, 4000)
    assert np.abs(got - want).max() < 1e-3
    for kind, p0, p1, spread, period in (("gaba", (593, 118), (631, 126), 16, 2.5),
                                         ("bdnf", (660, 770), (660, 620), 620, 6.0),
                                         ("ketamine", (60, 560), (315, 285), 90, 7.0)):
        xy, fade = swarm(kind, 400, 0).along(300, phase, p0, p1, spread, period)
        want_xy, want_fade = reference_along(kind, 400, 300, phase, p0, p1, spread, period)
        assert np.abs(xy - want_xy).max() < 1e-3, kind
        assert (fade == want_fade).all(), kind


def test_outside_cells_agrees_with_the_float64_test_except_on_the_membrane():
    rng = np.random.default_rng(3)
    xy = np.array([rng.uniform(300, 1000, 200_000), rng.uniform(100, 850, 200_000)])
    for health in (0.0, 0.4, 1.0):
        x, y = xy
        cx, cy = L.TERMINAL_C
        rx, ry = L.TERMINAL_R
        hy = L.HERO_HEAD_Y + 8 * (1 - health)
        inside = (((x - cx) / (rx + 6)) ** 2 + ((y - cy) / (ry + 6)) ** 2 < 1) \
            | (((x - L.HERO_X) / (50 + 26 * health)) ** 2 + ((y - hy) / (32 + 8 * health)) ** 2 < 1) \
            | ((np.abs(x - L.HERO_X) < 16) & (y > hy)) | ((y > L.SHAFT_Y[0] - 4) & (y < L.SHAFT_Y[1] + 4))
        got = outside_cells(xy.astype(np.float32), health)
        assert 0.2 < inside.mean() < 0.8  # the sample covers both sides
        assert (got != ~inside).sum() <= 2, health  # only points within float32 rounding of a boundary


def sprites_one_by_one(p, family, state, phase, w, h):
    """Each particle's sprite drawn by itself at its whole-pixel place, faded by halving opacity."""
    atlas = S.particle_atlas(family, "screen", w, h)
    sheet = atlas.pixmap.toImage()
    s, ox, oy = viewport(w, h)
    for kind, (xy, fade) in S.particle_layout(family, state, phase, 0).items():
        left, top, sw, sh = atlas.rects[kind]
        sprite = sheet.copy(left, top, sw, sh)
        for i in range(xy.shape[1]):
            p.setOpacity(1.0 if fade is None else 0.5 ** int(fade[i]))
            p.drawImage(QPointF(math.floor(ox + float(xy[0, i]) * s - sw / 2),
                                math.floor(oy + float(xy[1, i]) * s - sh / 2)), sprite)
    p.setOpacity(1.0)


def rgb(img):
    a = np.frombuffer(img.constBits(), np.uint8, count=img.width() * img.height() * 4)
    return a.reshape(img.height(), img.width(), 4)[:, :, :3].astype(float)


@pytest.mark.parametrize("name, hours", [("ketamine-iv", (0.0, 0.8, 9.0)), ("escitalopram", (30.0, 900.0))])
def test_batched_particles_match_sprites_drawn_one_by_one(qapp, name, hours):
    tl = simulate(load_scenario(name))
    family = tl.scenario.family
    w, h = 1280, 720
    for i, t in enumerate(hours):
        state, phase = tl.state_at(t), PHASES[i % len(PHASES)]
        images = []
        for draw in (lambda p: None, lambda p: S.draw_particles(p, family, state, phase, 0, "screen", w, h),
                     lambda p: sprites_one_by_one(p, family, state, phase, w, h)):
            img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
            img.fill(0xFF203040)
            p = QPainter(img)
            draw(p)
            p.end()
            images.append(rgb(img))
        blank, batched, one_by_one = images
        assert (np.abs(batched - blank).max(axis=2) > 64).sum() > 5 * S.count_particles(family, state, phase)
        diff = np.abs(batched - one_by_one)
        assert diff.mean() <= 1.0, (name, t, diff.mean())  # at most 1/255 on average
        assert (diff.max(axis=2) > 64).mean() < 0.0005, (name, t)


def test_sparse_tiles_draw_each_layer_back_in_place_and_skip_empty_ones(qapp):
    from keta_viz.scene.sprites import draw_fragments, sparse_tiles

    layers = []
    for w, h, blobs in ((300, 50, ((5, 3, 20, 9), (250, 30, 40, 20))), (40, 17, ()), (1500, 12, ((0, 0, 1500, 12),))):
        img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(0)
        p = QPainter(img)
        for x, y, bw, bh in blobs:
            p.fillRect(x, y, bw, bh, 0x80402010 + x)  # half transparent, one colour per blob
        p.end()
        layers.append(img)
    atlas, rows = sparse_tiles([(layers[0], 7, 11), (layers[1], 0, 0), (layers[2], -3, 80)])
    # 8-row bands: blob one in bands 0-1 (16 rows x 20), blob two in bands 3-6 (26 rows x 40), the bar; no blank
    assert (rows[:, 4] * rows[:, 5]).sum() == 16 * 20 + 26 * 40 + 12 * 1500
    drawn, want = QImage(1600, 100, QImage.Format.Format_ARGB32_Premultiplied), QImage(1600, 100, QImage.Format.Format_ARGB32_Premultiplied)
    for target, paint in ((drawn, lambda p: draw_fragments(p, rows, atlas)),
                          (want, lambda p: [p.drawImage(x, y, img) for img, x, y in
                                            ((layers[0], 7, 11), (layers[1], 0, 0), (layers[2], -3, 80))])):
        target.fill(0xFF000000)
        p = QPainter(target)
        paint(p)
        p.end()
    assert rgb(drawn).max() > 0
    assert (rgb(drawn) == rgb(want)).all()
