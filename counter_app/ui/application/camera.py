"""The counter camera through Qt Multimedia, as a :class:`FrameSource` for the photo layer.

The camera named in the branch profile (``[photo] camera``, matched against the device
description or id) or else the first one is used. It keeps its latest frame; ``grab()``
hands a copy to the worker that prepares the photo. Without a camera (or without Qt
Multimedia) the caller falls back to the file camera.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from counter_app.devices.photo import CameraError
from counter_app.ui.i18n import tr
from counter_app.ui.widgets import qimage_to_rgb

log = logging.getLogger(__name__)


def camera_devices() -> list[Any]:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:  # PySide6-Essentials without Qt Multimedia
        return []
    return list(QMediaDevices.videoInputs())


class QtCameraSource(QObject):
    """A live camera: preview frames as a signal, the latest frame on ``grab()``."""

    sig_frame = Signal(QImage)

    def __init__(self, device: Any) -> None:
        super().__init__()
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QVideoSink

        self.device = device
        self.camera = QCamera(device)
        self.session = QMediaCaptureSession()
        self.sink = QVideoSink()
        self.session.setCamera(self.camera)
        self.session.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self._on_frame)
        self.camera.errorOccurred.connect(self._on_error)
        self._latest: QImage | None = None
        self._error: str | None = None
        self._lock = threading.Lock()
        self.camera.start()

    @property
    def name(self) -> str:
        return str(self.device.description())

    def _on_frame(self, frame: Any) -> None:
        image = frame.toImage()
        if image.isNull():
            return
        with self._lock:
            self._latest = image
        self.sig_frame.emit(image)

    def _on_error(self, _error: Any, text: str) -> None:
        log.warning("camera error: %s", type(_error).__name__)
        self._error = text

    def grab(self) -> Any:
        with self._lock:
            image = self._latest
        if image is None:
            raise CameraError(tr("摄像头还没有画面，请检查摄像头连接后重试，或从文件导入照片。"),
                              code="CAMERA_NO_FRAME")
        return qimage_to_rgb(image)

    def close(self) -> None:
        self.camera.stop()


def open_camera(wanted: str) -> QtCameraSource | None:
    """The profile's camera (by description or id), else the first; None without cameras."""
    devices = camera_devices()
    if not devices:
        return None
    chosen = devices[0]
    if wanted:
        for d in devices:
            if wanted in (d.description(), bytes(d.id().data()).decode(errors="replace")):
                chosen = d
                break
    try:
        return QtCameraSource(chosen)
    except Exception as exc:  # a camera that fails to open must not stop the application
        log.warning("camera unavailable: %s", type(exc).__name__)
        return None
