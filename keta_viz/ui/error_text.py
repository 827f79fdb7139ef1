"""Errors in the Session's language: a ScenarioError's kind picks ui.toml [scenario_errors], a
WriteError's (an export that could not be saved) [write_errors], and their params fill it (the
model and safe_write keep their English message for the command line)."""

from __future__ import annotations

from ..content import Content
from ..model import ScenarioError
from ..safe_write import WriteError


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


def write_error(exc: WriteError, content: Content) -> str:
    """Why a file could not be saved, worded in `content`'s language (its English message when
    the kind or a parameter is unknown)."""
    template = content.ui["write_errors"].get(getattr(exc, "kind", ""))
    try:
        return template.format(**exc.params) if isinstance(template, str) else str(exc)
    except (KeyError, IndexError):
        return str(exc)
