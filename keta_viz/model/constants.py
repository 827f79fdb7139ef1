"""Every model constant, each with the key of its source in assets/references.toml.

Status follows ../shared/science/PARAMETERS.md: values marked "H" are modelling choices
that the app presents as illustrative; the rest are read from the cited source.
Time constants are in hours, concentrations in ng/mL unless the name says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import log

# --- Ketamine pharmacokinetics -------------------------------------------------------------
KETAMINE_MW_G_PER_MOL = 237.7  # zanos2018 (molecular weight of ketamine)
# Two-compartment model, per minute, converted to per hour below.  clements1981
KETAMINE_V1_L_PER_KG = 1.75  # clements1981
KETAMINE_K10_PER_H = 0.0109 * 60  # clements1981
KETAMINE_K12_PER_H = 0.0186 * 60  # clements1981
KETAMINE_K21_PER_H = 0.0137 * 60  # clements1981

# Esketamine nasal spray: 28 mg devices, 5 min apart; ~48 % bioavailable.  spravato_label
ESKETAMINE_DEVICE_MG = 28.0  # spravato_label
ESKETAMINE_DEVICE_INTERVAL_H = 5 / 60  # spravato_label
ESKETAMINE_BIOAVAILABILITY = 0.48  # spravato_label
ESKETAMINE_KA_PER_H = 3.0  # H: peak 20-40 min after the last spray; spravato_label

# --- Ketamine cascade (the minimal state model of PARAMETERS.md) -------------------------
NMDA_BLOCK_K_UM = 0.4  # H, within the 0.3-0.5 uM of the sheet; ebert1997 (Ki 0.12-0.30 uM)
GLUTAMATE_BASE = 0.2  # H: relative extracellular glutamate of the depressed synapse
GLUTAMATE_TAU_H = 0.5  # H (tau ~30 min); moghaddam1997, homayoun2007
AMPA_HALF_GLUTAMATE = 0.35  # H: half-activation of the saturating AMPA response; maeng2008
PLASTICITY_TAU_H = 1.5  # H (tau 1-2 h); autry2011, lepack2015, li2010
SYNAPTOGENESIS_TAU_H = 12.0  # H: delays spine growth to 12-24 h; modasava2019
SPINE_GROWTH_PER_H = 8.0  # H: tuned so spines barely move by 6 h and rise by 24 h; modasava2019
SPINE_DRIVE_POWER = 3  # H: growth needs the synapse-building drive to accumulate; modasava2019
SPINE_STRESSED = 0.75  # H: stressed baseline on the 1.0 = healthy scale
SPINE_HEALTHY = 1.0  # H
SPINE_DECAY_TAU_H = 10 * 24.0  # H (7-14 days); phoumthipphavong2016
DISSOCIATION_EC50 = 120.0  # H, within the 100-250 ng/mL seen during dissociation; krystal1994
DISSOCIATION_HILL = 3.0  # H: mostly gone by 2 h; luckenbaugh2014
# Relief relay: fast (BDNF/mTOR signalling), bridging (synapse building), sustained (spines).
KETAMINE_RELIEF_FAST = 0.4  # H: onset within ~2 h; zarate2006
KETAMINE_RELIEF_BRIDGE = 0.45  # H: carries relief through day 1; berman2000
KETAMINE_RELIEF_SPINES = 0.65  # H: fades over 1-2 weeks; zarate2006, murrough2013

# --- SSRIs ------------------------------------------------------------------------------
SERT_OCCUPANCY_AT_MIN_DOSE = 0.80  # meyer2004: ~80 % at the minimum therapeutic dose
BRAKE_TAU_H = 7 * 24.0  # H (tau ~7 days); blier1998, autoreceptor desensitisation PMID 7477436
BRAKE_MAX_EASING = 0.7  # H: 60-80 % of neurons desensitised by day 21 (PMID 7477436)
BRAKE_HOLD = 0.6  # H: how strongly the full brake holds firing down
SEROTONIN_BASE = 0.2  # H: relative synaptic serotonin of the depressed synapse
SSRI_PLASTICITY_TAU_H = 21 * 24.0  # H (2-4 weeks); nibuya1995, santarelli2003
SSRI_SPINE_GROWTH_PER_H = 0.004  # H: slow spine change over weeks; nibuya1995
SSRI_RELIEF_FAST = 0.15  # H: ~1/3 of the 6-week effect in week 1; taylor2006
SSRI_RELIEF_PLASTICITY = 0.5  # H: relief keeps building for 6-8+ weeks; trivedi2006
SSRI_RELIEF_SPINES = 0.25  # H


@dataclass(frozen=True)
class OralDrug:
    """One-compartment oral kinetics of an SSRI, with its minimum therapeutic daily dose."""

    name: str
    half_life_h: float
    ka_per_h: float
    volume_l_per_kg: float
    min_dose_mg: float
    max_dose_mg: float

    @property
    def ke_per_h(self) -> float:
        """Elimination rate constant."""
        return log(2) / self.half_life_h

    def occupancy_ec50(self, weight_kg: float = 70.0) -> float:
        """Plasma level (ng/mL) giving half-occupancy, set so the minimum dose gives ~80 %."""
        mean_ss = 1000 * self.min_dose_mg / (self.ke_per_h * self.volume_l_per_kg * weight_kg * 24)
        occ = SERT_OCCUPANCY_AT_MIN_DOSE
        return mean_ss * (1 - occ) / occ


ORAL_DRUGS = {
    # lexapro_label: t1/2 27-32 h, steady state ~1 week; ka and V/F are H (illustrative).
    "escitalopram": OralDrug("escitalopram", 30.0, 0.5, 12.0, 10.0, 40.0),
    # prozac_label: fluoxetine 4-6 d chronic, norfluoxetine 4-16 d, steady state 4-5 weeks;
    # one effective active moiety with t1/2 7 d (H); ka and V/F are H.
    "fluoxetine": OralDrug("fluoxetine", 7 * 24.0, 0.3, 12.0, 20.0, 80.0),
}
