"""A missing card's line reads cleanly with or without the holder: on the screen the holder is
not known and the line read "（，卡号 …）"."""

from __future__ import annotations

from counter_app.domain.production import MISSING, Difference
from counter_app.workflows.production.documents import difference_zh


def test_a_missing_card_without_its_holder_has_no_empty_part() -> None:
    d = Difference(MISSING, "APP-20261130-D64865A5FF", "NC0001151")
    assert "申领 APP-20261130-D64865A5FF（卡号 NC0001151）在清单内" in difference_zh(d)
    assert "（张* 330205********1232，卡号 NC0001151）" in difference_zh(d, "张* 330205********1232")
