"""The PDF handout (issue 15, item 9): every stage of the story in order, each with a labelled key
frame at its telling moment, its title, the elapsed time as the app says it, "in animals" where
that is all the evidence, and its plain text; in English and Spanish; nothing runs off a page."""

import io
import unicodedata

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader

from keta_viz.cli import main
from keta_viz.content import load_content
from keta_viz.export.frames import stage_moment
from keta_viz.export.handout import FRAME_MM, FRAME_PX, frame_label_pixels, key_stages
from keta_viz.model import load_scenario, simulate
from keta_viz.model.tour import SYNAPSE
from keta_viz.scene.render import scene_image
from keta_viz.scene.scales import render_scaled
from keta_viz.scene.synapse import Style, label_pixels

SCENARIOS = ["ketamine-iv", "esketamine-induction", "escitalopram"]
MARGIN_PT = 15 / 25.4 * 72


def squeezed(text: str) -> str:
    """Without ligatures or any white space (lines wrap anywhere)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module", params=[(s, lang) for s in SCENARIOS for lang in ("en", "es")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def handout(request, tmp_path_factory, qapp):
    scenario, lang = request.param
    out = tmp_path_factory.mktemp("handout") / f"{scenario}-{lang}.pdf"
    assert main(["export", "--scenario", scenario, "--lang", lang, "--out", str(out)]) == 0
    return simulate(load_scenario(scenario)), load_content(lang), PdfReader(str(out)), lang


def test_every_stage_in_order_with_its_time_badge_and_plain_text(handout):
    tl, c, pdf, _lang = handout
    text = squeezed(" ".join(page.extract_text() for page in pdf.pages))
    assert len(tl.stages) == len(key_stages(tl)) >= 6
    at = -1
    for stage in tl.stages:
        st = c.stage(tl.scenario.drug, stage.id)
        found = text.find(squeezed(f"{stage.index + 1}. {st.title}"), at + 1)
        assert found > at, f"stage {stage.index + 1} '{st.title}' missing or out of order"
        at = found
        when = c.time_in_words(stage_moment(tl, stage), tl.scenario.drug)
        follows = text[at:at + 800]
        assert squeezed(when) in follows and squeezed(st.plain) in follows, st.title
        before_text = follows[:follows.find(squeezed(st.plain))]  # title, time and the badge if any
        assert (squeezed(c.ui["badges"]["in_animals"]) in before_text) == st.in_animals, st.title
    assert squeezed(c.ui["about"]["disclaimer"]) in text


def test_the_times_are_the_apps_one_format(handout):
    tl, c, _pdf, _lang = handout
    times = [c.time_in_words(t, tl.scenario.drug) for _stage, t in key_stages(tl)]
    assert times[0] == c.ui["time"]["before"]
    assert all(" 0 " not in f" {w} " for w in times)  # elapsed time, never 'day 0'


def test_one_key_frame_per_stage_none_blank_each_labelled(handout):
    tl, _c, pdf, lang = handout
    frames = [np.asarray(Image.open(io.BytesIO(im.data)).convert("L"), float)
              for page in pdf.pages for im in page.images]
    assert len(frames) == len(tl.stages)
    for frame in frames:
        assert frame.shape == (FRAME_PX[1], FRAME_PX[0]) and frame.std() > 20  # a picture, not a blank
    _stage, t = key_stages(tl)[4]
    with_labels = _grey(scene_image(tl, t, *FRAME_PX, Style("projector", "plain", lang, frame_label_pixels())))
    without = _grey(scene_image(tl, t, *FRAME_PX, Style("projector", "none", lang)))
    assert np.abs(frames[4] - with_labels).mean() < 0.5 * np.abs(frames[4] - without).mean()  # labels printed


def _grey(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    img = image.convertToFormat(QImage.Format.Format_Grayscale8)
    rows = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    return rows[:, :img.width()].astype(float)


def test_the_frame_labels_print_at_8_pt_or_more():
    px = label_pixels(*FRAME_PX, frame_label_pixels())
    printed_mm = px / FRAME_PX[1] * FRAME_MM * 9 / 16
    assert printed_mm / 25.4 * 72 >= 8.0


def test_pages_are_sane_and_nothing_runs_off_one(handout):
    tl, _c, pdf, _lang = handout
    assert 3 <= len(pdf.pages) <= 6
    for number, page in enumerate(pdf.pages, 1):
        top = float(page.mediabox.top)
        ys = []

        def visit(text, cm, tm, _font, size, ys=ys):
            if text.strip():
                ys.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], size))

        page.extract_text(visitor_text=visit)
        assert ys, f"page {number} is empty"
        for y, _size in ys:
            assert MARGIN_PT - 1 <= y <= top - MARGIN_PT, f"page {number}: text at y = {y:.0f} pt is off the page"


def test_an_esketamine_handout_names_esketamine_in_words_and_pictures(handout):
    """Its stage titles say esketamine, and its key frames are the ones labelled 'Esketamine' and
    "Esketamine's target" (not 'Ketamine'); ketamine's and escitalopram's frames name their own drug."""
    tl, c, pdf, lang = handout
    drug = tl.scenario.drug
    text = squeezed(" ".join(page.extract_text() for page in pdf.pages))
    arrives = {"en": "Ketamine arrives", "es": "Llega la ketamina"}[lang]
    if drug == "esketamine":
        assert squeezed(c.stage(drug, "arrival").title) in text and squeezed(arrives) not in text
        assert c.stage(drug, "arrival").title == {"en": "Esketamine arrives", "es": "Llega la esketamina"}[lang]
    frames = [np.asarray(Image.open(io.BytesIO(im.data)).convert("L"), float)
              for page in pdf.pages for im in page.images]
    other = {"esketamine": "ketamine", "ketamine": "esketamine", "escitalopram": "fluoxetine"}[drug]
    style = Style("projector", "plain", lang, frame_label_pixels())
    for i in (4, len(frames) - 2):  # the drug is there: its label shows
        _stage, t = key_stages(tl)[i]
        own = _grey(scene_image(tl, t, *FRAME_PX, style))
        state, family = tl.state_at(t), tl.scenario.family
        named_other = _grey(render_scaled(family, state, 0.0, 0, *FRAME_PX, style.for_drug(other), SYNAPSE))
        assert (np.abs(frames[i] - own) > 64).sum() < 20
        assert (np.abs(frames[i] - named_other) > 64).sum() > 200, (drug, i)
