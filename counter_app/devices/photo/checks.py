"""Automatic checks on a finished card photo (the JPEG bytes that would be sent).

Each check measures one thing and says in Chinese what is wrong and what to do. The
geometry checks run on the final file, so they judge what the card will carry, not the
source the teller captured.
"""

from __future__ import annotations

import io

import cv2
import numpy as np
from PIL import Image

from counter_app.devices.photo.decode import RGBImage, decode_image, sniff_format
from counter_app.devices.photo.detect import (
    Box,
    FaceDetector,
    FaceFinding,
    HaarFaceDetector,
    measure_hair_top,
)
from counter_app.domain.errors import CounterError
from counter_app.domain.photo import PhotoCheck, PhotoCheckCode, PhotoReport, PhotoSpec
from counter_app.domain.texts import QT_TR_NOOP, zh

C = PhotoCheckCode

_default_detector: HaarFaceDetector | None = None


def default_detector() -> HaarFaceDetector:
    global _default_detector
    if _default_detector is None:
        _default_detector = HaarFaceDetector()
    return _default_detector


def check_photo(
    jpeg: bytes, spec: PhotoSpec | None = None, *, detector: FaceDetector | None = None
) -> PhotoReport:
    """Run every check on the encoded photo and return the report (no overrides yet)."""
    spec = spec or PhotoSpec()
    detector = detector or default_detector()
    checks: list[PhotoCheck] = [check_format(jpeg, spec), check_file_size(jpeg, spec)]
    try:
        pixels = decode_image(jpeg, spec).pixels
    except CounterError:
        return PhotoReport(checks=tuple(checks))  # the format check already says why
    checks.append(check_background(pixels, spec))
    faces = detector.find_faces(pixels)
    checks.append(check_face_count(faces))
    face_box: Box | None = None
    if len(faces) == 1:
        face_box = faces[0].face
        checks.extend(check_geometry(pixels, faces[0], spec))
    checks.append(check_brightness(pixels, face_box, spec))
    checks.append(check_sharpness(pixels, face_box, spec))
    return PhotoReport(checks=tuple(checks))


def check_format(jpeg: bytes, spec: PhotoSpec) -> PhotoCheck:
    expected = zh("{width}×{height} 像素、{dpi} dpi 的24位彩色 JPEG",
                  width=spec.width_px, height=spec.height_px, dpi=spec.dpi)
    if sniff_format(jpeg) != "JPEG":
        return PhotoCheck(C.FORMAT, False, zh("照片不是 JPEG 文件，应为{expected}。", expected=expected))
    try:
        with Image.open(io.BytesIO(jpeg), formats=["JPEG"]) as image:
            width, height = image.size
            mode = image.mode
            dpi = image.info.get("dpi", (0, 0))
    except (OSError, SyntaxError, ValueError) as exc:
        message = zh("照片文件无法读取（{error}），请重新采集。", error=type(exc).__name__)
        return PhotoCheck(C.FORMAT, False, message)
    dpi_x = float(dpi[0]) if dpi else 0.0
    measured = {"width_px": width, "height_px": height, "dpi": round(dpi_x, 1)}
    problems: list[str] = []
    if (width, height) != (spec.width_px, spec.height_px):
        problems.append(zh("尺寸为 {width}×{height} 像素", width=width, height=height))
    if mode != "RGB":
        problems.append(zh("颜色模式为 {mode}", mode=mode))
    if abs(dpi_x - spec.dpi) > 1:
        problems.append(zh("分辨率为 {dpi:.0f} dpi", dpi=dpi_x))
    if problems:
        found = problems[0]
        for problem in problems[1:]:  # each step a text, so the UI translates every part
            found = zh("{problems}，{problem}", problems=found, problem=problem)
        message = zh("照片{problems}，应为{expected}。请重新生成照片。", problems=found, expected=expected)
        return PhotoCheck(C.FORMAT, False, message, measured)
    return PhotoCheck(C.FORMAT, True, zh("格式符合要求：{expected}。", expected=expected), measured)


def check_file_size(jpeg: bytes, spec: PhotoSpec) -> PhotoCheck:
    size = len(jpeg)
    low, high = spec.file_size_min_bytes / 1024, spec.file_size_max_bytes / 1024
    measured = {"bytes": size}
    kb = size / 1024
    if size < spec.file_size_min_bytes:
        return PhotoCheck(
            C.FILE_SIZE, False,
            zh("文件大小 {kb:.1f} KB，小于要求的 {low:.0f} KB。"
               "照片细节过少（可能过暗、过曝或几乎空白），请重新采集。", kb=kb, low=low),
            measured,
        )
    if size > spec.file_size_max_bytes:
        return PhotoCheck(
            C.FILE_SIZE, False,
            zh("文件大小 {kb:.1f} KB，大于允许的 {high:.0f} KB，且降低压缩质量后仍超出。"
               "请在白色背景前重新拍摄。", kb=kb, high=high),
            measured,
        )
    return PhotoCheck(C.FILE_SIZE, True,
                      zh("文件大小 {kb:.1f} KB，在 {low:.0f}–{high:.0f} KB 之间。", kb=kb, low=low, high=high),
                      measured)


def background_sample(pixels: RGBImage, spec: PhotoSpec) -> RGBImage:
    """Pixels where only background may be: a strip above the highest allowed hair top and
    the two upper corners (outside the head, above the shoulders). Shape (n, 3)."""
    height, width = pixels.shape[:2]
    strip_h = max(1, min(spec.hair_top_min_px, height))
    corner_w, corner_h = max(1, int(width * 0.15)), max(1, int(height * 0.2))
    parts = [
        pixels[:strip_h].reshape(-1, 3),
        pixels[strip_h:corner_h, :corner_w].reshape(-1, 3),
        pixels[strip_h:corner_h, width - corner_w :].reshape(-1, 3),
    ]
    return np.concatenate(parts, axis=0)


def check_background(pixels: RGBImage, spec: PhotoSpec) -> PhotoCheck:
    sample = background_sample(pixels, spec).astype(np.int32)
    lightness = sample.mean(axis=1)
    chroma = sample.max(axis=1) - sample.min(axis=1)
    white = (lightness >= spec.background_min_lightness) & (chroma <= spec.background_max_chroma)
    ratio = float(white.mean())
    mean = sample.mean(axis=0)
    measured = {
        "white_ratio": round(ratio, 3),
        "mean_r": round(float(mean[0]), 1),
        "mean_g": round(float(mean[1]), 1),
        "mean_b": round(float(mean[2]), 1),
    }
    if ratio >= spec.background_min_white_ratio:
        return PhotoCheck(C.BACKGROUND, True, zh("背景为白色（白色占 {ratio:.0%}）。", ratio=ratio), measured)
    if float(chroma.mean()) > spec.background_max_chroma:
        cause = QT_TR_NOOP("背景带有颜色")
    elif float(lightness.mean()) < spec.background_min_lightness:
        cause = QT_TR_NOOP("背景偏灰或偏暗")
    else:
        cause = QT_TR_NOOP("背景不够纯净（有杂物、阴影或头发贴边）")
    return PhotoCheck(
        C.BACKGROUND, False,
        zh("{cause}：照片边缘白色只占 {ratio:.0%}，应不少于 {minimum:.0%}。"
           "请让申请人站在白色背景前、打开补光灯后重拍。",
           cause=cause, ratio=ratio, minimum=spec.background_min_white_ratio),
        measured,
    )


def check_face_count(faces: list[FaceFinding]) -> PhotoCheck:
    count = len(faces)
    measured = {"faces": count}
    if count == 1:
        return PhotoCheck(C.FACE_COUNT, True, QT_TR_NOOP("检测到一张人脸。"), measured)
    if count == 0:
        return PhotoCheck(
            C.FACE_COUNT, False,
            QT_TR_NOOP("未检测到人脸。请让申请人正对镜头，摘下帽子、墨镜或口罩，露出面部后重拍。"),
            measured,
        )
    return PhotoCheck(
        C.FACE_COUNT, False,
        zh("检测到 {count} 张人脸，照片中只能有申请人本人。请让其他人离开镜头范围后重拍。", count=count),
        measured,
    )


def check_geometry(pixels: RGBImage, finding: FaceFinding, spec: PhotoSpec) -> list[PhotoCheck]:
    """Face width, hair top, eye midpoint and eye line against GA 461 limits."""
    height = pixels.shape[0]
    face = finding.face
    eye_x, eye_y = finding.eye_midpoint
    eyes_found = 1.0 if finding.eyes is not None else 0.0
    hair_top = measure_hair_top(pixels, face)
    eye_from_bottom = height - eye_y
    results: list[PhotoCheck] = []

    width_ok = spec.face_width_min_px <= face.w <= spec.face_width_max_px
    hint = QT_TR_NOOP("请让申请人靠近镜头") if face.w < spec.face_width_min_px else QT_TR_NOOP("请让申请人离镜头远一些")
    results.append(
        PhotoCheck(
            C.FACE_WIDTH, width_ok,
            zh("脸部宽度 {width} 像素，符合要求。", width=face.w) if width_ok else
            zh("脸部宽度 {width} 像素，应在 {minimum}–{maximum} 像素之间。{hint}后重拍。", width=face.w,
               minimum=spec.face_width_min_px, maximum=spec.face_width_max_px, hint=hint),
            {"face_width_px": face.w},
        )
    )

    hair_ok = spec.hair_top_min_px <= hair_top <= spec.hair_top_max_px
    if hair_top < spec.hair_top_min_px:
        hint = QT_TR_NOOP("头顶离上边缘太近或被裁掉，请将人像下移")
    else:
        hint = QT_TR_NOOP("头顶离上边缘太远，请将人像上移")
    results.append(
        PhotoCheck(
            C.HAIR_TOP, hair_ok,
            zh("头顶距上边缘 {distance} 像素，符合要求。", distance=hair_top) if hair_ok else
            zh("头顶距上边缘 {distance} 像素，应为 {minimum}–{maximum} 像素。{hint}。", distance=hair_top,
               minimum=spec.hair_top_min_px, maximum=spec.hair_top_max_px, hint=hint),
            {"hair_top_px": hair_top},
        )
    )

    centre_ok = spec.eye_mid_x_min_px <= eye_x <= spec.eye_mid_x_max_px
    side = QT_TR_NOOP("偏左") if eye_x < spec.eye_mid_x_min_px else QT_TR_NOOP("偏右")
    results.append(
        PhotoCheck(
            C.EYE_CENTRE, centre_ok,
            zh("两眼中点距左边缘 {distance:.0f} 像素，人像居中。", distance=eye_x) if centre_ok else
            zh("两眼中点距左边缘 {distance:.0f} 像素，应为 {minimum}–{maximum} 像素（人像{side}）。"
               "请让申请人站到镜头正中后重拍。", distance=eye_x,
               minimum=spec.eye_mid_x_min_px, maximum=spec.eye_mid_x_max_px, side=side),
            {"eye_mid_x_px": round(eye_x, 1), "eyes_detected": eyes_found},
        )
    )

    line_ok = eye_from_bottom >= spec.eye_line_min_from_bottom_px
    results.append(
        PhotoCheck(
            C.EYE_LINE, line_ok,
            zh("眼睛距下边缘 {distance:.0f} 像素，符合要求。", distance=eye_from_bottom) if line_ok else
            zh("眼睛距下边缘 {distance:.0f} 像素，应不少于 {minimum} 像素（眼睛位置过低）。"
               "请将人像上移或降低镜头高度。", distance=eye_from_bottom,
               minimum=spec.eye_line_min_from_bottom_px),
            {"eye_line_from_bottom_px": round(eye_from_bottom, 1), "eyes_detected": eyes_found},
        )
    )
    return results


def _region(pixels: RGBImage, face: Box | None) -> RGBImage:
    if face is None:
        return pixels
    return pixels[face.y : face.bottom, face.x : face.x + face.w]


def check_brightness(pixels: RGBImage, face: Box | None, spec: PhotoSpec) -> PhotoCheck:
    grey = cv2.cvtColor(np.ascontiguousarray(_region(pixels, face)), cv2.COLOR_RGB2GRAY)
    mean = float(grey.mean())
    where = QT_TR_NOOP("面部") if face is not None else QT_TR_NOOP("画面")
    measured = {"mean_luma": round(mean, 1)}
    if mean < spec.brightness_min:
        return PhotoCheck(
            C.BRIGHTNESS, False,
            zh("{where}过暗（平均亮度 {mean:.0f}，应不低于 {minimum:.0f}）。"
               "请打开补光灯或调亮环境后重拍。", where=where, mean=mean, minimum=spec.brightness_min),
            measured,
        )
    if mean > spec.brightness_max:
        return PhotoCheck(
            C.BRIGHTNESS, False,
            zh("{where}过亮（平均亮度 {mean:.0f}，应不高于 {maximum:.0f}）。"
               "请减弱补光或避开强光后重拍。", where=where, mean=mean, maximum=spec.brightness_max),
            measured,
        )
    return PhotoCheck(C.BRIGHTNESS, True, zh("{where}亮度正常（平均 {mean:.0f}）。", where=where, mean=mean),
                      measured)


def check_sharpness(pixels: RGBImage, face: Box | None, spec: PhotoSpec) -> PhotoCheck:
    grey = cv2.cvtColor(np.ascontiguousarray(_region(pixels, face)), cv2.COLOR_RGB2GRAY)
    variance = float(cv2.Laplacian(grey, cv2.CV_64F).var())
    measured = {"laplacian_var": round(variance, 1)}
    if variance < spec.sharpness_min:
        return PhotoCheck(
            C.SHARPNESS, False,
            zh("照片模糊（清晰度 {sharpness:.0f}，应不低于 {minimum:.0f}）。"
               "请让申请人保持不动、对准焦点后重拍。", sharpness=variance, minimum=spec.sharpness_min),
            measured,
        )
    return PhotoCheck(C.SHARPNESS, True, zh("照片清晰（清晰度 {sharpness:.0f}）。", sharpness=variance), measured)
