"""The kiosk's language: the config's `language`, the visitor's EN/ES button, and back on idle (issue 16, item 2)."""

import logging

from PySide6.QtCore import QPoint, Qt

from a11y_walk import unnamed_controls
from keta_viz.kiosk.config import KioskConfig, hash_pin, load_config


def test_config_language_accepts_every_bundled_language(tmp_path, caplog):
    f = tmp_path / "kiosk.toml"
    for lang in ("en", "es"):
        f.write_text(f'language = "{lang}"\n')
        assert load_config(f).language == lang
    f.write_text('language = "fr"\n')
    with caplog.at_level(logging.WARNING, logger="keta_viz.kiosk"):
        assert load_config(f).language == "en"
    assert "'language'" in caplog.text and "en, es" in caplog.text


def test_a_spanish_kiosk_starts_in_spanish(qtbot, clock):
    from keta_viz.kiosk.window import KioskWindow

    salt, digest = hash_pin("2468")
    k = KioskWindow(KioskConfig(language="es", pin_salt=salt, pin_hash=digest), clock=clock)
    k.ticker.stop()
    qtbot.addWidget(k)
    assert k.session.language == "es"
    assert k.buttons["restart"].text() == "Reiniciar" and k.hint.text() == "Toque la pantalla para explorar"
    assert k.language_button.text() == "English"
    k.unlocked = True


def test_the_button_toggles_the_language_and_idle_brings_the_configured_one_back(kiosk, qtbot, clock):
    assert kiosk.session.language == "en" and kiosk.language_button.text() == "Español"
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert kiosk.language_button.isVisible()
    assert kiosk.language_button.minimumHeight() >= kiosk.buttons["restart"].minimumHeight()  # a touch target
    english_caption = kiosk.caption.text()
    qtbot.mouseClick(kiosk.language_button, Qt.MouseButton.LeftButton)
    assert kiosk.session.language == "es" and kiosk.caption.text() != english_caption
    assert kiosk.buttons["compare"].text() == "Comparar" and kiosk.language_button.text() == "English"
    assert kiosk.disclaimer.text() == kiosk.content.ui["about"]["disclaimer"] and "médico" in kiosk.disclaimer.text()
    kiosk.pin_pad.open()
    assert kiosk.pin_pad.title.text() == "Salida del operador: ingrese el PIN"
    kiosk.pin_pad.hide()
    qtbot.mouseClick(kiosk.language_button, Qt.MouseButton.LeftButton)
    assert kiosk.session.language == "en"
    qtbot.mouseClick(kiosk.language_button, Qt.MouseButton.LeftButton)
    assert kiosk.session.language == "es"
    clock.now += 41  # idle 30 s + countdown 10 s
    kiosk.tick()
    assert kiosk.mode == "attract" and kiosk.session.language == "en"
    assert kiosk.hint.text() == "Touch the screen to explore" and kiosk.buttons["restart"].text() == "Restart"


def test_every_kiosk_control_is_named_in_both_languages(kiosk, qtbot):
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))  # the touch controls
    kiosk.pin_pad.open()
    for lang in ("en", "es"):
        kiosk.session.set_language(lang)
        kiosk.pin_pad.open()
        assert unnamed_controls(kiosk) == [], lang
    assert kiosk.stage_buttons[2].accessibleName().startswith("Etapa 3: ")
    assert kiosk.pin_pad.keys["C"].accessibleName() == "Borrar el PIN"
    assert kiosk.views[0].accessibleDescription().startswith("Antes del tratamiento")
    kiosk.pin_pad.hide()


def test_lang_on_the_command_line_overrides_the_kiosk_config(tmp_path):
    from types import SimpleNamespace

    from keta_viz.kiosk.run import kiosk_config

    config = tmp_path / "kiosk.toml"
    config.write_text('language = "en"\n')
    assert kiosk_config(SimpleNamespace(config=str(config), screen=None, lang="es"))[0].language == "es"
    assert kiosk_config(SimpleNamespace(config=str(config), screen=None, lang=None))[0].language == "en"


def test_an_unknown_kiosk_lang_exits_2_before_any_window(capsys):
    from keta_viz.cli import main

    assert main(["--kiosk", "--lang", "xx"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--lang xx" in err[0]
