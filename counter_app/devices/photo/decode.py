"""Safe decoding of imported photo files and scans.

A file from a photo studio's USB stick or a scanner is untrusted input. Before any pixel
is decoded we know (from the content, never the file name) that it is JPEG or PNG, and
from its header that its dimensions are within the limits; a decompression bomb is
refused on its header. Truncated or corrupt files become a teller-readable error.
Pillow's process-wide settings (``MAX_IMAGE_PIXELS``, ``LOAD_TRUNCATED_IMAGES``) are left
alone: the limits here are per call.
"""

from __future__ import annotations

import io
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps

from counter_app.domain.photo import PhotoFileError, PhotoSpec
from counter_app.domain.texts import QT_TR_NOOP, zh

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

# what other files tellers are likely to pick, so the message can name them
_OTHER_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"GIF8", "GIF"),
    (b"BM", "BMP"),
    (b"%PDF", "PDF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"RIFF", "WebP"),
)

#: Working images are reduced to this longest side: enough for a 358×441 crop and fast
#: enough for the detector on a counter PC.
DEFAULT_MAX_WORKING_SIDE = 2000

RGBImage = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class DecodedImage:
    """Pixels ready for processing: RGB, 8 bits per channel, EXIF orientation applied."""

    pixels: RGBImage  # shape (height, width, 3)
    format: str  # "JPEG" or "PNG"
    original_size: tuple[int, int]  # (width, height) as stored in the file

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])


def sniff_format(data: bytes) -> str | None:
    """'JPEG', 'PNG' or None, from the first bytes of the content."""
    if data.startswith(JPEG_MAGIC):
        return "JPEG"
    if data.startswith(PNG_MAGIC):
        return "PNG"
    return None


def _describe_other(data: bytes) -> str:
    for magic, name in _OTHER_MAGIC:
        if data.startswith(magic):
            return name
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        return "HEIC/AVIF"
    return ""


def _png_header_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, read without any decompression."""
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise PhotoFileError(
            QT_TR_NOOP("PNG 文件头已损坏，无法读取，请重新导出或重新扫描。"), code="PHOTO_CORRUPT"
        )
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def check_dimensions(width: int, height: int, spec: PhotoSpec) -> None:
    """Refuse sizes that would make decoding too costly (decompression bombs included)."""
    if width <= 0 or height <= 0:
        raise PhotoFileError(QT_TR_NOOP("图片尺寸为0，文件已损坏。"), code="PHOTO_CORRUPT")
    if (
        width > spec.source_max_side_px
        or height > spec.source_max_side_px
        or width * height > spec.source_max_pixels
    ):
        megapixels = width * height / 1_000_000
        limit = spec.source_max_pixels / 1_000_000
        raise PhotoFileError(
            zh("图片尺寸过大（{width}×{height}，约{megapixels:.0f}百万像素），"
               "超过允许的{limit:.0f}百万像素或单边{max_side}像素，已拒绝读取。"
               "请在扫描仪或相机上选用较低分辨率后重新导入。", width=width, height=height,
               megapixels=megapixels, limit=limit, max_side=spec.source_max_side_px),
            code="PHOTO_TOO_LARGE",
        )


def check_minimum_size(width: int, height: int, spec: PhotoSpec) -> None:
    """Refuse a source smaller than the card photo: enlarging it only makes it blurred."""
    if width >= spec.width_px and height >= spec.height_px:
        return
    raise PhotoFileError(
        zh("照片分辨率太低（{width}×{height}像素），制卡照片至少需要"
           "{min_width}×{min_height}像素（宽×高），放大后会模糊，不能使用。"
           "请重新拍摄（摄像头请设为较高分辨率），或向照相馆索取原始尺寸的电子照片，"
           "不要使用缩略图、截图或聊天软件压缩过的图片。", width=width, height=height,
           min_width=spec.width_px, min_height=spec.height_px),
        code="PHOTO_TOO_SMALL",
    )


def decode_image(
    data: bytes,
    spec: PhotoSpec | None = None,
    *,
    max_working_side: int = DEFAULT_MAX_WORKING_SIDE,
) -> DecodedImage:
    """Decode JPEG or PNG bytes into RGB pixels, refusing anything unsafe or unusable."""
    spec = spec or PhotoSpec()
    if not data:
        raise PhotoFileError(QT_TR_NOOP("文件是空的，请重新选择照片文件。"), code="PHOTO_EMPTY")
    if len(data) > spec.source_max_bytes:
        raise PhotoFileError(
            zh("文件过大（{size_mb:.1f} MB），超过允许的 {max_mb:.0f} MB，请压缩后重新导入。",
               size_mb=len(data) / 1024 / 1024, max_mb=spec.source_max_bytes / 1024 / 1024),
            code="PHOTO_TOO_LARGE",
        )
    kind = sniff_format(data)
    if kind is None:
        other = _describe_other(data)
        raise PhotoFileError(
            zh("只能导入 JPEG 或 PNG 格式的照片（该文件实际为 {format} 格式），请另存为 JPEG 后重新导入。",
               format=other) if other else QT_TR_NOOP("只能导入 JPEG 或 PNG 格式的照片，请另存为 JPEG 后重新导入。"),
            code="PHOTO_FORMAT",
        )
    if kind == "PNG":
        # refuse a PNG bomb from its header before Pillow sees it
        check_dimensions(*_png_header_size(data), spec)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[kind])
            check_dimensions(image.width, image.height, spec)
            original_size = (image.width, image.height)
            if kind == "JPEG":
                # decode at a reduced scale directly when the file is much larger than needed
                image.draft("RGB", (max_working_side, max_working_side))
            image.load()
    except PhotoFileError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoFileError(
            QT_TR_NOOP("图片像素数量异常巨大（疑似恶意压缩文件），已拒绝读取。"), code="PHOTO_TOO_LARGE"
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, MemoryError) as exc:
        raise PhotoFileError(
            QT_TR_NOOP("照片文件已损坏或不完整（可能拷贝未完成），无法读取。请重新拷贝或重新扫描后导入。"),
            code="PHOTO_CORRUPT",
        ) from exc
    upright = ImageOps.exif_transpose(image) or image
    pixels = _to_rgb(upright)
    pixels = limit_side(pixels, max_working_side)
    return DecodedImage(pixels=pixels, format=kind, original_size=original_size)


def decode_file(path: str | Path, spec: PhotoSpec | None = None) -> DecodedImage:
    """Read and decode a file, checking its size on disk before reading it."""
    spec = spec or PhotoSpec()
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > spec.source_max_bytes:
            raise PhotoFileError(
                zh("文件过大（{size_mb:.1f} MB），超过允许的 {max_mb:.0f} MB，请压缩后重新导入。",
                   size_mb=size / 1024 / 1024, max_mb=spec.source_max_bytes / 1024 / 1024),
                code="PHOTO_TOO_LARGE",
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        message = QT_TR_NOOP("找不到所选的照片文件，可能已被移走。")
        raise PhotoFileError(message, code="PHOTO_NOT_FOUND") from exc
    except IsADirectoryError as exc:
        message = QT_TR_NOOP("所选的是文件夹，请选择照片文件。")
        raise PhotoFileError(message, code="PHOTO_NOT_FOUND") from exc
    except PermissionError as exc:
        message = QT_TR_NOOP("没有读取该文件的权限，请联系网点技术支持。")
        raise PhotoFileError(message, code="PHOTO_NO_ACCESS") from exc
    return decode_image(data, spec)


def _to_rgb(image: Image.Image) -> RGBImage:
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I"):
        wide = np.asarray(image.convert("I"), dtype=np.int64)
        peak = max(int(wide.max()), 1)
        grey = (wide * 255 // (65535 if peak > 255 else 255)).clip(0, 255).astype(np.uint8)
        return np.ascontiguousarray(np.repeat(grey[:, :, None], 3, axis=2))
    if mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
        mode = "RGBA"
    if mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        # transparent areas become white: the photo background must be white anyway
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    rgb = image.convert("RGB")
    return np.array(rgb, dtype=np.uint8)


def limit_side(pixels: RGBImage, max_side: int) -> RGBImage:
    height, width = pixels.shape[:2]
    longest = max(height, width)
    if longest <= max_side:
        return pixels
    scale = max_side / longest
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    reduced = Image.fromarray(pixels).resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    return np.array(reduced, dtype=np.uint8)
