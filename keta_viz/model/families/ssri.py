"""The SSRI family (escitalopram, fluoxetine): oral kinetics, cascade and story stages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .. import constants as c
from ..cascade import serotonin_score, ssri_cascade
from ..pharmacokinetics import oral_plasma
from ..stages import first, rise

if TYPE_CHECKING:
    from ..scenario import Scenario

NAME = "ssri"
DRUGS = tuple(c.ORAL_DRUGS)
STAGES = ("depressed", "transporter_blocked", "brake_holds", "brake_eases", "slow_plasticity", "relief_builds")
KNEE_H = 1.0  # hours matter, not minutes
TELLING_STAGE = "brake_eases"  # a snapshot's default moment: pumps blocked, brake easing
COMPARE_WITH = "ketamine-iv"  # the bundled scenario "Compare" puts beside this family
COARSE_STEP_H = 0.5
FINE_WINDOW_H = 0.0
RECEPTOR_SHARE = 0.6  # H: how brightly the receiving spine's receptors light at the full serotonin rise


@dataclass(frozen=True)
class State:
    """What the picture of the SSRI synapse shows at one moment (series of the same names)."""

    plasma_ng_per_ml: float
    sert_occupancy: float
    serotonin_rise: float
    autoreceptor_brake: float
    raphe_firing: float
    receptor_activity: float
    bdnf: float
    spine_density: float


def series(s: Scenario, t: np.ndarray) -> dict[str, np.ndarray]:
    """Every variable on grid t, plus what the picture draws: the raphe neuron's firing (held
    down by the brake while transporters are blocked), the serotonin rise (0 = depressed
    baseline, 1 = full effect at the minimum dose) and the receiving spine's receptor activity."""
    out = ssri_cascade(t, oral_plasma(s, t), c.ORAL_DRUGS[s.drug].occupancy_ec50(s.weight_kg))
    blocked = np.minimum(1.0, out["sert_occupancy"] / c.SERT_OCCUPANCY_AT_MIN_DOSE)
    out["raphe_firing"] = 1.0 - c.BRAKE_HOLD * out["autoreceptor_brake"] * blocked
    out["serotonin_rise"] = serotonin_score(out["serotonin"])
    out["receptor_activity"] = RECEPTOR_SHARE * np.clip(out["serotonin_rise"], 0.0, 1.0)
    return out


def triggers(s: Scenario, t: np.ndarray, v: dict[str, np.ndarray]) -> dict[str, float | None]:
    """When each stage begins; None when the scenario never reaches it."""
    everywhere = np.ones_like(t, bool)
    brake = v["autoreceptor_brake"]
    return {
        "depressed": 0.0,
        "transporter_blocked": first(t, v["sert_occupancy"] >= 0.2),
        "brake_holds": first(t, rise(v["serotonin"], t <= 48.0, 0.9)),
        "brake_eases": first(t, brake <= 1.0 - 0.25 * (1.0 - brake.min())),
        "slow_plasticity": first(t, rise(v["bdnf"], everywhere, 0.33)),
        "relief_builds": first(t, rise(v["relief"], everywhere, 0.6)),
    }
