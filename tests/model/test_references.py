"""Every source key the model cites resolves in assets/references.toml."""

import re
import tomllib
from importlib import resources
from pathlib import Path

import keta_viz.model.constants as constants

REFS = tomllib.loads(resources.files("keta_viz.assets").joinpath("references.toml").read_text("utf-8"))


def test_every_reference_has_the_bibliographic_fields():
    for key, ref in REFS.items():
        assert all(ref.get(f) for f in ("authors", "year", "title", "journal")), key
        assert isinstance(ref["year"], int), key
        ids = [re.fullmatch(r"10\.\d{4,}/\S+", ref.get("doi", "")), re.fullmatch(r"\d+", ref.get("pmid", "")),
               re.fullmatch(r"\d{6}", ref.get("nda", ""))]
        assert any(ids), key
        assert not re.search(r"^\[|\]$|quoted|science sheet", ref["title"] + ref["journal"], re.IGNORECASE), key


def test_prescribing_labels_are_identified_by_their_fda_application():
    labels = {k: r["nda"] for k, r in REFS.items() if k.endswith("_label")}
    assert labels == {"spravato_label": "211243", "lexapro_label": "021323", "zoloft_label": "019839",
                      "prozac_label": "018936"}


def test_rodent_sources_are_marked():
    for key in ("homayoun2007", "moghaddam1997", "maeng2008", "autry2011", "lepack2015", "li2010", "modasava2019",
                "phoumthipphavong2016", "pmid7477436", "nibuya1995", "santarelli2003", "hajszan2005", "zanos2016"):
        assert REFS[key].get("animal") is True, key
    for key in ("zarate2006", "murrough2013", "popova2019", "daly2019", "abdallah2020", "kang2012", "taylor2006"):
        assert "animal" not in REFS[key], key


def test_every_cited_key_in_the_model_exists():
    text = Path(constants.__file__).read_text()
    cited = set()
    for comment in re.findall(r"#(.*)", text):
        cited |= {w for w in re.findall(r"\b([a-z_]+\d{4}|[a-z]+_label|pmid\d+)\b", comment)}
    cited |= {f"pmid{n}" for n in re.findall(r"PMID (\d+)", text)}
    assert cited, "no citations found"
    assert cited <= set(REFS), cited - set(REFS)
    # every constant line carries a source key or is marked H
    for line in text.splitlines():
        if re.match(r"^[A-Z_0-9]+ = [-0-9.(]", line):
            assert "#" in line, line
