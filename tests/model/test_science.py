"""The curves show what ../shared/science/PARAMETERS.md says (issue 13, items 1-7)."""

import numpy as np
import pytest

from keta_viz.cli import main
from keta_viz.model import constants as c
from keta_viz.model import load_scenario, simulate
from keta_viz.model.cascade import nmda_block, spine_score
from keta_viz.model.scenario import parse_scenario


def ketamine_at(mg_per_kg: float):
    text = (f'title = "t"\ndrug = "ketamine"\nweight_kg = 70\n[dose]\nmg_per_kg = {mg_per_kg}\n'
            "infusion_min = 40\ndays = [0]\n")
    return simulate(parse_scenario(text, "t", "t.toml"))


@pytest.fixture(scope="module")
def iv():
    return simulate(load_scenario("ketamine-iv"))


@pytest.fixture(scope="module")
def course():
    return simulate(load_scenario("ketamine-course"))


def peak(tl, name="relief"):
    return float(tl.series(name).max())


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
    rise6, rise12, rise24 = (iv.at(h)["spine_density"] - base for h in (6, 12, 24))
    assert rise24 > 0.1
    assert rise6 < 0.1 * rise24
    assert rise12 > 0.4 * rise24  # marked between 12 and 24 h


# 1. Relief does not wait for spines: a rapid term within ~2 h, spines sustain it.
def test_relief_comes_before_spines_and_spines_sustain_it(iv):
    top = peak(iv)
    assert iv.at(2)["relief"] >= 0.5 * top
    assert iv.at(2)["spine_density"] - iv.at(0)["spine_density"] < 0.01
    t90 = iv.t_hours[np.argmax(iv.series("relief") >= 0.9 * top)]
    assert t90 <= 12.0
    at24 = iv.at(24)
    from_spines = c.KETAMINE_RELIEF_SPINES * spine_score(np.array(at24["spine_density"]))
    assert from_spines < 0.5 * at24["relief"]
    at7d = iv.at(168)
    assert c.KETAMINE_RELIEF_SPINES * spine_score(np.array(at7d["spine_density"])) > 0.3 * at7d["relief"]


def test_relief_holds_about_a_week_and_fades_over_two(iv):
    top = peak(iv)
    assert iv.at(168)["relief"] > 0.5 * top
    assert iv.at(336)["relief"] < 0.4 * top
    assert iv.at(672)["relief"] < 0.15 * top
    fading = next(s for s in iv.stages if s.id == "fading")
    assert 5 * 24 <= fading.start <= 12 * 24


# 2. Upstream signals are transient (rodent mTOR signalling ~1-2 h).
def test_glutamate_and_growth_signal_are_transient(iv):
    base = iv.at(0)["glutamate"]
    assert iv.at(6)["glutamate"] < 1.15 * base
    bdnf = iv.series("bdnf")
    above = iv.t_hours[bdnf >= 0.5 * bdnf.max()]
    assert above[0] < 1.5 and above[-1] < 5.0
    assert iv.at(8)["bdnf"] < 0.1 * bdnf.max()


# 3. A course holds relief through the infusion days and fades on the trial's time scale.
def test_a_course_holds_relief_then_fades_over_weeks(course):
    days = load_scenario("ketamine-course").dose_days
    last = 24 * days[-1]
    t, relief = course.t_hours, course.series("relief")
    held = relief[(t >= 24) & (t <= last + 24)]
    assert held.min() >= 0.75 * held.max()
    topped_up = relief[(t >= 24 * days[1] + 2) & (t <= last + 24)]
    assert topped_up.min() >= 0.85 * topped_up.max()
    post = relief[t >= last].max()
    assert 0.4 <= course.at(last + 18 * 24)["relief"] / post <= 0.6  # median relapse 18 days (murrough2013)
    fading = next(s for s in course.stages if s.id == "fading")
    assert 14 <= (fading.start - last) / 24 <= 22


def test_a_course_reboosts_and_never_fades_faster_than_one_dose(course, iv):
    days = load_scenario("ketamine-course").dose_days
    for day in days[1:]:
        assert course.at(24 * day + 12)["relief"] > course.at(24 * day - 0.5)["relief"]
    last = 24 * days[-1]
    post = course.series("relief")[course.t_hours >= last].max()
    for d in range(1, 29):
        assert course.at(last + 24 * d)["relief"] / post >= iv.at(24 * d)["relief"] / peak(iv) - 0.01
    assert course.at(24 * 12)["spine_density"] > iv.at(24 * 12)["spine_density"] + 0.05


# 4. SSRI: occupancy within hours, relief over days.
def test_ssri_relief_builds_over_days_not_hours(esc):
    week6 = esc.at(6 * 168)["relief"]
    assert esc.at(6)["sert_occupancy"] > 0.5
    assert esc.at(2)["relief"] < 0.01 * week6
    assert esc.at(24)["relief"] < 0.06 * week6
    assert esc.at(72)["relief"] > 0.08 * week6
    assert 0.25 <= esc.at(168)["relief"] / week6 <= 0.42  # taylor2006
    assert week6 < esc.at(8 * 168)["relief"]


def test_ssri_occupancy_reaches_about_80_percent(esc):
    last_week = esc.t_hours >= esc.end - 168
    assert 0.74 <= esc.series("sert_occupancy")[last_week].mean() <= 0.85


def test_ssri_serotonin_up_at_once_but_brake_eases_over_weeks(esc):
    assert esc.at(24)["serotonin"] > 1.5 * esc.at(0)["serotonin"]
    assert esc.at(24)["autoreceptor_brake"] > 0.9
    assert esc.at(21 * 24)["autoreceptor_brake"] < 0.45


def test_fluoxetine_accumulates_over_weeks(esc):
    tl = simulate(load_scenario("fluoxetine"))
    assert tl.at(28 * 24)["plasma_ng_per_ml"] > 1.5 * tl.at(7 * 24)["plasma_ng_per_ml"]
    assert tl.at(24)["sert_occupancy"] < esc.at(24)["sert_occupancy"]
    assert tl.at(24)["relief"] < 0.06 * tl.at(6 * 168)["relief"]


# 5. First-dose peaks from the labels.
@pytest.mark.parametrize("name, lo, hi", [("escitalopram", 4.5, 5.5), ("fluoxetine", 6.0, 8.0)])
def test_ssri_first_dose_peak(name, lo, hi):
    tl = simulate(load_scenario(name))
    first = tl.t_hours < 24
    assert lo <= tl.t_hours[first][np.argmax(tl.series("plasma_ng_per_ml")[first])] <= hi


# 6. Esketamine has its own kinetics, affinity and regimen.
def test_esketamine_peaks_20_to_40_min_after_last_spray_with_label_half_life():
    tl = simulate(load_scenario("esketamine-nasal"))
    last_spray_h = 10 / 60
    plasma = tl.series("plasma_ng_per_ml")
    assert 20 / 60 <= tl.t_hours[np.argmax(plasma)] - last_spray_h <= 40 / 60
    c12, c24 = tl.at(12)["plasma_ng_per_ml"], tl.at(24)["plasma_ng_per_ml"]
    assert 7.0 <= 12 * np.log(2) / np.log(c12 / c24) <= 12.0


def test_esketamine_binds_less_tightly_and_is_not_stronger_than_iv(iv):
    esk = simulate(load_scenario("esketamine-nasal"))
    plasma = np.array([100.0])
    assert nmda_block(plasma, c.NMDA_BLOCK_K_UM * c.ESKETAMINE_AFFINITY_RATIO) < nmda_block(plasma)
    assert peak(esk) < peak(iv)
    assert peak(esk, "nmda_block") < peak(iv, "nmda_block")


def test_esketamine_induction_follows_the_label():
    s = load_scenario("esketamine-induction")
    assert s.drug == "esketamine" and s.infusion_min == 0
    assert s.doses_mg[0] == 56 and set(s.doses_mg[1:]) <= {56.0, 84.0}
    induction = [d for d in s.dose_days if d < 28]
    assert len(induction) == 8  # twice a week for 4 weeks
    weekly = [b - a for a, b in zip(s.dose_days, s.dose_days[1:]) if a >= 28]
    assert weekly and all(gap == 7 for gap in weekly)
    tl = simulate(s)
    # each session: devices 5 min apart, so plasma still climbs between the first and last spray
    devices = round(84 / c.ESKETAMINE_DEVICE_MG)
    t0 = 24 * s.dose_days[1]
    assert tl.at(t0 + (devices - 1) * 5 / 60)["plasma_ng_per_ml"] > tl.at(t0 + 5 / 60)["plasma_ng_per_ml"]


# 7. More is not better: doses outside the studied range are refused, and the studied
#    range is not monotonic in the way "more ketamine works better" would be.
def test_dose_outside_the_studied_range_is_refused(tmp_path, capsys):
    f = tmp_path / "double.toml"
    f.write_text('title = "2 mg/kg"\ndrug = "ketamine"\nweight_kg = 70\n[dose]\nmg_per_kg = 2\n'
                 "infusion_min = 40\ndays = [0]\n")
    assert main(["model", "--scenario", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "studied" in err and "double.toml" in err


def test_dose_response_saturates_within_the_studied_range():
    half = peak(ketamine_at(0.5))
    assert peak(ketamine_at(1.0)) <= 1.2 * half
    assert peak(ketamine_at(0.1)) <= 0.35 * half
