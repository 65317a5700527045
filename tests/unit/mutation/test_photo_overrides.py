"""A teller's override of a failed photo check: each refusal with its field, code and sentence,
the reason's minimum length at its edge, the journal record read back without optional parts,
and the photo spec's refusal of unknown keys."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.errors import ConfigurationError, ValidationError
from counter_app.domain.photo import (
    PhotoCheck,
    PhotoCheckCode,
    PhotoFileError,
    PhotoReport,
    PhotoSpec,
)

AT = dt.datetime(2026, 11, 30, 2, 0, tzinfo=dt.UTC)
REPORT = PhotoReport(checks=(
    PhotoCheck(PhotoCheckCode.FORMAT, True, "格式正确"),
    PhotoCheck(PhotoCheckCode.FILE_SIZE, False, "文件过大"),
    PhotoCheck(PhotoCheckCode.BACKGROUND, False, "背景不够白"),
))


def _refused(report: PhotoReport, code: str, reason: str = "背景有轻微阴影", teller: str = "T0301"
             ) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        report.override(code, reason, teller_id=teller, at=AT)
    assert err.value.field == "photo_override"
    return err.value


def test_an_unknown_check() -> None:
    err = _refused(REPORT, "SMILE")
    assert err.message_zh == "没有这一项照片检查。"


def test_a_check_that_passed_or_was_not_run_needs_no_override() -> None:
    passed = _refused(REPORT, "FORMAT")
    assert (passed.code, passed.message_zh) == ("PHOTO_OVERRIDE_NOT_FAILED", "“格式与尺寸”检查没有失败，无需人工确认。")
    not_run = _refused(REPORT, "SHARPNESS")
    assert (not_run.code, not_run.message_zh) == ("PHOTO_OVERRIDE_NOT_FAILED", "“清晰度”检查没有失败，无需人工确认。")


def test_the_file_itself_cannot_be_overridden() -> None:
    err = _refused(REPORT, "FILE_SIZE")
    assert err.code == "PHOTO_OVERRIDE_FORBIDDEN"
    assert err.message_zh == "“文件大小”不符合要求时不能人工放行，中心系统会拒收，请重新采集照片。"


def test_an_override_is_recorded_once() -> None:
    once = REPORT.override("BACKGROUND", "  背景有轻微阴影  ", teller_id=" T0301 ", at=AT)
    assert [(o.code, o.reason, o.teller_id, o.at) for o in once.overrides] == [
        (PhotoCheckCode.BACKGROUND, "背景有轻微阴影", "T0301", AT)]
    err = _refused(once, "BACKGROUND")
    assert (err.code, err.message_zh) == ("PHOTO_OVERRIDE_DUPLICATE", "“白色背景”已经人工确认过。")


def test_the_reason_takes_at_least_four_characters() -> None:
    assert REPORT.override("BACKGROUND", "轻微阴影", teller_id="T0301", at=AT).overrides[0].reason == "轻微阴影"
    err = _refused(REPORT, "BACKGROUND", reason=" 有阴影 ")
    assert (err.code, err.message_zh) == (
        "PHOTO_OVERRIDE_REASON", "请填写放行理由（至少4个字），说明为什么照片仍可使用。")


def test_an_override_names_its_teller() -> None:
    err = _refused(REPORT, "BACKGROUND", teller="  ")
    assert err.message_zh == "缺少柜员号，无法记录人工确认。"


def test_a_journal_record_without_optional_parts_reads_back() -> None:
    assert PhotoReport.from_record({}) == PhotoReport(checks=())
    bare = PhotoReport.from_record({"checks": [{"code": "BACKGROUND", "passed": False, "message_zh": "偏灰"}]})
    assert bare.checks == (PhotoCheck(PhotoCheckCode.BACKGROUND, False, "偏灰", {}),)
    assert bare.overrides == ()
    once = REPORT.override("BACKGROUND", "背景有轻微阴影", teller_id="T0301", at=AT)
    assert PhotoReport.from_record(once.to_record()) == once


def test_a_file_error_is_filed_under_the_photo() -> None:
    err = PhotoFileError("无法读取该图片文件。")
    assert (err.field, err.code, err.message_zh) == ("photo", "PHOTO_FILE", "无法读取该图片文件。")


def test_unknown_spec_keys_are_named_and_a_kb_key_needs_its_bytes_field() -> None:
    assert PhotoSpec.from_config({"file_size_max_kb": 50}).file_size_max_bytes == 50 * 1024
    with pytest.raises(ConfigurationError) as err:
        PhotoSpec.from_config({"colour_kb": 3, "dpi_typo": 350})
    assert err.value.message_zh == "照片规格配置中有无法识别的项：colour_kb、dpi_typo，请联系网点技术支持。"
