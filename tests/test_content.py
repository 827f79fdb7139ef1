"""Every stage the model can reach has narration; every cited source resolves."""

import dataclasses

from keta_viz.content import load_content
from keta_viz.content.check import content_problems


def test_every_stage_label_and_source_resolves():
    assert content_problems(load_content("en")) == []


def test_broken_content_is_named():
    c = load_content("en")
    stages = {f: dict(v) for f, v in c.stages.items()}
    del stages["ssri"]["brake_holds"]
    stages["ketamine"]["arrival"] = dict(stages["ketamine"]["arrival"], sources=["nobody2099"])
    labels = {k: v for k, v in c.labels.items() if k != "nmda"}
    broken = dataclasses.replace(c, stages=stages, labels=labels)
    assert content_problems(broken) == [
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
    assert c.time_in_words(50, "ssri") == "Day 3"
    assert c.time_in_words(5 * 168, "ssri") == "Week 6"
