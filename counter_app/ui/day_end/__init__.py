"""日终轧账 (day-end) in the UI."""

from __future__ import annotations

from counter_app.ui.day_end.page import DayEndPage

__all__ = ["DayEndPage"]
