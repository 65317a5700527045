"""Day-end (日终轧账): per teller (the work session) and per branch — businesses by type, fees
by method, cards reconciled, the outbox — differences explained before the session closes;
the sheet as PDF and CSV. Qt-free; the store is behind ports."""

from counter_app.workflows.day_end.desk import (
    DayEndContext,
    DayEndDesk,
    DayEndRefused,
    DayEndRepository,
    StockFacts,
    day_bounds,
)
from counter_app.workflows.day_end.report import DayEndReport, Difference

__all__ = ["DayEndContext", "DayEndDesk", "DayEndRefused", "DayEndReport", "DayEndRepository",
           "Difference", "StockFacts", "day_bounds"]
