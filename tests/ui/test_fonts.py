"""Rare name characters in the UI: 𠀀 (U+20000) and 䶮 (U+4DAE) drawn with a fallback font."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QRawFont, QTextLayout
from PySide6.QtWidgets import QLabel

from counter_app.printing.fonts import fallback_font_files
from counter_app.ui.fonts import chars_without_glyph, install_fallback_fonts

UI_FAMILY = "WenQuanYi Micro Hei"
RARE = "李𠀀䶮"


def families_drawing(text: str, font: QFont) -> dict[str, str]:
    """Which font family Qt actually draws each character of ``text`` with (laid out one
    character at a time: the string indexes of mixed-font runs are not reliable here)."""
    drawn: dict[str, str] = {}
    for char in text:
        layout = QTextLayout(char, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        assert len(runs) == 1
        drawn[char] = runs[0].rawFont().familyName()
    return drawn


@pytest.fixture
def fallbacks(qapp) -> list[str]:
    if not any(p.name.startswith("HanaMin") for p in fallback_font_files()):
        pytest.fail("fonts-hanazono is expected (scripts/setup.sh installs it)")
    return install_fallback_fonts(family=UI_FAMILY)


def test_fallback_families_become_substitutes_of_the_ui_font(fallbacks: list[str]) -> None:
    assert fallbacks[:2] == ["HanaMinA", "HanaMinB"]
    assert {s.lower() for s in QFont.substitutes(UI_FAMILY)} >= {"hanamina", "hanaminb"}
    # The UI font itself has neither character: without a fallback they are boxes.
    main = QRawFont.fromFont(QFont(UI_FAMILY, 11))
    assert main.familyName() == UI_FAMILY
    assert not main.supportsCharacter(0x20000) and not main.supportsCharacter(0x4DAE)
    assert install_fallback_fonts(family=UI_FAMILY) == fallbacks  # twice: nothing added twice


def test_a_label_with_rare_characters_draws_them_with_a_font_that_has_them(
    qtbot, fallbacks: list[str]
) -> None:
    label = QLabel(RARE)
    label.setFont(QFont(UI_FAMILY, 14))
    qtbot.addWidget(label)
    drawn = families_drawing(label.text(), label.font())
    assert drawn["李"] == UI_FAMILY
    for char in "𠀀䶮":
        assert drawn[char] in fallbacks, drawn
        raw = QRawFont.fromFont(QFont(drawn[char], 14))
        assert raw.supportsCharacter(ord(char))
    image = label.grab().toImage()
    assert not image.isNull()
    assert chars_without_glyph(RARE, label.font()) == []


def test_characters_in_no_font_are_named(fallbacks: list[str]) -> None:
    beyond = "\U00030000"  # Extension G: in no font we ship
    assert chars_without_glyph("王" + beyond + "明", QFont(UI_FAMILY, 11)) == [beyond]


def test_missing_files_are_ignored(qapp, tmp_path: Path) -> None:
    assert install_fallback_fonts([tmp_path / "none.ttf"], family=UI_FAMILY) == []
