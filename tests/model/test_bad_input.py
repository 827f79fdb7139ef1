"""Bad scenarios give one clear line naming file, field and range; exit code 2; never a traceback."""

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keta_viz.cli import main
from keta_viz.model import ScenarioError, load_scenario
from keta_viz.model.scenario import parse_scenario

GOOD = """title = "t"
drug = "ketamine"
weight_kg = 70
[dose]
mg_per_kg = 0.5
infusion_min = 40
days = [0]
"""


@pytest.mark.parametrize("text, words", [
    ("title = 'x'\ndrug = 'ketamine'\n[dose", ["not valid TOML"]),
    (GOOD.replace("mg_per_kg = 0.5", "mg_per_kg = 50"), ["mg_per_kg", "50", "0.1 to 1 mg/kg", "studied"]),
    (GOOD.replace("mg_per_kg = 0.5", "mg_per_kg = 2"), ["mg_per_kg", "= 2 ", "studied", "Fava 2018"]),
    (GOOD.replace("mg_per_kg = 0.5", "mg_per_kg = [0.5, 0.5]"), ["mg_per_kg", "2 doses", "'days' has 1"]),
    (GOOD.replace("infusion_min = 40", "infusion_min = 5"), ["infusion_min", "5", "40 min"]),
    (GOOD.replace('"ketamine"', '"esketamine"').replace("mg_per_kg = 0.5", "mg = 112"), ["'mg' = 112", "56 or 84"]),
    (GOOD.replace("mg_per_kg = 0.5", "mg_per_kg = nan"), ["mg_per_kg", "nan"]),
    (GOOD.replace("mg_per_kg = 0.5", "mg_per_kg = -1"), ["mg_per_kg", "-1"]),
    (GOOD.replace("weight_kg = 70", "weight_kg = 500"), ["weight_kg", "500", "2", "300", "kg"]),
    (GOOD.replace("weight_kg = 70\n", ""), ["missing field 'weight_kg'"]),
    (GOOD.replace('"ketamine"', '"aspirin"'), ["drug", "aspirin", "escitalopram"]),
    (GOOD.replace("days = [0]", "days = [3, 1]"), ["increasing"]),
    (GOOD.replace("weight_kg = 70", "weight_kg = 70\nspan_days = 3"), ["span_days", "28"]),
    (GOOD.replace('weight_kg = 70', 'weight_kg = "heavy"'), ["weight_kg", "number"]),
])
def test_bad_scenario_file_names_file_field_and_range(tmp_path, capsys, text, words):
    f = tmp_path / "mine.toml"
    f.write_text(text)
    assert main(["model", "--scenario", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "mine.toml" in err
    for w in words:
        assert w in err


def test_unknown_and_unreadable(tmp_path, capsys):
    assert main(["model", "--scenario", "nope"]) == 2
    assert "unknown scenario" in capsys.readouterr().err
    assert main(["model", "--scenario", str(tmp_path / "missing.toml")]) == 2
    assert "not found" in capsys.readouterr().err
    (tmp_path / "bin.toml").write_bytes(b"\xff\xfe\x00garbage")
    assert main(["model", "--scenario", str(tmp_path / "bin.toml")]) == 2


def test_cli_subprocess_has_no_traceback():
    out = subprocess.run([sys.executable, "-m", "keta_viz", "model", "--scenario", "nope"],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and "nope" in out.stderr


def test_good_file_loads(tmp_path):
    f = tmp_path / "ok.toml"
    f.write_text(GOOD)
    s = load_scenario(f)
    assert s.dose_mg == 35 and s.span_days == 28


values = st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
                   st.text(max_size=5), st.booleans(), st.lists(st.integers(-5, 400), max_size=4))


@settings(max_examples=300, deadline=None)
@given(drug=st.sampled_from(["ketamine", "esketamine", "escitalopram", "fluoxetine", "x"]),
       weight=values, amount=values, days=values, span=values, infusion=values)
def test_fuzzed_fields_raise_only_scenario_errors(drug, weight, amount, days, span, infusion):
    def lit(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, float):
            return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(v), repr(v))
        if isinstance(v, str):
            return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return repr(v).replace("'", '"')
    text = (f'title = "f"\ndrug = "{drug}"\nweight_kg = {lit(weight)}\nspan_days = {lit(span)}\n'
            f"[dose]\nmg_per_kg = {lit(amount)}\nmg = {lit(amount)}\ninfusion_min = {lit(infusion)}\n"
            f"days = {lit(days)}\n")
    try:
        s = parse_scenario(text, "f", "f.toml")
    except ScenarioError as exc:
        assert "f.toml" in str(exc) and "\n" not in str(exc)
    else:
        assert 2 <= s.weight_kg <= 300 and s.dose_mg > 0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_fuzzed_text_raises_only_scenario_errors(text):
    with pytest.raises(ScenarioError):
        parse_scenario(text, "f", "f.toml")
