"""Consistency checks of the content files: every stage, label, science paragraph and citation resolves."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model.families import DRUG_FAMILY, FAMILIES as MODEL_FAMILIES
from . import VOCABULARIES, Content

REFERENCE_FIELDS = ("authors", "year", "title", "journal")
IDENTIFIERS = {"doi": r"10\.\d{4,}/\S+", "pmid": r"\d+", "nda": r"\d{6}"}  # at least one, each well-formed
PLACEHOLDER = re.compile(r"^\[.*\]$|quoted (by|via)|science sheet", re.IGNORECASE)
FAMILIES = tuple(MODEL_FAMILIES)
STAGE_TEXT_FIELDS = ("title", "short", "plain", "expert", "analogy", "sources")  # and in_animals, which may be false


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
    ids = set(label_ids)
    for drug, own in content.labels.get("drug", {}).items():  # a drug's own words for some labels
        for label_id in own:
            if drug not in DRUG_FAMILY or label_id not in ids:
                problems.append(f"labels.toml [drug.{drug}.{label_id}]: no such drug or label")
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


# ------------------------------------------------------------------------ translations ----
# A translation (assets/content/<lang>/) must have every key of the English files, with text
# in every text field, the same placeholders and numbers, its animal evidence still marked, and
# every non-text field (sources, in_animals, family, id) unchanged.

CONTENT_FILES = ("stages", "labels", "ui", "science")
DATA_KEYS = {"sources", "in_animals", "family", "id"}  # copied unchanged, never translated (when not text)
FIELD = re.compile(r"\{([^{}]*)\}")
NUMBER = re.compile(r"(?<![A-Za-z0-9.,])\d+(?:[.,]\d+)?")  # 0.5, 26.7, 5-HT1A's 5; not mTORC1's 1 or SV2A's 2
# Strings that are rightly the same in every language: names, abbreviations.
SAME_IN_EVERY_LANGUAGE = {"BDNF / mTOR", "Escitalopram", "SSRI", "OK", "PIN", "MADRS", "STAR*D", "SUSTAIN-1", "Keta Viz"}
UNITS = re.compile(r"\b(?:min|h|s|mg|kg|mL|ng|uM|µM|%)\b")
# Words that say a finding comes from animals, by kind: a translation keeps at least as many of each.
ANIMAL_WORDS = {
    "en": {"animal": r"\banimals?\b", "mouse": r"\bmice\b|\bmouse\b", "rat": r"\brats?\b", "rodent": r"\brodents?\b"},
    "es": {"animal": r"\banimal(?:es)?\b", "mouse": r"\bratón\b|\bratones\b", "rat": r"\bratas?\b",
           "rodent": r"\broedor(?:es)?\b"},
}


def _is_data(key, value) -> bool:
    """sources lists, in_animals flags, family and id; ui's [handout] sources and [badges] in_animals are text."""
    if key in ("id", "family") or (isinstance(key, str) and key.endswith("_sources")):
        return True
    return key in DATA_KEYS and not isinstance(value, str)


def _fields(text: str) -> list[str]:
    return sorted(FIELD.findall(text))


def _numbers(text: str) -> list[str]:
    return sorted(n.replace(",", ".") for n in NUMBER.findall(FIELD.sub("", text)))


def _has_words(text: str) -> bool:
    """True when text says something in words (not only placeholders, numbers, units and punctuation)."""
    rest = UNITS.sub("", NUMBER.sub("", FIELD.sub("", text)))
    return re.search(r"[^\W\d_]{2,}", rest) is not None


def _animal_counts(text: str, lang: str) -> dict[str, int] | None:
    words, text = ANIMAL_WORDS.get(lang), FIELD.sub("", text)
    return None if words is None else {k: len(re.findall(p, text, re.I)) for k, p in words.items()}


def _item_name(item, i: int) -> str:
    return str(item["id"]) if isinstance(item, dict) and "id" in item else str(i + 1)


def _at(where: str, key, sep: str = ".") -> str:
    """'es/ui.toml' + 'time' -> 'es/ui.toml [time]'; 'es/ui.toml [time]' + 'day' -> 'es/ui.toml [time.day]'."""
    if where.endswith("]"):
        return f"{where[:-1]}{sep}{key}]"
    return f"{where} [{key}]" if sep == "." else f"{where} [{sep}{key}]"


def _compare(en, tr, where: str, key, lang: str, problems: list[str]) -> None:
    """Compare one English value with its translation at `where` ('file.toml [a.b]'), adding problems."""
    if _is_data(key, en):
        if tr != en:
            problems.append(f"{where}: differs from English ({tr!r}, English has {en!r}); it is not translated")
        return
    if isinstance(en, dict):
        if not isinstance(tr, dict):
            problems.append(f"{where}: should be a table")
            return
        for k in en:
            if k not in tr:
                problems.append(f"{_at(where, k)}: missing")
            else:
                _compare(en[k], tr[k], _at(where, k), k, lang, problems)
        problems += [f"{_at(where, k)}: not in English (a misspelt key?)" for k in tr if k not in en]
        return
    if isinstance(en, list):
        if not isinstance(tr, list) or len(tr) != len(en):
            problems.append(f"{where}: {len(tr) if isinstance(tr, list) else 'no'} items, English has {len(en)}")
            return
        for i, (a, b) in enumerate(zip(en, tr)):
            _compare(a, b, _at(where, _item_name(a, i), "#"), key, lang, problems)
        return
    if not isinstance(en, str):
        if tr != en:
            problems.append(f"{where}: differs from English ({tr!r}, English has {en!r})")
        return
    if not isinstance(tr, str) or not tr.strip():
        problems.append(f"{where}: empty")
        return
    if _fields(tr) != _fields(en):
        problems.append(f"{where}: placeholders {_fields(tr)} differ from English {_fields(en)}")
    if _numbers(tr) != _numbers(en):
        problems.append(f"{where}: numbers {_numbers(tr)} differ from English {_numbers(en)}")
    if tr == en and _has_words(en) and en not in SAME_IN_EVERY_LANGUAGE:
        problems.append(f"{where}: same as English (not translated?)")
    said, says = _animal_counts(en, "en"), _animal_counts(tr, lang)
    if says is not None:
        lost = [kind for kind, n in said.items() if says[kind] < n]
        if lost:
            problems.append(f"{where}: animal evidence less marked than in English ({', '.join(lost)})")


def english_elsewhere() -> dict[str, list[str]]:
    """Tables of ui.toml that only translations have, keyed by English text that lives outside
    assets/content/en/: the bundled scenarios' titles."""
    from ..model import bundled_names, load_scenario

    return {"scenario_titles": [load_scenario(n).title for n in bundled_names()]}


def translation_problems(translated: Content, english: Content) -> list[str]:
    """One line per gap between a translation and the English content; empty when complete."""
    problems: list[str] = []
    elsewhere = english_elsewhere()
    for name in CONTENT_FILES:
        tr = getattr(translated, name)
        if name == "ui":
            tr = {k: v for k, v in tr.items() if k not in elsewhere}
        _compare(getattr(english, name), tr, f"{translated.lang}/{name}.toml", None, translated.lang, problems)
    for table, texts in elsewhere.items():
        if table not in translated.ui:
            problems.append(f"{translated.lang}/ui.toml [{table}]: missing")
            continue
        _compare({text: text for text in texts}, translated.ui.get(table, {}), f"{translated.lang}/ui.toml [{table}]",
                 None, translated.lang, problems)
    return problems


def text_count(content: Content) -> int:
    """How many strings of the English files a language has (non-text fields and the
    translations of English kept elsewhere -- scenario titles -- not counted)."""
    def count(value, key=None) -> int:
        if _is_data(key, value) or key == "scenario_titles":
            return 0
        if isinstance(value, dict):
            return sum(count(v, k) for k, v in value.items())
        if isinstance(value, list):
            return sum(count(v, key) for v in value)
        return int(isinstance(value, str))
    return sum(count(getattr(content, name)) for name in CONTENT_FILES)
