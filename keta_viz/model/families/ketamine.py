"""The ketamine family (racemic ketamine IV, esketamine nasal): kinetics, cascade and story stages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .. import constants as c
from ..cascade import ketamine_cascade, plasticity_drive
from ..pharmacokinetics import ketamine_plasma
from ..stages import first, rise

if TYPE_CHECKING:
    from ..scenario import Scenario

NAME = "ketamine"
DRUGS = ("ketamine", "esketamine")
STAGES = ("depressed", "arrival", "bouncer_blocked", "glutamate_flood", "ampa_firing",
          "bdnf_mtor", "new_spines", "relief_holds", "course_reboost", "fading")
KNEE_H = 1 / 60  # minutes matter: the story axis gives the first minutes room
TELLING_STAGE = "ampa_firing"  # a snapshot's default moment: the flood lights the receivers
COMPARE_WITH = "escitalopram"  # the bundled scenario "Compare" puts beside this family
COARSE_STEP_H = 0.25
FINE_WINDOW_H = 8.0  # a 1-minute grid for the hours after each dose, where everything moves
FADED = 0.5  # the fading stage starts when relief has halved since its last peak (median relapse)


@dataclass(frozen=True)
class State:
    """What the picture of the ketamine synapse shows at one moment (series of the same names)."""

    plasma_ng_per_ml: float
    nmda_block: float
    interneuron_activity: float
    glutamate: float
    receptor_activity: float
    bdnf: float
    spine_density: float


def series(s: Scenario, t: np.ndarray) -> dict[str, np.ndarray]:
    """Every variable on grid t, plus what the picture draws (receptor_activity: AMPA above baseline)."""
    k_um = c.NMDA_BLOCK_K_UM * (c.ESKETAMINE_AFFINITY_RATIO if s.drug == "esketamine" else 1.0)
    out = ketamine_cascade(t, ketamine_plasma(s, t), k_um)
    out["receptor_activity"] = plasticity_drive(out["ampa"])
    return out


def triggers(s: Scenario, t: np.ndarray, v: dict[str, np.ndarray]) -> dict[str, float | None]:
    """When each stage begins; None when the scenario never reaches it."""
    doses = s.dose_hours
    first_dose = t < (doses[1] if len(doses) > 1 else t[-1] + 1)
    last_peak = float(t[np.argmax(np.where(t >= doses[-1], v["relief"], -1))])
    peak_relief = v["relief"][t == last_peak][0]
    return {
        "depressed": 0.0,
        "arrival": first(t, v["plasma_ng_per_ml"] > 1.0),
        "bouncer_blocked": first(t, v["nmda_block"] >= 0.25),
        "glutamate_flood": first(t, rise(v["glutamate"], first_dose, 0.5)),
        "ampa_firing": first(t, rise(v["ampa"], first_dose, 0.85)),
        "bdnf_mtor": first(t, rise(v["bdnf"], first_dose, 0.5)),
        "new_spines": first(t, rise(v["spine_density"], first_dose, 0.25)),
        "relief_holds": first(t, rise(v["spine_density"], first_dose, 0.95)),
        "course_reboost": doses[1] if len(doses) > 1 else None,
        "fading": first(t, v["relief"] < FADED * peak_relief, after=last_peak),
    }
