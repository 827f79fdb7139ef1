"""The handout's key frames keep their labels apart on paper: at the key-frame size and the
print type size, no two label plates touch, at any stage of the bundled stories and at every
scale a handout can show (the gap between plates grows with the type, scene/synapse.py apart)."""

import itertools

import pytest
from PySide6.QtCore import QRectF, QSizeF

from keta_viz.export.handout import FRAME_MM, FRAME_PX, frame_label_pixels, key_stages
from keta_viz.model import load_scenario, simulate
from keta_viz.scene import brain, circuit
from keta_viz.scene.families import SCENES
from keta_viz.scene.picture import canvas_transform, placed_labels
from keta_viz.scene.synapse import Style, _label_sprites

SCENARIOS = ["ketamine-iv", "esketamine-induction", "escitalopram"]
MIN_GAP_MM = 0.5  # the white space between two plates, printed


def handout_style(lang, tl):
    return Style("projector", "plain", lang, frame_label_pixels()).for_drug(tl.scenario.drug)


def assert_apart(boxes, what):
    """No two plates closer than MIN_GAP_MM on paper, and every plate inside the frame."""
    gap = MIN_GAP_MM * FRAME_PX[0] / FRAME_MM / 2
    w, h = FRAME_PX
    for (a, ra), (b, rb) in itertools.combinations(boxes.items(), 2):
        assert not ra.adjusted(-gap, -gap, gap, gap).intersects(rb.adjusted(-gap, -gap, gap, gap)), (what, a, b)
    for label_id, r in boxes.items():
        assert r.left() >= 0 and r.top() >= 0 and r.right() <= w and r.bottom() <= h, (what, label_id)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", SCENARIOS)
def test_synapse_labels_of_every_key_frame_are_apart(qapp, name, lang):
    tl = simulate(load_scenario(name))
    family, style = tl.scenario.family, handout_style(lang, tl)
    labels = _label_sprites(family, style.labels, lang, style.palette, *FRAME_PX, style.label_min_px,
                            style.text_scale, style.corner, style.drug)[0]
    for stage, t in key_stages(tl):
        hidden = SCENES[family].hidden_labels(tl.state_at(t))
        boxes = {label_id: QRectF(top_left, QSizeF(img.width() - 2, img.height() - 2))
                 for label_id, img, top_left, _anchor, _near in labels if label_id not in hidden}
        assert len(boxes) >= 8
        assert_apart(boxes, (name, lang, stage.id))


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", SCENARIOS)
@pytest.mark.parametrize("picture", [brain, circuit], ids=["brain", "circuit"])
def test_brain_and_circuit_labels_of_every_key_frame_are_apart(qapp, picture, name, lang):
    tl = simulate(load_scenario(name))
    family, style = tl.scenario.family, handout_style(lang, tl)
    for stage, t in key_stages(tl):
        labels = picture.labels(family, tl.state_at(t))
        placed = placed_labels(labels, style, *FRAME_PX, canvas_transform(*FRAME_PX))
        assert_apart({label_id: box for (label_id, _a, _tl), (_img, _anchor, box) in zip(labels, placed)},
                     (name, lang, stage.id))
