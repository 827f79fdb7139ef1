"""Fuzz every file the app reads (scenario, kiosk config, settings) with text, bytes, FIFOs, devices,
folders, deep nesting, huge numbers and huge files: a one-line error or a logged fallback, never a
traceback, a hang or a memory blow-up."""

import logging
import os
import resource
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from keta_viz.kiosk.config import KioskConfig, load_config
from keta_viz.model import Scenario, ScenarioError, load_scenario

FIELDS = ["title", "drug", "weight_kg", "span_days", "dose", "mg_per_kg", "mg", "infusion_min", "days",
          "every_days", "idle_seconds", "tour", "palette", "screen", "pin_salt", "pin_hash", "log_file"]
values = st.one_of(
    st.integers(-10**6, 10**6).map(str), st.floats(allow_nan=True).map(lambda f: repr(f).replace("inf", "inf")),
    st.integers(300, 6000).map(lambda n: "9" * n),  # far beyond a float; past 4300 digits int() refuses
    st.text(max_size=8).map(lambda s: '"' + s.replace("\\", "").replace('"', "") + '"'),
    st.lists(st.integers(-5, 400), max_size=6).map(str), st.sampled_from(["true", "[]", "{}", '"/dev/zero"']),
)
toml_like = st.lists(st.tuples(st.sampled_from(FIELDS), values), max_size=8).map(
    lambda kv: "\n".join(f"{k} = {v}" for k, v in kv) + '\ndrug = "ketamine"\n[dose]\nmg_per_kg = 0.5\n')
nested = st.integers(1, 3000).flatmap(lambda n: st.sampled_from([
    "a = " + "[" * n + "]" * n, "a = " + "{b = " * n + "1" + "}" * n, "[" + "a." * n + "b]"]))
contents = st.one_of(st.text(max_size=300), st.binary(max_size=300).map(lambda b: b.decode("latin-1")), toml_like, nested)
kinds = st.sampled_from(["text"] * 6 + ["fifo", "zero", "urandom", "folder", "huge", "missing"])


def make_input(folder: Path, name: str, kind: str, text: str) -> Path:
    """A file of the given kind at folder/name."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "text":
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind in ("zero", "urandom"):
        path.symlink_to(f"/dev/{kind}")
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        path.write_bytes(b"# padding\n" * 110_000)  # 1.1 MB
    return path


@pytest.fixture(scope="module")
def memory():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    yield
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 300, f"reading hostile files grew the peak memory by {grown_mb:.0f} MB"


def _bounded(call):
    start = time.monotonic()
    result = call()
    assert time.monotonic() - start < 3.0
    return result


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


DEEP, BIG = "a = " + "[" * 600 + "]" * 600, 'title = "t"\ndrug = "ketamine"\nweight_kg = ' + "9" * 400


@FUZZ
@given(kind=kinds, text=contents)
@example(kind="text", text=DEEP).via("issue 18: RecursionError")
@example(kind="text", text=BIG).via("issue 18: OverflowError")
@example(kind="fifo", text="").via("issue 18: blocks forever")
@example(kind="zero", text="").via("issue 18: grows to 3 GB")
def test_scenario_files(memory, kind, text):
    with tempfile.TemporaryDirectory() as d:
        path = make_input(Path(d), "s.toml", kind, text)
        try:
            assert isinstance(_bounded(lambda: load_scenario(path)), Scenario)
        except ScenarioError as exc:
            assert "\n" not in str(exc) and "s.toml" in str(exc)


@FUZZ
@given(kind=kinds, text=contents)
@example(kind="text", text=DEEP).via("issue 18: the kiosk never started")
@example(kind="fifo", text="").via("issue 18: blocks forever")
def test_kiosk_config_files(memory, caplog, kind, text):
    caplog.clear()
    with tempfile.TemporaryDirectory() as d, caplog.at_level(logging.INFO):
        path = make_input(Path(d), "k.toml", kind, text)
        assert isinstance(_bounded(lambda: load_config(path)), KioskConfig)
    assert all("\n" not in r.getMessage() for r in caplog.records)
    if kind not in ("text", "missing"):
        assert any("using defaults" in r.getMessage() for r in caplog.records)


ini_values = st.one_of(st.text(max_size=40).map(lambda s: s.replace("\n", " ")), st.sampled_from(
    ["@ByteArray(x)", "@Variant(\\0\\0)", "true", "maybe", "{dir}/fifo", "{dir}/zero", "{dir}", "{dir}/deep.toml"]))
ini_text = st.lists(st.tuples(st.sampled_from(["scenario", "vocabulary", "palette", "labels", "plots", "geometry"]),
                              ini_values), max_size=6).map(
    lambda kv: "[General]\n" + "".join(f"{k}={v}\n" for k, v in kv))


@FUZZ
@given(kind=kinds, text=st.one_of(ini_text, contents))
@example(kind="text", text="[General]\nscenario={dir}/fifo\n").via("issue 18: the GUI never appears")
@example(kind="fifo", text="").via("issue 18: the settings file itself a FIFO")
def test_settings_files(memory, qapp, monkeypatch, caplog, kind, text):
    from PySide6.QtCore import QSettings

    from keta_viz.ui.settings import Preferences, load_preferences

    with tempfile.TemporaryDirectory() as d:
        base = Path(d)
        os.mkfifo(base / "fifo")
        (base / "zero").symlink_to("/dev/zero")
        (base / "deep.toml").write_text("a = " + "[" * 800 + "]" * 800)
        monkeypatch.setenv("XDG_CONFIG_HOME", d)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, d)
        make_input(base / "KetaViz", "keta-viz.ini", kind, text.replace("{dir}", d))
        caplog.clear()
        prefs = _bounded(load_preferences)
        assert isinstance(prefs, Preferences) and all("\n" not in n for n in prefs.notes)
        again = _bounded(load_preferences)  # whatever was bad has been forgotten or moved aside
        assert again.notes == []


def test_a_remembered_path_that_hangs_is_forgotten_with_a_note(qapp, monkeypatch, tmp_path):
    from PySide6.QtCore import QSettings

    from keta_viz.ui.settings import load_preferences, open_settings

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    os.mkfifo(tmp_path / "pipe.toml")
    s = open_settings()
    s.setValue("scenario", str(tmp_path / "pipe.toml"))
    s.sync()
    prefs = _bounded(load_preferences)
    assert prefs.scenario == "ketamine-iv"
    assert len(prefs.notes) == 1 and "forgotten" in prefs.notes[0] and "not a regular file" in prefs.notes[0]
    assert load_preferences().notes == []
