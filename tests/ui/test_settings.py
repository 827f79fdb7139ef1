"""Settings survive a restart; corrupt or unknown values are reset with a log line."""

import logging

from keta_viz.ui.settings import Preferences, load_preferences, open_settings, save_preferences


def test_round_trip():
    save_preferences(Preferences(scenario="escitalopram", vocabulary="expert", palette="projector",
                                 labels=False, plots=False))
    p = load_preferences()
    assert (p.scenario, p.vocabulary, p.palette, p.labels, p.plots) == (
        "escitalopram", "expert", "projector", False, False)


def test_corrupt_values_reset_with_log(caplog):
    s = open_settings()
    s.setValue("scenario", "no-such-scenario")
    s.setValue("vocabulary", "klingon")
    s.setValue("plots", "maybe")
    s.setValue("geometry", "garbage")
    s.sync()
    with caplog.at_level(logging.WARNING):
        p = load_preferences()
    assert p == Preferences()
    assert sum("reset" in r.message for r in caplog.records) == 4
    assert not open_settings().contains("vocabulary")


def test_window_remembers_choices(qtbot, clock):
    from keta_viz.ui.main_window import MainWindow

    w = MainWindow(clock=clock)
    qtbot.addWidget(w)
    w.projector_action.setChecked(True)
    w.set_scenario("fluoxetine")
    w.close()
    p = load_preferences()
    assert p.palette == "projector" and p.scenario == "fluoxetine" and p.geometry is not None

