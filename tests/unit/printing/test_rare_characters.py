"""Rare characters in names (CJK Extension A/B): drawn with the fallback font, or printed as
their code point for the teller to write by hand, never left blank."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from counter_app.printing import cjk_fonts, render_application_form, render_business_receipt
from counter_app.printing.fonts import (
    _read_coverage,
    _register,
    code_point_marker,
    font_runs,
    unprintable_chars,
)
from tests.unit.printing.conftest import ADULT, adult_form, pdf_text, receipt, render_png, squashed

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
HANAZONO = Path("/usr/share/fonts/truetype/hanazono")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
RARE_NAME = "李𠀀䶮"  # U+20000 (Extension B) and U+4DAE (Extension A): not in WenQuanYi
BEYOND = "\U00030000"  # Extension G: in no font we ship


@pytest.fixture(scope="module")
def hanazono() -> list[Path]:
    files = sorted(HANAZONO.glob("HanaMin*.ttf"))
    if not files:
        pytest.fail("fonts-hanazono is expected (scripts/setup.sh installs it)")
    return files


def text_by_font(pdf: bytes) -> dict[str, str]:
    """Text drawn with each font of page 1, by base font name (subset prefix removed)."""
    found: dict[str, str] = {}

    def visit(text: str, cm: object, tm: object, font: dict | None, size: float) -> None:
        if font is not None and text.strip():
            name = str(font["/BaseFont"]).split("+")[-1].lstrip("/")
            found[name] = found.get(name, "") + text

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return found


def test_the_main_font_lacks_them_and_a_fallback_has_them(hanazono: list[Path]) -> None:
    fonts = cjk_fonts()
    assert fonts.source == WQY
    runs = font_runs(RARE_NAME, fonts)
    assert runs[0] == (fonts.regular, "李")
    assert runs[1][1] == "𠀀䶮" and runs[1][0] in fonts.fallbacks
    assert unprintable_chars(RARE_NAME) == []


def test_form_and_receipt_draw_rare_names_with_the_fallback(hanazono: list[Path],
                                                            pdftoppm: str) -> None:
    person = ADULT.__class__(**{**ADULT.__dict__, "name": RARE_NAME})
    form = render_application_form(adult_form(applicant=person))
    by_font = text_by_font(form)
    rare = "".join(text for name, text in by_font.items() if name.startswith("HanaMin"))
    assert "𠀀" in rare and "䶮" in rare, by_font  # drawn with the fallback font
    assert not any(c in rare for c in "李明")  # and only they: the rest stays in WenQuanYi
    assert "李" in by_font["WenQuanYiMicroHei-0"]
    text = squashed(pdf_text(form))
    assert RARE_NAME in text
    assert "[U+" not in text  # nothing had to be replaced by a marker
    slip = render_business_receipt(receipt(person_name=RARE_NAME))
    assert "䶮" in "".join(t for n, t in text_by_font(slip).items() if n.startswith("HanaMin"))
    png = render_png(form, "application_form_rare_name")
    assert png.stat().st_size > 0


def test_a_character_in_no_font_is_printed_as_its_code_point() -> None:
    assert code_point_marker(BEYOND) == "[U+30000]"
    assert code_point_marker("\U0002A6D6") == "[U+2A6D6]"
    person = ADULT.__class__(**{**ADULT.__dict__, "name": "王" + BEYOND + "明"})
    text = squashed(pdf_text(render_application_form(adult_form(applicant=person))))
    assert "王[U+30000]明" in text
    assert unprintable_chars("王" + BEYOND + "明") == [BEYOND]


def test_checking_a_text_does_not_load_the_fallback(tmp_path: Path, hanazono: list[Path]) -> None:
    # HanaMin is large (reportlab keeps ~90 MB for both): judging a text must only read its cmap
    alias = tmp_path / "HanaMinAlias.ttf"
    alias.symlink_to(hanazono[0])
    fonts = cjk_fonts(search_path=[WQY], fallback_path=[alias])
    name = fonts.fallbacks[0]
    assert unprintable_chars("䶮", fonts) == []
    assert name not in pdfmetrics.getRegisteredFontNames()
    assert font_runs("䶮", fonts) == [(name, "䶮")]
    assert name in pdfmetrics.getRegisteredFontNames()


@pytest.mark.parametrize("path", [WQY, DEJAVU])
def test_cmap_coverage_matches_reportlab(path: Path) -> None:
    if not path.is_file():
        pytest.fail(f"{path.name} is expected on Debian machines")
    coverage = _read_coverage(path)
    assert coverage is not None
    name = _register(path)
    assert name is not None
    mapped = set(pdfmetrics.getFont(name).face.charToGlyph)
    covered = {c for c in range(0x30000) if c in coverage}
    assert covered == mapped


def test_unreadable_fallback_is_skipped(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 40)
    fonts = cjk_fonts(search_path=[WQY], fallback_path=[broken])
    assert fonts.fallback_paths == ()
    assert unprintable_chars("䶮", fonts) == ["䶮"]
