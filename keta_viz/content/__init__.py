"""Narration, labels, interface words and references, loaded from assets/ (content as data)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model.scenario import family_of

VOCABULARIES = ("plain", "expert")


@dataclass(frozen=True)
class StageText:
    """What the narration panel shows for one stage."""

    title: str
    plain: str
    expert: str
    analogy: str
    sources: tuple[str, ...]
    in_animals: bool

    def body(self, vocabulary: str) -> str:
        """The stage text in 'plain' or 'expert' words."""
        return self.expert if vocabulary == "expert" else self.plain


def _read(*parts: str) -> dict:
    return tomllib.loads(resources.files("keta_viz.assets").joinpath(*parts).read_text("utf-8"))


@dataclass(frozen=True)
class Content:
    """All user-facing text of one language."""

    lang: str
    stages: dict
    labels: dict
    ui: dict
    references: dict

    def stage(self, drug: str, stage_id: str) -> StageText:
        """Narration of a stage for a drug (or a family): the drug's own text where it has one
        (esketamine's nasal route), otherwise its family's ('ketamine' or 'ssri')."""
        d = {**self.stages[family_of(drug)][stage_id], **self.stages.get(drug, {}).get(stage_id, {})}
        return StageText(d["title"], d["plain"], d["expert"], d["analogy"],
                         tuple(d["sources"]), bool(d["in_animals"]))

    def label(self, label_id: str, vocabulary: str) -> str:
        """A scene label in the given vocabulary."""
        return self.labels[label_id]["expert" if vocabulary == "expert" else "plain"]

    def citation(self, key: str) -> str:
        """One reference as a single line: authors (year). Title. Journal. DOI."""
        r = self.references[key]
        tail = f" doi:{r['doi']}" if r.get("doi") else (f" PMID {r['pmid']}" if r.get("pmid") else "")
        journal = f" {r['journal']}." if r.get("journal") else ""
        return f"{r['authors']} ({r['year']}). {r['title']}.{journal}{tail}"

    def time_in_words(self, t_hours: float, family: str) -> str:
        """'12 min after the start', '3 h after the infusion began', 'Day 3', 'Week 5'."""
        w = self.ui["time"]
        if t_hours <= 0:
            return w["before"]
        if t_hours < 1:
            return w["minutes"].format(n=max(1, round(t_hours * 60)))
        if t_hours < 24:
            if family == "ketamine" and round(t_hours) == 1:
                return w["hour_infusion"]
            key = "hours_infusion" if family == "ketamine" else "hours_tablet"
            return w[key].format(n=round(t_hours))
        if t_hours < 14 * 24:
            return w["day"].format(n=int(t_hours // 24) + 1)
        return w["week"].format(n=int(t_hours // 168) + 1)


@lru_cache(maxsize=4)
def load_content(lang: str = "en") -> Content:
    """Load (once) the content of a language from assets/content/<lang>/."""
    return Content(lang, _read("content", lang, "stages.toml"), _read("content", lang, "labels.toml"),
                   _read("content", lang, "ui.toml"), _read("references.toml"))
