"""Every source key the model cites resolves in assets/references.toml."""

import re
import tomllib
from importlib import resources
from pathlib import Path

import keta_viz.model.constants as constants

REFS = tomllib.loads(resources.files("keta_viz.assets").joinpath("references.toml").read_text("utf-8"))


def test_every_reference_has_the_bibliographic_fields():
    for key, ref in REFS.items():
        assert {"authors", "year", "title", "journal", "doi"} <= set(ref), key
        assert ref["doi"] == "" or ref["doi"].startswith("10."), key


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
