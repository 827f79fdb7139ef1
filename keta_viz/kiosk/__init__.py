"""Kiosk mode: attract loop, idle reset, exit lock, crash-proof logging and a supervisor."""
