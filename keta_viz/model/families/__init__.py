"""Drug families, registered in one place.

Each family module names its drugs, its story stages and the story axis's knee, simulates its
series on a time grid and says when each stage begins.  A third family is one more module in
FAMILIES (plus its scene drawing, its narration and a scenario file).
"""

from __future__ import annotations

from . import ketamine, ssri

FAMILIES = {f.NAME: f for f in (ketamine, ssri)}
DRUG_FAMILY = {drug: f.NAME for f in FAMILIES.values() for drug in f.DRUGS}
