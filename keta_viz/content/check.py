"""Consistency checks of the content files: every stage, label and citation resolves."""

from __future__ import annotations

from ..model.stages import KETAMINE_STAGES, SSRI_STAGES
from ..scene import layout as L
from . import VOCABULARIES, Content

REFERENCE_FIELDS = ("authors", "year", "title", "journal", "doi")
STAGE_TEXT_FIELDS = ("title", "plain", "expert", "analogy", "sources")  # and in_animals, which may be false


def content_problems(content: Content) -> list[str]:
    """One line per missing or dangling piece of content; empty when all is well."""
    problems = []
    for key, ref in content.references.items():
        missing = [f for f in REFERENCE_FIELDS if f not in ref]
        if missing:
            problems.append(f"references.toml [{key}]: missing {', '.join(missing)}")
    for family, ids in (("ketamine", KETAMINE_STAGES), ("ssri", SSRI_STAGES)):
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
    for label_id, _, _ in L.KETAMINE_LABELS + L.SSRI_LABELS:
        for vocabulary in VOCABULARIES:
            if not content.labels.get(label_id, {}).get(vocabulary):
                problems.append(f"labels.toml [{label_id}]: missing {vocabulary}")
    return sorted(set(problems))
