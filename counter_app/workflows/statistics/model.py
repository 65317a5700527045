"""The ports branch statistics reads through: the store's finished businesses and
uncollected cards, the central's totals (the values are in ``domain.statistics``)."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from counter_app.domain.statistics import BusinessDone, CentralTotals


class StatisticsRepository(Protocol):
    """The store's side (``store.statistics.SqlStatistics``)."""

    def record_business(self, done: BusinessDone) -> None:
        """Keep one finished business (audited: the entry is the record)."""
        ...

    def businesses_done(self, since: dt.datetime, until: dt.datetime) -> list[BusinessDone]:
        """Businesses finished in [since, until) (UTC, aware), oldest first."""
        ...

    def uncollected_received_at(self) -> list[dt.datetime]:
        """When each card still waiting for its holder in branch custody was received."""
        ...


class TotalsSource(Protocol):
    """The central's totals of the branch (``central.client.HttpCentralClient.branch_statistics``)."""

    def __call__(self, branch_code: str, date_from: dt.date, date_to: dt.date) -> CentralTotals: ...
