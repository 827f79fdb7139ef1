"""Test setup: every test runs headless (Qt's offscreen platform), set before Qt loads."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def english_unless_told(monkeypatch):
    """The commands' default language follows the system locale (LANG=es_US.UTF-8 gives Spanish);
    tests expect English on any machine unless they set a language themselves
    (tests/test_cli_lang.py's `locale` fixture brings the locale back)."""
    import keta_viz.content as content

    real = content.default_language
    monkeypatch.setattr(content, "default_language", lambda environ=None: real({} if environ is None else environ))
    return real


@pytest.fixture(scope="session")
def ket():
    """The bundled one-infusion ketamine story, simulated once for every test."""
    from keta_viz.model import load_scenario, simulate

    return simulate(load_scenario("ketamine-iv"))


@pytest.fixture(scope="session")
def esc():
    """The bundled escitalopram story, simulated once for every test."""
    from keta_viz.model import load_scenario, simulate

    return simulate(load_scenario("escitalopram"))
