"""From a captured frame or an imported file to a card photo with its check report."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

import numpy as np

from counter_app.devices.photo.checks import check_face_count, check_photo, default_detector
from counter_app.devices.photo.compose import centre_crop, crop_to_spec
from counter_app.devices.photo.decode import (
    DEFAULT_MAX_WORKING_SIDE,
    RGBImage,
    check_dimensions,
    check_minimum_size,
    decode_image,
    limit_side,
)
from counter_app.devices.photo.detect import FaceDetector
from counter_app.devices.photo.encode import encode_to_spec
from counter_app.domain.photo import (
    PhotoCheck,
    PhotoFileError,
    PhotoReport,
    PhotoSpec,
    failed_codes,
)
from counter_app.domain.texts import QT_TR_NOOP

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreparedPhoto:
    """The card photo (JPEG bytes to store and send) and what the checks found."""

    jpeg: bytes
    report: PhotoReport
    quality: int
    cropped_to_face: bool  # False: no single face found, a centre crop was used


def prepare_photo(
    data: bytes, spec: PhotoSpec | None = None, *, detector: FaceDetector | None = None
) -> PreparedPhoto:
    """An imported file or scan: decode safely, then as :func:`prepare_frame`."""
    spec = spec or PhotoSpec()
    return prepare_frame(decode_image(data, spec).pixels, spec, detector=detector)


def prepare_frame(
    pixels: RGBImage, spec: PhotoSpec | None = None, *, detector: FaceDetector | None = None
) -> PreparedPhoto:
    """A camera frame (RGB, uint8, H×W×3): crop around the face, encode, check."""
    spec = spec or PhotoSpec()
    detector = detector or default_detector()
    pixels = _validated_frame(pixels, spec)
    faces = detector.find_faces(pixels)
    one_face = len(faces) == 1
    composed = crop_to_spec(pixels, faces[0], spec) if one_face else centre_crop(pixels, spec)
    encoded = encode_to_spec(composed, spec)
    report = check_photo(encoded.jpeg, spec, detector=detector)
    if len(faces) > 1:
        # the centre crop may cut the people apart; the source is what tells the truth
        report = _with_check(report, check_face_count(faces))
    # codes and sizes only: the photo is personal data
    log.info(
        "photo prepared: faces_in_source=%d bytes=%d quality=%d failed=%s",
        len(faces), encoded.size_bytes, encoded.quality, failed_codes(report.checks),
    )
    return PreparedPhoto(
        jpeg=encoded.jpeg, report=report, quality=encoded.quality, cropped_to_face=one_face
    )


def _validated_frame(pixels: RGBImage, spec: PhotoSpec) -> RGBImage:
    array = np.asarray(pixels)
    if array.ndim != 3 or array.shape[2] != 3 or array.dtype != np.uint8:
        raise PhotoFileError(
            QT_TR_NOOP("摄像头画面格式不正确（应为 8 位 RGB 彩色图像），请检查摄像头设置。"),
            code="PHOTO_FRAME_FORMAT",
        )
    check_dimensions(array.shape[1], array.shape[0], spec)
    check_minimum_size(array.shape[1], array.shape[0], spec)
    longest = max(array.shape[:2])
    if longest > DEFAULT_MAX_WORKING_SIDE:
        return limit_side(np.ascontiguousarray(array), DEFAULT_MAX_WORKING_SIDE)
    return np.ascontiguousarray(array)


def _with_check(report: PhotoReport, check: PhotoCheck) -> PhotoReport:
    checks = tuple(check if c.code == check.code else c for c in report.checks)
    return replace(report, checks=checks)
