"""safe_write: nothing half-written is ever visible, a failed write keeps the old file, modes follow the umask."""

import errno
import os

import pytest

from keta_viz import safe_write
from keta_viz.safe_write import WriteError, check_target, clean_leftovers, temp_path_for, write_text


@pytest.fixture(params=[True, False], ids=["unnamed", "hidden-name"])
def both_ways(request, monkeypatch, tmp_path):
    """Run a test with O_TMPFILE and with the journaled hidden-name fallback."""
    monkeypatch.setattr(safe_write, "USE_O_TMPFILE", request.param and safe_write.USE_O_TMPFILE)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path.with_name(tmp_path.name + "-state")))
    return request.param


def _visible(folder):
    return sorted(p.name for p in folder.iterdir())


def test_write_then_overwrite(tmp_path, both_ways):
    f = tmp_path / "a.txt"
    write_text(f, "one")
    write_text(f, "two")
    assert f.read_text() == "two" and _visible(tmp_path) == ["a.txt"]
    assert not safe_write.journal_dir().exists() or not any(safe_write.journal_dir().iterdir())


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path, monkeypatch, both_ways, failing):
    f = tmp_path / "a.txt"
    f.write_bytes(b"precious")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if failing == "fsync":
        monkeypatch.setattr(os, "fsync", full)
        with pytest.raises(WriteError) as err:
            write_text(f, "new text")
    else:
        with pytest.raises(WriteError) as err, temp_path_for(f) as tmp:
            with open(tmp, "wb") as out:
                out.write(b"half")
                full()
    assert "\n" not in str(err.value) and "a.txt" in str(err.value) and "No space left" in str(err.value)
    assert f.read_bytes() == b"precious"
    assert _visible(tmp_path) == ["a.txt"]


def test_empty_or_unverified_result_is_refused(tmp_path, both_ways):
    f = tmp_path / "a.bin"
    f.write_bytes(b"old")
    with pytest.raises(WriteError, match="nothing was written"), temp_path_for(f):
        pass

    def bad(_tmp):
        raise WriteError(f"{f}: does not read back")

    with pytest.raises(WriteError, match="read back"), temp_path_for(f, bad) as tmp:
        tmp.write_bytes(b"x")
    assert f.read_bytes() == b"old" and _visible(tmp_path) == ["a.bin"]


def test_modes_follow_the_umask_and_force_keeps_a_files_mode(tmp_path, both_ways):
    old = os.umask(0o027)
    try:
        write_text(tmp_path / "new.txt", "x")
        assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o640
        (tmp_path / "shared.txt").write_text("x")
        os.chmod(tmp_path / "shared.txt", 0o644)
        write_text(tmp_path / "shared.txt", "y")
        assert (tmp_path / "shared.txt").stat().st_mode & 0o777 == 0o644
        write_text(tmp_path / "private.txt", "z", mode=0o600)
        assert (tmp_path / "private.txt").stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_a_250_character_name_fits(tmp_path, both_ways):
    f = tmp_path / ("n" * 246 + ".csv")
    write_text(f, "a,b\n")
    write_text(f, "a,b,c\n")
    assert f.read_text() == "a,b,c\n"


def test_check_target(tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(WriteError, match="already exists"):
        check_target(tmp_path / "d", force=False)
    with pytest.raises(WriteError, match="not a regular file"):
        check_target(tmp_path / "d", force=True)
    with pytest.raises(WriteError, match="does not exist"):
        check_target(tmp_path / "no" / "x.png", force=False)


def test_leftover_of_a_dead_writer_is_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    journal = safe_write.journal_dir()
    journal.mkdir(parents=True)
    dead, live = tmp_path / ".keta-viz-dead.part", tmp_path / ".keta-viz-live.part"
    dead.write_text("half")
    live.write_text("busy")
    (journal / "999999999-1").write_text(str(dead))  # no such process
    (journal / f"{os.getpid()}-2").write_text(str(live))  # still writing
    (journal / "999999999-3").write_text(str(tmp_path / "not-ours.txt"))
    (tmp_path / "not-ours.txt").write_text("keep")
    assert clean_leftovers() == 1
    assert not dead.exists() and live.exists() and (tmp_path / "not-ours.txt").exists()
    assert sorted(p.name for p in journal.iterdir()) == [f"{os.getpid()}-2"]
