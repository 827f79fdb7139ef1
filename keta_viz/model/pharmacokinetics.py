"""Plasma levels by superposition of closed-form dose responses (linear kinetics)."""

from __future__ import annotations

import numpy as np

from . import constants as c
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .scenario import Scenario


def _two_compartment_modes(k10: float) -> tuple[np.ndarray, np.ndarray]:
    """Eigen-rates and central-compartment weights of a two-compartment model (per hour)."""
    k12, k21 = c.KETAMINE_K12_PER_H, c.KETAMINE_K21_PER_H
    rates, vecs = np.linalg.eig(np.array([[-(k10 + k12), k21], [k12, -k21]]))
    weights = vecs[0, :] * np.linalg.inv(vecs)[:, 0]
    return rates.real, weights.real


def k10_for_terminal_half_life(half_life_h: float) -> float:
    """Elimination rate that gives the Clements & Nimmo distribution a chosen terminal half-life."""
    beta = np.log(2) / half_life_h
    k12, k21 = c.KETAMINE_K12_PER_H, c.KETAMINE_K21_PER_H
    return float(beta * (k12 + k21 - beta) / (k21 - beta))


# Racemic ketamine: Clements & Nimmo as published.  Esketamine: the same distribution with the
# label's longer terminal half-life (the racemic model's is ~3 h; the label's 7-12 h).
KETAMINE_MODES = _two_compartment_modes(c.KETAMINE_K10_PER_H)
ESKETAMINE_MODES = _two_compartment_modes(k10_for_terminal_half_life(c.ESKETAMINE_TERMINAL_HALF_LIFE_H))


def _infusion_amount(t: np.ndarray, modes: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Central amount (mg) after a unit-rate (1 mg/h) infusion running since t = 0."""
    rates, weights = modes
    tt = np.maximum(t, 0.0)[..., None]
    return ((np.expm1(rates * tt) / rates) * weights).sum(-1)


def _absorbed_amount(t: np.ndarray, ka: float, modes: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Central amount (mg) after a unit (1 mg) first-order absorbed dose given at t = 0."""
    rates, weights = modes
    tt = np.maximum(t, 0.0)[..., None]
    # Convolution of ka*exp(-ka t) with the unit-impulse response sum w_i exp(r_i t).
    terms = weights * ka * (np.exp(rates * tt) - np.exp(-ka * tt)) / (rates + ka)
    return terms.sum(-1)


def ketamine_plasma(s: Scenario, t_h: np.ndarray) -> np.ndarray:
    """Plasma level (ng/mL) of racemic ketamine (IV infusions) or esketamine (nasal sprays)."""
    v1_l = c.KETAMINE_V1_L_PER_KG * s.weight_kg
    amount = np.zeros_like(t_h)
    for start, mg in zip(s.dose_hours, s.doses_mg):
        if s.drug == "ketamine":
            dur = s.infusion_min / 60.0
            rate = mg / dur
            amount += rate * (_infusion_amount(t_h - start, KETAMINE_MODES)
                              - _infusion_amount(t_h - start - dur, KETAMINE_MODES))
        else:
            devices = max(1, round(mg / c.ESKETAMINE_DEVICE_MG))
            per_device = mg * c.ESKETAMINE_BIOAVAILABILITY / devices
            for k in range(devices):
                t0 = start + k * c.ESKETAMINE_DEVICE_INTERVAL_H
                amount += per_device * _absorbed_amount(t_h - t0, c.ESKETAMINE_KA_PER_H, ESKETAMINE_MODES)
    return 1000.0 * amount / v1_l


def oral_plasma(s: Scenario, t_h: np.ndarray) -> np.ndarray:
    """SSRI plasma level (ng/mL): one-compartment oral kinetics summed over daily doses."""
    drug = c.ORAL_DRUGS[s.drug]
    ka, ke = drug.ka_per_h, drug.ke_per_h
    scale = 1000.0 / (drug.volume_l_per_kg * s.weight_kg) * ka / (ka - ke)
    since = t_h[None, :] - np.asarray(s.dose_hours)[:, None]
    since_pos = np.maximum(since, 0.0)
    per_dose = np.where(since > 0, np.exp(-ke * since_pos) - np.exp(-ka * since_pos), 0.0)
    return scale * (np.asarray(s.doses_mg)[:, None] * per_dose).sum(axis=0)
