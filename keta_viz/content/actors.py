"""The actor of each story stage (assets/content/actors.toml): which part of the picture a stage
is about, by drug, with a drug's own table overriding its family's.  Language-free data."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from ..model.scenario import family_of


@lru_cache(maxsize=1)
def actor_table() -> dict[str, dict[str, str]]:
    """Every table of actors.toml: family or drug -> {stage id: actor}."""
    text = resources.files("keta_viz.assets").joinpath("content", "actors.toml").read_text("utf-8")
    return tomllib.loads(text)


def stage_actor(drug: str, stage_id: str) -> str:
    """The actor of a stage for a drug (or a family): the drug's own entry, else its family's."""
    table = actor_table()
    return {**table[family_of(drug)], **table.get(drug, {})}[stage_id]
