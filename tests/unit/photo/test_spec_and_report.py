"""PhotoSpec defaults and configuration; PhotoReport outcomes and teller overrides."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.errors import ConfigurationError, ValidationError
from counter_app.domain.photo import (
    PhotoCheck,
    PhotoCheckCode,
    PhotoReport,
    PhotoSpec,
    failed_codes,
)

AT = dt.datetime(2026, 11, 29, 9, 30, tzinfo=dt.UTC)
C = PhotoCheckCode


def test_defaults_follow_ga_461() -> None:
    spec = PhotoSpec()
    assert (spec.width_px, spec.height_px, spec.dpi, spec.jpeg_quality) == (358, 441, 350, 70)
    assert (spec.face_width_min_px, spec.face_width_max_px) == (179, 255)
    assert (spec.hair_top_min_px, spec.hair_top_max_px) == (7, 21)
    assert (spec.eye_mid_x_min_px, spec.eye_mid_x_max_px) == (162, 196)
    assert spec.eye_line_min_from_bottom_px == 207
    assert spec.eye_line_max_from_top_px == 441 - 207
    assert (spec.file_size_min_bytes, spec.file_size_max_bytes) == (14 * 1024, 40 * 1024)


def test_from_config_accepts_kb_and_plain_keys() -> None:
    spec = PhotoSpec.from_config({"file_size_min_kb": 9, "file_size_max_kb": 20, "dpi": 300})
    assert spec.file_size_min_bytes == 9 * 1024
    assert spec.file_size_max_bytes == 20 * 1024
    assert spec.dpi == 300


def test_from_config_rejects_unknown_keys() -> None:
    with pytest.raises(ConfigurationError) as info:
        PhotoSpec.from_config({"file_size_max_kb": 20, "colour": "blue"})
    assert "colour" in info.value.message_zh


@pytest.mark.parametrize(
    "values",
    [
        {"file_size_min_bytes": 50_000, "file_size_max_bytes": 40_000},
        {"face_width_min_px": 300},
        {"jpeg_quality": 101, "jpeg_quality_max": 100},
        {"dpi": -1},
        {"width_px": 0},
        {"eye_mid_x_max_px": 500},
        {"background_min_white_ratio": 1.5},
        {"sharpness_min": True},
    ],
)
def test_inconsistent_spec_is_a_configuration_error(values: dict[str, int]) -> None:
    with pytest.raises(ConfigurationError):
        PhotoSpec(**values)


def _report() -> PhotoReport:
    return PhotoReport(
        checks=(
            PhotoCheck(C.FORMAT, True, "格式符合要求。"),
            PhotoCheck(C.FILE_SIZE, True, "大小符合要求。"),
            PhotoCheck(C.BACKGROUND, False, "背景带有颜色。", {"white_ratio": 0.2}),
            PhotoCheck(C.SHARPNESS, False, "照片模糊。", {"laplacian_var": 5.0}),
        )
    )


def test_report_lists_failures_and_is_not_ok() -> None:
    report = _report()
    assert not report.ok
    assert [c.code for c in report.failures] == [C.BACKGROUND, C.SHARPNESS]
    assert failed_codes(report.checks) == ["BACKGROUND", "SHARPNESS"]
    assert report.check("BACKGROUND") is report.checks[2]


def test_overrides_are_recorded_and_make_the_report_ok() -> None:
    report = _report()
    once = report.override(C.BACKGROUND, "白墙轻微反光，不影响识别", teller_id="T0012", at=AT)
    assert report.overrides == ()  # immutable: the original is unchanged
    assert not once.ok
    assert [c.code for c in once.failures] == [C.SHARPNESS]
    both = once.override("SHARPNESS", "申请人行动不便，无法重拍", teller_id="T0012", at=AT)
    assert both.ok
    assert not both.passed_without_overrides
    assert [(o.code, o.reason, o.teller_id, o.at) for o in both.overrides] == [
        (C.BACKGROUND, "白墙轻微反光，不影响识别", "T0012", AT),
        (C.SHARPNESS, "申请人行动不便，无法重拍", "T0012", AT),
    ]


def test_override_needs_a_real_reason() -> None:
    with pytest.raises(ValidationError) as info:
        _report().override(C.BACKGROUND, "  好 ", teller_id="T0012", at=AT)
    assert info.value.code == "PHOTO_OVERRIDE_REASON"
    assert "理由" in info.value.message_zh


def test_override_of_a_passed_check_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        _report().override(C.FORMAT, "看起来没问题", teller_id="T0012", at=AT)
    assert info.value.code == "PHOTO_OVERRIDE_NOT_FAILED"


def test_file_checks_cannot_be_overridden() -> None:
    report = PhotoReport(checks=(PhotoCheck(C.FILE_SIZE, False, "文件过大。"),))
    with pytest.raises(ValidationError) as info:
        report.override(C.FILE_SIZE, "中心应该能接收", teller_id="T0012", at=AT)
    assert info.value.code == "PHOTO_OVERRIDE_FORBIDDEN"
    assert not report.check(C.FILE_SIZE).overridable  # type: ignore[union-attr]


def test_override_twice_and_without_teller_are_refused() -> None:
    once = _report().override(C.BACKGROUND, "白墙轻微反光", teller_id="T0012", at=AT)
    with pytest.raises(ValidationError):
        once.override(C.BACKGROUND, "白墙轻微反光", teller_id="T0012", at=AT)
    with pytest.raises(ValidationError):
        _report().override(C.BACKGROUND, "白墙轻微反光", teller_id=" ", at=AT)
    with pytest.raises(ValidationError):
        _report().override("NOT_A_CHECK", "白墙轻微反光", teller_id="T0012", at=AT)


def test_record_round_trip_keeps_checks_and_overrides() -> None:
    report = _report().override(C.BACKGROUND, "白墙轻微反光", teller_id="T0012", at=AT)
    record = report.to_record()
    assert record["ok"] is False
    assert record["overrides"][0]["reason"] == "白墙轻微反光"
    assert PhotoReport.from_record(record) == report


def test_empty_report_is_not_ok() -> None:
    assert not PhotoReport(checks=()).ok
