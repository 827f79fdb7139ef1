"""Which science page explains each story stage (assets/stage_science.toml): F1 opens it there."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model.scenario import family_of
from . import _read


@dataclass(frozen=True)
class StagePage:
    """A science page id and the paragraphs on it (counted from 1 down the page) about one stage."""

    page: str
    paragraphs: tuple[int, ...]


@lru_cache(maxsize=1)
def _table() -> dict:
    return _read("stage_science.toml")


def stage_page(drug: str, stage_id: str) -> StagePage:
    """The page about a stage of a drug (or a family): the drug's own entry where it has one."""
    table = _table()
    entry = table.get(drug, {}).get(stage_id) or table[family_of(drug)][stage_id]
    return StagePage(entry["page"], tuple(entry["paragraphs"]))
