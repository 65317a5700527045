"""The embedded TrueType CJK font every printed document uses.

The font is found, not shipped: WenQuanYi Micro Hei (Debian ``fonts-wqy-microhei``) on
Linux counters, SimHei / Microsoft YaHei / SimSun on Windows ones. The search path can be
set by the installation (``COUNTER_APP_CJK_FONT``, a list of files separated by
``os.pathsep``) or by the composition root through :func:`configure_fonts`. reportlab can
only embed TrueType outlines, so CFF-based fonts (Noto Sans CJK, Source Han) are skipped.

Optional fallback fonts (for rare characters in names, e.g. CJK Extension B) are used per
character when the main font has no glyph.
"""

from __future__ import annotations

import os
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from counter_app.domain.errors import ConfigurationError

ENV_FONT_PATH = "COUNTER_APP_CJK_FONT"
ENV_FALLBACK_PATH = "COUNTER_APP_CJK_FALLBACK_FONTS"

_RESOURCE_FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"

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
    """Registered reportlab font names: the main one and fallbacks, in order."""

    regular: str
    fallbacks: tuple[str, ...] = ()
    source: Path | None = None

    @property
    def all(self) -> tuple[str, ...]:
        return (self.regular, *self.fallbacks)


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


def _register(path: Path) -> str | None:
    """Register a font file under a name derived from its path; None if unusable."""
    # deterministic name (crc of the path): the same input gives the same PDF bytes
    name = "CJK-" + path.stem.replace(" ", "_") + f"-{zlib.crc32(str(path).encode()):08x}"
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
        fallbacks = tuple(
            name for name in (_register(p) for p in fallback if p.is_file() and p != source)
            if name is not None
        )
        fonts = CjkFonts(regular=regular, fallbacks=fallbacks, source=source)
        _cache[key] = fonts
        return fonts


def has_glyph(font_name: str, char: str) -> bool:
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    if face is None:
        return True  # standard Type 1 font: Latin only, no CJK expected here
    return ord(char) in face.charToGlyph


def font_runs(text: str, fonts: CjkFonts) -> list[tuple[str, str]]:
    """Split text into (font, run) pieces: each character in the first font that has it."""
    runs: list[tuple[str, str]] = []
    for char in text:
        chosen = fonts.regular
        if not char.isspace() and not has_glyph(fonts.regular, char):
            chosen = next((f for f in fonts.fallbacks if has_glyph(f, char)), fonts.regular)
        if runs and runs[-1][0] == chosen:
            runs[-1] = (chosen, runs[-1][1] + char)
        else:
            runs.append((chosen, char))
    return runs


def unprintable_chars(text: str, fonts: CjkFonts | None = None) -> list[str]:
    """Characters no configured font can print (the UI warns before printing)."""
    fonts = fonts or cjk_fonts()
    return sorted(
        {c for c in text if not c.isspace() and not any(has_glyph(f, c) for f in fonts.all)}
    )
