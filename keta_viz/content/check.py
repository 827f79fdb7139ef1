"""Consistency checks of the content files: every stage, label, science paragraph and citation resolves."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model.families import FAMILIES as MODEL_FAMILIES
from . import VOCABULARIES, Content

REFERENCE_FIELDS = ("authors", "year", "title", "journal")
IDENTIFIERS = {"doi": r"10\.\d{4,}/\S+", "pmid": r"\d+", "nda": r"\d{6}"}  # at least one, each well-formed
PLACEHOLDER = re.compile(r"^\[.*\]$|quoted (by|via)|science sheet", re.IGNORECASE)
FAMILIES = tuple(MODEL_FAMILIES)
STAGE_TEXT_FIELDS = ("title", "plain", "expert", "analogy", "sources")  # and in_animals, which may be false


def content_problems(content: Content, label_ids: Iterable[str]) -> list[str]:
    """One line per missing or dangling piece of content (the pictures draw `label_ids`);
    empty when all is well."""
    problems = reference_problems(content.references) + science_problems(content)
    for family, ids in ((name, f.STAGES) for name, f in MODEL_FAMILIES.items()):
        stages = content.stages.get(family, {})
        for sid in ids:
            where = f"stages.toml [{family}.{sid}]"
            if sid not in stages:
                problems.append(f"{where}: missing")
                continue
            missing = [f for f in STAGE_TEXT_FIELDS if not stages[sid].get(f)]
            if "in_animals" not in stages[sid]:
                missing.append("in_animals")
            if missing:
                problems.append(f"{where}: missing {', '.join(missing)}")
            for ref in stages[sid].get("sources", ()):
                if ref not in content.references:
                    problems.append(f"{where}: source {ref!r} is not in references.toml")
    for label_id in label_ids:
        for vocabulary in VOCABULARIES:
            if not content.labels.get(label_id, {}).get(vocabulary):
                problems.append(f"labels.toml [{label_id}]: missing {vocabulary}")
    return sorted(set(problems))


def reference_problems(references: dict) -> list[str]:
    """Each reference has authors, year, title, journal and a well-formed DOI, PMID or FDA NDA; no placeholders."""
    problems = []
    for key, ref in references.items():
        where = f"references.toml [{key}]"
        missing = [f for f in REFERENCE_FIELDS if not ref.get(f)]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
        if not any(ref.get(f) for f in IDENTIFIERS):
            problems.append(f"{where}: no doi, pmid or nda")
        for field, pattern in IDENTIFIERS.items():
            if field in ref and not re.fullmatch(pattern, str(ref[field])):
                problems.append(f"{where}: malformed {field} {ref[field]!r}")
        if any(PLACEHOLDER.search(str(ref.get(f, ""))) for f in ("authors", "title", "journal")):
            problems.append(f"{where}: placeholder text")
    return problems


def science_problems(content: Content) -> list[str]:
    """Every science section has a title and paragraphs in both vocabularies, each with resolving sources;
    so do the About page's simplifications."""
    problems = []
    for i, section in enumerate(content.science.get("section", ())):
        where = f"science.toml [section {section.get('id', i)}]"
        if not section.get("title") or not section.get("group"):
            problems.append(f"{where}: missing title or group")
        for group in section.get("group", ()):
            if group.get("family", "") not in ("",) + FAMILIES:
                problems.append(f"{where}: unknown family {group['family']!r}")
            for n, para in enumerate(group.get("paragraph", ())):
                missing = [f for f in ("plain", "expert", "sources") if not para.get(f)]
                if missing:
                    problems.append(f"{where} paragraph {n + 1}: missing {', '.join(missing)}")
                problems += [f"{where} paragraph {n + 1}: source {ref!r} is not in references.toml"
                             for ref in para.get("sources", ()) if ref not in content.references]
    problems += [f"ui.toml [about.simplifies]: source {ref!r} is not in references.toml"
                 for item in content.ui.get("about", {}).get("simplifies", ()) for ref in item.get("sources", ())
                 if ref not in content.references]
    safety = next((s for s in content.science.get("section", ()) if s.get("id") == "safety"), {})
    families = {g.get("family") for g in safety.get("group", ())}
    problems += [f"science.toml [section safety]: no {f} group" for f in FAMILIES if f not in families]
    return problems
