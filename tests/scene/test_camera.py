"""The story camera: every stage names an actor the camera frames, it moves smoothly (cuts with
reduced motion), and the whole synapse (WHOLE) is drawn exactly as without a camera."""

import dataclasses
import math

import numpy as np
import pytest

from keta_viz.content import load_content
from keta_viz.content.actors import actor_table, stage_actor
from keta_viz.model import StoryAxis, load_scenario, simulate
from keta_viz.model.families import FAMILIES
from keta_viz.scene import layout as L
from keta_viz.scene.camera import MAX_ZOOM, WHOLE, Camera, actor_box, framing, meeting, story_camera
from keta_viz.scene.shapes import viewport
from keta_viz.scene.synapse import Style, _label_sprites, framed_labels, label_pixels, render_frame, view

W, H = 1280, 720
SCENARIOS = ("ketamine-iv", "esketamine-nasal", "escitalopram")


@pytest.fixture(scope="module")
def timelines():
    return {name: simulate(load_scenario(name)) for name in SCENARIOS}


def pixels(img):
    a = np.frombuffer(img.constBits(), np.uint8, count=img.width() * img.height() * 4)
    return a.reshape(img.height(), img.width(), 4)[:, :, :3].copy()


def middle(tl, stage):
    """The model time half-way through a stage on the story axis (as a viewer sees it)."""
    axis = StoryAxis.for_timelines([tl])
    return axis.to_t((axis.to_u(stage.start) + axis.to_u(stage.end)) / 2)


def test_every_stage_names_an_actor_with_a_box():
    table = actor_table()
    for family, module in FAMILIES.items():
        assert set(table[family]) == set(module.STAGES), family
        for drug in module.DRUGS:
            assert set(table.get(drug, {})) <= set(module.STAGES), drug  # overrides name real stages
            for stage_id in module.STAGES:
                box = L.ACTOR_BOX[stage_actor(drug, stage_id)]
                assert 0 <= box[0] < box[2] <= L.WIDTH and 0 <= box[1] < box[3] <= L.HEIGHT
    assert stage_actor("ketamine", "bouncer_blocked") == "bouncer"
    assert stage_actor("escitalopram", "transporter_blocked") == "sert"


@pytest.mark.parametrize("name", SCENARIOS)
def test_camera_frames_each_stages_actor(timelines, name):
    tl = timelines[name]
    framed = 0
    for stage in tl.stages:
        camera = story_camera(tl, middle(tl, stage))
        x0, y0, x1, y1 = actor_box(tl.scenario.drug, stage.id)
        if stage_actor(tl.scenario.drug, stage.id) == "whole":
            assert camera == WHOLE, stage.id
            continue
        framed += 1
        s, ox, oy = view(W, H, camera)
        left, top, right, bottom = ox + x0 * s, oy + y0 * s, ox + x1 * s, oy + y1 * s
        assert 1.0 < camera.zoom <= MAX_ZOOM and camera.dim == 1.0, stage.id
        assert -1 <= left and right <= W + 1 and -1 <= top and bottom <= H + 1, (stage.id, left, top, right, bottom)
        assert 0.2 * W <= (left + right) / 2 <= 0.8 * W and 0.2 * H <= (top + bottom) / 2 <= 0.8 * H, stage.id
        assert (right - left) * (bottom - top) > 1.2 * (x1 - x0) * (y1 - y0) * viewport(W, H)[0] ** 2  # closer
    assert framed >= 4


@pytest.mark.parametrize("name", SCENARIOS)
def test_camera_moves_smoothly_and_cuts_with_reduced_motion(timelines, name):
    tl = timelines[name]
    axis = StoryAxis.for_timelines([tl])
    us = np.arange(0.0, 1.0, 2e-4)
    cams = [story_camera(tl, axis.to_t(u)) for u in us]
    for a, b in zip(cams, cams[1:]):
        assert math.hypot(b.cx - a.cx, b.cy - a.cy) < 30 and abs(b.zoom - a.zoom) < 0.08 and abs(b.dim - a.dim) < 0.1
    assert len(set(cams)) > 100  # it does move
    drug, stages = tl.scenario.drug, tl.stages
    keys = {WHOLE} | {framing(actor_box(drug, st.id)) for st in stages}
    keys |= {meeting(drug, a.id, b.id) for a, b in zip(stages, stages[1:])}
    cut = [story_camera(tl, axis.to_t(u), reduced_motion=True) for u in us]
    assert set(cut) <= keys  # only the framings themselves: nothing in between
    assert sum(a != b for a, b in zip(cut, cut[1:])) >= 4  # and it does cut
    assert not set(cams) <= keys


def test_whole_is_todays_frame(qapp, timelines):
    tl = timelines["ketamine-iv"]
    assert Camera() == WHOLE and view(W, H, WHOLE) == viewport(W, H)
    near_whole = Camera(800.0, 450.0, 1.0 + 1e-9)  # through every camera path, onto the same mapping
    assert view(W, H, near_whole) == viewport(W, H)
    for t, style in ((0.7, Style()), (30.0, Style("projector", "expert", "es", 18.0))):
        state = tl.state_at(t)
        today = pixels(render_frame("ketamine", state, 0.4, 2, W, H, style))
        assert np.array_equal(today, pixels(render_frame("ketamine", state, 0.4, 2, W, H, style, WHOLE)))
        bare = dataclasses.replace(style, labels="none")
        assert np.array_equal(pixels(render_frame("ketamine", state, 0.4, 2, W, H, bare)),
                              pixels(render_frame("ketamine", state, 0.4, 2, W, H, bare, near_whole)))
        framed = pixels(render_frame("ketamine", state, 0.4, 2, W, H, style, near_whole))
        assert (np.abs(framed.astype(int) - today).max(axis=2) > 0).mean() < 0.005  # leaders within a pixel


def test_labels_keep_their_size_and_stay_in_frame(qapp, timelines):
    tl = timelines["ketamine-iv"]
    content = load_content("en")
    whole, _, _ = _label_sprites("ketamine", "plain", "en", "screen", W, H, 11.0)
    sizes = {label_id: (img.width(), img.height()) for label_id, img, *_ in whole}
    for stage in tl.stages:
        camera = story_camera(tl, middle(tl, stage))
        s, ox, oy = view(W, H, camera)
        labels = framed_labels(whole, (s, ox, oy), W, H)
        anchors = {label_id: (ox + ax * s, oy + ay * s) for label_id, (ax, ay), _ in L.KETAMINE_LABELS}
        shown = {label_id for label_id, (x, y) in anchors.items() if 0 <= x <= W and 0 <= y <= H}
        assert {label[0] for label in labels} == shown  # a label whose thing is out of frame is not drawn
        boxes = []
        for label_id, img, top_left, anchor, near in labels:
            assert (anchor.x(), anchor.y()) == pytest.approx(anchors[label_id])  # the leader ends on its thing
            assert (img.width(), img.height()) == sizes[label_id]  # the same type size at every zoom
            assert 0 <= top_left.x() and top_left.x() + img.width() <= W + 1, (stage.id, label_id)
            assert 0 <= top_left.y() and top_left.y() + img.height() <= H + 1, (stage.id, label_id)
            assert 0 <= anchor.x() <= W and 0 <= anchor.y() <= H
            boxes.append((top_left.x(), top_left.y(), top_left.x() + img.width(), top_left.y() + img.height()))
        for i, a in enumerate(boxes):  # clamped to the frame's edge, labels still never overlap
            for b in boxes[i + 1:]:
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], stage.id
    assert label_pixels(W, H, 11.0) >= 11.0 and content.label("bouncer", "plain")


def test_zoomed_frame_shows_the_actor_larger_and_dims_the_rest(qapp, timelines):
    tl = timelines["ketamine-iv"]
    stage = next(s for s in tl.stages if s.id == "bouncer_blocked")
    t = middle(tl, stage)
    state = tl.state_at(t)
    camera = story_camera(tl, t)
    plain = Style("screen", "none")
    zoomed = pixels(render_frame("ketamine", state, 0.0, 0, W, H, plain, camera)).astype(int)
    undimmed = pixels(render_frame("ketamine", state, 0.0, 0, W, H, plain, Camera(camera.cx, camera.cy, camera.zoom)))
    s, ox, oy = view(W, H, camera)
    cx, cy = L.BOUNCER_C  # the bouncer's soma fills a larger disc than in the whole picture
    r = int(L.BOUNCER_R * 0.6 * s)
    soma = zoomed[int(oy + cy * s) - r:int(oy + cy * s) + r, int(ox + cx * s) - r:int(ox + cx * s) + r]
    assert r > L.BOUNCER_R * 0.6 * viewport(W, H)[0] * 1.5 and soma.size
    inside = (slice(int(oy + 60 * s), int(oy + 300 * s)), slice(int(ox + 150 * s), int(ox + 600 * s)))
    corner = (slice(H - 60, H), slice(W - 200, W))  # far outside the bouncer's box
    assert np.array_equal(zoomed[inside], undimmed[inside].astype(int))  # the actor is not dimmed
    assert zoomed[corner].mean() < undimmed[corner].mean() - 3  # the rest is, gently
    assert zoomed[corner].mean() > 0.5 * undimmed[corner].mean()


def moving_cameras(tl, per_stage=2):
    """Story cameras while they ease, a few in each stage that moves."""
    axis = StoryAxis.for_timelines([tl])
    out = []
    for stage in tl.stages[1:]:
        u0 = axis.to_u(stage.start)
        cams = [(axis.to_t(u0 + k * 1e-3), story_camera(tl, axis.to_t(u0 + k * 1e-3))) for k in (2, 6, 10)]
        out += [(t, c) for t, c in cams if c.moving][:per_stage]
    return out


@pytest.mark.parametrize("name", ["ketamine-iv", "escitalopram"])
def test_a_moving_camera_draws_nearly_the_exact_picture(qapp, timelines, name):
    """While the camera eases the frame is drawn the cheap way (resampled fine layer, scaled
    vignette): on average within 2/255 of the exact drawing, with almost no pixel far off."""
    tl = timelines[name]
    family = tl.scenario.family
    cameras = moving_cameras(tl)
    assert len(cameras) >= 6 and all(c.dim > 0 for _, c in cameras[2:])
    for t, camera in cameras:
        state = tl.state_at(t)
        fast = pixels(render_frame(family, state, 0.3, 1, W, H, Style(), camera)).astype(int)
        exact = pixels(render_frame(family, state, 0.3, 1, W, H, Style(), dataclasses.replace(camera, moving=False)))
        diff = np.abs(fast - exact)
        assert diff.mean() <= 2.0, (t, camera, diff.mean())
        assert (diff.max(axis=2) > 64).mean() < 0.008, (t, camera)  # only edges, a pixel off; nothing missing
        whole = pixels(render_frame(family, state, 0.3, 1, W, H, Style()))
        assert np.abs(fast - whole).mean() > 4 * diff.mean()  # it is the camera's picture, not the whole one


def test_the_camera_at_rest_is_exact_and_moving_only_while_it_eases(qapp, timelines):
    tl = timelines["ketamine-iv"]
    stage = next(s for s in tl.stages if s.id == "ampa_firing")
    t = middle(tl, stage)
    rest = story_camera(tl, t)
    assert rest != WHOLE and not rest.moving and rest == framing(actor_box("ketamine", "ampa_firing"))
    moving = moving_cameras(tl, per_stage=3)
    assert not any(story_camera(tl, t, reduced_motion=True).moving for t, _ in moving)  # cuts never move
    state = tl.state_at(t)
    cold = pixels(render_frame("ketamine", state, 0.5, 0, W, H, Style(), rest))
    for t_move, camera in moving:  # the moving frames' caches do not leak into a frame at rest
        render_frame("ketamine", tl.state_at(t_move), 0.5, 0, W, H, Style(), camera)
    assert np.array_equal(pixels(render_frame("ketamine", state, 0.5, 0, W, H, Style(), rest)), cold)
    fast = pixels(render_frame("ketamine", state, 0.5, 0, W, H, Style(), dataclasses.replace(rest, moving=True)))
    assert not np.array_equal(fast, cold)  # at rest it is not the resampled picture


def test_labels_keep_off_the_kept_corner(qapp, timelines):
    """Presentation's time sits in the lower-right corner: no label there, at any stage's camera
    or the whole picture (and without the corner kept, some label would be)."""
    from PySide6.QtCore import QRectF

    corner = (360, 96)
    keep = QRectF(W - corner[0], H - corner[1], corner[0], corner[1])
    hits = {True: 0, False: 0}
    for name in ("ketamine-iv", "escitalopram"):
        tl = timelines[name]
        family = tl.scenario.family
        for kept in (True, False):
            c = corner if kept else (0, 0)
            labels = _label_sprites(family, "plain", "en", "screen", W, H, 11.0, 1.0, c)[0]
            boxes = [QRectF(top_left, img.size().toSizeF()).adjusted(0, 0, -2, -2) for _i, img, top_left, *_ in labels]
            for stage in tl.stages:
                mapping = view(W, H, story_camera(tl, middle(tl, stage)))
                for _label_id, img, top_left, *_ in framed_labels(labels, mapping, W, H, c):
                    boxes.append(QRectF(top_left, img.size().toSizeF()).adjusted(0, 0, -2, -2))
            hits[kept] += sum(b.intersects(keep) for b in boxes)
    assert hits[True] == 0 and hits[False] > 0, hits
