"""The Qt-free model: scenarios, pharmacokinetics, the cascades and the Timeline.

Imports numpy and the standard library only (DESIGN.md invariant 1).
"""

from .scenario import Scenario, ScenarioError, bundled_names, load_scenario
from .simulate import simulate
from .story_axis import StoryAxis
from .timeline import Stage, Timeline

__all__ = ["Scenario", "ScenarioError", "Stage", "StoryAxis", "Timeline", "bundled_names", "load_scenario", "simulate"]
