"""JPEG encoding: the card photo within the configured size range, and the chip copy."""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from PIL import Image

from counter_app.devices.photo.decode import RGBImage, decode_image
from counter_app.domain.errors import CounterError
from counter_app.domain.photo import PhotoSpec
from counter_app.domain.texts import zh

QUALITY_STEP = 5


@dataclass(frozen=True)
class EncodedPhoto:
    jpeg: bytes
    quality: int

    @property
    def size_bytes(self) -> int:
        return len(self.jpeg)


def encode_jpeg(pixels: RGBImage, *, quality: int, dpi: int) -> bytes:
    """Baseline JPEG, 24-bit RGB, the given dpi, no metadata (no EXIF, no GPS)."""
    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(pixels)).save(
        buffer, format="JPEG", quality=quality, dpi=(dpi, dpi), optimize=True, subsampling=2
    )
    return buffer.getvalue()


def encode_to_spec(pixels: RGBImage, spec: PhotoSpec) -> EncodedPhoto:
    """Encode at the spec's quality; step the quality down or up within its bounds until the
    file lands in the size range. If it cannot, return the closest attempt: the file-size
    check then tells the teller."""
    quality = spec.jpeg_quality
    data = encode_jpeg(pixels, quality=quality, dpi=spec.dpi)
    best = EncodedPhoto(data, quality)
    step = -QUALITY_STEP if len(data) > spec.file_size_max_bytes else QUALITY_STEP
    while not spec.file_size_min_bytes <= len(data) <= spec.file_size_max_bytes:
        quality += step
        if not spec.jpeg_quality_min <= quality <= spec.jpeg_quality_max:
            break
        data = encode_jpeg(pixels, quality=quality, dpi=spec.dpi)
        if _distance(len(data), spec) < _distance(best.size_bytes, spec):
            best = EncodedPhoto(data, quality)
        if (step < 0 and len(data) < spec.file_size_min_bytes) or (
            step > 0 and len(data) > spec.file_size_max_bytes
        ):
            break  # jumped over a narrow range; the closest attempt is kept
    return best


def _distance(size: int, spec: PhotoSpec) -> int:
    if size < spec.file_size_min_bytes:
        return spec.file_size_min_bytes - size
    if size > spec.file_size_max_bytes:
        return size - spec.file_size_max_bytes
    return 0


CHIP_SCALES = (1.0, 0.8, 0.65, 0.5, 0.4, 0.3)
CHIP_QUALITY_MIN = 20
CHIP_QUALITY_MAX = 75


def chip_copy(jpeg: bytes, spec: PhotoSpec | None = None) -> bytes:
    """Re-encode the card photo for the chip (EF08): a JPEG of at most ``spec.chip_max_bytes``.

    Prefers keeping the resolution and lowering the quality down to a floor; below that
    the picture is reduced step by step, which keeps faces recognisable where very low
    quality would not.
    """
    spec = spec or PhotoSpec()
    pixels = decode_image(jpeg, spec).pixels
    height, width = pixels.shape[:2]
    for scale in CHIP_SCALES:
        if scale == 1.0:
            image = pixels
        else:
            size = (max(1, round(width * scale)), max(1, round(height * scale)))
            image = np.array(
                Image.fromarray(pixels).resize(size, Image.Resampling.LANCZOS), dtype=np.uint8
            )
        found = _highest_quality_within(image, spec.chip_max_bytes, spec.dpi)
        if found is not None:
            return found
    raise CounterError(
        zh("无法把照片压缩到芯片允许的 {max_bytes} 字节以内，请重新采集照片。", max_bytes=spec.chip_max_bytes),
        code="PHOTO_CHIP_TOO_BIG",
    )


def _highest_quality_within(pixels: RGBImage, max_bytes: int, dpi: int) -> bytes | None:
    low, high = CHIP_QUALITY_MIN, CHIP_QUALITY_MAX
    best: bytes | None = None
    while low <= high:  # size grows with quality: binary search the highest that fits
        quality = (low + high) // 2
        data = encode_jpeg(pixels, quality=quality, dpi=dpi)
        if len(data) <= max_bytes:
            best, low = data, quality + 1
        else:
            high = quality - 1
    return best
