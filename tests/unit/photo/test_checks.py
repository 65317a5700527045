"""Each automatic check against the derived test photos, plus the geometry limits exactly."""

from __future__ import annotations

import re

import cv2
import numpy as np
import pytest
from PIL import Image

from counter_app.devices.photo import check_photo
from counter_app.devices.photo.checks import check_geometry
from counter_app.devices.photo.detect import Box, FaceFinding
from counter_app.domain.photo import PhotoCheckCode, PhotoReport, PhotoSpec
from tests.unit.photo.conftest import ID_BLUE, jpeg, png, recoloured_background, shifted

C = PhotoCheckCode
CJK = re.compile(r"[\u4e00-\u9fff]")


def failed(report: PhotoReport) -> set[PhotoCheckCode]:
    return {c.code for c in report.failures}


def test_good_photo_passes_every_check(good_jpeg: bytes) -> None:
    report = check_photo(good_jpeg)
    assert report.ok, [c.message_zh for c in report.failures]
    assert {c.code for c in report.checks} == set(C)
    for check in report.checks:
        assert CJK.search(check.message_zh), check
    eye = report.check(C.EYE_CENTRE)
    assert eye is not None and eye.measured["eyes_detected"] == 1.0


def test_dark_photo_fails_brightness(good_pixels: np.ndarray) -> None:
    report = check_photo(jpeg((good_pixels * 0.35).astype(np.uint8)))
    brightness = report.check(C.BRIGHTNESS)
    assert brightness is not None and not brightness.passed
    assert "过暗" in brightness.message_zh
    assert brightness.measured["mean_luma"] < PhotoSpec().brightness_min


def test_overexposed_photo_fails_brightness(good_pixels: np.ndarray) -> None:
    bright = np.clip(good_pixels.astype(np.int32) + 90, 0, 255).astype(np.uint8)
    report = check_photo(jpeg(bright))
    brightness = report.check(C.BRIGHTNESS)
    assert brightness is not None and not brightness.passed
    assert "过亮" in brightness.message_zh


def test_blurred_photo_fails_sharpness_only_on_sharpness(good_pixels: np.ndarray) -> None:
    report = check_photo(jpeg(cv2.GaussianBlur(good_pixels, (0, 0), 2.0)))
    sharpness = report.check(C.SHARPNESS)
    assert sharpness is not None and not sharpness.passed
    assert "模糊" in sharpness.message_zh
    for code in (C.BACKGROUND, C.FACE_COUNT, C.BRIGHTNESS):
        assert report.check(code).passed  # type: ignore[union-attr]


def test_off_centre_photo_fails_eye_centre(good_pixels: np.ndarray) -> None:
    report = check_photo(jpeg(shifted(good_pixels, dx=60)))
    check = report.check(C.EYE_CENTRE)
    assert check is not None and not check.passed
    assert "偏右" in check.message_zh
    assert check.measured["eye_mid_x_px"] > 196


def test_photo_too_high_fails_hair_top(good_pixels: np.ndarray) -> None:
    report = check_photo(jpeg(shifted(good_pixels, dy=-20)))
    check = report.check(C.HAIR_TOP)
    assert check is not None and not check.passed
    assert check.measured["hair_top_px"] < 7
    assert "太近" in check.message_zh


def test_photo_too_low_fails_eye_line_and_hair_top(good_pixels: np.ndarray) -> None:
    report = check_photo(jpeg(shifted(good_pixels, dy=45)))
    assert {C.EYE_LINE, C.HAIR_TOP} <= failed(report)
    assert report.check(C.EYE_LINE).measured["eye_line_from_bottom_px"] < 207  # type: ignore[union-attr]


def test_small_face_fails_face_width(good_pixels: np.ndarray) -> None:
    small = np.array(Image.fromarray(good_pixels).resize((250, 308), Image.Resampling.LANCZOS))
    canvas = np.full_like(good_pixels, 255)
    canvas[10 : 10 + 308, 54 : 54 + 250] = small
    report = check_photo(jpeg(canvas))
    check = report.check(C.FACE_WIDTH)
    assert check is not None and not check.passed
    assert "靠近" in check.message_zh


def test_coloured_background_fails_background(good_pixels: np.ndarray) -> None:
    report = check_photo(jpeg(recoloured_background(good_pixels, ID_BLUE)))
    check = report.check(C.BACKGROUND)
    assert check is not None and not check.passed
    assert "颜色" in check.message_zh
    assert check.measured["mean_b"] > check.measured["mean_r"] + 80


def test_grey_background_fails_background(good_pixels: np.ndarray) -> None:
    report = check_photo(jpeg(recoloured_background(good_pixels, (150, 150, 150))))
    check = report.check(C.BACKGROUND)
    assert check is not None and not check.passed
    assert "偏灰" in check.message_zh


def test_no_face_fails_face_count_and_skips_geometry() -> None:
    blank = np.full((441, 358, 3), 250, np.uint8)
    cv2.rectangle(blank, (80, 120), (280, 440), (120, 80, 40), -1)
    report = check_photo(jpeg(blank))
    check = report.check(C.FACE_COUNT)
    assert check is not None and not check.passed and check.measured["faces"] == 0
    assert "未检测到人脸" in check.message_zh
    assert report.check(C.FACE_WIDTH) is None and report.check(C.EYE_LINE) is None


def test_two_faces_fail_face_count(good_pixels: np.ndarray) -> None:
    half = np.array(Image.fromarray(good_pixels).resize((179, 220), Image.Resampling.LANCZOS))
    canvas = np.full_like(good_pixels, 255)
    canvas[110:330, :179] = half
    canvas[110:330, 179:] = half
    report = check_photo(jpeg(canvas))
    check = report.check(C.FACE_COUNT)
    assert check is not None and not check.passed and check.measured["faces"] == 2
    assert "2 张人脸" in check.message_zh


def test_png_is_not_a_valid_card_photo(good_pixels: np.ndarray) -> None:
    report = check_photo(png(good_pixels))
    assert C.FORMAT in failed(report)
    assert "JPEG" in report.check(C.FORMAT).message_zh  # type: ignore[union-attr]


def test_wrong_dimensions_and_dpi_fail_format(good_pixels: np.ndarray) -> None:
    wider = np.full((441, 400, 3), 255, np.uint8)
    wider[:, 21:379] = good_pixels
    report = check_photo(jpeg(wider, dpi=72))
    check = report.check(C.FORMAT)
    assert check is not None and not check.passed
    assert "400×441" in check.message_zh and "72 dpi" in check.message_zh


def test_file_size_out_of_range_fails(good_jpeg: bytes) -> None:
    tight = PhotoSpec(file_size_min_bytes=1000, file_size_max_bytes=10_000)
    check = check_photo(good_jpeg, tight).check(C.FILE_SIZE)
    assert check is not None and not check.passed and "大于" in check.message_zh
    roomy = PhotoSpec(file_size_min_bytes=30_000, file_size_max_bytes=60_000)
    check = check_photo(good_jpeg, roomy).check(C.FILE_SIZE)
    assert check is not None and not check.passed and "小于" in check.message_zh


def test_undecodable_bytes_report_format_only() -> None:
    report = check_photo(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    assert [c.code for c in report.checks] == [C.FORMAT, C.FILE_SIZE]
    assert not report.ok


# geometry limits, exactly at and just outside the GA 461 numbers, with a known face
WHITE = np.full((441, 358, 3), 255, np.uint8)


def _geometry(face_w: int, eye_x: float, eye_y: float) -> dict[PhotoCheckCode, bool]:
    eye = 20
    left = Box(round(eye_x - 30 - eye / 2), round(eye_y - eye / 2), eye, eye)
    right = Box(round(eye_x + 30 - eye / 2), round(eye_y - eye / 2), eye, eye)
    finding = FaceFinding(Box(round(eye_x - face_w / 2), 120, face_w, face_w), (left, right))
    return {c.code: c.passed for c in check_geometry(WHITE, finding, PhotoSpec())}


@pytest.mark.parametrize(
    ("face_w", "ok"), [(178, False), (179, True), (217, True), (255, True), (256, False)]
)
def test_face_width_limits(face_w: int, ok: bool) -> None:
    assert _geometry(face_w, 179, 200)[C.FACE_WIDTH] is ok


@pytest.mark.parametrize(("eye_x", "ok"), [(161, False), (162, True), (196, True), (197, False)])
def test_eye_centre_limits(eye_x: float, ok: bool) -> None:
    assert _geometry(217, eye_x, 200)[C.EYE_CENTRE] is ok


@pytest.mark.parametrize(("eye_y", "ok"), [(234, True), (235, False)])
def test_eye_line_limit(eye_y: float, ok: bool) -> None:
    assert _geometry(217, 179, eye_y)[C.EYE_LINE] is ok


@pytest.mark.parametrize(("top", "ok"), [(6, False), (7, True), (21, True), (22, False)])
def test_hair_top_limits(top: int, ok: bool) -> None:
    head = WHITE.copy()
    cv2.rectangle(head, (80, top), (280, 440), (90, 60, 40), -1)
    finding = FaceFinding(Box(70, 120, 217, 217), None)
    checks = {c.code: c for c in check_geometry(head, finding, PhotoSpec())}
    assert checks[C.HAIR_TOP].measured["hair_top_px"] == top
    assert checks[C.HAIR_TOP].passed is ok
    assert checks[C.EYE_CENTRE].measured["eyes_detected"] == 0.0  # estimated from the box
