"""Where frames come from: a camera, or image files standing in for one.

The protocol is small on purpose: the Qt camera (in ``ui/``) keeps its latest frame and
hands it out through :meth:`FrameSource.grab`; everything below the UI only needs that.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from counter_app.devices.photo.decode import RGBImage, decode_file
from counter_app.domain.errors import CounterError
from counter_app.domain.photo import PhotoFileError, PhotoSpec
from counter_app.domain.texts import QT_TR_NOOP, zh

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")


class CameraError(CounterError):
    code = "CAMERA_ERROR"


@runtime_checkable
class FrameSource(Protocol):
    """A camera as the photo step sees it."""

    @property
    def name(self) -> str:
        """Shown to the teller (e.g. the camera's description or the folder)."""
        ...

    def grab(self) -> RGBImage:
        """The current frame: RGB, uint8, shape (height, width, 3). Raises CameraError."""
        ...

    def close(self) -> None: ...


class FileCameraSource:
    """Frames from image files, in order; loops by default like a live camera would keep
    delivering. Files are decoded with the same safe decoder as imports."""

    def __init__(
        self,
        paths: Sequence[str | Path],
        *,
        loop: bool = True,
        spec: PhotoSpec | None = None,
        name: str | None = None,
    ) -> None:
        if not paths:
            raise CameraError(QT_TR_NOOP("模拟摄像头没有可用的图片文件。"), code="CAMERA_NO_FRAMES")
        self._paths = tuple(Path(p) for p in paths)
        self._loop = loop
        self._spec = spec or PhotoSpec()
        self._name = name or zh("文件摄像头（{folder}）", folder=self._paths[0].parent.name or ".")
        self._index = 0
        self._closed = False
        self._cache: dict[Path, RGBImage] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_directory(
        cls, directory: str | Path, *, loop: bool = True, spec: PhotoSpec | None = None, name: str | None = None,
    ) -> FileCameraSource:
        folder = Path(directory)
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        if not paths:
            raise CameraError(
                zh("文件夹“{folder}”中没有 JPEG 或 PNG 图片，模拟摄像头无法工作。", folder=folder.name),
                code="CAMERA_NO_FRAMES",
            )
        return cls(paths, loop=loop, spec=spec, name=name)

    @property
    def name(self) -> str:
        return self._name

    @property
    def paths(self) -> tuple[Path, ...]:
        return self._paths

    def grab(self) -> RGBImage:
        with self._lock:
            if self._closed:
                raise CameraError(QT_TR_NOOP("摄像头已关闭。"), code="CAMERA_CLOSED")
            if self._index >= len(self._paths):
                if not self._loop:
                    raise CameraError(QT_TR_NOOP("模拟摄像头的图片已用完。"), code="CAMERA_NO_FRAMES")
                self._index = 0
            path = self._paths[self._index]
            self._index += 1
            frame = self._cache.get(path)
            if frame is None:
                try:
                    frame = decode_file(path, self._spec).pixels
                except PhotoFileError as exc:
                    raise CameraError(
                        zh("模拟摄像头无法读取图片：{problem}", problem=exc.message_zh), code="CAMERA_BAD_FRAME"
                    ) from exc
                self._cache[path] = frame
            return frame.copy()

    def frames(self) -> Iterator[RGBImage]:
        """Every remaining frame once (does not loop)."""
        while True:
            with self._lock:
                remaining = self._index < len(self._paths) and not self._closed
            if not remaining:
                return
            yield self.grab()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._cache.clear()

    def __enter__(self) -> FileCameraSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
