"""Picture labels never tangle: at every stage of the bundled stories, at the brain, circuit and
synapse (whole and through the story camera), in every frame size users see (a 1080p frame,
the synapse view of a 1366 x 768 window, the kiosk's at 1366 x 768 with its label floor) and in
both languages, no two leaders cross, no leader runs through another label's plate, no plates
overlap, and every plate lies inside the frame."""

import itertools

import pytest

from keta_viz.kiosk.window import kiosk_label_pixels
from keta_viz.model import load_scenario, simulate
from keta_viz.model.tour import BRAIN, CIRCUIT, SYNAPSE
from keta_viz.scene.camera import WHOLE, story_camera
from keta_viz.scene.scales import placed_labels
from keta_viz.scene.synapse import Style

SCENARIOS = ["ketamine-iv", "esketamine-induction", "escitalopram"]
# (width, height, label floor): a 1080p frame; the synapse view of the 1366 x 768 window at its
# desk floor; the kiosk's view at 1366 x 768 in the attract loop and with the touch controls
FRAMES = [(1920, 1080, 0), (972, 338, 11), (1366, 501, kiosk_label_pixels(768)), (1366, 308, kiosk_label_pixels(768))]


def cross(p1, p2, p3, p4):
    """Whether segments p1p2 and p3p4 meet (touching counts), by orientation tests."""
    def side(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return 0 if abs(v) < 1e-9 else (1 if v > 0 else -1)

    def on(a, b, c):
        return min(a[0], b[0]) - 1e-9 <= c[0] <= max(a[0], b[0]) + 1e-9 and \
            min(a[1], b[1]) - 1e-9 <= c[1] <= max(a[1], b[1]) + 1e-9
    d1, d2, d3, d4 = side(p3, p4, p1), side(p3, p4, p2), side(p1, p2, p3), side(p1, p2, p4)
    if d1 * d2 < 0 and d3 * d4 < 0:
        return True
    return any(d == 0 and on(a, b, c) for d, (a, b, c) in
               ((d1, (p3, p4, p1)), (d2, (p3, p4, p2)), (d3, (p1, p2, p3)), (d4, (p1, p2, p4))))


def through(p, q, box, slack=1.0):
    """Whether segment pq enters the rectangle's interior (shrunk by `slack` px: touching its edge is allowed)."""
    x0, y0, x1, y1 = box[0] + slack, box[1] + slack, box[2] - slack, box[3] - slack
    if x0 >= x1 or y0 >= y1:
        return False
    # Liang-Barsky clipping of the segment against the shrunk rectangle
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for pk, qk in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if pk == 0:
            if qk < 0:
                return False
        else:
            t = qk / pk
            if pk < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
    return t0 < t1


def problems(labels, width, height):
    """Every way the placed labels tangle, as readable strings."""
    out = []
    plates = {x.label_id: (x.box.left(), x.box.top(), x.box.right(), x.box.bottom()) for x in labels}
    segs = {x.label_id: ((x.anchor.x(), x.anchor.y()), (x.near.x(), x.near.y())) for x in labels}
    for x in labels:
        l, t, r, b = plates[x.label_id]
        if l < -0.01 or t < -0.01 or r > width + 0.01 or b > height + 0.01:
            out.append(f"{x.label_id} outside the frame")
        (ax, ay), (nx, ny) = segs[x.label_id]
        if not (l - 1 <= nx <= r + 1 and t - 1 <= ny <= b + 1):  # within the plate's antialiased pixel
            out.append(f"{x.label_id}'s leader does not reach its plate")
    for a, b in itertools.combinations(plates, 2):
        pa, pb = plates[a], plates[b]
        if min(pa[2], pb[2]) - max(pa[0], pb[0]) > 0.01 and min(pa[3], pb[3]) - max(pa[1], pb[1]) > 0.01:
            out.append(f"plates {a} and {b} overlap")
        sa, sb = segs[a], segs[b]
        if sa[0] != sa[1] and sb[0] != sb[1] and cross(*sa, *sb):
            out.append(f"leaders {a} and {b} cross")
    for a, b in itertools.permutations(plates, 2):
        if segs[a][0] != segs[a][1] and through(*segs[a], plates[b]):
            out.append(f"{a}'s leader runs through {b}'s plate")
    return out


def moments(timeline):
    """Each stage's start and middle (hours)."""
    return [(s.id, t) for s in timeline.stages for t in (s.start, (s.start + s.end) / 2)]


@pytest.fixture(scope="module")
def stories():
    return {name: simulate(load_scenario(name)) for name in SCENARIOS}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", SCENARIOS)
def test_labels_never_tangle(qapp, stories, name, lang):
    tl = stories[name]
    found = []
    for (width, height, floor), (stage, t) in itertools.product(FRAMES, moments(tl)):
        style = Style(lang=lang, label_min_px=floor).for_drug(tl.scenario.drug)
        state = tl.state_at(t)
        views = [(BRAIN, None), (CIRCUIT, None), (SYNAPSE, WHOLE)]
        camera = story_camera(tl, t)
        if camera != WHOLE:
            views.append((SYNAPSE, camera))
        for scale, cam in views:
            labels = placed_labels(tl.scenario.family, state, width, height, style, scale, cam)
            assert labels or scale == SYNAPSE and cam is not None
            found += [f"{width}x{height} {stage} scale {scale:g}{' camera' if cam not in (None, WHOLE) else ''}: {p}"
                      for p in problems(labels, width, height)]
    assert not found, f"{len(found)} tangles:\n" + "\n".join(sorted(set(found)))


def test_the_checks_see_a_tangle():
    assert cross((0, 0), (10, 10), (0, 10), (10, 0))
    assert not cross((0, 0), (10, 0), (0, 5), (10, 5))
    assert through((-5, 5), (15, 5), (0, 0, 10, 10))
    assert not through((-5, 0), (15, 0), (0, 0, 10, 10))  # along its edge: touching
