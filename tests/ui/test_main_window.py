"""The consult window: one Playhead drives every view; keys, scrubber and plots seek it."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from keta_viz.content import load_content


def grab(widget):
    img = widget.grab().toImage()
    a = np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes())
    return a.reshape(img.height(), img.bytesPerLine() // 4, 4)[:, : img.width()].copy()


def test_scrubber_drag_moves_playhead_and_every_view_follows(window, qtbot):
    sc = window.scrubber
    before_view = grab(window.views[0])
    y = int(sc._track().center().y())
    x0, x1 = int(sc.u_to_x(0.2)), int(sc.u_to_x(0.5))
    qtbot.mousePress(sc, Qt.MouseButton.LeftButton, pos=QPoint(x0, y))
    qtbot.mouseMove(sc, QPoint(x1, y))
    qtbot.mouseRelease(sc, Qt.MouseButton.LeftButton, pos=QPoint(x1, y))
    assert window.playhead.u == pytest.approx(0.5, abs=0.01)
    t = window.playhead.t
    assert all(c.value() == pytest.approx(window.playhead.u) for c in window.plots.cursors)
    stage = window.timeline.stage_at(t)
    assert window.narration.sections[0].stage_id == stage.id
    assert load_content().time_in_words(t, "ketamine") == window.transport.time_label.text()
    window.views[0].repaint()
    assert not np.array_equal(before_view, grab(window.views[0]))


@pytest.mark.parametrize("key, expect", [
    (Qt.Key.Key_End, lambda w, t0: w.playhead.u == 1.0),
    (Qt.Key.Key_Home, lambda w, t0: w.playhead.t == 0.0),
    (Qt.Key.Key_L, lambda w, t0: w.playhead.t > t0),
    (Qt.Key.Key_J, lambda w, t0: w.playhead.t < t0),
    (Qt.Key.Key_Right, lambda w, t0: w.playhead.t > t0),
    (Qt.Key.Key_Left, lambda w, t0: w.playhead.t < t0),
])
def test_keys_seek(window, qtbot, key, expect):
    window.playhead.seek_u(0.5)
    t0 = window.playhead.t
    qtbot.keyClick(window, key)
    assert expect(window, t0)


def test_stage_keys_land_inside_the_right_stage(window, qtbot):
    stages = window.timeline.stages
    window.playhead.seek(0)
    for expected in stages[1:4]:
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
        assert window.timeline.stage_at(window.playhead.t) == expected
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.timeline.stage_at(window.playhead.t) == stages[2]
    qtbot.keyClick(window, Qt.Key.Key_6)
    assert window.timeline.stage_at(window.playhead.t) == stages[5]
    assert window.narration.sections[0].stage_id == stages[5].id


def test_space_plays_and_playback_reaches_the_end_and_stops(window, qtbot, clock):
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.playhead.playing
    for _ in range(100):  # 100 s of wall time at 1x covers the ~90 s story
        clock.now += 1.0
        window.tick()
    assert not window.playhead.playing and window.playhead.u == 1.0


def test_whole_story_takes_about_90_seconds(window, clock):
    window.playhead.set_playing(True)
    clock.now += 45.0
    window.tick()
    assert window.playhead.u == pytest.approx(0.5, abs=0.01)


def test_loop_restarts(window, clock):
    window.transport.loop_button.setChecked(True)
    window.playhead.seek_u(0.99)
    window.playhead.set_playing(True)
    clock.now += 3.0
    window.tick()
    assert window.playhead.playing and window.playhead.u < 0.05


def test_particles_move_while_paused(window, clock):
    window.session.set_scale(2.0)  # the synapse (the story opens on the brain)
    view = window.views[0]
    a = view.frame().copy()
    clock.now += 0.5
    window.tick()
    assert not window.playhead.playing
    assert view.frame() != a


def test_plot_click_seeks(window, qtbot):
    window.plots.tabs.setCurrentIndex(2)  # shown, whether or not the plots take turns
    qtbot.wait(20)
    plot = window.plots.plots[2]
    vb = plot.vb
    target = vb.mapViewToScene(QPointF(0.6, 0.5))
    view_pos = window.plots.graphics.mapFromScene(target)
    qtbot.mouseClick(window.plots.graphics.viewport(), Qt.MouseButton.LeftButton, pos=view_pos)
    assert window.playhead.u == pytest.approx(0.6, abs=0.02)


def test_vocabulary_switch_changes_narration(window, qtbot):
    window.playhead.seek(0.3)
    body = window.narration.sections[0].body.text()
    window.vocab_action.setChecked(True)
    assert window.narration.sections[0].body.text() != body
    stage = load_content().stage("ketamine", window.timeline.stage_at(0.3).id)
    assert stage.expert.split()[0] in window.narration.sections[0].body.text()


def test_bad_scenario_file_keeps_the_old_one(window, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("title = 'x'\ndrug = 'ketamine'\nweight_kg = 900\n")
    window.playhead.seek(5)
    assert not window.set_scenario(str(bad))
    assert window.timeline.scenario.name == "ketamine-iv"
    assert "weight_kg" in window.last_error
    assert window.playhead.t == 5


def test_scenario_switch_keeps_time_and_updates_plots(window):
    window.playhead.seek(24)
    assert window.set_scenario("escitalopram")
    assert window.playhead.t == 24
    assert window.timeline.scenario.drug == "escitalopram"
    assert "0:sert_occupancy" in window.plots.curves


def test_clicking_a_legend_swatch_hides_and_shows_its_series_without_seeking(window, qtbot):
    window.playhead.seek(3.0)
    window.plots.tabs.setCurrentIndex(2)  # shown, whether or not the plots take turns
    qtbot.wait(20)
    legend = window.plots.legends[2]
    relief = window.plots.curves["0:relief"]
    sample = next(sample for sample, _label in legend.items if sample.item is relief)
    graphics = window.plots.graphics
    pos = graphics.mapFromScene(sample.mapToScene(sample.boundingRect().center()))
    qtbot.mouseClick(graphics.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert not relief.isVisible() and window.plots.curves["0:spine_density"].isVisible()
    assert window.playhead.t == 3.0
    qtbot.mouseClick(graphics.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert relief.isVisible()


def test_black_screen_toggles(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert window.black.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert not window.black.isVisible()


def test_gui_export_snapshot_and_cancelled_video(window, tmp_path, qtbot):
    from PySide6.QtCore import QTimer

    assert window.export_to(tmp_path / "snap.png")
    assert (tmp_path / "snap.png").stat().st_size > 1000
    QTimer.singleShot(0, lambda: window.progress_dialog.cancel())
    assert not window.export_to(tmp_path / "story.mp4")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["snap.png"]
