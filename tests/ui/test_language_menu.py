"""The Language menu: switching re-words the whole window at once and is remembered (issue 16, item 2)."""

from PySide6.QtWidgets import QToolBar

from keta_viz.ui.settings import load_preferences, save_preferences


def menu_titles(w):
    return [a.text() for a in w.menuBar().actions()]


def test_the_language_menu_lists_each_language_under_its_own_name(window):
    assert [a.text() for a in window.language_menu.actions()] == ["English", "Español"]
    assert window.language_menu.actions_by_language["en"].isChecked()


def test_switching_to_spanish_rewords_menus_toolbar_narration_and_plots(window):
    window.playhead.seek(1.0)
    assert menu_titles(window) == ["&File", "&View", "&Language", "&Help"]
    plot_title = window.plots.plots[0].titleLabel.text
    window.language_menu.actions_by_language["es"].trigger()
    assert window.session.language == "es"
    assert menu_titles(window) == ["&Archivo", "&Ver", "&Idioma", "A&yuda"]
    toolbar = window.findChild(QToolBar, "main-toolbar")
    assert toolbar.windowTitle() == window.session.words("window", "toolbar")
    for action, key, english in ((window.vocab_action, "expert", "Expert words"),
                                 (window.about_action, "about", "The science"),
                                 (window.export_actions[0], "export_png", "Export snapshot (PNG)…")):
        assert action.text() == window.session.words("window", key) != english
    section = window.narration.sections[0]
    assert "infusión" in section.header.text()
    assert window.plots.plots[0].titleLabel.text != plot_title
    assert window.disclaimer.text() == window.session.words("about", "disclaimer")
    assert window.language_menu.actions_by_language["es"].isChecked()
    window.language_menu.actions_by_language["en"].trigger()
    assert menu_titles(window) == ["&File", "&View", "&Language", "&Help"]
    assert window.plots.plots[0].titleLabel.text == plot_title


def test_the_choice_survives_a_restart(qtbot, clock):
    from keta_viz.ui.main_window import MainWindow

    first = MainWindow(scenario="ketamine-iv", clock=clock, remember=False)
    qtbot.addWidget(first)
    first.ticker.stop()
    assert first.session.language == "en"  # the system's (English in tests) at the first start
    first.choose_language("es")
    save_preferences(first.prefs)
    assert load_preferences().language == "es"
    second = MainWindow(scenario="ketamine-iv", clock=clock, remember=False)
    qtbot.addWidget(second)
    second.ticker.stop()
    assert second.session.language == "es" and menu_titles(second)[0] == "&Archivo"
    third = MainWindow(scenario="ketamine-iv", clock=clock, remember=False, language="en")  # --lang en wins
    qtbot.addWidget(third)
    third.ticker.stop()
    assert third.session.language == "en" and third.prefs.language == "es"  # and is not remembered


def test_an_unknown_remembered_language_is_forgotten():
    from keta_viz.ui.settings import open_settings

    s = open_settings()
    s.setValue("language", "xx")
    s.sync()
    prefs = load_preferences()
    assert prefs.language == "" and any("language" in n for n in prefs.notes)
