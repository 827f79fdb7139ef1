"""MP4 (H.264, yuv420p, through PyAV) and GIF (through Pillow) from rendered frames."""

from __future__ import annotations

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


def write_gif(path: Path, frames: Iterable[QImage], count: int, fps: int,
              progress: Callable[[int, int], bool]) -> None:
    """Palette GIF that loops forever; progress(done, total) returns False to cancel."""
    from PIL import Image

    images = []
    for i, img in enumerate(frames):
        rgb = bgra(img)[:, :, 2::-1]
        images.append(Image.fromarray(np.ascontiguousarray(rgb)).quantize(colors=128, method=Image.Quantize.MEDIANCUT))
        if not progress(i + 1, count):
            raise ExportCancelled()
    images[0].save(path, format="GIF", save_all=True, append_images=images[1:], loop=0,
                   duration=round(1000 / fps), optimize=False)
