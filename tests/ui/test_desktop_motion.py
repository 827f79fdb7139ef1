"""The desktop's reduce-motion preference (issue 16, item 5): read from Qt where it says so,
else from GNOME, Windows or macOS settings (probes mocked here); the window follows it until the
reader chooses in the View menu, and that choice wins from then on."""

import subprocess
import types

import pytest

from keta_viz.ui import desktop_motion as dm
from keta_viz.ui.settings import Preferences, load_preferences


def answering(stdout: str, returncode: int = 0):
    """A fake subprocess.run that answers like a settings tool, recording what it was asked."""
    asked = []

    def run(command, **_kwargs):
        asked.append(command)
        return subprocess.CompletedProcess(command, returncode, stdout=stdout, stderr="")
    run.asked = asked
    return run


@pytest.fixture
def tools(monkeypatch):
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    monkeypatch.setattr(dm.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(dm, "from_qt", lambda: None)
    return monkeypatch


@pytest.mark.parametrize("answer, reduced", [("false\n", True), ("true\n", False), ("garbage", None)])
def test_gnome_animations_switched_off_mean_reduced_motion(tools, answer, reduced):
    run = answering(answer)
    tools.setattr(dm.subprocess, "run", run)
    tools.setattr(dm.sys, "platform", "linux")
    assert dm.desktop_prefers_reduced_motion() is reduced
    assert run.asked == [("gsettings", "get", "org.gnome.desktop.interface", "enable-animations")]


def test_no_answer_when_the_tool_is_missing_fails_or_hangs(tools):
    tools.setattr(dm.sys, "platform", "linux")
    tools.setattr(dm.subprocess, "run", answering("false", returncode=1))
    assert dm.desktop_prefers_reduced_motion() is None

    def hang(command, **kwargs):
        raise subprocess.TimeoutExpired(command, kwargs["timeout"])
    tools.setattr(dm.subprocess, "run", hang)
    assert dm.desktop_prefers_reduced_motion() is None
    run = answering("false")
    tools.setattr(dm.subprocess, "run", run)
    tools.delenv("XDG_CURRENT_DESKTOP")
    tools.delenv("DESKTOP_SESSION", raising=False)
    assert dm.desktop_prefers_reduced_motion() is None and run.asked == []  # no desktop session: not asked
    tools.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    tools.setattr(dm.shutil, "which", lambda name: None)
    assert dm.desktop_prefers_reduced_motion() is None


@pytest.mark.parametrize("answer, reduced", [("1", True), ("0", False)])
def test_macos_reduce_motion(tools, answer, reduced):
    tools.setattr(dm.sys, "platform", "darwin")
    tools.setattr(dm.subprocess, "run", answering(answer))
    assert dm.desktop_prefers_reduced_motion() is reduced


@pytest.mark.parametrize("animations, reduced", [(0, True), (1, False)])
def test_windows_client_area_animation(tools, animations, reduced):
    import ctypes

    def spi(action, _param, pointer, _flags):
        assert action == dm.SPI_GETCLIENTAREAANIMATION
        pointer._obj.value = animations
        return 1
    tools.setattr(ctypes, "windll", types.SimpleNamespace(user32=types.SimpleNamespace(SystemParametersInfoW=spi)),
                  raising=False)
    tools.setattr(dm.sys, "platform", "win32")
    assert dm.desktop_prefers_reduced_motion() is reduced


def test_qt_saying_reduced_wins_over_the_platform(monkeypatch):
    monkeypatch.setattr(dm, "from_qt", lambda: True)
    monkeypatch.setattr(dm.sys, "platform", "linux")
    monkeypatch.setattr(dm, "from_gnome", lambda: False)
    assert dm.desktop_prefers_reduced_motion() is True


def test_this_qt_answers_without_error(qapp):
    assert dm.from_qt() in (True, None)


def open_window(qtbot, clock, prefs=None):
    from keta_viz.ui.main_window import MainWindow

    w = MainWindow(scenario="ketamine-iv", prefs=prefs, clock=clock)
    w.ticker.stop()
    qtbot.addWidget(w)
    return w


def test_the_window_follows_the_desktop_until_the_reader_chooses(qtbot, clock, monkeypatch):
    monkeypatch.setattr("keta_viz.ui.view_settings.desktop_prefers_reduced_motion", lambda: True)
    w = open_window(qtbot, clock)
    assert w.session.reduced_motion and w.motion_action.isChecked()
    w.close()
    assert load_preferences().reduced_motion is None  # the desktop's, not a choice: not stored
    w = open_window(qtbot, clock)
    w.motion_action.trigger()  # the reader wants motion after all
    assert not w.session.reduced_motion
    w.close()
    assert load_preferences().reduced_motion is False
    w = open_window(qtbot, clock)
    assert not w.session.reduced_motion and not w.motion_action.isChecked()  # the explicit choice wins
    w.remember = False


def test_an_explicit_choice_of_reduced_motion_holds_on_an_animated_desktop(qtbot, clock, monkeypatch):
    monkeypatch.setattr("keta_viz.ui.view_settings.desktop_prefers_reduced_motion", lambda: False)
    w = open_window(qtbot, clock, Preferences(reduced_motion=True))
    assert w.session.reduced_motion and w.motion_action.isChecked()
    w.remember = False
