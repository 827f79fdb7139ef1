"""The receptor-to-relief cascades of PARAMETERS.md as first-order relaxations on a time grid.

Each dynamic variable obeys dx/dt = rate(t) * (target(t) - x).  `relax` integrates that
exactly for rate and target held constant over each grid interval, vectorised with numpy.
"""

from __future__ import annotations

import numpy as np

from . import constants as c

_CHUNK = 600.0  # keep exp(cumulative decay) far from float overflow
_STEP_CAP = 50.0  # exp(-50) is already zero for our purposes


def relax(t: np.ndarray, rate: np.ndarray, target: np.ndarray, x0: float) -> np.ndarray:
    """Solve dx/dt = rate*(target - x) on grid t, rate/target given per interval."""
    decay = np.minimum(rate * np.diff(t), _STEP_CAP)
    out = np.empty(len(t))
    out[0] = x0
    cum = np.concatenate(([0.0], np.cumsum(decay)))
    i0 = 0
    while i0 < len(t) - 1:
        i1 = int(np.searchsorted(cum, cum[i0] + _CHUNK, side="right")) - 1
        i1 = min(max(i1, i0 + 1), len(t) - 1)
        lag = cum[i0 : i1 + 1] - cum[i0]  # L_k, 0 at the chunk start
        grow = np.exp(lag)
        gains = np.cumsum((grow[1:] - grow[:-1]) * target[i0:i1])
        out[i0 + 1 : i1 + 1] = (out[i0] + gains) / grow[1:]
        i0 = i1
    return out


def midpoints(x: np.ndarray) -> np.ndarray:
    """Interval averages of a sampled signal (the value held over each step)."""
    return 0.5 * (x[1:] + x[:-1])


# --- ketamine ---------------------------------------------------------------------------

def nmda_block(plasma: np.ndarray) -> np.ndarray:
    """Fraction of interneuron NMDA receptors blocked, C/(C+K)."""
    conc_um = plasma / c.KETAMINE_MW_G_PER_MOL
    return conc_um / (conc_um + c.NMDA_BLOCK_K_UM)


def glutamate_target(block: np.ndarray) -> np.ndarray:
    """Glutamate level the disinhibited synapse relaxes toward."""
    return c.GLUTAMATE_BASE + (1.0 - c.GLUTAMATE_BASE) * block


def ampa_activation(glutamate: np.ndarray) -> np.ndarray:
    """Saturating AMPA response, 1 at maximal glutamate."""
    h2 = c.AMPA_HALF_GLUTAMATE**2
    return glutamate**2 / (glutamate**2 + h2) * (1.0 + h2)


AMPA_BASE = float(ampa_activation(np.array(c.GLUTAMATE_BASE)))


def plasticity_drive(ampa: np.ndarray) -> np.ndarray:
    """AMPA activation above the depressed baseline, scaled to 0-1."""
    return np.clip((ampa - AMPA_BASE) / (1.0 - AMPA_BASE), 0.0, 1.0)


def spine_rate_target(drive: np.ndarray, growth_per_h: float) -> tuple[np.ndarray, np.ndarray]:
    """Spine growth toward healthy (rate ~ drive) against decay to the stressed baseline."""
    grow = growth_per_h * drive
    rate = grow + 1.0 / c.SPINE_DECAY_TAU_H
    target = (grow * c.SPINE_HEALTHY + c.SPINE_STRESSED / c.SPINE_DECAY_TAU_H) / rate
    return rate, target


def spine_score(spines: np.ndarray) -> np.ndarray:
    """Spine density as 0 (stressed baseline) to 1 (healthy)."""
    return (spines - c.SPINE_STRESSED) / (c.SPINE_HEALTHY - c.SPINE_STRESSED)


def ketamine_cascade(t: np.ndarray, plasma: np.ndarray) -> dict[str, np.ndarray]:
    """All ketamine variables on grid t, given plasma (ng/mL) on the same grid."""
    block = nmda_block(plasma)
    glut = relax(t, np.full(len(t) - 1, 1 / c.GLUTAMATE_TAU_H),
                 midpoints(glutamate_target(block)), c.GLUTAMATE_BASE)
    ampa = ampa_activation(glut)
    bdnf = relax(t, np.full(len(t) - 1, 1 / c.PLASTICITY_TAU_H), midpoints(plasticity_drive(ampa)), 0.0)
    build = relax(t, np.full(len(t) - 1, 1 / c.SYNAPTOGENESIS_TAU_H), midpoints(bdnf), 0.0)
    rate, target = spine_rate_target(midpoints(build) ** c.SPINE_DRIVE_POWER, c.SPINE_GROWTH_PER_H)
    spines = relax(t, rate, target, c.SPINE_STRESSED)
    relief = (c.KETAMINE_RELIEF_FAST * bdnf + c.KETAMINE_RELIEF_BRIDGE * build
              + c.KETAMINE_RELIEF_SPINES * spine_score(spines))
    conc_n = plasma**c.DISSOCIATION_HILL
    return {
        "plasma_ng_per_ml": plasma,
        "nmda_block": block,
        "interneuron_activity": 1.0 - block,
        "glutamate": glut,
        "ampa": ampa,
        "bdnf": bdnf,
        "spine_density": spines,
        "relief": np.clip(relief, 0.0, 1.0),
        "dissociation": conc_n / (conc_n + c.DISSOCIATION_EC50**c.DISSOCIATION_HILL),
    }


# --- SSRIs ------------------------------------------------------------------------------

def brake_target(occupancy: np.ndarray) -> np.ndarray:
    """Autoreceptor sensitivity the brake eases toward under sustained SERT block."""
    ease = c.BRAKE_MAX_EASING * occupancy / c.SERT_OCCUPANCY_AT_MIN_DOSE
    return np.clip(1.0 - ease, 1.0 - c.BRAKE_MAX_EASING, 1.0)


def serotonin_level(occupancy: np.ndarray, brake: np.ndarray) -> np.ndarray:
    """Synaptic serotonin: raised by blocked reuptake, held down while the brake is on."""
    return c.SEROTONIN_BASE + (1.0 - c.SEROTONIN_BASE) * occupancy * (1.0 - c.BRAKE_HOLD * brake)


SEROTONIN_FULL = float(serotonin_level(np.array(c.SERT_OCCUPANCY_AT_MIN_DOSE),
                                       np.array(1.0 - c.BRAKE_MAX_EASING)))


def serotonin_score(serotonin: np.ndarray) -> np.ndarray:
    """Serotonin rise as 0 (depressed baseline) to 1 (full effect at the minimum dose)."""
    return np.clip((serotonin - c.SEROTONIN_BASE) / (SEROTONIN_FULL - c.SEROTONIN_BASE), 0.0, 1.5)


def ssri_cascade(t: np.ndarray, plasma: np.ndarray, ec50: float) -> dict[str, np.ndarray]:
    """All SSRI variables on grid t, given plasma (ng/mL) and the occupancy EC50."""
    occ = plasma / (plasma + ec50)
    brake = relax(t, np.full(len(t) - 1, 1 / c.BRAKE_TAU_H), midpoints(brake_target(occ)), 1.0)
    sero = serotonin_level(occ, brake)
    score = serotonin_score(sero)
    bdnf = relax(t, np.full(len(t) - 1, 1 / c.SSRI_PLASTICITY_TAU_H), midpoints(score), 0.0)
    rate, target = spine_rate_target(midpoints(bdnf), c.SSRI_SPINE_GROWTH_PER_H)
    spines = relax(t, rate, target, c.SPINE_STRESSED)
    relief = (c.SSRI_RELIEF_FAST * score + c.SSRI_RELIEF_PLASTICITY * bdnf
              + c.SSRI_RELIEF_SPINES * spine_score(spines))
    return {
        "plasma_ng_per_ml": plasma,
        "sert_occupancy": occ,
        "serotonin": sero,
        "autoreceptor_brake": brake,
        "bdnf": bdnf,
        "spine_density": spines,
        "relief": np.clip(relief, 0.0, 1.0),
    }
