"""The social-security query (社保信息查询) in the UI: identify, read, print a summary."""

from __future__ import annotations

from counter_app.ui.queries.page import QueriesPage
from counter_app.workflows.services import CounterServices


def queries_page(services: CounterServices, teller: str) -> QueriesPage:
    return QueriesPage(services.query_desk(teller), printer_name=services.profile.printers.document)


__all__ = ["QueriesPage", "queries_page"]
