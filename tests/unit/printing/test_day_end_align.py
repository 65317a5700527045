"""The day-end sheet lines amounts up on the right whatever their column's width (¥0.00 was
centred in a narrow column and ¥20.00 left-aligned in a wide one)."""

from __future__ import annotations

from counter_app.printing.day_end import _align


def test_amounts_right_counts_centred_text_left() -> None:
    assert _align("¥20.00", 40.0) == _align("¥0.00", 22.0) == _align("-¥20.00", 22.0) == "right"
    assert _align("1", 20.0) == "center"
    assert _align("补换卡工本费", 40.0) == "left"
