"""Fixtures for tests that open the consult window (tests/ui and tests/app use them): settings
isolated in a temporary folder, and a window on an injected clock."""

import pytest
from PySide6.QtCore import QSettings


class FakeClock:
    """A wall clock the test moves by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp, monkeypatch):
    """Settings in a temporary folder; the desktop states no motion preference (tests that
    need one set it), so the machine running the tests does not change what they see."""
    monkeypatch.setattr("keta_viz.ui.view_settings.desktop_prefers_reduced_motion", lambda: None)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    qapp.setOrganizationName("KetaViz")
    qapp.setApplicationName("keta-viz")
    yield tmp_path / "settings"


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def window(qtbot, clock):
    from keta_viz.ui.main_window import MainWindow

    w = MainWindow(scenario="ketamine-iv", clock=clock, remember=False)
    w.ticker.stop()
    w.resize(1400, 900)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w
