"""Fallback fonts for the UI: rare name characters (CJK Extension A/B) drawn, not boxed.

The UI font (WenQuanYi Micro Hei, see ``theme``) has no 䶮 (U+4DAE) or 𠀀 (U+20000). The
printing layer's fallback files (Debian ``fonts-hanazono``; SimSun-ExtB on Windows) are added
to Qt's font database and set as substitutes of the UI family, so every widget falls back to
them per character. What no font has is reported by :func:`chars_without_glyph` so the page
can tell the teller to write it by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from counter_app.printing.fonts import fallback_font_files


def install_fallback_fonts(
    files: Sequence[str | Path] | None = None, *, family: str | None = None
) -> list[str]:
    """Add the fallback font files and make them substitutes of ``family`` (default: the
    application font's family). Returns the fallback families, in order; call after the theme
    has set the application font. Safe to call more than once."""
    paths = [Path(p) for p in files] if files is not None else list(fallback_font_files())
    known = set(QFontDatabase.families())
    fallbacks: list[str] = []
    for path in paths:
        families = _families_of(path, known)
        fallbacks += [f for f in families if f not in fallbacks]
    ui_family = family or QApplication.font().family()
    present = QFont.substitutes(ui_family)
    missing = [f for f in fallbacks if f not in present and f != ui_family]
    if missing:
        QFont.insertSubstitutions(ui_family, missing)
    return fallbacks


def _families_of(path: Path, known: set[str]) -> list[str]:
    # A font installed system-wide is already in the database: adding it again would load
    # a second copy of a 20-30 MB file.
    if not path.is_file():
        return []
    stem_family = {"HanaMinA": "HanaMinA", "HanaMinB": "HanaMinB"}.get(path.stem)
    if stem_family in known:
        return [stem_family]
    font_id = QFontDatabase.addApplicationFont(str(path))
    return list(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else []


def chars_without_glyph(text: str, font: QFont | None = None) -> list[str]:
    """Characters of ``text`` that neither ``font`` (default: the application font) nor any of
    its substitutes can draw: the UI shows them as boxes, so the page names them instead."""
    base = font or QApplication.font()
    candidates = [base.family(), *QFont.substitutes(base.family())]
    metrics = [QFontMetrics(QFont(f, base.pointSize())) for f in candidates]
    return sorted(
        {c for c in text if not c.isspace() and not any(m.inFontUcs4(ord(c)) for m in metrics)}
    )
