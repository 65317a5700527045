"""What a supervisor at another counter reads of each act (远程授权), and the spoil's checks made
before a request is sent: at each limit and one past it."""

from __future__ import annotations

import pytest

from counter_app.domain.blank_stock import MAX_SPOIL_REASON, MIN_SPOIL_REASON
from counter_app.domain.errors import ValidationError
from counter_app.workflows.remote_acts import (
    force_close_summary,
    photo_override_summary,
    spoil_request,
    spoil_summary,
)

SERIAL = "00B1000000000001"


def test_the_summaries_say_the_act_without_personal_data() -> None:
    assert photo_override_summary("白色背景", "  光线不足\n人工核对合格 ") == "照片人工放行：白色背景，理由：光线不足 人工核对合格"
    assert spoil_summary(SERIAL, "写卡失败") == "登记废卡：芯片序列号尾号 000001，原因：写卡失败"
    assert (force_close_summary("T0302", "C01", "2026-11-30", "已下班 未日终")
            == "强制结束会话：柜员 T0302 · 柜台 C01 · 营业日 2026-11-30，原因：已下班 未日终")


def test_a_spoil_is_checked_as_the_stock_checks_it_before_asking() -> None:
    assert spoil_request(" 00b1 0000 0000 0001 ", "写卡  失败") == (SERIAL, "写卡 失败")
    assert spoil_request(SERIAL, "写" * MIN_SPOIL_REASON)[1] == "写" * MIN_SPOIL_REASON
    assert spoil_request(SERIAL, "写" * MAX_SPOIL_REASON)[1] == "写" * MAX_SPOIL_REASON
    for serial, reason, field in ((SERIAL[:-1], "写卡失败", "chip_serial"),
                                  (SERIAL[:-1] + "G", "写卡失败", "chip_serial"),
                                  (SERIAL, "写" * (MIN_SPOIL_REASON - 1), "reason"),
                                  (SERIAL, "写" * (MAX_SPOIL_REASON + 1), "reason")):
        with pytest.raises(ValidationError) as refused:
            spoil_request(serial, reason)
        assert refused.value.field == field
