"""The guided tour's 网点统计 scenario: a real business finished at this counter (a query, recorded
with its times), then the statistics page with the central's totals, and its PDF."""

from __future__ import annotations

from typing import Any

from counter_app.ui.statistics.page import StatisticsPage


def play_statistics(run: Any) -> None:
    from counter_app.ui.queries import tour as queries

    queries.play_queries(run)  # signs in; the query's last step records it (business.completed)
    main = run.app.main
    assert main is not None
    run.settle(lambda: main.ops.pending == 0)
    main.route_to("statistics")
    page = main.day_pages["statistics"]
    assert isinstance(page, StatisticsPage)
    run.settle(lambda: page.figures is not None and main.ops.pending == 0)
    assert page.figures is not None and page.figures.total >= 1
    run.shot("statistics")
    path = run.out / "statistics.pdf"
    written: list[Any] = []
    page.export_pdf(path, written.append)
    run.settle(lambda: bool(written))
    run.pdfs.append(path)
