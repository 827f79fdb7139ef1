"""--scale in render and export: three deterministic pictures, the video follows the story tour
(brain first, synapse while the drug acts) unless told a scale, handout thumbnails at the scale."""

import av
import numpy as np
import pytest
from PySide6.QtGui import QImage

from keta_viz.cli import main
from keta_viz.export.frames import FrameSpec, render_export_frame, stage_moment
from keta_viz.model import load_scenario, simulate
from keta_viz.model.tour import BRAIN, CIRCUIT, SYNAPSE
from keta_viz.scene.camera import WHOLE, story_camera
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
    t_ampa = stage_moment(ket, ampa)
    camera = story_camera(ket, t_ampa)
    assert camera != WHOLE  # the receptors framed
    assert render_export_frame(tour, 0.0, 0.0) == scene_image(ket, 0.0, 320, 180, Style(), scale=BRAIN)
    framed = render_export_frame(tour, t_ampa, 0.0)
    assert framed == scene_image(ket, t_ampa, 320, 180, Style(), scale=SYNAPSE, camera=camera)
    assert framed != scene_image(ket, t_ampa, 320, 180, Style(), scale=SYNAPSE)  # not the whole synapse
    held = FrameSpec((ket,), 320, 180, Style(), scale=SYNAPSE)
    assert render_export_frame(held, t_ampa, 0.0) == scene_image(ket, t_ampa, 320, 180, Style(), scale=SYNAPSE)
    held = FrameSpec((ket,), 320, 180, Style(), scale=CIRCUIT)
    assert render_export_frame(held, t_ampa, 0.0) == scene_image(ket, t_ampa, 320, 180, Style(), scale=CIRCUIT)


def test_an_exported_video_frame_is_the_story_camera_frame(tmp_path, qapp):
    """Decoded from the mp4: the frame at the middle of 'ampa_firing' is the framed synapse, not the whole."""
    ket = simulate(load_scenario("ketamine-iv"))
    ampa = next(s for s in ket.stages if s.id == "ampa_firing")
    t = float(f"{stage_moment(ket, ampa) * 60:.6f}") / 60  # the first frame's time, as the CLI reads it
    out = tmp_path / "story.mp4"
    assert main(["export", "--scenario", "ketamine-iv", "--from", f"{t * 60:.6f}min", "--to", f"{t * 60 + 0.01:.6f}min",
                 "--size", "320x180", "--fps", "10", "--out", str(out)]) == 0
    with av.open(str(out)) as box:
        frame = next(box.decode(video=0)).to_ndarray(format="rgb24").astype(float)
    framed = rgb(scene_image(ket, t, 320, 180, Style(), scale=SYNAPSE, camera=story_camera(ket, t)))
    whole = rgb(scene_image(ket, t, 320, 180, Style(), scale=SYNAPSE))
    top = slice(0, 100)  # above the disclaimer strip a short video carries throughout
    near, far = np.abs(frame[top] - framed[top]).mean(), np.abs(frame[top] - whole[top]).mean()
    assert near < 10 and far > 4 * near, (near, far)  # H.264 loses a little; the whole synapse is far off
