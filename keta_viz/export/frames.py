"""Frames for export: the scene (or compare pair) with an optional burned-in caption band, and
the disclaimer on a video's first and last seconds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter

from ..content import load_content
from ..content.captions import compare_caption, video_caption
from ..model import StoryAxis, Timeline
from ..model.story_axis import STORY_SECONDS_AT_1X
from ..model.tour import SYNAPSE, tour_scale
from ..scene.camera import WHOLE, story_camera
from ..scene.palette import palette
from ..scene.render import compare_image, scene_image
from ..scene.synapse import Style, scene_font

NOTICE_SECONDS = 3.0  # the disclaimer shows this long at the start and at the end of a video
NOTICE_ALIGN = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


@dataclass(frozen=True)
class FrameSpec:
    """What every exported frame shows."""

    timelines: tuple[Timeline, ...]
    width: int
    height: int
    style: Style
    captions: bool = False
    seed: int = 0
    scale: float | None = SYNAPSE  # brain 0 ... synapse 2; None follows the story (tour_scale, story_camera)

    @property
    def axis(self) -> StoryAxis:
        """The story axis spanning the longest scenario."""
        return StoryAxis.for_timelines(self.timelines)


def caption_text(spec: FrameSpec, t_hours: float) -> str:
    """The caption burned into a frame: time, stage and (compare) both sides."""
    content = load_content(spec.style.lang)
    if len(spec.timelines) == 2:
        return compare_caption(content, spec.timelines[0], spec.timelines[1], t_hours)
    return video_caption(content, spec.timelines[0], t_hours)


def render_export_frame(spec: FrameSpec, t_hours: float, phase: float, notice: bool = False) -> QImage:
    """One exported frame at model time t and animation phase; `notice` adds the disclaimer.
    Following the story (no scale given), the scale and the camera are the story's at t, as in
    the window while it follows the story (the first timeline's, for both compare panes; an
    export has no reduced motion, so the camera eases); at a given scale, the whole picture."""
    band = round(spec.height * 0.16) if spec.captions else 0
    h = spec.height - band
    story = spec.timelines[0]
    scale = tour_scale(story, t_hours) if spec.scale is None else spec.scale
    camera = story_camera(story, t_hours) if spec.scale is None else WHOLE
    if len(spec.timelines) == 2:
        img = compare_image(spec.timelines[0], spec.timelines[1], t_hours, spec.width, h, spec.style, phase, spec.seed,
                            scale, camera)
    else:
        img = scene_image(story, t_hours, spec.width, h, spec.style, phase, spec.seed, scale, camera)
    if band:
        img = _with_caption(img, spec, t_hours, band)
    if notice:
        draw_notice(img, spec.style, h)
    return img


def notice_rect(width: int, bottom: int, pixel_size: int, text: str) -> QRect:
    """Where the disclaimer strip sits: full width, ending at `bottom`, tall enough for `text`."""
    pad = round(pixel_size * 0.6)
    fm = QFontMetrics(scene_font(pixel_size))
    text_h = fm.boundingRect(QRect(0, 0, width - 2 * pad, 10 * bottom), NOTICE_ALIGN, text).height()
    return QRect(0, bottom - text_h - 2 * pad, width, text_h + 2 * pad)


def draw_notice(img: QImage, style: Style, bottom: int) -> None:
    """Paint the disclaimer ('An educational illustration, not medical advice…') as a strip
    across the picture just above `bottom`: legible on any frame, never covering the caption."""
    text = load_content(style.lang).ui["about"]["disclaimer"]
    pal = palette(style.palette)
    px = max(9, round(img.height() * 0.028))
    rect = notice_rect(img.width(), bottom, px, text)
    shade = QColor(pal.background_bottom)
    shade.setAlpha(240)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillRect(rect, shade)
    p.setPen(pal.ink)
    p.setFont(scene_font(px))
    p.drawText(rect.adjusted(round(px * 0.6), 0, -round(px * 0.6), 0), NOTICE_ALIGN, text)
    p.end()


def video_frames(spec: FrameSpec, times: list[float], fps: int) -> Iterator[QImage]:
    """Every frame of a video at these model times; the first and last NOTICE_SECONDS carry
    the disclaimer (a short video carries it throughout)."""
    edge = round(NOTICE_SECONDS * fps)
    for i, t in enumerate(times):
        yield render_export_frame(spec, t, i / fps, notice=i < edge or i >= len(times) - edge)


def _with_caption(img: QImage, spec: FrameSpec, t_hours: float, band: int) -> QImage:
    """The frame with the caption band under it."""
    h = spec.height - band
    pal = palette(spec.style.palette)
    out = QImage(spec.width, spec.height, QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(pal.background_bottom)
    p = QPainter(out)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.drawImage(0, 0, img)
    line = QColor(pal.ink_soft)
    line.setAlpha(120)
    p.setPen(line)
    p.drawLine(0, h, spec.width, h)
    p.setPen(pal.ink)
    margin = band * 0.15
    box = QRectF(margin, h + margin * 0.6, spec.width - 2 * margin, band - margin)
    text = caption_text(spec, t_hours)
    p.setFont(caption_font(text, box))
    p.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, text)
    p.end()
    return out


def caption_font(text: str, box: QRectF):
    """The caption font: a fifth of the band high, smaller (down to 60 %) when a long caption
    (or a longer language) would not otherwise fit the band."""
    full = box.height() / 0.85 * 0.2
    for scale in (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6):
        font = scene_font(full * scale)
        wrapped = QFontMetrics(font).boundingRect(QRect(0, 0, int(box.width()), 100_000), Qt.TextFlag.TextWordWrap, text)
        if wrapped.height() <= box.height():
            break
    return font


def stage_moment(tl: Timeline, stage) -> float:
    """The time that shows a stage: the middle of it on the story axis (the first stage, the
    synapse before treatment, at t = 0)."""
    if stage.index == 0:
        return 0.0
    axis = StoryAxis.for_timelines([tl])
    return axis.to_t((axis.to_u(stage.start) + axis.to_u(stage.end)) / 2)


def telling_moment(tl: Timeline) -> float:
    """A snapshot's default time: the moment of the family's telling stage."""
    from ..model.families import FAMILIES

    return stage_moment(tl, next(s for s in tl.stages if s.id == FAMILIES[tl.scenario.family].TELLING_STAGE))


def story_times(axis: StoryAxis, t_from: float, t_to: float, fps: int) -> list[float]:
    """Model times of each video frame: playback at 1x along the story axis (90 s for a story)."""
    u0, u1 = axis.to_u(t_from), axis.to_u(t_to)
    n = max(2, round(abs(u1 - u0) * STORY_SECONDS_AT_1X * fps))
    return [axis.to_t(u0 + (u1 - u0) * i / (n - 1)) for i in range(n)]
