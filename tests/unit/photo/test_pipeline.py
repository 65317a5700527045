"""From imported file or frame to the card photo; encoding to the size range; chip copy."""

from __future__ import annotations

import io
import logging

import numpy as np
import pytest
from PIL import Image

from counter_app.devices.photo import chip_copy, encode_to_spec, prepare_frame, prepare_photo
from counter_app.domain.errors import CounterError
from counter_app.domain.photo import PhotoCheckCode, PhotoFileError, PhotoSpec
from tests.unit.photo.conftest import ID_BLUE, jpeg, png, recoloured_background

C = PhotoCheckCode


def test_imported_portrait_becomes_a_card_photo(portrait_bytes: bytes) -> None:
    prepared = prepare_photo(portrait_bytes)
    assert prepared.report.ok, [c.message_zh for c in prepared.report.failures]
    assert prepared.cropped_to_face
    image = Image.open(io.BytesIO(prepared.jpeg))
    assert image.format == "JPEG" and image.mode == "RGB"
    assert image.size == (358, 441)
    assert round(image.info["dpi"][0]) == 350
    assert 14 * 1024 <= len(prepared.jpeg) <= 40 * 1024
    assert "exif" not in image.info


def test_png_import_works_too(portrait_pixels: np.ndarray) -> None:
    assert prepare_photo(png(portrait_pixels)).report.ok


def test_photo_import_logs_no_pixels_or_personal_data(
    portrait_bytes: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        prepare_photo(portrait_bytes)
    text = " ".join(r.getMessage() for r in caplog.records)
    assert "photo prepared" in text
    assert len(text) < 300


def test_source_with_face_far_off_centre_is_recentred(portrait_pixels: np.ndarray) -> None:
    h, w = portrait_pixels.shape[:2]
    canvas = np.full((500 + h, 1200, 3), 255, np.uint8)
    canvas[500 : 500 + h, 50 : 50 + w] = portrait_pixels  # bottom-left corner
    prepared = prepare_frame(canvas)
    assert prepared.report.ok, [c.message_zh for c in prepared.report.failures]


def test_coloured_background_source_is_reported(portrait_pixels: np.ndarray) -> None:
    prepared = prepare_photo(jpeg(recoloured_background(portrait_pixels, ID_BLUE), quality=90))
    assert [c.code for c in prepared.report.failures] == [C.BACKGROUND]


def test_two_people_in_the_source_are_reported_as_two(portrait_pixels: np.ndarray) -> None:
    two = np.concatenate([portrait_pixels, portrait_pixels], axis=1)
    prepared = prepare_photo(jpeg(two, quality=90))
    check = prepared.report.check(C.FACE_COUNT)
    assert check is not None and not check.passed and check.measured["faces"] == 2
    assert not prepared.cropped_to_face


def test_no_face_source_still_gives_a_photo_with_the_reason() -> None:
    landscape = np.full((600, 800, 3), 255, np.uint8)
    landscape[300:] = (40, 120, 40)
    prepared = prepare_frame(landscape)
    assert not prepared.cropped_to_face
    assert Image.open(io.BytesIO(prepared.jpeg)).size == (358, 441)
    assert C.FACE_COUNT in {c.code for c in prepared.report.failures}


@pytest.mark.parametrize(
    "frame",
    [np.zeros((10, 10), np.uint8), np.zeros((10, 10, 4), np.uint8), np.zeros((10, 10, 3), float)],
)
def test_bad_frames_are_refused(frame: np.ndarray) -> None:
    with pytest.raises(PhotoFileError) as info:
        prepare_frame(frame)
    assert info.value.code == "PHOTO_FRAME_FORMAT"


def test_oversized_frame_is_refused() -> None:
    with pytest.raises(PhotoFileError) as info:
        prepare_frame(np.zeros((400, 400, 3), np.uint8), PhotoSpec(source_max_pixels=1000))
    assert info.value.code == "PHOTO_TOO_LARGE"


def test_encoder_lowers_quality_to_fit_a_small_range(good_pixels: np.ndarray) -> None:
    spec = PhotoSpec(file_size_min_bytes=5_000, file_size_max_bytes=12_000)
    encoded = encode_to_spec(good_pixels, spec)
    assert encoded.quality < 70
    assert 5_000 <= encoded.size_bytes <= 12_000


def test_encoder_raises_quality_to_reach_a_minimum(good_pixels: np.ndarray) -> None:
    spec = PhotoSpec(file_size_min_bytes=25_000, file_size_max_bytes=100_000)
    encoded = encode_to_spec(good_pixels, spec)
    assert encoded.quality > 70
    assert encoded.size_bytes >= 25_000


def test_encoder_returns_the_closest_attempt_when_the_range_is_unreachable() -> None:
    blank = np.full((441, 358, 3), 255, np.uint8)
    encoded = encode_to_spec(blank, PhotoSpec())
    assert encoded.quality > PhotoSpec().jpeg_quality  # it tried to add detail
    assert encoded.size_bytes < 14 * 1024


def test_chip_copy_fits_in_4_kb_and_keeps_the_proportions(good_jpeg: bytes) -> None:
    chip = chip_copy(good_jpeg)
    assert len(chip) <= 4096
    image = Image.open(io.BytesIO(chip))
    assert image.format == "JPEG"
    width, height = image.size
    assert abs(width / height - 358 / 441) < 0.01
    assert width >= 100  # still a usable picture


def test_chip_copy_that_cannot_fit_is_an_error(good_jpeg: bytes) -> None:
    with pytest.raises(CounterError) as info:
        chip_copy(good_jpeg, PhotoSpec(chip_max_bytes=200))
    assert info.value.code == "PHOTO_CHIP_TOO_BIG"
