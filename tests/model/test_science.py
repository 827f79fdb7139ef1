"""The curves show what ../shared/science/PARAMETERS.md says."""

import numpy as np
import pytest

from keta_viz.model import load_scenario, simulate


@pytest.fixture(scope="module")
def iv():
    return simulate(load_scenario("ketamine-iv"))


@pytest.fixture(scope="module")
def esc():
    return simulate(load_scenario("escitalopram"))


def test_ketamine_plasma_matches_the_sheet(iv):
    plasma = iv.series("plasma_ng_per_ml")
    assert iv.t_hours[np.argmax(plasma)] == pytest.approx(40 / 60, abs=1 / 60)
    assert plasma.max() == pytest.approx(176, rel=0.03)
    assert iv.at(2)["plasma_ng_per_ml"] == pytest.approx(59, rel=0.03)
    assert iv.at(4)["plasma_ng_per_ml"] == pytest.approx(35, rel=0.03)


def test_block_lowers_the_bouncer_and_raises_glutamate(iv):
    assert iv.at(0)["interneuron_activity"] == 1.0
    assert iv.at(40 / 60)["interneuron_activity"] < 0.5
    assert iv.at(1)["glutamate"] > 2 * iv.at(0)["glutamate"]
    assert iv.at(48)["glutamate"] == pytest.approx(iv.at(0)["glutamate"], abs=0.01)


def test_dissociation_peaks_at_end_of_infusion_and_is_mostly_gone_by_2h(iv):
    d = iv.series("dissociation")
    assert iv.t_hours[np.argmax(d)] == pytest.approx(40 / 60, abs=2 / 60)
    assert iv.at(2)["dissociation"] < 0.25 * d.max()


def test_spines_barely_move_by_6h_and_are_clearly_up_by_24h(iv):
    base = iv.at(0)["spine_density"]
    assert base == pytest.approx(0.75)
    rise6, rise24 = iv.at(6)["spine_density"] - base, iv.at(24)["spine_density"] - base
    assert rise24 > 0.1
    assert rise6 < 0.1 * rise24


def test_relief_within_2h_holds_a_week_and_fades_over_two(iv):
    relief = iv.series("relief")
    assert iv.at(2)["relief"] > 0.15
    assert iv.at(168)["relief"] > 0.4 * relief.max()
    assert iv.at(336)["relief"] < 0.3 * relief.max()
    assert iv.at(672)["relief"] < 0.1


def test_a_course_reboosts_relief():
    course = simulate(load_scenario("ketamine-course"))
    single = simulate(load_scenario("ketamine-iv"))
    for day in (2, 4, 7, 9, 11):
        before, after = course.at(24 * day - 0.5)["relief"], course.at(24 * day + 12)["relief"]
        assert after > before + 0.05
    assert course.at(24 * 12)["relief"] > single.at(24)["relief"]
    assert course.at(24 * 12)["spine_density"] > single.at(24 * 12)["spine_density"] + 0.05


def test_esketamine_peaks_20_to_40_min_after_last_spray():
    tl = simulate(load_scenario("esketamine-nasal"))
    last_spray_h = 10 / 60
    peak_h = tl.t_hours[np.argmax(tl.series("plasma_ng_per_ml"))]
    assert 20 / 60 <= peak_h - last_spray_h <= 40 / 60


def test_ssri_occupancy_reaches_about_80_percent(esc):
    last_week = esc.t_hours >= esc.end - 168
    assert 0.74 <= esc.series("sert_occupancy")[last_week].mean() <= 0.85


def test_ssri_third_of_six_week_relief_in_week_one_never_flat(esc):
    ratio = esc.at(168)["relief"] / esc.at(6 * 168)["relief"]
    assert 0.25 <= ratio <= 0.42
    assert esc.at(72)["relief"] > 0.05
    assert esc.at(6 * 168)["relief"] < esc.at(8 * 168)["relief"]


def test_ssri_serotonin_up_at_once_but_brake_eases_over_weeks(esc):
    assert esc.at(24)["serotonin"] > 1.5 * esc.at(0)["serotonin"]
    assert esc.at(24)["autoreceptor_brake"] > 0.9
    assert esc.at(21 * 24)["autoreceptor_brake"] < 0.45


def test_fluoxetine_accumulates_over_weeks():
    tl = simulate(load_scenario("fluoxetine"))
    assert tl.at(28 * 24)["plasma_ng_per_ml"] > 1.5 * tl.at(7 * 24)["plasma_ng_per_ml"]
    esc = simulate(load_scenario("escitalopram"))
    assert tl.at(24)["sert_occupancy"] < esc.at(24)["sert_occupancy"]
