"""Narration, labels, interface words, the science pages and references, loaded from assets/ (content as data)."""

from __future__ import annotations

import math
import os
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model.scenario import family_of
from ..model.story_axis import StoryAxis

VOCABULARIES = ("plain", "expert")
ROUTES = {"ketamine": "infusion", "esketamine": "spray"}  # the oral drugs: "tablet"


@dataclass(frozen=True)
class Paragraph:
    """One cited paragraph of the science pages."""

    plain: str
    expert: str
    sources: tuple[str, ...]
    in_animals: bool

    def body(self, vocabulary: str) -> str:
        """The paragraph in 'plain' or 'expert' words."""
        return self.expert if vocabulary == "expert" else self.plain


@dataclass(frozen=True)
class StageText(Paragraph):
    """What the narration panel shows for one stage: a cited paragraph with a title and an analogy."""

    title: str
    analogy: str
    short: str  # a name short enough for a touch button ('Bouncer blocked')


@dataclass(frozen=True)
class Group:
    """Paragraphs under one heading; `family` ('ketamine', 'ssri' or '') says which drugs it is about."""

    heading: str
    family: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Section:
    """One page of the science pages."""

    id: str
    title: str
    groups: tuple[Group, ...]


def _fold(text: str) -> str:
    """Lower case without accents ('Sałat' -> 'salat'), for sorting names."""
    plain = unicodedata.normalize("NFKD", text.casefold()).translate({ord("ł"): "l", ord("ø"): "o"})
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def _surname(author: str) -> str:
    """'Le Poul E' -> 'Le Poul'; 'Zarate CA Jr' -> 'Zarate' (trailing initials and Jr dropped)."""
    words = author.split()
    while len(words) > 1 and (words[-1] == "Jr" or re.fullmatch(r"[A-Z]{1,3}", words[-1])):
        words.pop()
    return " ".join(words)


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
    science: dict

    def stage(self, drug: str, stage_id: str) -> StageText:
        """Narration of a stage for a drug (or a family): the drug's own text where it has one
        (esketamine's nasal route), otherwise its family's ('ketamine' or 'ssri')."""
        d = {**self.stages[family_of(drug)][stage_id], **self.stages.get(drug, {}).get(stage_id, {})}
        return StageText(d["plain"], d["expert"], tuple(d["sources"]), bool(d["in_animals"]), d["title"], d["analogy"],
                         d["short"])

    def scenario_title(self, scenario) -> str:
        """A scenario's title in this language: bundled titles are translated in ui.toml
        [scenario_titles] (keyed by the English title); any other title is shown as written."""
        return self.ui.get("scenario_titles", {}).get(scenario.title, scenario.title)

    def label(self, label_id: str, vocabulary: str, drug: str = "") -> str:
        """A scene label in the given vocabulary: the drug's own words where it has them
        (labels.toml [drug.<drug>.<label>]: 'Esketamine'), otherwise its family's."""
        words = {**self.labels[label_id], **self.labels.get("drug", {}).get(drug, {}).get(label_id, {})}
        return words["expert" if vocabulary == "expert" else "plain"]

    def citation(self, key: str) -> str:
        """One reference as a single line: authors (year). Title. Journal. doi:… / PMID … / FDA NDA …"""
        r = self.references[key]
        return f"{r['authors']} ({r['year']}). {r['title']}. {r['journal']}. {self.identifier(key)}"

    def identifier(self, key: str) -> str:
        """'doi:10.…' (with 'PMID …' when both are known), 'PMID …', or 'FDA NDA …' for a label."""
        r = self.references[key]
        ids = [f"doi:{r['doi']}"] if r.get("doi") else []
        ids += [f"PMID {r['pmid']}"] if r.get("pmid") else []
        ids += [f"FDA NDA {r['nda']}"] if r.get("nda") else []
        return "; ".join(ids)

    def short_cite(self, key: str) -> str:
        """'Zarate et al. 2006', 'Commons & Linnros 2019', 'Spravato label 2019'."""
        r = self.references[key]
        if r.get("nda"):
            return f"{r['title'].split()[0].title()} label {r['year']}"
        authors = [a.strip() for a in r["authors"].split(",")]
        names = " & ".join(map(_surname, authors)) if len(authors) == 2 else _surname(authors[0])
        return f"{names}{' et al.' if len(authors) > 2 else ''} {r['year']}"

    def sorted_references(self, keys=None) -> list[str]:
        """Reference keys (all, or the given ones without repeats) by first author, then year, then title."""
        def order(key: str):
            r = self.references[key]
            return _fold(_surname(r["authors"].split(",")[0])), r["year"], _fold(r["title"])
        return sorted(set(self.references if keys is None else keys), key=order)

    def sections(self) -> tuple[Section, ...]:
        """The science pages (people vs animals, open questions, safety, relapse), in order."""
        return tuple(Section(s["id"], s["title"], tuple(
            Group(g.get("heading", ""), g.get("family", ""), tuple(
                Paragraph(p["plain"], p["expert"], tuple(p["sources"]), bool(p.get("in_animals", False)))
                for p in g["paragraph"]))
            for g in s["group"])) for s in self.science["section"])

    def safety(self, family: str) -> Group:
        """The short Safety text of a drug family ('ketamine' or 'ssri')."""
        section = next(s for s in self.sections() if s.id == "safety")
        return {g.family: g for g in section.groups}[family]

    def time_in_words(self, t_hours: float, drug: str) -> str:
        """'12 min after the start', '3 h after the infusion began' (or the first spray, or the
        first tablet, by the drug's route), '3 days after the first dose', '4 weeks after the
        first dose': elapsed time, as the time axis counts it.  A family name works as a drug."""
        w = self.ui["time"]
        if t_hours <= 0:
            return w["before"]
        if t_hours < 1:
            return w["minutes"].format(n=max(1, round(t_hours * 60)))
        if t_hours < 24:
            route = ROUTES.get(drug, "tablet")
            if round(t_hours) == 1:
                return w[f"hour_{route}"]
            return w[f"hours_{route}"].format(n=round(t_hours))
        if t_hours < 14 * 24:
            days = int(t_hours // 24)
            return w["day"] if days == 1 else w["days"].format(n=days)
        return w["weeks"].format(n=int(t_hours // 168))

    def tick_label(self, t_hours: float) -> str:
        """A story-axis tick in words: '10 min', '6 h', '1 day', '4 weeks'."""
        w = self.ui["ticks"]
        for unit, hours, upto in (("minutes", 1 / 60, 1.0), ("hours", 1.0, 24.0), ("days", 24.0, 168.0),
                                  ("weeks", 168.0, math.inf)):
            if t_hours < upto * (1 - 1e-9):
                n = round(t_hours / hours)
                return w[unit if n != 1 else unit[:-1]].format(n=n)
        raise AssertionError("unreachable")

    def ticks(self, axis: StoryAxis) -> list[tuple[float, str]]:
        """(u, words) of the story axis's ticks."""
        return [(u, self.tick_label(t)) for u, t in axis.ticks()]


LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # in POSIX precedence order


def languages() -> tuple[str, ...]:
    """The languages bundled in assets/content/ ('en', 'es', ...): one folder each."""
    folder = resources.files("keta_viz.assets").joinpath("content")
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))))


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the system locale ('es_US.UTF-8' -> 'es') when it is bundled, else 'en'."""
    env = os.environ if environ is None else environ
    value = next((env[v] for v in LOCALE_VARIABLES if env.get(v)), "")
    code = re.split(r"[_.@-]", value, maxsplit=1)[0].lower()
    return code if code in languages() else "en"


@lru_cache(maxsize=4)
def load_content(lang: str = "en") -> Content:
    """Load (once) the content of a language from assets/content/<lang>/."""
    return Content(lang, _read("content", lang, "stages.toml"), _read("content", lang, "labels.toml"),
                   _ui(lang), _read("references.toml"), _read("content", lang, "science.toml"))


@lru_cache(maxsize=8)
def _ui(lang: str) -> dict:
    return _read("content", lang, "ui.toml")


def language_name(lang: str) -> str:
    """A language's own name ('Español') from its ui.toml alone: the Language menu lists every
    language without loading the others' content at startup."""
    return _ui(lang)["language"]["name"]
