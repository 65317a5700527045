"""The audit log's shown detail reads as a supervisor reads it: the float in 元 (it showed
备用金（分）：200050), counts with their unit, yes/no in words (it showed True)."""

from __future__ import annotations

from counter_app.workflows.supervision.audit_log import _shown


def test_money_counts_and_flags_are_shown_in_words() -> None:
    shown, hidden = _shown({"float_fen": 200050, "custody": 3, "stale": True, "balanced": False,
                            "failures": 5, "minutes": 30, "session": 7, "name": "李明"})
    assert dict(shown) == {"备用金": "¥2,000.50", "保管空白卡": "3 张", "跨日": "是", "平账": "否",
                           "失败次数": "5 次", "时长": "30 分钟", "会话": "7"}
    assert hidden == 1  # the name is never shown


def test_the_programs_own_entries_are_by_the_system() -> None:
    import datetime as dt

    from counter_app.workflows.supervision.audit_log import AuditRow

    at = dt.datetime(2026, 11, 30, 6, 0, tzinfo=dt.UTC)
    assert AuditRow(1, at, "system", "teller.first_admin_created", (), 1).actor_zh == "系统"
    assert AuditRow(2, at, "T0301", "session.opened", (), 0).actor_zh == "T0301"
