"""The re-assertion logic on Qt's offscreen platform (tests/kiosk/test_window_manager.py runs it
against a real window manager)."""

from keta_viz.kiosk.cover import Cover
from keta_viz.kiosk.reassert import Reasserter


def test_minimized_hidden_or_windowed_the_kiosk_goes_back_full_screen(kiosk, qtbot):
    # Offscreen Qt does not model activation: on_top (raise, activate) is checked under X.
    keeper = Reasserter(kiosk, kiosk.screen(), on_top=False, wanted=lambda: not kiosk.unlocked)
    qtbot.waitUntil(lambda: keeper.displaced() == "", timeout=1000)  # the test window was 1280x800
    assert kiosk.isFullScreen() and kiosk.geometry() == kiosk.screen().geometry()
    for displace in (kiosk.showMinimized, kiosk.hide, kiosk.showNormal):
        displace()
        qtbot.waitUntil(lambda: keeper.displaced() == "", timeout=1000)  # the hooks or the 250 ms timer
        assert kiosk.isVisible() and kiosk.isFullScreen() and not kiosk.isMinimized()
    assert keeper.restores >= 3


def test_after_the_operator_exit_nothing_is_put_back(kiosk, qtbot):
    keeper = Reasserter(kiosk, kiosk.screen(), wanted=lambda: not kiosk.unlocked)
    kiosk.unlocked = True
    kiosk.close()
    qtbot.wait(300)
    assert not kiosk.isVisible() and keeper.restores == 0


def test_the_cover_is_black_full_screen_and_cannot_be_closed(qtbot):
    cover = Cover()
    qtbot.addWidget(cover)
    keeper = Reasserter(cover, cover.screen(), on_top=False)
    qtbot.waitUntil(lambda: keeper.displaced() == "", timeout=1000)
    assert cover.isFullScreen() and not cover.close() and cover.isVisible()
    image = cover.grab().toImage()
    assert image.pixelColor(10, 10).name() == "#000000"
    cover.showMinimized()
    qtbot.waitUntil(lambda: keeper.displaced() == "", timeout=1000)
    assert cover.isFullScreen()
