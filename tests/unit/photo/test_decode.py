"""Safe decoding: content sniffing, bombs refused from the header, corrupt files explained."""

from __future__ import annotations

import io
import struct
import time
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFile

from counter_app.devices.photo import decode_file, decode_image, prepare_photo, sniff_format
from counter_app.domain.errors import ValidationError
from counter_app.domain.photo import PhotoFileError, PhotoSpec
from tests.unit.photo.conftest import jpeg, png


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb(width: int, height: int) -> bytes:
    """A valid greyscale PNG of all-black rows: tiny on disk, huge once decoded."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (width + 1)  # filter byte + one byte per pixel
    parts = [compressor.compress(row) for _ in range(height)]
    parts.append(compressor.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr)
            + _chunk(b"IDAT", b"".join(parts)) + _chunk(b"IEND", b""))


@pytest.fixture
def no_pixel_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if any pixel data gets decoded."""
    def refuse(self: ImageFile.ImageFile) -> None:
        raise AssertionError("pixels were decoded")
    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


def test_jpeg_and_png_decode_to_rgb(good_pixels: np.ndarray) -> None:
    for data, kind in ((jpeg(good_pixels), "JPEG"), (png(good_pixels), "PNG")):
        decoded = decode_image(data)
        assert decoded.format == kind
        assert decoded.pixels.dtype == np.uint8
        assert decoded.pixels.shape == (441, 358, 3)
        assert decoded.original_size == (358, 441)


def test_format_comes_from_content_not_name(tmp_path: Path, good_pixels: np.ndarray) -> None:
    misnamed = tmp_path / "photo.png"
    misnamed.write_bytes(jpeg(good_pixels))
    assert decode_file(misnamed).format == "JPEG"
    disguised = tmp_path / "photo.jpg"
    buffer = io.BytesIO()
    Image.fromarray(good_pixels).save(buffer, format="BMP")
    disguised.write_bytes(buffer.getvalue())
    with pytest.raises(PhotoFileError) as info:
        decode_file(disguised)
    assert info.value.code == "PHOTO_FORMAT"
    assert "BMP" in info.value.message_zh and "JPEG" in info.value.message_zh


@pytest.mark.parametrize("fmt", ["GIF", "TIFF", "WEBP", "PDF"])
def test_other_formats_are_refused(fmt: str, good_pixels: np.ndarray) -> None:
    buffer = io.BytesIO()
    Image.fromarray(good_pixels).save(buffer, format=fmt)
    with pytest.raises(PhotoFileError) as info:
        decode_image(buffer.getvalue())
    assert info.value.code == "PHOTO_FORMAT"
    assert isinstance(info.value, ValidationError)
    assert sniff_format(buffer.getvalue()) is None


def test_empty_file_is_refused() -> None:
    with pytest.raises(PhotoFileError) as info:
        decode_image(b"")
    assert info.value.code == "PHOTO_EMPTY"


@pytest.mark.parametrize("encoder", [jpeg, png])
def test_truncated_files_are_a_clear_error(encoder, good_pixels: np.ndarray) -> None:
    data = encoder(good_pixels)
    with pytest.raises(PhotoFileError) as info:
        decode_image(data[: len(data) // 2])
    assert info.value.code == "PHOTO_CORRUPT"
    assert "损坏" in info.value.message_zh


def test_garbage_after_a_jpeg_signature_is_corrupt() -> None:
    with pytest.raises(PhotoFileError) as info:
        decode_image(b"\xff\xd8\xff" + bytes(range(256)) * 4)
    assert info.value.code == "PHOTO_CORRUPT"


def test_png_bomb_is_refused_from_its_header(no_pixel_decoding: None) -> None:
    bomb = png_bomb(12_000, 12_000)  # 144 megapixels
    assert len(bomb) < 1_000_000  # small on disk: that is what makes it a bomb
    started = time.perf_counter()
    with pytest.raises(PhotoFileError) as info:
        decode_image(bomb)
    assert time.perf_counter() - started < 0.5
    assert info.value.code == "PHOTO_TOO_LARGE"
    assert "12000×12000" in info.value.message_zh


def test_png_header_claiming_absurd_size_is_refused(no_pixel_decoding: None) -> None:
    ihdr = struct.pack(">IIBBBBB", 2**31 - 1, 2**31 - 1, 8, 2, 0, 0, 0)
    forged = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IEND", b"")
    with pytest.raises(PhotoFileError) as info:
        decode_image(forged)
    assert info.value.code == "PHOTO_TOO_LARGE"


def test_png_without_header_is_corrupt() -> None:
    with pytest.raises(PhotoFileError) as info:
        decode_image(b"\x89PNG\r\n\x1a\n" + b"\x00" * 8)
    assert info.value.code == "PHOTO_CORRUPT"


def test_jpeg_over_the_pixel_limit_is_refused_before_decoding(
    good_pixels: np.ndarray, no_pixel_decoding: None
) -> None:
    spec = PhotoSpec(source_max_pixels=100_000)
    with pytest.raises(PhotoFileError) as info:
        decode_image(jpeg(good_pixels), spec)  # 358×441 = 157,878 pixels
    assert info.value.code == "PHOTO_TOO_LARGE"


def test_jpeg_header_claiming_a_huge_size_is_refused_before_decoding(
    good_pixels: np.ndarray, no_pixel_decoding: None
) -> None:
    data = bytearray(jpeg(good_pixels))
    sof = next(i for i in range(len(data) - 1) if data[i] == 0xFF and data[i + 1] in (0xC0, 0xC2))
    data[sof + 5 : sof + 9] = struct.pack(">HH", 60_000, 60_000)  # height, width
    with pytest.raises(PhotoFileError) as info:
        decode_image(bytes(data))
    assert info.value.code == "PHOTO_TOO_LARGE"


def test_file_over_the_byte_limit_is_refused(tmp_path: Path, good_pixels: np.ndarray) -> None:
    spec = PhotoSpec(source_max_bytes=1024)
    with pytest.raises(PhotoFileError) as info:
        decode_image(jpeg(good_pixels), spec)
    assert info.value.code == "PHOTO_TOO_LARGE"
    path = tmp_path / "big.jpg"
    path.write_bytes(jpeg(good_pixels))
    with pytest.raises(PhotoFileError):
        decode_file(path, spec)


def test_huge_but_allowed_image_is_reduced_and_still_makes_a_good_photo(
    portrait_pixels: np.ndarray,
) -> None:
    factor = 5000 // portrait_pixels.shape[0]  # about 5000 px high: a camera's full resolution
    huge = np.array(Image.fromarray(portrait_pixels).resize(
        (portrait_pixels.shape[1] * factor, portrait_pixels.shape[0] * factor),
        Image.Resampling.BICUBIC,
    ))
    data = jpeg(huge, quality=85, dpi=300)
    decoded = decode_image(data)
    assert decoded.original_size == (huge.shape[1], huge.shape[0])
    assert max(decoded.pixels.shape[:2]) <= 2000
    prepared = prepare_photo(data)
    assert prepared.report.ok, [c.message_zh for c in prepared.report.failures]


def test_transparent_png_is_composited_on_white() -> None:
    rgba = np.zeros((50, 40, 4), np.uint8)  # fully transparent
    buffer = io.BytesIO()
    Image.fromarray(rgba, "RGBA").save(buffer, format="PNG")
    pixels = decode_image(buffer.getvalue()).pixels
    assert (pixels == 255).all()


def test_sixteen_bit_png_is_scaled_to_eight_bits() -> None:
    wide = np.full((20, 30), 65535, np.uint16)
    buffer = io.BytesIO()
    Image.fromarray(wide).save(buffer, format="PNG")
    pixels = decode_image(buffer.getvalue()).pixels
    assert pixels.shape == (20, 30, 3)
    assert (pixels == 255).all()


def test_exif_orientation_is_applied(good_pixels: np.ndarray) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    buffer = io.BytesIO()
    Image.fromarray(good_pixels).save(buffer, format="JPEG", exif=exif)
    pixels = decode_image(buffer.getvalue()).pixels
    assert pixels.shape == (358, 441, 3)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(PhotoFileError) as info:
        decode_file(tmp_path / "nope.jpg")
    assert info.value.code == "PHOTO_NOT_FOUND"
    with pytest.raises(PhotoFileError):
        decode_file(tmp_path)


@settings(max_examples=60, deadline=None)
@given(
    magic=st.sampled_from([b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b""]),
    body=st.binary(max_size=2048),
)
def test_arbitrary_bytes_either_decode_or_raise_a_photo_error(magic: bytes, body: bytes) -> None:
    try:
        decode_image(magic + body)
    except PhotoFileError as exc:
        assert exc.message_zh


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_damaged_photos_either_decode_or_raise_a_photo_error(data: st.DataObject) -> None:
    original = bytearray(_GOOD_SMALL)
    for _ in range(data.draw(st.integers(1, 8))):
        index = data.draw(st.integers(0, len(original) - 1))
        original[index] = data.draw(st.integers(0, 255))
    try:
        decoded = decode_image(bytes(original))
    except PhotoFileError:
        return
    assert decoded.pixels.ndim == 3 and decoded.pixels.shape[2] == 3


_GOOD_SMALL = jpeg(np.tile(np.arange(64, dtype=np.uint8)[:, None, None], (1, 48, 3)))
