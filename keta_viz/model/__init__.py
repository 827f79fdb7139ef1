"""The Qt-free model: scenarios, pharmacokinetics, the cascades and the Timeline.

Imports numpy and the standard library only (DESIGN.md invariant 1).
"""

from .scenario import Scenario, ScenarioError, bundled_names, load_scenario
from .simulate import simulate
from .timeline import Stage, Timeline

__all__ = ["Scenario", "ScenarioError", "Stage", "Timeline", "bundled_names", "load_scenario", "simulate"]
