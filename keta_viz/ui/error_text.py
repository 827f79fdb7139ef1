"""A scenario's error in the Session's language: ScenarioError.kind picks ui.toml [scenario_errors]
and its params fill it (the model keeps its English message for the command line)."""

from __future__ import annotations

from ..content import Content
from ..model import ScenarioError


def scenario_error(exc: ScenarioError, content: Content) -> str:
    """The reason `exc` gives, worded in `content`'s language (its English message when unknown)."""
    words = content.ui["scenario_errors"]
    template = words.get(getattr(exc, "kind", ""))
    if not isinstance(template, str):
        return str(exc)
    params = dict(exc.params)
    if "unit" in params:
        params["unit"] = words["units"].get(params["unit"], params["unit"])
    return template.format(**params)
