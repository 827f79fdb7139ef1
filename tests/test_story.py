"""The story checks itself: what the narration claims, the model's curves must show (issue 13).

Every timing phrase in assets/content/en/stages.toml must be registered below with a check on
the bundled scenarios (or, for a fact of a label or a trial that the model does not draw, with
the reason it has no curve); an unregistered phrase fails, so new text cannot drift from the model.
Every sentence about animal-only evidence must say "in animals"/"in mice"/"in rats" (or sit in a
stage with the badge), or say plainly that it is about people.
"""

import re

import numpy as np
import pytest

from keta_viz.content import load_content
from keta_viz.model import bundled_names, constants, load_scenario, simulate
from keta_viz.model.scenario import family_of

TIME = re.compile(
    r"\bwithin (?:minutes|hours)\b"
    r"|(?:~|about |at least |over |by |after |up to |at )?"
    r"(?:\d+(?:\.\d+)?(?:\s*(?:-|to)\s*\d+)?[\s-]*(?:min|minutes|h|hours?|days?|weeks?|week)\b"
    r"|\b(?:one|two|three|a|the next|the first|eight)(?: to \w+)?\s+(?:minutes|hours?|days?|weeks?)\b"
    r"|\bday[- ]\d+\b|\bweeks? \d+(?:-\d+)?\b)", re.I)


@pytest.fixture(scope="module")
def tls():
    return {name: simulate(load_scenario(name)) for name in bundled_names()}


def peak(tl, name="relief"):
    return float(tl.series(name).max())


def rise(tl, name, t):
    x = tl.series(name)
    return (tl.at(t)[name] - x[0]) / (x.max() - x[0])


# --- the checks: each returns True when the curves show what the words say --------------------
def relief_within_2h(tls):
    iv = tls["ketamine-iv"]
    return iv.at(2)["relief"] >= 0.25 * peak(iv) and iv.at(2)["spine_density"] - iv.at(0)["spine_density"] < 0.01


def dissociation_gone_by_2h(tls):
    iv = tls["ketamine-iv"]
    d = iv.series("dissociation")
    return iv.at(2)["dissociation"] < 0.25 * d.max() and abs(iv.t_hours[np.argmax(d)] - 40 / 60) <= 2 / 60


def holds_a_week(tls):
    iv = tls["ketamine-iv"]
    return iv.at(168)["relief"] >= 0.4 * peak(iv) and iv.at(336)["relief"] < 0.5 * peak(iv)


def spines_last_two_weeks(tls):
    return all(0.2 <= rise(tls[n], "spine_density", 336) < 0.9 for n in ("ketamine-iv", "esketamine-nasal"))


def relapse_18_days(tls):
    co, days = tls["ketamine-course"], load_scenario("ketamine-course").dose_days
    fade = next(s for s in co.stages if s.id == "fading")
    return 14 <= fade.start / 24 - days[-1] <= 22


def no_spines_by_6h(tls):
    iv = tls["ketamine-iv"]
    return rise(iv, "spine_density", 6) < 0.1 * rise(iv, "spine_density", 24)


def spines_by_12_to_24h(tls):
    iv = tls["ketamine-iv"]
    return rise(iv, "spine_density", 12) >= 0.3 and rise(iv, "spine_density", 24) >= 0.8


def growth_signal_transient(tls):
    iv = tls["ketamine-iv"]
    bdnf = iv.series("bdnf")
    return iv.at(8)["bdnf"] < 0.1 * bdnf.max() and iv.t_hours[bdnf >= 0.5 * bdnf.max()][-1] < 5


def in_the_brain_within_minutes(tls):
    return tls["ketamine-iv"].at(10 / 60)["nmda_block"] >= 0.25


def infusion_40_min(tls):
    iv = tls["ketamine-iv"]
    return iv.scenario.infusion_min == 40 and abs(iv.t_hours[np.argmax(iv.series("plasma_ng_per_ml"))] - 2 / 3) <= 1 / 60


def course_of_six_over_12_days(tls):
    days = tls["ketamine-course"].scenario.dose_days
    return len(days) == 6 and days[-1] - days[0] <= 12


def esketamine_peak_20_to_40_min(tls):
    e = tls["esketamine-nasal"]
    last_spray = (round(e.scenario.dose_mg / constants.ESKETAMINE_DEVICE_MG) - 1) * constants.ESKETAMINE_DEVICE_INTERVAL_H
    return 1 / 3 <= e.t_hours[np.argmax(e.series("plasma_ng_per_ml"))] - last_spray <= 2 / 3


def esketamine_half_life(tls):
    e = tls["esketamine-nasal"]
    c12, c24 = e.at(12)["plasma_ng_per_ml"], e.at(24)["plasma_ng_per_ml"]
    return 7 <= 12 * np.log(2) / np.log(c12 / c24) <= 12


def devices_5_min_apart(tls):
    return constants.ESKETAMINE_DEVICE_INTERVAL_H == 5 / 60


def esketamine_regimen(tls):
    s = tls["esketamine-induction"].scenario
    weekly = [b - a for a, b in zip(s.dose_days, s.dose_days[1:]) if a >= 28]
    return (s.dose_days[0] == 0 and s.doses_mg[0] == 56 and len([d for d in s.dose_days if d < 28]) == 8
            and all(g == 7 for g in weekly) and s.dose_days[-1] < 56)


def ssri_blocks_within_hours(tls):
    return (tls["escitalopram"].at(6)["sert_occupancy"] >= 0.5
            and all(tls[n].at(6)["sert_occupancy"] >= 0.2 for n in ("escitalopram", "fluoxetine")))


def ssri_tmax(tls):
    def tmax(tl):
        first = tl.t_hours < 24
        return tl.t_hours[first][np.argmax(tl.series("plasma_ng_per_ml")[first])]
    return 4.5 <= tmax(tls["escitalopram"]) <= 5.5 and 6 <= tmax(tls["fluoxetine"]) <= 8


def ssri_week_one(tls):
    esc = tls["escitalopram"]
    return 0.25 <= esc.at(168)["relief"] / esc.at(6 * 168)["relief"] <= 0.42 and esc.at(24)["relief"] < 0.06 * esc.at(1008)["relief"]


def brake_eases_over_weeks(tls):
    return all(tls[n].at(72)["autoreceptor_brake"] < 0.97 and tls[n].at(21 * 24)["autoreceptor_brake"] < 0.5
               for n in ("escitalopram", "fluoxetine"))


def ssri_still_building_at_8_weeks(tls):
    return all(tls[n].at(8 * 168)["relief"] > tls[n].at(6 * 168)["relief"] for n in ("escitalopram", "fluoxetine"))


LABEL_OR_TRIAL = "a fact of a label or trial with no curve in the model"

# (family or drug whose text says it, phrase) -> check, or the reason it has none
CLAIMS = {
    ("ketamine", "within minutes"): in_the_brain_within_minutes,
    ("ketamine", "over 40 minutes"): infusion_40_min,
    ("ketamine", "over 40 min"): infusion_40_min,
    ("ketamine", "about 2 hours"): [relief_within_2h, dissociation_gone_by_2h],
    ("ketamine", "~2 h"): [relief_within_2h, dissociation_gone_by_2h],
    ("ketamine", "within hours"): relief_within_2h,
    ("ketamine", "~1-2 h"): growth_signal_transient,
    ("ketamine", "by 6 hours"): no_spines_by_6h,
    ("ketamine", "at 3-6 h"): no_spines_by_6h,
    ("ketamine", "by 12 to 24 hours"): spines_by_12_to_24h,
    ("ketamine", "at 12-24 h"): spines_by_12_to_24h,
    ("ketamine", "over the next day"): spines_by_12_to_24h,
    ("ketamine", "24-h"): LABEL_OR_TRIAL + " (rapamycin trial)",
    ("ketamine", "at 2 weeks"): LABEL_OR_TRIAL + " (rapamycin trial)",
    ("ketamine", "a week"): holds_a_week,
    ("ketamine", "about a week"): holds_a_week,
    ("ketamine", "at 1 week"): holds_a_week,
    ("ketamine", "~2 weeks"): spines_last_two_weeks,
    ("ketamine", "18 days"): relapse_18_days,
    ("ketamine", "about two weeks"): course_of_six_over_12_days,
    ("ketamine", "over 12 days"): course_of_six_over_12_days,
    ("ketamine", "at day 28"): LABEL_OR_TRIAL + " (Popova 2019)",
    ("esketamine", "5 minutes"): devices_5_min_apart,
    ("esketamine", "5 min"): devices_5_min_apart,
    ("esketamine", "20 to 40 minutes"): esketamine_peak_20_to_40_min,
    ("esketamine", "20-40 min"): esketamine_peak_20_to_40_min,
    ("esketamine", "7-12 h"): esketamine_half_life,
    ("esketamine", "at least 2 hours"): LABEL_OR_TRIAL + " (observation after each dose)",
    ("esketamine", "at least 2 h"): LABEL_OR_TRIAL + " (observation after each dose)",
    ("esketamine", "after 4 weeks"): LABEL_OR_TRIAL + " (Popova 2019)",
    ("esketamine", "at day 28"): LABEL_OR_TRIAL + " (Popova 2019)",
    ("esketamine", "~2 weeks"): spines_last_two_weeks,
    ("esketamine", "4 weeks"): esketamine_regimen,
    ("esketamine", "2 weeks"): esketamine_regimen,
    ("esketamine", "a week"): esketamine_regimen,
    ("esketamine", "day 1"): esketamine_regimen,
    ("esketamine", "weeks 1-4"): esketamine_regimen,
    ("esketamine", "weeks 5-8"): esketamine_regimen,
    ("esketamine", "after week 8"): esketamine_regimen,
    ("ssri", "within hours"): ssri_blocks_within_hours,
    ("ssri", "~5 h"): ssri_tmax,
    ("ssri", "6-8 h"): ssri_tmax,
    ("ssri", "the first weeks"): LABEL_OR_TRIAL + " (side effects, labels)",
    ("ssri", "over one to three weeks"): brake_eases_over_weeks,
    ("ssri", "by day 3"): brake_eases_over_weeks,
    ("ssri", "by day 21"): brake_eases_over_weeks,
    ("ssri", "the first week"): ssri_week_one,
    ("ssri", "by week 1"): ssri_week_one,
    ("ssri", "6-week"): ssri_week_one,
    ("ssri", "after eight weeks"): ssri_still_building_at_8_weeks,
    ("ssri", "at 8 weeks"): ssri_still_building_at_8_weeks,
}


def stage_texts():
    """(drug or family, stage id, vocabulary, text) for every narration text."""
    c = load_content()
    for key, stages in c.stages.items():
        for sid, d in stages.items():
            for vocabulary in ("plain", "expert"):
                if vocabulary in d:
                    yield key, sid, vocabulary, d[vocabulary]


def test_every_timing_phrase_is_registered():
    unregistered = sorted({(key, m.group(0).lower(), sid) for key, sid, _, text in stage_texts()
                           for m in TIME.finditer(text) if (key, m.group(0).lower()) not in CLAIMS})
    assert not unregistered, f"add a check to CLAIMS for: {unregistered}"


def test_no_registered_phrase_is_stale():
    said = {(key, m.group(0).lower()) for key, _, _, text in stage_texts() for m in TIME.finditer(text)}
    assert set(CLAIMS) <= said, set(CLAIMS) - said


@pytest.mark.parametrize("claim", sorted(CLAIMS))
def test_the_model_shows_what_the_words_say(tls, claim):
    checks = CLAIMS[claim]
    if isinstance(checks, str):
        assert checks.startswith(LABEL_OR_TRIAL)
        return
    for check in checks if isinstance(checks, list) else [checks]:
        assert check(tls), f"{claim}: {check.__name__} does not hold on the bundled scenarios"


ANIMAL_ONLY = re.compile(r"spine|connection point|new connection|bdnf|mtor|glutamate|ampa|bouncer|interneuron|"
                         r"disinhibition|brake|autoreceptor|raphe|fires less|neurogenesis|new brain cells", re.I)
SAYS_WHO = re.compile(r"\banimals?\b|\bmice\b|\bmouse\b|\brats?\b|\brodents?\b|\bpeople\b|\bpatients\b|"
                      r"post-mortem|\bpet\b|\btrial\b|\bclinical\b", re.I)


def test_animal_evidence_is_marked_sentence_by_sentence():
    c = load_content()
    unmarked = []
    for key, sid, vocabulary, text in stage_texts():
        if c.stage(key, sid).in_animals:
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if ANIMAL_ONLY.search(sentence) and not SAYS_WHO.search(sentence):
                unmarked.append(f"[{key}.{sid}] {vocabulary}: {sentence}")
    assert not unmarked, "\n".join(unmarked)


REVIEWS = {"blier1998", "commons2019"}  # reviews of the animal work, cited for the hypothesis and its dispute


def test_badged_stages_rest_on_animal_sources_only():
    c = load_content()
    for key, stages in c.stages.items():
        for sid in stages:
            st = c.stage(key, sid)
            if st.in_animals:
                assert all(c.references[k].get("animal") or k in REVIEWS for k in st.sources), (key, sid)


def test_drug_texts_override_existing_stages_and_cite_known_sources():
    c = load_content()
    for key, stages in c.stages.items():
        if key in ("ketamine", "ssri"):
            continue
        family = family_of(key)
        assert key in {load_scenario(n).drug for n in bundled_names()}
        for sid, d in stages.items():
            assert sid in c.stages[family], (key, sid)
            assert set(d.get("sources", ())) <= set(c.references), (key, sid)


def test_esketamine_is_narrated_as_a_nasal_spray_not_an_infusion():
    c = load_content()
    for sid in c.stages["ketamine"]:
        st = c.stage("esketamine", sid)
        assert "infusion" not in (st.plain + st.expert).lower() or sid == "course_reboost", sid
    assert "nasal spray" in c.stage("esketamine", "arrival").plain


def test_response_rates_say_how_small_and_uncontrolled():
    for key, sid, _, text in stage_texts():
        if re.search(r"\b7 in 10\b|\b71%", text):
            assert re.search(r"small|open-label|uncontrolled", text), (key, sid)
            assert re.search(r"placebo-controlled|phase-3|phase 3", text), (key, sid)
