"""Test setup: every test runs headless (Qt's offscreen platform), set before Qt loads."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
