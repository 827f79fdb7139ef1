"""Finding things at the kiosk (issue 15, item 10): stages by name, never cut, in English and
Spanish at 1366x768 and 1920x1080; play/pause; which drug is playing; a dimmed backdrop under
the PIN pad; and a paused kiosk still goes back to the attract loop when left alone."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton

from keta_viz.kiosk.stage_buttons import fits


def touch(kiosk, qtbot):
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))


def settle(kiosk, qtbot):
    qtbot.wait(20)  # the row fits its names once laid out (a zero-time timer)
    QApplication.processEvents()


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_stage_button_shows_its_short_name_whole(kiosk, qtbot, size, lang):
    kiosk.resize(*size)
    kiosk.session.set_language(lang)
    touch(kiosk, qtbot)
    for scenario in ("ketamine-iv", "escitalopram", "ketamine-course"):
        kiosk.show_scenario(scenario)
        settle(kiosk, qtbot)
        tl, content = kiosk.session.timeline, kiosk.content
        shown = [b for b in kiosk.stage_buttons if b.isVisible()]
        assert len(shown) == len(tl.stages)
        for stage, b in zip(tl.stages, shown):
            name = b.name
            assert name.text() == content.stage(tl.scenario.drug, stage.id).short
            assert fits(name.font(), name.text(), name.width(), name.height()), (size, lang, name.text())
            assert name.font().pixelSize() >= 12
        for b in kiosk.touch_ui.findChildren(QPushButton):
            if b.isVisible() and b.text():  # ketamine, SSRI, compare, restart, language, play/pause
                assert QFontMetrics(b.font()).horizontalAdvance(b.text()) + 16 <= b.width(), (size, lang, b.text())


def test_the_narrowest_row_really_is_checked():
    from PySide6.QtGui import QFont

    font = QFont()
    font.setPixelSize(22)
    assert fits(font, "Glutamate burst", 200, 60)
    assert not fits(font, "Reconstrucción lenta", 90, 60)  # a word wider than the button
    assert not fits(font, "Stressed synapse of the day", 120, 30)  # more lines than room


def test_the_stage_shown_is_marked_and_a_button_jumps_there(kiosk, qtbot):
    touch(kiosk, qtbot)
    qtbot.mouseClick(kiosk.stage_buttons[5], Qt.MouseButton.LeftButton)
    assert kiosk.playhead.t == pytest.approx(kiosk.session.timeline.stages[5].start)
    assert [b.on for b in kiosk.stage_buttons[:7]] == [False] * 5 + [True, False]
    qtbot.mouseClick(kiosk.stage_buttons[5], Qt.MouseButton.LeftButton)  # again: still the one shown
    assert kiosk.stage_buttons[5].on and not kiosk.stage_buttons[5].isCheckable()


def test_pause_and_play_by_touch(kiosk, qtbot):
    touch(kiosk, qtbot)
    play = kiosk.stage_row.play_button
    assert kiosk.playhead.playing and play.text() == kiosk.words["pause"]
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    assert not kiosk.playhead.playing and play.text() == kiosk.words["play"]
    kiosk.session.set_language("es")
    assert play.text() == "Reproducir"
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    assert kiosk.playhead.playing and play.text() == "Pausa"


def test_a_paused_kiosk_still_returns_to_the_attract_loop(kiosk, qtbot, clock):
    touch(kiosk, qtbot)
    qtbot.mouseClick(kiosk.buttons["ssri"], Qt.MouseButton.LeftButton)
    kiosk.playhead.seek(300)
    qtbot.mouseClick(kiosk.stage_row.play_button, Qt.MouseButton.LeftButton)
    assert not kiosk.playhead.playing
    clock.now += 31
    kiosk.tick()
    assert kiosk.countdown.isVisible()
    clock.now += 10
    kiosk.tick()
    assert kiosk.mode == "attract" and kiosk.playhead.playing and kiosk.playhead.t < 1
    assert kiosk.session.timeline.scenario.name == "ketamine-iv"


def test_the_drug_playing_is_named(kiosk, qtbot):
    top, row = kiosk.now_playing, kiosk.row_title
    assert top.isVisible() and top.text() == "Ketamine (IV)"  # in the attract loop, above the picture
    touch(kiosk, qtbot)
    assert row.isVisible() and not top.isVisible()  # for a visitor, between the buttons
    qtbot.mouseClick(kiosk.buttons["ssri"], Qt.MouseButton.LeftButton)
    assert row.text() == "Escitalopram (SSRI)"
    kiosk.session.set_language("es")
    assert row.text() == "Escitalopram (ISRS)"
    qtbot.mouseClick(kiosk.buttons["compare"], Qt.MouseButton.LeftButton)
    assert not row.isVisible() and not top.isVisible()  # each pane carries its own title
    qtbot.mouseClick(kiosk.buttons["ketamine"], Qt.MouseButton.LeftButton)
    assert row.isVisible() and row.text() == "Ketamina (IV)"


def test_the_pin_pad_sits_on_a_dimmed_backdrop(kiosk, qtbot):
    touch(kiosk, qtbot)
    kiosk.playhead.set_playing(False)
    view = kiosk.views[0]
    corner = view.mapTo(kiosk, QPoint(view.width() // 20, view.height() // 2))  # the picture, away from the pad
    before = QColor(kiosk.grab().toImage().pixel(corner)).lightnessF()
    kiosk.pin_pad.open()
    QApplication.processEvents()
    backdrop = kiosk.pin_pad.backdrop
    assert backdrop.isVisible() and backdrop.geometry() == kiosk.rect()
    after = QColor(kiosk.grab().toImage().pixel(corner)).lightnessF()
    assert after < before * 0.6  # without the backdrop it stays the same
    pad_centre = kiosk.pin_pad.geometry().center()
    assert kiosk.childAt(pad_centre) is not backdrop  # the pad is above its backdrop
    qtbot.mouseClick(kiosk.pin_pad.cancel, Qt.MouseButton.LeftButton)
    assert not backdrop.isVisible()
    kiosk.pin_pad.open()
    kiosk.reset()  # a visitor who walks away: pad and backdrop go
    assert not kiosk.pin_pad.isVisible() and not backdrop.isVisible()


def test_on_high_contrast_the_stage_shown_reads_black_on_yellow(qtbot, clock, tmp_path):
    from PySide6.QtGui import QPalette

    from keta_viz.kiosk.config import KioskConfig
    from keta_viz.kiosk.window import KioskWindow
    from keta_viz.scene.palette import CONTRAST_CHROME

    k = KioskWindow(KioskConfig(palette="contrast", heartbeat_file=str(tmp_path / "beat")), clock=clock)
    k.ticker.stop()
    k.resize(1366, 768)
    k.show()
    qtbot.waitExposed(k)
    try:
        touch(k, qtbot)
        qtbot.mouseClick(k.stage_buttons[2], Qt.MouseButton.LeftButton)
        ink = [b.name.palette().color(QPalette.ColorRole.WindowText).name().upper() for b in k.stage_buttons[:4]]
        assert ink[2] == CONTRAST_CHROME["text_on"] and ink[1] == ink[3] == CONTRAST_CHROME["text"]
    finally:
        k.unlocked = True
        k.close()
