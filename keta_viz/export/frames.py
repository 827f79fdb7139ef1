"""Frames for export: the scene (or compare pair) with an optional burned-in caption band."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from ..content import load_content
from ..content.captions import compare_caption
from ..model import StoryAxis, Timeline
from ..model.story_axis import STORY_SECONDS_AT_1X
from ..scene.palette import palette
from ..scene.render import compare_image, scene_image
from ..scene.synapse import Style, scene_font


@dataclass(frozen=True)
class FrameSpec:
    """What every exported frame shows."""

    timelines: tuple[Timeline, ...]
    width: int
    height: int
    style: Style
    captions: bool = False
    seed: int = 0

    @property
    def axis(self) -> StoryAxis:
        """The story axis spanning the longest scenario."""
        return StoryAxis.for_families(max(tl.end for tl in self.timelines),
                                      {tl.scenario.family for tl in self.timelines})


def caption_text(spec: FrameSpec, t_hours: float) -> str:
    """The caption burned into a frame: time, stage and (compare) both sides."""
    content = load_content(spec.style.lang)
    if len(spec.timelines) == 2:
        return compare_caption(content, spec.timelines[0], spec.timelines[1], t_hours)
    tl = spec.timelines[0]
    stage = content.stage(tl.scenario.drug, tl.stage_at(t_hours).id)
    return f"{content.time_in_words(t_hours, tl.scenario.family)} — {stage.title}: {stage.plain}"


def render_export_frame(spec: FrameSpec, t_hours: float, phase: float) -> QImage:
    """One exported frame at model time t and animation phase."""
    band = round(spec.height * 0.16) if spec.captions else 0
    h = spec.height - band
    if len(spec.timelines) == 2:
        img = compare_image(spec.timelines[0], spec.timelines[1], t_hours, spec.width, h, spec.style, phase, spec.seed)
    else:
        img = scene_image(spec.timelines[0], t_hours, spec.width, h, spec.style, phase, spec.seed)
    if not band:
        return img
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
    p.setFont(scene_font(band * 0.2))
    margin = band * 0.15
    p.drawText(QRectF(margin, h + margin * 0.6, spec.width - 2 * margin, band - margin),
               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
               caption_text(spec, t_hours))
    p.end()
    return out


def story_times(axis: StoryAxis, t_from: float, t_to: float, fps: int) -> list[float]:
    """Model times of each video frame: playback at 1x along the story axis (90 s for a story)."""
    u0, u1 = axis.to_u(t_from), axis.to_u(t_to)
    n = max(2, round(abs(u1 - u0) * STORY_SECONDS_AT_1X * fps))
    return [axis.to_t(u0 + (u1 - u0) * i / (n - 1)) for i in range(n)]
