"""Exports: PNG equals the scene render, MP4 decodes, PDF holds the captions, nothing half-written."""

import unicodedata

import av
import numpy as np
import pytest
from pypdf import PdfReader

from keta_viz.cli import main
from keta_viz.content import load_content
from keta_viz.export import ExportCancelled, ExportRequest, run_export
from keta_viz.export.handout import cited_keys, key_stages, schedule_text, write_handout
from keta_viz.model import load_scenario, simulate
from keta_viz.scene.render import scene_image
from keta_viz.scene.synapse import Style


def test_png_equals_the_scene_render(tmp_path, qapp, ket):
    from PySide6.QtGui import QImage

    out = tmp_path / "snap.png"
    assert main(["export", "--scenario", "ketamine-iv", "--out", str(out), "--at", "2h", "--size", "800x450"]) == 0
    png = QImage(str(out)).convertToFormat(QImage.Format.Format_ARGB32)
    ref = scene_image(ket, 2.0, 800, 450, Style()).convertToFormat(QImage.Format.Format_ARGB32)
    assert png == ref


def test_mp4_decodes_with_expected_frames_and_size(tmp_path, qapp):
    out = tmp_path / "story.mp4"
    assert main(["export", "--scenario", "ketamine-iv", "--out", str(out), "--from", "0", "--to", "10min",
                 "--size", "320x180", "--fps", "10", "--captions"]) == 0
    from keta_viz.export.frames import story_times
    from keta_viz.model import StoryAxis

    expected = len(story_times(StoryAxis(29 * 24, 1 / 60), 0, 10 / 60, 10))
    with av.open(str(out)) as c:
        stream = c.streams.video[0]
        frames = list(c.decode(stream))
        assert stream.codec_context.name == "h264"
        assert stream.codec_context.pix_fmt == "yuv420p"
    assert len(frames) == expected
    assert (frames[0].width, frames[0].height) == (320, 180)
    assert np.asarray(frames[-1].to_ndarray(format="rgb24")).std() > 10


def test_gif_loops(tmp_path, qapp):
    from PIL import Image

    out = tmp_path / "story.gif"
    assert main(["export", "--scenario", "escitalopram", "--out", str(out), "--from", "1d", "--to", "2d",
                 "--size", "320x180", "--fps", "5"]) == 0
    with Image.open(out) as im:
        assert im.n_frames > 2 and im.info.get("loop") == 0


def _pdf_text(path) -> str:
    raw = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return " ".join(unicodedata.normalize("NFKC", raw).split())  # undo ligatures such as "ﬀ"


def _squeezed(text: str) -> str:
    return "".join(text.split())  # lines wrap anywhere in a citation (after '/' in a DOI, say)


@pytest.mark.parametrize("scenario", ["ketamine-iv", "escitalopram"])
def test_pdf_handout_is_an_illustration_with_safety_and_sorted_complete_sources(tmp_path, qapp, scenario):
    out = tmp_path / "handout.pdf"
    assert main(["export", "--scenario", scenario, "--out", str(out)]) == 0
    assert 3 <= len(PdfReader(str(out)).pages) <= 5  # a row per stage; the sources flow on when long
    text = _pdf_text(out)
    tl = simulate(load_scenario(scenario))
    c = load_content()
    for stage, _ in key_stages(tl):
        assert c.stage(tl.scenario.drug, stage.id).title in text
    assert c.ui["about"]["disclaimer"] in text
    assert "illustrative" in text and "not a prediction" in text and "the same for everyone" in text
    assert "What to expect" not in text and "mg for" not in text and " kg)" not in text
    assert c.ui["badges"]["in_animals"] in text
    for para in c.safety(tl.scenario.family).paragraphs:
        assert para.plain in text
    keys = cited_keys(c, tl)
    stage_keys = {k for st in tl.stages for k in c.stage(tl.scenario.drug, st.id).sources}
    assert stage_keys <= set(keys) and "trivedi2006" in keys
    squeezed = _squeezed(text)
    at = [squeezed.find(_squeezed(c.citation(k))) for k in keys]
    assert -1 not in at, [k for k, i in zip(keys, at) if i == -1]
    assert at == sorted(at)  # printed in the sorted order
    order = [(_folded(c.references[k]["authors"].split()[0]), c.references[k]["year"]) for k in keys]
    assert order == sorted(order)  # by first author, then year


def _folded(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.lower().replace("ł", "l"))
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def test_schedule_describes_the_scenario_not_a_personal_dose():
    c = load_content()
    one = schedule_text(c, simulate(load_scenario("ketamine-iv")))
    assert "0.5 mg/kg" in one and "40 minutes" in one and "day 1" in one and "kg)" not in one
    assert "days 1, 3, 5, 8, 10, 12" in schedule_text(c, simulate(load_scenario("ketamine-course")))


def test_handout_with_a_drawing_flows_onto_a_new_page_without_losing_anything(tmp_path, qapp, ket):
    from PySide6.QtGui import QColor, QImage

    drawing = QImage(1600, 900, QImage.Format.Format_ARGB32)
    drawing.fill(QColor("#F0E6DA"))
    out = tmp_path / "drawn.pdf"
    without = write_handout(tmp_path / "plain.pdf", ket)
    pages = write_handout(out, ket, drawing=drawing)
    assert pages == len(PdfReader(str(out)).pages) == without + 1  # the drawing's page, then the rest
    text = _pdf_text(out)
    c = load_content()
    assert _squeezed(c.citation(cited_keys(c, ket)[-1])) in _squeezed(text)
    assert c.ui["handout"]["drawing"] in text


def test_cancel_mid_video_leaves_nothing(tmp_path, qapp, ket):
    out = tmp_path / "cancel.mp4"
    calls = []

    def progress(done, total):
        calls.append(done)
        return done < 5

    with pytest.raises(ExportCancelled):
        run_export(ExportRequest((ket,), out, size=(320, 180), fps=10), progress)
    assert calls[-1] == 5
    assert list(tmp_path.iterdir()) == []


def test_no_overwrite_without_force_and_clear_errors(tmp_path, capsys):
    out = tmp_path / "x.png"
    out.write_bytes(b"mine")
    assert main(["export", "--scenario", "ketamine-iv", "--out", str(out)]) == 2
    assert out.read_bytes() == b"mine"
    assert "--force" in capsys.readouterr().err
    assert main(["export", "--scenario", "ketamine-iv", "--out", str(tmp_path / "nope" / "x.mp4")]) == 2
    assert main(["export", "--scenario", "ketamine-iv", "--out", str(tmp_path / "x.docx")]) == 2
    assert "unknown file type" in capsys.readouterr().err
    assert main(["export", "--scenario", "ketamine-iv", "--out", str(tmp_path / "o.mp4"), "--size", "321x180"]) == 2
    assert "even" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.png"]


@pytest.mark.skipif(not __import__("os").path.isdir("/proc/self"), reason="needs a read-only /proc")
def test_unwritable_folder_gives_one_line(capsys):
    assert main(["export", "--scenario", "ketamine-iv", "--out", "/proc/keta-viz-test.png"]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and err.count("\n") == 1


def test_gif_plays_as_long_as_the_story_it_shows(tmp_path, qapp):
    """GIF delays are whole centiseconds: at 12 fps they alternate 8 and 9 cs, not a flat 8
    (which played a 90-s story in 86 s)."""
    from PIL import Image

    out = tmp_path / "short.gif"
    assert main(["export", "--scenario", "ketamine-iv", "--out", str(out), "--size", "160x90",
                 "--to", "2min"]) == 0
    im, durations = Image.open(out), []
    try:
        while True:
            durations.append(im.info["duration"])
            im.seek(im.tell() + 1)
    except EOFError:
        pass
    assert len(durations) > 12 and set(durations) <= {80, 90}
    assert abs(sum(durations) - len(durations) * 1000 / 12) <= 10


def test_a_png_without_at_shows_the_telling_moment(tmp_path, qapp):
    from PySide6.QtGui import QImage

    from keta_viz.export.frames import telling_moment

    tl = simulate(load_scenario("ketamine-iv"))
    t = telling_moment(tl)
    assert tl.stage_at(t).id == "ampa_firing" and t > 0
    assert main(["export", "--scenario", "ketamine-iv", "--out", str(tmp_path / "a.png"), "--size", "320x180"]) == 0
    assert main(["export", "--scenario", "ketamine-iv", "--out", str(tmp_path / "b.png"), "--size", "320x180",
                 "--at", f"{t * 60}min"]) == 0
    assert main(["export", "--scenario", "ketamine-iv", "--out", str(tmp_path / "c.png"), "--size", "320x180",
                 "--at", "0"]) == 0
    a, b, c = (QImage(str(tmp_path / f"{n}.png")) for n in "abc")
    assert a == b and a != c


def test_schedule_names_every_dose_size():
    c = load_content()
    assert "56–84 mg nasal spray" in schedule_text(c, simulate(load_scenario("esketamine-induction")))
    assert "84 mg nasal spray" in schedule_text(c, simulate(load_scenario("esketamine-nasal")))
