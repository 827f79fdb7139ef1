"""The story tour: brain at the start, into the synapse as the drug acts, back out when relief holds."""

import numpy as np
import pytest

from keta_viz.model import StoryAxis, load_scenario, simulate
from keta_viz.model.tour import BRAIN, CIRCUIT, SCALES, SYNAPSE, tour_scale


@pytest.fixture(scope="module", params=["ketamine-iv", "esketamine-nasal", "ketamine-course", "escitalopram",
                                        "fluoxetine"])
def tl(request):
    return simulate(load_scenario(request.param))


def middle(tl, stage_id):
    """A time well inside a stage (its middle on the story axis)."""
    axis = StoryAxis.for_timelines([tl])
    stage = next(s for s in tl.stages if s.id == stage_id)
    return axis.to_t((axis.to_u(stage.start) + axis.to_u(stage.end)) / 2)


def test_the_scales_by_name():
    assert SCALES == {"brain": BRAIN, "circuit": CIRCUIT, "synapse": SYNAPSE} and BRAIN < CIRCUIT < SYNAPSE


def test_every_tour_opens_on_the_brain(tl):
    assert tour_scale(tl, 0.0) == BRAIN
    assert tour_scale(tl, tl.stages[1].start) == BRAIN  # the zoom begins with the next stage, not before


def test_every_tour_stays_within_the_scales_and_moves_continuously(tl):
    axis = StoryAxis.for_timelines([tl])
    scales = np.array([tour_scale(tl, axis.to_t(u)) for u in np.linspace(0, 1, 20001)])
    assert scales.min() >= BRAIN and scales.max() <= SYNAPSE
    assert np.abs(np.diff(scales)).max() < 0.01  # no cut: a 1/20000 step of the story moves < 1 % of a scale
    assert scales.max() == pytest.approx(SYNAPSE)  # and it does reach the synapse


def test_ketamine_flies_into_the_synapse_for_the_flood_and_back_out_when_relief_holds():
    tl = simulate(load_scenario("ketamine-iv"))
    assert tour_scale(tl, middle(tl, "bouncer_blocked")) == pytest.approx(CIRCUIT)  # the bouncer quiets
    for stage in ("ampa_firing", "bdnf_mtor", "new_spines"):
        assert tour_scale(tl, middle(tl, stage)) == pytest.approx(SYNAPSE), stage
    assert tour_scale(tl, middle(tl, "relief_holds")) == pytest.approx(CIRCUIT)  # the circuit reconnected
    assert tour_scale(tl, tl.end) == pytest.approx(BRAIN)


def test_the_ssri_shows_the_brake_on_the_circuit_and_relief_builds_back_out():
    tl = simulate(load_scenario("escitalopram"))
    assert tour_scale(tl, middle(tl, "transporter_blocked")) == pytest.approx(SYNAPSE)  # the pump blocked
    assert tour_scale(tl, middle(tl, "brake_holds")) == pytest.approx(CIRCUIT)  # the raphe neuron's brake
    assert tour_scale(tl, middle(tl, "relief_builds")) == pytest.approx(CIRCUIT)


def test_the_tour_is_a_pure_function_of_time():
    tl = simulate(load_scenario("ketamine-iv"))
    times = np.linspace(0, tl.end, 500)
    assert [tour_scale(tl, t) for t in times] == [tour_scale(tl, t) for t in times]
