"""The Session: one observable object for what is on screen; views follow its signals."""

import pytest

from keta_viz.app.session import Session
from keta_viz.model import load_scenario, simulate


@pytest.fixture(scope="module")
def ketamine():
    return simulate(load_scenario("ketamine-iv"))


@pytest.fixture(scope="module")
def ssri():
    return simulate(load_scenario("escitalopram"))


def count(signal) -> list:
    seen = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def test_switching_timelines_keeps_the_time_and_signals_once(qapp, ketamine, ssri):
    s = Session([ketamine])
    s.playhead.seek(24)
    changed, times = count(s.timelines_changed), count(s.playhead.time_changed)
    s.set_timelines([ketamine, ssri])
    assert s.compare and s.timelines == (ketamine, ssri) and s.playhead.t == 24
    assert s.playhead.axis.span_h == ssri.end
    assert len(changed) == 1 and len(times) == 1
    s.set_timelines([ketamine, ssri])  # the same scenarios: nothing to tell
    assert len(changed) == 1


def test_style_language_and_pen_signal_only_on_change(qapp, ketamine):
    s = Session([ketamine])
    styled, pen = count(s.style_changed), count(s.pen_changed)
    s.set_palette("screen")
    s.set_palette("projector")
    s.set_vocabulary("expert")
    s.set_labels(False)
    assert len(styled) == 3 and s.style.palette == "projector" and s.style.labels == "none"
    s.set_pen(True)
    s.set_pen(True)
    s.next_pen_colour()
    assert len(pen) == 2 and s.pen_on
    languages = count(s.language_changed)
    s.set_language("en")
    assert languages == []


def test_stage_navigation_covers_both_compared_scenarios(qapp, ketamine, ssri):
    s = Session([ketamine, ssri])
    starts = s.stage_starts()
    assert set(st.start for st in ssri.stages) <= set(starts)
    s.playhead.seek(0)
    s.next_stage()
    assert s.playhead.t == starts[1]
    s.previous_stage()
    assert s.playhead.t == 0
    s.jump_to_stage(3)
    assert s.playhead.t == ketamine.stages[2].start


def test_a_scenario_switch_in_the_window_signals_once_and_builds_the_plots_once(window, monkeypatch):
    builds = []
    rebuild = window.plots.rebuild
    monkeypatch.setattr(window.plots, "rebuild", lambda: builds.append(1) or rebuild())
    changed, times = count(window.session.timelines_changed), count(window.playhead.time_changed)
    window.playhead.seek(24)
    times.clear()
    assert window.set_scenario("escitalopram")
    assert len(changed) == 1 and len(builds) == 1 and len(times) == 1
    assert "0:sert_occupancy" in window.plots.curves
    assert window.set_compare("fluoxetine")
    assert len(changed) == 2 and len(builds) == 2


def test_every_view_follows_the_session(window):
    window.set_compare("escitalopram")
    assert [v.timeline.scenario.name for v in window.synapse.views] == ["ketamine-iv", "escitalopram"]
    assert len(window.narration.sections) == 2 and window.scrubber.timelines == window.session.timelines
    window.session.set_palette("projector")
    assert window.plots.palette_name == "projector" and window.projector_action.isChecked()
    window.session.set_timelines(window.session.timelines[:1])
    assert len(window.synapse.views) == 1 and not window.synapse.all_views[1].isVisible()
    assert not window.compare_action.isChecked() and not window.caption.isVisible()


def test_a_language_switch_rewords_every_view(window, monkeypatch):
    """A second language (here English with other tick and time words) reaches the views."""
    import dataclasses
    import sys

    from keta_viz.app import session as session_module
    from keta_viz.content import load_content
    from keta_viz.scene import synapse as synapse_module

    en = load_content("en")
    ui = {**en.ui, "ticks": {k: v + " (xx)" for k, v in en.ui["ticks"].items()},
          "time": {**en.ui["time"], "before": "Avant"}}
    xx = dataclasses.replace(en, lang="xx", ui=ui)
    monkeypatch.setattr(session_module, "load_content", lambda lang: xx if lang == "xx" else en)
    for module in (synapse_module, *(m for name, m in list(sys.modules.items())
                                     if name.startswith("keta_viz.scene.") and hasattr(m, "load_content"))):
        monkeypatch.setattr(module, "load_content", lambda lang: en)  # the pictures' labels, at any scale
    window.playhead.seek(0)
    changed = count(window.session.language_changed)
    window.session.set_language("xx")
    assert len(changed) == 1 and window.session.style.lang == "xx"
    assert window.transport.time_label.text() == "Avant"
    assert window.scrubber.session.content is xx
    axis_item = window.plots.plots[0].getAxis("bottom")
    assert all(text.endswith("(xx)") for text in axis_item.tickStrings([u for u, _ in window.playhead.axis.ticks()], 1, 1))
    assert window.narration.sections[0].content is xx


def test_scenario_titles_follow_the_language(window):
    from keta_viz.model import load_scenario

    window.session.set_language("es")
    es_title = window.session.content.scenario_title(load_scenario("ketamine-iv"))
    assert es_title.startswith("Ketamina")
    assert window.picker.scenario_box.currentText() == es_title
    assert es_title in window.narration.sections[0].header.text()
