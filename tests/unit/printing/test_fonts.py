from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.domain.errors import ConfigurationError
from counter_app.printing import cjk_fonts, unprintable_chars
from counter_app.printing.fonts import font_runs

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_the_system_cjk_font_is_found_and_registered_once() -> None:
    first = cjk_fonts()
    assert first.source is not None and first.source.suffix in {".ttc", ".ttf"}
    assert cjk_fonts() is first
    assert unprintable_chars("宁波市社会保障卡申领登记表 李明 王小雨 鄞州 碶") == []


def test_missing_font_is_a_clear_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError) as info:
        cjk_fonts(search_path=[tmp_path / "none.ttf"], fallback_path=[])
    assert info.value.code == "PRINT_FONT_MISSING"
    assert "fonts-wqy-microhei" in info.value.message_zh
    assert "COUNTER_APP_CJK_FONT" in info.value.message_zh


def test_unusable_font_files_are_skipped(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"OTTO" + b"\x00" * 200)  # a CFF/OpenType header reportlab cannot embed
    with pytest.raises(ConfigurationError):
        cjk_fonts(search_path=[broken], fallback_path=[])
    fonts = cjk_fonts(search_path=[broken, WQY], fallback_path=[])
    assert fonts.source == WQY


def test_characters_missing_from_the_main_font_use_a_fallback() -> None:
    if not DEJAVU.is_file():
        pytest.fail("fonts-dejavu-core is expected on Debian machines")
    fonts = cjk_fonts(search_path=[WQY], fallback_path=[DEJAVU])
    runs = font_runs("李明☐", fonts)
    assert [text for _, text in runs] == ["李明", "☐"]
    assert runs[0][0] == fonts.regular and runs[1][0] == fonts.fallbacks[0]
    assert unprintable_chars("李明☐", fonts) == []
    assert unprintable_chars("李明☐", cjk_fonts(search_path=[WQY], fallback_path=[])) == ["☐"]
