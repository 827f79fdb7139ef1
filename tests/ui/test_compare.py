"""Compare mode: two synapse views on one Playhead; the caption's numbers match both Timelines."""

import re

import pytest

from keta_viz.content import load_content
from keta_viz.content.captions import compare_caption


@pytest.fixture
def compare(window):
    window.set_compare("escitalopram")
    return window


def test_both_views_show_the_same_time(compare):
    assert len(compare.views) == 2
    for t in (0.5, 24, 300):
        compare.playhead.seek(t)
        assert {v.session.playhead.t for v in compare.views} == {t}
        assert compare.views[0].timeline.scenario.drug == "ketamine"
        assert compare.views[1].timeline.scenario.drug == "escitalopram"


def test_axis_spans_the_longer_scenario(compare):
    assert compare.playhead.axis.span_h == compare.session.timelines[1].end == 56 * 24


def test_caption_says_the_contrast_in_words_that_follow_the_model(compare):
    compare.playhead.seek(24)
    text = compare.caption.text()
    c = load_content()
    relief = c.ui["compare"]["relief"]
    ket, esc = compare.timeline, compare.session.timelines[1]
    assert text.startswith("1 day after the first dose")
    assert c.stage("ketamine", ket.stage_at(24).id).title in text
    assert c.stage("ssri", esc.stage_at(24).id).title in text
    left, right = text.split(" · ")
    assert relief["peak"] in left  # ketamine: near its highest within a day
    assert relief["none"] in right or relief["beginning"] in right  # the SSRI has barely begun
    assert not re.search(r"\d+%", text)  # numbers are in the plots, not the strip
    assert c.ui["badges"]["illustrative"] in text
    compare.playhead.seek(24 * 7 * 4)
    left, right = compare.caption.text().split(" · ")
    assert relief["fading"] in left and relief["building"] in right


@pytest.mark.parametrize("name", ["ketamine-iv", "ketamine-course", "escitalopram", "esketamine-induction"])
def test_relief_words_follow_the_relief_curve(name):
    from keta_viz.content.captions import relief_phase
    from keta_viz.model import load_scenario, simulate

    tl = simulate(load_scenario(name))
    relief, top = tl.series("relief"), tl.series("relief").max()
    t_top = tl.t_hours[relief.argmax()]
    for t, r in zip(tl.t_hours[::37], relief[::37]):
        phase = relief_phase(tl, t)
        assert (phase == "peak") == (r >= 0.9 * top)
        if phase == "fading":
            assert t > t_top
        if phase in ("none", "beginning", "building"):
            assert t <= t_top


def test_animal_stages_are_marked_on_each_side(compare):
    c = load_content()
    for side, tl in enumerate((compare.timeline, compare.session.timelines[1])):
        for stage in tl.stages:
            compare.playhead.seek(stage.start + 1e-6)
            text = compare.caption.text().split(" · ")[side]
            marked = f"{c.stage(tl.scenario.drug, stage.id).title} [in animals]" in text
            assert marked == c.stage(tl.scenario.drug, stage.id).in_animals


def test_changing_one_side_keeps_the_time(compare):
    compare.playhead.seek(30)
    assert compare.set_compare("fluoxetine")
    assert compare.playhead.t == 30
    assert compare.views[1].timeline.scenario.drug == "fluoxetine"
    assert compare.set_scenario("esketamine-nasal")
    assert compare.playhead.t == 30 and compare.views[0].timeline.scenario.drug == "esketamine"


def test_key_moments_seek(compare):
    compare.transport.moment_buttons[1].click()
    assert compare.playhead.t == 24


def test_narrow_window_stacks_views(compare, qtbot):
    from PySide6.QtCore import QPoint

    at = [lambda v=v: v.mapTo(compare.synapse, QPoint(0, 0)) for v in compare.views]  # each sits in its titled pane
    compare.resize(1200, 1400)  # tall and narrow: the narration and the plots take their share of it
    qtbot.wait(10)
    assert at[1]().y() > at[0]().y()
    compare.resize(1600, 900)
    qtbot.wait(10)
    assert at[1]().x() > at[0]().x()


def test_caption_function_is_composed_not_fixed():
    from keta_viz.model import load_scenario, simulate

    a, b = simulate(load_scenario("ketamine-course")), simulate(load_scenario("fluoxetine"))
    assert compare_caption(load_content(), a, b, 100) != compare_caption(load_content(), a, b, 101 * 3)
