"""Keta Viz: an animated, source-cited illustration of ketamine and SSRIs at the synapse."""

__version__ = "0.1.0"
