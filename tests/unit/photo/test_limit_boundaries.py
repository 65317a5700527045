"""Photo limits with a number in them, at the limit and one unit past it: the card photo's
file size (14–40 KB), the source file's byte limit, its pixel count and longest side. The
geometry limits and the minimum source size have theirs in test_checks.py and
test_minimum_size.py."""

from __future__ import annotations

import pytest

from counter_app.devices.photo.checks import check_file_size
from counter_app.devices.photo.decode import check_dimensions, decode_image
from counter_app.domain.photo import KB, PhotoFileError, PhotoSpec

SPEC = PhotoSpec()


def test_the_defaults_are_the_documented_numbers() -> None:
    assert (SPEC.file_size_min_bytes, SPEC.file_size_max_bytes) == (14 * KB, 40 * KB)
    assert (SPEC.source_max_pixels, SPEC.source_max_side_px) == (40_000_000, 12_000)
    assert SPEC.source_max_bytes == 30 * 1024 * KB


@pytest.mark.parametrize("size, ok, word", [
    (14 * KB - 1, False, "小于"),
    (14 * KB, True, "之间"),
    (40 * KB, True, "之间"),
    (40 * KB + 1, False, "大于"),
])
def test_card_photo_file_size_at_each_end(size: int, ok: bool, word: str) -> None:
    check = check_file_size(bytes(size), SPEC)
    assert check.passed is ok and word in check.message_zh
    assert check.measured["bytes"] == size


@pytest.mark.parametrize("width, height, ok", [
    (12_000, 3_333, True),          # the longest side at its limit, under the pixel limit
    (12_001, 100, False),           # one pixel over on the width
    (100, 12_001, False),           # and on the height
    (8_000, 5_000, True),           # exactly 40 million pixels
    (8_000, 5_001, False),          # 8,000 more than the pixel limit
])
def test_source_dimensions_at_each_limit(width: int, height: int, ok: bool) -> None:
    if ok:
        check_dimensions(width, height, SPEC)
        return
    with pytest.raises(PhotoFileError) as refused:
        check_dimensions(width, height, SPEC)
    assert refused.value.code == "PHOTO_TOO_LARGE" and f"{width}×{height}" in refused.value.message_zh


@pytest.mark.parametrize("width, height", [(0, 441), (358, 0)])
def test_a_zero_side_is_corrupt(width: int, height: int) -> None:
    with pytest.raises(PhotoFileError) as refused:
        check_dimensions(width, height, SPEC)
    assert refused.value.code == "PHOTO_CORRUPT"


def test_the_source_byte_limit_is_checked_before_anything_is_decoded() -> None:
    spec = PhotoSpec(source_max_bytes=1000)
    # at the limit the bytes pass the size check and fail later, as garbage, on their format
    with pytest.raises(PhotoFileError) as at_limit:
        decode_image(b"\x00" * 1000, spec)
    assert at_limit.value.code == "PHOTO_FORMAT"
    with pytest.raises(PhotoFileError) as over:
        decode_image(b"\x00" * 1001, spec)
    assert over.value.code == "PHOTO_TOO_LARGE"
