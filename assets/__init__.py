"""Bundled data: scenarios, narration, labels and references (read via importlib.resources)."""
