"""Test photos: one real portrait is shipped; every other case is derived from it here."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from counter_app.devices.photo import decode_file, prepare_photo
from counter_app.devices.photo.encode import encode_jpeg
from counter_app.domain.photo import PhotoSpec

PHOTOS = Path(__file__).resolve().parents[2] / "data" / "photos"
PORTRAIT = PHOTOS / "portrait.jpg"
ID_BLUE = (67, 142, 219)  # the blue background studios use for other ID photos


def jpeg(pixels: np.ndarray, *, quality: int = 70, dpi: int = 350) -> bytes:
    return encode_jpeg(pixels, quality=quality, dpi=dpi)


def png(pixels: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG")
    return buffer.getvalue()


def pixels_of(data: bytes) -> np.ndarray:
    return np.array(Image.open(io.BytesIO(data)).convert("RGB"))


def shifted(pixels: np.ndarray, dx: int = 0, dy: int = 0) -> np.ndarray:
    """Move the picture, filling with white (the background)."""
    out = np.full_like(pixels, 255)
    h, w = pixels.shape[:2]
    src = pixels[max(0, -dy) : h - max(0, dy), max(0, -dx) : w - max(0, dx)]
    out[max(0, dy) : max(0, dy) + src.shape[0], max(0, dx) : max(0, dx) + src.shape[1]] = src
    return out


def recoloured_background(pixels: np.ndarray, colour: tuple[int, int, int]) -> np.ndarray:
    """Flood the white background (connected to the top corners) with a colour."""
    out = pixels.copy()
    h, w = out.shape[:2]
    mask = np.zeros((h + 2, w + 2), np.uint8)
    for seed in ((0, 0), (w - 1, 0)):
        cv2.floodFill(out, mask, seed, colour, (12, 12, 12), (12, 12, 12),
                      flags=4 | cv2.FLOODFILL_FIXED_RANGE)
    return out


@pytest.fixture(scope="session")
def spec() -> PhotoSpec:
    return PhotoSpec()


@pytest.fixture(scope="session")
def portrait_bytes() -> bytes:
    return PORTRAIT.read_bytes()


@pytest.fixture(scope="session")
def portrait_pixels() -> np.ndarray:
    return decode_file(PORTRAIT).pixels


@pytest.fixture(scope="session")
def good_jpeg(portrait_bytes: bytes) -> bytes:
    """The shipped portrait through the real pipeline: the reference good card photo."""
    return prepare_photo(portrait_bytes).jpeg


@pytest.fixture(scope="session")
def good_pixels(good_jpeg: bytes) -> np.ndarray:
    return pixels_of(good_jpeg)
