"""网点统计: the branch statistics page (Qt Charts); figures from workflows/statistics."""

from counter_app.ui.statistics.page import StatisticsPage

__all__ = ["StatisticsPage"]
