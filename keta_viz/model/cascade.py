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

def nmda_block(plasma: np.ndarray, k_um: float = c.NMDA_BLOCK_K_UM) -> np.ndarray:
    """Fraction of interneuron NMDA receptors blocked, C/(C+K), K in uM."""
    conc_um = plasma / c.KETAMINE_MW_G_PER_MOL
    return conc_um / (conc_um + k_um)


def disinhibition(block: np.ndarray) -> np.ndarray:
    """How far the quieted bouncer frees the pyramidal cell: steep in the block, 1 at full block."""
    b, h = block**c.DISINHIBITION_HILL, c.DISINHIBITION_HALF_BLOCK**c.DISINHIBITION_HILL
    return b * (1.0 + h) / (b + h)


def _surge(block: np.ndarray) -> np.ndarray:
    """Disinhibition times what the pyramidal cell's own NMDA receptors still allow: an inverted U."""
    return disinhibition(block) * (1.0 - block**c.PYRAMIDAL_BLOCK_POWER)


_SURGE_MAX = float(_surge(np.linspace(0.0, 1.0, 2001)).max())


def glutamate_target(block: np.ndarray) -> np.ndarray:
    """Glutamate level the disinhibited synapse relaxes toward (falls again at anaesthetic block)."""
    return c.GLUTAMATE_BASE + (1.0 - c.GLUTAMATE_BASE) * _surge(block) / _SURGE_MAX


def ampa_activation(glutamate: np.ndarray) -> np.ndarray:
    """Saturating AMPA response, 1 at maximal glutamate."""
    h2 = c.AMPA_HALF_GLUTAMATE**2
    return glutamate**2 / (glutamate**2 + h2) * (1.0 + h2)


AMPA_BASE = float(ampa_activation(np.array(c.GLUTAMATE_BASE)))


def plasticity_drive(ampa: np.ndarray) -> np.ndarray:
    """AMPA activation above the depressed baseline, scaled to 0-1."""
    return np.clip((ampa - AMPA_BASE) / (1.0 - AMPA_BASE), 0.0, 1.0)


def saturating_rate_target(on: np.ndarray, off_per_h: np.ndarray | float,
                           high: float = 1.0, low: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """dx/dt = on*(high - x) + off*(low - x) written as rate*(target - x)."""
    rate = on + off_per_h
    return rate, (on * high + off_per_h * low) / rate


def lasting_decay_per_h(tau_h: float, consolidation: np.ndarray) -> np.ndarray:
    """Loss rate of a benefit (new spines, rapid relief): slower once repeated doses consolidated it."""
    return 1.0 / (tau_h * (1.0 + c.CONSOLIDATION_GAIN * consolidation))


def spine_score(spines: np.ndarray) -> np.ndarray:
    """Spine density as 0 (stressed baseline) to 1 (healthy)."""
    return (spines - c.SPINE_STRESSED) / (c.SPINE_HEALTHY - c.SPINE_STRESSED)


def _relax_const(t: np.ndarray, tau_h: float, target: np.ndarray, x0: float) -> np.ndarray:
    """dx/dt = (target - x)/tau with target sampled on the grid."""
    return relax(t, np.full(len(t) - 1, 1.0 / tau_h), midpoints(target), x0)


def ketamine_cascade(t: np.ndarray, plasma: np.ndarray, k_um: float = c.NMDA_BLOCK_K_UM) -> dict[str, np.ndarray]:
    """All ketamine variables on grid t, given plasma (ng/mL) and the drug's NMDA affinity."""
    block = nmda_block(plasma, k_um)
    glut = _relax_const(t, c.GLUTAMATE_TAU_H, glutamate_target(block), c.GLUTAMATE_BASE)
    ampa = ampa_activation(glut)
    bdnf = _relax_const(t, c.PLASTICITY_TAU_H, plasticity_drive(ampa), 0.0)
    program = _relax_const(t, c.SYNAPTOGENESIS_TAU_H / 2, bdnf, 0.0)
    build = _relax_const(t, c.SYNAPTOGENESIS_TAU_H / 2, program, 0.0)
    on = midpoints(build)
    consolidation = relax(t, *saturating_rate_target(c.CONSOLIDATION_PER_H * on, 1.0 / c.CONSOLIDATION_TAU_H), 0.0)
    decay = lasting_decay_per_h(c.SPINE_DECAY_TAU_H, midpoints(consolidation))
    grow = c.SPINE_GROWTH_PER_H * on**c.SPINE_DRIVE_POWER
    spines = relax(t, *saturating_rate_target(grow, decay, c.SPINE_HEALTHY, c.SPINE_STRESSED), c.SPINE_STRESSED)
    rapid = relax(t, *saturating_rate_target(c.RAPID_RELIEF_ON_PER_H * midpoints(bdnf),
                                             lasting_decay_per_h(c.RAPID_RELIEF_TAU_H, midpoints(consolidation))), 0.0)
    relief = c.KETAMINE_RELIEF_RAPID * rapid + c.KETAMINE_RELIEF_SPINES * spine_score(spines)
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
    brake = _relax_const(t, c.BRAKE_TAU_H, brake_target(occ), 1.0)
    sero = serotonin_level(occ, brake)
    score = serotonin_score(sero)
    early = _relax_const(t, c.SSRI_EARLY_TAU_H, score, 0.0)
    bdnf = _relax_const(t, c.SSRI_PLASTICITY_TAU_H, score, 0.0)
    grow = c.SSRI_SPINE_GROWTH_PER_H * midpoints(bdnf)
    decay = 1.0 / c.SPINE_DECAY_TAU_H
    spines = relax(t, *saturating_rate_target(grow, decay, c.SPINE_HEALTHY, c.SPINE_STRESSED), c.SPINE_STRESSED)
    relief = (c.SSRI_RELIEF_EARLY * early + c.SSRI_RELIEF_PLASTICITY * bdnf
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
