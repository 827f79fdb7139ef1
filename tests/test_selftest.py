"""`keta-viz selftest` reports each check and names what is broken."""

from keta_viz import selftest
from keta_viz.cli import main
from keta_viz.model import bundled_names


def test_selftest_passes_here(qapp, capsys):
    assert main(["selftest"]) == 0
    out = capsys.readouterr().out
    for name, _ in selftest.CHECKS:
        assert f"ok   {name}:" in out
    assert f"{len(bundled_names())} scenarios simulated and drawn" in out
    assert out.rstrip().endswith("all checks passed")


def test_selftest_names_a_blank_frame(qapp, capsys, monkeypatch):
    monkeypatch.setattr(selftest, "MIN_COLOURS", 10**9)
    assert main(["selftest"]) == 1
    out = capsys.readouterr().out
    assert "FAIL scenarios: escitalopram: the frame looks blank" in out
    assert "ok   content:" in out and "FAILED: scenarios" in out
