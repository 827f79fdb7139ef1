"""The high-contrast palette (issue 16, item 6) wherever a palette is chosen: the window's View
menu (remembered), presentation, the kiosk config, `render` / `export --palette contrast`."""

import pytest
from PySide6.QtGui import QColor, QImage

from keta_viz.cli import main
from keta_viz.scene.palette import CONTRAST_CHROME, HEX, PLOT_GROUND
from keta_viz.ui.settings import load_preferences

BLACK = QColor(HEX["contrast"]["background_top"])


def grab(widget) -> QImage:
    return widget.grab().toImage()


def black_share(img: QImage) -> float:
    """The share of the image (sampled on a grid) that is the high-contrast black."""
    points = [(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)]
    return sum(img.pixelColor(x, y) == BLACK for x, y in points) / len(points)


def test_the_view_menu_turns_it_on_everywhere_in_the_window(window):
    assert window.view_settings.contrast_action in window.view_menu.actions()
    window.view_settings.contrast_action.trigger()
    s = window.session
    assert s.palette == "contrast" and not window.projector_action.isChecked()
    picture = window.views[0].frame()
    assert picture.pixelColor(picture.width() - 3, 3) == BLACK  # the picture's ground
    plots = grab(window.plots.graphics)
    assert plots.pixelColor(plots.width() - 3, 3) == QColor(PLOT_GROUND["contrast"])
    assert f"background:{CONTRAST_CHROME['window']}" in window.styleSheet()
    window.projector_action.trigger()  # the other palette toggle takes over
    assert s.palette == "projector" and not window.view_settings.contrast_action.isChecked()
    window.view_settings.contrast_action.trigger()
    window.view_settings.contrast_action.trigger()  # off again: the dark screen palette
    assert s.palette == "screen"


def test_it_is_remembered(window):
    window.view_settings.contrast_action.trigger()
    window.remember = True
    window.close()
    assert load_preferences().palette == "contrast"


def test_presentation_keeps_high_contrast_and_gives_it_back(window):
    window.view_settings.contrast_action.trigger()
    window.set_presentation(True)
    assert window.session.palette == "contrast"
    window.set_presentation(False)
    assert window.session.palette == "contrast"
    window.view_settings.contrast_action.trigger()
    window.set_presentation(True)
    assert window.session.palette == "projector"  # from the screen palette: the projector's, as before
    window.set_presentation(False)


def test_transport_icons_are_light_on_black(window):
    def brightest(button):
        img = button.icon().pixmap(22, 22).toImage()
        return max(img.pixelColor(x, y).lightness() for x in range(img.width()) for y in range(img.height())
                   if img.pixelColor(x, y).alpha() > 128)

    dark = brightest(window.transport.next_button)
    window.view_settings.contrast_action.trigger()
    assert brightest(window.transport.next_button) == 255 > dark


def test_outlines_are_thicker_than_on_the_screen_palette(qapp):
    from keta_viz.model import load_scenario, simulate
    from keta_viz.scene.render import scene_image
    from keta_viz.scene.synapse import Style

    tl = simulate(load_scenario("ketamine-iv"))

    def membrane_pixels(name):
        img = scene_image(tl, 0.0, 800, 450, Style(name, "none"))
        membrane = QColor(HEX[name]["membrane"])
        return sum(img.pixelColor(x, y) == membrane for x in range(0, 800, 2) for y in range(0, 450, 2))

    assert membrane_pixels("contrast") > 1.3 * membrane_pixels("screen")


def test_the_kiosk_takes_it_from_its_config(tmp_path, qtbot):
    from keta_viz.kiosk.config import load_config
    from keta_viz.kiosk.window import KioskWindow

    path = tmp_path / "kiosk.toml"
    path.write_text('palette = "contrast"\n')
    config = load_config(path)
    assert config.palette == "contrast"
    k = KioskWindow(config)
    k.ticker.stop()
    qtbot.addWidget(k)
    assert k.session.palette == "contrast"
    assert f"background:{CONTRAST_CHROME['kiosk']}" in k.styleSheet() and "border:3px solid #FFFFFF" in k.styleSheet()
    k.unlocked = True


@pytest.mark.usefixtures("qapp")
def test_render_and_export_take_palette_contrast(tmp_path, capsys):
    out = tmp_path / "c.png"
    assert main(["render", "--scenario", "ketamine-iv", "--at", "2h", "--size", "640x360", "--palette", "contrast",
                 "--out", str(out)]) == 0
    assert black_share(QImage(str(out))) > 0.4
    assert main(["export", "--scenario", "ketamine-iv", "--compare", "escitalopram", "--size", "960x540",
                 "--palette", "contrast", "--out", str(tmp_path / "e.png")]) == 0
    assert black_share(QImage(str(tmp_path / "e.png"))) > 0.4
    assert main(["export", "--scenario", "ketamine-iv", "--size", "960x540", "--out", str(tmp_path / "s.png")]) == 0
    assert black_share(QImage(str(tmp_path / "s.png"))) == 0  # the screen palette has no pure black
    capsys.readouterr()
    with pytest.raises(SystemExit) as bad:
        main(["render", "--scenario", "ketamine-iv", "--palette", "neon", "--out", str(tmp_path / "n.png")])
    assert bad.value.code == 2 and "invalid choice: 'neon'" in capsys.readouterr().err
