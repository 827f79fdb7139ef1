"""The story axis is monotone, invertible and gives every time scale room."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from keta_viz.model import StoryAxis


@given(st.floats(0, 1344))
def test_round_trip(t):
    ax = StoryAxis(1344, 1 / 60)
    assert ax.to_t(ax.to_u(t)) == pytest.approx(t, rel=1e-9, abs=1e-9)


def test_ticks_are_spread_out():
    ax = StoryAxis(29 * 24, 1 / 60)
    us = [u for u, _ in ax.ticks()]
    assert us == sorted(us) and len(us) == 7
    assert min(b - a for a, b in zip(us, us[1:])) > 0.05
    assert ax.to_u(0) == 0 and ax.to_u(1e9) == 1
