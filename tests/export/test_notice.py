"""Exported video: the disclaimer on the first and last seconds; captions mark animal evidence."""

import av
import numpy as np
import pytest
from PySide6.QtGui import QImage

from keta_viz.cli import main
from keta_viz.content import load_content
from keta_viz.export.frames import FrameSpec, caption_text, notice_rect, render_export_frame, video_frames
from keta_viz.export.video import bgra
from keta_viz.scene.palette import palette
from keta_viz.scene.synapse import Style

DISCLAIMER = load_content().ui["about"]["disclaimer"]


def strip(img: QImage, spec: FrameSpec) -> np.ndarray:
    """The pixels (RGB) where the disclaimer strip is drawn."""
    px = max(9, round(spec.height * 0.028))
    r = notice_rect(spec.width, spec.height - (round(spec.height * 0.16) if spec.captions else 0), px, DISCLAIMER)
    rgb = bgra(img)[:, :, 2::-1].astype(int)
    return rgb[r.top():r.bottom() + 1, r.left():r.right() + 1]


def ink_pixels(rgb: np.ndarray, pal_name: str) -> int:
    """Pixels within a small distance of the palette's text colour."""
    ink = palette(pal_name).ink
    return int((np.abs(rgb - [ink.red(), ink.green(), ink.blue()]).sum(axis=2) < 60).sum())


@pytest.mark.parametrize("pal_name,captions", [("screen", False), ("projector", True)])
def test_notice_draws_legible_text_where_the_strip_is(qapp, ket, pal_name, captions):
    spec = FrameSpec((ket,), 960, 540, Style(pal_name), captions)
    plain, marked = (render_export_frame(spec, 1.0, 0.0, notice=n) for n in (False, True))
    assert ink_pixels(strip(marked, spec), pal_name) > 4 * len(DISCLAIMER)  # glyphs in the text colour, not a tint
    assert ink_pixels(strip(marked, spec), pal_name) > 3 * ink_pixels(strip(plain, spec), pal_name)
    outside = bgra(marked)[: spec.height // 2]
    assert np.array_equal(outside, bgra(plain)[: spec.height // 2])  # only the strip changes


def test_notice_on_the_first_and_last_three_seconds_only(qapp, ket):
    spec = FrameSpec((ket,), 320, 180, Style())
    times = [i * 0.1 for i in range(100)]
    frames = video_frames(spec, times, 10)
    shown = [img != render_export_frame(spec, t, i / 10) for i, (t, img) in enumerate(zip(times, frames))]
    assert shown == [True] * 30 + [False] * 40 + [True] * 30


def test_mp4_first_and_last_frames_carry_the_disclaimer(tmp_path, qapp):
    out = tmp_path / "story.mp4"
    assert main(["export", "--scenario", "ketamine-iv", "--out", str(out), "--from", "0", "--to", "1h",
                 "--size", "640x360", "--fps", "4", "--captions"]) == 0
    with av.open(str(out)) as c:
        frames = [f.to_ndarray(format="rgb24").astype(int) for f in c.decode(c.streams.video[0])]
    r = notice_rect(640, 360 - round(360 * 0.16), max(9, round(360 * 0.028)), DISCLAIMER)
    assert len(frames) > 2 * 3 * 4

    def ink(frame):
        return ink_pixels(frame[r.top():r.bottom() + 1], "screen")

    middle = ink(frames[len(frames) // 2])
    assert ink(frames[0]) > 3 * max(middle, 1) and ink(frames[-1]) > 3 * max(middle, 1)


def test_video_caption_marks_animal_stages(ket):
    content = load_content()
    for stage in ket.stages:
        text = caption_text(FrameSpec((ket,), 320, 180, Style()), stage.start + 1e-6)
        marked = "[in animals]" in text
        assert marked == content.stage("ketamine", stage.id).in_animals, text
