"""Every stage the model can reach has narration; every cited source resolves."""

import dataclasses

from keta_viz.content import load_content
from keta_viz.content.check import content_problems
from keta_viz.scene.families import label_ids


def test_every_stage_label_and_source_resolves():
    assert content_problems(load_content("en"), label_ids()) == []


def test_broken_content_is_named():
    c = load_content("en")
    stages = {f: dict(v) for f, v in c.stages.items()}
    del stages["ssri"]["brake_holds"]
    stages["ketamine"]["arrival"] = dict(stages["ketamine"]["arrival"], sources=["nobody2099"])
    labels = {k: v for k, v in c.labels.items() if k != "nmda"}
    broken = dataclasses.replace(c, stages=stages, labels=labels)
    assert content_problems(broken, label_ids()) == [
        "labels.toml [nmda]: missing expert",
        "labels.toml [nmda]: missing plain",
        "stages.toml [ketamine.arrival]: source 'nobody2099' is not in references.toml",
        "stages.toml [ssri.brake_holds]: missing",
    ]


def test_myths_are_not_repeated():
    c = load_content("en")
    text = " ".join(s["plain"] + " " + s["expert"] for fam in c.stages.values() for s in fam.values()).lower()
    for myth in ("new neurons", "permanently rewires", "struggle to cross", "do nothing for"):
        assert myth not in text


def test_time_in_words():
    c = load_content("en")
    assert c.time_in_words(0.5, "ketamine") == "30 min after the start"
    assert c.time_in_words(2, "ketamine") == "2 h after the infusion began"
    assert c.time_in_words(2, "esketamine") == "2 h after the first spray"
    assert c.time_in_words(1, "escitalopram") == "1 hour after the first tablet"
    assert c.time_in_words(24, "ketamine") == "1 day after the first dose"  # the "1 day" tick
    assert c.time_in_words(50, "ssri") == "2 days after the first dose"
    assert c.time_in_words(168, "ssri") == "7 days after the first dose"
    assert c.time_in_words(4 * 168, "ketamine") == "4 weeks after the first dose"  # the "4 weeks" tick
    assert c.time_in_words(8 * 168, "ssri") == "8 weeks after the first dose"  # the end of the SSRI axis


def test_broken_references_and_science_are_named():
    c = load_content("en")
    refs = dict(c.references)
    refs["salat2015"] = {k: v for k, v in refs["salat2015"].items() if k != "doi"}
    refs["krystal1994"] = dict(refs["krystal1994"], title="[ketamine in humans]", doi="krystal")
    refs["spravato_label"] = dict(refs["spravato_label"], nda="21124")
    sections = [dict(s) for s in c.science["section"]]
    group = dict(sections[0]["group"][0], paragraph=[{"plain": "x", "expert": "", "sources": ["nobody2099"]}])
    sections[0] = dict(sections[0], group=[group])
    sections = [s for s in sections if s["id"] != "safety"]
    broken = dataclasses.replace(c, references=refs, science={"section": sections})
    assert content_problems(broken, label_ids()) == [
        "references.toml [krystal1994]: malformed doi 'krystal'",
        "references.toml [krystal1994]: placeholder text",
        "references.toml [salat2015]: no doi, pmid or nda",
        "references.toml [spravato_label]: malformed nda '21124'",
        "science.toml [section people_animals] paragraph 1: missing expert",
        "science.toml [section people_animals] paragraph 1: source 'nobody2099' is not in references.toml",
        "science.toml [section safety]: no ketamine group",
        "science.toml [section safety]: no ssri group",
    ]


def test_citation_names_the_identifier():
    c = load_content("en")
    assert c.citation("zarate2006").endswith("Arch Gen Psychiatry 63(8):856-864. doi:10.1001/archpsyc.63.8.856")
    assert c.citation("pmid7477436").startswith("Le Poul E, Laaris N")
    assert c.citation("pmid7477436").endswith("352(2):141-148. PMID 7477436")
    assert c.citation("maeng2008").endswith("doi:10.1016/j.biopsych.2007.06.005; PMID 17643398")
    assert c.citation("spravato_label").endswith("FDA NDA 211243")
    assert [c.short_cite(k) for k in ("pmid7477436", "commons2019", "zarate2006", "prozac_label")] == [
        "Le Poul et al. 1995", "Commons & Linnros 2019", "Zarate et al. 2006", "Prozac label 2017"]


def test_references_sort_by_first_author_then_year():
    c = load_content("en")
    keys = c.sorted_references()
    assert sorted(keys) == sorted(c.references)
    assert c.sorted_references(["zarate2006", "berman2000", "zarate2006"]) == ["berman2000", "zarate2006"]
    assert keys.index("zanos2016") + 1 == keys.index("zanos2018")
    assert keys.index("salat2015") < keys.index("santarelli2003")  # Sałat sorts as Salat
    assert keys.index("pmid7477436") < keys.index("lepack2015") < keys.index("li2010")  # Le Poul, Lepack, Li


def test_science_pages_mark_animal_findings():
    c = load_content("en")
    sections = {s.id: s for s in c.sections()}
    assert list(sections) == ["people_animals", "open_questions", "safety", "relapse"]
    people, animals = sections["people_animals"].groups
    assert not any(p.in_animals for p in people.paragraphs) and all(p.in_animals for p in animals.paragraphs)
    for section in sections.values():
        for group in section.groups:
            for p in group.paragraphs:
                assert p.plain and p.expert and p.plain != p.expert
                rodent = [bool(c.references[k].get("animal")) for k in p.sources]
                if all(rodent):
                    assert p.in_animals, p.plain
                if p.in_animals:
                    assert any(rodent), p.plain
    assert {c.safety(f).family for f in ("ketamine", "ssri")} == {"ketamine", "ssri"}


def test_a_drugs_own_label_must_name_a_drug_and_a_label():
    c = load_content("en")
    labels = dict(c.labels, drug={**c.labels["drug"], "aspirin": {"nmda": {"plain": "x"}},
                                  "esketamine": {**c.labels["drug"]["esketamine"], "nmdaa": {"plain": "x"}}})
    assert content_problems(dataclasses.replace(c, labels=labels), label_ids()) == [
        "labels.toml [drug.aspirin.nmda]: no such drug or label",
        "labels.toml [drug.esketamine.nmdaa]: no such drug or label",
    ]
