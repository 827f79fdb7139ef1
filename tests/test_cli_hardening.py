"""Hostile CLI values and kiosk files: one clear line (exit 2), nothing raw echoed, modes kept."""

import io
import logging
import os
import time

import pytest

from keta_viz.cli import main
from keta_viz.kiosk.config import load_config

pytestmark = pytest.mark.usefixtures("qapp")  # one QApplication for the exports
GOOD = 'title = "{title}"\ndrug = "ketamine"\nweight_kg = 70\n[dose]\nmg_per_kg = 0.5\ninfusion_min = 40\ndays = [0]\n'


def _one_error(capsys, *words):
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("keta-viz: error:") and "\x1b" not in err, err
    for w in words:
        assert w in err
    return err


@pytest.mark.parametrize("args, words", [
    (["export", "--out", "x.mp4", "--fps", "0"], ["--fps 0", "1-60"]),
    (["export", "--out", "x.gif", "--fps", "-3"], ["--fps -3"]),
    (["render", "--out", "x.png", "--phase", "nan"], ["--phase nan"]),
    (["export", "--out", "x.png", "--phase", "inf"], ["--phase inf"]),
])
def test_bad_numbers_are_one_line(tmp_path, monkeypatch, capsys, args, words):
    monkeypatch.chdir(tmp_path)
    assert main([args[0], "--scenario", "ketamine-iv", *args[1:]]) == 2
    _one_error(capsys, *words)
    assert list(tmp_path.iterdir()) == []


def test_control_characters_are_not_echoed_raw(tmp_path, capsys):
    f = tmp_path / "ansi.toml"
    f.write_text(GOOD.format(title="\\u001b[2J\\u001b[31mRed\\u0007"))
    assert main(["model", "--scenario", str(f)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\\x1b[31mRed" in out
    assert main(["model", "--scenario", str(tmp_path / "\x1b[31mevil\n.toml")]) == 2
    _one_error(capsys, "\\x1b[31mevil\\n.toml")


def test_long_name_and_modes(tmp_path, capsys):
    long = tmp_path / ("n" * 246 + ".png")
    old = os.umask(0o022)
    try:
        assert main(["export", "--scenario", "ketamine-iv", "--size", "160x90", "--out", str(long)]) == 0
        assert long.stat().st_mode & 0o777 == 0o644
        os.chmod(long, 0o640)
        assert main(["export", "--scenario", "ketamine-iv", "--size", "160x90", "--out", str(long), "--force"]) == 0
        assert long.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)
    assert [p.name for p in tmp_path.iterdir()] == [long.name]


@pytest.mark.parametrize("where, words", [
    (lambda t: t, ["not a regular file"]),
    (lambda t: t / "file" / "kiosk.toml", ["is not a folder"]),
    (lambda t: t / "file" / "deeper" / "kiosk.toml", ["cannot create the folder"]),
])
def test_kiosk_pin_bad_paths(tmp_path, monkeypatch, capsys, where, words):
    (tmp_path / "file").write_text("x")
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n"))
    assert main(["kiosk-pin", "--config", str(where(tmp_path))]) == 2
    _one_error(capsys, *words)


@pytest.mark.parametrize("pin", ["١٢٣٤", "12²4", "12 34", "abcd", ""])
def test_kiosk_pin_ascii_digits_only(tmp_path, monkeypatch, capsys, pin):
    monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    assert main(["kiosk-pin", "--config", str(tmp_path / "k.toml")]) == 2
    _one_error(capsys, "4-12 digits")
    assert not (tmp_path / "k.toml").exists()


def test_kiosk_pin_refuses_the_command_line_and_keeps_a_files_mode(tmp_path, monkeypatch, capsys):
    f = tmp_path / "k.toml"
    assert main(["kiosk-pin", "--config", str(f), "--pin", "2468"]) == 2
    _one_error(capsys, "process list")
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n"))
    assert main(["kiosk-pin", "--config", str(f)]) == 0
    assert f.stat().st_mode & 0o777 == 0o600
    os.chmod(f, 0o640)
    monkeypatch.setattr("sys.stdin", io.StringIO("1357\n"))
    assert main(["kiosk-pin", "--config", str(f)]) == 0
    assert f.stat().st_mode & 0o777 == 0o640


def test_corrupt_pin_salt_and_device_log_file_are_reported(tmp_path, caplog):
    f = tmp_path / "k.toml"
    f.write_text('pin_salt = "zz"\npin_hash = "' + "a" * 64 + '"\nlog_file = "/dev/full"\n')
    with caplog.at_level(logging.WARNING):
        cfg = load_config(f)
    text = " ".join(r.getMessage() for r in caplog.records)
    assert "pin_salt" in text and "corrupt" in text and "log_file" in text
    assert cfg.pin_salt == "" and cfg.log_file == ""


@pytest.mark.parametrize("dose", [
    "mg_per_kg = 0.5\ninfusion_min = 40\ndays = [" + ", ".join(f"{i * 0.8:.1f}" for i in range(400)) + "]",
    "mg = 10\nevery_days = 0.25",
])
def test_heavy_schedules_are_refused_at_once(tmp_path, capsys, dose):
    drug = "ketamine" if "infusion" in dose else "escitalopram"
    f = tmp_path / "heavy.toml"
    f.write_text(f'title = "t"\ndrug = "{drug}"\nweight_kg = 70\nspan_days = 365\n[dose]\n{dose}\n')
    start = time.monotonic()
    assert main(["model", "--scenario", str(f)]) == 2
    assert time.monotonic() - start < 1.0  # was 6-60 s, or 1 GB of memory
    _one_error(capsys, "heavy.toml", "too much to simulate", "fewer doses")


def test_kiosk_pin_asks_twice_at_a_terminal_without_echo(tmp_path):
    import pty
    import select
    import subprocess
    import sys

    f = tmp_path / "k.toml"
    master, slave = pty.openpty()
    p = subprocess.Popen([sys.executable, "-m", "keta_viz", "kiosk-pin", "--config", str(f)],
                         stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
    os.close(slave)
    seen = b""
    try:
        for prompt in (b"PIN: ", b"the PIN: "):
            while not seen.endswith(prompt):
                assert select.select([master], [], [], 20)[0], seen
                seen += os.read(master, 1024)
            os.write(master, b"8642\n")
        assert p.wait(timeout=20) == 0
        while select.select([master], [], [], 0.5)[0]:
            try:
                seen += os.read(master, 1024)
            except OSError:
                break
    finally:
        p.kill()
        os.close(master)
    assert b"8642" not in seen and b"PIN hash stored" in seen
    from keta_viz.kiosk.config import pin_matches

    assert pin_matches(load_config(f), "8642")


def test_a_log_file_that_cannot_be_written_is_one_line_not_a_traceback_per_line():
    import subprocess
    import sys

    code = ("import logging; from pathlib import Path; from keta_viz.kiosk.run import setup_logging\n"
            "setup_logging(Path('/dev/full'))\n"
            "for i in range(5): logging.getLogger('keta_viz.kiosk').warning('line %d', i)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in out.stderr
    lines = out.stderr.splitlines()
    assert sum("cannot be written" in ln for ln in lines) == 1 and sum("line " in ln for ln in lines) == 5
