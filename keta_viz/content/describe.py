"""The synapse picture in words, for screen readers: what each actor is doing at model time t,
composed from the Timeline's values (the same facts the narration and the picture show)."""

from __future__ import annotations

from ..model import Timeline
from . import Content
from .captions import stage_title


def _percent(x: float) -> int:
    return round(100 * x)


def _ketamine_facts(v: dict, w: dict) -> list[str]:
    """The bouncer, glutamate, the receptors, the growth signal and the spines."""
    facts = [w["bouncer_blocked"].format(n=_percent(v["nmda_block"])) if v["nmda_block"] >= 0.1 else w["bouncer_on"],
             w["glutamate_burst"] if v["glutamate"] >= 0.4 else w["glutamate_low"],
             w["receptors_firing"] if v["receptor_activity"] >= 0.3 else w["receptors_quiet"]]
    return facts + _growth_and_spines(v, w)


def _ssri_facts(v: dict, w: dict) -> list[str]:
    """The pump, the brake, serotonin, the growth signal and the spines."""
    rise = v["serotonin_rise"]
    facts = [w["pump_blocked"].format(n=_percent(v["sert_occupancy"])) if v["sert_occupancy"] >= 0.2
             else w["pump_working"],
             w["brake_holds"] if v["autoreceptor_brake"] >= 0.9
             else w["brake_eases"].format(n=_percent(v["autoreceptor_brake"])),
             w["serotonin_low"] if rise < 0.1 else w["serotonin_some"] if rise < 0.6 else w["serotonin_high"]]
    return facts + _growth_and_spines(v, w)


def _growth_and_spines(v: dict, w: dict) -> list[str]:
    growth = [w["growth_on"]] if v["bdnf"] >= 0.3 else []
    spines = w["spines_few"] if v["spine_density"] < 0.8 else w["spines_more"]
    return growth + [spines.format(n=_percent(v["spine_density"]))]


FACTS = {"ketamine": _ketamine_facts, "ssri": _ssri_facts}


def synapse_name(content: Content, tl: Timeline, t_hours: float) -> str:
    """'Synapse picture, Ketamine: stage 3 of 10, The bouncer is blocked' (changes with the stage)."""
    stage = tl.stage_at(t_hours)
    return content.ui["describe"]["name"].format(
        drug=content.ui["drugs"][tl.scenario.drug], n=stage.index + 1, total=len(tl.stages),
        stage=stage_title(content, tl, t_hours))


def synapse_description(content: Content, tl: Timeline, t_hours: float) -> str:
    """'1 hour after the infusion began. Stage 6 of 10: …. The drug blocks 55% of …' (plain text)."""
    w, stage = content.ui["describe"], tl.stage_at(t_hours)
    facts = FACTS[tl.scenario.family](tl.at(t_hours), w)
    return w["summary"].format(time=content.time_in_words(t_hours, tl.scenario.drug), n=stage.index + 1,
                               total=len(tl.stages), stage=stage_title(content, tl, t_hours), facts=" ".join(facts))
