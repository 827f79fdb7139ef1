"""A scenario's error is shown in the Session's language (ui/error_text.py, ui.toml [scenario_errors]);
the command line keeps the model's English message."""

import pytest

from keta_viz.content import load_content
from keta_viz.model import ScenarioError, bundled_names, load_scenario
from keta_viz.ui.error_text import scenario_error

KET = 'title = "t"\ndrug = "ketamine"\nweight_kg = 70\n'
ESC = 'title = "t"\ndrug = "escitalopram"\nweight_kg = 70\n'
BAD_TEXTS = {
    "not_toml": "title = ",
    "number_too_large": 'title = "t"\ndrug = "ketamine"\nweight_kg = 1' + "0" * 400 + "\n",
    "missing_number": 'title = "t"\ndrug = "ketamine"\n',
    "not_a_number": 'title = "t"\ndrug = "ketamine"\nweight_kg = "heavy"\n',
    "out_of_range": 'title = "t"\ndrug = "ketamine"\nweight_kg = 1000\n',
    "above_range": ESC + "[dose]\nmg = 0\nevery_days = 1\n",
    "studied_range": KET + "[dose]\nmg_per_kg = 5\ninfusion_min = 40\ndays = [0]\n",
    "no_title": 'title = ""\ndrug = "ketamine"\n',
    "unknown_drug": 'title = "t"\ndrug = "aspirin"\n',
    "no_dose": KET,
    "missing_field": KET + "[dose]\ninfusion_min = 40\ndays = [0]\n",
    "dose_count": KET + "[dose]\nmg_per_kg = [0.5, 0.5]\ninfusion_min = 40\ndays = [0]\n",
    "one_daily_dose": ESC + "[dose]\nmg = [10, 10]\ndays = [0, 1]\n",
    "esketamine_dose": 'title = "t"\ndrug = "esketamine"\nweight_kg = 70\n[dose]\nmg = 60\ndays = [0]\n',
    "infusion_min": KET + "[dose]\nmg_per_kg = 0.5\ninfusion_min = 30\ndays = [0]\n",
    "days_or_every": KET + "[dose]\nmg_per_kg = 0.5\ninfusion_min = 40\n",
    "days_list": KET + "[dose]\nmg_per_kg = 0.5\ninfusion_min = 40\ndays = []\n",
    "days_increasing": KET + "[dose]\nmg_per_kg = 0.5\ninfusion_min = 40\ndays = [1, 0]\n",
    "too_much": KET + "span_days = 365\n[dose]\nmg_per_kg = 0.5\ninfusion_min = 40\ndays = ["
                + ", ".join(str(d) for d in range(330)) + "]\n",
}
NOT_MADE_HERE = {"file_cannot_open", "file_cannot_read"}  # OS failures a test cannot cause portably


def error_of(path_or_name) -> ScenarioError:
    with pytest.raises(ScenarioError) as failure:
        load_scenario(path_or_name)
    return failure.value


def every_error(tmp_path) -> dict[str, ScenarioError]:
    """One ScenarioError of each kind the model raises, from files and names that cause it."""
    errors = {}
    for kind, text in BAD_TEXTS.items():
        path = tmp_path / f"{kind}.toml"
        path.write_text(text, encoding="utf-8")
        errors[kind] = error_of(path)
    (tmp_path / "folder.toml").mkdir()
    (tmp_path / "big.toml").write_text("#" * 1_100_000)
    (tmp_path / "latin1.toml").write_bytes("título = 'ñ'".encode("latin-1"))
    errors |= {"file_not_found": error_of(tmp_path / "absent.toml"), "file_not_regular": error_of(tmp_path / "folder.toml"),
               "file_too_large": error_of(tmp_path / "big.toml"), "file_not_utf8": error_of(tmp_path / "latin1.toml"),
               "unknown": error_of("no-such-scenario")}
    return errors


def test_every_kind_of_scenario_error_is_worded_in_every_language(tmp_path):
    errors = every_error(tmp_path)
    assert {k: e.kind for k, e in errors.items()} == {k: k for k in errors}  # each file fails for its reason
    en, es = load_content("en"), load_content("es")
    worded = set(en.ui["scenario_errors"]) - {"units"}
    assert worded == set(errors) | NOT_MADE_HERE  # a template for every kind, none left over
    for kind, exc in errors.items():
        english, spanish = scenario_error(exc, en), scenario_error(exc, es)
        assert english.split(":")[0] == str(exc).split(":")[0]  # names the same file
        assert spanish != english and "{" not in spanish, kind
    out = errors["out_of_range"]
    assert scenario_error(out, es) == (f"{tmp_path / 'out_of_range.toml'}: el campo 'weight_kg' = 1000 está fuera del "
                                       "rango permitido, de 2 a 300 kg")
    assert scenario_error(errors["too_much"], es).endswith("330 dosis en 365 días es demasiado para simular; "
                                                          "use menos dosis o un span_days más corto")
    assert str(out).endswith("field 'weight_kg' = 1000 is outside the allowed range 2 to 300 kg")  # the CLI's English


def test_the_window_says_why_a_scenario_failed_in_its_language(window, tmp_path):
    bad = tmp_path / "heavy.toml"
    bad.write_text(BAD_TEXTS["out_of_range"], encoding="utf-8")
    window.session.set_language("es")
    assert not window.set_scenario(str(bad))
    assert window.last_error == f"{bad}: el campo 'weight_kg' = 1000 está fuera del rango permitido, de 2 a 300 kg"
    assert not window.set_compare("no-such-scenario")
    assert window.last_error.startswith("no-such-scenario: escenario desconocido; los escenarios incluidos son: ")
    window.session.set_language("en")
    assert not window.set_scenario(str(bad))
    assert window.last_error == f"{bad}: field 'weight_kg' = 1000 is outside the allowed range, 2 to 300 kg"


def test_a_forgotten_scenario_setting_says_why_in_spanish():
    from keta_viz.ui.settings import load_preferences, open_settings

    s = open_settings()
    s.setValue("scenario", "no-such-scenario")
    s.sync()
    notes = load_preferences(lang="es").notes
    assert notes == [f"Se descartó el valor guardado de scenario: no-such-scenario: escenario desconocido; los "
                     f"escenarios incluidos son: {', '.join(bundled_names())}"]
