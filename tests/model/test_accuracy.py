"""The fast exact-step solver agrees with an independent fine-step RK4 integration (< 0.5 % of range)."""

import numpy as np
import pytest

from keta_viz.model import constants as c
from keta_viz.model import cascade, load_scenario, simulate
from keta_viz.model.pharmacokinetics import ketamine_plasma, oral_plasma


def rk4(rhs, y0, t):
    """Classic RK4 on grid t; rhs(i_half, y) gets the index of the half-step sample."""
    ys = np.empty((len(t) // 2 + 1, len(y0)))
    y = np.array(y0, float)
    ys[0] = y
    for k in range(0, len(t) - 2, 2):
        h = t[k + 2] - t[k]
        k1 = rhs(k, y)
        k2 = rhs(k + 1, y + h / 2 * k1)
        k3 = rhs(k + 1, y + h / 2 * k2)
        k4 = rhs(k + 2, y + h * k3)
        y = y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        ys[k // 2 + 1] = y
    return ys


def fine_grid(span, fine_until, fine, coarse):
    a = np.arange(0, fine_until, fine / 2)
    b = np.arange(fine_until, span + 1e-9, coarse / 2)
    return np.concatenate([a, b])


def check(tl, t_ref, ref):
    for name, values in ref.items():
        model = np.interp(t_ref, tl.t_hours, tl.series(name))
        span = np.ptp(tl.series(name)) or 1.0
        assert np.max(np.abs(model - values)) <= 0.005 * span, name


def test_ketamine_matches_reference():
    s = load_scenario("ketamine-course")
    t = fine_grid(s.span_hours, 24.0 * 12, 0.01, 0.1)
    block = cascade.nmda_block(ketamine_plasma(s, t))
    gt = cascade.glutamate_target(block)
    half_tau = c.SYNAPTOGENESIS_TAU_H / 2

    def lasting(tau, cons):
        return 1.0 / (tau * (1.0 + c.CONSOLIDATION_GAIN * cons))

    def rhs(i, y):
        g, p, prog, q, cons, sp, rapid = y
        drive = cascade.plasticity_drive(cascade.ampa_activation(np.array(g)))
        grow = c.SPINE_GROWTH_PER_H * max(q, 0.0) ** c.SPINE_DRIVE_POWER
        return np.array([
            (gt[i] - g) / c.GLUTAMATE_TAU_H,
            (float(drive) - p) / c.PLASTICITY_TAU_H,
            (p - prog) / half_tau,
            (prog - q) / half_tau,
            c.CONSOLIDATION_PER_H * q * (1 - cons) - cons / c.CONSOLIDATION_TAU_H,
            grow * (c.SPINE_HEALTHY - sp) + (c.SPINE_STRESSED - sp) * lasting(c.SPINE_DECAY_TAU_H, cons),
            c.RAPID_RELIEF_ON_PER_H * p * (1 - rapid) - rapid * lasting(c.RAPID_RELIEF_TAU_H, cons),
        ])

    ys = rk4(rhs, [c.GLUTAMATE_BASE, 0, 0, 0, 0, c.SPINE_STRESSED, 0], t)
    t_ref = t[::2][: len(ys)]
    relief = c.KETAMINE_RELIEF_RAPID * ys[:, 6] + c.KETAMINE_RELIEF_SPINES * cascade.spine_score(ys[:, 5])
    check(simulate(s), t_ref, {"glutamate": ys[:, 0], "bdnf": ys[:, 1], "spine_density": ys[:, 5],
                               "relief": np.clip(relief, 0, 1)})


def test_ssri_matches_reference():
    s = load_scenario("escitalopram")
    t = fine_grid(s.span_hours, 0.0, 0.05, 0.05)
    occ = oral_plasma(s, t)
    occ = occ / (occ + c.ORAL_DRUGS["escitalopram"].occupancy_ec50(s.weight_kg))
    bt = cascade.brake_target(occ)

    def rhs(i, y):
        brake, bdnf, sp, early = y
        score = float(cascade.serotonin_score(cascade.serotonin_level(occ[i], brake)))
        grow = c.SSRI_SPINE_GROWTH_PER_H * bdnf
        return np.array([
            (bt[i] - brake) / c.BRAKE_TAU_H,
            (score - bdnf) / c.SSRI_PLASTICITY_TAU_H,
            grow * (c.SPINE_HEALTHY - sp) + (c.SPINE_STRESSED - sp) / c.SPINE_DECAY_TAU_H,
            (score - early) / c.SSRI_EARLY_TAU_H,
        ])

    ys = rk4(rhs, [1.0, 0.0, c.SPINE_STRESSED, 0.0], t)
    t_ref = t[::2][: len(ys)]
    relief = (c.SSRI_RELIEF_EARLY * ys[:, 3] + c.SSRI_RELIEF_PLASTICITY * ys[:, 1]
              + c.SSRI_RELIEF_SPINES * cascade.spine_score(ys[:, 2]))
    check(simulate(s), t_ref, {"autoreceptor_brake": ys[:, 0], "bdnf": ys[:, 1], "spine_density": ys[:, 2],
                               "relief": np.clip(relief, 0, 1)})


def test_relax_is_exact_for_constant_inputs():
    t = np.linspace(0, 5000, 2001)
    x = cascade.relax(t, np.full(2000, 0.7), np.full(2000, 3.0), 1.0)
    assert x == pytest.approx(3.0 - 2.0 * np.exp(-0.7 * t), abs=1e-12)
