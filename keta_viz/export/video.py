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


def write_mp4(path: Path, frames: Iterable[QImage], count: int, fps: int,
              progress: Callable[[int, int], bool]) -> None:
    """Encode frames as H.264/yuv420p; progress(done, total) returns False to cancel."""
    import av

    with av.open(str(path), mode="w", format="mp4") as container:
        stream = None
        for i, img in enumerate(frames):
            if stream is None:
                stream = container.add_stream("libx264", rate=fps)
                stream.width, stream.height = img.width(), img.height()
                stream.pix_fmt = "yuv420p"
                stream.options = {"preset": "veryfast", "crf": "20"}
            frame = av.VideoFrame.from_ndarray(bgra(img), format="bgra")
            for packet in stream.encode(frame):
                container.mux(packet)
            if not progress(i + 1, count):
                raise ExportCancelled()
        for packet in stream.encode():
            container.mux(packet)


GIF_TIME_BASE = Fraction(1, 100)


def write_gif(path: Path, frames: Iterable[QImage], count: int, fps: int,
              progress: Callable[[int, int], bool]) -> None:
    """Palette GIF that loops forever, streamed frame by frame (memory stays flat);
    progress(done, total) returns False to cancel."""
    import av
    from PIL import Image

    with av.open(str(path), mode="w", format="gif") as container:
        stream = None
        for i, img in enumerate(frames):
            if stream is None:
                stream = container.add_stream("gif", rate=fps)
                stream.width, stream.height = img.width(), img.height()
                stream.pix_fmt = "pal8"
                stream.codec_context.time_base = stream.time_base = GIF_TIME_BASE
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
            for packet in stream.encode(frame):
                container.mux(packet)
            if not progress(i + 1, count):
                raise ExportCancelled()
        for packet in stream.encode():
            container.mux(packet)
