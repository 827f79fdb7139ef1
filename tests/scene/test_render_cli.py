"""`keta-viz render`: deterministic PNG files, clear errors with exit code 2."""

import hashlib

import pytest

from keta_viz.cli import main


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_render_writes_the_same_png_twice(tmp_path, capsys):
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    for out in (a, b):
        assert main(["render", "--scenario", "ketamine-iv", "--at", "40min", "--size", "640x360",
                     "--out", str(out)]) == 0
    assert a.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert digest(a) == digest(b)
    assert main(["render", "--scenario", "ketamine-iv", "--at", "24h", "--size", "640x360", "--out", str(a)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["render", "--scenario", "ketamine-iv", "--at", "24h", "--size", "640x360",
                 "--out", str(a), "--force"]) == 0
    assert digest(a) != digest(b)


@pytest.mark.parametrize("args, words", [
    (["--at", "soon"], "not a time"),
    (["--at", "9w"], "beyond the span"),
    (["--size", "big"], "WIDTHxHEIGHT"),
    (["--size", "100000x10"], "outside"),
])
def test_bad_time_or_size_exits_2(tmp_path, capsys, args, words):
    out = tmp_path / "x.png"
    assert main(["render", "--scenario", "ketamine-iv", "--out", str(out), *args]) == 2
    assert words in capsys.readouterr().err
    assert not out.exists()


def test_unwritable_folder_leaves_nothing(tmp_path, capsys):
    assert main(["render", "--scenario", "ketamine-iv", "--out", str(tmp_path / "no" / "x.png")]) == 2
    assert "does not exist" in capsys.readouterr().err
