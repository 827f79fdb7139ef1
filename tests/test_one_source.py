"""One style source and one text mechanism: colours only in the palette, words only in content."""

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "keta_viz"


def sources():
    return [(p, p.read_text()) for p in sorted(PACKAGE.rglob("*.py"))]


def test_colours_live_only_in_the_palette():
    found = [f"{p.relative_to(PACKAGE)}: {m}" for p, text in sources() if p.name != "palette.py"
             for m in re.findall(r"#[0-9A-Fa-f]{6}\b", text)]
    assert found == []


def test_no_second_translation_mechanism_and_no_fixed_language():
    found = [str(p.relative_to(PACKAGE)) for p, text in sources()
             if p.parts[-2] in ("widgets", "ui", "kiosk", "app") and re.search(r"\.tr\(|load_content\(\s*\)", text)]
    assert found == []


def test_palette_names_import_without_qt():
    code = ("import sys, keta_viz.scene.palette as p, keta_viz.kiosk.config; "
            "sys.exit(p.PALETTES != ('screen', 'projector', 'contrast') or any(m.startswith('PySide6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
