"""The photo spec's own checks of a configuration, pinned exactly (each message and the
settings it names, at each limit), and the offline limits' declaration helper called again
(it runs at import to declare StalenessLimits; calling it is what mutation testing can see).

Written against the survivors of ./scripts/mutation.sh on domain/photo.py and domain/offline.py.
"""

from __future__ import annotations

from dataclasses import fields, replace

import pytest

from counter_app.domain.errors import ConfigurationError
from counter_app.domain.offline import StalenessLimits, _limit
from counter_app.domain.photo import PhotoSpec

SPEC = PhotoSpec()
NOT_NEGATIVE = "照片规格配置有误：{settings} 必须是不小于0的数字，请联系网点技术支持。"


def refusal(**changes: object) -> str:
    with pytest.raises(ConfigurationError) as info:
        replace(SPEC, **changes)  # type: ignore[arg-type]
    assert info.value.code == ConfigurationError.code
    return info.value.message_zh


def test_the_default_spec_and_zero_limits_are_accepted() -> None:
    assert replace(SPEC, brightness_min=0.0, sharpness_min=0, file_size_min_bytes=0) is not None


@pytest.mark.parametrize("value", [-1, -0.5, True, "1", None])
def test_a_setting_that_is_not_a_number_of_at_least_0_is_named(value: object) -> None:
    assert refusal(sharpness_min=value) == NOT_NEGATIVE.format(settings="sharpness_min")


def test_every_wrong_setting_is_named_in_declaration_order() -> None:
    assert refusal(dpi=-1, width_px=-1, brightness_max=False) == NOT_NEGATIVE.format(
        settings="width_px、dpi、brightness_max")
    names = [f.name for f in fields(PhotoSpec)]
    assert names.index("width_px") < names.index("dpi") < names.index("brightness_max")


@pytest.mark.parametrize(("low", "high"), [
    ("face_width_min_px", "face_width_max_px"), ("hair_top_min_px", "hair_top_max_px"),
    ("eye_mid_x_min_px", "eye_mid_x_max_px"), ("file_size_min_bytes", "file_size_max_bytes"),
    ("jpeg_quality_min", "jpeg_quality_max"), ("brightness_min", "brightness_max"),
])
def test_a_lower_limit_above_its_upper_limit_names_both(low: str, high: str) -> None:
    top = getattr(SPEC, high)
    extra = {"jpeg_quality": top} if low == "jpeg_quality_min" else {}  # kept within its limits
    assert replace(SPEC, **{low: top}, **extra) is not None  # equal is allowed
    assert refusal(**{low: top + 1}) == f"照片规格配置有误：{low} 大于 {high}，请联系网点技术支持。"


@pytest.mark.parametrize("changes", [
    {"jpeg_quality_min": 0, "jpeg_quality": 1, "jpeg_quality_max": 1},
    {"jpeg_quality": SPEC.jpeg_quality_min - 1},
    {"jpeg_quality": SPEC.jpeg_quality_max + 1},
    {"jpeg_quality_min": 90, "jpeg_quality": 100, "jpeg_quality_max": 101},
])
def test_jpeg_quality_outside_1_to_100_or_its_limits_is_refused(changes: dict[str, int]) -> None:
    assert refusal(**changes) == "照片规格配置有误：JPEG 质量须在 1–100 之间且不超出上下限。"


def test_jpeg_quality_at_1_and_100_is_accepted() -> None:
    replace(SPEC, jpeg_quality_min=1, jpeg_quality=1, jpeg_quality_max=100)
    replace(SPEC, jpeg_quality_min=100, jpeg_quality=100, jpeg_quality_max=100)


def test_the_white_background_share_is_at_most_1() -> None:
    replace(SPEC, background_min_white_ratio=1)
    assert refusal(background_min_white_ratio=1.01) == "照片规格配置有误：背景白色占比不能超过1。"


@pytest.mark.parametrize("setting", ["width_px", "height_px", "dpi"])
def test_a_size_or_resolution_of_0_is_refused(setting: str) -> None:
    changes: dict[str, int] = {setting: 0}
    if setting == "width_px":
        changes.update(eye_mid_x_min_px=0, eye_mid_x_max_px=0)
    if setting == "height_px":
        changes.update(hair_top_min_px=0, hair_top_max_px=0)
    assert refusal(**changes) == "照片规格配置有误：尺寸和分辨率不能为0。"


@pytest.mark.parametrize(("changes", "ok"), [
    ({"eye_mid_x_max_px": SPEC.width_px}, True),
    ({"eye_mid_x_max_px": SPEC.width_px + 1}, False),
    ({"hair_top_max_px": SPEC.height_px}, True),
    ({"hair_top_max_px": SPEC.height_px + 1}, False),
])
def test_the_face_must_lie_inside_the_photo(changes: dict[str, int], ok: bool) -> None:
    if ok:
        replace(SPEC, **changes)  # type: ignore[arg-type]
    else:
        assert refusal(**changes) == "照片规格配置有误：人脸位置超出照片尺寸。"


def test_an_offline_limit_declares_its_default_description_and_positivity() -> None:
    declared = _limit(3.5, "说明")
    assert declared.default == 3.5
    assert dict(declared.metadata) == {"doc_zh": "说明", "positive": True}
    assert {f.name: f.metadata["positive"] for f in fields(StalenessLimits)} == {
        "max_oldest_unsent_hours": True, "max_unsent_count": True,
        "max_since_last_sync_hours": True, "min_free_disk_mb": True}


def test_a_stored_check_message_with_half_a_template_is_read_as_its_chinese() -> None:
    from counter_app.domain.photo import _message

    assert _message({"message_zh": "照片过暗", "message_template": "照片{x}"}) == "照片过暗"
    assert _message({"message_zh": "照片过暗", "message_values": {"x": "过暗"}}) == "照片过暗"
    kept = _message({"message_zh": "照片过暗", "message_template": "照片{x}",
                     "message_values": {"x": "过暗"}})
    assert kept == "照片过暗" and getattr(kept, "template", None) == "照片{x}"


def test_a_message_with_a_value_that_is_not_plain_keeps_only_its_chinese() -> None:
    """Only str and numbers travel in the JSON record; anything else (a path) would not."""
    from pathlib import PurePosixPath

    from counter_app.domain.photo import _message_record
    from counter_app.domain.texts import zh

    assert _message_record(zh("文件 {path} 无法读取", path=PurePosixPath("/a.jpg"))) == {
        "message_zh": "文件 /a.jpg 无法读取"}
    assert _message_record(zh("宽 {w} 像素", w=358)) == {
        "message_zh": "宽 358 像素", "message_template": "宽 {w} 像素", "message_values": {"w": 358}}
