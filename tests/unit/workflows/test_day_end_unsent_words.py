"""What is still unsent reads as the business, on the day-end screen, sheet and differences
(they showed the central's operation name, e.g. cards.replacement)."""

from __future__ import annotations

from counter_app.workflows.day_end.report import UnsentItem


def test_an_unsent_business_is_named_in_words() -> None:
    item = UnsentItem(7, "cards.replacement", "dead", "2026-11-30 14:00", 5, "CARD_IS_LOST")
    assert item.operation_zh == "补换卡"
    # an operation the counter does not know yet still says what it is
    assert "x.y" in UnsentItem(8, "x.y", "pending", "", 0, "").operation_zh
