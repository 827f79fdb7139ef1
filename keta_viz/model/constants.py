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
ESKETAMINE_TERMINAL_HALF_LIFE_H = 8.0  # H, within the label's 7-12 h; spravato_label

# --- Ketamine cascade (the minimal state model of PARAMETERS.md) -------------------------
NMDA_BLOCK_K_UM = 0.4  # H, within the 0.3-0.5 uM of the sheet (block is use-dependent)
# S-ketamine binds ~2.5x less tightly than the racemate at the [3H]MK-801 site (0.30 vs 0.12 uM).
ESKETAMINE_AFFINITY_RATIO = 0.30 / 0.12  # ebert1997, salat2015
DISINHIBITION_HALF_BLOCK = 0.5  # H: the bouncer quiets steeply once about half its NMDA receptors are blocked; homayoun2007
DISINHIBITION_HILL = 5.0  # H: keeps the glutamate surge transient (back near baseline by ~6 h); moghaddam1997
# Near-anaesthetic block also silences the pyramidal cell, so glutamate falls again: more is not better.
PYRAMIDAL_BLOCK_POWER = 3.0  # H; moghaddam1997 (anaesthetic doses lower glutamate), fava2018
GLUTAMATE_BASE = 0.2  # H: relative extracellular glutamate of the depressed synapse
GLUTAMATE_TAU_H = 0.5  # H (tau ~30 min); moghaddam1997, homayoun2007
AMPA_HALF_GLUTAMATE = 0.35  # H: half-activation of the saturating AMPA response; maeng2008
PLASTICITY_TAU_H = 1.0  # H (tau 1-2 h): BDNF/mTOR signalling is transient; autry2011, lepack2015, li2010
SYNAPTOGENESIS_TAU_H = 14.0  # H: mean delay of two 7-h steps puts spine growth at 12-24 h; modasava2019
SPINE_GROWTH_PER_H = 50.0  # H: tuned so spines barely move by 6 h and rise by 24 h; modasava2019
SPINE_DRIVE_POWER = 3  # H: growth needs the synapse-building drive to accumulate; modasava2019
SPINE_STRESSED = 0.75  # H: stressed baseline on the 1.0 = healthy scale
SPINE_HEALTHY = 1.0  # H
SPINE_DECAY_TAU_H = 9 * 24.0  # H (7-14 days) for new spines after one dose; phoumthipphavong2016
# Repeated doses consolidate new spines, so a course fades more slowly than one dose:
# H, tuned so relief halves about 18 days after a six-infusion course; murrough2013
CONSOLIDATION_PER_H = 0.1  # H
CONSOLIDATION_TAU_H = 60 * 24.0  # H
CONSOLIDATION_GAIN = 8.0  # H
DISSOCIATION_EC50 = 120.0  # H, within the 100-250 ng/mL seen during dissociation; krystal1994
DISSOCIATION_HILL = 3.0  # H: mostly gone by 2 h; luckenbaugh2014
# Relief = a rapid term (driven by the AMPA/BDNF signal: within ~2 h, near its peak in day 1)
# + a sustained term carried by spines (which sustain relief, not start it).
RAPID_RELIEF_ON_PER_H = 6.0  # H: onset within ~2 h; zarate2006, modasava2019
RAPID_RELIEF_TAU_H = 3 * 24.0  # H: the rapid benefit outlasts the signal by days; zarate2006, berman2000
KETAMINE_RELIEF_RAPID = 0.55  # H
KETAMINE_RELIEF_SPINES = 0.3  # H: fades over 1-2 weeks after one dose; zarate2006, murrough2013

# --- SSRIs ------------------------------------------------------------------------------
SERT_OCCUPANCY_AT_MIN_DOSE = 0.80  # meyer2004: ~80 % at the minimum therapeutic dose
BRAKE_TAU_H = 7 * 24.0  # H (tau ~7 days); blier1998, autoreceptor desensitisation PMID 7477436
BRAKE_MAX_EASING = 0.7  # H: 60-80 % of neurons desensitised by day 21 (PMID 7477436)
BRAKE_HOLD = 0.6  # H: how strongly the full brake holds firing down
SEROTONIN_BASE = 0.2  # H: relative synaptic serotonin of the depressed synapse
SSRI_EARLY_TAU_H = 3 * 24.0  # H: early change builds over days, not hours; taylor2006, harmer2009
SSRI_PLASTICITY_TAU_H = 21 * 24.0  # H (2-4 weeks); nibuya1995, santarelli2003
SSRI_SPINE_GROWTH_PER_H = 0.004  # H: slow spine change over weeks; nibuya1995, hajszan2005
SSRI_RELIEF_EARLY = 0.2  # H: ~1/3 of the 6-week effect in week 1; taylor2006
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
    # lexapro_label: t1/2 27-32 h, steady state ~1 week; ka (H) set so tmax is ~5 h; V/F is H.
    "escitalopram": OralDrug("escitalopram", 30.0, 0.7, 12.0, 10.0, 40.0),
    # prozac_label: fluoxetine 4-6 d chronic, norfluoxetine 4-16 d, steady state 4-5 weeks;
    # one effective active moiety with t1/2 7 d (H); ka (H) set so tmax is ~7 h (label 6-8 h); V/F is H.
    "fluoxetine": OralDrug("fluoxetine", 7 * 24.0, 0.75, 12.0, 20.0, 80.0),
}
