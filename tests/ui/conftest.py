"""UI tests: the fixtures of tests/windows.py."""

from windows import clock, isolated_settings, window  # noqa: F401 (pytest fixtures)
