"""The contract's paging of ``GET /v1/persons/{id}/contributions`` (limit, cursor,
next_cursor), on the reference central through the client."""

from __future__ import annotations

import pytest

from counter_app.central.client import HttpCentralClient
from counter_app.central.errors import CentralRefusal

pytestmark = pytest.mark.central

LI_MING = "330203198506122017"


def test_pages_cover_the_history_newest_first_and_end(central_client: HttpCentralClient) -> None:
    whole = central_client.contributions(LI_MING, months=120)
    assert whole.next_cursor is None
    expected = sorted({m.year_month for m in whole.months}, reverse=True)
    seen: list[str] = []
    cursor = None
    for _ in range(20):
        page = central_client.contributions(LI_MING, limit=10, cursor=cursor)
        months = sorted({m.year_month for m in page.months}, reverse=True)
        assert len(months) <= 10
        assert page.summary == whole.summary  # the summary always covers everything
        seen += months
        cursor = page.next_cursor
        if cursor is None:
            break
        assert cursor == months[-1]
    assert seen == expected


def test_last_page_exactly_full_has_no_next(central_client: HttpCentralClient) -> None:
    whole = central_client.contributions(LI_MING, months=120)
    n = len({m.year_month for m in whole.months})
    page = central_client.contributions(LI_MING, limit=n)
    assert page.next_cursor is None and len({m.year_month for m in page.months}) == n
    page = central_client.contributions(LI_MING, limit=n - 1)
    assert page.next_cursor is not None


def test_cursor_without_limit_is_refused(central_client: HttpCentralClient) -> None:
    with pytest.raises(CentralRefusal) as err:
        central_client.request("GET", f"/v1/persons/{LI_MING}/contributions",
                               params={"cursor": "202001"})
    assert err.value.status == 400


def test_malformed_cursor_is_refused(central_client: HttpCentralClient) -> None:
    with pytest.raises(CentralRefusal) as err:
        central_client.contributions(LI_MING, limit=5, cursor="2020-01")
    assert err.value.status in (400, 422)
