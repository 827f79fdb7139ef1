"""Every stage the model can reach has narration; every cited source resolves."""

from keta_viz.content import load_content
from keta_viz.model.stages import KETAMINE_STAGES, SSRI_STAGES
from keta_viz.scene import layout as L


def test_every_stage_has_text_and_sources():
    c = load_content("en")
    for family, ids in (("ketamine", KETAMINE_STAGES), ("ssri", SSRI_STAGES)):
        assert set(c.stages[family]) == set(ids)
        for sid in ids:
            st = c.stage(family, sid)
            assert st.title and st.plain and st.expert and st.analogy and st.sources
            for key in st.sources:
                assert key in c.references, (sid, key)
                assert c.citation(key)


def test_every_label_exists_in_both_vocabularies():
    c = load_content("en")
    for label_id, _, _ in L.KETAMINE_LABELS + L.SSRI_LABELS:
        assert c.label(label_id, "plain") and c.label(label_id, "expert")


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
