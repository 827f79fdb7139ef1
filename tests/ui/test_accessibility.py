"""Screen readers (issue 16, item 4): every focusable control is named in the current language,
the synapse view describes the model's state in words, the plots read out their values, and Tab
visits every control in order."""

import pytest
from PySide6.QtCore import Qt

from a11y_walk import accessible_name, unnamed_controls
from keta_viz.content.describe import synapse_description
from keta_viz.ui.tab_order import keyboard_order
from keta_viz.widgets.stylesheet import application_stylesheet, kiosk_stylesheet


@pytest.mark.parametrize("compare", [False, True])
def test_every_focusable_control_is_named_in_both_languages(window, compare):
    if compare:
        window.set_compare("escitalopram")
    names = {}
    for lang in ("en", "es"):
        window.session.set_language(lang)
        assert unnamed_controls(window) == [], lang
        names[lang] = [accessible_name(w) for w in keyboard_order(window)]
    changed = [en for en, es in zip(names["en"], names["es"]) if en != es]
    assert len(changed) >= len(names["en"]) - 6, changed  # re-set in Spanish (icons' "1 day" etc. aside)
    assert window.transport.speed_box.accessibleName() == "Velocidad de reproducción"


def test_the_synapse_view_describes_the_model_state(window):
    view = window.views[0]
    said = {}
    for t in (0.0, 1.0, 24.0):
        window.playhead.seek(t)
        said[t] = view.accessibleDescription()
    assert len(set(said.values())) == 3
    assert "bouncer" in said[0.0] and "resting level" in said[0.0]
    assert "blocks 55% of the bouncer's NMDA receptors" in said[1.0] and "burst of glutamate" in said[1.0]
    assert "AMPA receptors" in said[1.0] and "fire strongly" in said[1.0]
    assert "spines" in said[24.0] and "in animals" in said[24.0] and "New dendritic spines" in said[24.0]
    assert said[1.0] == synapse_description(window.session.content, window.timeline, 1.0)
    window.session.set_language("es")
    assert "portero" in view.accessibleDescription() and "glutamato" in view.accessibleDescription()
    assert view.accessibleName().startswith("Imagen de la sinapsis, Ketamina: etapa 8")


def test_the_ssri_view_speaks_of_pump_brake_and_serotonin(window):
    window.set_scenario("escitalopram")
    view = window.views[0]
    window.playhead.seek(0.0)
    before = view.accessibleDescription()
    window.playhead.seek(672.0)
    after = view.accessibleDescription()
    assert "pumps" in before and "brake" in before and "Serotonin" in before
    assert "blocks 76% of the serotonin pumps" in after and "easing" in after and before != after


def test_a_stage_change_renames_the_view(window):
    view = window.views[0]
    window.playhead.seek(0.0)
    first = view.accessibleName()
    window.session.next_stage()
    assert view.accessibleName() != first and "stage 2 of" in view.accessibleName()


def test_the_plots_read_out_their_values(window):
    graphics = window.plots.graphics
    window.playhead.seek(1.0)
    at_1h = graphics.accessibleDescription()
    assert "NMDA receptors blocked 0.549" in at_1h and "Drug level" in at_1h
    window.playhead.seek(24.0)
    assert graphics.accessibleDescription() != at_1h
    window.session.set_language("es")
    assert graphics.accessibleName() == "Gráficos del modelo ilustrativo"
    assert "Valores del modelo" in graphics.accessibleDescription()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_tab_visits_every_control_in_order(window, lang):
    window.session.set_language(lang)  # the narration's Sources buttons are new ones: still in their place
    shown = [w for w in keyboard_order(window) if w.isVisibleTo(window)]
    shown[0].setFocus(Qt.FocusReason.TabFocusReason)
    visited = [window.focusWidget()]
    for _ in range(100):  # round the chain once
        window.focusNextChild()
        if window.focusWidget() is shown[0]:
            break
        visited.append(window.focusWidget())
    assert [w for w in visited if w in shown] == shown
    assert window.views[0].focusPolicy() == Qt.FocusPolicy.TabFocus  # Tab reaches it; a click keeps the keys


def test_the_focus_ring_comes_from_the_palette():
    from keta_viz.scene.palette import FOCUS

    for name in ("screen", "projector"):
        assert f"QToolButton:focus {{ border:2px solid {FOCUS[name]} }}" in application_stylesheet(name)
    assert ":focus" not in kiosk_stylesheet()  # the kiosk swallows every key: a touched button wears no ring


def test_the_picture_wears_the_ring_only_from_the_keyboard(window):
    view = window.views[0]
    view.setFocus(Qt.FocusReason.MouseFocusReason)
    assert view.hasFocus() and not view.keyboard_focus
    view.setFocus(Qt.FocusReason.TabFocusReason)  # focus moves within: a new focus-in only after leaving
    window.scrubber.setFocus(Qt.FocusReason.TabFocusReason)
    assert window.scrubber.keyboard_focus
    view.setFocus(Qt.FocusReason.TabFocusReason)
    assert view.keyboard_focus


def test_a_new_stage_is_announced_when_a_screen_reader_listens(window, monkeypatch):
    from types import SimpleNamespace

    from PySide6.QtGui import QAccessible

    import keta_viz.widgets.synapse_view as module

    told = []
    monkeypatch.setattr(module, "QAccessible", SimpleNamespace(
        isActive=lambda: True, Event=QAccessible.Event,
        updateAccessibility=lambda event: told.append((event.object(), event.type()))))
    view = window.views[0]
    window.playhead.seek(0.0)
    told.clear()
    window.playhead.seek(0.001)  # the same stage: the description changes, nothing is announced
    assert told == []
    window.session.next_stage()
    assert told == [(view, QAccessible.Event.Alert)]
