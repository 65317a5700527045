"""The embedded TrueType CJK font every printed document uses.

The font is found, not shipped: WenQuanYi Micro Hei (Debian ``fonts-wqy-microhei``) on
Linux counters, SimHei / Microsoft YaHei / SimSun on Windows ones. The search path can be
set by the installation (``COUNTER_APP_CJK_FONT``, a list of files separated by
``os.pathsep``) or by the composition root through :func:`configure_fonts`. reportlab can
only embed TrueType outlines, so CFF-based fonts (Noto Sans CJK, Source Han) are skipped.

Fallback fonts (for rare characters in names: CJK Extension A/B, e.g. 䶮 U+4DAE and
𠀀 U+20000; Debian ``fonts-hanazono``) are used per character when the main font has no
glyph. They are large (HanaMin A+B ≈ 53 MB; reportlab holds a parsed font in memory), so
only their character maps are read up front and a fallback is registered with reportlab
when a text first needs it. A character no font has is printed as its code point, e.g.
``[U+2A6D6]``, for the teller to write by hand.
"""

from __future__ import annotations

import bisect
import os
import re
import struct
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from counter_app.assets import OPTIONAL_FONTS, asset_path
from counter_app.domain.errors import ConfigurationError

ENV_FONT_PATH = "COUNTER_APP_CJK_FONT"
ENV_FALLBACK_PATH = "COUNTER_APP_CJK_FALLBACK_FONTS"

_RESOURCE_FONTS = asset_path(OPTIONAL_FONTS, must_exist=False)  # bundled by the frozen build only

DEFAULT_SEARCH_PATH: tuple[Path, ...] = (
    _RESOURCE_FONTS / "wqy-microhei.ttc",
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),  # Fedora layout
    Path("C:/Windows/Fonts/simhei.ttf"),
    Path("C:/Windows/Fonts/msyh.ttc"),
    Path("C:/Windows/Fonts/simsun.ttc"),
)

DEFAULT_FALLBACK_PATH: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"),
    Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"),
    Path("C:/Windows/Fonts/simsunb.ttf"),  # SimSun-ExtB
)

MISSING_FONT_MESSAGE = (
    "未找到可用的中文字体，无法生成打印文件。请安装 Debian 软件包 fonts-wqy-microhei"
    "（sudo apt-get install fonts-wqy-microhei），或在环境变量 COUNTER_APP_CJK_FONT 中"
    "指定一个 TrueType 中文字体文件，然后重新启动程序。"
)


@dataclass(frozen=True)
class CjkFonts:
    """The main registered font and the fallback font files, in order.

    Fallbacks are registered with reportlab on first use (see :meth:`fallback_for`); their
    reportlab names are fixed by their paths, so :attr:`fallbacks` needs no registration.
    """

    regular: str
    fallback_paths: tuple[Path, ...] = ()
    source: Path | None = None
    _coverage: tuple[_Coverage, ...] = field(default=(), repr=False, compare=False)

    @property
    def fallbacks(self) -> tuple[str, ...]:
        return tuple(_font_name(p) for p in self.fallback_paths)

    @property
    def all(self) -> tuple[str, ...]:
        return (self.regular, *self.fallbacks)

    def fallback_for(self, char: str) -> str | None:
        """The registered name of the first fallback with a glyph for ``char``, or None."""
        code = ord(char)
        for path, coverage in zip(self.fallback_paths, self._coverage, strict=True):
            if code in coverage:
                name = _register(path)
                if name is not None and has_glyph(name, char):
                    return name
        return None

    def printable(self, char: str) -> bool:
        """A glyph exists in the main font or a fallback (no fallback gets registered)."""
        return has_glyph(self.regular, char) or any(ord(char) in c for c in self._coverage)


class _Coverage:
    """Code points a TrueType font maps to a glyph, read from its cmap table only."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self._starts = [r[0] for r in merged]
        self._ends = [r[1] for r in merged]

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, int):
            return False
        i = bisect.bisect_right(self._starts, code) - 1
        return i >= 0 and code <= self._ends[i]


def _read_coverage(path: Path) -> _Coverage | None:
    """Parse the Unicode cmap (format 12, else 4) of a .ttf/.ttc; None if unreadable."""
    try:
        with path.open("rb") as f:
            return _Coverage(_cmap_ranges(f))
    except (OSError, struct.error, ValueError):
        return None


def _cmap_ranges(f: BinaryIO) -> list[tuple[int, int]]:
    def read(offset: int, fmt: str) -> tuple[Any, ...]:
        f.seek(offset)
        size = struct.calcsize(fmt)
        data = f.read(size)
        if len(data) != size:
            raise ValueError("truncated font")
        return struct.unpack(fmt, data)

    base = 0
    if read(0, ">4s")[0] == b"ttcf":
        base = read(12, ">I")[0]  # the first font of a collection, as reportlab uses
    (num_tables,) = read(base + 4, ">H")
    cmap = next(
        (off for tag, _, off, _ in (read(base + 12 + 16 * i, ">4sIII") for i in range(num_tables))
         if tag == b"cmap"),
        None,
    )
    if cmap is None:
        raise ValueError("no cmap")
    (count,) = read(cmap + 2, ">H")
    subtables: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, offset = read(cmap + 4 + 8 * i, ">HHI")
        subtables[(platform, encoding)] = offset
    for key in ((3, 10), (0, 4), (0, 6)):
        if key in subtables:
            table = cmap + subtables[key]
            if read(table, ">H")[0] == 12:
                (groups,) = read(table + 12, ">I")
                f.seek(table + 16)
                raw = f.read(12 * groups)
                return [(a, b) for a, b, glyph in struct.iter_unpack(">III", raw) if glyph or a != b]
    for key in ((3, 1), (0, 3), (0, 1), (0, 0)):
        if key in subtables:
            return _format4_ranges(f, cmap + subtables[key])
    raise ValueError("no Unicode cmap")


def _format4_ranges(f: BinaryIO, table: int) -> list[tuple[int, int]]:
    f.seek(table)
    fmt, length = struct.unpack(">HH", f.read(4))
    if fmt != 4:
        raise ValueError("unsupported cmap format")
    f.seek(table)
    data = f.read(length)
    seg2 = struct.unpack_from(">H", data, 6)[0]
    segs = seg2 // 2
    ends = struct.unpack_from(f">{segs}H", data, 14)
    starts = struct.unpack_from(f">{segs}H", data, 16 + seg2)
    range_offsets_at = 16 + 3 * seg2
    range_offsets = struct.unpack_from(f">{segs}H", data, range_offsets_at)
    ranges: list[tuple[int, int]] = []
    for i in range(segs):
        start, end = starts[i], ends[i]
        if start == 0xFFFF:
            continue
        if range_offsets[i] == 0:
            ranges.append((start, end))  # every code maps to (code + delta): a glyph
            continue
        for code in range(start, end + 1):
            at = range_offsets_at + 2 * i + range_offsets[i] + 2 * (code - start)
            if at + 2 <= len(data) and struct.unpack_from(">H", data, at)[0]:
                ranges.append((code, code))
    return ranges


_BFCHAR_BEYOND_BMP = re.compile(r"^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$", re.MULTILINE)


def _utf16_hex(match: re.Match[str]) -> str:
    return f"{match[1]} <{chr(int(match[2], 16)).encode('utf-16-be').hex().upper()}>"


def _to_unicode_cmap_with_surrogates(fontname: str, subset: Sequence[int]) -> str:
    # reportlab writes a character beyond the BMP as <20000>, which is not UTF-16: viewers
    # then cannot copy or search 𠀀. The PDF wants the surrogate pair, <D840DC00>.
    return _BFCHAR_BEYOND_BMP.sub(_utf16_hex, _make_to_unicode_cmap(fontname, subset))


_make_to_unicode_cmap = ttfonts.makeToUnicodeCMap
if getattr(_make_to_unicode_cmap, "__module__", "") == ttfonts.__name__:
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap_with_surrogates

_lock = threading.Lock()
_configured: tuple[tuple[Path, ...], tuple[Path, ...]] | None = None
_cache: dict[tuple[tuple[Path, ...], tuple[Path, ...]], CjkFonts] = {}


def configure_fonts(
    search_path: Sequence[str | Path] | None, fallback_path: Sequence[str | Path] | None = None
) -> None:
    """Set the search path for this process (the composition root calls this from the
    branch profile). ``None`` restores the defaults."""
    global _configured
    with _lock:
        if search_path is None and fallback_path is None:
            _configured = None
        else:
            _configured = (
                tuple(Path(p) for p in (search_path or DEFAULT_SEARCH_PATH)),
                tuple(Path(p) for p in (fallback_path or DEFAULT_FALLBACK_PATH)),
            )


def _env_paths(name: str) -> tuple[Path, ...]:
    raw = os.environ.get(name, "")
    return tuple(Path(p) for p in raw.split(os.pathsep) if p.strip())


def _effective_paths() -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    if _configured is not None:
        return _configured
    return (
        _env_paths(ENV_FONT_PATH) + DEFAULT_SEARCH_PATH,
        _env_paths(ENV_FALLBACK_PATH) + DEFAULT_FALLBACK_PATH,
    )


def _font_name(path: Path) -> str:
    # deterministic name (crc of the path): the same input gives the same PDF bytes
    return "CJK-" + path.stem.replace(" ", "_") + f"-{zlib.crc32(str(path).encode()):08x}"


def fallback_font_files() -> tuple[Path, ...]:
    """The fallback font files that exist here, in order (the UI installs the same ones)."""
    return tuple(p for p in _effective_paths()[1] if p.is_file())


def _register(path: Path) -> str | None:
    """Register a font file under a name derived from its path; None if unusable."""
    name = _font_name(path)
    try:
        pdfmetrics.getFont(name)
        return name  # already registered in this process
    except KeyError:
        pass
    try:
        font = TTFont(name, str(path), subfontIndex=0) if path.suffix.lower() == ".ttc" else (
            TTFont(name, str(path))
        )
    except (TTFError, OSError, ValueError, KeyError):
        return None  # missing, unreadable, or CFF outlines reportlab cannot embed
    pdfmetrics.registerFont(font)
    return name


def cjk_fonts(
    search_path: Sequence[str | Path] | None = None,
    fallback_path: Sequence[str | Path] | None = None,
) -> CjkFonts:
    """Find and register the CJK font (once per search path); raise a clear error if none."""
    default_search, default_fallback = _effective_paths()
    search = tuple(Path(p) for p in search_path) if search_path is not None else default_search
    fallback = (
        tuple(Path(p) for p in fallback_path) if fallback_path is not None else default_fallback
    )
    key = (search, fallback)
    with _lock:
        cached = _cache.get(key)
        if cached is not None:
            return cached
        regular: str | None = None
        source: Path | None = None
        for path in search:
            if path.is_file():
                regular = _register(path)
                if regular is not None:
                    source = path
                    break
        if regular is None:
            raise ConfigurationError(MISSING_FONT_MESSAGE, code="PRINT_FONT_MISSING")
        usable = [
            (p, coverage) for p in fallback if p.is_file() and p != source
            for coverage in [_read_coverage(p)] if coverage is not None
        ]
        fonts = CjkFonts(regular=regular, fallback_paths=tuple(p for p, _ in usable),
                         source=source, _coverage=tuple(c for _, c in usable))
        _cache[key] = fonts
        return fonts


def has_glyph(font_name: str, char: str) -> bool:
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    if face is None:
        return True  # standard Type 1 font: Latin only, no CJK expected here
    return ord(char) in face.charToGlyph


def code_point_marker(char: str) -> str:
    """What is printed for a character no font has: ``[U+2A6D6]``, to be written by hand."""
    return f"[U+{ord(char):04X}]"


def font_runs(text: str, fonts: CjkFonts) -> list[tuple[str, str]]:
    """Split text into (font, run) pieces: each character in the first font that has it.

    A character in no font becomes its :func:`code_point_marker` in the main font, so the
    form never silently leaves a blank where a name character should be.
    """
    runs: list[tuple[str, str]] = []
    for char in text:
        chosen, piece = fonts.regular, char
        if not char.isspace() and not has_glyph(fonts.regular, char):
            found = fonts.fallback_for(char)
            if found is None:
                piece = code_point_marker(char)
            else:
                chosen = found
        if runs and runs[-1][0] == chosen:
            runs[-1] = (chosen, runs[-1][1] + piece)
        else:
            runs.append((chosen, piece))
    return runs


def unprintable_chars(text: str, fonts: CjkFonts | None = None) -> list[str]:
    """Characters no configured font can print (the UI warns before printing).

    Cheap enough to call on every keystroke: fallbacks are judged by their character maps,
    not loaded.
    """
    fonts = fonts or cjk_fonts()
    return sorted({c for c in text if not c.isspace() and not fonts.printable(c)})
