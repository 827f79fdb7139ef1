"""Labels point true: at the thing they name, only while it is there, with leaders that never cross."""

import itertools
import math

import pytest

from keta_viz.model import load_scenario, simulate
from keta_viz.scene import layout as L
from keta_viz.scene.families import SCENES
from keta_viz.scene.synapse import _label_sprites


def segments(family):
    labels, _, _ = _label_sprites(family, "plain", "en", "screen", 1600, 900)
    return {label_id: ((near.x(), near.y()), (anchor.x(), anchor.y())) for label_id, _, _, anchor, near in labels}


def crosses(a, b):
    (p1, p2), (p3, p4) = a, b

    def side(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return (side(p1, p2, p3) * side(p1, p2, p4) < 0) and (side(p3, p4, p1) * side(p3, p4, p2) < 0)


@pytest.mark.parametrize("family", sorted(SCENES))
def test_leader_lines_never_cross(qapp, family):
    segs = segments(family)
    for (a, sa), (b, sb) in itertools.combinations(segs.items(), 2):
        assert not crosses(sa, sb), (a, b)


@pytest.mark.parametrize("health", [0.0, 0.5, 1.0])
def test_message_receivers_point_at_a_receptor(health):
    anchor = dict((i, a) for i, a, _ in L.KETAMINE_LABELS)["ampa"]
    rx, ry, head_y = 44 + 26 * health, 26 + 8 * health, L.HERO_HEAD_Y + 8 * (1 - health)
    receptors = [(L.HERO_X + rx * math.cos(math.radians(-150 + 120 * i / 6)),
                  head_y + ry * math.sin(math.radians(-150 + 120 * i / 6))) for i in range(7)]
    assert min(math.dist(anchor, r) for r in receptors) <= 20


@pytest.mark.parametrize("name, drug_label", [("ketamine-iv", "ketamine"), ("escitalopram", "ssri")])
def test_the_drug_label_appears_only_once_the_drug_has_arrived(name, drug_label):
    tl = simulate(load_scenario(name))
    scene = SCENES[tl.scenario.family]
    assert drug_label in scene.hidden_labels(tl.state_at(0.0))
    assert drug_label not in scene.hidden_labels(tl.state_at(2.0))


def test_every_label_anchor_is_inside_the_canvas():
    for scene in SCENES.values():
        for label_id, (ax, ay), (lx, ly) in scene.LABELS:
            assert 0 <= ax <= L.WIDTH and 0 <= ay <= L.HEIGHT, label_id
            assert 0 <= lx <= L.WIDTH and 0 <= ly <= L.HEIGHT, label_id
