"""The window icon is built from the bundled PNG sizes."""


def test_app_icon_has_every_size(qapp):
    from keta_viz.ui.app import ICON_SIZES, app_icon

    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == list(ICON_SIZES)
    img = icon.pixmap(64, 64).toImage()
    assert img.pixelColor(32, 32).alpha() == 255 and img.pixelColor(0, 0).alpha() == 0  # drawn tile, clear corner
