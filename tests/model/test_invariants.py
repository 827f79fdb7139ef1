"""The model is Qt-free, and a Timeline is a pure lookup."""

import subprocess
import sys

import numpy as np
import pytest

from keta_viz.model import bundled_names, load_scenario, simulate


def test_importing_model_loads_no_qt():
    code = ("import sys, keta_viz.model as m; m.simulate(m.load_scenario('ketamine-iv'));"
            "bad=[k for k in sys.modules if k.split('.')[0] in ('PySide6','shiboken6','pyqtgraph','PyQt5','PyQt6')];"
            "print(bad); sys.exit(1 if bad else 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.parametrize("name", bundled_names())
def test_at_matches_grid_and_interpolates(name):
    tl = simulate(load_scenario(name))
    i = len(tl.t_hours) // 3
    at = tl.at(tl.t_hours[i])
    for k in tl.variables:
        assert at[k] == pytest.approx(tl.series(k)[i], abs=1e-12)
    mid = 0.5 * (tl.t_hours[i] + tl.t_hours[i + 1])
    v = tl.at(mid)["spine_density"]
    lo, hi = sorted(tl.series("spine_density")[i:i + 2])
    assert lo - 1e-12 <= v <= hi + 1e-12
    assert tl.at(-5) == tl.at(0) and tl.at(1e9) == tl.at(tl.end)


@pytest.mark.parametrize("name", bundled_names())
def test_stages_tile_the_span_in_story_order(name):
    tl = simulate(load_scenario(name))
    assert tl.stages[0].start == 0 and tl.stages[-1].end == tl.end
    for a, b in zip(tl.stages, tl.stages[1:]):
        assert a.end == b.start and a.start < a.end
    for s in tl.stages:
        assert tl.stage_at(0.5 * (s.start + s.end)) == s
        assert tl.stage_at(s.start) == s


def test_same_scenario_same_numbers():
    a = simulate(load_scenario("ketamine-course"))
    b = simulate(load_scenario("ketamine-course"))
    assert np.array_equal(a.values, b.values)
