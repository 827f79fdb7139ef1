"""The transport's icons keep full contrast on their buttons while the story plays and while it
is paused, in every palette and while presenting (the system's dark media icons were drawn
unchanged on the dark 'screen' chrome: 1.5:1)."""

from collections import Counter

import pytest
from PySide6.QtCore import QRect

from wcag import AA, contrast

INK_PX = 40  # the least of a 22 px icon's pixels that must reach AA (a play triangle or pause bars: > 80)


def icon_ink(button) -> tuple[str, list[float]]:
    """The button's ground (the commonest colour in a band around its icon) and each icon
    pixel's contrast with it, from the button as shown (QWidget.grab)."""
    image = button.grab().toImage()
    size = button.iconSize()
    icon = QRect(0, 0, size.width(), size.height())
    icon.moveCenter(button.rect().center())
    band = icon.adjusted(-4, -4, 4, 4)
    ground = Counter(image.pixelColor(x, y).name() for x in range(band.left(), band.right() + 1)
                     for y in range(band.top(), band.bottom() + 1) if not icon.contains(x, y)).most_common(1)[0][0]
    return ground, [contrast(image.pixelColor(x, y).name(), ground)
                    for x in range(icon.left(), icon.right() + 1) for y in range(icon.top(), icon.bottom() + 1)]


def assert_full_contrast(button, what: str) -> None:
    ground, ink = icon_ink(button)
    assert sum(c >= AA for c in ink) >= INK_PX, (what, ground, round(max(ink), 2))


@pytest.mark.parametrize("palette", ["screen", "projector", "contrast"])
def test_play_and_pause_icons_have_full_contrast(window, qtbot, palette):
    window.session.set_palette(palette)
    t, ph = window.transport, window.playhead
    assert not ph.playing
    assert_full_contrast(t.play_button, f"{palette} paused")
    play = t.play_button.grab().toImage()
    ph.toggle()
    assert ph.playing
    assert_full_contrast(t.play_button, f"{palette} playing")
    assert t.play_button.grab().toImage() != play  # the pause icon, not the play one
    for button in (t.prev_button, t.next_button, t.loop_button):
        assert_full_contrast(button, f"{palette} {button.accessibleName()}")
    t.loop_button.setChecked(True)  # a toggle that is on: its own ground
    assert_full_contrast(t.loop_button, f"{palette} loop on")


def test_presentation_icons_have_full_contrast(window, qtbot):
    window.set_presentation(True)
    window.playhead.toggle()
    assert window.controls_fade.opacity() == 1.0  # shown (they fade only after 3 s without input)
    assert_full_contrast(window.transport.play_button, "presenting, playing")
    window.playhead.toggle()
    assert_full_contrast(window.transport.play_button, "presenting, paused")
    window.set_presentation(False)


@pytest.mark.parametrize("palette", ["screen", "contrast"])
def test_icons_are_not_dimmed_when_hovered_or_checked(palette):
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QStyle

    from keta_viz.scene.palette import chrome
    from keta_viz.widgets.icons import palette_icon

    icon = palette_icon(QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MediaPause), palette)
    for state, ink in ((QIcon.State.Off, "text"), (QIcon.State.On, "text_on")):  # On: a checked toggle
        normal = icon.pixmap(22, 22, QIcon.Mode.Normal, state).toImage()
        for mode in (QIcon.Mode.Active, QIcon.Mode.Selected):  # hovered, selected: no tint
            assert icon.pixmap(22, 22, mode, state).toImage() == normal, (mode, state)
        solid = {normal.pixelColor(x, y).name() for x in range(22) for y in range(22)
                 if normal.pixelColor(x, y).alpha() == 255}
        assert solid == {chrome(palette)[ink].lower()}, state
