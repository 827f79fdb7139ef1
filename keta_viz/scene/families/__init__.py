"""How each drug family's synapse is drawn, registered in one place (keyed like model.families).

Each module names its labels, particle kinds and receptor overlays, draws what it adds to the
static cells, each overlay as pieces (`overlay_pieces`) with every piece's opacity at a state
(`overlays`), what moves every frame, and its particles.
"""

from __future__ import annotations

from . import ketamine, ssri

SCENES = {"ketamine": ketamine, "ssri": ssri}


def label_ids() -> list[str]:
    """Every label id the pictures draw, each once."""
    return sorted({label_id for scene in SCENES.values() for label_id, _, _ in scene.LABELS})
