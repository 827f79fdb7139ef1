"""Plasma levels by superposition of closed-form dose responses (linear kinetics)."""

from __future__ import annotations

import numpy as np

from . import constants as c
from .scenario import Scenario


def _two_compartment_modes() -> tuple[np.ndarray, np.ndarray]:
    """Eigen-rates and central-compartment weights of the Clements & Nimmo model."""
    m = np.array(
        [
            [-(c.KETAMINE_K10_PER_H + c.KETAMINE_K12_PER_H), c.KETAMINE_K21_PER_H],
            [c.KETAMINE_K12_PER_H, -c.KETAMINE_K21_PER_H],
        ]
    )
    rates, vecs = np.linalg.eig(m)
    weights = vecs[0, :] * np.linalg.inv(vecs)[:, 0]
    return rates.real, weights.real


_RATES, _WEIGHTS = _two_compartment_modes()


def _infusion_amount(t: np.ndarray) -> np.ndarray:
    """Central amount (mg) after a unit-rate (1 mg/h) infusion running since t = 0."""
    tt = np.maximum(t, 0.0)[..., None]
    return ((np.expm1(_RATES * tt) / _RATES) * _WEIGHTS).sum(-1)


def _absorbed_amount(t: np.ndarray, ka: float) -> np.ndarray:
    """Central amount (mg) after a unit (1 mg) first-order absorbed dose given at t = 0."""
    tt = np.maximum(t, 0.0)[..., None]
    # Convolution of ka*exp(-ka t) with the unit-impulse response sum w_i exp(r_i t).
    terms = _WEIGHTS * ka * (np.exp(_RATES * tt) - np.exp(-ka * tt)) / (_RATES + ka)
    return terms.sum(-1)


def ketamine_plasma(s: Scenario, t_h: np.ndarray) -> np.ndarray:
    """Ketamine plasma level (ng/mL) for IV infusions or esketamine nasal sprays."""
    v1_l = c.KETAMINE_V1_L_PER_KG * s.weight_kg
    amount = np.zeros_like(t_h)
    for start in s.dose_hours:
        if s.drug == "ketamine":
            dur = s.infusion_min / 60.0
            rate = s.dose_mg / dur
            amount += rate * (_infusion_amount(t_h - start) - _infusion_amount(t_h - start - dur))
        else:
            devices = max(1, round(s.dose_mg / c.ESKETAMINE_DEVICE_MG))
            per_device = s.dose_mg * c.ESKETAMINE_BIOAVAILABILITY / devices
            for k in range(devices):
                t0 = start + k * c.ESKETAMINE_DEVICE_INTERVAL_H
                amount += per_device * _absorbed_amount(t_h - t0, c.ESKETAMINE_KA_PER_H)
    return 1000.0 * amount / v1_l


def oral_plasma(s: Scenario, t_h: np.ndarray) -> np.ndarray:
    """SSRI plasma level (ng/mL): one-compartment oral kinetics summed over daily doses."""
    drug = c.ORAL_DRUGS[s.drug]
    ka, ke = drug.ka_per_h, drug.ke_per_h
    scale = 1000.0 * s.dose_mg / (drug.volume_l_per_kg * s.weight_kg) * ka / (ka - ke)
    since = t_h[None, :] - np.asarray(s.dose_hours)[:, None]
    since_pos = np.maximum(since, 0.0)
    per_dose = np.where(since > 0, np.exp(-ke * since_pos) - np.exp(-ka * since_pos), 0.0)
    return scale * per_dose.sum(axis=0)
