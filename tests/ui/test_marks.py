"""The marks that qualify what the screen shows: disclaimer, "in animals", "illustrative model",
and the dissociation (side effect) curve."""

import pytest
from PySide6.QtCore import QRect

from keta_viz.content import load_content

CONTENT = load_content()
DISCLAIMER = CONTENT.ui["about"]["disclaimer"]


def shown_inside(widget, window) -> bool:
    """Visible, with text room, and wholly inside the window's client area."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    box = QRect(top_left, widget.size())
    return widget.isVisible() and box.height() >= widget.fontMetrics().height() and window.rect().contains(box)


def animal_stage(tl, animals: bool):
    return next(st for st in tl.stages if CONTENT.stage(tl.scenario.drug, st.id).in_animals == animals)


def test_disclaimer_is_always_shown_in_the_consult_window(window):
    assert window.disclaimer.text() == DISCLAIMER
    assert shown_inside(window.disclaimer, window)
    window.set_compare("escitalopram")
    assert shown_inside(window.disclaimer, window)
    window.plots_action.setChecked(False)
    assert shown_inside(window.disclaimer, window)


def test_disclaimer_stays_when_the_presentation_controls_fade(window, clock):
    window.set_presentation(True)
    window.resize(1920, 1080)
    clock.now += 10
    window.tick()
    assert window.controls_fade.opacity() == 0.0
    assert shown_inside(window.disclaimer, window)
    window.disclaimer.ensurePolished()
    assert window.disclaimer.font().pixelSize() >= 0.55 * window.presentation.caption_pixels()  # legible from the room


def test_presentation_shows_the_animal_badge_beside_the_caption(window):
    window.set_presentation(True)
    window.playhead.seek(animal_stage(window.timeline, True).start + 1e-6)
    assert window.stage_caption.badge.isVisible() and window.stage_caption.badge.text() == CONTENT.ui["badges"]["in_animals"]
    window.playhead.seek(animal_stage(window.timeline, False).start + 1e-6)
    assert not window.stage_caption.badge.isVisible()
    window.set_presentation(False)
    window.playhead.seek(animal_stage(window.timeline, True).start + 1e-6)
    assert not window.stage_caption.badge.isVisible()  # the narration panel carries it in the consult window
    assert window.narration.sections[0].badge.isVisible()


@pytest.mark.parametrize("height", [1200, 900])  # plots side by side, then taking turns under tabs
def test_every_plot_is_tagged_illustrative_and_its_tag_is_on_screen(window, qtbot, height):
    window.resize(1600, height)
    qtbot.wait(30)
    panel, tag = window.plots, CONTENT.ui["badges"]["illustrative"]
    graphics = panel.graphics
    view = graphics.viewport().rect()
    assert panel.tabs.isVisible() == (height == 900)
    for i, plot in enumerate(panel.plots):
        panel.tabs.setCurrentIndex(i)
        qtbot.wait(10)
        assert plot in panel.shown
        title = plot.titleLabel
        if panel.tabs.isVisible():  # the tab names the plot, the tag beside the tabs says it is a model
            assert not title.isVisible() and tag in panel.tag.text() and panel.tag.isVisible()
            continue
        assert tag in title.text and title.isVisible()
        box = graphics.mapFromScene(title.mapToScene(title.boundingRect())).boundingRect()
        assert view.contains(box)


@pytest.mark.parametrize("against", [None, "escitalopram"])
def test_legend_labels_read_as_a_model_scale_and_are_not_cut(window, qtbot, against):
    window.set_compare(against)
    window.resize(1366, 768)
    qtbot.wait(20)
    labels = {label.text: label for legend in window.plots.legends for _sample, label in legend.items}
    assert any("illustrative model" in text and "Relief" in text for text in labels)
    assert any("in animals" in text and "Spines" in text for text in labels)
    graphics = window.plots.graphics
    tabs = window.plots.tabs
    for i, legend in enumerate(window.plots.legends):
        if tabs.isVisible():  # a short window: the plots take turns, each whole when shown
            tabs.setCurrentIndex(i)
            qtbot.wait(20)
        for _sample, label in legend.items:
            box = graphics.mapFromScene(label.mapToScene(label.boundingRect())).boundingRect()
            assert graphics.viewport().rect().contains(box), label.text


@pytest.mark.parametrize("scenario", ["ketamine-iv", "esketamine-nasal", "ketamine-course"])
def test_ketamine_plots_show_dissociation_as_a_side_effect(window, scenario):
    window.set_scenario(scenario)
    curve = window.plots.curves["0:dissociation"]
    assert curve.isVisible() and max(curve.yData) > 0.3
    texts = [label.text for _sample, label in window.plots.legends[1].items]
    assert CONTENT.ui["series"]["dissociation"] in texts


def test_ssri_plots_have_no_dissociation_curve_even_in_compare(window):
    window.set_scenario("escitalopram")
    assert not [k for k in window.plots.curves if k.endswith("dissociation")]
    window.set_scenario("ketamine-iv")
    window.set_compare("escitalopram")
    assert "0:dissociation" in window.plots.curves and "1:dissociation" not in window.plots.curves


def test_plot_text_follows_the_palette(window):
    window.projector_action.setChecked(True)
    assert window.plots.palette_name == "projector"
    assert "#15120f" in window.plots.plots[0].titleLabel.text.lower()
    window.set_scenario("escitalopram")  # plots rebuilt: still projector colours
    assert "#15120f" in window.plots.plots[0].titleLabel.text.lower()


def test_badge_size_unchanged_keeps_its_style_sheet(qtbot):
    """A seek sets the badge's size each time the words change: the same size must not re-polish
    the window (a new style sheet does), a new one still applies."""
    from PySide6.QtCore import QEvent, QObject

    from keta_viz.widgets.marks import AnimalBadge

    badge = AnimalBadge(load_content("en"))
    qtbot.addWidget(badge)
    badge.show()
    changes = []

    class Watch(QObject):
        def eventFilter(self, _obj, event):  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.StyleChange:
                changes.append(event)
            return False

    watch = Watch()
    badge.installEventFilter(watch)
    badge.set_pixel_size(13)
    assert changes == []
    badge.set_pixel_size(20)
    assert len(changes) == 1 and "font-size:20px" in badge.styleSheet()
