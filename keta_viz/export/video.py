"""MP4 (H.264, yuv420p) and GIF (palettes from Pillow), both encoded as a stream through PyAV."""

from __future__ import annotations

from fractions import Fraction

from pathlib import Path
from typing import Callable, Iterable

import numpy as np
from PySide6.QtGui import QImage


class ExportCancelled(Exception):
    """The user cancelled; the partial file has been removed."""


def bgra(img: QImage) -> np.ndarray:
    """(H, W, 4) BGRA view-copy of an ARGB32 image."""
    img = img.convertToFormat(QImage.Format.Format_ARGB32)
    a = np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes())
    return a.reshape(img.height(), img.bytesPerLine() // 4, 4)[:, : img.width()].copy()


def _encode(path: Path, container_format: str, codec: str, frames: Iterable[QImage], count: int, fps: int,
            progress: Callable[[int, int], bool], configure, frame_of) -> None:
    """Stream frames into one video stream: configure(stream) once, frame_of(i, image) -> an
    av.VideoFrame each; progress(done, total) returns False to cancel."""
    import av

    with av.open(str(path), mode="w", format=container_format) as container:
        stream = None
        for i, img in enumerate(frames):
            if stream is None:
                stream = container.add_stream(codec, rate=fps)
                stream.width, stream.height = img.width(), img.height()
                configure(stream)
            for packet in stream.encode(frame_of(i, img)):
                container.mux(packet)
            if not progress(i + 1, count):
                raise ExportCancelled()
        for packet in stream.encode():
            container.mux(packet)


def write_mp4(path: Path, frames: Iterable[QImage], count: int, fps: int,
              progress: Callable[[int, int], bool]) -> None:
    """Encode frames as H.264/yuv420p; progress(done, total) returns False to cancel."""
    import av

    def configure(stream) -> None:
        stream.pix_fmt = "yuv420p"
        stream.options = {"preset": "veryfast", "crf": "20"}

    _encode(path, "mp4", "libx264", frames, count, fps, progress, configure,
            lambda _i, img: av.VideoFrame.from_ndarray(bgra(img), format="bgra"))


GIF_TIME_BASE = Fraction(1, 100)


def write_gif(path: Path, frames: Iterable[QImage], count: int, fps: int,
              progress: Callable[[int, int], bool]) -> None:
    """Palette GIF that loops forever, streamed frame by frame (memory stays flat);
    progress(done, total) returns False to cancel."""
    import av
    from PIL import Image

    def configure(stream) -> None:
        stream.pix_fmt = "pal8"
        stream.codec_context.time_base = stream.time_base = GIF_TIME_BASE

    def frame_of(i: int, img: QImage):
        rgb = np.ascontiguousarray(bgra(img)[:, :, 2::-1])
        quant = Image.fromarray(rgb).quantize(colors=128, method=Image.Quantize.MEDIANCUT)
        colours = np.frombuffer(bytes(quant.getpalette()[:768]), np.uint8).reshape(-1, 3)
        palette = np.zeros((256, 4), np.uint8)
        palette[:, 0] = 255
        palette[: len(colours), 1:] = colours
        frame = av.VideoFrame.from_ndarray((np.asarray(quant), palette), format="pal8")
        # GIF delays are whole centiseconds: place each frame on that clock so the delays
        # alternate (8, 8, 9 cs at 12 fps) and the video lasts as long as the story
        frame.pts, frame.time_base = round(i / fps / GIF_TIME_BASE), GIF_TIME_BASE
        return frame

    _encode(path, "gif", "gif", frames, count, fps, progress, configure, frame_of)
