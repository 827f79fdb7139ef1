"""Every translation (assets/content/<lang>/) is complete against English (issue 16, item 3).

Broken copies are built in memory: each kind of gap -- a missing or empty key, different
placeholders or numbers, a string left in English, a changed source list or animal flag, lost
"en animales" -- must be named, and the real Spanish files must pass.
"""

import copy
import re
import dataclasses

import pytest

from keta_viz.content import load_content
from keta_viz.content.check import content_problems, text_count, translation_problems
from keta_viz.scene.families import label_ids
from keta_viz.content import languages


@pytest.fixture(scope="module")
def en():
    return load_content("en")


@pytest.fixture(scope="module")
def es():
    return load_content("es")


def broken(c, **tables):
    """Content c with its tables replaced by (edited) copies."""
    return dataclasses.replace(c, **tables)


def copies(c):
    """Deep copies of the four text tables of c, to break freely."""
    return {name: copy.deepcopy(getattr(c, name)) for name in ("stages", "labels", "ui", "science")}


def test_every_bundled_translation_is_complete(en):
    langs = languages()
    assert "en" in langs and "es" in langs
    for lang in langs:
        c = load_content(lang)
        assert content_problems(c, label_ids()) == [], lang
        if lang != "en":
            assert translation_problems(c, en) == [], lang
            assert text_count(c) == text_count(en), lang


def test_missing_empty_and_misspelt_keys_are_named(es, en):
    t = copies(es)
    del t["stages"]["ketamine"]["arrival"]["analogy"]
    del t["labels"]["nmda"]
    t["ui"]["kiosk"]["restart"] = "  "
    t["ui"]["kiosk"]["reinicio"] = "Reiniciar"
    t["science"]["section"][1]["group"][0]["paragraph"][0]["expert"] = ""
    t["ui"]["compare"]["moments"] = t["ui"]["compare"]["moments"][:3]
    assert translation_problems(broken(es, **t), en) == [
        "es/stages.toml [ketamine.arrival.analogy]: missing",
        "es/labels.toml [nmda]: missing",
        "es/ui.toml [compare.moments]: 3 items, English has 4",
        "es/ui.toml [kiosk.restart]: empty",
        "es/ui.toml [kiosk.reinicio]: not in English (a misspelt key?)",
        "es/science.toml [section#open_questions.group#1.paragraph#1.expert]: empty",
    ]


def test_placeholders_and_numbers_must_match(es, en):
    t = copies(es)
    t["ui"]["time"]["days"] = "Días después de la primera dosis"
    t["ui"]["compare"]["side"] = t["ui"]["compare"]["side"].replace("{relief}", "{alivio}")
    t["ui"]["handout"]["schedule_oral"] = "Escenario mostrado: {mg:g} mg por vía oral una vez al día"
    t["stages"]["ketamine"]["arrival"]["plain"] = t["stages"]["ketamine"]["arrival"]["plain"].replace("40", "45")
    t["stages"]["esketamine"]["course_reboost"]["expert"] = (
        t["stages"]["esketamine"]["course_reboost"]["expert"].replace("26.7%", "26,7%").replace("0.49", "0.94"))
    assert translation_problems(broken(es, **t), en) == [
        "es/stages.toml [ketamine.arrival.plain]: numbers ['0.5', '45'] differ from English ['0.5', '40']",
        "es/stages.toml [esketamine.course_reboost.expert]: numbers "
        "['0.94', '1', '1', '1', '2', '26.7', '4', '45.3', '5', '56', '56', '8', '84'] differ from English "
        "['0.49', '1', '1', '1', '2', '26.7', '4', '45.3', '5', '56', '56', '8', '84']",
        "es/ui.toml [time.days]: placeholders [] differ from English ['n']",
        "es/ui.toml [compare.side]: placeholders ['alivio', 'drug', 'stage'] differ from English ['drug', 'relief', 'stage']",
        "es/ui.toml [handout.schedule_oral]: placeholders ['mg:g'] differ from English ['mg']",
    ]


def test_a_string_left_in_english_is_named_unless_it_is_a_name(es, en):
    t = copies(es)
    t["labels"]["vessel"]["plain"] = en.labels["vessel"]["plain"]
    t["stages"]["ssri"]["brake_holds"]["analogy"] = en.stages["ssri"]["brake_holds"]["analogy"]
    t["science"]["section"][2]["group"][1]["heading"] = "SSRIs"
    # the same in every language: a drug name, abbreviations, placeholders and units only
    t["ui"]["drugs"]["escitalopram"] = "Escitalopram"
    t["labels"]["bdnf"]["expert"] = "BDNF / mTOR"
    t["ui"]["captions"]["animal_stage"] = "{title} [{animals}]"
    t["ui"]["compare"]["moments"][0] = "2 h"
    assert translation_problems(broken(es, **t), en) == [
        "es/stages.toml [ssri.brake_holds.analogy]: same as English (not translated?)",
        "es/labels.toml [vessel.plain]: same as English (not translated?)",
        "es/science.toml [section#safety.group#2.heading]: same as English (not translated?)",
    ]


def test_non_text_fields_are_copied_unchanged(es, en):
    t = copies(es)
    t["stages"]["ketamine"]["glutamate_flood"]["in_animals"] = False
    t["stages"]["ssri"]["relief_builds"]["sources"] = ["taylor2006", "trivedi2006"]
    t["ui"]["about"]["simplifies"][4]["family"] = "ssri"
    t["ui"]["handout"]["not_a_forecast_sources"] = []
    t["science"]["section"][0]["id"] = "personas_animales"
    t["science"]["section"][0]["group"][1]["paragraph"][0]["in_animals"] = False
    assert translation_problems(broken(es, **t), en) == [
        "es/stages.toml [ketamine.glutamate_flood.in_animals]: differs from English (False, English has True); "
        "it is not translated",
        "es/stages.toml [ssri.relief_builds.sources]: differs from English (['taylor2006', 'trivedi2006'], English has "
        "['taylor2006', 'trivedi2006', 'geddes2003']); it is not translated",
        "es/ui.toml [about.simplifies#5.family]: differs from English ('ssri', English has 'ketamine'); "
        "it is not translated",
        "es/ui.toml [handout.not_a_forecast_sources]: differs from English ([], English has ['trivedi2006']); "
        "it is not translated",
        "es/science.toml [section#people_animals.id]: differs from English ('personas_animales', English has "
        "'people_animals'); it is not translated",
        "es/science.toml [section#people_animals.group#2.paragraph#1.in_animals]: differs from English "
        "(False, English has True); it is not translated",
    ]


def test_animal_evidence_stays_marked(es, en):
    t = copies(es)
    t["stages"]["ketamine"]["new_spines"]["plain"] = t["stages"]["ketamine"]["new_spines"]["plain"].replace(
        "En ratones, hay", "Hay")
    t["stages"]["ketamine"]["bdnf_mtor"]["plain"] = t["stages"]["ketamine"]["bdnf_mtor"]["plain"].replace(
        "En animales, la", "La")
    t["science"]["section"][0]["group"][0]["paragraph"][4]["plain"] = (
        t["science"]["section"][0]["group"][0]["paragraph"][4]["plain"].replace("en ratas", "en ratones"))
    assert translation_problems(broken(es, **t), en) == [
        "es/stages.toml [ketamine.bdnf_mtor.plain]: animal evidence less marked than in English (animal)",
        "es/stages.toml [ketamine.new_spines.plain]: animal evidence less marked than in English (mouse)",
        "es/science.toml [section#people_animals.group#1.paragraph#5.plain]: animal evidence less marked than in "
        "English (rat)",
    ]


def test_an_untranslated_copy_of_english_is_caught_everywhere(en):
    """Adding a language starts as a copy of en/: until translated, every text is reported."""
    copied = dataclasses.replace(en, lang="xx")
    problems = translation_problems(copied, en)
    untranslated = [p for p in problems if p.endswith("same as English (not translated?)")]
    assert all(p.startswith("xx/") for p in problems) and len(untranslated) > 200
    # the English that lives outside en/ (the scenario titles) must be translated too
    rest = sorted(set(problems) - set(untranslated))
    assert rest == ["xx/ui.toml [scenario_titles]: missing"]


def test_scenario_titles_and_axis_ticks_are_translated(es, en):
    from keta_viz.model import load_scenario
    from keta_viz.model.story_axis import StoryAxis

    assert es.scenario_title(load_scenario("ketamine-iv")) == "Ketamina: una infusión IV (0.5 mg/kg en 40 min)"
    assert en.scenario_title(load_scenario("ketamine-iv")) == "Ketamine: one IV infusion (0.5 mg/kg over 40 min)"
    axis = StoryAxis(56 * 24)
    assert [w for _, w in es.ticks(axis)][-3:] == ["1 semana", "4 semanas", "8 semanas"]
    assert [w for _, w in en.ticks(axis)][-3:] == ["1 week", "4 weeks", "8 weeks"]
    t = copies(es)
    del t["ui"]["scenario_titles"]["Fluoxetine 20 mg daily"]
    t["ui"]["scenario_titles"]["Escitalopram 10 mg daily"] = "Escitalopram 20 mg al día"
    t["ui"]["ticks"]["weeks"] = "{n} weeks"
    assert translation_problems(broken(es, **t), en) == [
        "es/ui.toml [ticks.weeks]: same as English (not translated?)",
        "es/ui.toml [scenario_titles.Escitalopram 10 mg daily]: numbers ['20'] differ from English ['10']",
        "es/ui.toml [scenario_titles.Fluoxetine 20 mg daily]: missing",
    ]


def test_spanish_reads_as_spanish(es):
    assert es.time_in_words(0.5, "ketamine") == "30 min desde el inicio"
    assert es.time_in_words(2, "ketamine") == "2 h tras iniciar la infusión"
    assert es.time_in_words(1, "esketamine") == "1 hora tras la primera aplicación"
    assert es.time_in_words(50, "ssri") == "2 días tras la primera dosis"
    assert es.time_in_words(5 * 168, "ssri") == "5 semanas tras la primera dosis"
    assert es.stage("esketamine", "arrival").title == "Llega la esketamina"
    assert "aerosol nasal" in es.stage("esketamine", "arrival").plain
    assert es.ui["badges"]["in_animals"] == "en animales"
    # the references stay in their original language
    assert es.references == load_content("en").references
    text = " ".join(s.get("plain", "") + " " + s.get("expert", "") for f in es.stages.values() for s in f.values())
    assert "neuronas nuevas" not in text and "nuevas neuronas" not in text  # ketamine makes synapses, not neurons
    # usted form, for patients and kiosk visitors alike
    assert es.ui["kiosk"]["touch_to_explore"].startswith("Toque")
    assert "Hable con su médico" in es.ui["about"]["disclaimer"]


def test_selftest_reports_an_incomplete_translation(monkeypatch, es):
    import keta_viz.content as content_module
    from keta_viz.selftest import check_content

    assert check_content().startswith("2 language(s) complete (texts: en ")
    real = content_module.load_content
    t = copies(es)
    del t["ui"]["kiosk"]["restart"]
    t["labels"]["vessel"]["plain"] = "Blood vessel"
    monkeypatch.setattr(content_module, "load_content", lambda lang="en": broken(es, **t) if lang == "es" else real(lang))
    with pytest.raises(RuntimeError) as failure:
        check_content()
    assert str(failure.value) == ("es/labels.toml [vessel.plain]: same as English (not translated?); "
                                  "es/ui.toml [kiosk.restart]: missing")


# The Spanish form of tests/test_story.py's rule: outside a badged stage, every sentence about
# animal-only evidence says who it is about ("en animales", "en ratones", ... or "en personas").
ANIMAL_ONLY_ES = re.compile(r"espina|punto[s]? de conexión|conexi(?:ón|ones) nuevas?|bdnf|mtor|glutamato|ampa|portero|"
                            r"interneurona|desinhibición|freno|autorreceptor|rafe|dispara menos|neurogénesis|"
                            r"células cerebrales nuevas", re.I)
SAYS_WHO_ES = re.compile(r"\banimal(?:es)?\b|\bratones\b|\bratón\b|\bratas?\b|\broedores\b|\bpersonas\b|\bpacientes\b|"
                         r"post mortem|\bpet\b|\bensayo\b|\bclínica\b", re.I)


def unmarked_sentences(es):
    """Sentences of unbadged Spanish stages about animal-only evidence that do not say who."""
    unmarked = []
    for key, stages in es.stages.items():
        for sid, d in stages.items():
            if es.stage(key, sid).in_animals:
                continue
            for vocabulary in ("plain", "expert"):
                for sentence in re.split(r"(?<=[.!?])\s+", d.get(vocabulary, "")):
                    if ANIMAL_ONLY_ES.search(sentence) and not SAYS_WHO_ES.search(sentence):
                        unmarked.append(f"[{key}.{sid}] {vocabulary}: {sentence}")
    return unmarked


def test_spanish_animal_evidence_is_marked_sentence_by_sentence(es):
    assert unmarked_sentences(es) == []
    t = copies(es)
    t["stages"]["ketamine"]["relief_holds"]["plain"] = es.stages["ketamine"]["relief_holds"]["plain"].replace(
        "En ratones, las", "Las")
    assert unmarked_sentences(broken(es, **t)) == [
        "[ketamine.relief_holds] plain: Las conexiones nuevas ayudan a que dure."]


# Every number of an English text, with its unit, is in the translation: "40 minutes" is "40 minutos",
# "12 to 24 hours" is "de 12 a 24 horas", "day 28" is "el día 28", "0.5" may be "0,5". The checker's
# number test (translation_problems) proves the same numbers; this one proves they still mean the same.
NUM = r"(?<![A-Za-z0-9.,])(\d+(?:[.,]\d+)?)"
SUFFIX_UNITS = {  # unit after the number, canonical name first; the first that matches wins
    "en": [("mg/kg", r"mg/kg"), ("ng/mL", r"ng/mL"), ("uM", r"uM"), ("mg", r"mg"), ("kg", r"kg"), ("%", r"%"),
           ("min", r"min(?:ute)?s?"), ("h", r"h(?:ours?)?"), ("day", r"days?"), ("week", r"weeks?"),
           ("point", r"(?:MADRS )?points?"), ("s", r"(?<=\s)s")],
    "es": [("mg/kg", r"mg/kg"), ("ng/mL", r"ng/mL"), ("uM", r"uM"), ("mg", r"mg"), ("kg", r"kg"), ("%", r"%"),
           ("min", r"min(?:utos?)?"), ("h", r"h(?:oras?)?"), ("day", r"días?"), ("week", r"semanas?"),
           ("point", r"puntos?"), ("s", r"(?<=\s)s")],
}
PREFIX_UNITS = {  # a word before the number: "day 28", "weeks 5-8", "phase 3"
    "en": [("day #", r"days?"), ("week #", r"weeks?"), ("phase #", r"phase")],
    "es": [("day #", r"días?"), ("week #", r"semanas?"), ("phase #", r"fase")],
}
RANGE = {"en": r"(?:\s*[-–]\s*~?|\s+(?:to|or|and)\s+~?)", "es": r"(?:\s*[-–]\s*~?|\s+(?:a|al|y|y las|o|u)\s+~?)"}
FIELD_RE = re.compile(r"\{[^{}]*\}")


def quantities(text: str, lang: str) -> list[tuple[str, str]]:
    """The numbers of text with their units ('' when none), sorted; a number that opens a range
    ("12 to 24 hours", "56 u 84 mg", "weeks 5-8") takes the range's unit."""
    text, found = FIELD_RE.sub("", text), []
    for m in re.finditer(NUM, text):
        rest = text[m.end():]
        after = rest[re.match(rf"(?:{RANGE[lang]}\d+(?:[.,]\d+)?)*", rest).end():]
        unit = next((name for name, pat in SUFFIX_UNITS[lang]
                     if re.match(rf"(?:\s*|-)(?:{pat})(?![A-Za-z0-9])", after)), "")
        if not unit:
            before = text[:m.start()]
            before = before[:re.search(rf"(?:\d+(?:[.,]\d+)?{RANGE[lang]})*$", before).start()]
            unit = next((name for name, pat in PREFIX_UNITS[lang]
                         if re.search(rf"(?<![A-Za-z])(?:{pat})[\s-]$", before, re.I)), "")
        found.append((m.group(1).replace(",", "."), unit))
    return sorted(found)


def text_pairs(en, tr, where=""):
    """(where, English, translation) for every string the two share, tables and lists walked."""
    if isinstance(en, dict) and isinstance(tr, dict):
        for k in en.keys() & tr.keys():
            yield from text_pairs(en[k], tr[k], f"{where}.{k}")
    elif isinstance(en, list) and isinstance(tr, list):
        for i, (a, b) in enumerate(zip(en, tr)):
            yield from text_pairs(a, b, f"{where}[{i}]")
    elif isinstance(en, str) and isinstance(tr, str):
        yield where, en, tr


def unit_mismatches(tr, en) -> list[str]:
    return sorted(f"{where}: {quantities(a, 'en')} != {quantities(b, tr.lang)}"
                  for name in ("stages", "labels", "ui", "science")
                  for where, a, b in text_pairs(getattr(en, name), getattr(tr, name), name)
                  if quantities(a, "en") != quantities(b, tr.lang))


def test_quantities_read_units_and_ranges_in_both_languages():
    assert quantities("0.5 mg/kg IV over 40 min; peak near 176 ng/mL (observed ~185 ng/mL)", "en") == [
        ("0.5", "mg/kg"), ("176", "ng/mL"), ("185", "ng/mL"), ("40", "min")]
    assert quantities("0,5 mg/kg IV en 40 minutos; pico cerca de 176 ng/mL (observado: ~185 ng/mL)", "es") == [
        ("0.5", "mg/kg"), ("176", "ng/mL"), ("185", "ng/mL"), ("40", "min")]
    assert quantities("few by 6 hours; many by 12 to 24 hours, 56 or 84 mg, weeks 5-8, day 28", "en") == \
        quantities("pocas a las 6 horas; muchas entre las 12 y las 24 horas, 56 u 84 mg, semanas 5 a 8, el día 28", "es") == [
        ("12", "h"), ("24", "h"), ("28", "day #"), ("5", "week #"), ("56", "mg"), ("6", "h"), ("8", "week #"), ("84", "mg")]
    assert quantities("5-HT1A, {n} s, 7 in 10", "en") == [("10", ""), ("5", ""), ("7", "")]


def test_every_number_keeps_its_unit_in_every_translation(en):
    for lang in languages():
        if lang != "en":
            assert unit_mismatches(load_content(lang), en) == [], lang


def test_a_number_with_another_unit_is_caught(es, en):
    t = copies(es)
    t["stages"]["ketamine"]["arrival"]["plain"] = t["stages"]["ketamine"]["arrival"]["plain"].replace(
        "40 minutos", "40 horas")
    t["stages"]["ketamine"]["new_spines"]["plain"] = t["stages"]["ketamine"]["new_spines"]["plain"].replace(
        "a las 6 horas", "a los 6 días")
    assert translation_problems(broken(es, **t), en) == []  # the same numbers: only their units changed
    assert unit_mismatches(broken(es, **t), en) == [
        "stages.ketamine.arrival.plain: [('0.5', 'mg'), ('40', 'min')] != [('0.5', 'mg'), ('40', 'h')]",
        "stages.ketamine.new_spines.plain: [('12', 'h'), ('24', 'h'), ('6', 'h')] != "
        "[('12', 'h'), ('24', 'h'), ('6', 'day')]",
    ]


def people_marks_lost(tr, en) -> list[str]:
    """Strings whose English says "in people" / "in patients" more often than the Spanish says
    "en personas" / "en pacientes": who the evidence is about must not get lost either."""
    def count(pattern, text):
        return len(re.findall(pattern, text, re.I))
    return [where for name in ("stages", "labels", "ui", "science")
            for where, a, b in text_pairs(getattr(en, name), getattr(tr, name), name)
            if count(r"\bin people\b", a) > count(r"\ben (?:las )?personas\b", b)
            or count(r"\bin patients\b", a) > count(r"\ben (?:los )?pacientes\b", b)]


def test_human_evidence_stays_marked_in_spanish(es, en):
    assert people_marks_lost(es, en) == []
    t = copies(es)
    t["stages"]["ketamine"]["relief_holds"]["plain"] = es.stages["ketamine"]["relief_holds"]["plain"].replace(
        "En personas, muchos pacientes", "Muchos pacientes")
    assert people_marks_lost(broken(es, **t), en) == ["stages.ketamine.relief_holds.plain"]
