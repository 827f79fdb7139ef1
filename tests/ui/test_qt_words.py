"""Qt's standard buttons follow the Session's language (ui/qt_words.py)."""

from PySide6.QtWidgets import QDialogButtonBox


def close_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel)
    return " ".join(b.text().replace("&", "") for b in box.buttons())


def test_standard_buttons_speak_the_sessions_language(window):
    assert close_text() == "Close Cancel"
    window.session.set_language("es")
    assert close_text() == "Cerrar Cancelar"
    window.session.set_language("en")
    assert close_text() == "Close Cancel"


def test_the_translator_leaves_with_the_window(qtbot, clock):
    from keta_viz.ui.main_window import MainWindow

    w = MainWindow(scenario="ketamine-iv", clock=clock, remember=False, language="es")
    w.ticker.stop()
    assert close_text() == "Cerrar Cancelar"
    w.deleteLater()
    qtbot.waitUntil(lambda: close_text() == "Close Cancel")  # the next window starts from Qt's English
