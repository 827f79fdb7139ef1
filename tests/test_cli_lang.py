"""`--lang` on model, render and export; the default follows the system locale (issue 16, item 2)."""

import pytest

from keta_viz import cli
from keta_viz.cli import main
from keta_viz.content import default_language, languages

LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def locale(monkeypatch, english_unless_told):
    """Set the locale variables for one test: locale(LANG='es_US.UTF-8'); the commands follow them."""
    import keta_viz.content as content

    monkeypatch.setattr(content, "default_language", english_unless_told)

    def set_(**values):
        for name in LOCALE:
            monkeypatch.delenv(name, raising=False)
        for name, value in values.items():
            monkeypatch.setenv(name, value)
    return set_


def test_languages_are_the_content_folders():
    assert languages() == ("en", "es")


@pytest.mark.parametrize("env, lang", [
    ({"LANG": "es_US.UTF-8"}, "es"),
    ({"LANG": "es_MX"}, "es"),
    ({"LANG": "es"}, "es"),
    ({"LC_ALL": "es_ES.UTF-8", "LANG": "en_US.UTF-8"}, "es"),  # LC_ALL wins
    ({"LC_ALL": "en_US.UTF-8", "LANG": "es_US.UTF-8"}, "en"),
    ({"LC_MESSAGES": "es_PR.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),  # not bundled: English
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "estonian"}, "en"),
    ({}, "en"),
])
def test_default_language_follows_the_locale(env, lang):
    assert default_language(env) == lang


def test_model_stages_in_spanish(capsys, locale):
    locale(LANG="en_US.UTF-8")
    assert main(["model", "--scenario", "ketamine-iv", "--stages", "--lang", "es"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(" 1  depressed") and out[0].endswith("La sinapsis estresada")
    assert out[3].endswith("Una ráfaga de glutamato [en animales]")  # animal evidence marked here too
    assert main(["model", "--scenario", "ketamine-iv", "--stages"]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("The stressed synapse")
    assert main(["model", "--scenario", "ketamine-iv", "--stages", "--lang", "ES"]) == 0  # any case
    assert capsys.readouterr().out.splitlines()[0].endswith("La sinapsis estresada")


def test_model_stages_follow_the_locale(capsys, locale):
    locale(LANG="es_US.UTF-8")
    assert main(["model", "--scenario", "escitalopram", "--stages"]) == 0
    assert capsys.readouterr().out.splitlines()[1].endswith("La bomba queda bloqueada")
    assert main(["model", "--scenario", "escitalopram", "--stages", "--lang", "en"]) == 0  # --lang wins
    assert capsys.readouterr().out.splitlines()[1].endswith("The pump is blocked")


@pytest.mark.parametrize("command", [
    ["model", "--scenario", "ketamine-iv", "--stages"],
    ["render", "--scenario", "ketamine-iv", "--out", "x.png"],
    ["export", "--scenario", "ketamine-iv", "--out", "x.pdf"],
    ["--scenario", "ketamine-iv"],  # the window: refused before it opens
])
@pytest.mark.parametrize("lang", ["fr", "../en", "", "es_US", "\x1b[31m"])
def test_an_unknown_language_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys, command, lang):
    monkeypatch.chdir(tmp_path)
    assert main([*command, "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("keta-viz: error: --lang") and "available: en, es" in err, err
    assert "\x1b" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("qapp")
def test_render_draws_the_spanish_labels(tmp_path, locale):
    from PySide6.QtGui import QImage

    locale(LANG="C.UTF-8")
    for lang in ("en", "es"):
        assert main(["render", "--scenario", "ketamine-iv", "--at", "2h", "--size", "640x360", "--lang", lang,
                     "--out", str(tmp_path / f"{lang}.png")]) == 0
    en, es = (QImage(str(tmp_path / f"{lang}.png")) for lang in ("en", "es"))
    assert en.size() == es.size() and en != es  # same scene, other words


@pytest.mark.usefixtures("qapp")
def test_export_passes_the_language_to_every_kind(tmp_path, monkeypatch, locale):
    seen = []
    monkeypatch.setattr("keta_viz.export.run_export", lambda req, progress: seen.append(req.style.lang) or req.out)
    locale(LANG="es_US.UTF-8")
    for out in ("a.png", "a.mp4", "a.gif", "a.pdf"):
        assert main(["export", "--scenario", "escitalopram", "--out", str(tmp_path / out)]) == 0
    assert main(["export", "--scenario", "escitalopram", "--out", str(tmp_path / "b.pdf"), "--lang", "en"]) == 0
    assert seen == ["es", "es", "es", "es", "en"]


@pytest.mark.usefixtures("qapp")
def test_spanish_handout_is_written(tmp_path, locale):
    locale(LANG="C.UTF-8")
    out = tmp_path / "es.pdf"
    assert main(["export", "--scenario", "escitalopram", "--lang", "es", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_the_cli_language_options_are_on_the_three_commands():
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices
    for name in ("model", "render", "export"):
        assert any("--lang" in a.option_strings for a in sub[name]._actions), name
