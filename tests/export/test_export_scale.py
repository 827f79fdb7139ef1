"""--scale in render and export: three deterministic pictures, the video follows the story tour
(brain first, synapse while the drug acts) unless told a scale, handout thumbnails at the scale."""

import av
import numpy as np
import pytest
from PySide6.QtGui import QImage

from keta_viz.cli import main
from keta_viz.export.frames import FrameSpec, render_export_frame
from keta_viz.model import load_scenario, simulate
from keta_viz.model.tour import BRAIN, CIRCUIT, SYNAPSE
from keta_viz.scene.render import scene_image
from keta_viz.scene.synapse import Style


def argb(img):
    return img.convertToFormat(QImage.Format.Format_ARGB32)


def rgb(img):
    """(H, W, 3) floats of an image (a copy: the converted image is temporary)."""
    img = img.convertToFormat(QImage.Format.Format_RGB888)
    a = np.frombuffer(img.constBits(), np.uint8, count=img.bytesPerLine() * img.height())
    return a.reshape(img.height(), img.bytesPerLine())[:, :img.width() * 3].reshape(img.height(), img.width(), 3) \
        .astype(float)


@pytest.mark.parametrize("scenario", ["ketamine-iv", "escitalopram"])
def test_render_draws_three_scales_the_same_way_twice(tmp_path, qapp, scenario):
    digests = {}
    for scale in ("brain", "circuit", "synapse"):
        runs = []
        for run in (1, 2):
            out = tmp_path / f"{scale}-{run}.png"
            assert main(["render", "--scenario", scenario, "--at", "0min", "--scale", scale, "--size", "480x270",
                         "--out", str(out)]) == 0
            runs.append(out.read_bytes())
        assert runs[0] == runs[1]  # same command, same bytes
        digests[scale] = runs[0]
    assert len(set(digests.values())) == 3  # three different pictures
    ref = scene_image(simulate(load_scenario(scenario)), 0.0, 480, 270, Style(), scale=CIRCUIT)
    assert argb(QImage(str(tmp_path / "circuit-1.png"))) == argb(ref)
    assert main(["render", "--scenario", scenario, "--at", "0min", "--size", "480x270",
                 "--out", str(tmp_path / "default.png")]) == 0
    assert (tmp_path / "default.png").read_bytes() == digests["synapse"]  # the synapse unless told otherwise


@pytest.mark.parametrize("command", ["render", "export"])
def test_a_bad_scale_is_one_line_and_exit_2(tmp_path, capsys, command):
    out = tmp_path / "x.png"
    assert main([command, "--scenario", "ketamine-iv", "--scale", "galaxy", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--scale galaxy" in err and "brain, circuit, synapse" in err
    assert not out.exists()


def test_export_png_and_compare_at_a_scale(tmp_path, qapp):
    ket = simulate(load_scenario("ketamine-iv"))
    out = tmp_path / "brain.png"
    assert main(["export", "--scenario", "ketamine-iv", "--at", "1h", "--scale", "BRAIN", "--size", "480x270",
                 "--out", str(out)]) == 0
    assert argb(QImage(str(out))) == argb(scene_image(ket, 1.0, 480, 270, Style(), scale=BRAIN))
    both = tmp_path / "both.png"
    assert main(["render", "--scenario", "ketamine-iv", "--compare", "escitalopram", "--scale", "circuit",
                 "--size", "960x300", "--out", str(both)]) == 0
    assert both.stat().st_size > 0


def test_the_video_follows_the_tour_unless_told_a_scale(qapp):
    ket = simulate(load_scenario("ketamine-iv"))
    tour = FrameSpec((ket,), 320, 180, Style(), scale=None)
    ampa = next(s for s in ket.stages if s.id == "ampa_firing")
    t_ampa = (ampa.start + ampa.end) / 2
    assert render_export_frame(tour, 0.0, 0.0) == scene_image(ket, 0.0, 320, 180, Style(), scale=BRAIN)
    assert render_export_frame(tour, t_ampa, 0.0) == scene_image(ket, t_ampa, 320, 180, Style(), scale=SYNAPSE)
    held = FrameSpec((ket,), 320, 180, Style(), scale=CIRCUIT)
    assert render_export_frame(held, t_ampa, 0.0) == scene_image(ket, t_ampa, 320, 180, Style(), scale=CIRCUIT)


def test_an_exported_story_opens_on_the_brain_and_flies_into_the_synapse(tmp_path, qapp):
    out = tmp_path / "story.mp4"
    assert main(["export", "--scenario", "ketamine-iv", "--out", str(out), "--from", "0", "--to", "2h",
                 "--size", "320x180", "--fps", "4"]) == 0
    with av.open(str(out)) as c:
        frames = [f.to_ndarray(format="rgb24").astype(float) for f in c.decode(c.streams.video[0])]
    ket = simulate(load_scenario("ketamine-iv"))
    brain = rgb(scene_image(ket, 0.0, 320, 180, Style(), scale=BRAIN))[:150]
    synapse = rgb(scene_image(ket, 2.0, 320, 180, Style(), scale=SYNAPSE, phase=(len(frames) - 1) / 4))[:150]
    # the disclaimer strip covers the bottom of the first and last seconds: compare above it
    first, last = frames[0][:150], frames[-1][:150]
    assert np.abs(first - brain).mean() < 6 < np.abs(first - synapse).mean()
    assert np.abs(last - synapse).mean() < 6 < np.abs(last - brain).mean()


def test_handout_thumbnails_are_drawn_at_the_scale(tmp_path, qapp, monkeypatch):
    import keta_viz.export.handout as handout

    seen = []
    real = handout.scene_image
    monkeypatch.setattr(handout, "scene_image", lambda *a, **k: seen.append(k.get("scale")) or real(*a, **k))
    assert main(["export", "--scenario", "ketamine-iv", "--scale", "circuit", "--out", str(tmp_path / "h.pdf")]) == 0
    assert seen and set(seen) == {CIRCUIT}
    seen.clear()
    assert main(["export", "--scenario", "ketamine-iv", "--out", str(tmp_path / "h2.pdf")]) == 0
    assert seen and set(seen) == {SYNAPSE}
