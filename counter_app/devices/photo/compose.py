"""Crop and scale a source image to the spec around the detected face."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from counter_app.devices.photo.detect import (
    FaceFinding,
    RGBImage,
    estimate_background,
    measure_hair_top,
)
from counter_app.domain.photo import PhotoSpec


@dataclass(frozen=True)
class CropPlan:
    """Where the source lands in the output: scale, then the output window's top-left corner
    in scaled source coordinates (may be negative or beyond the edge: padded with background)."""

    scale: float
    left: int
    top: int


def plan_crop(finding: FaceFinding, hair_top: int, spec: PhotoSpec) -> CropPlan:
    """Scale so the face width hits the middle of the allowed range, centre the eyes, put the
    hair top at the middle of its allowed band, and keep the eye line above its limit."""
    scale = spec.target_face_width_px / finding.face.w
    eye_x, eye_y = finding.eye_midpoint
    left = round(eye_x * scale - spec.target_eye_mid_x_px)
    top = round(hair_top * scale - spec.target_hair_top_px)
    # the eye line wins over the hair: a high hairdo must not push the eyes too low
    eye_line_from_top = eye_y * scale - top
    highest_allowed = spec.eye_line_max_from_top_px - 4
    if eye_line_from_top > highest_allowed:
        top += round(eye_line_from_top - highest_allowed)
    return CropPlan(scale=scale, left=left, top=top)


def crop_to_spec(pixels: RGBImage, finding: FaceFinding, spec: PhotoSpec) -> RGBImage:
    hair_top = measure_hair_top(pixels, finding.face)
    return apply_crop(pixels, plan_crop(finding, hair_top, spec), spec)


def apply_crop(pixels: RGBImage, plan: CropPlan, spec: PhotoSpec) -> RGBImage:
    height, width = pixels.shape[:2]
    size = (max(1, round(width * plan.scale)), max(1, round(height * plan.scale)))
    interpolation = cv2.INTER_AREA if plan.scale < 1 else cv2.INTER_CUBIC
    scaled = cv2.resize(pixels, size, interpolation=interpolation)
    fill = tuple(int(v) for v in estimate_background(pixels))
    out = np.empty((spec.height_px, spec.width_px, 3), dtype=np.uint8)
    out[:] = fill
    # intersection of the output window with the scaled image
    src_x0, src_y0 = max(0, plan.left), max(0, plan.top)
    src_x1 = min(scaled.shape[1], plan.left + spec.width_px)
    src_y1 = min(scaled.shape[0], plan.top + spec.height_px)
    if src_x1 > src_x0 and src_y1 > src_y0:
        dst_x0, dst_y0 = src_x0 - plan.left, src_y0 - plan.top
        out[dst_y0 : dst_y0 + (src_y1 - src_y0), dst_x0 : dst_x0 + (src_x1 - src_x0)] = scaled[
            src_y0:src_y1, src_x0:src_x1
        ]
    return out


def centre_crop(pixels: RGBImage, spec: PhotoSpec) -> RGBImage:
    """Largest centred window with the spec's aspect ratio, scaled to the spec.

    Used when no single face was found, so the teller still sees what was captured and the
    checks can say what is wrong.
    """
    height, width = pixels.shape[:2]
    aspect = spec.width_px / spec.height_px
    if width / height > aspect:
        crop_w, crop_h = round(height * aspect), height
    else:
        crop_w, crop_h = width, round(width / aspect)
    x0, y0 = (width - crop_w) // 2, (height - crop_h) // 2
    window = pixels[y0 : y0 + crop_h, x0 : x0 + crop_w]
    interpolation = cv2.INTER_AREA if crop_w > spec.width_px else cv2.INTER_CUBIC
    # uint8 in, uint8 out (cv2's stubs type every result as any numeric array); no copy
    return np.asarray(cv2.resize(window, (spec.width_px, spec.height_px), interpolation=interpolation),
                      dtype=np.uint8)
