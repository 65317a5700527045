"""Branch statistics (网点统计): business volume per day by type, the weekend share, software
and counter time per business, uncollected cards by age, the central's totals (docs/statistics.md).

- ``model``: the ports the facts are read through (the values are ``domain.statistics``);
- ``desk``: what the page asks (record a finished business, the figures, the PDF).
"""

from counter_app.workflows.statistics.desk import StatisticsContext, StatisticsDesk
from counter_app.workflows.statistics.model import StatisticsRepository, TotalsSource

__all__ = ["StatisticsContext", "StatisticsDesk", "StatisticsRepository", "TotalsSource"]
