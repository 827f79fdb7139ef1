"""Text size 100-200 % (issue 16, item 6): the picture's labels, captions, narration, compare
pane titles and the chrome follow the Session's text_scale; View > Larger / Smaller / Normal
text (Ctrl+=, Ctrl+-, Ctrl+0) is remembered; the kiosk reads `text_size` from its config; at
200 % on a 1366 x 768 laptop nothing is clipped."""

import itertools
import logging

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeySequence

from keta_viz.scene.families import SCENES
from keta_viz.scene.synapse import _label_sprites
from keta_viz.ui.settings import load_preferences


def label_rects(family, width, height, text_scale, lang="en", floor=0.0):
    labels = _label_sprites(family, "plain", lang, "screen", width, height, floor, text_scale)[0]
    return [QRectF(top_left, img.size().toSizeF()) for _id, img, top_left, _a, _n in labels]


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("family", sorted(SCENES))
def test_label_pixel_height_grows_with_text_scale(family):
    heights = [max(r.height() for r in label_rects(family, 1600, 900, scale)) for scale in (1.0, 1.5, 2.0)]
    assert heights[0] < heights[1] < heights[2] and heights[2] >= 1.8 * heights[0]


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("family", sorted(SCENES))
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", [(1600, 900), (1048, 240), (640, 360), (500, 450)])
def test_large_labels_keep_inside_the_frame_and_off_each_other(family, lang, size):
    w, h = size
    rects = label_rects(family, w, h, 2.0, lang, floor=11)
    assert all(r.left() >= 0 and r.top() >= 0 and r.right() <= w and r.bottom() <= h for r in rects)
    assert not any(a.adjusted(1, 1, -1, -1).intersects(b) for a, b in itertools.combinations(rects, 2))
    assert min(r.height() for r in rects) >= min(r.height() for r in label_rects(family, w, h, 1.0, lang, floor=11))


def test_narration_captions_and_pane_titles_grow(window):
    s = window.session
    window.set_compare("escitalopram")
    body = window.narration.sections[0].body
    title = window.synapse.titles[0]
    before = (body.heightForWidth(300), title.font().pixelSize(), window.caption.label.font().pixelSize())
    s.set_text_scale(2.0)
    after = (body.heightForWidth(300), title.font().pixelSize(), window.caption.label.font().pixelSize())
    assert body.font().pixelSize() >= 2 * 13  # the narration's smallest step (13 px) at 200 %
    assert after[0] > 1.6 * before[0]  # the same words take far more lines
    assert after[1] >= 2 * before[1] - 1 and after[2] >= 2 * before[2] - 1
    assert "font-size:18pt" in window.styleSheet()  # the chrome: 9 pt at 100 %
    assert window.transport.time_label.font().pointSizeF() == 18
    s.set_text_scale(5.0)
    assert s.text_scale == 2.0  # clamped to 200 %


def test_view_menu_keys_step_the_text_size(window, qtbot):
    keys = {a.shortcut().toString(QKeySequence.SequenceFormat.PortableText) for a in window.actions()
            if not a.shortcut().isEmpty()}
    mine = {"Ctrl+=", "Ctrl+-", "Ctrl+0"}
    assert mine <= keys
    every = [k.toString(QKeySequence.SequenceFormat.PortableText) for a in window.actions() for k in a.shortcuts()]
    assert len(every) == len(set(every))  # no key does two things
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.session.text_scale == 1.5
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.session.text_scale == 1.25
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.session.text_scale == 1.0 and not window.view_settings.text_actions["smaller_text"].isEnabled()
    for action in window.view_settings.text_actions.values():
        assert action in window.view_menu.actions() and action.text()


def test_the_text_size_survives_a_restart(qtbot, clock, isolated_settings):
    from keta_viz.ui.main_window import MainWindow

    first = MainWindow(clock=clock)
    qtbot.addWidget(first)
    for _ in range(3):
        first.view_settings.text_actions["larger_text"].trigger()
    first.close()
    assert load_preferences().text_scale == 1.75
    assert list(isolated_settings.rglob("*.ini"))  # written to the temporary settings folder
    second = MainWindow(clock=clock)
    qtbot.addWidget(second)
    assert second.session.text_scale == 1.75 and "font-size:15.8pt" in second.styleSheet()
    second.remember = False


def test_a_bad_remembered_text_size_is_forgotten(caplog):
    from keta_viz.ui.settings import open_settings

    s = open_settings()
    s.setValue("text_scale", "9")
    s.sync()
    with caplog.at_level(logging.WARNING):
        assert load_preferences().text_scale == 1.0
    assert any("text_scale" in r.message for r in caplog.records)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_200_percent_fits_a_laptop_screen(qtbot, clock, lang):
    from keta_viz.ui.main_window import MainWindow
    from keta_viz.ui.settings import Preferences

    w = MainWindow(scenario="ketamine-iv", prefs=Preferences(text_scale=2.0), clock=clock, remember=False,
                   language=lang)
    w.ticker.stop()
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    qtbot.waitExposed(w)
    w.playhead.seek(1.0)
    qtbot.wait(50)
    assert w.width() <= 1366 and w.minimumSizeHint().width() <= 1366
    t = w.transport
    assert t.moments_row.geometry().top() >= t.playing_row.geometry().bottom()  # key moments wrapped below
    assert t.moments_row.geometry().right() <= t.width()
    assert w.narration.horizontalScrollBar().maximum() == 0  # no word cut at the column's edge
    from keta_viz.widgets.narration import TYPE_STEPS

    section = w.narration.sections[0]  # its type steps down, never below 26 px at 200 %, then the rest scrolls
    assert section.body.font().pixelSize() >= 2 * 13
    assert w.narration.verticalScrollBar().maximum() == 0 or section.type_step == len(TYPE_STEPS) - 1
    view = w.views[0]
    for r in label_rects(view.timeline.scenario.family, view.width(), view.height(), 2.0, lang,
                         w.session.label_min_px):
        assert r.right() <= view.width() and r.bottom() <= view.height()


def test_at_100_percent_the_transport_keeps_one_line(window):
    t = window.transport
    assert t.moments_row.geometry().top() == t.playing_row.geometry().top()


def test_the_kiosk_reads_text_size(tmp_path, caplog, qtbot):
    from keta_viz.kiosk.config import load_config
    from keta_viz.kiosk.window import KioskWindow

    path = tmp_path / "kiosk.toml"
    path.write_text("text_size = 150\n")
    config = load_config(path)
    assert config.text_size == 150
    k = KioskWindow(config)
    k.ticker.stop()
    qtbot.addWidget(k)
    assert k.session.text_scale == 1.5 and k.caption.label.font().pixelSize() == 54  # 36 px at 100 %
    k.unlocked = True
    for bad in ("250", "99", "1.5", '"large"', "true"):
        path.write_text(f"text_size = {bad}\n")
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert load_config(path).text_size == 100  # the safe default
        lines = [r.getMessage() for r in caplog.records]
        assert len(lines) == 1 and "text_size" in lines[0] and "100 to 200" in lines[0] and "\n" not in lines[0]
