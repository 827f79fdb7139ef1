"""The picture names the scenario's drug (labels.toml [drug.<drug>.<label>]): an esketamine story's
synapse and circuit say "Esketamine", an escitalopram story's "Escitalopram", in every language,
on screen and in every export; ketamine's own story is unchanged."""

import numpy as np
import pytest

from keta_viz.model import load_scenario, simulate
from keta_viz.model.tour import CIRCUIT, SYNAPSE
from keta_viz.scene import synapse
from keta_viz.scene.circuit import labels as circuit_labels
from keta_viz.scene.picture import canvas_transform, label_sprite, placed_labels
from keta_viz.scene.render import scene_image
from keta_viz.scene.scales import render_scaled
from keta_viz.scene.synapse import Style, label_texts

W, H = 960, 540


@pytest.mark.parametrize("lang, drug, molecule, target", [
    ("en", "esketamine", "Esketamine", "Esketamine's target"),
    ("es", "esketamine", "Esketamina", "Blanco de la esketamina"),
    ("en", "ketamine", "Ketamine", "Ketamine's target"),
    ("es", "ketamine", "Ketamina", "Blanco de la ketamina"),
    ("en", "", "Ketamine", "Ketamine's target"),  # no drug: the family's words
])
def test_the_ketamine_familys_labels_name_the_drug(lang, drug, molecule, target):
    ids = [label_id for label_id, _a, _l in synapse.SCENES["ketamine"].LABELS]
    texts = dict(zip(ids, label_texts("ketamine", "plain", lang, drug)))
    assert (texts["ketamine"], texts["nmda"]) == (molecule, target)
    if drug == "esketamine":
        assert not any(t.lower().startswith("ketamin") or "de la ketamina" in t or "Ketamine's" in t
                       for t in texts.values())
    expert = dict(zip(ids, label_texts("ketamine", "expert", lang, drug)))
    assert expert["ketamine"] == molecule and expert["nmda"] in ("NMDA receptors", "Receptores NMDA")


@pytest.mark.parametrize("lang, words", [("en", "Escitalopram (an SSRI)"), ("es", "Escitalopram (un ISRS)")])
def test_the_ssri_label_names_escitalopram(lang, words):
    ids = [label_id for label_id, _a, _l in synapse.SCENES["ssri"].LABELS]
    assert dict(zip(ids, label_texts("ssri", "plain", lang, "escitalopram")))["ssri"] == words
    assert dict(zip(ids, label_texts("ssri", "plain", lang, "")))["ssri"] in ("SSRI medicine", "Medicamento ISRS")


def pixels(img):
    a = np.frombuffer(img.constBits(), np.uint8, count=img.width() * img.height() * 4)
    return a.reshape(img.height(), img.width(), 4)[:, :, :3].astype(int)


@pytest.mark.parametrize("scale", [SYNAPSE, CIRCUIT])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_esketamine_frame_draws_the_esketamine_labels(qapp, scale, lang):
    """scene_image (the window, `render` and every export) carries the scenario's drug into the
    Style: the frame is the one drawn naming esketamine, not the one naming ketamine."""
    tl = simulate(load_scenario("esketamine-induction"))
    t = 1.0  # sprayed: the drug's label shows
    style = Style("screen", "plain", lang)
    frame = pixels(scene_image(tl, t, W, H, style, scale=scale))
    state = tl.state_at(t)
    named = pixels(render_scaled("ketamine", state, 0.0, 0, W, H, style.for_drug("esketamine"), scale))
    ketamine = pixels(render_scaled("ketamine", state, 0.0, 0, W, H, style.for_drug("ketamine"), scale))
    assert np.array_equal(frame, named)
    assert (np.abs(frame - ketamine).max(axis=2) > 64).sum() > 50  # the labels' words differ


def test_the_circuit_names_esketamines_target(qapp):
    tl = simulate(load_scenario("esketamine-induction"))
    style = Style("screen", "plain", "en").for_drug("esketamine")
    labels = circuit_labels("ketamine", tl.state_at(1.0))
    placed = placed_labels(labels, style, W, H, canvas_transform(W, H))
    nmda = next(img for (label_id, _a, _t), (img, _anchor, _box) in zip(labels, placed) if label_id == "nmda")
    px = synapse.label_pixels(W, H, style.label_min_px, style.text_scale)
    assert nmda == label_sprite("Esketamine's target", style.palette, px)
    assert nmda != label_sprite("Ketamine's target", style.palette, px)
