"""Presentation: full screen, projector colours, large captions, fading controls, a pen."""

import pytest
from PySide6.QtCore import QPoint, Qt


@pytest.fixture
def presenting(window):
    window.set_presentation(True)
    return window


def test_presentation_hides_chrome_and_uses_projector_palette(presenting):
    w = presenting
    assert w.prefs.palette == "projector"
    assert not w.menuBar().isVisible() and not w.narration.isVisible() and not w.plots.isVisible()
    assert w.stage_caption.isVisible() and w.presentation.caption_pixels() >= 32
    stage_title = w.session.content.stage("ketamine", w.timeline.stage_at(w.playhead.t).id).title
    assert stage_title in w.stage_caption.text()


def test_controls_fade_after_3s_and_return_on_input(presenting, clock, qtbot):
    w = presenting
    w.presentation.note_input()
    clock.now += 2.9
    w.tick()
    assert w.controls_fade.opacity() == 1.0
    clock.now += 1.0
    w.tick()
    assert w.controls_fade.opacity() == 0.0
    qtbot.mouseMove(w.views[0], QPoint(50, 50))
    assert w.controls_fade.opacity() == 1.0


def test_clicker_keys_and_escape(presenting, qtbot):
    w = presenting
    w.playhead.seek(0)
    qtbot.keyClick(w, Qt.Key.Key_PageDown)
    assert w.timeline.stage_at(w.playhead.t).index == 1
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert not w.presenting and w.menuBar().isVisible() and w.prefs.palette == "screen"


def test_pen_strokes_stay_on_the_diagram(presenting, qtbot):
    w = presenting
    view = w.views[0]
    qtbot.keyClick(w, Qt.Key.Key_P)
    assert view.pen_on
    a, b = QPoint(view.width() // 3, view.height() // 2), QPoint(view.width() // 2, view.height() // 2)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view, b)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=b)
    assert len(view.strokes.items) == 1
    scene_pts = [(p.x(), p.y()) for p in view.strokes.items[0][1]]
    drawn_at = view.strokes.items[0][2]
    assert drawn_at == w.session.scale == 0.0  # the story opens on the brain: drawn on the brain
    w.playhead.seek(48)  # time moves, the stroke stays where it was drawn on the diagram
    view.resize(view.width() // 2, view.height() // 2)
    assert [(p.x(), p.y()) for p in view.strokes.items[0][1]] == scene_pts
    assert w.session.scale != drawn_at and w.synapse.drawing() is None  # hidden on another scale...
    w.session.set_scale(drawn_at)
    img = w.synapse.drawing()  # ...and back with its own
    assert img is not None
    plain = view.frame()
    assert img != plain
    qtbot.keyClick(w, Qt.Key.Key_C)
    assert not view.strokes and w.synapse.drawing() is None


def test_the_time_readouts_corner_is_kept_clear_of_labels(presenting, qtbot):
    w = presenting
    w.tick()
    readout, view = w.presentation.readout, w.views[0]
    assert readout.isVisible()
    cw, ch = w.session.style.corner
    dpr = view.devicePixelRatioF()
    top_left = view.mapFrom(w, readout.geometry().topLeft())  # the readout, in the picture's pixels
    assert view.width() * dpr - top_left.x() * dpr <= cw and view.height() * dpr - top_left.y() * dpr <= ch
    assert cw < view.width() * dpr / 2 and ch < view.height() * dpr / 3  # a corner, not the picture
    w.set_presentation(False)
    assert w.session.style.corner == (0, 0)  # labels anywhere again at the desk


def test_an_export_while_presenting_keeps_no_corner(presenting, tmp_path):
    from keta_viz.ui.export_dialog import export_style

    w = presenting
    w.tick()
    style = w.session.style
    assert style.corner != (0, 0)
    assert export_style(w.session).corner == (0, 0)  # the exported picture has no time readout
    assert export_style(w.session).label_min_px == style.label_min_px  # the rest of the style as shown
    assert w.export_to(tmp_path / "snap.png")
