"""The three scales and the zoom between them: pure views at the integers, continuous between,
deterministic, and drawn from the state like the synapse."""

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from keta_viz.model import load_scenario, simulate
from keta_viz.model.tour import BRAIN, CIRCUIT, SYNAPSE
from keta_viz.scene import brain, circuit
from keta_viz.scene.render import compare_image, scene_image
from keta_viz.scene.scales import paint_scaled, render_scaled
from keta_viz.scene.synapse import Style, render_frame

W, H = 640, 360
NO_LABELS = Style("screen", "none")


def pixels(img, block=1):
    """(H, W, 3) RGB of a frame as floats, averaged over block x block squares."""
    a = np.frombuffer(img.constBits(), np.uint8, count=img.width() * img.height() * 4)
    a = a.reshape(img.height(), img.width(), 4)[:, :, 2::-1].astype(float)
    h, w = a.shape[0] // block, a.shape[1] // block
    return a[:h * block, :w * block].reshape(h, block, w, block, 3).mean(axis=(1, 3))


def region(px, x0, y0, x1, y1):
    """Pixels of a rectangle given in the 1600 x 900 canvas (the frame is 16:9)."""
    s = px.shape[1] / 1600
    return px[int(y0 * s):int(y1 * s), int(x0 * s):int(x1 * s)].reshape(-1, 3)


def pixels_of(colour):
    """A W x H frame of one colour, as pixels() gives it."""
    img = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(colour)
    return pixels(img)


def painted(family, state, scale, style=Style()):
    img = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    paint_scaled(p, family, state, 1.5, 3, W, H, style, scale)
    p.end()
    return img


@pytest.mark.parametrize("name", ["ketamine-iv", "escitalopram"])
def test_integer_scales_are_exactly_the_pure_views(qapp, name):
    tl = simulate(load_scenario(name))
    family, state = tl.scenario.family, tl.state_at(30.0)
    assert render_scaled(family, state, 1.5, 3, W, H, Style(), SYNAPSE) == render_frame(family, state, 1.5, 3, W, H,
                                                                                         Style())
    assert render_scaled(family, state, 1.5, 3, W, H, Style(), CIRCUIT) == circuit.render(family, state, 1.5, W, H)
    assert render_scaled(family, state, 1.5, 3, W, H, Style(), BRAIN) == brain.render(family, state, 1.5, W, H)
    for scale in (BRAIN, 0.4, CIRCUIT, 1.6, SYNAPSE):  # the widget's path paints the same pixels
        assert painted(family, state, scale) == render_scaled(family, state, 1.5, 3, W, H, Style(), scale), scale
    assert render_scaled(family, state, 1.5, 3, W, H, Style(), -1) == render_scaled(family, state, 1.5, 3, W, H,
                                                                                    Style(), BRAIN)
    assert render_scaled(family, state, 1.5, 3, W, H, Style(), float("nan")) == render_frame(family, state, 1.5, 3,
                                                                                             W, H, Style())


@pytest.mark.parametrize("name", ["ketamine-iv", "escitalopram"])
def test_the_zoom_is_continuous_from_brain_to_synapse(qapp, name):
    tl = simulate(load_scenario(name))
    family, state = tl.scenario.family, tl.state_at(1.0)
    frames = [pixels(render_scaled(family, state, 0.5, 0, 320, 180, Style(), k / 100), block=8) for k in range(201)]
    steps = np.array([np.abs(b - a).mean() for a, b in zip(frames, frames[1:])])
    jumps = [np.abs(frames[a] - frames[b]).mean() for a, b in ((0, 100), (100, 200), (0, 200))]
    assert min(jumps) > 15  # the three scales are three different pictures
    assert steps.max() < 0.55 * min(jumps)  # no step of 1/100 of the way is anything like a cut
    assert steps.mean() < 0.25 * min(jumps)
    for s in (0.0, 0.5, 0.999, 1.5, 1.999):  # and smaller steps change it less still
        a, b = (pixels(render_scaled(family, state, 0.5, 0, 320, 180, Style(), x), block=8) for x in (s, s + 0.001))
        assert np.abs(b - a).mean() < 3.0, s


def test_a_scale_between_draws_the_same_pixels_every_time(qapp, ket):
    state = ket.state_at(0.7)
    first = render_scaled("ketamine", state, 2.5, 4, W, H, Style(), 1.37)
    render_scaled("ketamine", ket.state_at(9.0), 0.0, 0, W, H, Style(), 0.61)  # other frames in between
    assert render_scaled("ketamine", state, 2.5, 4, W, H, Style(), 1.37) == first


def test_the_bouncer_quiets_and_the_pyramidal_neuron_fires_on_the_circuit(qapp, ket):
    def cells(t):
        px = pixels(circuit.render("ketamine", ket.state_at(t), 0.0, W, H, NO_LABELS))
        x, y = circuit.BOUNCER_C
        bx, by = circuit.PYRAMID_C
        return region(px, x - 60, y - 60, x + 60, y + 60).mean(axis=0), region(px, bx - 80, by - 80, bx + 80, by + 80)
    bouncer_0, pyramid_0 = cells(0.0)
    bouncer_1, pyramid_1 = cells(1.0)
    assert bouncer_0[2] > bouncer_1[2] + 25  # its blue GABA glow dims as NMDA block rises
    yellow = lambda px: ((px[:, 0] > 120) & (px[:, 1] > 110) & (px[:, 2] < 110)).sum()
    assert yellow(pyramid_1) > 3 * yellow(pyramid_0) + 50  # the disinhibited neuron fires


def test_the_raphe_neuron_is_braked_and_recovers_on_the_circuit(qapp, esc):
    def brake(t):
        px = pixels(circuit.render("ssri", esc.state_at(t), 0.0, W, H, NO_LABELS))
        x, y = circuit.RAPHE_C
        ring = region(px, x - 120, y - 120, x + 120, y + 120)
        return ((ring[:, 0] > ring[:, 2] + 40) & (ring[:, 0] > 90)).sum()  # orange, the brake's colour
    assert brake(5.0) > 2 * brake(0.0) + 100  # the first tablet: the brake holds firing down
    assert brake(900.0) < 0.5 * brake(5.0)  # weeks later it has eased


def test_the_brain_lights_with_the_timeline(qapp, ket, esc):
    def mean(tl, t, box):
        return region(pixels(brain.render(tl.scenario.family, tl.state_at(t), 0.0, W, H, NO_LABELS)), *box).mean(axis=0)
    pfc = (300, 150, 520, 450)
    assert mean(ket, 1.0, pfc)[0] > mean(ket, 0.0, pfc)[0] + 15  # the glutamate surge warms the PFC
    hippo = (760, 540, 960, 580)
    assert mean(ket, 24.0, hippo)[1] > mean(ket, 0.0, hippo)[1] + 10  # regrowth (green) by a day
    assert mean(esc, 900.0, pfc)[2] > mean(esc, 0.0, pfc)[2] + 15  # serotonin (blue) arrives in the cortex


def test_the_pictures_speak_the_chosen_language(qapp, ket):
    state = ket.state_at(0.0)
    for picture in (brain, circuit):
        assert picture.render("ketamine", state, 0.0, W, H, Style(lang="es")) != picture.render(
            "ketamine", state, 0.0, W, H, Style(lang="en"))


@pytest.mark.parametrize("scale", [BRAIN, 0.5, CIRCUIT])
def test_compare_shows_both_panes_at_one_scale(qapp, ket, esc, scale):
    img = compare_image(ket, esc, 6.0, 1280, 400, Style(), scale=scale)
    band = max(24, round(min(1280, 400) * 0.05))
    left = scene_image(ket, 6.0, 640, 400 - band, Style(), scale=scale)
    right = scene_image(esc, 6.0, 640, 400 - band, Style(), scale=scale)
    inner = np.s_[:, 2:-2]  # the divider between the panes is drawn over their touching edges
    assert (pixels(img.copy(0, band, 640, 400 - band))[inner] == pixels(left)[inner]).all()
    assert (pixels(img.copy(640, band, 640, 400 - band))[inner] == pixels(right)[inner]).all()


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("vocabulary", ["plain", "expert"])
def test_every_label_of_the_brain_and_circuit_has_its_words(qapp, ket, esc, lang, vocabulary):
    from keta_viz.content import load_content

    content = load_content(lang)
    for tl, t in ((ket, 0.0), (ket, 24.0), (esc, 300.0)):
        family, state = tl.scenario.family, tl.state_at(t)
        for picture in (brain, circuit):
            for label_id, _, _ in picture.labels(family, state):
                assert content.label(label_id, vocabulary).strip(), label_id
    assert "reconnecting" in {label_id for label_id, _, _ in brain.labels("ketamine", ket.state_at(24.0))}
    assert "reconnecting" not in {label_id for label_id, _, _ in brain.labels("ketamine", ket.state_at(0.0))}


class SpyPainter(QPainter):
    """A painter that notes the size of every image drawn with it while visible (opacity > 0)."""

    def __init__(self, device):
        super().__init__(device)
        self.sizes = []

    def drawImage(self, *args):  # noqa: N802 (Qt API)
        img = next(a for a in args if isinstance(a, QImage))
        if self.opacity() > 0:
            self.sizes.append((img.width(), img.height()))
        super().drawImage(*args)


@pytest.mark.parametrize("name", ["ketamine-iv", "escitalopram"])
def test_words_fade_across_a_zoom_instead_of_shrinking(qapp, ket, esc, name):
    """Mid-zoom no label shows at all (the frame with labels is the frame without); late in a
    zoom into the synapse every label drawn is at the frame's own type size (the kiosk's floor
    and 150 % text), never the shrunk picture's."""
    tl = ket if name == "ketamine-iv" else esc
    family, state = tl.scenario.family, tl.state_at(1.0)
    kiosk = Style("screen", "plain", "en", 26.0, 1.5)
    for scale in (0.45, 0.6, 0.7, 1.45, 1.6, 1.7):
        worded = pixels(render_scaled(family, state, 0.2, 0, W, H, kiosk, scale))
        bare = pixels(render_scaled(family, state, 0.2, 0, W, H, Style("screen", "none", "en", 26.0, 1.5), scale))
        assert np.array_equal(worded, bare), scale
    from keta_viz.scene.synapse import _label_sprites, label_pixels

    sprites = _label_sprites(family, "plain", "en", "screen", W, H, 26.0, 1.5)[0]
    full = {(img.width(), img.height()) for _i, img, *_ in sprites}
    floor = min(h for _w, h in full)
    assert floor >= label_pixels(W, H, 26.0)  # a plate is taller than the floor's type
    for scale in (1.85, 1.95):
        img = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
        p = SpyPainter(img)
        paint_scaled(p, family, state, 0.2, 0, W, H, kiosk, scale)
        p.end()
        labels = [size for size in p.sizes if size[1] < H / 3]  # all but the synapse's layer
        assert labels and set(labels) <= full, (scale, labels)


def test_brain_and_circuit_words_follow_the_readers_text_size(qapp, ket):
    state = ket.state_at(1.0)

    def plates(scale, text_scale):
        img = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
        p = SpyPainter(img)
        paint_scaled(p, "ketamine", state, 0.0, 0, W, H, Style("screen", "plain", "en", 14.0, text_scale), scale)
        p.end()
        return sorted(h for _w, h in p.sizes if h < H / 3)

    for scale in (BRAIN, CIRCUIT):
        small, large = plates(scale, 1.0), plates(scale, 1.6)
        assert small and len(small) == len(large)
        assert all(b >= 1.4 * a for a, b in zip(small, large)), (scale, small, large)  # the words grow with it


@pytest.mark.parametrize("scale", [0.75, 0.9, 0.99, 1.75, 1.9, 1.99])
def test_leaving_out_the_outer_picture_under_the_opaque_inner_one_changes_no_pixel(qapp, ket, monkeypatch, scale):
    from PySide6.QtCore import QRect

    from keta_viz.scene import scales

    state = ket.state_at(1.0)
    left_out = render_scaled("ketamine", state, 0.5, 0, W, H, Style(), scale)
    monkeypatch.setattr(scales, "covered", lambda *args: QRect())  # the outer picture drawn everywhere
    whole = render_scaled("ketamine", state, 0.5, 0, W, H, Style(), scale)
    assert np.abs(pixels(left_out) - pixels(whole)).max() <= 1  # at most Qt's rounding where clipped


def test_the_opaque_inner_picture_covers_most_of_the_frame_late_in_a_zoom(qapp):
    from keta_viz.scene.picture import canvas_transform, spot_transform, zoom_transform
    from keta_viz.scene.scales import FEATHER, covered

    view = canvas_transform(W, H)
    for spot in (brain.SPOT["ketamine"], circuit.SPOT):
        areas = []
        for f in (0.75, 0.95):
            frame = view.inverted()[0] * spot_transform(spot) * zoom_transform(spot, f) * view
            box = covered(frame, W, H, FEATHER * H * (1 - f))
            assert QRectF(0, 0, W, H).contains(QRectF(box))
            areas.append(box.width() * box.height())
        assert 0 < areas[0] < areas[1] and areas[1] > 0.5 * W * H


@pytest.mark.parametrize("strength", [0.0, 0.3, 1.0])
def test_a_lit_region_is_its_tint_and_its_glow_in_one_fill(qapp, strength):
    from PySide6.QtCore import Qt

    from keta_viz.scene.palette import palette
    from keta_viz.scene.picture import alpha, canvas_transform, glow

    pal = palette("screen")
    region, colour = brain.pfc_region(), pal.glutamate

    def drawn(paint):
        img = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(pal.background_top)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setTransform(canvas_transform(W, H))
        paint(p)
        p.end()
        return pixels(img)

    def two_steps(p):  # the tint, then the glow clipped to the region
        p.fillPath(region, alpha(colour, 0.06 + 0.22 * strength))
        p.setClipPath(region, Qt.ClipOperation.IntersectClip)
        rect = region.boundingRect()
        glow(p, colour, brain.PFC_C, rect.width() * 0.55, rect.height() * 0.55, strength)

    one = drawn(lambda p: brain.light_region(p, region, colour, brain.PFC_C, strength))
    two = drawn(two_steps)
    diff = np.abs(one - two)
    assert np.percentile(diff, 99.5) <= 3 and diff.mean() < 0.2  # the same but for rounding and the rim
    assert np.abs(one - drawn(lambda p: None)).max() > 10  # and it does light the region


def test_a_lit_region_filling_the_frame_is_drawn_as_its_outline_would_draw_it(qapp):
    """Zoomed into the PFC, its light is filled as a rectangle: the same pixels as the outline."""
    from PySide6.QtCore import QPointF

    from keta_viz.scene.palette import palette
    from keta_viz.scene.picture import canvas_transform, zoom_transform

    pal, region = palette("screen"), brain.pfc_region()
    for f, whole in ((0.85, True), (0.3, False)):
        zoom = zoom_transform(brain.SPOT["ketamine"], f)
        corners = [zoom.inverted()[0].map(QPointF(x, y)) for x in (0, 1600) for y in (0, 900)]
        assert all(region.contains(c) for c in corners) == whole

        def drawn(paint):
            img = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
            img.fill(pal.background_top)
            p = QPainter(img)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setTransform(zoom * canvas_transform(W, H))
            paint(p)
            p.end()
            return pixels(img)

        for strength in (0.0, 0.7):
            lit = drawn(lambda p: brain.light_region(p, region, pal.glutamate, brain.PFC_C, strength))
            traced = drawn(lambda p: p.fillPath(region, brain.region_brush(region, pal.glutamate, brain.PFC_C,
                                                                               strength)))
            assert np.abs(lit - traced).max() <= 1 and np.abs(lit - pixels_of(pal.background_top)).max() > 3
