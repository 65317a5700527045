"""A source smaller than the card photo is refused: enlarging it would only make it blurred."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from counter_app.devices.photo import prepare_frame, prepare_photo
from counter_app.domain.photo import PhotoFileError, PhotoSpec
from tests.unit.photo.conftest import jpeg, png


def resized(pixels: np.ndarray, width: int, height: int) -> np.ndarray:
    return np.array(Image.fromarray(pixels).resize((width, height), Image.Resampling.LANCZOS))


@pytest.mark.parametrize("encode", [jpeg, png])
def test_a_50_by_62_photo_is_refused_with_the_minimum(portrait_pixels: np.ndarray, encode) -> None:
    thumbnail = encode(resized(portrait_pixels, 50, 62))
    with pytest.raises(PhotoFileError) as info:
        prepare_photo(thumbnail)
    assert info.value.code == "PHOTO_TOO_SMALL"
    message = info.value.message_zh
    assert "50×62" in message and "358×441" in message  # what it is and what is needed
    assert "分辨率" in message and "重新拍摄" in message  # what to do


@pytest.mark.parametrize(("width", "height"), [(357, 441), (358, 440), (441, 358), (320, 240)])
def test_a_frame_smaller_than_the_spec_on_either_side_is_refused(width: int, height: int) -> None:
    with pytest.raises(PhotoFileError) as info:
        prepare_frame(np.full((height, width, 3), 255, np.uint8))
    assert info.value.code == "PHOTO_TOO_SMALL"
    assert f"{width}×{height}" in info.value.message_zh


def test_a_studio_file_of_exactly_the_card_size_is_accepted(portrait_pixels: np.ndarray) -> None:
    # Studios hand out 358×441 files: the commonest import must still work.
    studio = resized(portrait_pixels, 358, 441)
    prepared = prepare_photo(jpeg(studio, quality=90))
    assert prepared.report.ok, [c.message_zh for c in prepared.report.failures]


def test_the_minimum_follows_the_branch_profile(portrait_pixels: np.ndarray) -> None:
    spec = PhotoSpec.from_config({"width_px": 390, "height_px": 567, "eye_mid_x_min_px": 170,
                                  "eye_mid_x_max_px": 220})
    with pytest.raises(PhotoFileError) as info:
        prepare_photo(jpeg(resized(portrait_pixels, 358, 441)), spec)
    assert "390×567" in info.value.message_zh
