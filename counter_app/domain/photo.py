"""The card photo: the specification it must meet and the results of checking it.

Pure values, no image code. The defaults follow GA 461-2004 as quoted in card-spec §3
(358×441 px, 350 dpi, JPEG quality 70, face and eye geometry). Cities disagree on the
file-size range, so every number here can be set from the branch profile through
:meth:`PhotoSpec.from_config`.

A check that fails can be overridden by the teller with a reason (for instance the
detector does not find the face of an applicant with a facial difference). The override
is recorded in the :class:`PhotoReport`, which the workflow journals with the
application. Checks on the file itself (format, file size) cannot be overridden: the
central system refuses such a file whatever the teller says.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

from counter_app.domain.errors import ConfigurationError, ValidationError
from counter_app.domain.texts import QT_TR_NOOP, Text, zh

KB = 1024


@dataclass(frozen=True)
class PhotoSpec:
    """What a card photo must be. Pixel geometry is measured on the final image."""

    width_px: int = 358
    height_px: int = 441
    dpi: int = 350
    jpeg_quality: int = 70
    # GA 461 geometry on the final 358×441 image
    face_width_min_px: int = 179
    face_width_max_px: int = 255
    hair_top_min_px: int = 7
    hair_top_max_px: int = 21
    eye_mid_x_min_px: int = 162
    eye_mid_x_max_px: int = 196
    eye_line_min_from_bottom_px: int = 207
    # file size of the encoded JPEG; varies by city (card-spec §3), hence configurable
    file_size_min_bytes: int = 14 * KB
    file_size_max_bytes: int = 40 * KB
    # the copy written to the chip (EF08)
    chip_max_bytes: int = 4 * KB
    # quality bounds the encoder may move within to land in the size range
    jpeg_quality_min: int = 40
    jpeg_quality_max: int = 95
    # automatic-check thresholds (measured on the test photos, see docs/photo.md)
    background_min_white_ratio: float = 0.85
    background_min_lightness: int = 200  # 0..255, per pixel, mean of R, G, B
    background_max_chroma: int = 30  # max(R,G,B) - min(R,G,B), per pixel
    brightness_min: float = 70.0  # mean luma of the face region, 0..255
    brightness_max: float = 215.0
    sharpness_min: float = 20.0  # variance of the Laplacian of the face region
    # what an imported file or a frame may be before it is decoded
    source_max_bytes: int = 30 * 1024 * KB
    source_max_pixels: int = 40_000_000
    source_max_side_px: int = 12_000

    def __post_init__(self) -> None:
        problems: list[str] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                problems.append(f.name)
        if problems:
            raise ConfigurationError(
                zh("照片规格配置有误：{settings} 必须是不小于0的数字，请联系网点技术支持。",
                   settings="、".join(problems))
            )
        pairs = (
            ("face_width_min_px", "face_width_max_px"),
            ("hair_top_min_px", "hair_top_max_px"),
            ("eye_mid_x_min_px", "eye_mid_x_max_px"),
            ("file_size_min_bytes", "file_size_max_bytes"),
            ("jpeg_quality_min", "jpeg_quality_max"),
            ("brightness_min", "brightness_max"),
        )
        for low, high in pairs:
            if getattr(self, low) > getattr(self, high):
                raise ConfigurationError(
                    zh("照片规格配置有误：{low} 大于 {high}，请联系网点技术支持。", low=low, high=high)
                )
        if not 1 <= self.jpeg_quality_min <= self.jpeg_quality <= self.jpeg_quality_max <= 100:
            raise ConfigurationError(QT_TR_NOOP("照片规格配置有误：JPEG 质量须在 1–100 之间且不超出上下限。"))
        if self.background_min_white_ratio > 1:
            raise ConfigurationError(QT_TR_NOOP("照片规格配置有误：背景白色占比不能超过1。"))
        if self.width_px == 0 or self.height_px == 0 or self.dpi == 0:
            raise ConfigurationError(QT_TR_NOOP("照片规格配置有误：尺寸和分辨率不能为0。"))
        if self.eye_mid_x_max_px > self.width_px or self.hair_top_max_px > self.height_px:
            raise ConfigurationError(QT_TR_NOOP("照片规格配置有误：人脸位置超出照片尺寸。"))

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> PhotoSpec:
        """Build a spec from a branch-profile mapping; unknown keys are a configuration error.

        File sizes may be given in KB as ``file_size_min_kb`` / ``file_size_max_kb`` /
        ``chip_max_kb`` since that is how city rules state them.
        """
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        unknown: list[str] = []
        for key, value in config.items():
            if key.endswith("_kb") and key[:-3] + "_bytes" in known:
                values[key[:-3] + "_bytes"] = round(float(value) * KB)
            elif key in known:
                values[key] = value
            else:
                unknown.append(key)
        if unknown:
            raise ConfigurationError(
                zh("照片规格配置中有无法识别的项：{settings}，请联系网点技术支持。",
                   settings="、".join(sorted(unknown)))
            )
        return cls(**values)

    @property
    def target_face_width_px(self) -> int:
        return (self.face_width_min_px + self.face_width_max_px) // 2

    @property
    def target_hair_top_px(self) -> int:
        return (self.hair_top_min_px + self.hair_top_max_px) // 2

    @property
    def target_eye_mid_x_px(self) -> int:
        return (self.eye_mid_x_min_px + self.eye_mid_x_max_px) // 2

    @property
    def eye_line_max_from_top_px(self) -> int:
        return self.height_px - self.eye_line_min_from_bottom_px


class PhotoCheckCode(StrEnum):
    FORMAT = "FORMAT"
    FILE_SIZE = "FILE_SIZE"
    BACKGROUND = "BACKGROUND"
    FACE_COUNT = "FACE_COUNT"
    FACE_WIDTH = "FACE_WIDTH"
    HAIR_TOP = "HAIR_TOP"
    EYE_CENTRE = "EYE_CENTRE"
    EYE_LINE = "EYE_LINE"
    BRIGHTNESS = "BRIGHTNESS"
    SHARPNESS = "SHARPNESS"


#: The file itself must be right; the central refuses it otherwise, so no override.
NOT_OVERRIDABLE: frozenset[PhotoCheckCode] = frozenset(
    {PhotoCheckCode.FORMAT, PhotoCheckCode.FILE_SIZE}
)

CHECK_TITLES_ZH: Mapping[PhotoCheckCode, str] = {
    PhotoCheckCode.FORMAT: QT_TR_NOOP("格式与尺寸"),
    PhotoCheckCode.FILE_SIZE: QT_TR_NOOP("文件大小"),
    PhotoCheckCode.BACKGROUND: QT_TR_NOOP("白色背景"),
    PhotoCheckCode.FACE_COUNT: QT_TR_NOOP("人脸数量"),
    PhotoCheckCode.FACE_WIDTH: QT_TR_NOOP("脸部宽度"),
    PhotoCheckCode.HAIR_TOP: QT_TR_NOOP("头顶位置"),
    PhotoCheckCode.EYE_CENTRE: QT_TR_NOOP("双眼居中"),
    PhotoCheckCode.EYE_LINE: QT_TR_NOOP("眼睛高度"),
    PhotoCheckCode.BRIGHTNESS: QT_TR_NOOP("亮度"),
    PhotoCheckCode.SHARPNESS: QT_TR_NOOP("清晰度"),
}

MIN_OVERRIDE_REASON_CHARS = 4


@dataclass(frozen=True)
class PhotoCheck:
    """One automatic check: its stable code, the outcome, what the teller reads, the numbers."""

    code: PhotoCheckCode
    passed: bool
    message_zh: str
    measured: Mapping[str, float] = field(default_factory=dict)

    @property
    def title_zh(self) -> str:
        return CHECK_TITLES_ZH[self.code]

    @property
    def overridable(self) -> bool:
        return self.code not in NOT_OVERRIDABLE


@dataclass(frozen=True)
class PhotoOverride:
    """A teller accepted a failed check; who, when and why."""

    code: PhotoCheckCode
    reason: str
    teller_id: str
    at: _dt.datetime


@dataclass(frozen=True)
class PhotoReport:
    """All checks on one photo plus the teller's overrides. Immutable: overriding returns a copy."""

    checks: tuple[PhotoCheck, ...]
    overrides: tuple[PhotoOverride, ...] = ()

    def check(self, code: PhotoCheckCode | str) -> PhotoCheck | None:
        code = PhotoCheckCode(code)
        return next((c for c in self.checks if c.code == code), None)

    @property
    def overridden_codes(self) -> frozenset[PhotoCheckCode]:
        return frozenset(o.code for o in self.overrides)

    @property
    def failures(self) -> tuple[PhotoCheck, ...]:
        """Failed checks not (yet) overridden: what still stands between the photo and the card."""
        done = self.overridden_codes
        return tuple(c for c in self.checks if not c.passed and c.code not in done)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and not self.failures

    @property
    def passed_without_overrides(self) -> bool:
        return bool(self.checks) and all(c.passed for c in self.checks)

    def override(
        self, code: PhotoCheckCode | str, reason: str, *, teller_id: str, at: _dt.datetime
    ) -> PhotoReport:
        """Record that the teller accepts a failed check, with a reason; returns the new report."""
        try:
            code = PhotoCheckCode(code)
        except ValueError as exc:
            raise ValidationError("photo_override", QT_TR_NOOP("没有这一项照片检查。")) from exc
        check = self.check(code)
        if check is None or check.passed:
            raise ValidationError(
                "photo_override", zh("“{check}”检查没有失败，无需人工确认。", check=CHECK_TITLES_ZH[code]),
                code="PHOTO_OVERRIDE_NOT_FAILED",
            )
        if not check.overridable:
            raise ValidationError(
                "photo_override",
                zh("“{check}”不符合要求时不能人工放行，中心系统会拒收，请重新采集照片。", check=check.title_zh),
                code="PHOTO_OVERRIDE_FORBIDDEN",
            )
        if code in self.overridden_codes:
            raise ValidationError(
                "photo_override", zh("“{check}”已经人工确认过。", check=check.title_zh),
                code="PHOTO_OVERRIDE_DUPLICATE",
            )
        reason = reason.strip()
        if len(reason) < MIN_OVERRIDE_REASON_CHARS:
            raise ValidationError(
                "photo_override",
                zh("请填写放行理由（至少{minimum}个字），说明为什么照片仍可使用。", minimum=MIN_OVERRIDE_REASON_CHARS),
                code="PHOTO_OVERRIDE_REASON",
            )
        if not teller_id.strip():
            raise ValidationError("photo_override", QT_TR_NOOP("缺少柜员号，无法记录人工确认。"))
        entry = PhotoOverride(code=code, reason=reason, teller_id=teller_id.strip(), at=at)
        return replace(self, overrides=(*self.overrides, entry))

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready record for the journal and the audit trail (no pixels)."""
        return {
            "ok": self.ok,
            "checks": [
                {
                    "code": c.code.value,
                    "passed": c.passed,
                    **_message_record(c.message_zh),
                    "measured": dict(c.measured),
                }
                for c in self.checks
            ],
            "overrides": [
                {
                    "code": o.code.value,
                    "reason": o.reason,
                    "teller_id": o.teller_id,
                    "at": o.at.isoformat(),
                }
                for o in self.overrides
            ],
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> PhotoReport:
        checks = tuple(
            PhotoCheck(
                code=PhotoCheckCode(c["code"]),
                passed=bool(c["passed"]),
                message_zh=_message(c),
                measured={str(k): float(v) for k, v in c.get("measured", {}).items()},
            )
            for c in record.get("checks", ())
        )
        overrides = tuple(
            PhotoOverride(
                code=PhotoCheckCode(o["code"]),
                reason=str(o["reason"]),
                teller_id=str(o["teller_id"]),
                at=_dt.datetime.fromisoformat(o["at"]),
            )
            for o in record.get("overrides", ())
        )
        return cls(checks=checks, overrides=overrides)


def failed_codes(checks: Iterable[PhotoCheck]) -> list[str]:
    """Codes of failed checks, for logs (codes only: never pixels or personal data)."""
    return [c.code.value for c in checks if not c.passed]


class PhotoFileError(ValidationError):
    """An imported file or a frame cannot be used as a photo source at all."""

    code = "PHOTO_FILE"

    def __init__(self, message_zh: str, *, code: str = "PHOTO_FILE") -> None:
        super().__init__("photo", message_zh, code=code)


def _message_record(message: str) -> dict[str, Any]:
    """A check's message for JSON; a composed one keeps its template and plain values, so that
    the UI can still show it in its own language after the draft or the journal held it."""
    record: dict[str, Any] = {"message_zh": str(message)}
    if (isinstance(message, Text) and not message.args
            and all(isinstance(v, (str, int, float)) and not isinstance(v, Text)
                    for v in message.kwargs.values())):
        record["message_template"] = message.template
        record["message_values"] = dict(message.kwargs)
    return record


def _message(check: Mapping[str, Any]) -> str:
    text = str(check["message_zh"])
    template, values = check.get("message_template"), check.get("message_values")
    if isinstance(template, str) and isinstance(values, dict):
        try:
            composed = zh(template, **values)
        except (IndexError, KeyError, ValueError):
            return text
        if composed == text:  # a record written by another version keeps its stored wording
            return composed
    return text
