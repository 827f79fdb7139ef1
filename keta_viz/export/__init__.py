"""Export: PNG snapshot, MP4/GIF of the story, PDF handout -- rendered offline through scene/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage

from ..model import Timeline
from ..model.tour import SYNAPSE
from ..safe_write import WriteError, check_target, temp_path_for
from ..scene.synapse import Style
from .checks import check_gif, check_mp4, check_pdf, check_png
from .frames import FrameSpec, render_export_frame, story_times, video_frames
from .video import ExportCancelled, write_gif, write_mp4

KINDS = ("png", "mp4", "gif", "pdf")
DEFAULT_SIZE = {"png": (1920, 1080), "mp4": (1920, 1080), "gif": (800, 450), "pdf": (1920, 1080)}
DEFAULT_FPS = {"mp4": 30, "gif": 12}

Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


@dataclass
class ExportRequest:
    """Everything one export needs."""

    timelines: tuple[Timeline, ...]
    out: Path
    t_at: float = 0.0
    t_from: float = 0.0
    t_to: float | None = None
    size: tuple[int, int] | None = None
    fps: int | None = None
    style: Style = field(default_factory=Style)
    captions: bool = False
    force: bool = False
    seed: int = 0
    drawing: QImage | None = None  # the clinician's pen strokes (GUI), for the handout
    scale: float | None = None  # brain 0 ... synapse 2; None: synapse in a still, the story tour in a video

    @property
    def kind(self) -> str:
        """png, mp4, gif or pdf, from the file name."""
        return self.out.suffix.lower().lstrip(".")


def validate(req: ExportRequest) -> None:
    """Raise ValueError (one line) for a request that cannot be exported."""
    if req.kind not in KINDS:
        raise ValueError(f"{req.out}: unknown file type; use .png, .mp4, .gif or .pdf")
    w, h = req.size or DEFAULT_SIZE[req.kind]
    if req.kind == "mp4" and (w % 2 or h % 2):
        raise ValueError(f"MP4 needs an even width and height (got {w}x{h})")
    fps = DEFAULT_FPS.get(req.kind, 30) if req.fps is None else req.fps
    if not 1 <= fps <= 60:
        raise ValueError(f"--fps {fps} is outside 1-60")
    end = max(tl.end for tl in req.timelines)
    t_to = end if req.t_to is None else req.t_to
    if req.kind in ("mp4", "gif") and not 0 <= req.t_from < t_to <= end + 1e-9:
        raise ValueError(f"--from/--to must satisfy 0 <= from < to <= {end / 24:g} days")


def save_png(img: QImage, target: Path) -> None:
    """Encode in memory (so a write error is ours to report, not libpng's), then write safely."""
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not img.save(buf, "PNG"):
        raise WriteError(f"{target}: could not encode the PNG", "encode_failed", path=str(target))
    with temp_path_for(target, lambda tmp: check_png(tmp, (img.width(), img.height()), target)) as tmp:
        with open(tmp, "wb") as f:
            f.write(buf.data().data())


def run_export(req: ExportRequest, progress: Progress = lambda done, total: True) -> Path:
    """Write the export atomically; raise ExportCancelled, WriteError or ValueError."""
    validate(req)
    target = check_target(req.out, req.force)
    w, h = req.size or DEFAULT_SIZE[req.kind]
    still = SYNAPSE if req.scale is None else req.scale
    spec = FrameSpec(tuple(req.timelines), w, h, req.style, req.captions, req.seed,
                     req.scale if req.kind in ("mp4", "gif") else still)
    if req.kind == "png":
        save_png(render_export_frame(spec, req.t_at, 0.0), target)
        progress(1, 1)
    elif req.kind == "pdf":
        from .handout import write_handout

        with temp_path_for(target, lambda tmp: check_pdf(tmp, target)) as tmp:
            try:
                write_handout(tmp, req.timelines[0], drawing=req.drawing, lang=req.style.lang, scale=still)
            except WriteError as exc:
                raise WriteError(f"{target}: {exc}", exc.kind, **{**exc.params, "path": str(target)}) from None
        progress(1, 1)
    else:
        fps = DEFAULT_FPS[req.kind] if req.fps is None else req.fps
        end = max(tl.end for tl in req.timelines)
        times = story_times(spec.axis, req.t_from, end if req.t_to is None else req.t_to, fps)
        frames = video_frames(spec, times, fps)
        writer = write_mp4 if req.kind == "mp4" else write_gif
        check = ((lambda tmp: check_mp4(tmp, len(times), target)) if req.kind == "mp4"
                 else (lambda tmp: check_gif(tmp, target)))
        import av

        with temp_path_for(target, check) as tmp:
            try:
                writer(tmp, frames, len(times), fps, progress)
            except av.FFmpegError as exc:
                reason = getattr(exc, "strerror", None) or exc.__class__.__name__
                raise WriteError(f"{target}: the encoder failed ({reason})", "encode_failed",
                                 path=str(target)) from None
    return target


__all__ = ["ExportCancelled", "ExportRequest", "KINDS", "run_export", "save_png", "validate"]
