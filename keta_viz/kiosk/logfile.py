"""The kiosk's log file handler: a log that cannot be written (disk full, /dev/full) is reported once
on standard error and then left alone, instead of a traceback for every line."""

from __future__ import annotations

import logging
import logging.handlers
import sys


class LogFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file (5 x 1 MB) that gives up with one line on its first write error."""

    def __init__(self, path):
        super().__init__(path, maxBytes=1_000_000, backupCount=5)
        self.broken = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self.broken:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        self.broken = True
        exc = sys.exc_info()[1]
        print(f"keta-viz: kiosk log {self.baseFilename} cannot be written "
              f"({getattr(exc, 'strerror', None) or exc}); logging to standard error only", file=sys.stderr)
